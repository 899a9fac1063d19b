package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractMarkdown reads a Markdown file (CommonMark with GitHub's tables
// and strike-through, parsed by goldmark) as text a reader would see:
// headings become Sections (their text, without #), emphasis and code
// markers go, a link or an image leaves its text or alt text, block
// quotes lose their >, list items become paragraphs of their own (an
// ordered item keeps its number), each line of a code block is a
// paragraph of its own (so no cleaning can run them together), HTML
// comments go and other HTML leaves its text. YAML front matter, if any,
// gives the title, authors and date.
func extractMarkdown(ctx context.Context, data []byte, lim Limits) (Document, error) {
	if err := checkPlainText(data); err != nil {
		return Document{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	meta, body := frontMatter(data)
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
	root := md.Parser().Parse(text.NewReader(body))
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
	w := markdownWalker{src: body, lim: lim, ctx: ctx}
	if err := w.block(root, 0); err != nil {
		return Document{}, err
	}
	return w.out.document(meta), nil
}

// markdownWalker writes a goldmark tree as paragraphs and headings.
type markdownWalker struct {
	ctx   context.Context
	src   []byte
	lim   Limits
	out   textBuilder
	steps int
}

// block writes the block n and the blocks under it.
func (w *markdownWalker) block(n ast.Node, depth int) error {
	if depth > w.lim.MaxDepth {
		return fmt.Errorf("%w: Markdown nested deeper than %d blocks", ErrTooLarge, w.lim.MaxDepth)
	}
	if w.steps++; w.steps%1024 == 0 {
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	switch n := n.(type) {
	case *ast.Heading:
		w.out.heading(w.inline(n))
		return nil
	case *ast.Paragraph, *ast.TextBlock:
		w.out.paragraph(w.inline(n))
		return nil
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w.out.paragraph(string(seg.Value(w.src)))
		}
		return nil
	case *ast.HTMLBlock:
		w.htmlBlock(n)
		return nil
	case *ast.ThematicBreak:
		return nil
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if c := foldSpace(w.inline(cell)); c != "" {
					cells = append(cells, c)
				}
			}
			w.out.paragraph(strings.Join(cells, " | "))
		}
		return nil
	case *ast.List:
		number := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			prefix := ""
			if n.IsOrdered() {
				prefix = fmt.Sprintf("%d. ", number)
				number++
			}
			if err := w.listItem(item, prefix, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := w.block(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// listItem writes one list item: its first paragraph starts with prefix.
func (w *markdownWalker) listItem(item ast.Node, prefix string, depth int) error {
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.out.paragraph(prefix + w.inline(c))
			prefix = ""
			continue
		}
		if err := w.block(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// inline is the text of the inline nodes under n, markers left out.
func (w *markdownWalker) inline(n ast.Node) string {
	var b strings.Builder
	var rec func(n ast.Node, depth int, code bool)
	rec = func(n ast.Node, depth int, code bool) {
		if depth > w.lim.MaxDepth {
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Value(w.src)
				if !code && !c.IsRaw() {
					v = util.UnescapePunctuations(util.ResolveEntityNames(util.ResolveNumericReferences(v)))
				}
				b.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(w.src))
			case *ast.RawHTML:
				// A tag (<span …>) or a comment has no text; a <br> is a space.
				if c.Segments.Len() > 0 {
					if seg := c.Segments.At(0); bytes.HasPrefix(bytes.ToLower(seg.Value(w.src)), []byte("<br")) {
						b.WriteByte(' ')
					}
				}
			case *east.TaskCheckBox:
			case *ast.CodeSpan:
				rec(c, depth+1, true)
			default: // emphasis, links, images (their alt text), strike-through
				rec(c, depth+1, code)
			}
		}
	}
	rec(n, 0, false)
	return b.String()
}

// htmlBlock writes the text of a block of raw HTML; a comment has none.
func (w *markdownWalker) htmlBlock(n *ast.HTMLBlock) {
	if n.HTMLBlockType == ast.HTMLBlockType2 { // <!-- … -->
		return
	}
	var raw bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw.Write(seg.Value(w.src))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(w.src))
	}
	nodes, err := html.ParseFragment(&raw, &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return
	}
	walker := htmlWalker{out: &w.out}
	for _, node := range nodes {
		walker.walk(node)
	}
	walker.flush()
}

// frontMatter splits YAML front matter (a mapping between "---" lines at
// the very start) from the body and reads title, author(s), date,
// publisher and URL from it. Without front matter — or with a block that
// is not a YAML mapping, such as a thematic break and a setext heading —
// the body is data.
func frontMatter(data []byte) (Metadata, []byte) {
	var meta Metadata
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return meta, data
	}
	lines := strings.SplitAfter(string(data), "\n")
	end := -1
	for i := 1; i < len(lines) && i < 500; i++ {
		l := strings.TrimRight(lines[i], "\r\n")
		if l == "---" || l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return meta, data
	}
	var fields map[string]any
	if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "")), &fields); err != nil || fields == nil {
		return meta, data
	}
	for k, v := range fields {
		switch strings.ToLower(k) {
		case "title":
			meta.Title = yamlText(v)
		case "author", "authors", "creator":
			meta.Authors = yamlNames(v)
		case "date", "published":
			meta.Date = dateOnly(yamlText(v))
		case "publisher":
			meta.Publisher = yamlText(v)
		case "url", "canonical_url", "canonical":
			meta.URL = absoluteURL(yamlText(v))
		}
	}
	return meta, []byte(strings.Join(lines[end+1:], ""))
}

// yamlText is a YAML scalar as text; a date is written YYYY-MM-DD.
func yamlText(v any) string {
	switch x := v.(type) {
	case string:
		return foldSpace(x)
	case time.Time:
		return x.Format("2006-01-02")
	case int, int64, float64, bool:
		return fmt.Sprint(x)
	}
	return ""
}

// yamlNames reads authors: a name, a list of names, or maps with a
// "name" (as some site generators write them).
func yamlNames(v any) []string {
	var out []string
	add := func(v any) {
		if m, ok := v.(map[string]any); ok {
			v = m["name"]
		}
		if name := yamlText(v); name != "" {
			out = append(out, name)
		}
	}
	if list, ok := v.([]any); ok {
		for _, e := range list {
			add(e)
		}
	} else {
		add(v)
	}
	return out
}
