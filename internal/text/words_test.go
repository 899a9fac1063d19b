package text

import (
	"slices"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"stop words and question words are dropped", "What are the Three Nos?", []string{"three", "nos"}},
		{"plurals meet their singular", "relations relation", []string{"relat", "relat"}},
		{"curly apostrophe splits the possessive", "Vietnam’s party", []string{"vietnam", "parti"}},
		{"numbers are kept", "$60 million in 2023", []string{"60", "million", "2023"}},
		{"empty text has no terms", "  ... ", nil},
		{"letters glued to digits are split", "partnership as13 new documents", []string{"partnership", "13", "new", "document"}},
		{"a digit run inside a word is its own term", "G7 and F16s", []string{"g", "7", "f", "16"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Terms(tt.in)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
