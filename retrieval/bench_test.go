package retrieval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	chromem "github.com/philippgille/chromem-go"

	"github.com/lectern/lectern/internal/text"
)

// benchQueries are asked in turn by the search benchmarks.
var benchQueries = []string{
	"What are the Three Nos?",
	"Who awarded Trong the Friendship Medal?",
	"How did the United States upgrade its ties with Vietnam?",
	"What happened in the South China Sea dispute?",
	"How many agreements were signed during the visit?",
	"Which country buys the most weapons from Russia?", // "weapons" is in no seed: searched as "arms"
}

// syntheticChunks makes n chunks of 40–120 words drawn from the seeds'
// vocabulary with a Zipf-like skew, so that term statistics look like prose.
func syntheticChunks(tb testing.TB, n int) []storedChunk {
	tb.Helper()
	var vocab []string
	seen := map[string]bool{}
	entries, _ := os.ReadDir("../seeds")
	for _, e := range entries {
		data, _ := os.ReadFile("../seeds/" + e.Name())
		for _, w := range text.Words(string(data)) {
			if !seen[w] {
				seen[w] = true
				vocab = append(vocab, w)
			}
		}
	}
	if len(vocab) == 0 {
		tb.Fatal("no vocabulary: seeds missing")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := func() string {
		// Inverse-power draw: low indexes (early, common words) come up most.
		i := int(float64(len(vocab)) * rng.Float64() * rng.Float64() * rng.Float64())
		return vocab[i]
	}
	chunks := make([]storedChunk, n)
	var b strings.Builder
	for i := range chunks {
		b.Reset()
		words := 40 + rng.IntN(80)
		for w := range words {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(zipf())
			if w%15 == 14 || w == words-1 {
				b.WriteByte('.') // sentences of fifteen words
			}
		}
		text := b.String()
		chunks[i] = storedChunk{Chunk: Chunk{ID: fmt.Sprintf("syn-%d", i), Source: fmt.Sprintf("syn-%d.txt", i/50), Text: text}, SearchText: text, Windows: sentenceWindows(text)}
	}
	return chunks
}

// benchIndex embeds chunks with the local embedder into an in-memory index.
func benchIndex(tb testing.TB, chunks []storedChunk) *index {
	tb.Helper()
	ctx := context.Background()
	emb := NewLocalEmbedder()
	texts := make([]string, len(chunks))
	for i, c := range chunks {
		texts[i] = c.SearchText
	}
	vectors, err := emb.Embed(ctx, texts)
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := newIndex(ctx, "", emb, chunks, vectors, indexMeta{EmbedderID: emb.ID()})
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// seedChunks chunks the real corpus as a reindex would.
func seedChunks(tb testing.TB) []storedChunk {
	tb.Helper()
	docs, _, err := LoadCorpus(context.Background(), "../seeds")
	if err != nil {
		tb.Fatal(err)
	}
	s := &Store{cfg: StoreConfig{Chunking: DefaultChunkOptions()}}
	chunks, _ := s.chunkAll(docs)
	return chunks
}

// BenchmarkSearch compares Lectern's hybrid search (query embedding, vector
// search, BM25, fusion) with a plain chromem-go Query (query embedding,
// vector search) on the same collection, in the same run.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	corpora := []struct {
		name   string
		chunks func(testing.TB) []storedChunk
	}{
		{"seeds", seedChunks},
		{"10k", func(tb testing.TB) []storedChunk { return syntheticChunks(tb, 10_000) }},
		{"100k", func(tb testing.TB) []storedChunk { return syntheticChunks(tb, 100_000) }},
	}
	emb := NewLocalEmbedder()
	synonyms, err := WordNetSynonyms()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range corpora {
		// The corpus is built inside its own sub-benchmark, so that
		// -bench Search/10k does not build the 100k one.
		b.Run(c.name, func(b *testing.B) {
			ix := benchIndex(b, c.chunks(b))
			b.Run("hybrid", func(b *testing.B) {
				i := 0
				for b.Loop() {
					q := benchQueries[i%len(benchQueries)]
					i++
					v, err := emb.Embed(ctx, []string{q})
					if err != nil {
						b.Fatal(err)
					}
					if _, err := ix.search(ctx, q, v[0], 5, synonyms); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("chromem-query", func(b *testing.B) {
				i := 0
				for b.Loop() {
					q := benchQueries[i%len(benchQueries)]
					i++
					if _, err := ix.collection.Query(ctx, q, 5, nil, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
		runtime.GC()
	}
}

// BenchmarkReindex times a reindex of the seeds into an empty data
// directory (cold: every chunk embedded), with nothing changed (every
// vector from the cache) and with one file changed (only its chunks
// embedded). embedded/op is how many texts went to the embedder.
func BenchmarkReindex(b *testing.B) {
	ctx := context.Background()
	open := func(b *testing.B, corpus string) *Store {
		s, err := OpenStore(ctx, StoreConfig{DataDir: b.TempDir(), CorpusDir: corpus, Embedder: NewLocalEmbedder(), Logger: quietLogger()})
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
	reindex := func(b *testing.B, s *Store) Report {
		r, err := s.Reindex(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		return r
	}
	b.Run("cold", func(b *testing.B) {
		embedded := 0
		for b.Loop() {
			embedded = reindex(b, open(b, "../seeds")).Embedded
		}
		b.ReportMetric(float64(embedded), "embedded/op")
	})
	b.Run("unchanged", func(b *testing.B) {
		s := open(b, "../seeds")
		reindex(b, s)
		embedded := 0
		for b.Loop() {
			if embedded = reindex(b, s).Embedded; embedded != 0 {
				b.Fatalf("unchanged corpus embedded %d texts", embedded)
			}
		}
		b.ReportMetric(float64(embedded), "embedded/op")
	})
	b.Run("one-file-changed", func(b *testing.B) {
		corpus := copySeeds(b)
		entries, err := os.ReadDir(corpus)
		if err != nil {
			b.Fatal(err)
		}
		changed := corpus + "/" + entries[0].Name()
		original, err := os.ReadFile(changed)
		if err != nil {
			b.Fatal(err)
		}
		s := open(b, corpus)
		reindex(b, s)
		embedded, i := 0, 0
		for b.Loop() {
			// Each round edits the file anew, so its chunks are new texts.
			i++
			edit := fmt.Sprintf("%s\n\nRevision %d of this file.\n", strings.ReplaceAll(string(original), "Vietnam", fmt.Sprintf("Vietnam (r%d)", i)), i)
			if err := os.WriteFile(changed, []byte(edit), 0o644); err != nil {
				b.Fatal(err)
			}
			embedded = reindex(b, s).Embedded
		}
		b.ReportMetric(float64(embedded), "embedded/op")
	})
}

// BenchmarkMemoryPerChunk reports the heap an index holds per chunk, at 10k
// synthetic chunks: Lectern's (vectors in chromem-go, texts, BM25 postings
// over chunks and over sentence windows) and, in the same run, a plain
// chromem-go collection of the same chunks and vectors. Each build gets its
// own copy of the texts and vectors, so that both figures count them.
func BenchmarkMemoryPerChunk(b *testing.B) {
	const n = 10_000
	ctx := context.Background()
	chunks := syntheticChunks(b, n)
	emb := NewLocalEmbedder()
	texts := make([]string, n)
	for i, c := range chunks {
		texts[i] = c.SearchText
	}
	vectors, err := emb.Embed(ctx, texts)
	if err != nil {
		b.Fatal(err)
	}
	// fresh copies the chunks and vectors, as loading them from disk would.
	fresh := func() ([]storedChunk, [][]float32) {
		cs := make([]storedChunk, n)
		vs := make([][]float32, n)
		for i, c := range chunks {
			c.Text = strings.Clone(c.Text)
			c.SearchText = c.Text // as loadIndex shares them
			c.Windows = slices.Clone(c.Windows)
			cs[i], vs[i] = c, slices.Clone(vectors[i])
		}
		return cs, vs
	}
	measure := func(b *testing.B, build func([]storedChunk, [][]float32) any) {
		for b.Loop() {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			kept := build(fresh())
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "bytes/chunk")
			runtime.KeepAlive(kept)
		}
	}
	b.Run("lectern", func(b *testing.B) {
		measure(b, func(chunks []storedChunk, vectors [][]float32) any {
			ix, err := newIndex(ctx, "", emb, chunks, vectors, indexMeta{EmbedderID: emb.ID()})
			if err != nil {
				b.Fatal(err)
			}
			return ix
		})
	})
	b.Run("chromem-only", func(b *testing.B) {
		measure(b, func(chunks []storedChunk, vectors [][]float32) any {
			db := chromem.NewDB()
			col, err := db.CreateCollection("chunks", nil, embeddingFunc(emb))
			if err != nil {
				b.Fatal(err)
			}
			docs := make([]chromem.Document, n)
			for i, c := range chunks {
				docs[i] = chromem.Document{ID: c.ID, Content: c.Text, Embedding: vectors[i], Metadata: map[string]string{"source": c.Source}}
			}
			if err := col.AddDocuments(ctx, docs, runtime.NumCPU()); err != nil {
				b.Fatal(err)
			}
			return db
		})
	})
}
