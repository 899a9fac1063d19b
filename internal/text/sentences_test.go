package text

import (
	"slices"
	"strings"
	"testing"
)

func TestSentenceSpans(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Xi visited Hanoi. Trong met him.", []string{"Xi visited Hanoi.", "Trong met him."}},
		{"U.S. ends no sentence", "The U.S. President Joe Biden visited Vietnam. It mattered.", []string{"The U.S. President Joe Biden visited Vietnam.", "It mattered."}},
		{"Mr. ends no sentence", "Mr. Trong went to Beijing. Xi met him.", []string{"Mr. Trong went to Beijing.", "Xi met him."}},
		{"a month abbreviation ends no sentence", "They met on Dec. 12 in Hanoi. It was cold.", []string{"They met on Dec. 12 in Hanoi.", "It was cold."}},
		{"a decimal ends no sentence", "Trade grew 56.9 percent. Exports fell.", []string{"Trade grew 56.9 percent.", "Exports fell."}},
		{"question and exclamation marks end sentences", "What are the Three Nos? No alliances! Fine.", []string{"What are the Three Nos?", "No alliances!", "Fine."}},
		{"spans are trimmed", "  One sentence here.  \n", []string{"One sentence here."}},
		{"text without a full stop is one sentence", "China and Vietnam", []string{"China and Vietnam"}},
		{"multi-byte text keeps its byte offsets", "Việt Nam là một nước. Đây là câu thứ hai.", []string{"Việt Nam là một nước.", "Đây là câu thứ hai."}},
		{"empty text has no sentences", "", nil},
		{"white space has no sentences", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := SentenceSpans(tt.in)
			checkSentenceSpans(t, tt.in, spans)
			var got []string
			for _, s := range spans {
				got = append(got, tt.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("SentenceSpans(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkSentenceSpans asserts that spans are trimmed, non-empty, in order,
// apart, and together cover every byte of text that is not white space.
func checkSentenceSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	last := 0
	for i, s := range spans {
		if s.Start < last || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("span %d [%d, %d) of %q is out of order or bounds (previous end %d)", i, s.Start, s.End, text, last)
		}
		if gap := text[last:s.Start]; strings.TrimSpace(gap) != "" {
			t.Fatalf("%q, before span %d, is in no sentence of %q", gap, i, text)
		}
		if IsSpaceByte(text[s.Start]) || IsSpaceByte(text[s.End-1]) {
			t.Fatalf("span %d %q is not trimmed", i, text[s.Start:s.End])
		}
		last = s.End
	}
	if rest := text[last:]; strings.TrimSpace(rest) != "" {
		t.Fatalf("%q, at the end, is in no sentence of %q", rest, text)
	}
}

// FuzzSentenceSpans splits arbitrary text into sentences: no panic, and the
// spans satisfy checkSentenceSpans.
func FuzzSentenceSpans(f *testing.F) {
	f.Add("The U.S. President met Mr. Trong on Dec. 12. Trade grew 56.9 percent!")
	f.Add("Việt Nam là một nước. Đây là câu thứ hai.")
	f.Add("...  ?! \n\n a.b.c. \"Quoted.\" (Bracketed.)")
	f.Fuzz(func(t *testing.T, text string) {
		checkSentenceSpans(t, text, SentenceSpans(text))
	})
}

// TestMissedBreaks: a full stop after two lower-case letters or digits and
// before a capital is a break the sentence model missed; abbreviations and
// decimals are not.
func TestMissedBreaks(t *testing.T) {
	tests := []struct {
		in   string
		want []Span
	}{
		{"Every year since 2018. Meanwhile, ships.", []Span{{0, 22}, {23, 40}}},
		{"Mr. Trong met U.S. President Biden on Dec. 12.", []Span{{0, 46}}},
		{"It rose 56.9 percent. Then it fell!", []Span{{0, 21}, {22, 35}}},
		{"", []Span{{0, 0}}},
	}
	for _, tt := range tests {
		if got := MissedBreaks(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("MissedBreaks(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
