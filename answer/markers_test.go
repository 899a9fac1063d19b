package answer

import (
	"reflect"
	"testing"
)

func TestParseMarkers(t *testing.T) {
	tests := []struct {
		text string
		want [][]int // the numbers of each marker found, in order
	}{
		{"No alliances [1].", [][]int{{1}}},
		{"Two claims [1][2] here.", [][]int{{1}, {2}}},
		{"A list [1, 3].", [][]int{{1, 3}}},
		{"Semicolons [1; 3] too.", [][]int{{1, 3}}},
		{"A range [1-3].", [][]int{{1, 2, 3}}},
		{"An en dash [2–4].", [][]int{{2, 3, 4}}},
		{"Spaces inside [ 2 , 5 ].", [][]int{{2, 5}}},
		{"Full-width brackets 【1】 and ［2］.", [][]int{{1}, {2}}},
		{"Labels [Passage 2] and [source 1, passage 3].", [][]int{{2}, {1, 3}}},
		{"Repeats once [2, 2, 1-2].", [][]int{{2, 1}}},
		{"Zero is a marker to no passage [0].", [][]int{{0}}},
		{"Nested [[1]] finds the inner one.", [][]int{{1}}},
		{"A year in brackets [2023] is text.", nil},
		{"Words in brackets [sic] and [a] are text.", nil},
		{"An unclosed [1 is text.", nil},
		{"A backwards range [3-1] is text.", nil},
		{"A huge range [1-900] is text.", nil},
		{"A dangling dash [1-] is text.", nil},
		{"Empty [] and [,] are text.", nil},
		{"Markdown links [1](http://x) still cite [1].", [][]int{{1}, {1}}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got [][]int
			for _, m := range ParseMarkers(tt.text) {
				got = append(got, m.Numbers)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseMarkers(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseMarkersSpans(t *testing.T) {
	text := "Claim 【1】 and [2, 3]."
	ms := ParseMarkers(text)
	if len(ms) != 2 || text[ms[0].Start:ms[0].End] != "【1】" || text[ms[1].Start:ms[1].End] != "[2, 3]" {
		t.Fatalf("spans wrong: %+v", ms)
	}
}

func TestRenumberCitations(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		passages  int
		want      string
		wantCited []int
	}{
		{"already compact", "A [1]. B [2].", 3, "A [1]. B [2].", []int{1, 2}},
		{"renumbered in order of first citation", "A [3]. B [1]. C [3].", 5, "A [1]. B [2]. C [1].", []int{3, 1}},
		{"a marker to a missing passage is removed with its space", "A [9]. B [2].", 3, "A. B [1].", []int{2}},
		{"a removed marker before another keeps the space", "A [9][2].", 3, "A [1].", []int{2}},
		{"a missing number is dropped from a list", "A [2, 9].", 3, "A [1].", []int{2}},
		{"zero names no passage", "A [0] [1].", 1, "A [1].", []int{1}},
		{"lists become adjacent markers, sorted", "A [3, 1].", 3, "A [1][2].", []int{3, 1}},
		{"ranges are expanded", "A [2-3]. B [1].", 3, "A [1][2]. B [3].", []int{2, 3, 1}},
		{"full-width and labelled markers are rewritten", "A 【2】. B [Passage 1].", 2, "A [1]. B [2].", []int{2, 1}},
		{"nothing valid cites nothing", "A [7]. B [8].", 3, "A. B.", nil},
		{"no markers at all", "Just text.", 3, "Just text.", nil},
		{"no passages at all", "A [1].", 0, "A.", nil},
		{"a removal that joins a new marker", "A [1 [9]].", 1, "A [1].", []int{1}},
		{"newlines before a removed marker stay", "A.\n[9] B [1].", 1, "A.\n B [1].", []int{1}},
		{"text in brackets is untouched", "In [2023] it [sic] said [1].", 1, "In [2023] it [sic] said [1].", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cited := RenumberCitations(tt.text, tt.passages)
			if got != tt.want || !reflect.DeepEqual(cited, tt.wantCited) {
				t.Errorf("RenumberCitations(%q, %d) = %q, %v; want %q, %v", tt.text, tt.passages, got, cited, tt.want, tt.wantCited)
			}
		})
	}
}
