package ingest

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractEPUB reads an EPUB: its chapters in reading order (the OPF
// spine, not the zip's order), each chapter's title (from the EPUB 3 nav
// document or the EPUB 2 NCX, else its first heading) and headings as
// Sections, and the title, creators, date and publisher of the OPF's
// metadata.
func extractEPUB(ctx context.Context, data []byte, lim Limits) (Document, error) {
	z, err := openZip(data, lim)
	if err != nil {
		return Document{}, err
	}
	opfPath, err := epubRootFile(ctx, z, lim)
	if err != nil {
		return Document{}, err
	}
	raw, err := z.read(ctx, opfPath)
	if err != nil {
		return Document{}, err
	}
	var opf epubPackage
	if err := decodeXML(ctx, raw, lim.MaxDepth, &opf); err != nil {
		return Document{}, fmt.Errorf("read the EPUB's package file %s: %w", opfPath, err)
	}
	dir := path.Dir(opfPath)
	items := map[string]epubItem{}
	for _, it := range opf.Manifest {
		items[it.ID] = it
	}
	titles := epubTOC(ctx, z, lim, dir, opf, items)

	var out textBuilder
	read := 0
	for _, ref := range opf.Spine.Refs {
		if strings.EqualFold(ref.Linear, "no") {
			continue // outside the reading order (pop-up notes, a cover)
		}
		it, ok := items[ref.IDRef]
		if !ok || !isXHTML(it.MediaType) || strings.Contains(" "+it.Properties+" ", " nav ") {
			continue // not text, or the table of contents
		}
		name := resolveHref(dir, it.Href)
		if !z.has(name) {
			continue
		}
		chapter, err := z.read(ctx, name)
		if err != nil {
			return Document{}, err
		}
		doc, err := parseChapter(ctx, chapter, lim)
		if err != nil {
			return Document{}, fmt.Errorf("chapter %s: %w", name, err)
		}
		w := htmlWalker{out: &out, firstHeading: titles[name]}
		w.walk(doc)
		w.flush()
		read++
	}
	if read == 0 {
		return Document{}, fmt.Errorf("%w: the EPUB's spine lists no chapter the archive holds", ErrNoText)
	}
	md := opf.Metadata
	meta := Metadata{Title: first(md.Titles...), Publisher: first(md.Publishers...), Date: dateOnly(first(md.Dates...))}
	for _, c := range md.Creators {
		if c.Role == "" || strings.EqualFold(c.Role, "aut") {
			if name := foldSpace(c.Name); name != "" {
				meta.Authors = append(meta.Authors, name)
			}
		}
	}
	for _, id := range md.Identifiers {
		if u := absoluteURL(id); u != "" && meta.URL == "" {
			meta.URL = u
		}
	}
	return out.document(meta), nil
}

// parseChapter parses an EPUB content document: as XHTML when it is
// well-formed XML, which an HTML parser would misread (to it <script/> or
// <title/> opens an element that swallows the rest of the chapter), else
// as HTML.
func parseChapter(ctx context.Context, data []byte, lim Limits) (*html.Node, error) {
	doc, err := parseXHTML(ctx, data, lim)
	if err == nil {
		return doc, nil
	}
	if errors.Is(err, ErrTooLarge) || ctx.Err() != nil {
		return nil, err
	}
	return parseHTML(data, lim)
}

// epubOPS is the namespace of EPUB's own attributes (epub:type).
const epubOPS = "http://www.idpf.org/2007/ops"

// parseXHTML builds an html.Node tree from well-formed XHTML, element
// names lower-cased, nested no deeper than lim.MaxDepth.
func parseXHTML(ctx context.Context, data []byte, lim Limits) (*html.Node, error) {
	root := &html.Node{Type: html.DocumentNode}
	cur := root
	err := decodeTokens(ctx, newXMLDecoder(data, true), lim.MaxDepth, func(tok xml.Token, _ int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			n := &html.Node{Type: html.ElementNode, Data: strings.ToLower(t.Name.Local)}
			n.DataAtom = atom.Lookup([]byte(n.Data))
			for _, a := range t.Attr {
				key := strings.ToLower(a.Name.Local)
				if a.Name.Space == epubOPS || a.Name.Space == "epub" {
					key = "epub:" + key
				}
				n.Attr = append(n.Attr, html.Attribute{Key: key, Val: a.Value})
			}
			cur.AppendChild(n)
			cur = n
		case xml.EndElement:
			if cur.Parent != nil {
				cur = cur.Parent
			}
		case xml.CharData:
			cur.AppendChild(&html.Node{Type: html.TextNode, Data: string(t)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return root, nil
}

// epubPackage is what Lectern reads of an OPF package document.
type epubPackage struct {
	Metadata struct {
		Titles   []string `xml:"title"`
		Creators []struct {
			Name string `xml:",chardata"`
			Role string `xml:"role,attr"`
		} `xml:"creator"`
		Dates       []string `xml:"date"`
		Publishers  []string `xml:"publisher"`
		Identifiers []string `xml:"identifier"`
	} `xml:"metadata"`
	Manifest []epubItem `xml:"manifest>item"`
	Spine    struct {
		TOC  string `xml:"toc,attr"`
		Refs []struct {
			IDRef  string `xml:"idref,attr"`
			Linear string `xml:"linear,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

// epubItem is one file of an EPUB's manifest.
type epubItem struct {
	ID         string `xml:"id,attr"`
	Href       string `xml:"href,attr"`
	MediaType  string `xml:"media-type,attr"`
	Properties string `xml:"properties,attr"`
}

func isXHTML(mediaType string) bool {
	mt := strings.ToLower(strings.TrimSpace(mediaType))
	return mt == "application/xhtml+xml" || mt == "text/html"
}

// epubRootFile is the path of the package document, from
// META-INF/container.xml, else the first .opf in the archive.
func epubRootFile(ctx context.Context, z *zipArchive, lim Limits) (string, error) {
	if z.has("META-INF/container.xml") {
		raw, err := z.read(ctx, "META-INF/container.xml")
		if err != nil {
			return "", err
		}
		var c struct {
			RootFiles []struct {
				FullPath string `xml:"full-path,attr"`
			} `xml:"rootfiles>rootfile"`
		}
		if err := decodeXML(ctx, raw, lim.MaxDepth, &c); err != nil {
			return "", fmt.Errorf("read the EPUB's META-INF/container.xml: %w", err)
		}
		for _, rf := range c.RootFiles {
			if name, ok := cleanEntryName(rf.FullPath); ok && z.has(name) {
				return name, nil
			}
		}
	}
	for _, name := range z.names {
		if strings.HasSuffix(strings.ToLower(name), ".opf") {
			return name, nil
		}
	}
	return "", fmt.Errorf("not an EPUB: no package document (.opf) in the archive")
}

// resolveHref is the archive path of href (URL-escaped, maybe with a
// #fragment) relative to the folder dir.
func resolveHref(dir, href string) string {
	href, _, _ = strings.Cut(href, "#")
	if u, err := url.PathUnescape(href); err == nil {
		href = u
	}
	name, ok := cleanEntryName(path.Join(dir, href))
	if !ok {
		return ""
	}
	return name
}

// epubTOC maps each chapter file to its title in the book's table of
// contents: the EPUB 3 nav document, else the NCX. A broken or missing
// table of contents gives none (the chapters' headings then name them).
func epubTOC(ctx context.Context, z *zipArchive, lim Limits, dir string, opf epubPackage, items map[string]epubItem) map[string]string {
	titles := map[string]string{}
	add := func(base, href, title string) {
		name := resolveHref(base, href)
		if title = foldSpace(title); name != "" && title != "" {
			if _, seen := titles[name]; !seen {
				titles[name] = title
			}
		}
	}
	for _, it := range opf.Manifest {
		if !strings.Contains(" "+it.Properties+" ", " nav ") {
			continue
		}
		name := resolveHref(dir, it.Href)
		raw, err := z.read(ctx, name)
		if err != nil {
			break
		}
		doc, err := parseChapter(ctx, raw, lim)
		if err != nil {
			break
		}
		base := path.Dir(name)
		var visit func(n *html.Node, inTOC bool)
		visit = func(n *html.Node, inTOC bool) {
			if n.Type == html.ElementNode && n.Data == "nav" {
				t := attr(n, "epub:type")
				inTOC = t == "" || strings.Contains(" "+t+" ", " toc ")
			}
			if inTOC && n.Type == html.ElementNode && n.Data == "a" {
				add(base, attr(n, "href"), textContent(n))
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c, inTOC)
			}
		}
		visit(doc, false)
		if len(titles) > 0 {
			return titles
		}
	}
	ncx, ok := items[opf.Spine.TOC]
	if !ok {
		return titles
	}
	name := resolveHref(dir, ncx.Href)
	raw, err := z.read(ctx, name)
	if err != nil {
		return titles
	}
	base := path.Dir(name)
	label, inLabel := "", false
	_ = xmlTokens(ctx, raw, lim.MaxDepth, func(tok xml.Token, _ int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "navLabel":
				label, inLabel = "", true
			case "content":
				for _, a := range t.Attr {
					if a.Name.Local == "src" {
						add(base, a.Value, label)
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "navLabel" {
				inLabel = false
			}
		case xml.CharData:
			if inLabel {
				label += string(t)
			}
		}
		return nil
	})
	return titles
}
