package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlWalker turns an HTML tree into paragraphs and headings: each block
// element (p, div, li, blockquote, tr, …) ends a paragraph, each heading
// h1–h6 starts a section, each line of a pre is a paragraph of its own,
// table cells are joined by " | ". Scripts, styles, forms, buttons and
// navigation are skipped.
type htmlWalker struct {
	out    *textBuilder
	inline strings.Builder
	// firstHeading, when set, names the section the next heading (or, if
	// none comes first, the next paragraph) starts: an EPUB chapter's
	// title from its table of contents.
	firstHeading string
	// skipFurniture leaves out headers, footers, asides and elements
	// whose class or id names furniture (a page read whole, where no
	// article stood out).
	skipFurniture bool
}

// furnitureName matches class names and ids of page furniture.
var furnitureName = regexp.MustCompile(`(?i)(^|[-_ ])(cookie|consent|banner|share|sharing|social|related|newsletter|subscribe|signup|comments?|breadcrumbs?|menu|navbar|nav|sidebar|widget|footer|header|masthead|promo|advert|ads?|sponsor|popup|modal|trending|most-read|read-also|read-more)([-_ ]|$)`)

// skippedElements hold no text of the article.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Button: true, atom.Form: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Nav: true, atom.Head: true, atom.Title: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// blockElements end the paragraph before them and after them.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Figure: true,
	atom.Figcaption: true, atom.Table: true, atom.Tr: true, atom.Thead: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Caption: true, atom.Hr: true, atom.Address: true,
	atom.Body: true, atom.Html: true, atom.Details: true, atom.Summary: true, atom.Center: true,
	atom.Fieldset: true,
}

// headingLevel returns 1–6 for h1–h6, else 0.
func headingLevel(n *html.Node) int {
	switch elementAtom(n) {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// walk adds the text of n and everything under it.
func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.inline.WriteString(n.Data)
		return
	case html.DocumentNode:
		w.children(n)
		w.flush()
		return
	case html.ElementNode:
	default:
		return
	}
	a := elementAtom(n)
	if skippedElements[a] || hiddenElement(n) {
		return
	}
	if w.skipFurniture && (a == atom.Header || a == atom.Footer || a == atom.Aside ||
		furnitureName.MatchString(attr(n, "class")) || furnitureName.MatchString(attr(n, "id"))) {
		return
	}
	switch {
	case headingLevel(n) > 0:
		w.flush()
		text := foldSpace(textContent(n))
		if text == "" {
			return
		}
		if w.firstHeading != "" {
			w.out.sections = append(w.out.sections, Section{Heading: w.firstHeading, Start: w.out.nextStart()})
			w.firstHeading = ""
			w.out.paragraph(text)
			return
		}
		w.out.heading(text)
	case a == atom.Pre:
		w.flush()
		for _, line := range strings.Split(textContent(n), "\n") {
			w.emit(line)
		}
	case a == atom.Td || a == atom.Th:
		if strings.TrimSpace(w.inline.String()) != "" {
			w.inline.WriteString(" | ")
		}
		w.children(n)
	case a == atom.Br:
		// One <br> breaks a line within a paragraph; two in a row end it.
		if p := previousElement(n); p != nil && elementAtom(p) == atom.Br {
			w.flush()
		} else {
			w.inline.WriteByte('\n')
		}
	case a == atom.Img:
		// Images carry no text of the article; their captions do.
	case blockElements[a]:
		w.flush()
		w.children(n)
		w.flush()
	default:
		w.children(n)
	}
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// flush ends the paragraph being collected.
func (w *htmlWalker) flush() {
	s := w.inline.String()
	w.inline.Reset()
	w.emit(s)
}

// emit adds one paragraph, starting the pending chapter section first.
func (w *htmlWalker) emit(s string) {
	if foldSpace(s) == "" {
		return
	}
	if w.firstHeading != "" {
		w.out.sections = append(w.out.sections, Section{Heading: w.firstHeading, Start: w.out.nextStart()})
		w.firstHeading = ""
	}
	w.out.paragraph(s)
}

// previousElement is the element before n among its siblings, with only
// white space between them, or nil.
func previousElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		switch {
		case p.Type == html.ElementNode:
			return p
		case p.Type == html.TextNode && strings.TrimSpace(p.Data) == "":
			continue
		case p.Type == html.CommentNode:
			continue
		}
		return nil
	}
	return nil
}

// hiddenElement reports whether n is marked as not shown (hidden,
// aria-hidden, display:none).
func hiddenElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// textContent is all the text under n, scripts and styles left out.
func textContent(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		a := elementAtom(n)
		if n.Type == html.ElementNode && (a == atom.Script || a == atom.Style || a == atom.Template) {
			return
		}
		if n.Type == html.ElementNode && a == atom.Br {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// treeDepth is the deepest element nesting under n, stopping early once
// it passes limit.
func treeDepth(n *html.Node, limit int) int {
	type item struct {
		n *html.Node
		d int
	}
	deepest := 0
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.d > deepest {
			deepest = it.d
			if deepest > limit {
				return deepest
			}
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return deepest
}

// attr returns n's attribute key (lower case), or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// elementAtom is n's tag as an atom, also for a node made by hand (as
// extractors make them) with only its Data set.
func elementAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}
