package ingest

import (
	"strings"
	"unicode"
)

// textBuilder assembles a Document's Text from paragraphs and headings,
// recording where each heading's section starts. Every paragraph is one
// line of text with its runs of white space folded into one space;
// paragraphs are separated by a blank line.
type textBuilder struct {
	b        strings.Builder
	sections []Section
	// lastHeading is the heading just written, until a paragraph follows.
	lastHeading string
}

// paragraph adds s as a paragraph; white space in it is folded, and a
// blank s adds nothing.
func (t *textBuilder) paragraph(s string) {
	s = foldSpace(s)
	if s == "" {
		return
	}
	if t.b.Len() > 0 {
		t.b.WriteString("\n\n")
	}
	t.b.WriteString(s)
	t.lastHeading = ""
}

// heading adds s as a heading: a paragraph of its own that starts a
// section. The same heading twice in a row (a page's title, then the
// article's own title) is written once.
func (t *textBuilder) heading(s string) {
	s = foldSpace(s)
	if s == "" || strings.EqualFold(s, t.lastHeading) {
		return
	}
	t.sections = append(t.sections, Section{Heading: s, Start: t.nextStart()})
	t.paragraph(s)
	t.lastHeading = s
}

// nextStart is where the next paragraph will start.
func (t *textBuilder) nextStart() int {
	if t.b.Len() == 0 {
		return 0
	}
	return t.b.Len() + 2
}

// document returns the text and sections built, with meta.
func (t *textBuilder) document(meta Metadata) Document {
	return Document{Text: t.b.String(), Sections: t.sections, Meta: meta}
}

// foldSpace trims s and replaces each run of white space (new lines
// included) and control characters by one space.
func foldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
