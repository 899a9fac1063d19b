package ingest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExtractDOCX(t *testing.T) {
	const core = `<dc:title>Ledgers of the Guilds</dc:title><dc:creator>Mai Tran; Ana Silva</dc:creator><cp:lastModifiedBy>Someone Else</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2022-03-04T05:06:07Z</dcterms:created>`
	tests := []struct {
		name     string
		paras    []docxParagraph
		core     string
		text     string
		sections []string
		meta     Metadata
	}{
		{name: "headings by style id, title, runs joined",
			paras: []docxParagraph{
				{style: "Title", runs: []string{"Ledgers of ", "the Guilds"}},
				{runs: []string{"The boatmen ", "kept a ledger."}},
				{style: "Heading1", runs: []string{"Tolls"}},
				{runs: []string{"Each guild fixed its tolls."}},
				{style: "Heading2", runs: []string{"At the temple"}},
				{runs: []string{"Disputes went to the elders."}},
			},
			core:     core,
			text:     "Ledgers of the Guilds\n\nThe boatmen kept a ledger.\n\nTolls\n\nEach guild fixed its tolls.\n\nAt the temple\n\nDisputes went to the elders.",
			sections: []string{"Ledgers of the Guilds", "Tolls", "At the temple"},
			meta:     Metadata{Title: "Ledgers of the Guilds", Authors: []string{"Mai Tran", "Ana Silva"}, Date: "2022-03-04"}},
		{name: "headings by the style's name and by outline level",
			paras: []docxParagraph{
				{style: "Kop1", runs: []string{"Inleiding"}},
				{runs: []string{"Tekst."}},
				{style: "Custom", runs: []string{"A custom section"}},
				{style: "Normal", runs: []string{"Body."}},
			},
			text:     "Inleiding\n\nTekst.\n\nA custom section\n\nBody.",
			sections: []string{"Inleiding", "A custom section"}},
		{name: "deleted revisions, field codes, tabs, breaks and tables",
			paras: []docxParagraph{
				{xml: `<w:p><w:r><w:t>Kept</w:t></w:r><w:del w:id="1"><w:r><w:delText>deleted words</w:delText></w:r></w:del><w:r><w:tab/><w:t>after a tab</w:t><w:br/><w:t>and a break.</w:t></w:r></w:p>`},
				{xml: `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "http://x"</w:instrText></w:r><w:r><w:t>link text</w:t></w:r></w:p>`},
				{xml: `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cargo</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Rice</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`},
				{xml: `<w:p><w:r><w:t>&lt;escaped&gt; &amp; kept</w:t></w:r></w:p>`},
				{xml: `<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"><a:t xmlns:a="y">drawing text</a:t></wp:inline></w:drawing><w:t>Caption.</w:t></w:r></w:p>`},
			},
			text: "Kept after a tab and a break.\n\nlink text\n\nCargo\n\nRice\n\n<escaped> & kept\n\nCaption."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), "d.DocX", buildDOCX(t, tt.paras, tt.core), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			if doc.Text != tt.text {
				t.Errorf("text =\n%q\nwant\n%q", doc.Text, tt.text)
			}
			if got := sectionHeadings(doc); !slices.Equal(got, tt.sections) {
				t.Errorf("sections = %q, want %q", got, tt.sections)
			}
			if doc.Meta.Title != tt.meta.Title || !slices.Equal(doc.Meta.Authors, tt.meta.Authors) || doc.Meta.Date != tt.meta.Date {
				t.Errorf("meta = %+v, want %+v", doc.Meta, tt.meta)
			}
		})
	}
}

func TestExtractDOCXRefusesBrokenDocuments(t *testing.T) {
	good := buildDOCX(t, []docxParagraph{{runs: []string{strings.Repeat("word ", 2000)}}}, "")
	tests := []struct {
		name string
		data []byte
		lim  Limits
		err  error
	}{
		{name: "truncated", data: good[:len(good)-40]},
		{name: "no document.xml", data: buildZip(t, []zipEntry{{name: "word/other.xml", data: "<x/>"}})},
		{name: "broken XML", data: buildZip(t, []zipEntry{{name: "word/document.xml", data: "<w:document><w:body><w:p><w:t>x"}})},
		{name: "nested too deep", data: buildZip(t, []zipEntry{{name: "word/document.xml", data: strings.Repeat("<w:sdt>", 80) + strings.Repeat("</w:sdt>", 80)}}),
			lim: Limits{MaxDepth: 40}, err: ErrTooLarge},
		{name: "unpacks to more than the limit", data: good, lim: Limits{MaxUncompressed: 4000}, err: ErrTooLarge},
		{name: "no text", data: buildDOCX(t, []docxParagraph{{runs: []string{"  "}}}, ""), err: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(context.Background(), "d.docx", tt.data, tt.lim)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.err != nil && !errorsIs(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
		})
	}
}

// FuzzExtractDOCX fuzzes the three XML parts of a document whose zip is
// built around them.
func FuzzExtractDOCX(f *testing.F) {
	f.Add(`<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>H</w:t></w:r></w:p><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:body></w:document>`,
		`<w:styles><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style></w:styles>`,
		`<cp:coreProperties><dc:title>T</dc:title><dc:creator>A; B</dc:creator><dcterms:created>2020-01-02T00:00:00Z</dcterms:created></cp:coreProperties>`)
	f.Fuzz(func(t *testing.T, document, styles, core string) {
		data := buildZip(t, []zipEntry{{name: "word/document.xml", data: document, store: true}, {name: "word/styles.xml", data: styles, store: true}, {name: "docProps/core.xml", data: core, store: true}})
		doc, err := Extract(context.Background(), "f.docx", data, Limits{MaxUncompressed: 1 << 20, MaxDepth: 64, Timeout: 5 * time.Second})
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatal(err)
		}
		if err == nil {
			checkDocument(t, doc)
		}
	})
}

// FuzzDOCXParagraphs fuzzes the document.xml reader itself, without the
// zip around it.
func FuzzDOCXParagraphs(f *testing.F) {
	f.Add(`<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>H</w:t></w:r></w:p><w:p><w:del><w:r><w:delText>d</w:delText></w:r></w:del><w:r><w:t>t</w:t></w:r></w:p></w:body></w:document>`)
	f.Fuzz(func(t *testing.T, xmlText string) {
		var out textBuilder
		lim := DefaultLimits()
		lim.MaxDepth = 64
		if err := docxParagraphs(context.Background(), []byte(xmlText), lim, map[string]bool{}, &out); err == nil {
			checkDocument(t, out.document(Metadata{}))
		}
	})
}

func TestExtractDOCXReadsTextBoxesAndNotes(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`
	// A text box as Word 2010 and later write it: the shape in mc:Choice,
	// the same text again as VML in mc:Fallback for older readers.
	const textBox = `<w:p><w:r><w:t>Before the box.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="x"><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>The boatmen paid 12 coins.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic><a:t>shape label</a:t></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>The boatmen paid 12 coins.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>After the box.</w:t></w:r></w:p>`
	// An old document's text box: VML alone.
	const vmlBox = `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>An older box.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`
	const body = `<w:p><w:r><w:t>The guild met in 1820.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`
	const footnotes = `<?xml version="1.0"?><w:footnotes ` + ns + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/><w:t>sep</w:t></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The minutes of that meeting are lost.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	const endnotes = `<?xml version="1.0"?><w:endnotes ` + ns + `><w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>See the harbour records.</w:t></w:r></w:p></w:endnote></w:endnotes>`
	document := func(body string) zipEntry {
		return zipEntry{name: "word/document.xml", data: `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`}
	}
	tests := []struct {
		name     string
		entries  []zipEntry
		text     string
		sections []string
	}{
		{name: "a text box is read once, in its place, not the shape's own label",
			entries: []zipEntry{document(textBox)},
			text:    "Before the box.\n\nThe boatmen paid 12 coins.\n\nAfter the box."},
		{name: "a VML text box alone is read",
			entries: []zipEntry{document(vmlBox)},
			text:    "An older box."},
		{name: "footnotes and endnotes follow the body under Notes, without separators",
			entries:  []zipEntry{document(body), {name: "word/footnotes.xml", data: footnotes}, {name: "word/endnotes.xml", data: endnotes}},
			text:     "The guild met in 1820.\n\nNotes\n\nThe minutes of that meeting are lost.\n\nSee the harbour records.",
			sections: []string{"Notes"}},
		{name: "notes holding only separators add nothing",
			entries: []zipEntry{document(body), {name: "word/footnotes.xml", data: `<w:footnotes ` + ns + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>sep</w:t></w:r></w:p></w:footnote></w:footnotes>`}},
			text:    "The guild met in 1820."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), "d.docx", buildZip(t, tt.entries), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			if doc.Text != tt.text {
				t.Errorf("text =\n%q\nwant\n%q", doc.Text, tt.text)
			}
			if got := sectionHeadings(doc); !slices.Equal(got, tt.sections) {
				t.Errorf("sections = %q, want %q", got, tt.sections)
			}
		})
	}
	t.Run("broken notes cost the notes, not the document", func(t *testing.T) {
		doc, err := Extract(context.Background(), "d.docx", buildZip(t, []zipEntry{document(body), {name: "word/footnotes.xml", data: "<w:footnotes><w:p>"}, {name: "word/endnotes.xml", data: endnotes}}), DefaultLimits())
		if err != nil || doc.Text != "The guild met in 1820." {
			t.Errorf("text %q, err %v: want the body alone", doc.Text, err)
		}
	})
}
