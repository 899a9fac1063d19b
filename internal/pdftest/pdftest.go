// Package pdftest writes multi-page PDFs for tests and benchmarks, with
// github.com/go-pdf/fpdf, and says where each paragraph landed: a running
// header and a page number on every page, paragraphs that flow from one
// page onto the next, forced and soft hyphenated line breaks, one or two
// columns, pages with no text, and the info dictionary (title, author,
// date).
//
// It lays the text out itself (one Text call per line, or per word) rather
// than through fpdf's MultiCell, so that a test knows on which page and
// line each word stands.
package pdftest

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// Block is one thing placed in the document, in order.
type Block struct {
	// Text is a paragraph. A "\n" in it forces a line break there (write
	// "inter-\nnational" for a word hyphenated at a line end); a soft
	// hyphen (U+00AD) marks where a word too long for the line may be
	// broken, shown as "-".
	Text string
	// Heading sets the paragraph in bold, a size larger.
	Heading bool
	// BlankPage inserts a page with nothing on it at all (not even the
	// running header): what a scanned page looks like to a text extractor.
	BlankPage bool
	// NewPage starts the next paragraph on a new page.
	NewPage bool
}

// Options shape the whole document.
type Options struct {
	// Title, Author, Subject and Created go into the info dictionary
	// (Title and Author only when not empty; Created, when zero, is
	// 2000-01-01, so that the same input makes the same bytes).
	Title, Author, Subject string
	Created                time.Time
	// Header is printed at the top of every page but blank ones.
	Header string
	// PageNumber is printed at the foot of every page but blank ones:
	// a format with one %d for the page number, and optionally "{nb}" for
	// the count of pages ("Page %d of {nb}"). Empty: no page numbers.
	PageNumber string
	// Columns is 1 (the default) or 2.
	Columns int
	// FontSize of the body text in points; 11 by default.
	FontSize float64
	// FontFile is a UTF-8 TrueType font to embed (see DejaVuSans); empty:
	// the core Helvetica, whose encoding (cp1252) lacks ligatures and
	// drops characters outside it.
	FontFile string
	// PositionWords places every word with its own Text call and writes
	// no space characters, as TeX does: an extractor must find the word
	// breaks from the glyphs' positions.
	PositionWords bool
	// Compress the content streams (fpdf's default is true; set
	// Uncompressed to see them).
	Uncompressed bool
}

// Placement says where a paragraph (a Block with Text) landed.
type Placement struct {
	Text      string // as given, with soft hyphens and "\n" removed
	FirstPage int    // 1-based
	LastPage  int
}

// Layout is what Build placed.
type Layout struct {
	Pages      int
	Paragraphs []Placement
	// PageText is the body text of each page (PageText[0] is page 1's),
	// its lines joined by spaces, a hyphenated word as shown ("inter-
	// national"); no header or page number.
	PageText []string
}

// PageOf returns the page (1-based) on which phrase starts, the first
// time it occurs, with runs of spaces in it taken as one; 0 if no page
// holds the start of it. A phrase running onto the next page is found by
// its start; one hyphenated at a line end is not found.
func (l Layout) PageOf(phrase string) int {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return 0
	}
	for i := range l.PageText {
		// This page and the start of the next, for a phrase across them.
		text := l.PageText[i]
		if i+1 < len(l.PageText) {
			text += " " + l.PageText[i+1]
		}
		at := strings.Index(" "+strings.Join(strings.Fields(text), " ")+" ", " "+strings.Join(words, " "))
		if at >= 0 && at < len(strings.Join(strings.Fields(l.PageText[i]), " "))+1 {
			return i + 1
		}
	}
	return 0
}

// DejaVuSans returns the path of Debian's DejaVu Sans (package
// fonts-dejavu-core) if it is installed, else "".
func DejaVuSans() string {
	for _, p := range []string{
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		"/usr/share/fonts/TTF/DejaVuSans.ttf",
		"/usr/share/fonts/dejavu/DejaVuSans.ttf",
	} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

const (
	pageW, pageH           = 595.28, 841.89 // A4 in points
	marginX, marginTop     = 56.0, 72.0
	marginBottom           = 72.0
	columnGap              = 24.0
	headerY, footerY       = 40.0, pageH - 36.0
	paragraphGapLineFactor = 0.8 // blank space between paragraphs, in lines
)

// Build writes the PDF and says where each paragraph went.
func Build(opts Options, blocks []Block) ([]byte, Layout, error) {
	if opts.Columns == 0 {
		opts.Columns = 1
	}
	if opts.Columns != 1 && opts.Columns != 2 {
		return nil, Layout{}, fmt.Errorf("pdftest: %d columns: only 1 or 2", opts.Columns)
	}
	if opts.FontSize == 0 {
		opts.FontSize = 11
	}
	b := &builder{opts: opts, pdf: fpdf.New("P", "pt", "A4", "")}
	pdf := b.pdf
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetCompression(!opts.Uncompressed)
	pdf.SetCatalogSort(true) // the same bytes for the same input
	if opts.Created.IsZero() {
		pdf.SetCreationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	pdf.AliasNbPages("{nb}")
	if opts.Title != "" {
		pdf.SetTitle(opts.Title, true)
	}
	if opts.Author != "" {
		pdf.SetAuthor(opts.Author, true)
	}
	if opts.Subject != "" {
		pdf.SetSubject(opts.Subject, true)
	}
	if !opts.Created.IsZero() {
		pdf.SetCreationDate(opts.Created)
		pdf.SetModificationDate(opts.Created)
	}
	b.family, b.translate = "Helvetica", pdf.UnicodeTranslatorFromDescriptor("")
	if opts.FontFile != "" {
		ttf, err := os.ReadFile(opts.FontFile)
		if err != nil {
			return nil, Layout{}, fmt.Errorf("pdftest: %w", err)
		}
		pdf.AddUTF8FontFromBytes("Body", "", ttf)
		pdf.AddUTF8FontFromBytes("Body", "B", ttf) // the same face; headings differ by size
		b.family, b.translate = "Body", func(s string) string { return s }
	}
	b.colW = (pageW - 2*marginX)
	if opts.Columns == 2 {
		b.colW = (pageW - 2*marginX - columnGap) / 2
	}
	b.lineH = opts.FontSize * 1.35

	var layout Layout
	for _, blk := range blocks {
		switch {
		case blk.BlankPage:
			pdf.AddPage()
			b.page++
			b.onPage = false
			continue
		case blk.NewPage:
			b.onPage = false
		}
		if blk.Text == "" {
			continue
		}
		first, last := b.paragraph(blk)
		clean := strings.NewReplacer("\u00ad", "", "-\n", "-", "\n", " ").Replace(blk.Text)
		layout.Paragraphs = append(layout.Paragraphs, Placement{Text: clean, FirstPage: first, LastPage: last})
	}
	layout.Pages = b.page
	layout.PageText = make([]string, b.page)
	for i := range layout.PageText {
		if i < len(b.pageWords) {
			layout.PageText[i] = strings.Join(b.pageWords[i], " ")
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, Layout{}, fmt.Errorf("pdftest: %w", err)
	}
	return buf.Bytes(), layout, nil
}

type builder struct {
	opts      Options
	pdf       *fpdf.Fpdf
	family    string
	translate func(string) string
	colW      float64
	lineH     float64

	page   int     // pages added so far
	onPage bool    // a text page is open
	col    int     // current column, 0-based
	y      float64 // baseline of the next line
	style  string  // font of the paragraph being laid out
	size   float64

	pageWords [][]string // the body words shown on each page
}

func (b *builder) newTextPage() {
	pdf := b.pdf
	pdf.AddPage()
	b.page++
	b.onPage, b.col, b.y = true, 0, marginTop+b.opts.FontSize
	size := b.opts.FontSize - 2
	pdf.SetFont(b.family, "", size)
	if b.opts.Header != "" {
		h := b.translate(b.opts.Header)
		pdf.Text((pageW-pdf.GetStringWidth(h))/2, headerY, h)
	}
	if b.opts.PageNumber != "" {
		n := b.translate(strings.Replace(b.opts.PageNumber, "%d", fmt.Sprint(b.page), 1))
		// {nb} is replaced at output by the count, of about the same width.
		pdf.Text((pageW-pdf.GetStringWidth(n))/2, footerY, n)
	}
	pdf.SetFont(b.family, b.style, b.size)
}

// nextLine moves to the next line, to the next column or page when this
// one is full, and returns where the line goes.
func (b *builder) nextLine(lineH float64) (x, y float64) {
	if !b.onPage {
		b.newTextPage()
	}
	if b.y > pageH-marginBottom {
		if b.col+1 < b.opts.Columns {
			b.col++
			b.y = marginTop + b.opts.FontSize
		} else {
			b.newTextPage()
		}
	}
	x = marginX + float64(b.col)*(b.colW+columnGap)
	y = b.y
	b.y += lineH
	return x, y
}

// paragraph lays one paragraph out and returns its first and last page.
func (b *builder) paragraph(blk Block) (first, last int) {
	pdf := b.pdf
	size, style := b.opts.FontSize, ""
	if blk.Heading {
		size, style = b.opts.FontSize+3, "B"
	}
	b.style, b.size = style, size
	pdf.SetFont(b.family, style, size)
	lineH := size * 1.35
	first = -1
	for _, line := range b.wrap(blk.Text) {
		x, y := b.nextLine(lineH)
		if first < 0 {
			first = b.page
		}
		b.show(x, y, line)
	}
	b.y += lineH * paragraphGapLineFactor
	return first, b.page
}

// show writes one line of words at (x, y).
func (b *builder) show(x, y float64, words []string) {
	pdf := b.pdf
	for len(b.pageWords) < b.page {
		b.pageWords = append(b.pageWords, nil)
	}
	b.pageWords[b.page-1] = append(b.pageWords[b.page-1], words...)
	if !b.opts.PositionWords {
		pdf.Text(x, y, b.translate(strings.Join(words, " ")))
		return
	}
	space := pdf.GetStringWidth(" ")
	for _, w := range words {
		t := b.translate(w)
		pdf.Text(x, y, t)
		x += pdf.GetStringWidth(t) + space
	}
}

// wrap breaks a paragraph into lines of words that fit the column, at
// spaces, at forced breaks ("\n") and, for a word too long for what is
// left of a line, at its last soft hyphen that fits.
func (b *builder) wrap(text string) [][]string {
	pdf := b.pdf
	width := func(words []string) float64 {
		return pdf.GetStringWidth(b.translate(strings.Join(words, " ")))
	}
	var lines [][]string
	for _, hard := range strings.Split(text, "\n") {
		var line []string
		for _, word := range strings.Fields(hard) {
			for word != "" {
				plain := strings.ReplaceAll(word, "\u00ad", "")
				if width(append(line, plain)) <= b.colW || len(line) == 0 && !strings.Contains(word, "\u00ad") {
					line = append(line, plain)
					break
				}
				head, tail, ok := b.splitAtSoftHyphen(line, word, width)
				if ok {
					lines = append(lines, append(line, head))
					line, word = nil, tail
					continue
				}
				if len(line) == 0 { // nothing fits: put it alone on its line
					line = append(line, plain)
					break
				}
				lines = append(lines, line)
				line = nil
			}
		}
		if len(line) > 0 {
			lines = append(lines, line)
		}
	}
	return lines
}

func (b *builder) splitAtSoftHyphen(line []string, word string, width func([]string) float64) (head, tail string, ok bool) {
	for i := len(word); i > 0; {
		j := strings.LastIndex(word[:i], "\u00ad")
		if j < 0 {
			return "", "", false
		}
		head = strings.ReplaceAll(word[:j], "\u00ad", "") + "-"
		if width(append(line, head)) <= b.colW {
			return head, word[j+utf8.RuneLen('\u00ad'):], true
		}
		i = j
	}
	return "", "", false
}

// Paragraphs splits plain text (a seed) into paragraphs at blank lines,
// joining the lines of each with spaces.
func Paragraphs(text string) []Block {
	var blocks []Block
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			blocks = append(blocks, Block{Text: p})
		}
	}
	return blocks
}

// FromText lays plain text (for example one of seeds/) out as a PDF with
// a running header (the title) and "Page n of N" at every foot, in 11-point
// Helvetica (no font file needed, so the pages are the same on every
// machine; characters outside Windows-1252 are lost, and the seeds have
// none), with title and author in the info dictionary. The Layout says on
// which pages each paragraph stands and, with PageOf, where a phrase
// starts: what an evaluation of cited pages checks against.
func FromText(title, author, text string) ([]byte, Layout, error) {
	return Build(Options{
		Title:      title,
		Author:     author,
		Header:     title,
		PageNumber: "Page %d of {nb}",
		FontSize:   11,
	}, Paragraphs(text))
}
