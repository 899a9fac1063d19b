package evaluation

import "strings"

// Normalize is how expected phrases and passage texts are compared: s
// lower-cased, every run of characters that are not ASCII letters or digits
// replaced by one space, and the ends trimmed. So "Russia’s" becomes
// "russia s" and "$60 million" becomes "60 million".
func Normalize(s string) string {
	lower := strings.ToLower(s)
	b := make([]byte, 0, len(lower))
	gap := false
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if gap && len(b) > 0 {
				b = append(b, ' ')
			}
			gap = false
			b = append(b, c)
			continue
		}
		// Every other byte, including each byte of a multi-byte UTF-8
		// character, is part of a gap.
		gap = true
	}
	return string(b)
}

// Contains reports whether text contains phrase once both are normalised.
// A phrase that normalises to nothing is contained nowhere.
func Contains(text, phrase string) bool {
	p := Normalize(phrase)
	return p != "" && strings.Contains(Normalize(text), p)
}
