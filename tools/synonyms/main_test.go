package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A WordNet database in miniature: the licence lines at the top start with
// spaces; an index line is lemma, part of speech, synset count, pointer
// count, pointers, sense count, tagged-sense count, then the synsets,
// most frequent sense first; a data line is offset, lexicographer file,
// part of speech, word count (hex), then each word with its lex id.
const (
	indexNoun = `  1 This software and database is being provided to you, the LICENSEE
weapon n 2 1 @ 2 1 00000010 00000020
arms_race n 1 0 1 0 00000030
deal n 3 0 3 1 00000040 00000050 00000060
`
	dataNoun = `  1 This software and database is being provided to you, the LICENSEE
00000010 06 n 03 weapon 0 arm 0 weapon_system 0 000 | any instrument used in fighting
00000020 06 n 02 weapon 0 artillery(a) 0 000 | a second sense
00000030 06 n 01 arms_race 0 000 | a race
00000040 04 n 02 deal 0 trade 0 000 | a first sense
00000050 04 n 02 deal 0 bargain 0 000 | a second sense
00000060 04 n 02 deal 0 hatful 0 000 | a third sense, left out
`
)

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"index.noun": indexNoun, "data.noun": dataNoun}
	for _, pos := range []string{"verb", "adj", "adv"} {
		files["index."+pos], files["data."+pos] = "", ""
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	table, err := build(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"weapon": {"arm", "artilleri"}, // multi-word lemmas and markers dropped, stems kept
		"deal":   {"trade", "bargain"}, // the third sense is not among the first two
	}
	if len(table) != len(want) {
		t.Errorf("table = %q, want %q", table, want)
	}
	for k, v := range want {
		if !slices.Equal(table[k], v) {
			t.Errorf("%s → %q, want %q", k, table[k], v)
		}
	}

	var out bytes.Buffer
	if err := writeTable(&out, table); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(text), "deal\ttrade bargain\nweapon\tarm artilleri\n"; got != want {
		t.Errorf("written table = %q, want %q", got, want)
	}
}

// TestBuildVerbs: the verbs' table holds every single-word verb, with the
// words of its first two verb senses, and none of another part of speech.
func TestBuildVerbs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": indexNoun, "data.noun": dataNoun,
		"index.verb": "  1 licence\nsign v 3 0 3 0 00000110 00000120 00000130\nrelocate v 1 0 1 0 00000140\n",
		"data.verb":  "  1 licence\n00000110 31 v 02 sign 0 subscribe 0 000 | put a signature\n00000120 31 v 02 sign 0 ratify 0 000 | approve\n00000130 31 v 02 sign 0 gesture 0 000 | a third sense, left out\n00000140 38 v 01 relocate 0 000 | move\n",
	}
	for _, pos := range []string{"adj", "adv"} {
		files["index."+pos], files["data."+pos] = "", ""
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	verbs, err := buildVerbs(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tableLines(verbs, true), []string{"reloc\t", "sign\tsubscrib ratifi"}; !slices.Equal(got, want) {
		t.Errorf("verb lines = %q, want %q", got, want)
	}
}

func TestBuildReportsADamagedFile(t *testing.T) {
	dir := t.TempDir()
	for _, pos := range partsOfSpeech {
		if err := os.WriteFile(filepath.Join(dir, "index."+pos), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "data."+pos), []byte("00000010 06 n zz weapon 0\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := build(dir, 2); err == nil {
		t.Fatal("a synset line with a word count of zz was accepted")
	}
	if _, err := build(t.TempDir(), 2); err == nil {
		t.Fatal("a folder without WordNet files was accepted")
	}
}
