package ingest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExtractMarkdownCleansTheMarkup(t *testing.T) {
	tests := []struct {
		name     string
		md       string
		text     string   // the whole text expected
		sections []string // the headings, in order
		meta     Metadata
	}{
		{name: "heading, emphasis, link with a title, block quote",
			md:       "# The *River* Guilds\n\nThe **boatmen** kept a [ledger](https://example.org/l \"The ledger\") of _every_ cargo.\n\n> Rice went upstream,\n> salt came down.\n",
			text:     "The River Guilds\n\nThe boatmen kept a ledger of every cargo.\n\nRice went upstream, salt came down.",
			sections: []string{"The River Guilds"}},
		{name: "setext headings and several levels",
			md:       "Tolls\n=====\n\nText one.\n\nTemples\n-------\n\n### Elders\n\nText two.",
			text:     "Tolls\n\nText one.\n\nTemples\n\nElders\n\nText two.",
			sections: []string{"Tolls", "Temples", "Elders"}},
		{name: "images leave their alt text, code spans their code",
			md:   "![A laden boat](boat.jpg \"Boat\") near the `landing_stage` and ``a `tick` here``.",
			text: "A laden boat near the landing_stage and a `tick` here."},
		{name: "a fenced code block keeps each line apart",
			md:   "Run:\n\n```sh\ngo build ./...\n./lectern index\n\n./lectern ask \"What?\"\n```\n\nDone.",
			text: "Run:\n\ngo build ./...\n\n./lectern index\n\n./lectern ask \"What?\"\n\nDone."},
		{name: "an indented code block too",
			md:   "Before.\n\n    x := 1\n    y := 2\n\nAfter.",
			text: "Before.\n\nx := 1\n\ny := 2\n\nAfter."},
		{name: "bullets go, numbers stay, nesting is flattened",
			md:   "Cargoes:\n\n- rice\n- salt\n  1. fine salt\n  2. rock salt\n* cloth\n\n3. third\n4. fourth",
			text: "Cargoes:\n\nrice\n\nsalt\n\n1. fine salt\n\n2. rock salt\n\ncloth\n\n3. third\n\n4. fourth"},
		{name: "HTML comments go, other HTML leaves its text",
			md:   "<!-- a note to the editor\nover two lines -->\n\nKept.\n\n<div class=\"box\">Boxed <b>text</b></div>\n\nA <span>span</span> and a<br>break.",
			text: "Kept.\n\nBoxed text\n\nA span and a break."},
		{name: "reference links leave their text and their definitions go",
			md:   "See [the ledger][l] and [ledger].\n\n[l]: https://example.org/l \"Ledger\"\n[ledger]: https://example.org/",
			text: "See the ledger and ledger."},
		{name: "escapes and intra-word underscores are text",
			md:   "A \\*starred\\* word, snake_case_name and 2 * 3 * 4.",
			text: "A *starred* word, snake_case_name and 2 * 3 * 4."},
		{name: "strike-through, task lists and autolinks",
			md:   "~~old~~ new; <https://example.org/x>.\n\n- [x] done\n- [ ] to do",
			text: "old new; https://example.org/x.\n\ndone\n\nto do"},
		{name: "a table is one paragraph a row",
			md:   "| Cargo | Season |\n|---|---|\n| **Rice** | dry |\n| Cloth | monsoon |",
			text: "Cargo | Season\n\nRice | dry\n\nCloth | monsoon"},
		{name: "hard-wrapped lines are joined",
			md:   "The boatmen of the lower\nriver kept a ledger.  \nA hard break.",
			text: "The boatmen of the lower river kept a ledger. A hard break."},
		{name: "front matter gives the metadata and is not text",
			md:       "---\ntitle: \"Ledgers of the Guilds\"\nauthor:\n  - Mai Tran\n  - Ana Silva\ndate: 2023-04-17T10:00:00Z\npublisher: River Press # the house\ntags: [a, b]\n---\n# Ledgers\n\nBody.",
			text:     "Ledgers\n\nBody.",
			sections: []string{"Ledgers"},
			meta:     Metadata{Title: "Ledgers of the Guilds", Authors: []string{"Mai Tran", "Ana Silva"}, Date: "2023-04-17", Publisher: "River Press"}},
		{name: "front matter with a flow list of authors",
			md:   "---\ntitle: T\nauthors: [\"A One\", 'B Two']\n---\nBody.",
			text: "Body.", meta: Metadata{Title: "T", Authors: []string{"A One", "B Two"}}},
		{name: "a thematic break and a setext heading are not front matter",
			md:       "---\nA heading\n---\n\nText.",
			text:     "A heading\n\nText.",
			sections: []string{"A heading"}},
		{name: "authors as maps, a date as a YAML timestamp, block scalars",
			md:   "---\ntitle: >\n  Folded\n  title\nauthors:\n  - name: Mai Tran\n    url: https://x.org\ndate: 2021-11-02\n---\nBody.",
			text: "Body.", meta: Metadata{Title: "Folded title", Authors: []string{"Mai Tran"}, Date: "2021-11-02"}},
		{name: "a thematic break that opens a file without closing is not front matter",
			md:   "---\nJust text after a rule.",
			text: "Just text after a rule."},
		{name: "a byte-order mark is dropped", md: "\uFEFF# Title\n\nText.", text: "Title\n\nText.", sections: []string{"Title"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), "notes.MD", []byte(tt.md), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.text {
				t.Errorf("text =\n%q\nwant\n%q", doc.Text, tt.text)
			}
			if got := sectionHeadings(doc); !slices.Equal(got, tt.sections) {
				t.Errorf("sections = %q, want %q", got, tt.sections)
			}
			for _, s := range doc.Sections {
				if !strings.HasPrefix(doc.Text[s.Start:], s.Heading) {
					t.Errorf("section %q starts at %q", s.Heading, doc.Text[s.Start:])
				}
			}
			if doc.Meta.Title != tt.meta.Title || !slices.Equal(doc.Meta.Authors, tt.meta.Authors) ||
				doc.Meta.Date != tt.meta.Date || doc.Meta.Publisher != tt.meta.Publisher {
				t.Errorf("meta = %+v, want %+v", doc.Meta, tt.meta)
			}
		})
	}
}

func TestExtractMarkdownRefusesWhatIsNotText(t *testing.T) {
	tests := []struct {
		name string
		data string
		err  error
		msg  string
	}{
		{"empty", " \n\t\n", ErrNoText, "empty"},
		{"NUL bytes", "# a\x00b", ErrUnsupported, "binary (contains NUL bytes)"},
		{"not UTF-8", "# caf\xe9", ErrUnsupported, "not UTF-8 text"},
		{"only markup", "<!-- nothing -->\n\n---\n", ErrNoText, ""},
		{"quotes nested too deep", strings.Repeat(">", 2000) + " deep", ErrTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(context.Background(), "a.markdown", []byte(tt.data), Limits{MaxDepth: 100})
			if !errorsIs(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err, tt.msg)
			}
		})
	}
}

// checkDocument fails t unless doc keeps the Document contract: valid
// UTF-8, sections in order within the text, each at its heading.
func checkDocument(t *testing.T, doc Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("text is not UTF-8: %q", doc.Text)
	}
	checkSections(t, doc)
}

func FuzzExtractMarkdown(f *testing.F) {
	f.Add("# H\n\n**b** _i_ [l](u \"t\") ![a](i)\n\n> q\n\n- x\n1. y\n\n```\nc\n```\n<!-- c -->")
	f.Add("---\ntitle: T\nauthor: [A, B]\n---\nBody")
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |")
	f.Fuzz(func(t *testing.T, md string) {
		doc, err := Extract(context.Background(), "f.md", []byte(md), Limits{MaxDepth: 64})
		if err != nil {
			return
		}
		checkDocument(t, doc)
		for _, s := range doc.Sections {
			if !strings.HasPrefix(doc.Text[s.Start:], s.Heading) {
				t.Fatalf("section %q starts at %q", s.Heading, doc.Text[s.Start:])
			}
		}
	})
}
