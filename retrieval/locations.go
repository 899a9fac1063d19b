package retrieval

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/internal/text"
)

// Location is where a passage or a quote stands in its document: the page
// (1-based) it starts on and, when it runs onto a later page, the page it
// ends on, for paged documents (PDF); the nearest heading before it for the
// others. All are empty for a document that has neither (plain text).
type Location struct {
	Page    int    `json:"page,omitempty"`
	PageEnd int    `json:"page_end,omitempty"`
	Section string `json:"section,omitempty"`
}

// Break is a place inside a chunk's text where a new page or a new section
// starts: At is a byte offset in the chunk's Text.
type Break struct {
	At      int    `json:"at"`
	Page    int    `json:"page,omitempty"`
	Section string `json:"section,omitempty"`
}

// Location marks are runes of the Supplementary Private Use Area-B, one per
// page or section start, put into the extracted text before cleaning and
// taken out after it, so that Clean's rules, which work on lines, carry
// them to wherever the text they stood before ends up.
const (
	firstMark = 0x100000
	lastMark  = 0x10FFFD
	maxMarks  = lastMark - firstMark + 1
)

func isMark(r rune) bool { return r >= firstMark && r <= lastMark }

// hasMarks reports whether s holds a location mark. Every mark is a
// four-byte rune starting with 0xF4 0x80–0x8F.
func hasMarks(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xF4 && s[i+1] >= 0x80 && s[i+1] <= 0x8F {
			return true
		}
	}
	return false
}

// stripMarks returns s without its location marks.
func stripMarks(s string) string {
	if !hasMarks(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s)
}

// marksOf returns the location marks of s, in order, and nothing else.
func marksOf(s string) string {
	if !hasMarks(s) {
		return ""
	}
	var b strings.Builder
	for _, r := range s {
		if isMark(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mark is a page or section start (id: pages first, then sections) at a
// byte offset of a text.
type mark struct{ at, id int }

// withoutMarks drops from text the runes of the marks' range it holds of
// its own, moving the offsets of marks to match.
func withoutMarks(text string, marks []mark) string {
	var b strings.Builder
	shift := make([]int, len(text)+1) // bytes dropped before each offset
	dropped := 0
	for i, r := range text {
		for j := i; j < len(text) && (j == i || !utf8.RuneStart(text[j])); j++ {
			shift[j] = dropped
		}
		if isMark(r) {
			dropped += utf8.RuneLen(r)
			continue
		}
		b.WriteRune(r)
	}
	shift[len(text)] = dropped
	for i := range marks {
		at := min(max(marks[i].at, 0), len(text))
		marks[i].at = at - shift[at]
	}
	return b.String()
}

// cleanDocument cleans an extracted document's text with Clean and moves
// its pages and sections onto the cleaned text. Where a page or section
// start was lost, it takes the start of the one before it (or 0).
func cleanDocument(doc ingest.Document) (string, []ingest.Page, []ingest.Section) {
	if len(doc.Pages) == 0 && len(doc.Sections) == 0 {
		return Clean(doc.Text), nil, nil
	}
	var marks []mark
	id := 0
	for _, p := range doc.Pages {
		marks = append(marks, mark{p.Start, id})
		id++
	}
	for _, s := range doc.Sections {
		marks = append(marks, mark{s.Start, id})
		id++
	}
	if len(marks) > maxMarks {
		marks = marks[:maxMarks]
	}
	text := doc.Text
	if t, ok := strings.CutPrefix(text, "\uFEFF"); ok { // Clean drops it; a mark must not stand before it
		text = t
		for i := range marks {
			marks[i].at -= len("\uFEFF")
		}
	}
	if hasMarks(text) { // runes of the marks' range in the text itself go
		text = withoutMarks(text, marks)
	}
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	for i := range marks {
		// A mark goes before the first character that is not white space,
		// so that it never stands alone on a line or between two spaces.
		at := min(max(marks[i].at, 0), len(text))
		for at < len(text) {
			r, size := utf8.DecodeRuneInString(text[at:])
			if !unicode.IsSpace(r) {
				break
			}
			at += size
		}
		for at < len(text) && !utf8.RuneStart(text[at]) {
			at++
		}
		if at >= end { // a start after the last words: it goes right after them
			at = end
		}
		marks[i].at = at
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].at < marks[j].at })
	var b strings.Builder
	b.Grow(len(text) + 4*len(marks))
	last := 0
	for _, m := range marks {
		b.WriteString(text[last:m.at])
		b.WriteRune(rune(firstMark + m.id))
		last = m.at
	}
	b.WriteString(text[last:])

	cleaned := Clean(b.String())
	found := make([]int, id)
	for i := range found {
		found[i] = -1
	}
	var out strings.Builder
	out.Grow(len(cleaned))
	for _, r := range cleaned {
		if isMark(r) {
			if n := int(r - firstMark); n < id && found[n] < 0 {
				found[n] = out.Len()
			}
			continue
		}
		out.WriteRune(r)
	}
	result := out.String()
	// The marks were added in text order, so the starts found are in
	// order too; a start that was lost takes the one before it.
	startOf := func(n, previous int) int {
		if found[n] < 0 || found[n] < previous {
			return previous
		}
		return found[n]
	}
	pages := make([]ingest.Page, len(doc.Pages))
	previous := 0
	for i, p := range doc.Pages {
		start := startOf(i, previous)
		pages[i] = ingest.Page{Number: p.Number, Start: start}
		if i > 0 {
			pages[i-1].End = start
		}
		previous = start
	}
	if len(pages) > 0 {
		pages[len(pages)-1].End = len(result)
	}
	sections := make([]ingest.Section, len(doc.Sections))
	previous = 0
	for i, s := range doc.Sections {
		start := startOf(len(doc.Pages)+i, previous)
		sections[i] = ingest.Section{Heading: strings.Join(strings.Fields(stripMarks(s.Heading)), " "), Start: start}
		previous = start
	}
	return result, pages, sections
}

// locate finds the location of the span [start, end) of a document's text.
func locate(doc Document, start, end int) Location {
	var loc Location
	if p, ok := pageAt(doc.Pages, start); ok {
		loc.Page = p
		if q, ok := pageAt(doc.Pages, max(end-1, start)); ok && q > p {
			loc.PageEnd = q
		}
	}
	loc.Section = sectionAt(doc.Sections, start)
	return loc
}

// pageAt is the number of the page that offset stands on: the last one
// starting at or before it (the first page for an offset before them all).
func pageAt(pages []ingest.Page, offset int) (int, bool) {
	if len(pages) == 0 {
		return 0, false
	}
	i := sort.Search(len(pages), func(i int) bool { return pages[i].Start > offset })
	if i == 0 {
		return pages[0].Number, true
	}
	return pages[i-1].Number, true
}

// sectionAt is the heading of the last section starting at or before
// offset, or "" when none does.
func sectionAt(sections []ingest.Section, offset int) string {
	i := sort.Search(len(sections), func(i int) bool { return sections[i].Start > offset })
	if i == 0 {
		return ""
	}
	return sections[i-1].Heading
}

// breaksWithin lists the page and section starts strictly inside the span
// [start, end) of a document's text, as offsets from start.
func breaksWithin(doc Document, start, end int) []Break {
	var out []Break
	for _, p := range doc.Pages {
		if p.Start > start && p.Start < end {
			out = append(out, Break{At: p.Start - start, Page: p.Number})
		}
	}
	for _, s := range doc.Sections {
		if s.Start > start && s.Start < end && s.Heading != "" {
			out = append(out, Break{At: s.Start - start, Section: s.Heading})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At < out[j].At })
	return out
}

// LocationOf is where quote, a piece of the passage's text (a sentence, or
// sentences joined by " … "), stands: the page its first words are on,
// the page its last words are on when that is a later one, and the nearest
// heading before it. A quote that cannot be found in the passage gets the
// passage's own location.
func (p Passage) LocationOf(quote string) Location {
	if len(p.Breaks) == 0 { // one page and one section: the passage's
		return p.Location
	}
	start, end, ok := findQuote(p.Text, quote)
	if !ok {
		return p.Location
	}
	return p.locationAt(start, end)
}

// locationAt is the location of the span [start, end) of the passage text.
func (p Passage) locationAt(start, end int) Location {
	loc := Location{Page: p.Page, Section: p.Section}
	last := end - 1
	endPage := p.Page
	for _, b := range p.Breaks {
		if b.Page != 0 {
			if b.At <= start {
				loc.Page = b.Page
			}
			if b.At <= last {
				endPage = b.Page
			}
		}
		if b.Section != "" && b.At <= start {
			loc.Section = b.Section
		}
	}
	if endPage > loc.Page {
		loc.PageEnd = endPage
	}
	return loc
}

// findQuote finds where quote stands in text: the start of its first part
// and the end of its last (parts are joined by " … "; a part cut short
// ends in "…"). A part not found whole is looked for by its first words.
func findQuote(text, quote string) (start, end int, ok bool) {
	var parts []string
	for part := range strings.SplitSeq(quote, "…") {
		if part = strings.TrimSpace(part); part != "" {
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return 0, 0, false
	}
	start, n := findPrefix(text, parts[0])
	if start < 0 {
		return 0, 0, false
	}
	end = start + n
	from := end
	for _, part := range parts[1:] {
		i, n := findPrefix(text[from:], part)
		if i < 0 {
			continue
		}
		end = from + i + n
		from = end
	}
	return start, end, true
}

// findPrefix finds part in text, white space in either matching any white
// space in the other; else the longest of its first 12, 6 and 3 words that
// text holds. It returns the offset and the length found, or -1.
func findPrefix(text, part string) (int, int) {
	if i := strings.Index(text, part); i >= 0 {
		return i, len(part)
	}
	words := strings.Fields(part)
	for _, n := range []int{len(words), 12, 6, 3} {
		if n == 0 || n > len(words) {
			continue
		}
		quoted := make([]string, n)
		for i, w := range words[:n] {
			quoted[i] = regexp.QuoteMeta(w)
		}
		re, err := regexp.Compile(strings.Join(quoted, `\s+`))
		if err != nil {
			return -1, 0
		}
		if loc := re.FindStringIndex(text); loc != nil {
			return loc[0], loc[1] - loc[0]
		}
	}
	return -1, 0
}

// Holds reports whether quote (as LocationOf takes it) can be found in the
// passage's text.
func (p Passage) Holds(quote string) bool {
	_, _, ok := findQuote(p.Text, quote)
	return ok
}

// Label is how a citation shows a location: "p. 14", "pp. 14–15" or
// "§ The U.S. as a Hedge"; "" for none.
func (l Location) Label() string {
	switch {
	case l.Page > 0 && l.PageEnd > l.Page:
		return fmt.Sprintf("pp. %d–%d", l.Page, l.PageEnd)
	case l.Page > 0:
		return fmt.Sprintf("p. %d", l.Page)
	case l.Section != "":
		return "§ " + l.Section
	}
	return ""
}

// Extent says how long a source is in its own units: "23 pages",
// "4 sections", "1 page"; "" for plain text.
func (s SourceStats) Extent() string {
	switch {
	case s.Pages > 0:
		return text.Plural(s.Pages, "page")
	case s.Sections > 0:
		return text.Plural(s.Sections, "section")
	}
	return ""
}
