package retrieval

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	chromem "github.com/philippgille/chromem-go"

	"github.com/lectern/lectern/internal/text"
)

// collectionName is the chromem-go collection that holds the chunks.
const collectionName = "chunks"

// index is one complete build: the chunks, their vectors in a chromem-go
// collection and a BM25 index over the same chunks. It is never changed
// after it is built, so any number of searches may read it at once.
type index struct {
	meta       indexMeta
	chunks     []storedChunk
	byID       map[string]int
	collection *chromem.Collection
	bm25       *bm25Index
	// windows is a BM25 index over the sentence windows of all chunks;
	// windowChunk maps each window to its chunk; the windows of chunk i
	// are windowFirst[i] up to windowFirst[i+1].
	windows     *bm25Index
	windowChunk []int32
	windowFirst []int32
	infos       map[string]SourceInfo
	// bylines maps a source to its byline passage, for those that have one.
	bylines map[string]int
}

// indexMeta describes a build; it is written last, so a folder without it
// is an unfinished build.
type indexMeta struct {
	EmbedderID string    `json:"embedder_id"`
	BuiltAt    time.Time `json:"built_at"`
	// Build identifies the program that built the index (its executable's
	// hash): a reindex by the same build reuses the windows of unchanged
	// chunks.
	Build   string        `json:"build,omitempty"`
	Sources []SourceStats `json:"sources"`
	Report  Report        `json:"report"`
}

// storedChunk is a chunk with the text that is searched for it.
type storedChunk struct {
	Chunk
	// SearchText is left out of chunks.json when it is the chunk's Text.
	SearchText string `json:"search_text,omitempty"`
	// Windows are spans of SearchText, a few sentences each, that BM25 also
	// scores one by one (see sentenceWindows). Empty means the whole text.
	Windows []text.Span `json:"windows,omitempty"`
	// Byline marks the passage made from a document's manifest entry (see
	// bylineChunk); it is searched only for questions about authorship.
	Byline bool `json:"byline,omitempty"`
	// Breaks are the chunk's Breaks, which Chunk itself leaves out of JSON.
	Breaks []Break `json:"breaks,omitempty"`
}

// Files inside an index folder.
const (
	metaFile   = "meta.json"
	chunksFile = "chunks.json"
	// vectorsFile holds the chromem-go collection, exported whole: one
	// file written at once, where a persistent chromem-go DB writes a file
	// for every chunk (most of a reindex's time at a hundred documents).
	vectorsFile = "vectors.gob"
	// dbFolder is where indexes built before vectorsFile kept their
	// collection, a persistent chromem-go DB; they are still read.
	dbFolder = "vectors"
)

// embeddingFunc adapts an Embedder to chromem-go, so that the collection's
// own Query works too (the benchmarks compare against it). Lectern itself
// passes every vector to chromem-go ready-made.
func embeddingFunc(e Embedder) chromem.EmbeddingFunc {
	return func(ctx context.Context, text string) ([]float32, error) {
		if e == nil {
			return nil, errors.New("no embedder for this collection")
		}
		vectors, err := e.Embed(ctx, []string{text})
		if err != nil {
			return nil, err
		}
		if len(vectors) != 1 {
			return nil, fmt.Errorf("embedder returned %d vectors for 1 text", len(vectors))
		}
		return vectors[0], nil
	}
}

// newIndex builds an index from chunks and their vectors (same order). With
// an empty dir it lives in memory only; else chromem-go persists it under dir.
// embedder is the one the vectors came from.
func newIndex(ctx context.Context, dir string, embedder Embedder, chunks []storedChunk, vectors [][]float32, meta indexMeta) (*index, error) {
	if len(chunks) != len(vectors) {
		return nil, fmt.Errorf("build index: %d chunks but %d vectors", len(chunks), len(vectors))
	}
	db := chromem.NewDB()
	collection, err := db.CreateCollection(collectionName, nil, embeddingFunc(embedder))
	if err != nil {
		return nil, fmt.Errorf("create collection: %w", err)
	}
	docs := make([]chromem.Document, len(chunks))
	for i, c := range chunks {
		docs[i] = chromem.Document{ID: c.ID, Content: c.Text, Embedding: vectors[i], Metadata: map[string]string{"source": c.Source}}
	}
	if len(docs) > 0 {
		if err := collection.AddDocuments(ctx, docs, runtime.NumCPU()); err != nil {
			return nil, fmt.Errorf("store %d vectors: %w", len(docs), err)
		}
	}
	ix := assemble(meta, chunks, collection)
	if dir != "" {
		path := filepath.Join(dir, vectorsFile)
		if err := db.ExportToFile(path, false, ""); err != nil {
			return nil, fmt.Errorf("write vector store %s: %w", path, err)
		}
		if err := writeJSON(filepath.Join(dir, chunksFile), withoutRepeatedText(chunks)); err != nil {
			return nil, err
		}
		if err := writeJSON(filepath.Join(dir, metaFile), meta); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

// withoutRepeatedText returns chunks as written to chunks.json: a
// SearchText that is the chunk's Text is left out.
func withoutRepeatedText(chunks []storedChunk) []storedChunk {
	out := make([]storedChunk, len(chunks))
	for i, c := range chunks {
		if c.SearchText == c.Text {
			c.SearchText = ""
		}
		out[i] = c
	}
	return out
}

// loadIndex opens a finished build from dir.
func loadIndex(dir string, embedder Embedder) (*index, error) {
	var meta indexMeta
	if err := readJSON(filepath.Join(dir, metaFile), &meta); err != nil {
		return nil, err
	}
	var chunks []storedChunk
	if err := readJSON(filepath.Join(dir, chunksFile), &chunks); err != nil {
		return nil, err
	}
	for i := range chunks {
		if chunks[i].SearchText == "" {
			chunks[i].SearchText = chunks[i].Text // one string in memory, not two
		}
		chunks[i].Chunk.Breaks = chunks[i].Breaks
	}
	db, err := openVectors(dir)
	if err != nil {
		return nil, err
	}
	collection := db.GetCollection(collectionName, embeddingFunc(embedder))
	if collection == nil {
		return nil, fmt.Errorf("open vector store in %s: collection %q is missing", dir, collectionName)
	}
	if collection.Count() != len(chunks) {
		return nil, fmt.Errorf("open index %s: %d vectors for %d chunks", dir, collection.Count(), len(chunks))
	}
	return assemble(meta, chunks, collection), nil
}

// openVectors reads the vector store of the index in dir: its
// vectorsFile, or the persistent chromem-go DB of an older index.
func openVectors(dir string) (*chromem.DB, error) {
	path := filepath.Join(dir, vectorsFile)
	if _, err := os.Stat(path); err != nil {
		db, err := chromem.NewPersistentDB(filepath.Join(dir, dbFolder), false)
		if err != nil {
			return nil, fmt.Errorf("open vector store in %s: %w", dir, err)
		}
		return db, nil
	}
	db := chromem.NewDB()
	if err := db.ImportFromFile(path, ""); err != nil {
		return nil, fmt.Errorf("read vector store %s: %w", path, err)
	}
	return db, nil
}

// assemble derives the in-memory lookups of an index.
func assemble(meta indexMeta, chunks []storedChunk, collection *chromem.Collection) *index {
	ix := &index{meta: meta, chunks: chunks, collection: collection, byID: make(map[string]int, len(chunks)), infos: map[string]SourceInfo{}, bylines: map[string]int{}}
	texts := make([]string, len(chunks))
	var windowTexts []string
	ix.windowFirst = make([]int32, len(chunks)+1)
	for i, c := range chunks {
		ix.byID[c.ID] = i
		if c.Byline {
			ix.bylines[c.Source] = i
		}
		texts[i] = c.SearchText
		ix.windowFirst[i] = int32(len(windowTexts))
		if len(c.Windows) == 0 {
			windowTexts = append(windowTexts, c.SearchText)
			ix.windowChunk = append(ix.windowChunk, int32(i))
			continue
		}
		for _, w := range c.Windows {
			if w.Start < 0 || w.End > len(c.SearchText) || w.Start > w.End {
				continue // a damaged chunks file: skip the window, not the index
			}
			windowTexts = append(windowTexts, c.SearchText[w.Start:w.End])
			ix.windowChunk = append(ix.windowChunk, int32(i))
		}
	}
	ix.windowFirst[len(chunks)] = int32(len(windowTexts))
	for _, s := range meta.Sources {
		ix.infos[s.Source] = s.SourceInfo
	}
	ix.bm25 = newBM25(texts)
	ix.windows = newBM25(windowTexts)
	return ix
}

// candidates is how many results each retriever contributes to the fusion
// for a search that wants k passages.
func candidates(k int) int { return max(4*k, 40) }

// Weights of the three ranked lists in the fusion: vector similarity, BM25
// over whole chunks and BM25 over sentence windows (the chunk of the best
// window). Measured with the local embedder on testdata/questions.jsonl and
// testdata/holdout.jsonl (recall@5 / MRR@10): vectors and chunk BM25 at 1:3
// gave 0.923/0.788 and 0.852/0.742; adding the windows at 3 and halving the
// vectors, with 1400-character chunks, bylines searched only when asked
// for, and reference lists dropped, gives 0.969/0.800 and 0.926/0.826. See
// BENCHMARKS.md for the full table.
const (
	vectorWeight  = 0.5
	lexicalWeight = 3.0
	windowWeight  = 3.0
)

// search returns the k best passages for a query and its vector: vector
// similarity (chromem-go), BM25 over chunks and BM25 over sentence windows,
// merged by weighted reciprocal rank fusion. synonyms stand in for the
// question's words that no chunk holds; nil for none.
//
// A query with no searchable terms ("?!?", "what is it") matches nothing:
// its vector would rank every passage by its punctuation or function
// words, which is to say arbitrarily.
func (ix *index) search(ctx context.Context, query string, queryVector []float32, k int, synonyms Synonyms) ([]Passage, error) {
	n := min(candidates(k), len(ix.chunks))
	if n == 0 || k <= 0 || !Searchable(query) {
		return nil, nil
	}
	var vectorHits []scored
	if queryVector != nil && !isZero(queryVector) {
		results, err := ix.collection.QueryEmbedding(ctx, queryVector, n, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("vector search: %w", err)
		}
		vectorHits = make([]scored, 0, len(results))
		for _, r := range results {
			vectorHits = append(vectorHits, scored{doc: ix.byID[r.ID], score: float64(r.Similarity)})
		}
	}
	// Bylines are never ranked by their own words (every one says "is an
	// article by"): an authorship question finds the document it is
	// about by its subject, and that document's byline goes first.
	terms := ix.withSynonyms(QuestionTerms(query), synonyms)
	fused := fuseReciprocalRank(
		rankedList{ix.withoutBylines(vectorHits), vectorWeight},
		rankedList{ix.withoutBylines(ix.bm25.search(terms, n)), lexicalWeight},
		rankedList{ix.withoutBylines(ix.windowSearch(terms, n)), windowWeight},
	)
	ix.nudgeByCoverage(terms, fused[:min(len(fused), coverageCandidates)])
	if text.AsksAboutAuthorship(query) {
		fused = ix.withBylines(fused)
	}
	if len(fused) > k {
		fused = fused[:k]
	}
	passages := make([]Passage, len(fused))
	for i, f := range fused {
		c := ix.chunks[f.doc]
		passages[i] = Passage{Chunk: c.Chunk, Info: ix.infos[c.Source], Score: f.score}
	}
	return passages, nil
}

// Searchable reports whether a query has any term to search by: a word
// that is not a stop word. Search finds nothing for one that has none.
func Searchable(query string) bool { return len(text.Terms(query)) > 0 }

// The coverage nudge: the fused scores of the best coverageCandidates
// results each gain coverageWeight times the share of the question's terms
// (weighted by IDF) that their best sentence window contains, and those
// results are re-sorted. A rank-1 result of all three lists scores about
// 0.107 and neighbouring ranks differ by about 0.002, so the nudge reorders
// near-ties only: a passage that holds every word of the question in one
// place beats one that repeats a few of them. Measured MRR@10: 0.800 →
// 0.817 (tuning), 0.826 → 0.826 (holdout), 0.901 → 0.914 (literal); at
// 0.01 the holdout set lost a question.
const (
	coverageWeight     = 0.003
	coverageCandidates = 10
)

// nudgeByCoverage applies the coverage nudge to results, in place, for a
// query's terms. Which window holds which term is read from the window
// index's postings, which are in window order, so it costs a binary search
// per term and result.
func (ix *index) nudgeByCoverage(terms []string, results []scored) {
	weights := map[string]float64{}
	total := 0.0
	for _, t := range terms {
		if _, ok := weights[t]; !ok {
			weights[t] = ix.bm25.idf(t)
			total += weights[t]
		}
	}
	if total == 0 || len(results) == 0 {
		return
	}
	for i := range results {
		first, end := ix.windowFirst[results[i].doc], ix.windowFirst[results[i].doc+1]
		covered := make([]float64, end-first)
		for t, w := range weights {
			list := ix.windows.postings[t]
			j, _ := slices.BinarySearchFunc(list, first, func(p posting, doc int32) int { return cmp.Compare(p.doc, doc) })
			for ; j < len(list) && list[j].doc < end; j++ {
				covered[list[j].doc-first] += w
			}
		}
		best := 0.0
		for _, c := range covered {
			best = max(best, c)
		}
		results[i].score += coverageWeight * best / total
	}
	sortScored(results)
}

// windowSearch ranks chunks by their best sentence window under BM25, up to
// n chunks, for a query's terms. A question usually matches one or two
// sentences; scoring those alone keeps the rest of a long chunk from
// diluting the match.
func (ix *index) windowSearch(terms []string, n int) []scored {
	hits := ix.windows.search(terms, 4*n)
	out := make([]scored, 0, n)
	seen := make(map[int]bool, n)
	for _, h := range hits {
		doc := int(ix.windowChunk[h.doc])
		if seen[doc] {
			continue
		}
		seen[doc] = true
		out = append(out, scored{doc: doc, score: h.score})
		if len(out) == n {
			break
		}
	}
	return out
}

// withBylines puts each document's byline passage just before the best
// of its other passages in results, so that "Who wrote the article on the
// Three Nos?" is answered by the byline of the article that best matches
// "the Three Nos".
func (ix *index) withBylines(results []scored) []scored {
	out := make([]scored, 0, len(results)+len(ix.bylines))
	placed := map[string]bool{}
	for _, r := range results {
		source := ix.chunks[r.doc].Source
		if b, ok := ix.bylines[source]; ok && !placed[source] {
			placed[source] = true
			out = append(out, scored{doc: b, score: r.score})
		}
		out = append(out, r)
	}
	return out
}

// withoutBylines drops the byline passages from hits.
func (ix *index) withoutBylines(hits []scored) []scored {
	out := hits[:0:0]
	for _, h := range hits {
		if !ix.chunks[h.doc].Byline {
			out = append(out, h)
		}
	}
	return out
}

// isZero reports whether every component of v is zero (the vector of a text
// with no features), which cosine similarity cannot rank.
func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

// writeJSON writes v as JSON to path atomically.
func writeJSON(path string, v any) error {
	return writeFileAtomic(path, func(f *os.File) error { return json.NewEncoder(f).Encode(v) })
}

// readJSON reads the JSON file at path into v.
func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}
