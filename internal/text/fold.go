package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold removes the diacritics of Latin letters, keeping their case:
// "Nguyễn Phú Trọng" → "Nguyen Phu Trong", "Đà Nẵng" → "Da Nang",
// "Città" → "Citta". Combining diacritical marks (U+0300–U+036F) are
// dropped wherever they stand, so text written decomposed folds the same
// as text written precomposed. Other scripts, and bytes that are not UTF-8, are left as they are. Words
// and Terms fold, so a question typed with diacritics finds a passage
// written without them and the other way round; the text shown to a
// reader is never folded.
func Fold(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		raw := s[i : i+size]
		i += size
		switch {
		case r < utf8.RuneSelf || r == utf8.RuneError:
			b.WriteString(raw) // an invalid byte is kept as it is
		case isCombiningDiacritic(r):
			// dropped
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case unicode.Is(unicode.Latin, r):
			for _, d := range norm.NFD.String(string(r)) {
				if !isCombiningDiacritic(d) {
					b.WriteRune(d)
				}
			}
		default:
			b.WriteString(raw)
		}
	}
	return b.String()
}

// isCombiningDiacritic reports whether r is in the Combining Diacritical
// Marks block, the marks Vietnamese and the other Latin-script languages
// put on their letters.
func isCombiningDiacritic(r rune) bool { return r >= 0x300 && r <= 0x36f }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
