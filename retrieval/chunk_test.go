package retrieval

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
)

// prose joins n distinct sentences of about size bytes each.
func prose(n, size int) string {
	var parts []string
	for i := range n {
		s := fmt.Sprintf("Sentence %d says that Hanoi and Beijing", i)
		for len(s) < size-1 {
			s += " agree"
		}
		parts = append(parts, s+".")
	}
	return strings.Join(parts, " ")
}

// checkChunks asserts what every chunking must satisfy, whatever its
// sizes: each chunk is the trimmed, non-empty byte range Start:End of the
// document's text, at most MaxChars long, in document order, carrying the
// document's source and title and an ID that depends only on them.
func checkChunks(t *testing.T, doc Document, opts ChunkOptions, chunks []Chunk) {
	t.Helper()
	body := doc.Text
	for i, c := range chunks {
		if c.Start < 0 || c.End > len(body) || c.Start >= c.End {
			t.Fatalf("chunk %d: offsets [%d, %d) out of bounds of %d bytes", i, c.Start, c.End, len(body))
		}
		if c.Text != body[c.Start:c.End] {
			t.Fatalf("chunk %d: Text %q is not text[%d:%d] = %q", i, c.Text, c.Start, c.End, body[c.Start:c.End])
		}
		if c.Text != strings.Trim(c.Text, " \t\r\n") {
			t.Errorf("chunk %d: %q is not trimmed", i, c.Text)
		}
		if len(c.Text) > opts.MaxChars {
			t.Errorf("chunk %d: %d bytes, more than MaxChars %d", i, len(c.Text), opts.MaxChars)
		}
		if c.Source != doc.Info.Source || c.Title != doc.Info.Title {
			t.Errorf("chunk %d: source %q title %q, want %q %q", i, c.Source, c.Title, doc.Info.Source, doc.Info.Title)
		}
		if c.ID == "" || c.ID != chunkID(doc.Info.Source, c.Text) {
			t.Errorf("chunk %d: ID %q is not chunkID(source, text)", i, c.ID)
		}
		if i > 0 && (c.Start <= chunks[i-1].Start || c.End <= chunks[i-1].End) {
			t.Errorf("chunk %d [%d, %d) is not after chunk %d [%d, %d)", i, c.Start, c.End, i-1, chunks[i-1].Start, chunks[i-1].End)
		}
	}
}

// checkCoverage asserts that no text is lost: what lies outside every chunk
// is white space, and every sentence that fits in MaxChars lies whole in
// one chunk.
func checkCoverage(t *testing.T, doc Document, opts ChunkOptions, chunks []Chunk) {
	t.Helper()
	body := doc.Text
	covered := make([]bool, len(body))
	for _, c := range chunks {
		for i := c.Start; i < c.End && i < len(body); i++ {
			covered[i] = true
		}
	}
	for i := 0; i < len(body); {
		if covered[i] {
			i++
			continue
		}
		j := i
		for j < len(body) && !covered[j] {
			j++
		}
		if strings.TrimSpace(body[i:j]) != "" {
			t.Fatalf("%q, bytes [%d, %d), is in no chunk", body[i:j], i, j)
		}
		i = j
	}
	offset := 0
	for _, p := range strings.Split(body, "\n\n") {
		for _, s := range text.SentenceSpans(p) {
			s = text.Span{Start: offset + s.Start, End: offset + s.End}
			if s.End-s.Start > opts.MaxChars {
				continue
			}
			whole := false
			for _, c := range chunks {
				whole = whole || (c.Start <= s.Start && s.End <= c.End)
			}
			if !whole {
				t.Errorf("sentence %q lies in no one chunk", body[s.Start:s.End])
			}
		}
		offset += len(p) + 2
	}
}

func TestChunkDocument(t *testing.T) {
	small := ChunkOptions{MaxChars: 300, MinChars: 60, OverlapSentences: 1}
	tests := []struct {
		name  string
		body  string
		opts  ChunkOptions
		check func(t *testing.T, body string, chunks []Chunk)
	}{
		{"empty text has no chunks", "", small, func(t *testing.T, _ string, chunks []Chunk) {
			if len(chunks) != 0 {
				t.Errorf("got %d chunks, want none", len(chunks))
			}
		}},
		{"white space has no chunks", " \n\n \t\n\n", small, func(t *testing.T, _ string, chunks []Chunk) {
			if len(chunks) != 0 {
				t.Errorf("got %d chunks, want none", len(chunks))
			}
		}},
		{"a paragraph that fits is one chunk", prose(3, 80), small, func(t *testing.T, body string, chunks []Chunk) {
			if len(chunks) != 1 || chunks[0].Text != body {
				t.Errorf("got %d chunks, want the whole paragraph as one", len(chunks))
			}
		}},
		{"paragraphs that fit are not cut", prose(3, 80) + "\n\n" + prose(2, 90), small, func(t *testing.T, body string, chunks []Chunk) {
			for _, p := range strings.Split(body, "\n\n") {
				if !anyChunkContains(chunks, p) {
					t.Errorf("paragraph %q was cut", p)
				}
			}
		}},
		{"a short heading is joined to the next paragraph", "Historical Background\n\n" + prose(3, 70), small, func(t *testing.T, _ string, chunks []Chunk) {
			if !anyChunkContains(chunks, "Historical Background\n\nSentence 0") {
				t.Errorf("the heading stands alone: %q", chunkTexts(chunks))
			}
		}},
		{"a short last paragraph is still a chunk", prose(3, 90) + "\n\nBy Lye Liang Fook", small, func(t *testing.T, _ string, chunks []Chunk) {
			if !anyChunkContains(chunks, "By Lye Liang Fook") {
				t.Errorf("the byline is lost: %q", chunkTexts(chunks))
			}
		}},
		{"a long paragraph is cut between sentences, each cut repeating one sentence", prose(12, 80), small, func(t *testing.T, body string, chunks []Chunk) {
			if len(chunks) < 2 {
				t.Fatalf("got %d chunks, want the paragraph cut", len(chunks))
			}
			sents := text.SentenceSpans(body)
			for i := 1; i < len(chunks); i++ {
				prev, c := chunks[i-1], chunks[i]
				if c.Start >= prev.End {
					t.Errorf("chunks %d and %d do not overlap", i-1, i)
					continue
				}
				if !isSentence(sents, text.Span{Start: c.Start, End: prev.End}) {
					t.Errorf("the overlap of chunks %d and %d, %q, is not one sentence", i-1, i, body[c.Start:prev.End])
				}
			}
		}},
		{"two overlap sentences repeat two", prose(12, 80), ChunkOptions{MaxChars: 400, MinChars: 60, OverlapSentences: 2}, func(t *testing.T, body string, chunks []Chunk) {
			if len(chunks) < 2 {
				t.Fatalf("got %d chunks, want the paragraph cut", len(chunks))
			}
			for i := 1; i < len(chunks); i++ {
				overlap := body[chunks[i].Start:chunks[i-1].End]
				if n := len(text.SentenceSpans(overlap)); n != 2 {
					t.Errorf("chunks %d and %d share %d sentences (%q), want 2", i-1, i, n, overlap)
				}
			}
		}},
		{"no overlap when none is asked for", prose(12, 80), ChunkOptions{MaxChars: 300, MinChars: 60}, func(t *testing.T, _ string, chunks []Chunk) {
			for i := 1; i < len(chunks); i++ {
				if chunks[i].Start < chunks[i-1].End {
					t.Errorf("chunks %d and %d overlap", i-1, i)
				}
			}
		}},
		{"abbreviations and decimals end no sentence", "U.S. President Joe Biden met Mr. Trong on Dec. 12 in Hanoi. Trade grew 56.9 percent. " + prose(4, 70), ChunkOptions{MaxChars: 120, MinChars: 10, OverlapSentences: 0}, func(t *testing.T, _ string, chunks []Chunk) {
			if len(chunks) == 0 || chunks[0].Text != "U.S. President Joe Biden met Mr. Trong on Dec. 12 in Hanoi. Trade grew 56.9 percent." {
				t.Errorf("first chunk = %q, want the first two whole sentences", chunkTexts(chunks)[:min(1, len(chunks))])
			}
		}},
		{"a sentence longer than MaxChars is cut between words", strings.Repeat("Vietnam hedges between powers ", 40) + "end.", small, func(t *testing.T, body string, chunks []Chunk) {
			if len(chunks) < 2 {
				t.Fatalf("got %d chunks, want the sentence cut", len(chunks))
			}
			for i, c := range chunks {
				if c.End < len(body) && body[c.End] != ' ' {
					t.Errorf("chunk %d ends inside a word: %q", i, c.Text)
				}
				if c.Start > 0 && body[c.Start-1] != ' ' {
					t.Errorf("chunk %d starts inside a word: %q", i, c.Text)
				}
			}
		}},
		{"a word longer than MaxChars is cut between runes", strings.Repeat("越南中国", 40), ChunkOptions{MaxChars: 100, MinChars: 10}, func(t *testing.T, _ string, chunks []Chunk) {
			if len(chunks) < 2 {
				t.Fatalf("got %d chunks, want the word cut", len(chunks))
			}
			for i, c := range chunks {
				if !utf8.ValidString(c.Text) {
					t.Errorf("chunk %d is cut inside a rune: %q", i, c.Text)
				}
			}
		}},
		{"zero options mean the defaults", prose(60, 100), ChunkOptions{}, func(t *testing.T, body string, chunks []Chunk) {
			// checkChunks holds each chunk to the default MaxChars.
			if want := len(body) / DefaultChunkOptions().MaxChars; len(chunks) < want || want < 2 {
				t.Errorf("got %d chunks of %d bytes, want at least %d", len(chunks), len(body), want)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document{Info: SourceInfo{Source: "a.txt", Title: "A title"}, Text: tt.body}
			chunks := ChunkDocument(doc, tt.opts)
			opts := tt.opts
			if opts.MaxChars <= 0 {
				opts = DefaultChunkOptions()
			}
			checkChunks(t, doc, opts, chunks)
			checkCoverage(t, doc, opts, chunks)
			tt.check(t, tt.body, chunks)
		})
	}
}

// TestChunkDocumentSeeds chunks the corpus with the default sizes.
func TestChunkDocumentSeeds(t *testing.T) {
	docs, _, err := LoadCorpus(context.Background(), "../seeds")
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultChunkOptions()
	for _, doc := range docs {
		t.Run(doc.Info.Source, func(t *testing.T) {
			chunks := ChunkDocument(doc, opts)
			if len(chunks) == 0 {
				t.Fatal("no chunks")
			}
			checkChunks(t, doc, opts, chunks)
			checkCoverage(t, doc, opts, chunks)
			for i, c := range chunks {
				if !utf8.ValidString(c.Text) {
					t.Errorf("chunk %d is not UTF-8", i)
				}
			}
		})
	}
}

func TestChunkIDs(t *testing.T) {
	body := prose(12, 80) + "\n\nA last, different paragraph about the Three Nos and the South China Sea, long enough to stand alone."
	opts := ChunkOptions{MaxChars: 300, MinChars: 60, OverlapSentences: 1}
	a := ChunkDocument(Document{Info: SourceInfo{Source: "a.txt", Title: "A"}, Text: body}, opts)
	again := ChunkDocument(Document{Info: SourceInfo{Source: "a.txt", Title: "Another title"}, Text: body}, opts)
	b := ChunkDocument(Document{Info: SourceInfo{Source: "b.txt", Title: "A"}, Text: body}, opts)
	if len(a) < 2 || len(a) != len(again) || len(a) != len(b) {
		t.Fatalf("got %d, %d and %d chunks of the same text", len(a), len(again), len(b))
	}
	seen := map[string]bool{}
	for i := range a {
		if a[i].ID != again[i].ID {
			t.Errorf("chunk %d: ID changed from %s to %s with the same source and text", i, a[i].ID, again[i].ID)
		}
		if a[i].ID == b[i].ID {
			t.Errorf("chunk %d: ID %s is the same in two sources", i, a[i].ID)
		}
		if seen[a[i].ID] {
			t.Errorf("chunk %d: ID %s is not unique", i, a[i].ID)
		}
		seen[a[i].ID] = true
	}
}

// TestChunkDocumentKeepsRunesWhole specifies that a cut between words never
// splits a rune. (splitAtWords once took the continuation bytes 0x85 and
// 0xA0, the second byte of "à", "Š", "Ġ" …, for NEL and NBSP and cut a long
// Vietnamese or French sentence inside "à".)
func TestChunkDocumentKeepsRunesWhole(t *testing.T) {
	doc := Document{Info: SourceInfo{Source: "vi.txt"}, Text: "aaaaaaaaa" + strings.Repeat("à", 15)}
	opts := ChunkOptions{MaxChars: 10, MinChars: 1}
	chunks := ChunkDocument(doc, opts)
	checkChunks(t, doc, opts, chunks)
	checkCoverage(t, doc, opts, chunks)
	for i, c := range chunks {
		if !utf8.ValidString(c.Text) {
			t.Errorf("chunk %d is cut inside a rune: %q", i, c.Text)
		}
	}
}

// TestChunkDocumentAddsTextInEveryChunk specifies that no chunk of a long
// paragraph is only a repeat of the one before. The next chunk starts
// OverlapSentences back; when the sentence after those does not fit beside
// them, it starts after them instead of holding nothing but the overlap.
func TestChunkDocumentAddsTextInEveryChunk(t *testing.T) {
	opts := DefaultChunkOptions()
	body := prose(1, opts.MaxChars/4) + " " + prose(1, opts.MaxChars/2) + " " + prose(1, opts.MaxChars*3/4)
	doc := Document{Info: SourceInfo{Source: "a.txt"}, Text: body}
	chunks := ChunkDocument(doc, opts)
	checkChunks(t, doc, opts, chunks)
	checkCoverage(t, doc, opts, chunks)
	for i := 1; i < len(chunks); i++ {
		if chunks[i].End <= chunks[i-1].End {
			t.Errorf("chunk %d %q is only a repeat of chunk %d", i, chunks[i].Text, i-1)
		}
	}
}

// FuzzChunkDocument chunks arbitrary text, raw or cleaned, with arbitrary
// sizes. It must not panic or hang, and every chunk must satisfy
// checkChunks and checkCoverage. MaxChars is at least 4, the longest UTF-8
// rune, so that every chunk can keep within it.
func FuzzChunkDocument(f *testing.F) {
	f.Add(prose(12, 80), uint16(300), uint16(60), uint8(1), false)
	f.Add("Heading\n\n"+prose(3, 70)+"\n\nBy someone", uint16(200), uint16(100), uint8(2), true)
	f.Add(strings.Repeat("word ", 300), uint16(50), uint16(0), uint8(0), false)
	f.Add(strings.Repeat("越南中国", 50), uint16(7), uint16(3), uint8(1), false)
	f.Add("U.S. and Mr. Trong. Dec. 12. 56.9 percent.\r\n\r\n\t", uint16(12), uint16(5), uint8(3), true)
	f.Fuzz(func(t *testing.T, body string, maxChars, minChars uint16, overlap uint8, clean bool) {
		// Documents are UTF-8: LoadCorpus skips other files.
		body = strings.ToValidUTF8(body, "\uFFFD")
		if clean {
			body = Clean(body)
		}
		opts := ChunkOptions{MaxChars: 4 + int(maxChars)%2000, MinChars: int(minChars) % 2000, OverlapSentences: int(overlap) % 4}
		doc := Document{Info: SourceInfo{Source: "f.txt", Title: "F"}, Text: body}
		chunks := ChunkDocument(doc, opts)
		checkChunks(t, doc, opts, chunks)
		checkCoverage(t, doc, opts, chunks)
		if trimmed := strings.Trim(body, " \t\r\n"); trimmed != "" {
			if len(chunks) == 0 {
				t.Fatalf("no chunks of %q", body)
			}
			first, last := chunks[0], chunks[len(chunks)-1]
			if first.Start != strings.Index(body, trimmed) || last.End != first.Start+len(trimmed) {
				t.Fatalf("chunks span [%d, %d), the text's non-space bytes [%d, %d)", first.Start, last.End,
					strings.Index(body, trimmed), strings.Index(body, trimmed)+len(trimmed))
			}
		}
		again := ChunkDocument(doc, opts)
		if fmt.Sprint(again) != fmt.Sprint(chunks) {
			t.Fatalf("chunking the same document twice gave different chunks")
		}
	})
}

func anyChunkContains(chunks []Chunk, s string) bool {
	for _, c := range chunks {
		if strings.Contains(c.Text, s) {
			return true
		}
	}
	return false
}

func chunkTexts(chunks []Chunk) []string {
	var out []string
	for _, c := range chunks {
		out = append(out, c.Text)
	}
	return out
}

// isSentence reports whether s is one of the spans.
func isSentence(spans []text.Span, s text.Span) bool {
	for _, x := range spans {
		if x == s {
			return true
		}
	}
	return false
}

// TestChunkDocumentEndsOnTinySizes: with MaxChars smaller than a rune,
// chunking still ends, keeping each rune whole rather than cutting it.
func TestChunkDocumentEndsOnTinySizes(t *testing.T) {
	doc := Document{Info: SourceInfo{Source: "zh.txt"}, Text: strings.Repeat("越南", 5)}
	chunks := ChunkDocument(doc, ChunkOptions{MaxChars: 2, MinChars: 1})
	var joined strings.Builder
	for i, c := range chunks {
		if !utf8.ValidString(c.Text) {
			t.Errorf("chunk %d is cut inside a rune: %q", i, c.Text)
		}
		joined.WriteString(c.Text)
	}
	if joined.String() != doc.Text {
		t.Errorf("chunks %q do not make up the text %q", chunkTexts(chunks), doc.Text)
	}
}
