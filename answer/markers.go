package answer

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Marker is a citation marker in an answer: "[1]", "[1, 3]", "[2-4]",
// "[Passage 2]" or "【1】".
type Marker struct {
	// Start and End are the byte range of the marker in the text.
	Start, End int
	// Numbers are the passage numbers the marker names, in the order
	// written, ranges expanded, each once.
	Numbers []int
}

// Limits that keep a marker a citation and not, say, a year in brackets or
// a range that would expand to thousands of numbers.
const (
	maxMarkerDigits  = 3
	maxMarkerRange   = 20
	maxMarkerNumbers = 30
)

// ParseMarkers finds the citation markers of text, in order. A marker is an
// opening bracket ("[", "【" or "［"), an optional label ("passage",
// "source"), one or more numbers of at most three digits separated by ",",
// ";" or a range dash ("-", "–", "—"), with optional spaces, and a closing
// bracket. "[1][2]" is two markers. Anything else in brackets is text.
func ParseMarkers(text string) []Marker {
	var out []Marker
	for i := 0; i < len(text); {
		if m, ok := parseMarker(text, i); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

var (
	openBrackets  = []string{"[", "【", "［"}
	closeBrackets = []string{"]", "】", "］"}
	rangeDashes   = []string{"-", "–", "—"}
	markerLabels  = []string{"passages", "passage", "sources", "source"}
)

// hasPrefixOf returns the length of the first of prefixes that s starts with.
func hasPrefixOf(s string, prefixes []string) int {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}

// parseMarker parses the marker that starts at text[start], if one does.
func parseMarker(text string, start int) (Marker, bool) {
	n := hasPrefixOf(text[start:], openBrackets)
	if n == 0 {
		return Marker{}, false
	}
	i := skipSpaces(text, start+n)
	if l := labelPrefix(text[i:]); l > 0 {
		i = skipSpaces(text, i+l)
	}
	var nums []int
	pendingRange := false
	for {
		v, width := number(text[i:])
		if width == 0 {
			return Marker{}, false
		}
		i = skipSpaces(text, i+width)
		if pendingRange {
			lo := nums[len(nums)-1]
			if v < lo || v-lo > maxMarkerRange {
				return Marker{}, false
			}
			for x := lo + 1; x <= v; x++ {
				nums = append(nums, x)
			}
			pendingRange = false
		} else {
			nums = append(nums, v)
		}
		if len(nums) > maxMarkerNumbers {
			return Marker{}, false
		}
		if c := hasPrefixOf(text[i:], closeBrackets); c > 0 {
			return Marker{Start: start, End: i + c, Numbers: uniqueInts(nums)}, true
		}
		switch {
		case strings.HasPrefix(text[i:], ",") || strings.HasPrefix(text[i:], ";"):
			i = skipSpaces(text, i+1)
		case hasPrefixOf(text[i:], rangeDashes) > 0:
			i = skipSpaces(text, i+hasPrefixOf(text[i:], rangeDashes))
			pendingRange = true
		default:
			return Marker{}, false
		}
		// A label may repeat after a separator: "[Passage 1, Passage 3]".
		if l := labelPrefix(text[i:]); l > 0 && !pendingRange {
			i = skipSpaces(text, i+l)
		}
	}
}

// labelPrefix returns the length of a label word ("Passage") that s starts
// with, followed by a space or a digit, else 0.
func labelPrefix(s string) int {
	for _, label := range markerLabels {
		l := len(label)
		if len(s) > l && strings.EqualFold(s[:l], label) && (s[l] == ' ' || s[l] >= '0' && s[l] <= '9') {
			return l
		}
	}
	return 0
}

// number parses one to maxMarkerDigits ASCII digits not followed by another.
func number(s string) (value, width int) {
	for width < len(s) && s[width] >= '0' && s[width] <= '9' {
		width++
	}
	if width == 0 || width > maxMarkerDigits {
		return 0, 0
	}
	v, _ := strconv.Atoi(s[:width])
	return v, width
}

func skipSpaces(text string, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i
}

// uniqueInts drops repeats, keeping the first of each.
func uniqueInts(nums []int) []int {
	out := nums[:0]
	for _, v := range nums {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// RenumberCitations makes the markers of an answer written over passages
// numbered 1..passages point at a compact citation list. Markers are
// checked, not trusted: a number that names no passage is dropped, and a
// marker left with none is removed together with the spaces before it. The
// passages still cited are renumbered 1..m in order of first citation, and
// every marker is rewritten in the plain form "[1]" or "[1][2]". cited[i]
// is the original number of the passage now cited as [i+1]; it is empty
// when the answer cites nothing.
func RenumberCitations(text string, passages int) (out string, cited []int) {
	// Removing a marker can join the text around it into a new marker
	// ("[1 [9]]" → "[1]"), so remove until nothing is left to remove.
	for {
		next, removed := removeInvalidMarkers(text, passages)
		text = next
		if !removed {
			break
		}
	}
	newNumber := map[int]int{}
	var b strings.Builder
	last := 0
	for _, m := range ParseMarkers(text) {
		b.WriteString(text[last:m.Start])
		last = m.End
		nums := make([]int, 0, len(m.Numbers))
		for _, v := range m.Numbers {
			if _, ok := newNumber[v]; !ok {
				cited = append(cited, v)
				newNumber[v] = len(cited)
			}
			nums = append(nums, newNumber[v])
		}
		slices.Sort(nums)
		for _, v := range nums {
			b.WriteString("[" + strconv.Itoa(v) + "]")
		}
	}
	b.WriteString(text[last:])
	return b.String(), cited
}

// removeInvalidMarkers drops from every marker the numbers outside
// 1..passages and removes the markers left with none, with the spaces
// before them. It reports whether it removed any marker.
func removeInvalidMarkers(text string, passages int) (string, bool) {
	var b strings.Builder
	prev, removed := 0, false
	for _, m := range ParseMarkers(text) {
		valid := slices.DeleteFunc(slices.Clone(m.Numbers), func(v int) bool { return v < 1 || v > passages })
		if len(valid) == len(m.Numbers) {
			continue // kept as written, with the text around it
		}
		if len(valid) == 0 {
			before := text[prev:m.Start]
			if hasPrefixOf(text[m.End:], openBrackets) == 0 {
				// "claim [9]." → "claim."; but "claim [9][3]" → "claim [3]".
				before = strings.TrimRight(before, " \t")
			}
			b.WriteString(before)
			removed = true
		} else {
			b.WriteString(text[prev:m.Start])
			for _, v := range valid {
				b.WriteString("[" + strconv.Itoa(v) + "]")
			}
		}
		prev = m.End
	}
	b.WriteString(text[prev:])
	return b.String(), removed
}
