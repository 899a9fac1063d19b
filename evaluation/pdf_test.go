package evaluation

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/retrieval"
)

const (
	// pdfSeed is the seed made a PDF for the page questions.
	pdfSeed = "004_8e1c7fdfb2e44626.txt"
	// pagesFile asks questions whose answers stand on known pages of it.
	pagesFile = "../testdata/pdf_pages.jsonl"
)

// seedPages lays the seed's cleaned paragraphs out on pages: pdfLayout[i]
// lists the paragraphs (0-based) of page i+1. Each section heading starts
// a page, but for "The U.S. as a Hedge", which starts half-way down page 5.
var pdfLayout = [][]int{{0, 1, 2}, {3, 4}, {5, 6}, {7, 8, 9}, {10, 11, 12}, {13, 14}, {15, 16, 17}, {18, 19, 20}}

// seedPDF writes pdfSeed as a PDF, a running header and a page number on
// every page, and returns it with each paragraph's text and page.
func seedPDF(t testing.TB) ([]byte, []string, map[int]int) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(corpusDir, pdfSeed))
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := strings.Split(retrieval.Clean(string(raw)), "\n\n")
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("‘Mr. Trong Goes to Beijing’", true)
	pdf.SetAuthor("Vincenzo Caporale", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: the seed's quotes and dashes
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Helvetica", "I", 8)
		pdf.CellFormat(0, 8, "Statecraft Review - Vietnamese Balancing Act", "", 1, "C", false, 0, "")
		pdf.Ln(2)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.SetFont("Helvetica", "", 8)
		pdf.CellFormat(0, 10, fmt.Sprint(pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pageOf := map[int]int{}
	for n, paras := range pdfLayout {
		pdf.AddPage()
		for _, i := range paras {
			if i >= len(paragraphs) {
				t.Fatalf("the seed has %d paragraphs, the layout wants %d", len(paragraphs), i+1)
			}
			pageOf[i] = pdf.PageNo()
			if pdf.PageNo() != n+1 {
				t.Fatalf("paragraph %d ran onto page %d, the layout puts it on page %d", i, pdf.PageNo(), n+1)
			}
			heading := len(paragraphs[i]) < 60 && !strings.HasSuffix(paragraphs[i], ".")
			if heading {
				pdf.SetFont("Helvetica", "B", 13)
				pdf.MultiCell(0, 7, tr(paragraphs[i]), "", "L", false)
			} else {
				pdf.SetFont("Helvetica", "", 11)
				pdf.MultiCell(0, 5.5, tr(paragraphs[i]), "", "J", false)
			}
			pdf.Ln(3)
		}
		if pdf.PageNo() != n+1 {
			t.Fatalf("page %d overflowed onto page %d", n+1, pdf.PageNo())
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("write the PDF: %v", err)
	}
	return buf.Bytes(), paragraphs, pageOf
}

// The questions of pdf_pages.jsonl name the page their answer is on: the
// layout must put it there.
func TestPagesFileMatchesTheLayout(t *testing.T) {
	_, paragraphs, pageOf := seedPDF(t)
	for _, q := range readQuestionFile(t, pagesFile) {
		if q.Page == 0 {
			t.Errorf("%s: no page", q.ID)
			continue
		}
		for _, phrase := range q.Expect {
			found := false
			for i, p := range paragraphs {
				if strings.Contains(Normalize(p), Normalize(phrase)) {
					found = true
					if pageOf[i] != q.Page {
						t.Errorf("%s: %q stands on page %d, the question says %d", q.ID, phrase, pageOf[i], q.Page)
					}
				}
			}
			if !found {
				t.Errorf("%s: %q is in no paragraph of %s", q.ID, phrase, pdfSeed)
			}
		}
	}
}

// TestRetrievalCitesThePage indexes the seed as a PDF through the PDF
// extractor and asks pdf_pages.jsonl: a hit needs the passage on the page
// the answer stands on, so a page lost between extraction and search
// shows up as a miss.
func TestRetrievalCitesThePage(t *testing.T) {
	if !ingest.Supported("seed.pdf") {
		t.Skip("no PDF extractor in this build of package ingest")
	}
	data, _, _ := seedPDF(t)
	corpus := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpus, "trong.pdf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	store, err := retrieval.OpenStore(ctx, retrieval.StoreConfig{DataDir: t.TempDir(), CorpusDir: corpus,
		Embedder: retrieval.NewLocalEmbedder(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	report, err := store.Reindex(ctx, nil)
	if err != nil || report.Files != 1 {
		t.Fatalf("index the PDF: %+v, %v", report, err)
	}
	if src := store.Sources(); len(src) != 1 || src[0].Pages != len(pdfLayout) {
		t.Errorf("sources %+v, want trong.pdf with %d pages", src, len(pdfLayout))
	}
	qs := readQuestionFile(t, pagesFile)
	rep, err := Run(ctx, store, qs)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Misses() {
		t.Logf("missed on its page: %s %s", m.ID, m.Question)
	}
	// 14 questions worded near the text, each about one page of one
	// document: at most one may miss the top five on its page.
	if got := rep.Recall["5"]; got < 13.0/14 {
		t.Errorf("recall@5 on the page = %.3f, want at least %.3f (MRR@10 %.3f)", got, 13.0/14, rep.MRR)
	}
	t.Logf("page questions: recall@1 %.3f, @5 %.3f, MRR@10 %.3f", rep.Recall["1"], rep.Recall["5"], rep.MRR)

	// An answer's citation names the page its quote stands on: a quote
	// holding the expected phrase must be cited with the question's page.
	a := answer.New(store, answer.Config{Logger: slog.New(slog.DiscardHandler)})
	quoted := 0
	for _, q := range qs {
		ans, err := a.Ask(ctx, answer.Request{Question: q.Question}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ans.Citations {
			if !containsAny(c.Quote, q.Expect) {
				continue
			}
			quoted++
			if c.Page != q.Page || (c.PageEnd != 0 && c.PageEnd < c.Page) {
				t.Errorf("%s: the quote %q is cited on %+v, want page %d", q.ID, c.Quote, c.Location, q.Page)
			}
		}
	}
	if quoted < len(qs)/2 {
		t.Errorf("only %d of %d answers quote the expected phrase", quoted, len(qs))
	}
	t.Logf("%d of %d answers quote the expected phrase, each on its page", quoted, len(qs))
}

// containsAny reports whether text holds one of phrases, both normalised.
func containsAny(text string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(Normalize(text), Normalize(p)) {
			return true
		}
	}
	return false
}
