package ingest

import (
	"context"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
)

// extractDOCX reads a Word document: the paragraphs of
// word/document.xml in order (tables' cells as paragraphs; deleted
// revisions, field codes and drawings left out), the paragraphs whose
// style is a heading (Heading 1–9 or Title, by style id, by the style's
// name in word/styles.xml, or by an outline level) as Sections, and the
// title, creator and creation date of docProps/core.xml.
func extractDOCX(ctx context.Context, data []byte, lim Limits) (Document, error) {
	z, err := openZip(data, lim)
	if err != nil {
		return Document{}, err
	}
	if !z.has("word/document.xml") {
		return Document{}, fmt.Errorf("not a Word document: no word/document.xml in the archive")
	}
	headingStyles := map[string]bool{}
	if z.has("word/styles.xml") {
		raw, err := z.read(ctx, "word/styles.xml")
		if err != nil {
			return Document{}, err
		}
		if headingStyles, err = docxHeadingStyles(ctx, raw, lim); err != nil {
			return Document{}, fmt.Errorf("read word/styles.xml: %w", err)
		}
	}
	raw, err := z.read(ctx, "word/document.xml")
	if err != nil {
		return Document{}, err
	}
	var out textBuilder
	if err := docxParagraphs(ctx, raw, lim, headingStyles, &out); err != nil {
		return Document{}, fmt.Errorf("read word/document.xml: %w", err)
	}
	var meta Metadata
	if z.has("docProps/core.xml") {
		raw, err := z.read(ctx, "docProps/core.xml")
		if err != nil {
			return Document{}, err
		}
		var core struct {
			Title   string `xml:"title"`
			Creator string `xml:"creator"`
			Created string `xml:"created"`
		}
		// Broken metadata costs the metadata, not the document.
		if decodeXML(ctx, raw, lim.MaxDepth, &core) == nil {
			meta.Title = foldSpace(core.Title)
			meta.Authors = splitAuthors(core.Creator)
			meta.Date = dateOnly(foldSpace(core.Created))
		}
	}
	return out.document(meta), nil
}

// headingStyleID matches the style ids Word gives its headings.
var headingStyleID = regexp.MustCompile(`(?i)^(heading ?[1-9]|title)$`)

// docxHeadingStyles finds the paragraph styles that are headings: named
// "heading N" or "Title", or with an outline level.
func docxHeadingStyles(ctx context.Context, raw []byte, lim Limits) (map[string]bool, error) {
	styles := map[string]bool{}
	id := ""
	err := xmlTokens(ctx, raw, lim.MaxDepth, func(tok xml.Token, _ int) error {
		t, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch t.Name.Local {
		case "style":
			id = xmlAttr(t, "styleId")
			if xmlAttr(t, "type") != "paragraph" {
				id = ""
			}
		case "name":
			if id != "" && headingStyleID.MatchString(xmlAttr(t, "val")) {
				styles[id] = true
			}
		case "outlineLvl":
			if id != "" && xmlAttr(t, "val") != "9" { // 9 is body text
				styles[id] = true
			}
		}
		return nil
	})
	return styles, err
}

// xmlAttr is the value of t's attribute with the local name local.
func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxParagraphs writes the paragraphs of document.xml to out.
func docxParagraphs(ctx context.Context, raw []byte, lim Limits, headingStyles map[string]bool, out *textBuilder) error {
	var para strings.Builder
	inPara, inText, heading := false, false, false
	skip := 0 // depth of an element whose text is not the document's (w:del, w:instrText, …), or 0
	return xmlTokens(ctx, raw, lim.MaxDepth, func(tok xml.Token, depth int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				return nil
			}
			switch t.Name.Local {
			case "p":
				if inPara { // a paragraph inside a text box inside a paragraph: end the outer one
					docxFlush(out, &para, heading)
				}
				inPara, heading = true, false
			case "pStyle":
				style := xmlAttr(t, "val")
				heading = headingStyles[style] || headingStyleID.MatchString(style)
			case "outlineLvl":
				if v := xmlAttr(t, "val"); v != "" && v != "9" {
					heading = true
				}
			case "t":
				inText = true
			case "tab":
				para.WriteByte(' ')
			case "br", "cr":
				para.WriteByte(' ')
			case "del", "delText", "instrText", "drawing", "pict", "object", "footnoteReference", "endnoteReference", "commentReference", "fldData":
				skip = depth
			}
		case xml.EndElement:
			if skip > 0 {
				if depth < skip {
					skip = 0
				}
				return nil
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				docxFlush(out, &para, heading)
				inPara, heading = false, false
			case "tc":
				docxFlush(out, &para, false)
			}
		case xml.CharData:
			if inText && skip == 0 {
				para.Write(t)
			}
		}
		return nil
	})
}

// docxFlush writes the paragraph collected in para.
func docxFlush(out *textBuilder, para *strings.Builder, heading bool) {
	if heading {
		out.heading(para.String())
	} else {
		out.paragraph(para.String())
	}
	para.Reset()
}
