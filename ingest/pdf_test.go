package ingest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium"

	"github.com/lectern/lectern/internal/pdftest"
)

// testEngine is shared by the tests of this package: PDFium is compiled
// once per run (its compiled module cached across runs in the temp dir).
var testEngine *PDFEngine

func TestMain(m *testing.M) {
	testEngine = NewPDFEngine(filepath.Join(os.TempDir(), "lectern-test-pdfium-cache"))
	code := m.Run()
	testEngine.Close()
	os.Exit(code)
}

func testLimits() Limits { return DefaultLimits() }

// sentences are distinct paragraphs for fixtures: each names its number, so
// that a test can find where it went.
func sentences(n, words int) []string {
	vocab := strings.Fields("the delegation discussed maritime cooperation trade routes border markets " +
		"party congress agreements investment railway projects fisheries coast guard ministers " +
		"summit declaration energy supply chains tourism students exchanges provinces harbours")
	var out []string
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Paragraph %s begins here", spell(i))
		for w := 0; w < words; w++ {
			b.WriteByte(' ')
			b.WriteString(vocab[(i*7+w*3)%len(vocab)])
			if w%11 == 10 {
				b.WriteString(". Then")
			}
		}
		b.WriteString(" and it ends.")
		out = append(out, b.String())
	}
	return out
}

// spell names a number in letters (so that no page-number digit is in a
// paragraph's first words).
func spell(i int) string {
	names := strings.Fields("zero one two three four five six seven eight nine")
	var parts []string
	for _, d := range fmt.Sprint(i) {
		parts = append(parts, names[d-'0'])
	}
	return strings.Join(parts, "-")
}

func blocksOf(texts ...string) []pdftest.Block {
	var bs []pdftest.Block
	for _, t := range texts {
		bs = append(bs, pdftest.Block{Text: t})
	}
	return bs
}

func extractFixture(t *testing.T, opts pdftest.Options, blocks []pdftest.Block) (Document, pdftest.Layout) {
	t.Helper()
	data, layout, err := pdftest.Build(opts, blocks)
	if err != nil {
		t.Fatalf("build fixture: %v", err)
	}
	doc, err := testEngine.Extract(context.Background(), data, testLimits())
	if err != nil {
		t.Fatalf("extractPDF: %v", err)
	}
	return doc, layout
}

// pageAt is the number of the page whose range holds offset off.
func pageAt(doc Document, off int) int {
	for _, p := range doc.Pages {
		if off >= p.Start && off < p.End {
			return p.Number
		}
	}
	return 0
}

// paragraphsOf splits text at blank lines.
func paragraphsOf(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkPages checks the invariants of Document.Pages.
func checkPages(t *testing.T, doc Document, want int) {
	t.Helper()
	if len(doc.Pages) != want {
		t.Fatalf("%d pages, want %d", len(doc.Pages), want)
	}
	end := 0
	for i, p := range doc.Pages {
		if p.Number != i+1 || p.Start < end || p.End < p.Start || p.End > len(doc.Text) {
			t.Fatalf("page %d: %+v after end %d (text %d bytes)", i+1, p, end, len(doc.Text))
		}
		end = p.End
	}
}

func TestExtractPDFPagesAndParagraphs(t *testing.T) {
	paras := sentences(14, 90)
	cases := []struct {
		name string
		opts pdftest.Options
	}{
		{"one column, Page n of N", pdftest.Options{Header: "Journal of Maritime Studies", PageNumber: "Page %d of {nb}"}},
		{"bare page numbers", pdftest.Options{Header: "Asian Affairs Quarterly", PageNumber: "%d"}},
		{"dashed page numbers, words placed one by one", pdftest.Options{Header: "Review", PageNumber: "- %d -", PositionWords: true}},
		{"two columns", pdftest.Options{Header: "Journal of Maritime Studies", PageNumber: "%d", Columns: 2, FontSize: 9}},
		{"uncompressed, larger type", pdftest.Options{Header: "Notes", PageNumber: "Page %d", FontSize: 14, Uncompressed: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, layout := extractFixture(t, c.opts, blocksOf(paras...))
			checkPages(t, doc, layout.Pages)
			if layout.Pages < 3 {
				t.Fatalf("fixture has %d pages; the spec needs 3 or more", layout.Pages)
			}
			got := paragraphsOf(doc.Text)
			if len(got) != len(paras) {
				t.Errorf("%d paragraphs, want %d:\n%s", len(got), len(paras), doc.Text)
			}
			flowed := 0
			at := 0
			for i, want := range layout.Paragraphs {
				off := strings.Index(doc.Text[at:], want.Text)
				if off < 0 {
					t.Errorf("paragraph %d missing or out of order; want\n%s\nin\n%s", i, want.Text, doc.Text)
					continue
				}
				off += at
				at = off + len(want.Text)
				if p := pageAt(doc, off); p != want.FirstPage {
					t.Errorf("paragraph %d starts on page %d, want %d", i, p, want.FirstPage)
				}
				if p := pageAt(doc, at-1); p != want.LastPage {
					t.Errorf("paragraph %d ends on page %d, want %d", i, p, want.LastPage)
				}
				if want.LastPage > want.FirstPage {
					flowed++
				}
			}
			if flowed == 0 {
				t.Errorf("no paragraph flows onto the next page in the fixture")
			}
			for _, furniture := range []string{c.opts.Header, "Page 2", "- 2 -"} {
				if strings.Contains(doc.Text, furniture) {
					t.Errorf("running header or footer %q kept", furniture)
				}
			}
			for _, p := range got {
				if strings.TrimSpace(p) == "2" || strings.TrimSpace(p) == "3" {
					t.Errorf("page number kept as a paragraph")
				}
			}
		})
	}
}

func TestExtractPDFHyphenation(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
		notWant    []string
	}{
		{
			name:    "a word hyphenated at a line end is joined",
			text:    "The treaty widened inter-\nnational trade along the river.",
			want:    []string{"widened international trade"},
			notWant: []string{"inter-", "inter national"},
		},
		{
			name: "a compound broken at its hyphen keeps it",
			text: "Relations between China-\nVietnam and the region; China-Vietnam ties deepen.",
			want: []string{"between China-Vietnam and", "; China-Vietnam ties"},
		},
		{
			name:    "a word in capitals hyphenated at a line end is joined",
			text:    "If the field is OP-\nTIONAL the call returns.",
			want:    []string{"is OPTIONAL the"},
			notWant: []string{"OP-"},
		},
		{
			name: "capitals before a compound broken at its hyphen keep it",
			text: "Relations between US-\nChina and the region.",
			want: []string{"between US-China and"},
		},
		{
			name: "a compound the document writes with its hyphen keeps it",
			text: "The long-term plan and the long-\nterm goals.",
			want: []string{"the long-term goals"},
		},
		{
			name:    "a soft hyphen chosen by the line breaker is dropped",
			text:    strings.Repeat("word ", 10) + "extra\u00adordi\u00adnarily " + strings.Repeat("more ", 30),
			want:    []string{"word extraordinarily more"},
			notWant: []string{"extra-", "ordinar-"},
		},
		{
			name: "a dash at a line end is no hyphen",
			text: "Trade grew -\nslowly at first.",
			want: []string{"grew - slowly"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := extractFixture(t, pdftest.Options{FontSize: 16}, blocksOf(c.text))
			for _, w := range c.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("want %q in\n%s", w, doc.Text)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(doc.Text, w) {
					t.Errorf("do not want %q in\n%s", w, doc.Text)
				}
			}
		})
	}
}

func TestExtractPDFBlankPageAndHeadings(t *testing.T) {
	paras := sentences(4, 60)
	blocks := []pdftest.Block{
		{Text: "Hanoi and Beijing", Heading: true},
		{Text: paras[0]},
		{Text: paras[1]},
		{BlankPage: true},
		{Text: "After the Visit", Heading: true, NewPage: true},
		{Text: paras[2]},
		{Text: paras[3]},
	}
	doc, layout := extractFixture(t, pdftest.Options{Header: "Asian Affairs", PageNumber: "%d"}, blocks)
	checkPages(t, doc, layout.Pages)
	blank := doc.Pages[1]
	if blank.Start != blank.End {
		t.Errorf("the blank page has text %q", doc.Text[blank.Start:blank.End])
	}
	got := paragraphsOf(doc.Text)
	want := []string{"Hanoi and Beijing", paras[0], paras[1], "After the Visit", paras[2], paras[3]}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n%q\nwant\n%q", got, want)
	}
	if p := pageAt(doc, strings.Index(doc.Text, "After the Visit")); p != 3 {
		t.Errorf("the second heading is on page %d, want 3", p)
	}
}

func TestExtractPDFMetadata(t *testing.T) {
	cases := []struct {
		name string
		opts pdftest.Options
		want Metadata
	}{
		{
			name: "title, two authors and a date",
			opts: pdftest.Options{Title: "China–Vietnam Relations", Author: "Ann Lee; Bo Chan", Created: time.Date(2023, 6, 11, 9, 30, 0, 0, time.UTC)},
			want: Metadata{Title: "China–Vietnam Relations", Authors: []string{"Ann Lee", "Bo Chan"}, Date: "2023-06-11"},
		},
		{
			name: "an author written surname first",
			opts: pdftest.Options{Title: "Notes", Author: "Lye, Liang Fook", Created: time.Date(2022, 11, 2, 0, 0, 0, 0, time.UTC)},
			want: Metadata{Title: "Notes", Authors: []string{"Lye, Liang Fook"}, Date: "2022-11-02"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := extractFixture(t, c.opts, blocksOf(sentences(1, 20)...))
			if fmt.Sprint(doc.Meta) != fmt.Sprint(c.want) {
				t.Errorf("metadata %+v, want %+v", doc.Meta, c.want)
			}
		})
	}
}

func TestExtractPDFLigatures(t *testing.T) {
	font := pdftest.DejaVuSans()
	if font == "" {
		t.Skip("DejaVu Sans (fonts-dejavu-core) not installed: ligature glyphs need a Unicode font")
	}
	doc, _ := extractFixture(t, pdftest.Options{FontFile: font},
		blocksOf("The \ufb01rst \ufb02ight was e\ufb00ective, su\ufb03cient and ba\ufb04ing."))
	want := "The first flight was effective, sufficient and baffling."
	if strings.TrimSpace(doc.Text) != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

func TestNormalizeGlyphText(t *testing.T) {
	cases := map[string]string{
		"\ufb01":        "fi",
		"\ufb02":        "fl",
		"\ufb00":        "ff",
		"\ufb03":        "ffi",
		"\ufb04":        "ffl",
		"e\ufb00ect":    "effect",
		"\u00a0":        " ",
		"\u2010":        "-",
		"plain":         "plain",
		"Việt Nam":      "Việt Nam",
		"\u0002":        "-",
		"\ufeffBOM":     "BOM",
		"":              "",
		"\u201cq\u201d": "\u201cq\u201d",
	}
	for in, want := range cases {
		if got := normalizeGlyphText(in); got != want {
			t.Errorf("normalizeGlyphText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPDFDateAndAuthors(t *testing.T) {
	dates := map[string]string{
		"D:20230611093000+02'00'": "2023-06-11",
		"D:20230611":              "2023-06-11",
		"20230611":                "2023-06-11",
		"D:202306":                "2023-06",
		"D:2023":                  "2023",
		"D:20231399":              "",
		"yesterday":               "",
		"":                        "",
	}
	for in, want := range dates {
		if got := pdfDate(in); got != want {
			t.Errorf("pdfDate(%q) = %q, want %q", in, got, want)
		}
	}
	authors := map[string][]string{
		"Ann Lee":                    {"Ann Lee"},
		"Ann Lee; Bo Chan":           {"Ann Lee", "Bo Chan"},
		"Ann Lee and Bo Chan":        {"Ann Lee", "Bo Chan"},
		"Ann Lee & Bo Chan":          {"Ann Lee", "Bo Chan"},
		"Ann Lee, Bo Chan, Cy Dow":   {"Ann Lee", "Bo Chan", "Cy Dow"},
		"Lee, Ann":                   {"Lee, Ann"},
		"  ":                         nil,
		"Alice Colantoni;  Giulia  ": {"Alice Colantoni", "Giulia"},
	}
	for in, want := range authors {
		if got := pdfAuthors(in); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("pdfAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageNumberLine(t *testing.T) {
	cases := map[string]bool{
		"3": true, "- 3 -": true, "Page 3": true, "Page 3 of 9": true, "page 12 of 40": true,
		"3 / 9": true, "p. 7": true, "iv": true, "— 12 —": true,
		"3 ships": false, "Chapter 3": false, "In 1979": false, "2023.": false, "Vietnam": false,
	}
	for in, want := range cases {
		if got := pageNumberLine.MatchString(in); got != want {
			t.Errorf("pageNumberLine(%q) = %v, want %v", in, got, want)
		}
	}
}

// glyphLine draws text as glyphs of a monospaced font, from x at baseline
// y: the input PDFium gives the layout.
func glyphLine(text string, x, y float64) []glyph {
	var gs []glyph
	for _, r := range text {
		gs = append(gs, glyph{text: string(r), x0: x + 0.5, x1: x + 5.5, y0: y, y1: y + 8, upright: true})
		x += 6
	}
	return gs
}

func TestLayoutReadsColumnsDrawnLineByLine(t *testing.T) {
	// Some PDFs draw a two-column page line by line across both columns.
	var left, right []string
	for i := 0; i < 8; i++ {
		left = append(left, fmt.Sprintf("left%d", i))
		right = append(right, fmt.Sprintf("right%d", i))
	}
	var page []glyph
	for i := range left {
		y := 700 - float64(i)*12
		page = append(page, glyphLine(left[i]+" words to fill the first col", 50, y)...)
		page = append(page, glyphLine(right[i]+" words to fill the other", 300, y)...)
	}
	doc := layoutDocument([][]glyph{page})
	var order []string
	for _, w := range strings.Fields(doc.Text) {
		if strings.HasPrefix(w, "left") || strings.HasPrefix(w, "right") {
			order = append(order, w)
		}
	}
	want := strings.Join(append(left, right...), " ")
	if strings.Join(order, " ") != want {
		t.Errorf("reading order\n%s\nwant\n%s", strings.Join(order, " "), want)
	}
}

func TestLayoutWordSpacingFromPositions(t *testing.T) {
	// No space glyphs at all (TeX positions each word): the gaps decide.
	var page []glyph
	x := 50.0
	for _, w := range strings.Fields("the two parties agreed") {
		page = append(page, glyphLine(w, x, 700)...)
		x += float64(len(w))*6 + 4
	}
	if got := layoutDocument([][]glyph{page}).Text; got != "the two parties agreed" {
		t.Errorf("text %q", got)
	}
}

func TestLayoutOverprintedBold(t *testing.T) {
	// Each glyph drawn twice, the second time half a point to the right.
	var page []glyph
	for _, g := range glyphLine("Bold words", 50, 700) {
		page = append(page, g)
		g.x0, g.x1 = g.x0+0.5, g.x1+0.5
		page = append(page, g)
	}
	if got := layoutDocument([][]glyph{page}).Text; got != "Bold words" {
		t.Errorf("text %q", got)
	}
}

func TestExtractPDFRefuses(t *testing.T) {
	good, _, err := pdftest.Build(pdftest.Options{Header: "H", PageNumber: "%d"}, blocksOf(sentences(6, 120)...))
	if err != nil {
		t.Fatal(err)
	}
	blank, _, err := pdftest.Build(pdftest.Options{}, []pdftest.Block{{BlankPage: true}, {BlankPage: true}})
	if err != nil {
		t.Fatal(err)
	}
	small := testLimits()
	small.MaxBytes = int64(len(good) - 1)
	fewPages := testLimits()
	fewPages.MaxPages = 1
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tiny := testLimits()
	tiny.Timeout = time.Nanosecond
	cases := []struct {
		name    string
		ctx     context.Context
		data    []byte
		lim     Limits
		wantErr error // nil: any error
	}{
		{"empty", context.Background(), nil, testLimits(), nil},
		{"garbage", context.Background(), []byte("this is not a PDF at all, just words"), testLimits(), nil},
		{"truncated at half", context.Background(), good[:len(good)/2], testLimits(), nil},
		{"truncated before %%EOF", context.Background(), good[:len(good)-8], testLimits(), nil},
		{"header only", context.Background(), []byte("%PDF-1.7\n%%EOF\n"), testLimits(), nil},
		{"broken body", context.Background(), append(append([]byte("%PDF-1.4\n"), make([]byte, 3000)...), "\n%%EOF\n"...), testLimits(), nil},
		{"pages without text", context.Background(), blank, testLimits(), ErrNoTextLayer},
		{"over MaxBytes", context.Background(), good, small, ErrTooLarge},
		{"over MaxPages", context.Background(), good, fewPages, ErrTooLarge},
		{"cancelled", cancelled, good, testLimits(), context.Canceled},
		{"timed out", context.Background(), good, tiny, context.DeadlineExceeded},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := testEngine.Extract(c.ctx, c.data, c.lim)
			if err == nil {
				t.Fatalf("no error; text %q", doc.Text)
			}
			if c.wantErr != nil && !errors.Is(err, c.wantErr) {
				t.Errorf("error %v, want %v", err, c.wantErr)
			}
		})
	}
	// A long document stopped by its timeout partway through.
	long, _, err := pdftest.Build(pdftest.Options{PageNumber: "%d"}, blocksOf(sentences(120, 120)...))
	if err != nil {
		t.Fatal(err)
	}
	short := testLimits()
	short.Timeout = 20 * time.Millisecond
	if _, err := testEngine.Extract(context.Background(), long, short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a long PDF with a 20ms timeout: %v, want %v", err, context.DeadlineExceeded)
	}
	// The engine still works after all that.
	if _, err := testEngine.Extract(context.Background(), good, testLimits()); err != nil {
		t.Errorf("after the refusals: %v", err)
	}
}

func TestExtractPDFConcurrently(t *testing.T) {
	data, layout, err := pdftest.Build(pdftest.Options{Header: "H", PageNumber: "%d"}, blocksOf(sentences(8, 80)...))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			doc, err := testEngine.Extract(context.Background(), data, testLimits())
			if err == nil && len(doc.Pages) != layout.Pages {
				err = fmt.Errorf("%d pages, want %d", len(doc.Pages), layout.Pages)
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestPDFEngineLoadsLazily(t *testing.T) {
	e := NewPDFEngine(t.TempDir())
	defer e.Close()
	if e.Loaded() {
		t.Fatal("loaded before any PDF")
	}
	if _, err := e.Extract(context.Background(), []byte("not a pdf"), DefaultLimits()); err == nil {
		t.Fatal("garbage accepted")
	}
	if e.Loaded() {
		t.Error("loaded PDFium for a file that is not a PDF")
	}
}

func FuzzExtractPDF(f *testing.F) {
	seed, _, err := pdftest.Build(pdftest.Options{Header: "H", PageNumber: "%d", Uncompressed: true}, blocksOf(sentences(2, 30)...))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	lim := testLimits()
	lim.Timeout = 2 * time.Second
	lim.MaxPages = 50
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := testEngine.Extract(context.Background(), data, lim)
		if err != nil {
			return
		}
		end := 0
		for i, p := range doc.Pages {
			if p.Number != i+1 || p.Start < end || p.End < p.Start || p.End > len(doc.Text) {
				t.Fatalf("page %d: %+v (text %d bytes)", i+1, p, len(doc.Text))
			}
			end = p.End
		}
	})
}

// The pages a citation would name: for phrases all through a seed laid
// out by pdftest.FromText, the page on which the extracted text puts each
// is the page the layout printed it on.
func TestExtractPDFPutsPhrasesOnTheirPages(t *testing.T) {
	seed, err := os.ReadFile("../seeds/002_c44777ec8113f80d.txt")
	if err != nil {
		t.Fatal(err)
	}
	data, layout, err := pdftest.FromText("China-Vietnam in warm, new communist embrace", "", string(seed))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := testEngine.Extract(context.Background(), data, testLimits())
	if err != nil {
		t.Fatal(err)
	}
	checkPages(t, doc, layout.Pages)
	checked := 0
	for _, p := range layout.Paragraphs {
		words := strings.Fields(p.Text)
		for i := 0; i+6 <= len(words); i += 9 {
			phrase := strings.Join(words[i:i+6], " ")
			want := layout.PageOf(phrase)
			at := strings.Index(doc.Text, phrase)
			if want == 0 || at < 0 || strings.Count(doc.Text, phrase) > 1 {
				continue // hyphenated at a line end, or not unique
			}
			checked++
			if got := pageAt(doc, at); got != want {
				t.Errorf("%q on page %d, want %d", phrase, got, want)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d phrases checked", checked)
	}
}

func TestExtractPDFWithoutAnEngine(t *testing.T) {
	data, layout, err := pdftest.Build(pdftest.Options{PageNumber: "%d"}, blocksOf(sentences(3, 60)...))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extractPDF(context.Background(), data, DefaultLimits()) // an engine for this file only
	if err != nil {
		t.Fatal(err)
	}
	checkPages(t, doc, layout.Pages)
	if !strings.Contains(doc.Text, layout.Paragraphs[2].Text) {
		t.Errorf("the last paragraph is missing from\n%s", doc.Text)
	}
}

func TestLayoutHyphenAcrossPages(t *testing.T) {
	// A word hyphenated at the foot of page 1 and ended at the top of page 2.
	page1 := append(glyphLine("Words that open the page here", 50, 724), glyphLine("The treaty widened the inter-", 50, 712)...)
	page2 := glyphLine("national trade of both sides.", 50, 712)
	doc := layoutDocument([][]glyph{page1, page2})
	want := "Words that open the page here The treaty widened the international trade of both sides."
	if doc.Text != want {
		t.Fatalf("text %q, want %q", doc.Text, want)
	}
	checkPages(t, doc, 2)
	if got := doc.Text[doc.Pages[1].Start:doc.Pages[1].End]; got != "national trade of both sides." {
		t.Errorf("page 2 is %q", got)
	}
	if got := doc.Text[doc.Pages[0].Start:doc.Pages[0].End]; got != "Words that open the page here The treaty widened the inter" {
		t.Errorf("page 1 is %q", got)
	}
}

// A long PDF read by two PDFium instances at once reads as one read by one.
func TestExtractPDFInTwoHalvesIsTheSame(t *testing.T) {
	data, layout, err := pdftest.Build(pdftest.Options{Header: "H", PageNumber: "%d"}, blocksOf(sentences(60, 120)...))
	if err != nil {
		t.Fatal(err)
	}
	if layout.Pages < parallelPages {
		t.Fatalf("%d pages: the spec needs %d", layout.Pages, parallelPages)
	}
	pool, err := testEngine.loaded()
	if err != nil {
		t.Fatal(err)
	}
	read := func(second func() pdfium.Pdfium) Document {
		inst, err := pool.GetInstanceWithContext(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer inst.Close()
		pages, _, err := readPDFGlyphs(context.Background(), inst, data, testLimits(), second)
		if err != nil {
			t.Fatal(err)
		}
		return layoutDocument(pages)
	}
	secondUsed := false
	halves := read(func() pdfium.Pdfium {
		other, err := pool.GetInstanceWithContext(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		secondUsed = true
		return other
	})
	whole := read(nil)
	if !secondUsed {
		t.Fatal("the second instance was not asked for")
	}
	if halves.Text != whole.Text || fmt.Sprint(halves.Pages) != fmt.Sprint(whole.Pages) {
		t.Errorf("read in two halves differs from read whole")
	}
	checkPages(t, halves, layout.Pages)
}

// An instance dropped after a big file is made again for the next.
func TestPDFEngineAfterDroppingAnInstance(t *testing.T) {
	pool, err := testEngine.loaded()
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // more than the pool keeps
		inst, err := pool.GetInstanceWithContext(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		release(inst, bigPDF+1)
	}
	data, layout, err := pdftest.Build(pdftest.Options{}, blocksOf(sentences(2, 30)...))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := testEngine.Extract(context.Background(), data, testLimits())
	if err != nil {
		t.Fatal(err)
	}
	checkPages(t, doc, layout.Pages)
}

// FuzzLayout feeds the layout glyphs made of arbitrary bytes: whatever
// PDFium reports, the layout neither panics nor breaks the page ranges.
func FuzzLayout(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789"), uint8(2))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 1, 2, 3, 4, 5}, uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, npages uint8) {
		pages := make([][]glyph, int(npages%5)+1)
		for i := 0; i+6 <= len(data); i += 6 {
			b := data[i : i+6]
			x := float64(int(b[1])*4 - 100)
			y := float64(int(b[2])*4 - 100)
			g := glyph{
				text: string(rune(b[0])), x0: x, x1: x + float64(b[3]%16) - 2,
				y0: y, y1: y + float64(b[4]%20) - 2, upright: b[5]%7 != 0,
			}
			switch b[5] % 11 {
			case 1:
				g.x0 = math.NaN()
			case 2:
				g.y1 = math.Inf(1)
			case 3:
				g.text = "-"
			case 4:
				g.text = "\ufb01"
			}
			p := int(b[5]) % len(pages)
			pages[p] = append(pages[p], g)
		}
		doc := layoutDocument(pages)
		end := 0
		for i, p := range doc.Pages {
			if p.Number != i+1 || p.Start < end || p.End < p.Start || p.End > len(doc.Text) {
				t.Fatalf("page %d: %+v (text %d bytes)", i+1, p, len(doc.Text))
			}
			end = p.End
		}
	})
}
