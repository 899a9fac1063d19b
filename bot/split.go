package bot

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/internal/text"
)

// textLen counts characters as Discord does: UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// prefixEnd returns the largest rune boundary end ≥ start such that
// text[start:end] has at most limit characters.
func prefixEnd(text string, start, limit int) int {
	n := 0
	for i, r := range text[start:] {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if n+w > limit {
			return start + i
		}
		n += w
	}
	return len(text)
}

// split cuts text into pieces of at most limit characters whose
// concatenation is text. It cuts after a paragraph if it can, else after a
// line, a sentence, a word, and only then anywhere; never inside a citation
// marker such as [3] or [1, 2]. limit should be well above the length of a
// marker (Discord's limits are 2000 and 4096).
func split(text string, limit int) []string {
	if text == "" {
		return nil
	}
	if limit < 1 {
		limit = 1
	}
	markers := answer.ParseMarkers(text)
	var out []string
	start := 0
	for textLen(text[start:]) > limit {
		end := prefixEnd(text, start, limit)
		if end == start { // one rune wider than the limit
			_, size := utf8.DecodeRuneInString(text[start:])
			end = start + size
		}
		cut := bestCut(text, start, end, markers)
		out = append(out, text[start:cut])
		start = cut
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// cutRules are the places to cut, best first: each returns the cut
// positions within window, last first.
var cutRules = []func(window string) []int{
	after("\n\n"),
	after("\n"),
	sentenceEnds,
	after(" "),
}

// after returns a rule that cuts just after each occurrence of sep.
func after(sep string) func(string) []int {
	return func(window string) []int {
		var cuts []int
		for i := len(window); ; {
			j := strings.LastIndex(window[:i], sep)
			if j < 0 {
				return cuts
			}
			cuts = append(cuts, j+len(sep))
			i = j
		}
	}
}

// sentenceEnds cuts where a sentence ends (text.SentenceSpans: not after
// "U.S." or "Mr."), just after the space that follows it, last first.
func sentenceEnds(window string) []int {
	spans := text.SentenceSpans(window)
	var cuts []int
	for i := len(spans) - 2; i >= 0; i-- {
		if end := spans[i].End; end < len(window) && window[end] == ' ' {
			cuts = append(cuts, end+1)
		}
	}
	return cuts
}

// bestCut chooses where the piece text[start:...] ends, at most at end.
func bestCut(text string, start, end int, markers []answer.Marker) int {
	window := text[start:end]
	// Prefer a good cut in the second half of the window, so pieces stay
	// long; failing that, any cut beats cutting a word.
	for _, minimum := range []int{len(window) / 2, 1} {
		for _, rule := range cutRules {
			for _, c := range rule(window) {
				if c < minimum || c >= len(window)+1 {
					continue
				}
				if cut := outsideMarkers(start+c, start, markers); cut > start {
					return cut
				}
			}
		}
	}
	if cut := outsideMarkers(end, start, markers); cut > start {
		return cut
	}
	return end
}

// outsideMarkers moves cut back to the start of the marker it falls
// inside, if any.
func outsideMarkers(cut, start int, markers []answer.Marker) int {
	for _, m := range markers {
		if m.Start >= cut {
			break
		}
		if m.Start < cut && cut < m.End {
			return m.Start
		}
	}
	return cut
}
