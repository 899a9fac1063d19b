package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// zipEntry is one file of a zip fixture.
type zipEntry struct {
	name string
	data string
	// store keeps the entry uncompressed (an EPUB's mimetype must be).
	store bool
}

// buildZip writes entries, in this order, into a zip archive.
func buildZip(t testing.TB, entries []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		method := zip.Deflate
		if e.store {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// epubChapter is one chapter of an EPUB fixture.
type epubChapter struct {
	id, file, title string // title: in the table of contents ("" for none)
	body            string // XHTML of the body
	raw             string // the whole file instead, if set
}

// epubBook describes an EPUB fixture.
type epubBook struct {
	chapters []epubChapter // in spine order
	zipOrder []int         // the order the chapters are stored in the zip
	nav      bool          // an EPUB 3 nav document (else an EPUB 2 NCX)
	metadata string        // the OPF's <metadata> content
}

// build writes the book as an EPUB: its package in OEBPS/, chapters in
// OEBPS/text/ (one of them with a space in its name, URL-escaped in the
// manifest), stored in zipOrder.
func (b epubBook) build(t testing.TB) []byte {
	t.Helper()
	var manifest, spine, navList, ncxPoints strings.Builder
	for i, c := range b.chapters {
		href := "text/" + strings.ReplaceAll(c.file, " ", "%20")
		fmt.Fprintf(&manifest, `<item id="%s" href="%s" media-type="application/xhtml+xml"/>`+"\n", c.id, href)
		fmt.Fprintf(&spine, `<itemref idref="%s"/>`+"\n", c.id)
		if c.title != "" {
			fmt.Fprintf(&navList, `<li><a href="%s#start">%s</a></li>`, href, c.title)
			fmt.Fprintf(&ncxPoints, `<navPoint id="n%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="%s"/></navPoint>`, i, i+1, c.title, href)
		}
	}
	entries := []zipEntry{
		{name: "mimetype", data: "application/epub+zip", store: true},
		{name: "META-INF/container.xml", data: `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`},
	}
	tocAttr := ""
	if b.nav {
		manifest.WriteString(`<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`)
		entries = append(entries, zipEntry{name: "OEBPS/nav.xhtml", data: `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="landmarks"><ol><li><a href="text/cover.xhtml">Cover landmark</a></li></ol></nav><nav epub:type="toc"><h1>Contents</h1><ol>` + navList.String() + `</ol></nav></body></html>`})
	} else {
		manifest.WriteString(`<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>`)
		tocAttr = ` toc="ncx"`
		entries = append(entries, zipEntry{name: "OEBPS/toc.ncx", data: `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>` + ncxPoints.String() + `</navMap></ncx>`})
	}
	entries = append(entries, zipEntry{name: "OEBPS/content.opf", data: `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">` +
		b.metadata + `</metadata><manifest>` + manifest.String() + `</manifest><spine` + tocAttr + `>` + spine.String() + `</spine></package>`})
	order := b.zipOrder
	if order == nil {
		for i := range b.chapters {
			order = append(order, i)
		}
	}
	for _, i := range order {
		c := b.chapters[i]
		if c.raw != "" {
			entries = append(entries, zipEntry{name: "OEBPS/text/" + c.file, data: c.raw})
			continue
		}
		entries = append(entries, zipEntry{name: "OEBPS/text/" + c.file, data: `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>ignored head title</title><style>p{margin:0}</style><script src="x.js"/></head><body>` + c.body + `</body></html>`})
	}
	return buildZip(t, entries)
}

// riverBook is the EPUB fixture most specs read: three chapters stored in
// the zip in the reverse of their reading order.
func riverBook(nav bool) epubBook {
	return epubBook{
		nav:      nav,
		zipOrder: []int{2, 1, 0},
		metadata: `<dc:title>Boats of the Lower River</dc:title><dc:creator opf:role="aut">Mai Tran</dc:creator><dc:creator>Le Van Huu</dc:creator>
<dc:creator opf:role="edt">An Editor</dc:creator><dc:date>2019-05-01</dc:date><dc:publisher>River Press</dc:publisher><dc:language>en</dc:language>`,
		chapters: []epubChapter{
			{id: "c1", file: "one.xhtml", title: "Chapter 1: The Guilds",
				body: `<h1 id="start">The Guilds</h1><p>` + prose[0] + `</p><p>` + prose[1] + `</p>`},
			{id: "c2", file: "two part.xhtml", title: "Chapter 2: Tolls",
				body: `<section><h2>Tolls</h2><p>` + prose[2] + `</p><h3>At the temple</h3><p>Disputes went to the elders.<br/>They swore on the ledgers.</p></section>`},
			{id: "c3", file: "three.xhtml", title: "",
				body: `<h2>The Railway Bridge</h2><p>` + prose[4] + `</p><div class="footnote"><p>Footnote text stays: it is the book's.</p></div>`},
		},
	}
}

// docxParagraph is one paragraph of a DOCX fixture.
type docxParagraph struct {
	style string // a pStyle id, or ""
	runs  []string
	xml   string // raw XML instead of runs
}

// buildDOCX writes a Word document with paragraphs, a styles.xml naming
// "Kop1" a heading (as a Dutch Word would), and core.xml with meta.
func buildDOCX(t testing.TB, paras []docxParagraph, core string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		if p.xml != "" {
			body.WriteString(p.xml)
			continue
		}
		body.WriteString("<w:p>")
		if p.style != "" {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, p.style)
		}
		for _, r := range p.runs {
			fmt.Fprintf(&body, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, r)
		}
		body.WriteString("</w:p>")
	}
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	entries := []zipEntry{
		{name: "[Content_Types].xml", data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ns + `><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`},
		{name: "word/styles.xml", data: `<?xml version="1.0"?><w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="My Section"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`},
	}
	if core != "" {
		entries = append(entries, zipEntry{name: "docProps/core.xml", data: `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` + core + `</cp:coreProperties>`})
	}
	return buildZip(t, entries)
}
