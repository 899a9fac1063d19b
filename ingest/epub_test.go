package ingest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExtractEPUB(t *testing.T) {
	tests := []struct {
		name     string
		book     epubBook
		sections []string
		order    []string // text that must appear in this order
		absent   []string
		meta     Metadata
	}{
		{name: "EPUB 3: spine order, titles from the nav document",
			book:     riverBook(true),
			sections: []string{"Chapter 1: The Guilds", "Chapter 2: Tolls", "At the temple", "The Railway Bridge"},
			order:    []string{"The Guilds", prose[0], prose[1], "Tolls", prose[2], "Disputes went to the elders. They swore on the ledgers.", "The Railway Bridge", prose[4], "Footnote text stays"},
			absent:   []string{"ignored head title", "margin:0", "Cover landmark", "Contents"},
			meta:     Metadata{Title: "Boats of the Lower River", Authors: []string{"Mai Tran", "Le Van Huu"}, Publisher: "River Press", Date: "2019-05-01"}},
		{name: "EPUB 2: titles from the NCX",
			book:     riverBook(false),
			sections: []string{"Chapter 1: The Guilds", "Chapter 2: Tolls", "At the temple", "The Railway Bridge"},
			order:    []string{prose[0], prose[2], prose[4]},
			meta:     Metadata{Title: "Boats of the Lower River", Authors: []string{"Mai Tran", "Le Van Huu"}, Publisher: "River Press", Date: "2019-05-01"}},
		{name: "a chapter without a heading is named by its table-of-contents entry",
			book: epubBook{nav: true, metadata: `<dc:title>T</dc:title>`, chapters: []epubChapter{
				{id: "a", file: "a.xhtml", title: "Prologue", body: `<p>No heading here, only a paragraph.</p>`},
				{id: "b", file: "b.xhtml", body: `<p>Nor here.</p>`}}},
			sections: []string{"Prologue"},
			order:    []string{"No heading here", "Nor here."},
			absent:   []string{"Prologue"}, // a title from the table of contents names the section; it is not the book's text
			meta:     Metadata{Title: "T"}},
		{name: "self-closing tags are empty (an HTML parser would let <script/> swallow the chapter)",
			book: epubBook{nav: true, metadata: `<dc:title>T</dc:title>`, chapters: []epubChapter{
				{id: "a", file: "a.xhtml", title: "A", body: `<p>Before<a id="x"/> after&nbsp;it.</p><div class="x"/><p>Next paragraph.</p>`}}},
			sections: []string{"A"},
			order:    []string{"Before after it.", "Next paragraph."},
			meta:     Metadata{Title: "T"}},
		{name: "a chapter that is HTML, not XML, is read as HTML",
			book: epubBook{nav: true, metadata: `<dc:title>T</dc:title>`, chapters: []epubChapter{
				{id: "a", file: "a.xhtml", raw: `<html><head><title>x</title></head><body><h1>Loose</h1><p>One<p>Two &copy; three<br>four</body></html>`}}},
			sections: []string{"Loose"},
			order:    []string{"Loose", "One", "Two © three four"},
			meta:     Metadata{Title: "T"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), "book.EPUB", tt.book.build(t), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			if got := sectionHeadings(doc); !slices.Equal(got, tt.sections) {
				t.Errorf("sections = %q, want %q", got, tt.sections)
			}
			at := 0
			for _, w := range tt.order {
				i := strings.Index(doc.Text[at:], w)
				if i < 0 {
					t.Fatalf("%.40q not found after offset %d in:\n%s", w, at, doc.Text)
				}
				at += i + len(w)
			}
			for _, a := range tt.absent {
				if strings.Contains(doc.Text, a) {
					t.Errorf("%q is in the text:\n%s", a, doc.Text)
				}
			}
			if doc.Meta.Title != tt.meta.Title || !slices.Equal(doc.Meta.Authors, tt.meta.Authors) ||
				doc.Meta.Date != tt.meta.Date || doc.Meta.Publisher != tt.meta.Publisher {
				t.Errorf("meta = %+v, want %+v", doc.Meta, tt.meta)
			}
		})
	}
}

func TestExtractEPUBSectionsStartAtTheirChapters(t *testing.T) {
	doc, err := Extract(context.Background(), "b.epub", riverBook(true).build(t), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	starts := map[string]string{ // section → the text it starts with
		"Chapter 1: The Guilds": "The Guilds", "Chapter 2: Tolls": "Tolls",
		"At the temple": "At the temple", "The Railway Bridge": "The Railway Bridge",
	}
	for _, s := range doc.Sections {
		if !strings.HasPrefix(doc.Text[s.Start:], starts[s.Heading]) {
			t.Errorf("section %q starts at %.30q", s.Heading, doc.Text[s.Start:])
		}
	}
}

func TestExtractEPUBRefusesBrokenBooks(t *testing.T) {
	book := riverBook(true).build(t)
	tests := []struct {
		name string
		data []byte
		lim  Limits
		err  error // nil: any error
	}{
		{name: "truncated", data: book[:len(book)/2]},
		{name: "not a zip", data: []byte("this is not a zip archive at all")},
		{name: "no package document", data: buildZip(t, []zipEntry{{name: "mimetype", data: "application/epub+zip"}})},
		{name: "a spine naming no chapter", data: buildZip(t, []zipEntry{{name: "content.opf", data: `<package><metadata/><manifest/><spine><itemref idref="x"/></spine></package>`}}), err: ErrNoText},
		{name: "broken package XML", data: buildZip(t, []zipEntry{{name: "content.opf", data: `<package><manifest><item`}})},
		{name: "package nested too deep", data: buildZip(t, []zipEntry{{name: "content.opf", data: strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100)}}),
			lim: Limits{MaxDepth: 50}, err: ErrTooLarge},
		{name: "chapters unpacking to more than the limit", data: book, lim: Limits{MaxUncompressed: 2000}, err: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(context.Background(), "b.epub", tt.data, tt.lim)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.err != nil && !errorsIs(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
		})
	}
}

// FuzzExtractEPUB fuzzes the package document, a chapter and the nav
// document of a book whose zip is built around them (mutating the zip's
// bytes themselves mostly breaks its checksums; FuzzZipArchive does that).
func FuzzExtractEPUB(f *testing.F) {
	f.Add(`<package><metadata><title>T</title><creator>A</creator></metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/><item id="n" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>`,
		`<html><body><h1>One</h1><p>Text.</p></body></html>`,
		`<html><body><nav epub:type="toc"><ol><li><a href="c.xhtml">Chapter</a></li></ol></nav></body></html>`)
	f.Add(`<package><manifest><item id="c" href="a%20b.xhtml#x" media-type="text/html"/><item id="ncx" href="nav.xhtml"/></manifest><spine toc="ncx"><itemref idref="c" linear="yes"/></spine></package>`,
		`<p>only text`, `<ncx><navMap><navPoint><navLabel><text>L</text></navLabel><content src="a%20b.xhtml"/></navPoint></navMap></ncx>`)
	f.Fuzz(func(t *testing.T, opf, chapter, nav string) {
		data := buildZip(t, []zipEntry{
			{name: "META-INF/container.xml", data: `<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>`, store: true},
			{name: "OEBPS/content.opf", data: opf, store: true},
			{name: "OEBPS/c.xhtml", data: chapter, store: true},
			{name: "OEBPS/a b.xhtml", data: chapter, store: true},
			{name: "OEBPS/nav.xhtml", data: nav, store: true},
		})
		doc, err := Extract(context.Background(), "f.epub", data, Limits{MaxUncompressed: 1 << 20, MaxDepth: 64, Timeout: 5 * time.Second})
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatal(err)
		}
		if err == nil {
			checkDocument(t, doc)
		}
	})
}
