package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// articleMinChars is the fewest characters of text readability must find
// in a page's best candidate before it stops retrying with its furniture
// filters relaxed. Its default (500) let a short news item's "read also"
// box and share links through; see the HTML fixtures.
const articleMinChars = 200

// articleMaxElements bounds the elements readability scores (a long
// Wikipedia page has some 50,000); a larger page is read whole, its
// furniture left out by name, rather than scored several times over.
const articleMaxElements = 200_000

// extractHTML reads a web page: the article's main text only, found by
// go-readability (a port of Firefox's Reader View), its headings as
// Sections, and the page's own metadata (og: tags, meta author,
// article:published_time, JSON-LD, the canonical link). A page in which
// no article stands out is read whole, navigation, forms and scripts left
// out.
func extractHTML(ctx context.Context, data []byte, lim Limits) (Document, error) {
	if err := checkHTMLBytes(data); err != nil {
		return Document{}, err
	}
	doc, err := parseHTML(data, lim)
	if err != nil {
		return Document{}, err
	}
	meta := htmlMetadata(doc)
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}

	parser := readability.NewParser()
	parser.CharThresholds = articleMinChars
	parser.MaxElemsToParse = articleMaxElements
	base := &url.URL{Scheme: "https", Host: "page.invalid", Path: "/"}
	if u, err := url.Parse(meta.URL); err == nil && u.IsAbs() {
		base = u
	}
	article, err := parser.ParseDocument(doc, base) // mutates doc
	if meta.Title == "" && err == nil {
		meta.Title = foldSpace(article.Title())
	}
	if len(meta.Authors) == 0 && err == nil {
		meta.Authors = bylineAuthors(article.Byline())
	}
	if meta.Date == "" && err == nil {
		if t, err := article.PublishedTime(); err == nil {
			meta.Date = t.Format("2006-01-02")
		}
	}
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}

	out := buildHTMLText("", article.Node, false)
	if err != nil || article.Node == nil || len(out.b.String()) < articleMinChars {
		// No article stood out (readability then returns what it kept with
		// its filters off): read the whole page, furniture left out by
		// name (a fresh tree: readability has taken the first one apart).
		whole, perr := parseHTML(data, lim)
		if perr != nil {
			return Document{}, perr
		}
		kept := out
		out = buildHTMLText(meta.Title, whole, true)
		if untitled := buildHTMLText("", whole, true); untitled.b.Len() == 0 && kept.b.Len() > 0 {
			// Everything on the page is named like furniture: what
			// readability kept is better than nothing.
			out = buildHTMLText(meta.Title, article.Node, false)
		}
	} else {
		out = buildHTMLText(meta.Title, article.Node, false)
	}
	return out.document(meta), nil
}

// buildHTMLText writes title as the first heading, then the text under n
// (its furniture left out if skipFurniture).
func buildHTMLText(title string, n *html.Node, skipFurniture bool) *textBuilder {
	var out textBuilder
	out.heading(title)
	if n != nil {
		w := htmlWalker{out: &out, skipFurniture: skipFurniture}
		w.walk(n)
		w.flush()
	}
	return &out
}

// checkHTMLBytes refuses an empty file and a binary one named .html.
func checkHTMLBytes(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return errEmpty
	case bytes.IndexByte(data, 0) >= 0:
		return errBinary
	}
	return nil
}

// parseHTML parses data (in the charset its BOM or <meta charset> names,
// else UTF-8 if valid, else Windows-1252 as browsers do) and refuses a
// tree nested deeper than lim.MaxDepth.
func parseHTML(data []byte, lim Limits) (*html.Node, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return nil, fmt.Errorf("unknown character set: %w", err)
	}
	doc, err := html.Parse(r)
	if err != nil {
		if strings.Contains(err.Error(), "exceeds") { // x/net/html's own nesting limit
			return nil, fmt.Errorf("%w: HTML nested too deep (%v)", ErrTooLarge, err)
		}
		return nil, fmt.Errorf("unreadable HTML: %w", err)
	}
	if d := treeDepth(doc, lim.MaxDepth); d > lim.MaxDepth {
		return nil, fmt.Errorf("%w: HTML nested deeper than %d elements", ErrTooLarge, lim.MaxDepth)
	}
	return doc, nil
}

// htmlMetadata reads what a page says about itself. For each field the
// first found wins: the title from og:title, JSON-LD's headline,
// twitter:title; authors from JSON-LD, <meta name=author>, a non-URL
// article:author; the date from article:published_time, JSON-LD's
// datePublished, <meta name=date> or Dublin Core; the publisher from
// og:site_name, JSON-LD's publisher; the URL from <link rel=canonical>,
// og:url, JSON-LD's url.
func htmlMetadata(doc *html.Node) Metadata {
	metas := map[string]string{} // first value of each meta property or name, lower-cased key
	var canonical string
	var ld []jsonLDArticle
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
				if key == "" {
					key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
				}
				if key == "" {
					key = strings.ToLower(strings.TrimSpace(attr(n, "itemprop")))
				}
				if v := foldSpace(attr(n, "content")); key != "" && v != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = v
					}
				}
			case atom.Link:
				for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
					if rel == "canonical" && canonical == "" {
						canonical = strings.TrimSpace(attr(n, "href"))
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					var src strings.Builder
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.TextNode {
							src.WriteString(c.Data)
						}
					}
					ld = append(ld, parseJSONLD(src.String())...)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)

	var best jsonLDArticle // the first article, else the first object with a headline
	for i, a := range ld {
		if a.isArticle || i == 0 {
			best = a
			if a.isArticle {
				break
			}
		}
	}
	m := Metadata{
		Title:     first(metas["og:title"], best.headline, metas["twitter:title"], metas["dc.title"]),
		Publisher: first(metas["og:site_name"], best.publisher),
		URL:       first(absoluteURL(canonical), absoluteURL(metas["og:url"]), absoluteURL(best.url)),
		Date: dateOnly(first(metas["article:published_time"], best.datePublished, metas["date"],
			metas["dc.date.issued"], metas["dc.date"], metas["dcterms.date"], metas["datepublished"])),
	}
	switch {
	case len(best.authors) > 0:
		m.Authors = best.authors
	case len(splitAuthors(metas["author"])) > 0:
		m.Authors = splitAuthors(metas["author"])
	case len(splitAuthors(metas["article:author"])) > 0:
		m.Authors = splitAuthors(metas["article:author"])
	}
	return m
}

// jsonLDArticle is what Lectern reads from a JSON-LD object.
type jsonLDArticle struct {
	isArticle                          bool
	headline, datePublished, publisher string
	url                                string
	authors                            []string
}

// articleTypes are the schema.org types of an article's JSON-LD.
var articleTypes = regexp.MustCompile(`(?i)^(schema:)?(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Blog|WebPage|LiveBlogPosting)$`)

// parseJSONLD reads the objects of one JSON-LD script, @graph included;
// broken JSON yields nothing.
func parseJSONLD(src string) []jsonLDArticle {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return nil
	}
	var out []jsonLDArticle
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			a := jsonLDArticle{
				headline:      first(jsonString(x["headline"]), jsonString(x["name"])),
				datePublished: jsonString(x["datePublished"]),
				publisher:     jsonName(x["publisher"]),
				url:           first(jsonString(x["url"]), jsonName(x["mainEntityOfPage"])),
				authors:       jsonNames(x["author"]),
			}
			for _, t := range jsonStrings(x["@type"]) {
				if articleTypes.MatchString(t) && !strings.EqualFold(t, "WebPage") {
					a.isArticle = true
				}
			}
			if a.isArticle || a.headline != "" {
				out = append(out, a)
			}
		}
	}
	visit(v, 0)
	return out
}

// first is the first of vs that is not blank, its spaces folded.
func first(vs ...string) string {
	for _, v := range vs {
		if v = foldSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// jsonString is v if it is a string.
func jsonString(v any) string {
	s, _ := v.(string)
	return foldSpace(s)
}

// jsonStrings is v as a list of strings (a string or an array of them).
func jsonStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// jsonName is v's name: v itself if a string, else its "name" (or, for a
// page reference, its "@id").
func jsonName(v any) string {
	switch x := v.(type) {
	case string:
		return foldSpace(x)
	case map[string]any:
		return first(jsonString(x["name"]), jsonString(x["@id"]))
	case []any:
		if len(x) > 0 {
			return jsonName(x[0])
		}
	}
	return ""
}

// jsonNames is the names in v: one, or an array of them.
func jsonNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if n := jsonName(e); n != "" && absoluteURL(n) == "" {
				out = append(out, n)
			}
		}
	default:
		if n := jsonName(x); n != "" && absoluteURL(n) == "" {
			out = splitAuthors(n)
		}
	}
	return out
}

// absoluteURL is s if it is an absolute http(s) URL, else "".
func absoluteURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}

// isoDate matches a date written the ISO way at the start of a value.
var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}|^\d{4}-\d{2}|^\d{4}$`)

// dateOnly is the calendar date at the start of a timestamp as written
// ("2020-09-15T12:00:00+07:00" → "2020-09-15", not converted to UTC), or
// the value as it is when it is not an ISO date.
func dateOnly(s string) string {
	if d := isoDate.FindString(s); d != "" {
		return d
	}
	return s
}

// authorSeparators split a list of names: "A, B and C", "A; B", "A & B".
var authorSeparators = regexp.MustCompile(`\s*(?:;|,|&|\band\b)\s*`)

// splitAuthors splits a list of author names; a URL (a profile page
// given as the author) is no name.
func splitAuthors(s string) []string {
	if absoluteURL(s) != "" {
		return nil
	}
	var out []string
	for _, name := range authorSeparators.Split(s, -1) {
		if name = foldSpace(bylinePrefix.ReplaceAllString(foldSpace(name), "")); name != "" && absoluteURL(name) == "" {
			out = append(out, name)
		}
	}
	return out
}

// bylinePrefix is the "By" that starts a byline.
var bylinePrefix = regexp.MustCompile(`(?i)^(written\s+)?by\s+`)

// bylineAuthors reads names from a byline such as "By Mai Tran, 17
// April 2023": only a short byline whose parts read as names is trusted.
func bylineAuthors(byline string) []string {
	byline = bylinePrefix.ReplaceAllString(foldSpace(byline), "")
	if byline == "" || len(byline) > 80 {
		return nil
	}
	var out []string
	for _, name := range splitAuthors(byline) {
		if strings.ContainsAny(name, "0123456789@|/") {
			continue // a date, an e-mail, a site
		}
		out = append(out, name)
	}
	return out
}
