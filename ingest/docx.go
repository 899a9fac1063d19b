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
// revisions, field codes and pictures left out, text boxes kept), then
// its footnotes and endnotes under a "Notes" heading; the paragraphs whose
// style is a heading (Heading 1–9 or Title, by style id, by the style's
// name in word/styles.xml, or by an outline level) as Sections; and the
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
	if err := docxNotes(ctx, z, lim, &out); err != nil && ctx.Err() != nil {
		return Document{}, err
	} // broken notes cost the notes, not the document
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

// docxParagraphs writes the paragraphs of document.xml (or of
// footnotes.xml, endnotes.xml) to out. Inside a drawing only its text
// boxes are read; the fallback copy of a drawing (mc:Fallback) and the
// separators of the notes are left out.
func docxParagraphs(ctx context.Context, raw []byte, lim Limits, headingStyles map[string]bool, out *textBuilder) error {
	var para strings.Builder
	inPara, inText, heading := false, false, false
	skip := 0    // depth of an element whose text is not the document's (w:del, w:instrText, …), or 0
	drawing := 0 // depth of the drawing being read, or 0
	box := 0     // depth of the text box being read in that drawing, or 0
	return xmlTokens(ctx, raw, lim.MaxDepth, func(tok xml.Token, depth int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				return nil
			}
			if drawing > 0 && box == 0 {
				if t.Name.Local == "txbxContent" {
					box = depth
				}
				return nil // a picture, a shape: no text of the document
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
			case "drawing", "pict":
				if drawing == 0 {
					drawing = depth
				}
			case "footnote", "endnote":
				if kind := xmlAttr(t, "type"); kind != "" && kind != "normal" {
					skip = depth // the separator line above the notes
				}
			case "del", "delText", "instrText", "Fallback", "object", "footnoteReference", "endnoteReference", "commentReference", "fldData":
				skip = depth
			}
		case xml.EndElement:
			if skip > 0 {
				if depth < skip {
					skip = 0
				}
				return nil
			}
			if drawing > 0 {
				if box > 0 && depth < box {
					box = 0
				}
				if box == 0 {
					if depth < drawing {
						drawing = 0
					}
					return nil
				}
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
			if inText && skip == 0 && (drawing == 0 || box > 0) {
				para.Write(t)
			}
		}
		return nil
	})
}

// docxNotesHeading is the section the footnotes and endnotes of a Word
// document are read into, after its body.
const docxNotesHeading = "Notes"

// docxNotes writes the footnotes and endnotes, if any, under a Notes
// heading: a note is part of what the reading says, and a quote from one
// is cited as from the Notes. Nothing is written when a part is broken.
func docxNotes(ctx context.Context, z *zipArchive, lim Limits, out *textBuilder) error {
	var notes textBuilder
	for _, part := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		if !z.has(part) {
			continue
		}
		raw, err := z.read(ctx, part)
		if err != nil {
			return err
		}
		if err := docxParagraphs(ctx, raw, lim, nil, &notes); err != nil {
			return fmt.Errorf("read %s: %w", part, err)
		}
	}
	if text := strings.TrimSpace(notes.document(Metadata{}).Text); text != "" {
		out.heading(docxNotesHeading)
		for para := range strings.SplitSeq(text, "\n\n") {
			out.paragraph(para)
		}
	}
	return nil
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
