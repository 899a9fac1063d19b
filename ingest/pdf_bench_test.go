package ingest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lectern/lectern/internal/pdftest"
)

// seedText is the five seeds of the reading list, one after the other.
func seedText(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	var parts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(b))
	}
	return strings.Join(parts, "\n\n")
}

// seedPDF lays the seeds out twice over (about 30 pages) as a journal
// would: a running header and "Page n of N".
func seedPDF(tb testing.TB, opts pdftest.Options) ([]byte, pdftest.Layout) {
	tb.Helper()
	text := seedText(tb)
	opts.Header, opts.PageNumber, opts.Title = "Journal of Southeast Asian Affairs", "Page %d of {nb}", "Seeds"
	data, layout, err := pdftest.Build(opts, pdftest.Paragraphs(text+"\n\n"+text))
	if err != nil {
		tb.Fatal(err)
	}
	return data, layout
}

func pdftotext(tb testing.TB) string {
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext (poppler-utils) not installed")
	}
	return path
}

func runPdftotext(tb testing.TB, tool, file string) string {
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// BenchmarkPDFExtraction reads the same 30-odd-page PDF with the engine
// and with poppler's pdftotext (a process per file, as a user would run
// it), and logs pages per second and the ratio of their times.
func BenchmarkPDFExtraction(b *testing.B) {
	tool := pdftotext(b)
	data, layout := seedPDF(b, pdftest.Options{})
	file := filepath.Join(b.TempDir(), "seeds.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		b.Fatal(err)
	}
	if _, err := testEngine.Extract(context.Background(), data, testLimits()); err != nil { // PDFium loaded before timing
		b.Fatal(err)
	}
	// Wall time and CPU time (this process's, or pdftotext's as a child):
	// on a shared machine the CPU time is the fairer comparison.
	wall, cpu := map[string]time.Duration{}, map[string]time.Duration{}
	measure := func(name string, children bool, run func(b *testing.B)) {
		b.Run(name, func(b *testing.B) {
			c0, cpuOK := cpuTime(children)
			for b.Loop() {
				run(b)
			}
			c1, _ := cpuTime(children)
			pages := time.Duration(b.N * layout.Pages)
			wall[name] = b.Elapsed() / pages
			b.ReportMetric(float64(b.N*layout.Pages)/b.Elapsed().Seconds(), "pages/s")
			if cpuOK {
				cpu[name] = (c1 - c0) / pages
				b.ReportMetric(float64(cpu[name].Microseconds())/1000, "cpu-ms/page")
			}
		})
	}
	measure("lectern", false, func(b *testing.B) {
		if _, err := testEngine.Extract(context.Background(), data, testLimits()); err != nil {
			b.Fatal(err)
		}
	})
	measure("pdftotext", true, func(b *testing.B) { runPdftotext(b, tool, file) })
	if wall["pdftotext"] > 0 && wall["lectern"] > 0 {
		b.Logf("%d pages; a page: lectern %v, pdftotext %v (%.2f×); CPU a page: lectern %v, pdftotext %v (%.2f×)",
			layout.Pages, wall["lectern"], wall["pdftotext"], float64(wall["lectern"])/float64(wall["pdftotext"]),
			cpu["lectern"], cpu["pdftotext"], float64(cpu["lectern"])/float64(max(1, cpu["pdftotext"])))
	}
}

// BenchmarkPDFEngineStartup is the cost of the first PDF a process reads:
// PDFium compiled from scratch (cold, an empty cache folder) or loaded
// from wazero's compiled-module cache (cached), plus one small page.
func BenchmarkPDFEngineStartup(b *testing.B) {
	data, _, err := pdftest.Build(pdftest.Options{}, blocksOf("One short paragraph."))
	if err != nil {
		b.Fatal(err)
	}
	first := func(b *testing.B, dir string) {
		e := NewPDFEngine(dir)
		defer e.Close()
		if _, err := e.Extract(context.Background(), data, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			first(b, b.TempDir())
		}
	})
	b.Run("cached", func(b *testing.B) {
		dir := b.TempDir()
		first(b, dir)
		for b.Loop() {
			first(b, dir)
		}
	})
}

// textQuality measures extracted text against the paragraphs laid out:
// words is the share of the output's words that are words of the source
// (a run-together "twowords", a broken "wo rds", a header left in lower
// it), pairs the share of the source's word pairs found in the output (a
// word lost, or read out of order, lowers it), and intact the share of
// the source's paragraphs found whole (across page breaks, hyphens and
// columns).
type textQuality struct{ words, pairs, intact float64 }

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}]+`)

func tokens(s string) []string {
	return strings.Fields(nonWord.ReplaceAllString(strings.ToLower(s), " "))
}

func measureText(out string, source []pdftest.Placement) textQuality {
	vocab := map[string]bool{}
	pairs := map[[2]string]bool{}
	var srcPairs [][2]string
	for _, p := range source {
		t := tokens(p.Text)
		for i, w := range t {
			vocab[w] = true
			if i > 0 {
				srcPairs = append(srcPairs, [2]string{t[i-1], w})
			}
		}
	}
	outTokens := tokens(out)
	known := 0
	for i, w := range outTokens {
		if vocab[w] {
			known++
		}
		if i > 0 {
			pairs[[2]string{outTokens[i-1], w}] = true
		}
	}
	found := 0
	for _, p := range srcPairs {
		if pairs[p] {
			found++
		}
	}
	flat := strings.Join(strings.Fields(out), " ")
	intact := 0
	for _, p := range source {
		if strings.Contains(flat, strings.Join(strings.Fields(p.Text), " ")) {
			intact++
		}
	}
	return textQuality{
		words:  float64(known) / float64(max(1, len(outTokens))),
		pairs:  float64(found) / float64(max(1, len(srcPairs))),
		intact: float64(intact) / float64(max(1, len(source))),
	}
}

// TestPDFTextAsGoodAsPdftotext compares the text read from the seeds laid
// out in several ways with pdftotext's from the same files: it must be as
// good on every measure.
func TestPDFTextAsGoodAsPdftotext(t *testing.T) {
	tool := pdftotext(t)
	cases := []struct {
		name string
		opts pdftest.Options
	}{
		{"one column", pdftest.Options{}},
		{"words placed one by one", pdftest.Options{PositionWords: true}},
		{"two columns", pdftest.Options{Columns: 2, FontSize: 9}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, layout := seedPDF(t, c.opts)
			file := filepath.Join(t.TempDir(), "seeds.pdf")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			doc, err := testEngine.Extract(context.Background(), data, testLimits())
			if err != nil {
				t.Fatal(err)
			}
			ours := measureText(doc.Text, layout.Paragraphs)
			theirs := measureText(runPdftotext(t, tool, file), layout.Paragraphs)
			t.Logf("%d pages; words known, word pairs found, paragraphs intact: lectern %.4f %.4f %.3f; pdftotext %.4f %.4f %.3f",
				layout.Pages, ours.words, ours.pairs, ours.intact, theirs.words, theirs.pairs, theirs.intact)
			if ours.words < theirs.words || ours.pairs < theirs.pairs || ours.intact < theirs.intact {
				t.Errorf("text worse than pdftotext's: %+v against %+v", ours, theirs)
			}
		})
	}
}

// BenchmarkPDFLayout is Lectern's own share of a PDF's extraction: the
// glyphs PDFium gave for the 30 pages of seeds, turned into the text
// (lines, columns, headers, paragraphs, hyphens).
func BenchmarkPDFLayout(b *testing.B) {
	data, layout := seedPDF(b, pdftest.Options{})
	pool, err := testEngine.loaded()
	if err != nil {
		b.Fatal(err)
	}
	inst, err := pool.GetInstanceWithContext(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	pages, _, err := readPDFGlyphs(context.Background(), inst, data, testLimits(), nil)
	inst.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		layoutDocument(pages)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*layout.Pages), "ms/page")
}
