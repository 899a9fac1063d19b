package answer

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCitationStylesAreReadAsLecternMarkers: every style models write is
// rewritten to "[n]" (then renumbered as any marker), and parenthesised
// numbers of the prose stay prose.
func TestCitationStylesAreReadAsLecternMarkers(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"plain", "Xi visited Hanoi [1].", "Xi visited Hanoi [1]."},
		{"two markers", "Xi visited Hanoi [1][2].", "Xi visited Hanoi [1][2]."},
		{"list", "Xi visited Hanoi [1, 2].", "Xi visited Hanoi [1][2]."},
		{"range", "Xi visited Hanoi [1-3].", "Xi visited Hanoi [1][2][3]."},
		{"spaces", "Xi visited Hanoi [ 2 ].", "Xi visited Hanoi [1]."},
		{"full-width", "Xi visited Hanoi【2】.", "Xi visited Hanoi[1]."},
		{"passage label", "Xi visited Hanoi [Passage 2].", "Xi visited Hanoi [1]."},
		{"source label", "Xi visited Hanoi [Source 3].", "Xi visited Hanoi [1]."},
		{"parenthesised", "Xi visited Hanoi (2).", "Xi visited Hanoi [1]."},
		{"parenthesised list", "Xi visited Hanoi (1, 3).", "Xi visited Hanoi [1][2]."},
		{"parenthesised passage", "Xi visited Hanoi (Passage 4).", "Xi visited Hanoi [1]."},
		{"parenthesised passages and", "Xi visited Hanoi (Passages 1 and 2).", "Xi visited Hanoi [1][2]."},
		{"footnote", "Xi visited Hanoi.[^2]", "Xi visited Hanoi.[1]"},
		{"passages and", "Xi visited Hanoi [Passages 2 and 3].", "Xi visited Hanoi [1][2]."},
		{"passages ampersand", "Xi visited Hanoi [Sources 2 & 5].", "Xi visited Hanoi [1][2]."},
		{"mixed styles", "Xi visited Hanoi [1]. Trong met him (2).", "Xi visited Hanoi [1]. Trong met him [2]."},
		{"passage says", "Passage 2 says that Xi visited Hanoi.", "Xi visited Hanoi [1]."},
		{"passage states", "Passage 3 states Xi visited Hanoi in 2023.", "Xi visited Hanoi in 2023 [1]."},
		{"according to", "According to passage 1, Xi visited Hanoi.", "Xi visited Hanoi [1]."},
		{"according to second sentence", "Trong went to Beijing [1]. According to Passage 2, Xi visited Hanoi.", "Trong went to Beijing [1]. Xi visited Hanoi [2]."},
		{"as passage notes", "Xi visited Hanoi, as Passage 2 notes.", "Xi visited Hanoi [1]."},
		{"passages and prose", "Passages 1 and 3 say that Xi visited Hanoi.", "Xi visited Hanoi [1][2]."},
		// Numbers of the prose.
		{"year", "They normalised relations (1991) and traded [1].", "They normalised relations (1991) and traded [1]."},
		{"roman list", "Three Nos: (i) no alliance, (ii) no bases [2].", "Three Nos: (i) no alliance, (ii) no bases [1]."},
		{"numbered list", "Two aims: (1) trade and (2) security [3].", "Two aims: (1) trade and (2) security [1]."},
		{"list without colon", "They agreed on (1) trade and (2) security [3].", "They agreed on (1) trade and (2) security [1]."},
		{"amount", "Aid rose (5%) and then ($10) [1].", "Aid rose (5%) and then ($10) [1]."},
		{"number beyond the passages", "They signed deals (13) [1].", "They signed deals (13) [1]."},
		{"line start", "(2) is the number of visits [1].", "(2) is the number of visits [1]."},
		{"author year", "(Pollard, 2022) said so [1].", "(Pollard, 2022) said so [1]."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			norm := normaliseCitations(c.in, 5)
			got, _ := RenumberCitations(norm, 5)
			if got != c.want {
				t.Errorf("normaliseCitations(%q) = %q, renumbered %q; want %q", c.in, norm, got, c.want)
			}
		})
	}
}

// TestMarkersAfterAbbreviationsKeepTheirFullStop: an extractive sentence
// that ends with "U.S." keeps it whole, and "‘Mr." ends no sentence.
func TestMarkersAfterAbbreviationsKeepTheirFullStop(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vietnam hedges with the U.S.", "Vietnam hedges with the U.S. [1]"},
		{"Trong met Xi.", "Trong met Xi [1]."},
		{"They met in Washington D.C.", "They met in Washington D.C. [1]"},
		{"It ended...", "It ended... [1]"},
	}
	for _, tt := range tests {
		if got := withMarker(tt.in, 1); got != tt.want {
			t.Errorf("withMarker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	got := splitSentences("“‘Mr. Trong Goes to Beijing’: A Visit” is an article by Vincenzo Caporale. It is short.")
	if len(got) != 2 || !strings.HasPrefix(got[0], "“‘Mr. Trong Goes") {
		t.Errorf("splitSentences = %q", got)
	}
}

// FuzzNormaliseCitations: whatever a model writes, reading its citation
// styles never panics, keeps valid UTF-8, leaves text with no digit as it
// is, and keeps every parenthesised year of the prose.
func FuzzNormaliseCitations(f *testing.F) {
	for _, s := range []string{
		"Xi visited Hanoi (2). Trong met him [Passages 1 and 3].",
		"Passage 2 says that they met in (1991) [^1].",
		"According to passage 1, (i) trade and (ii) aid (5%).",
		"【1】 [ 2 ] (Source 3) [1-3] [2](http://x)",
		"", "((((", "(1", "Passage 9999999 says", "as passage 1 notes, [Passage 2 and",
	} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, text string, passages int) {
		if passages < 0 || passages > 50 {
			return
		}
		out := normaliseCitations(text, passages)
		if utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q: %q", text, out)
		}
		if !strings.ContainsAny(text, "0123456789") && out != text {
			t.Fatalf("text with no digit changed: %q → %q", text, out)
		}
		for _, y := range yearInParens.FindAllString(text, -1) {
			if strings.Count(out, y) < strings.Count(text, y) {
				t.Fatalf("a year %s of the prose was lost: %q → %q", y, text, out)
			}
		}
		cleaned, _ := cleanReply(text, passages)
		RenumberCitations(cleaned, passages)
		partialReply(text, passages, true)
	})
}

var yearInParens = regexp.MustCompile(`\(\d{4}\)`)
