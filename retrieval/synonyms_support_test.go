package retrieval

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestWordNetSupportWords: the built-in table counts a generic word's
// uses far above a specific word's, and knows phrases, derivations and
// opposites.
func TestWordNetSupportWords(t *testing.T) {
	words, err := WordNetSupportWords()
	if err != nil {
		t.Fatal(err)
	}
	if words.Counts["make"] < 100*max(1, words.Counts["treati"]) {
		t.Errorf("make counted %d times, treaty %d: want a generic word far above a specific one", words.Counts["make"], words.Counts["treati"])
	}
	if words.Nominal["treati"] != words.Counts["treati"] || words.Nominal["serv"] > words.Counts["serv"]/2 {
		t.Errorf("nominal uses: treaty %d of %d, serve %d of %d; want treaty a noun, serve mostly a verb", words.Nominal["treati"], words.Counts["treati"], words.Nominal["serv"], words.Counts["serv"])
	}
	total := 0
	for _, n := range words.Counts {
		total += n
	}
	if words.Total != total {
		t.Errorf("Total = %d, want the sum of Counts, %d", words.Total, total)
	}
	for _, tt := range []struct {
		table      map[string][]string
		key, holds string
	}{
		{words.Related, "call off", "cancel"},
		{words.Related, "step up", "intensifi"},
		{words.Related, "sat", "sit"},
		{words.Related, "decid", "decis"},
		{words.Opposites, "optimist", "pessimist"},
		{words.Opposites, "encourag", "discourag"},
	} {
		if !slices.Contains(tt.table[tt.key], tt.holds) {
			t.Errorf("%q → %q, want %q among them", tt.key, tt.table[tt.key], tt.holds)
		}
	}
}

func TestReadSupportWordsRejectsADamagedTable(t *testing.T) {
	for _, text := range []string{
		"treati\t3\t3\n",        // a field short
		"treati\tmany\t3\t\t\n", // a count that is no number
		"treati\t3\t4\t\t\n",    // more nominal uses than uses
		"\t3\t3\t\t\n",          // no key
		"treati\t-1\t0\t\t\n",   // a negative count
	} {
		if _, err := ReadSupportWords(bytes.NewReader(gzipped(t, text))); err == nil {
			t.Errorf("%q was accepted", text)
		}
	}
	if _, err := ReadSupportWords(strings.NewReader("not gzip")); err == nil {
		t.Error("a table that is not gzipped was accepted")
	}
	words, err := ReadSupportWords(bytes.NewReader(gzipped(t, "step up\t0\t0\tescal intensifi\t\ntreati\t3\t3\t\t\n")))
	if err != nil {
		t.Fatal(err)
	}
	if words.Counts["treati"] != 3 || words.Total != 3 || !slices.Equal(words.Related["step up"], []string{"escal", "intensifi"}) || len(words.Opposites) != 0 {
		t.Errorf("read %+v", words)
	}
}
