package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Citation styles that models write instead of Lectern's "[n]", read by
// normaliseCitations. ParseMarkers already reads "[1]", "[1][2]",
// "[1, 2]", "[1-3]", "[ 1 ]", "【1】", "[Passage 1]" and "[Source 1]".
var (
	// footnoteRef is a markdown footnote reference, "[^1]".
	footnoteRef = regexp.MustCompile(`\[\^(\d{1,3})\]`)
	// citeGroup is a bracketed or parenthesised group of passage numbers,
	// with optional labels and "and"/"&" between numbers: "(1)",
	// "(Passage 2)", "[Passages 1 and 2]", "(Sources 1, 3 & 4)".
	citeGroup = regexp.MustCompile(`(?i)([\[【［(（])\s*((?:passages?|sources?)\s*)?(\d{1,3}(?:\s*(?:,|;|&|and|-|–|—)\s*(?:(?:passages?|sources?)\s*)?\d{1,3})*)\s*([\]】］)）])`)
	// prosePassage is a passage named in the prose: "Passage 2 says",
	// "according to passage 1,", "as Sources 1 and 3 note".
	prosePassage = regexp.MustCompile(`(?i)(?:\b(?:according to|as (?:stated|noted|described|reported|explained|mentioned) in|as|in|from)\s+)?\b(?:the\s+)?(passages?|sources?)\s+(\d{1,3}(?:\s*(?:,|&|and)\s*\d{1,3})*)\b(?:\s+(?:says|said|states|stated|notes|noted|note|say|state|reports|reported|report|explains|explained|mentions|mentioned|describes|described|shows|showed|adds|added|writes|wrote|indicates|indicated|confirms|confirmed|highlights|highlighted|points out|tells us|explain|mention|describe|show)(?:\s+that)?)?\s*,?`)
	// citeNumber is one number of a group.
	citeNumber = regexp.MustCompile(`\d{1,3}`)
	// citeRange is a range in a group: "1-3".
	citeRange = regexp.MustCompile(`(\d{1,3})\s*[-–—]\s*(\d{1,3})`)
)

// normaliseCitations rewrites the citation styles models write to
// Lectern's "[n]" (or "[n, m]"), for answers written over passages
// numbered 1..passages. A labelled group ("(Passage 2)") is always a
// citation; a bare parenthesised number is one only when it names a
// passage and stands where a citation does — after a claim, before
// punctuation or the end of a line — and no bare parenthesised number of
// the same paragraph opens a list item ("(1) trade and (2) security"). A
// year "(1991)", a list "(i)" or an amount "(5%)" is never read as one.
// Passages named in the prose ("Passage 2 says that …") become a marker at
// the end of their sentence.
func normaliseCitations(text string, passages int) string {
	text = footnoteRef.ReplaceAllString(text, "[$1]")
	text = rewriteGroups(text, passages)
	return rewriteProse(text)
}

// rewriteGroups rewrites bracketed and parenthesised groups of numbers.
func rewriteGroups(text string, passages int) string {
	matches := citeGroup.FindAllStringSubmatchIndex(text, -1)
	if len(matches) == 0 {
		return text
	}
	lists := listParagraphs(text)
	var b strings.Builder
	last := 0
	for _, m := range matches {
		open, close := text[m[2]:m[3]], text[m[8]:m[9]]
		labelled := m[5] > m[4]
		inner := text[m[6]:m[7]]
		paren := open == "(" || open == "（"
		if paren != (close == ")" || close == "）") {
			continue // "(1]" is not a group
		}
		nums := groupNumbers(inner)
		if nums == nil {
			continue
		}
		if paren && !labelled && !(allPassages(nums, passages) && citationPosition(text, m[0], m[1], lists)) {
			continue
		}
		if !paren && !labelled && !strings.Contains(strings.ToLower(inner), "and") && !strings.Contains(inner, "&") {
			continue // ParseMarkers reads it as it is
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(markerText(nums))
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// groupNumbers expands the numbers of a group, ranges included; nil when a
// range runs backwards or is too long.
func groupNumbers(inner string) []int {
	var nums []int
	rest := inner
	for {
		loc := citeRange.FindStringSubmatchIndex(rest)
		head := rest
		if loc != nil {
			head = rest[:loc[0]]
		}
		for _, s := range citeNumber.FindAllString(head, -1) {
			v, _ := strconv.Atoi(s)
			nums = append(nums, v)
		}
		if loc == nil {
			break
		}
		lo, _ := strconv.Atoi(rest[loc[2]:loc[3]])
		hi, _ := strconv.Atoi(rest[loc[4]:loc[5]])
		if hi < lo || hi-lo > maxMarkerRange {
			return nil
		}
		for v := lo; v <= hi; v++ {
			nums = append(nums, v)
		}
		rest = rest[loc[1]:]
	}
	if len(nums) == 0 || len(nums) > maxMarkerNumbers {
		return nil
	}
	return uniqueInts(nums)
}

// allPassages reports whether every number names one of the passages.
func allPassages(nums []int, passages int) bool {
	for _, v := range nums {
		if v < 1 || v > passages {
			return false
		}
	}
	return true
}

// citationPosition reports whether a bare parenthesised number at
// text[start:end] stands where a citation does: after a word or
// punctuation on the same line, and followed by punctuation, another
// group, a closing quote or the end of the line; and its paragraph (listed
// in lists, by the offset where it starts) has no bare parenthesised number
// that opens a list item.
func citationPosition(text string, start, end int, lists listSet) bool {
	before := strings.TrimRight(text[:start], " \t")
	if before == "" || strings.HasSuffix(before, "\n") {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(before); r == ':' {
		return false // "two aims: (1) …"
	}
	if !followsLikeCitation(text[end:]) {
		return false
	}
	return !lists.has(start)
}

// listSet holds the paragraphs of a text that are lists: starts are the
// offsets where its paragraphs start, in order; list[i] says whether
// paragraph i is a list.
type listSet struct {
	starts []int
	list   []bool
}

// has reports whether the paragraph holding offset i is a list.
func (l listSet) has(i int) bool {
	k, found := slices.BinarySearch(l.starts, i)
	if !found {
		k--
	}
	return k >= 0 && l.list[k]
}

// listParagraphs finds the paragraphs, by their start, in which a bare
// parenthesised number opens a list item ("(1) trade and (2) security").
func listParagraphs(text string) listSet {
	l := listSet{starts: []int{0}, list: []bool{false}}
	for i := 0; ; {
		j := strings.Index(text[i:], "\n\n")
		if j < 0 {
			break
		}
		i += j + 2
		l.starts = append(l.starts, i)
		l.list = append(l.list, false)
	}
	for _, m := range bareParen.FindAllStringIndex(text, -1) {
		if !followsLikeCitation(text[m[1]:]) {
			k, found := slices.BinarySearch(l.starts, m[0])
			if !found {
				k--
			}
			l.list[k] = true
		}
	}
	return l
}

// bareParen is a parenthesised number with no label.
var bareParen = regexp.MustCompile(`[(（]\s*\d{1,3}\s*[)）]`)

// followsLikeCitation reports whether what follows a group is what follows
// a citation: the end, a line break, punctuation, a closing quote or
// another group — not a word, as after a list item's "(1)".
func followsLikeCitation(after string) bool {
	after = strings.TrimLeft(after, " \t")
	if after == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(after)
	return r == '\n' || r == '(' || r == '[' || r == '（' || r == '【' || unicode.IsPunct(r) && r != '(' && r != '-'
}

// markerText writes numbers as one marker: "[1]" or "[1, 3]".
func markerText(nums []int) string {
	parts := make([]string, len(nums))
	for i, v := range nums {
		parts[i] = strconv.Itoa(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// rewriteProse turns passages named in the prose into markers. At the start
// of a sentence ("Passage 2 says that Xi visited Hanoi.", "According to
// passage 1, …") the phrase is removed and the marker put at the end of
// the sentence; inside one ("…, as passage 3 notes.") the phrase becomes the
// marker.
func rewriteProse(text string) string {
	for range 50 { // each round rewrites one phrase; a reply has few
		loc := prosePassage.FindStringSubmatchIndex(text)
		for loc != nil && insideBrackets(text, loc[0]) {
			next := prosePassage.FindStringSubmatchIndex(text[loc[1]:])
			if next == nil {
				loc = nil
				break
			}
			for i := range next {
				if next[i] >= 0 {
					next[i] += loc[1]
				}
			}
			loc = next
		}
		if loc == nil {
			return text
		}
		nums := groupNumbers(text[loc[4]:loc[5]])
		if nums == nil {
			return text
		}
		marker := markerText(nums)
		if sentenceStart(text, loc[0]) {
			rest := text[loc[1]:]
			rest = strings.TrimLeft(rest, " \t")
			rest = capitalise(rest)
			end := sentenceEnd(rest)
			text = text[:loc[0]] + insertMarker(rest[:end], marker) + rest[end:]
			continue
		}
		before := strings.TrimRight(text[:loc[0]], " \t,")
		after := text[loc[1]:]
		sep := ""
		if a := strings.TrimLeft(after, " \t"); a != "" && !strings.ContainsAny(a[:1], ".,;:!?)\n") {
			sep = " "
		}
		text = before + " " + marker + sep + strings.TrimLeft(after, " \t")
	}
	return text
}

// insideBrackets reports whether text[i] is inside an unclosed "[".
func insideBrackets(text string, i int) bool {
	open := strings.LastIndexAny(text[:i], "[【")
	return open >= 0 && !strings.ContainsAny(text[open:i], "]】")
}

// sentenceStart reports whether text[i] starts a sentence.
func sentenceStart(text string, i int) bool {
	before := strings.TrimRight(text[:i], " \t")
	if before == "" || strings.HasSuffix(before, "\n") {
		return true
	}
	before = strings.TrimRight(before, "*_\"“”'’")
	last, _ := utf8.DecodeLastRuneInString(before)
	return last == '.' || last == '!' || last == '?' || last == ']' && strings.ContainsAny(before[max(0, len(before)-8):], ".!?")
}

// sentenceEnd is the index just after the last word of the sentence that
// starts text: before its full stop, question or exclamation mark (and any
// markers already there), or the end of its line.
func sentenceEnd(text string) int {
	line := len(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		line = i
	}
	for i := 0; i < line; i++ {
		if c := text[i]; c == '.' || c == '!' || c == '?' {
			if i+1 == line || text[i+1] == ' ' || text[i+1] == '\n' {
				return i
			}
		}
	}
	return len(strings.TrimRight(text[:line], " \t"))
}

// insertMarker puts marker at the end of a sentence cut before its final
// punctuation, after any markers already there.
func insertMarker(sentence, marker string) string {
	return strings.TrimRight(sentence, " \t") + " " + marker
}

// capitalise upper-cases the first letter of text.
func capitalise(text string) string {
	r, size := utf8.DecodeRuneInString(text)
	if size == 0 || !unicode.IsLower(r) {
		return text
	}
	return string(unicode.ToUpper(r)) + text[size:]
}
