package retrieval

import (
	"container/heap"
	"math"
	"slices"

	"github.com/lectern/lectern/internal/text"
)

// bm25Index is an inverted index over chunk texts, scored with Okapi BM25.
// It is built once per index and only read afterwards, so it needs no lock.
type bm25Index struct {
	postings map[string][]posting
	docLen   []float32
	avgLen   float64
	k1, b    float64
}

// posting says that a term occurs freq times in chunk doc.
type posting struct {
	doc  int32
	freq float32
}

// scored is a chunk (by its position in the index) with a score; higher is better.
type scored struct {
	doc   int
	score float64
}

// newBM25 indexes texts; a chunk's position in texts is its doc number.
func newBM25(texts []string) *bm25Index {
	ix := &bm25Index{postings: map[string][]posting{}, docLen: make([]float32, len(texts)), k1: 1.2, b: 0.75}
	total := 0
	counts := map[string]int{}
	stems := map[string]string{}
	for doc, t := range texts {
		clear(counts)
		terms := text.TermsMemo(t, stems)
		for _, t := range terms {
			counts[t]++
		}
		for t, n := range counts {
			ix.postings[t] = append(ix.postings[t], posting{doc: int32(doc), freq: float32(n)})
		}
		ix.docLen[doc] = float32(len(terms))
		total += len(terms)
	}
	if len(texts) > 0 {
		ix.avgLen = float64(total) / float64(len(texts))
	}
	return ix
}

// search returns up to n chunks that share one of terms (a query's
// Terms), best first.
func (ix *bm25Index) search(terms []string, n int) []scored {
	if len(terms) == 0 || len(ix.docLen) == 0 || n <= 0 {
		return nil
	}
	terms = slices.Compact(slices.Sorted(slices.Values(terms)))
	scores := make([]float64, len(ix.docLen))
	var touched []int32
	for _, t := range terms {
		list := ix.postings[t]
		if len(list) == 0 {
			continue
		}
		idf := ix.idfOf(len(list))
		for _, p := range list {
			tf := float64(p.freq)
			norm := ix.k1 * (1 - ix.b + ix.b*float64(ix.docLen[p.doc])/ix.avgLen)
			if scores[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			scores[p.doc] += idf * tf * (ix.k1 + 1) / (tf + norm)
		}
	}
	return topN(scores, touched, n)
}

// topN picks the n best of the touched scores, best first; ties go to the
// lower doc number so that results are deterministic. It keeps a bounded
// min-heap, so it costs O(touched · log n), not a sort of every hit.
func topN(scores []float64, touched []int32, n int) []scored {
	h := make(scoredHeap, 0, n+1)
	for _, doc := range touched {
		r := scored{doc: int(doc), score: scores[doc]}
		if len(h) < n {
			heap.Push(&h, r)
		} else if better(r, h[0]) {
			h[0] = r
			heap.Fix(&h, 0)
		}
	}
	out := []scored(h)
	sortScored(out)
	return out
}

// better reports whether a ranks before b.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// scoredHeap is a min-heap: its root is the worst of the kept results.
type scoredHeap []scored

func (h scoredHeap) Len() int           { return len(h) }
func (h scoredHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h scoredHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoredHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *scoredHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sortScored orders results best first, ties by doc number.
func sortScored(out []scored) {
	slices.SortFunc(out, func(a, b scored) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.doc - b.doc
	})
}

// idf is the inverse document frequency of term: high for rare terms, near
// zero for terms in almost every chunk, zero for unknown terms.
func (ix *bm25Index) idf(term string) float64 {
	df := len(ix.postings[term])
	if df == 0 {
		return 0
	}
	return ix.idfOf(df)
}

// idfOf is the inverse document frequency of a term found in df chunks.
func (ix *bm25Index) idfOf(df int) float64 {
	N := float64(len(ix.docLen))
	return math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5))
}
