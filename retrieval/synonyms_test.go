package retrieval

import (
	"bytes"
	"compress/gzip"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/internal/text"
)

// gzipped returns text gzipped, as a synonym table file is.
func gzipped(t testing.TB, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadSynonyms(t *testing.T) {
	tests := []struct {
		name    string
		file    []byte
		want    Synonyms
		wantErr string
	}{
		{"a stem, a tab, its synonyms", gzipped(t, "weapon\tarm artilleri\ndeal\ttrade bargain\n"),
			Synonyms{"weapon": {"arm", "artilleri"}, "deal": {"trade", "bargain"}}, ""},
		{"an empty table", gzipped(t, ""), Synonyms{}, ""},
		{"a line without a tab", gzipped(t, "weapon arm\n"), nil, "line 1: no stem and tab"},
		{"not gzipped", []byte("weapon\tarm\n"), nil, "read synonym table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadSynonyms(bytes.NewReader(tt.file))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d stems, want %d", len(got), len(tt.want))
			}
			for k, v := range tt.want {
				if !slices.Equal(got[k], v) {
					t.Errorf("%s → %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

// TestWordNetSynonyms: the built-in table loads and holds what the
// search relies on, keyed and valued by stems.
func TestWordNetSynonyms(t *testing.T) {
	table, err := WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	if len(table) < 20000 {
		t.Errorf("%d stems, want the whole of WordNet's single words (over 20000)", len(table))
	}
	for word, synonym := range map[string]string{"weapons": "arms", "purchaser": "buyer", "deal": "bargain"} {
		if !slices.Contains(table[text.Stem(word)], text.Stem(synonym)) {
			t.Errorf("%s → %q, want %s among them", word, table[text.Stem(word)], text.Stem(synonym))
		}
	}
}

// TestWordNetVerbSynonyms: the verbs' table knows every WordNet verb, a
// verb without synonyms too, and gives a verb only the words of its senses
// as a verb.
func TestWordNetVerbSynonyms(t *testing.T) {
	table, err := WordNetVerbSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	if len(table) < 8000 {
		t.Errorf("%d verbs, want WordNet's single-word verbs (over 8000)", len(table))
	}
	tests := []struct {
		verb, synonym string
		want          bool
	}{
		{"sign", "ratify", true},
		{"sign", "mark", false}, // the noun's synonym
		{"buy", "purchase", true},
	}
	for _, tt := range tests {
		if got := slices.Contains(table[text.Stem(tt.verb)], text.Stem(tt.synonym)); got != tt.want {
			t.Errorf("%s → %q: %s among them = %v, want %v", tt.verb, table[text.Stem(tt.verb)], tt.synonym, got, tt.want)
		}
	}
	if _, ok := table[text.Stem("relocate")]; !ok {
		t.Error("relocate, a verb without synonyms, is not in the table")
	}
}

// TestWordNetVerbKinds: the built-in verbs' kinds table maps a verb to
// what it is a way of doing, one way only.
func TestWordNetVerbKinds(t *testing.T) {
	table, err := WordNetVerbKinds()
	if err != nil {
		t.Fatal(err)
	}
	if len(table) < 1000 {
		t.Errorf("%d verbs, want WordNet's verbs with a hypernym (over 1000)", len(table))
	}
	tests := []struct {
		verb, kind string
		want       bool
	}{
		{"land", "arrive", true},
		{"arrive", "land", false}, // arriving is not always landing
		{"sign", "land", false},
	}
	for _, tt := range tests {
		if got := slices.Contains(table[text.Stem(tt.verb)], text.Stem(tt.kind)); got != tt.want {
			t.Errorf("%s → %q: %s among them = %v, want %v", tt.verb, table[text.Stem(tt.verb)], tt.kind, got, tt.want)
		}
	}
}

// TestSynonymsStandInForWordsThePassagesDoNotUse: a question word no chunk
// holds is searched as its synonyms that chunks hold; a word chunks hold
// is searched as it is, and a synonym no chunk holds is not added.
func TestSynonymsStandInForWordsThePassagesDoNotUse(t *testing.T) {
	ctx := context.Background()
	texts := []string{
		"Russia sells arms and submarines to Vietnam.",
		"China and Vietnam signed a trade agreement.",
	}
	chunks := make([]storedChunk, len(texts))
	for i, text := range texts {
		chunks[i] = storedChunk{Chunk: Chunk{ID: string(rune('a' + i)), Source: "s.txt", Text: text, End: len(text)}, SearchText: text, Windows: sentenceWindows(text)}
	}
	emb := NewLocalEmbedder()
	vectors, err := emb.Embed(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := newIndex(ctx, "", emb, chunks, vectors, indexMeta{})
	if err != nil {
		t.Fatal(err)
	}
	table := Synonyms{"weapon": {"arm", "artilleri"}, "trade": {"deal"}, "bargain": {"trade", "deal"}}
	tests := []struct {
		question string
		want     []string
	}{
		{"Who sells weapons?", []string{"sell", "weapon", "arm"}},     // "artilleri" is in no chunk
		{"Who made a trade deal?", []string{"made", "trade", "deal"}}, // "trade" is in a chunk: not expanded; "deal", "made" have no entry
		{"Which bargain was struck?", []string{"bargain", "struck", "trade"}},
	}
	for _, tt := range tests {
		terms := QuestionTerms(tt.question)
		before := slices.Clone(terms)
		if got := ix.withSynonyms(terms, table); !slices.Equal(got, tt.want) {
			t.Errorf("withSynonyms(%q) = %q, want %q", tt.question, got, tt.want)
		}
		if !slices.Equal(terms, before) {
			t.Errorf("withSynonyms(%q) changed its argument to %q", tt.question, terms)
		}
	}
	if got := ix.withSynonyms([]string{"weapon"}, nil); !slices.Equal(got, []string{"weapon"}) {
		t.Errorf("with no table: %q, want the terms as they are", got)
	}
}

func BenchmarkWordNetSynonyms(b *testing.B) {
	for b.Loop() {
		if _, err := ReadSynonyms(bytes.NewReader(synonymsFile)); err != nil {
			b.Fatal(err)
		}
	}
}
