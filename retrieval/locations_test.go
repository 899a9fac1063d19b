package retrieval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/ingest"
)

// pagedDocument joins page texts as an extractor would, a blank line between
// pages (a line break before a page that carries on a sentence), and
// records where each page starts.
func pagedDocument(pages ...string) ingest.Document {
	var doc ingest.Document
	for i, p := range pages {
		if r, _ := utf8.DecodeRuneInString(p); i > 0 && unicode.IsLower(r) {
			doc.Text += "\n"
		} else if i > 0 {
			doc.Text += "\n\n"
		}
		start := len(doc.Text)
		doc.Text += p
		doc.Pages = append(doc.Pages, ingest.Page{Number: i + 1, Start: start, End: len(doc.Text)})
	}
	return doc
}

// pageOf is the number of the page that the first occurrence of phrase
// stands on in a cleaned document.
func pageOf(t *testing.T, text string, pages []ingest.Page, phrase string) int {
	t.Helper()
	i := strings.Index(text, phrase)
	if i < 0 {
		t.Fatalf("%q is not in the cleaned text %q", phrase, text)
	}
	n, _ := pageAt(pages, i)
	return n
}

func TestCleanDocumentKeepsPagesThroughCleaning(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		// want maps a phrase to the page it must be found on after cleaning.
		want map[string]int
		// gone are phrases cleaning must drop.
		gone []string
	}{
		{name: "one paragraph per page",
			pages: []string{"First page text.", "Second page text.", "Third page text."},
			want:  map[string]int{"First": 1, "Second": 2, "Third": 3}},
		{name: "a page that starts with furniture keeps its start at the next line kept",
			pages: []string{"Intro of the report.", "Advertisement\nThe body of page two.", "Read more\n\nEnd."},
			want:  map[string]int{"Intro": 1, "The body of page two": 2, "End.": 3},
			gone:  []string{"Advertisement", "Read more"}},
		{name: "a sentence wrapped across a page break is re-flowed and starts on the first page",
			pages: []string{"Hanoi sent a delegation that\nwas received", "in Beijing with honours.\n\nA new paragraph."},
			want:  map[string]int{"Hanoi sent": 1, "in Beijing": 2, "A new paragraph": 2}},
		{name: "a page of furniture only starts where the next page does",
			pages: []string{"Page one.", "Subscribe\nLeave a comment", "Page three."},
			want:  map[string]int{"Page one": 1, "Page three": 3},
			gone:  []string{"Subscribe", "Leave a comment"}},
		{name: "a line repeated at the top of every page is dropped but the pages stay",
			pages: []string{"Journal of Things\nAlpha text.", "Journal of Things\nBeta text.", "Journal of Things\nGamma text."},
			want:  map[string]int{"Alpha": 1, "Beta": 2, "Gamma": 3}},
		{name: "white space and a byte order mark before a page start are passed over",
			pages: []string{"\uFEFF  \n  First.", "\n\n   Second.", "   \n"},
			want:  map[string]int{"First.": 1, "Second.": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := pagedDocument(tt.pages...)
			text, pages, _ := cleanDocument(doc)
			if want := Clean(doc.Text); text != want {
				t.Fatalf("cleaned with pages:\n%q\nwant what Clean makes of the same text:\n%q", text, want)
			}
			if len(pages) != len(tt.pages) {
				t.Fatalf("%d pages, want %d", len(pages), len(tt.pages))
			}
			for i, p := range pages {
				if p.Start < 0 || p.End > len(text) || p.Start > p.End || (i > 0 && p.Start < pages[i-1].Start) {
					t.Errorf("page %d = [%d, %d) of %d bytes: out of order or range", p.Number, p.Start, p.End, len(text))
				}
			}
			for phrase, want := range tt.want {
				if got := pageOf(t, text, pages, phrase); got != want {
					t.Errorf("%q is on page %d, want %d (pages %+v, text %q)", phrase, got, want, pages, text)
				}
			}
			for _, phrase := range tt.gone {
				if strings.Contains(text, phrase) {
					t.Errorf("%q was not cleaned away: %q", phrase, text)
				}
			}
		})
	}
}

func TestCleanDocumentKeepsSections(t *testing.T) {
	doc := ingest.Document{Text: "Intro line.\n\nThe U.S. as a Hedge\n\nHanoi hedges.\nTop of page\n\nShare this article\n\nThe South China Sea\n\nDisputes remain."}
	for _, h := range []string{"The U.S. as a Hedge", "Share this article", "The South China Sea"} {
		doc.Sections = append(doc.Sections, ingest.Section{Heading: h, Start: strings.Index(doc.Text, h)})
	}
	text, _, sections := cleanDocument(doc)
	if text != Clean(doc.Text) {
		t.Fatalf("cleaned %q, want %q", text, Clean(doc.Text))
	}
	tests := []struct{ phrase, section string }{
		{"Intro line", ""},
		{"The U.S. as a Hedge", "The U.S. as a Hedge"},
		{"Hanoi hedges", "The U.S. as a Hedge"},
		// "Share this article" is furniture: its section starts at the next line kept.
		{"The South China Sea", "The South China Sea"},
		{"Disputes remain", "The South China Sea"},
	}
	for _, tt := range tests {
		if got := sectionAt(sections, strings.Index(text, tt.phrase)); got != tt.section {
			t.Errorf("%q is in section %q, want %q (sections %+v)", tt.phrase, got, tt.section, sections)
		}
	}
}

// The seeds, read as they always were, clean byte for byte as before even
// when every line of them starts a page or a section.
func TestCleanDocumentSeedsByteForByte(t *testing.T) {
	entries, err := os.ReadDir("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join("../seeds", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		raw := string(data)
		doc := ingest.Document{Text: raw}
		offset := 0
		for i, line := range strings.SplitAfter(raw, "\n") {
			if i%3 == 0 {
				doc.Pages = append(doc.Pages, ingest.Page{Number: len(doc.Pages) + 1, Start: offset})
			} else if i%3 == 1 {
				doc.Sections = append(doc.Sections, ingest.Section{Heading: fmt.Sprint("S", i), Start: offset + len(line)/2})
			}
			offset += len(line)
		}
		text, pages, sections := cleanDocument(doc)
		if want := Clean(raw); text != want {
			t.Errorf("%s: cleaned with %d pages and %d sections differs from Clean", e.Name(), len(pages), len(sections))
		}
		if plain, _, _ := cleanDocument(ingest.Document{Text: raw}); plain != Clean(raw) {
			t.Errorf("%s: cleaned without locations differs from Clean", e.Name())
		}
	}
}

func TestChunkLocations(t *testing.T) {
	long := strings.Repeat("The delegation discussed trade and the border at length. ", 12)
	doc := pagedDocument(
		"Page one opens the report.\n\n"+long,
		"carried onto page two.\n\nPage two has its own paragraph about the Three Nos, which is long enough to be a chunk of its own when the minimum is small.",
		"Page three closes.",
	)
	text, pages, _ := cleanDocument(doc)
	d := Document{Info: SourceInfo{Source: "r.pdf", Title: "Report"}, Text: text, Pages: pages}
	chunks := ChunkDocument(d, ChunkOptions{MaxChars: 400, MinChars: 10, OverlapSentences: 0})
	find := func(phrase string) Chunk {
		for _, c := range chunks {
			if strings.Contains(c.Text, phrase) {
				return c
			}
		}
		t.Fatalf("no chunk holds %q: %+v", phrase, chunks)
		return Chunk{}
	}
	tests := []struct {
		phrase        string
		page, pageEnd int
	}{
		{"Page one opens", 1, 0},
		{"carried onto page two", 1, 2}, // the long paragraph's last chunk runs onto page two
		{"the Three Nos", 2, 0},
		{"Page three closes", 3, 0},
	}
	for _, tt := range tests {
		c := find(tt.phrase)
		if c.Page != tt.page || c.PageEnd != tt.pageEnd {
			t.Errorf("chunk %q: page %d, page_end %d; want %d, %d", c.Text, c.Page, c.PageEnd, tt.page, tt.pageEnd)
		}
	}
}

func TestPassageLocationOf(t *testing.T) {
	doc := pagedDocument("Alpha sentence one. Alpha sentence two that runs", "over the break. Beta sentence three.", "Gamma sentence four.")
	text, pages, _ := cleanDocument(doc)
	d := Document{Info: SourceInfo{Source: "r.pdf"}, Text: text, Pages: pages}
	chunks := ChunkDocument(d, ChunkOptions{MaxChars: 2000, MinChars: 1000})
	if len(chunks) != 1 {
		t.Fatalf("want one chunk, got %+v", chunks)
	}
	p := Passage{Chunk: chunks[0]}
	if p.Page != 1 || p.PageEnd != 3 {
		t.Fatalf("passage on pages %d–%d, want 1–3", p.Page, p.PageEnd)
	}
	tests := []struct {
		quote string
		want  Location
	}{
		{"Alpha sentence one.", Location{Page: 1}},
		{"Alpha sentence two that runs over the break.", Location{Page: 1, PageEnd: 2}},
		{"Beta sentence three.", Location{Page: 2}},
		{"Gamma sentence four.", Location{Page: 3}},
		{"Alpha sentence one. … Gamma sentence four.", Location{Page: 1, PageEnd: 3}},
		{"Beta sentence three. Gamma sentence…", Location{Page: 2, PageEnd: 3}},
		{"A sentence the passage does not hold.", Location{Page: 1, PageEnd: 3}},
	}
	for _, tt := range tests {
		if got := p.LocationOf(tt.quote); got != tt.want {
			t.Errorf("LocationOf(%q) = %+v, want %+v", tt.quote, got, tt.want)
		}
	}
	plain := Passage{Chunk: Chunk{Text: "Plain text."}}
	if got := plain.LocationOf("Plain text."); got != (Location{}) {
		t.Errorf("a passage of plain text has location %+v, want none", got)
	}
}

// fakeExtractor reads ".fake" files as pages separated by form feeds and
// ".sec" files as sections, lines starting with "## " being headings: a
// stand-in for the PDF and HTML extractors of package ingest.
func fakeExtractor(ctx context.Context, name string, data []byte, lim ingest.Limits) (ingest.Document, error) {
	switch filepath.Ext(name) {
	case ".fake":
		if strings.Contains(string(data), "BROKEN") {
			return ingest.Document{}, errors.New("broken fake: no trailer")
		}
		doc := pagedDocument(strings.Split(string(data), "\f")...)
		doc.Meta = ingest.Metadata{Title: "Title From The File", Authors: []string{"A. Author"}, Date: "2024"}
		return doc, nil
	case ".sec":
		var doc ingest.Document
		for line := range strings.SplitSeq(string(data), "\n") {
			if h, ok := strings.CutPrefix(line, "## "); ok {
				doc.Sections = append(doc.Sections, ingest.Section{Heading: h, Start: len(doc.Text)})
				line = h
			}
			doc.Text += line + "\n"
		}
		return doc, nil
	}
	return ingest.Extract(ctx, name, data, lim)
}

func fakeSupported(name string) bool {
	ext := filepath.Ext(name)
	return ext == ".fake" || ext == ".sec" || ingest.Supported(name)
}

func TestLoadCorpusThroughAnExtractor(t *testing.T) {
	dir := writeCorpus(t, map[string]string{
		ManifestFile:  "[[source]]\nfile = \"b.fake\"\ntitle = \"The Manifest Wins\"\n",
		"a.fake":      "Page one of a.\fPage two of a.",
		"b.fake":      "Only page of b.",
		"broken.fake": "BROKEN",
		"c.sec":       "Intro.\n## The U.S. as a Hedge\nHanoi hedges.",
		"d.txt":       "Plain.",
	})
	docs, skipped, err := LoadCorpusWith(context.Background(), dir, LoadOptions{Extract: fakeExtractor, Supported: fakeSupported})
	if err != nil {
		t.Fatal(err)
	}
	if got := reasons(skipped); len(got) != 1 || !strings.Contains(got["broken.fake"], "broken fake: no trailer") {
		t.Errorf("skipped %v, want broken.fake named with the extractor's error", skipped)
	}
	bySource := map[string]Document{}
	for _, d := range docs {
		bySource[d.Info.Source] = d
	}
	a := bySource["a.fake"]
	if a.Info.Title != "Title From The File" || strings.Join(a.Info.Authors, ",") != "A. Author" || a.Info.Date != "2024" || len(a.Pages) != 2 {
		t.Errorf("a.fake: %+v, want the file's metadata and two pages", a)
	}
	if b := bySource["b.fake"]; b.Info.Title != "The Manifest Wins" || strings.Join(b.Info.Authors, ",") != "A. Author" {
		t.Errorf("b.fake: %+v, want the manifest's title and the file's authors", b.Info)
	}
	if c := bySource["c.sec"]; len(c.Sections) != 1 || sectionAt(c.Sections, strings.Index(c.Text, "Hanoi")) != "The U.S. as a Hedge" {
		t.Errorf("c.sec: sections %+v in %q", c.Sections, c.Text)
	}
	if d := bySource["d.txt"]; d.Text != "Plain." || d.Pages != nil || d.Sections != nil {
		t.Errorf("d.txt: %+v", d)
	}
}

func TestStoreSearchReturnsPages(t *testing.T) {
	corpus := writeCorpus(t, map[string]string{
		"r.fake": "The report opens with trade figures for the year.\f" +
			"The Three Nos are no military alliance, no foreign bases and no siding with one country against another.",
		"s.sec": "## Background\nHanoi and Beijing share a long border.\n\n## The U.S. as a Hedge\nWashington is a hedge against Beijing for Hanoi.",
	})
	s, err := OpenStore(context.Background(), StoreConfig{DataDir: t.TempDir(), CorpusDir: corpus, Embedder: NewLocalEmbedder(),
		Load: LoadOptions{Extract: fakeExtractor, Supported: fakeSupported}, Chunking: ChunkOptions{MaxChars: 400, MinChars: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	check := func(s *Store) {
		t.Helper()
		got := mustSearch(t, s, "What are the Three Nos?")
		if len(got) == 0 || got[0].Source != "r.fake" || got[0].Page != 2 {
			t.Errorf("best passage %+v, want r.fake on page 2", got)
		}
		got = mustSearch(t, s, "Is Washington a hedge?")
		if len(got) == 0 || got[0].Section != "The U.S. as a Hedge" {
			t.Errorf("best passage %+v, want the section The U.S. as a Hedge", got)
		}
		stats := map[string]SourceStats{}
		for _, st := range s.Sources() {
			stats[st.Source] = st
		}
		if stats["r.fake"].Pages != 2 || stats["s.sec"].Sections != 2 {
			t.Errorf("sources %+v, want r.fake with 2 pages and s.sec with 2 sections", s.Sources())
		}
	}
	check(s)
	// Locations survive a restart: they are kept in the index on disk.
	reopened, err := OpenStore(context.Background(), StoreConfig{DataDir: s.cfg.DataDir, CorpusDir: corpus, Embedder: NewLocalEmbedder()})
	if err != nil {
		t.Fatal(err)
	}
	check(reopened)
}

func FuzzCleanDocument(f *testing.F) {
	f.Add("Page one.\n\nPage two\ncontinued.", 0, 11, 5)
	f.Add("top of page\nAdvertisement\n\nText.", 0, 12, 20)
	f.Add("\uFEFF# Heading\n- item\n- item", 3, 14, 100)
	f.Add("a \U00100000 b\n\n\U0010FFFD", 1, 2, 3)
	f.Fuzz(func(t *testing.T, raw string, a, b, c int) {
		if !utf8.ValidString(raw) {
			return
		}
		clamp := func(n int) int {
			if n < 0 {
				n = -n
			}
			if len(raw) == 0 {
				return 0
			}
			return n % (len(raw) + 1)
		}
		starts := []int{clamp(a), clamp(b), clamp(c)}
		doc := ingest.Document{Text: raw}
		for i, s := range starts {
			doc.Pages = append(doc.Pages, ingest.Page{Number: i + 1, Start: s})
			doc.Sections = append(doc.Sections, ingest.Section{Heading: fmt.Sprint("H", i), Start: s})
		}
		text, pages, sections := cleanDocument(doc)
		if hasMarks(text) {
			t.Fatalf("marks left in %q", text)
		}
		if want := Clean(stripMarks(raw)); text != want {
			t.Fatalf("cleanDocument(%q) = %q, want Clean's %q", raw, text, want)
		}
		for i, p := range pages {
			if p.Start < 0 || p.End > len(text) || p.Start > p.End || (i > 0 && p.Start < pages[i-1].Start) {
				t.Fatalf("page %+v of %d bytes out of order or range", p, len(text))
			}
		}
		for i, s := range sections {
			if s.Start < 0 || s.Start > len(text) || (i > 0 && s.Start < sections[i-1].Start) {
				t.Fatalf("section %+v of %d bytes out of order or range", s, len(text))
			}
		}
	})
}

func TestLocationLabel(t *testing.T) {
	for _, tt := range []struct {
		loc  Location
		want string
	}{
		{Location{}, ""},
		{Location{Page: 14}, "p. 14"},
		{Location{Page: 14, PageEnd: 15}, "pp. 14–15"},
		{Location{Page: 14, PageEnd: 14}, "p. 14"},
		{Location{Section: "The U.S. as a Hedge"}, "§ The U.S. as a Hedge"},
	} {
		if got := tt.loc.Label(); got != tt.want {
			t.Errorf("%+v.Label() = %q, want %q", tt.loc, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s    SourceStats
		want string
	}{
		{SourceStats{Chunks: 3}, ""},
		{SourceStats{Pages: 1}, "1 page"},
		{SourceStats{Pages: 23}, "23 pages"},
		{SourceStats{Sections: 4}, "4 sections"},
	} {
		if got := tt.s.Extent(); got != tt.want {
			t.Errorf("%+v.Extent() = %q, want %q", tt.s, got, tt.want)
		}
	}
}
