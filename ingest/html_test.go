package ingest

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func sectionHeadings(d Document) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Heading)
	}
	return out
}

// checkSections fails t unless every section starts where its heading
// stands in the text, in order.
func checkSections(t *testing.T, d Document) {
	t.Helper()
	last := -1
	for _, s := range d.Sections {
		if s.Start <= last || s.Start > len(d.Text) {
			t.Errorf("section %q starts at %d, after %d, in a text of %d bytes", s.Heading, s.Start, last, len(d.Text))
			return
		}
		last = s.Start
	}
}

func TestExtractHTMLKeepsTheArticleAndDropsTheFurniture(t *testing.T) {
	for _, page := range webPages() {
		t.Run(page.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), "page.html", []byte(page.html), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range page.article {
				if !strings.Contains(doc.Text, want) {
					t.Errorf("the article's %.50q… is missing from:\n%s", want, doc.Text)
				}
			}
			for _, junk := range page.furniture {
				if strings.Contains(doc.Text, junk) {
					t.Errorf("furniture %q kept in:\n%s", junk, doc.Text)
				}
			}
			if got := sectionHeadings(doc); !slices.Equal(got, page.sections) {
				t.Errorf("sections = %q, want %q", got, page.sections)
			}
			checkSections(t, doc)
			for _, s := range doc.Sections {
				if !strings.HasPrefix(doc.Text[s.Start:], s.Heading) {
					t.Errorf("section %q starts at %q", s.Heading, doc.Text[s.Start:min(len(doc.Text), s.Start+40)])
				}
			}
			m := doc.Meta
			if m.Title != page.meta.Title || !slices.Equal(m.Authors, page.meta.Authors) || m.Date != page.meta.Date ||
				m.URL != page.meta.URL || m.Publisher != page.meta.Publisher {
				t.Errorf("meta = %+v,\nwant   %+v", m, page.meta)
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, head string
		want       Metadata
	}{
		{"a profile URL is no author; the byline's By goes",
			`<meta name="author" content="https://facebook.com/someone"><meta property="article:author" content="By Tran Mai and Ana Silva">`,
			Metadata{Authors: []string{"Tran Mai", "Ana Silva"}}},
		{"JSON-LD wins over meta author; an organisation as publisher; a string author list",
			`<meta name="author" content="Desk"><script type="application/ld+json">[{"@type":"NewsArticle","headline":"H","author":"A One, B Two","publisher":{"@type":"Organization","name":"Wire"},"datePublished":"2020-01-02T03:04:05+07:00","mainEntityOfPage":{"@id":"https://x.org/h"}}]</script>`,
			Metadata{Title: "H", Authors: []string{"A One", "B Two"}, Publisher: "Wire", Date: "2020-01-02", URL: "https://x.org/h"}},
		{"broken JSON-LD is ignored; a relative canonical link is no URL",
			`<script type="application/ld+json">{"@type": "Article", "headline": </script><link rel="canonical" href="/relative"><meta property="og:url" content="https://x.org/og">`,
			Metadata{URL: "https://x.org/og"}},
		{"Dublin Core date", `<meta name="DC.date" content="2019-07">`, Metadata{Date: "2019-07"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseHTML([]byte("<html><head>"+tt.head+"</head><body><p>x</p></body></html>"), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			m := htmlMetadata(doc)
			if m.Title != tt.want.Title || !slices.Equal(m.Authors, tt.want.Authors) || m.Date != tt.want.Date ||
				m.URL != tt.want.URL || m.Publisher != tt.want.Publisher {
				t.Errorf("meta = %+v,\nwant   %+v", m, tt.want)
			}
		})
	}
}

func TestExtractHTMLEdgeCases(t *testing.T) {
	tests := []struct {
		name     string
		html     string
		want     []string // in the text, in this order
		unwanted []string
		lim      Limits
		err      error
	}{
		{name: "a bare fragment is read whole", html: "<p>Only one short paragraph about boats.</p>",
			want: []string{"Only one short paragraph about boats."}},
		{name: "scripts, styles and hidden text never show", html: `<body><p>Visible words.</p><script>var secret=1</script><style>p{}</style><p hidden>hidden words</p><div style="display: none">more hidden</div></body>`,
			want: []string{"Visible words."}, unwanted: []string{"secret", "p{}", "hidden words", "more hidden"}},
		{name: "pre keeps its lines", html: "<body><h1>Code</h1><pre>line one\n  line two\nline three</pre></body>",
			want: []string{"line one\n\nline two\n\nline three"}},
		{name: "Windows-1252 declared in a meta tag", html: "<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9 and cr\xe8me</p></body></html>",
			want: []string{"café and crème"}},
		{name: "entities decoded", html: "<p>Salt &amp; rice &mdash; cheaper&nbsp;now.</p>", want: []string{"Salt & rice — cheaper now."}},
		{name: "empty file", html: "  \n ", err: ErrNoText},
		{name: "only markup", html: "<html><body><div></div></body></html>", err: ErrNoText},
		{name: "binary named .html", html: "\x00\x01\x02PK", err: ErrUnsupported},
		{name: "nesting too deep for the parser", html: strings.Repeat("<div>", 600) + "deep" + strings.Repeat("</div>", 600), err: ErrTooLarge},
		{name: "nesting deeper than the limit", html: strings.Repeat("<span>", 150) + "deep" + strings.Repeat("</span>", 150), lim: Limits{MaxDepth: 100}, err: ErrTooLarge},
		{name: "nesting within the limit", html: strings.Repeat("<span>", 90) + "deep enough" + strings.Repeat("</span>", 90), lim: Limits{MaxDepth: 100}, want: []string{"deep enough"}},
		{name: "two line breaks end a paragraph, one does not", html: "<body><div>one<br>line<br><br>two</div></body>", want: []string{"one line\n\ntwo"}},
		{name: "a short page whose every block is named like furniture keeps its text",
			html: `<body><div class="header-wrap"><p>The only words of the page.</p></div></body>`,
			want: []string{"The only words of the page."}},
		{name: "a page with no article is read without its furniture",
			html:     `<body><div class="cookie-banner">We use cookies</div><header>Site name</header><div id="content"><p>Short words only.</p></div><div class="share-buttons">Share it</div><footer>Footer links</footer></body>`,
			want:     []string{"Short words only."},
			unwanted: []string{"We use cookies", "Site name", "Share it", "Footer links"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), "x.htm", []byte(tt.html), tt.lim)
			if tt.err != nil {
				if !errorsIs(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			at := 0
			for _, w := range tt.want {
				i := strings.Index(doc.Text[at:], w)
				if i < 0 {
					t.Fatalf("%q not found (in order) in %q", w, doc.Text)
				}
				at += i + len(w)
			}
			for _, u := range tt.unwanted {
				if strings.Contains(doc.Text, u) {
					t.Errorf("%q kept in %q", u, doc.Text)
				}
			}
		})
	}
}
