package ingest

import (
	"context"
	"strings"
	"testing"
)

// benchmarkExtract measures Extract on one file, reporting bytes per
// second of input.
func benchmarkExtract(b *testing.B, name string, data []byte) {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(context.Background(), name, data, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractHTML(b *testing.B) {
	benchmarkExtract(b, "page.html", []byte(furnitureHeavyPage().html))
}

func BenchmarkExtractMarkdown(b *testing.B) {
	var md strings.Builder
	for i := 0; i < 50; i++ {
		md.WriteString("## Section\n\nThe **boatmen** kept a [ledger](https://example.org) of _every_ cargo.\n\n> A quote.\n\n- one\n- two\n\n```\ncode line\n```\n\n")
	}
	benchmarkExtract(b, "notes.md", []byte(md.String()))
}

func BenchmarkExtractEPUB(b *testing.B) {
	benchmarkExtract(b, "book.epub", riverBook(true).build(b))
}

func BenchmarkExtractDOCX(b *testing.B) {
	var paras []docxParagraph
	for i := 0; i < 200; i++ {
		paras = append(paras, docxParagraph{style: "Heading1", runs: []string{"Heading"}}, docxParagraph{runs: []string{prose[i%len(prose)]}})
	}
	benchmarkExtract(b, "doc.docx", buildDOCX(b, paras, ""))
}
