package bot

import (
	"strings"
	"testing"

	"github.com/lectern/lectern/answer"
)

func TestSplit(t *testing.T) {
	t.Parallel()
	para := strings.Repeat("word ", 30) // 150 characters
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"short text is one piece", "Hello [1].", 100, []string{"Hello [1]."}},
		{"empty text is no piece", "", 100, nil},
		{"cuts after a paragraph", para + "\n\n" + para, 200, []string{para + "\n\n", para}},
		{"cuts after a sentence", "First sentence here [1]. Second one follows and is long.", 40, []string{"First sentence here [1]. ", "Second one follows and is long."}},
		{"an abbreviation ends no sentence", "The talks with Mr. Trong went on [1].", 30, []string{"The talks with Mr. Trong went ", "on [1]."}},
		{"never inside a marker", "aaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbb[12, 13] cc", 40, []string{"aaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbb", "[12, 13] cc"}},
		{"cuts a word only when it must", strings.Repeat("x", 25), 10, []string{"xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text, tt.limit)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("split(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
			}
		})
	}
}

// FuzzSplit: no piece over the limit, no cut inside a citation marker, and
// the pieces put together are the text.
func FuzzSplit(f *testing.F) {
	f.Add("The Three Nos [1]. No alliances [2, 3].\n\nSecond paragraph [4-5].", 40)
	f.Add(strings.Repeat("😀 [1] ", 500), 2000)
	f.Add(strings.Repeat("a", 5000), 4096)
	f.Add("【1】 and ［2］ and [Passage 3] end.", 12)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < 0 {
			limit = -limit
		}
		limit = 64 + limit%4096
		pieces := split(text, limit)
		if got := strings.Join(pieces, ""); got != text {
			t.Fatalf("pieces do not put back together:\n got %q\nwant %q", got, text)
		}
		cut := 0
		var cuts []int
		for i, p := range pieces {
			if p == "" {
				t.Fatalf("piece %d is empty", i)
			}
			if n := textLen(p); n > limit && len([]rune(p)) > 1 {
				t.Fatalf("piece %d has %d characters, limit %d", i, n, limit)
			}
			cut += len(p)
			cuts = append(cuts, cut)
		}
		for _, m := range answer.ParseMarkers(text) {
			if textLen(text[m.Start:m.End]) > limit/4 {
				continue // not a citation marker any reader would write
			}
			for _, c := range cuts {
				if m.Start < c && c < m.End {
					t.Fatalf("cut at %d inside marker %q", c, text[m.Start:m.End])
				}
			}
		}
	})
}
