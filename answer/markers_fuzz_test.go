package answer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// markerSeeds are answers as models write them, good and bad.
var markerSeeds = []string{
	"No alliances [1]. No bases [2][3].",
	"A [1, 3] B [2-4] C [Passage 2] D 【1】 E ［2］",
	"A [9]. [0] B [1 [9]]. [2023] [sic] [1-900] [3-1]",
	"[[1]] [1][2][3] [ 1 ; 2 ] [passages 1-2] [Source 3]",
	"unclosed [1 and [1- and [, ] and 【",
	"I couldn't find that in the reading list.",
}

// FuzzParseMarkers checks that every marker found is a well-formed span of
// the text, in order, naming at least one number.
func FuzzParseMarkers(f *testing.F) {
	for _, s := range markerSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range ParseMarkers(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("marker %+v out of order or out of %d bytes", m, len(text))
			}
			prev = m.End
			span := text[m.Start:m.End]
			if hasPrefixOf(span, openBrackets) == 0 {
				t.Fatalf("marker %q does not open with a bracket", span)
			}
			if !slices.ContainsFunc(closeBrackets, func(c string) bool { return strings.HasSuffix(span, c) }) {
				t.Fatalf("marker %q does not close with a bracket", span)
			}
			if len(m.Numbers) == 0 || len(m.Numbers) > maxMarkerNumbers {
				t.Fatalf("marker %q names %d numbers", span, len(m.Numbers))
			}
			for i, v := range m.Numbers {
				if v < 0 || v > 999 || slices.Contains(m.Numbers[:i], v) {
					t.Fatalf("marker %q has numbers %v", span, m.Numbers)
				}
			}
		}
	})
}

// FuzzRenumberCitations checks the citation checker: what it returns cites
// exactly passages 1..m, first cited in that order, each standing for a
// distinct passage that exists, and checking again changes nothing.
func FuzzRenumberCitations(f *testing.F) {
	for _, s := range markerSeeds {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, passages int) {
		passages %= 50
		out, cited := RenumberCitations(text, passages)
		for i, v := range cited {
			if v < 1 || v > passages || slices.Contains(cited[:i], v) {
				t.Fatalf("cited %v for %d passages", cited, passages)
			}
		}
		next := 1
		for _, m := range ParseMarkers(out) {
			for _, v := range m.Numbers {
				if v < 1 || v > len(cited) {
					t.Fatalf("%q: marker number %d outside 1..%d", out, v, len(cited))
				}
				if v == next {
					next++
				} else if v > next {
					t.Fatalf("%q: [%d] cited before [%d]", out, v, next)
				}
			}
		}
		if next != len(cited)+1 {
			t.Fatalf("%q: cites %d passages, cited list has %d", out, next-1, len(cited))
		}
		if utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Fatalf("valid text %q became invalid %q", text, out)
		}
		again, cited2 := RenumberCitations(out, len(cited))
		if again != out || len(cited2) != len(cited) {
			t.Fatalf("not idempotent: %q → %q → %q", text, out, again)
		}
		for i, v := range cited2 {
			if v != i+1 {
				t.Fatalf("second pass renumbered %q: %v", out, cited2)
			}
		}
	})
}
