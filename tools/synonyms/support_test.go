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

// A WordNet database in miniature for the support table: "cooperate" and
// "cooperation" derived from each other (pointer "+", word 1 to word 1),
// "cancel" and its phrase "call off" in one synset, "optimistic" and
// "pessimistic" opposites (pointer "!"), "sat" a form of "sit", and the
// sense-tagged counts of cntlist.rev (sense key, sense number, count; 1
// is a noun's synset type, 2 a verb's, 3 an adjective's).
var miniWordNet = map[string]string{
	"index.verb": `  1 licence lines
cooperate v 1 1 + 1 1 00000100
cancel v 1 0 1 1 00000200
call_off v 1 0 1 0 00000200
sit v 1 0 1 1 00000300
`,
	"data.verb": `  1 licence lines
00000100 41 v 01 cooperate 0 001 + 00000100 n 0101 01 + 02 00 | work together
00000200 41 v 02 cancel 0 call_off 0 000 01 + 02 00 | do not go on with
00000300 35 v 01 sit 0 000 01 + 02 00 | be seated
`,
	"index.noun": `  1 licence lines
cooperation n 1 1 + 1 1 00000100
`,
	"data.noun": `  1 licence lines
00000100 04 n 01 cooperation 0 001 + 00000100 v 0101 | joint work
`,
	"index.adj": `  1 licence lines
optimistic a 1 1 ! 1 1 00000100
pessimistic a 1 1 ! 1 1 00000200
`,
	"data.adj": `  1 licence lines
00000100 00 a 01 optimistic 0 001 ! 00000200 a 0101 | hopeful
00000200 00 a 01 pessimistic 0 001 ! 00000100 a 0101 | gloomy
`,
	"index.adv": "", "data.adv": "",
	"verb.exc": "sat sit\n",
	"cntlist.rev": `cooperate%2:41:00:: 1 40
cooperation%1:04:00:: 1 20
cancel%2:41:00:: 1 11
optimistic%3:00:00:: 1 2
`,
}

func writeMiniWordNet(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuildSupport(t *testing.T) {
	table, err := buildSupport(writeMiniWordNet(t, miniWordNet), 2)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]supportEntry{
		"cooper":    {count: 60, nominal: 20}, // both stem to "cooper": one key, its uses counted together
		"cancel":    {count: 11},
		"call off":  {related: []string{"cancel"}}, // a phrase of WordNet: the single words of its synsets
		"sat":       {related: []string{"sit"}},    // a form of the verb, under which its phrases are listed
		"optimist":  {count: 2, nominal: 2, opposites: []string{"pessimist"}},
		"pessimist": {opposites: []string{"optimist"}},
	}
	for key, w := range want {
		got := table[key]
		if got == nil {
			t.Errorf("%q missing from the table", key)
			continue
		}
		if got.count != w.count || got.nominal != w.nominal || !slices.Equal(got.related, w.related) || !slices.Equal(got.opposites, w.opposites) {
			t.Errorf("%q = %+v, want %+v", key, *got, w)
		}
	}
	if len(table) != len(want) {
		t.Errorf("table has %d keys, want %d: %v", len(table), len(want), supportLines(table))
	}
}

func TestBuildSupportDerivesAcrossStems(t *testing.T) {
	files := copyFiles(miniWordNet)
	// "decide" and "decision" stem apart ("decid", "decis"): each lists
	// the other.
	files["index.verb"] += "decide v 1 1 + 1 1 00000400\n"
	files["data.verb"] += "00000400 31 v 01 decide 0 001 + 00000300 n 0101 01 + 02 00 | make up one's mind\n"
	files["index.noun"] += "decision n 1 1 + 1 1 00000300\n"
	files["data.noun"] += "00000300 04 n 01 decision 0 001 + 00000400 v 0101 | a choice made\n"
	table, err := buildSupport(writeMiniWordNet(t, files), 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := table["decid"]; got == nil || !slices.Equal(got.related, []string{"decis"}) {
		t.Errorf("decid → %+v, want related [decis]", got)
	}
	if got := table["decis"]; got == nil || !slices.Equal(got.related, []string{"decid"}) {
		t.Errorf("decis → %+v, want related [decid]", got)
	}
}

func copyFiles(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestSupportLinesAreWrittenGzipped(t *testing.T) {
	lines := supportLines(map[string]*supportEntry{
		"step up": {related: []string{"escal", "intensifi"}},
		"treati":  {count: 3, nominal: 3},
	})
	var out bytes.Buffer
	if err := writeGzippedLines(&out, lines); err != nil {
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
	if got, want := string(text), "step up\t0\t0\tescal intensifi\t\ntreati\t3\t3\t\t\n"; got != want {
		t.Errorf("written table = %q, want %q", got, want)
	}
}

func TestBuildSupportReportsADamagedFile(t *testing.T) {
	for name, text := range map[string]string{
		"cntlist.rev": "cooperate%2:41:00:: 1 many\n",
		"data.verb":   "00000100 41 v 01 cooperate 0 00x + 00000100 n 0101 | work together\n",
		"verb.exc":    "sat\n",
	} {
		files := copyFiles(miniWordNet)
		files[name] = text
		if _, err := buildSupport(writeMiniWordNet(t, files), 2); err == nil {
			t.Errorf("a damaged %s was accepted", name)
		}
	}
	if _, err := buildSupport(t.TempDir(), 2); err == nil {
		t.Error("a folder without WordNet files was accepted")
	}
}
