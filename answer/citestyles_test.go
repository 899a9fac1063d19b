package answer

import "testing"

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
