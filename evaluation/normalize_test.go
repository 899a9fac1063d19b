package evaluation

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a curly apostrophe is a gap (DESIGN.md)", "Russia’s", "russia s"},
		{"a currency sign is a gap, and ends are trimmed (DESIGN.md)", "$60 million", "60 million"},
		{"upper case is lowered", "Three NOS", "three nos"},
		{"a run of gaps becomes one space", "Vietnam --  China!!", "vietnam china"},
		{"hyphens and dots are gaps", "U.S.-Vietnam", "u s vietnam"},
		{"a decimal point is a gap", "56.9 percent", "56 9 percent"},
		{"a hard-wrapped line end is a gap", "a long-term\npartner", "a long term partner"},
		{"tabs and CRLF are gaps", "one\ttwo\r\nthree", "one two three"},
		{"digits are kept", "US$10 billion", "us 10 billion"},
		{"non-ASCII letters are gaps", "Việt Nam", "vi t nam"},
		{"leading and trailing gaps are trimmed", "  “Three Nos” ", "three nos"},
		{"only gaps give nothing", " – … ", ""},
		{"empty stays empty", "", ""},
		{"invalid UTF-8 is a gap", "a\xffb", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		name, text, phrase string
		want               bool
	}{
		{"apostrophes match whatever they are", "Russia’s total defense exports", "Russia's total defense", true},
		{"a dollar sign need not be typed", "provided Vietnam with over $60 million in security assistance", "60 million", true},
		{"case does not matter", "the Friendship Medal of the People's Republic", "friendship medal", true},
		{"a phrase may cross a hard-wrapped line", "signing as many as 13\nmajor agreements", "13 major agreements", true},
		{"words must be in order", "no military alliance", "alliance military", false},
		{"it is plain substring containment, not whole words", "a nosy neighbour", "nos", true},
		{"a phrase of only gaps is contained nowhere", "anything", " … ", false},
		{"an empty phrase is contained nowhere", "anything", "", false},
		{"a missing word is a miss", "13 new agreements", "13 major agreements", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Contains(tt.text, tt.phrase); got != tt.want {
				t.Errorf("Contains(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Russia’s", "$60 million", " a  b ", "Việt\nNam", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		for i := 0; i < len(got); i++ {
			c := got[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
				t.Fatalf("Normalize(%q) = %q has byte %q", s, got, c)
			}
		}
		if strings.Contains(got, "  ") || strings.TrimSpace(got) != got {
			t.Fatalf("Normalize(%q) = %q has a double, leading or trailing space", s, got)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize is not idempotent: %q → %q → %q", s, got, again)
		}
		if got != "" && !Contains("x "+s+" y", s) {
			t.Fatalf("%q does not contain itself once padded", s)
		}
	})
}
