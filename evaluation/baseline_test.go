package evaluation

import (
	"cmp"
	"context"
	"math"
	"slices"
	"testing"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// plainBM25 is the baseline the issue names: textbook Okapi BM25 (k1 1.2,
// b 0.75) over paragraph chunks of up to 1000 characters, with Lectern's
// cleaning and tokenising, and nothing else: no vectors, no sentence
// windows, no bylines, no fusion. It is written out here rather than taken
// from the retrieval package, so that tuning retrieval cannot move it.
type plainBM25 struct {
	chunks   []retrieval.Chunk
	terms    []map[string]int
	lengths  []int
	avgLen   float64
	docFreqs map[string]int
}

// newPlainBM25 indexes the corpus in dir.
func newPlainBM25(t *testing.T, dir string) *plainBM25 {
	t.Helper()
	docs, _, err := retrieval.LoadCorpus(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	b := &plainBM25{docFreqs: map[string]int{}}
	total := 0
	for _, d := range docs {
		for _, c := range retrieval.ChunkDocument(d, retrieval.ChunkOptions{MaxChars: 1000, MinChars: 300, OverlapSentences: 1}) {
			counts := map[string]int{}
			terms := text.Terms(c.Text)
			for _, term := range terms {
				counts[term]++
			}
			for term := range counts {
				b.docFreqs[term]++
			}
			b.chunks = append(b.chunks, c)
			b.terms = append(b.terms, counts)
			b.lengths = append(b.lengths, len(terms))
			total += len(terms)
		}
	}
	b.avgLen = float64(total) / float64(len(b.chunks))
	return b
}

// Search scores every chunk against the query's terms and returns the k best.
func (b *plainBM25) Search(_ context.Context, query string, k int) ([]retrieval.Passage, error) {
	const k1, bParam = 1.2, 0.75
	n := float64(len(b.chunks))
	type hit struct {
		i     int
		score float64
	}
	var hits []hit
	queryTerms := slices.Compact(slices.Sorted(slices.Values(text.Terms(query))))
	for i, counts := range b.terms {
		score := 0.0
		for _, term := range queryTerms {
			tf := float64(counts[term])
			if tf == 0 {
				continue
			}
			df := float64(b.docFreqs[term])
			idf := math.Log(1 + (n-df+0.5)/(df+0.5))
			score += idf * tf * (k1 + 1) / (tf + k1*(1-bParam+bParam*float64(b.lengths[i])/b.avgLen))
		}
		if score > 0 {
			hits = append(hits, hit{i, score})
		}
	}
	slices.SortStableFunc(hits, func(x, y hit) int { return cmp.Compare(y.score, x.score) })
	out := make([]retrieval.Passage, 0, k)
	for _, h := range hits[:min(k, len(hits))] {
		out = append(out, retrieval.Passage{Chunk: b.chunks[h.i], Score: h.score})
	}
	return out, nil
}

// TestRetrievalBeatsPlainBM25: over all the question sets together,
// Lectern's search finds the answering passage within five at least as
// often as plain BM25 over paragraph chunks and ranks it higher on average
// (MRR@10), and on no single set does it trail by more than maxTrail.
//
// Measured: all 222 questions 0.887 / 0.796 against 0.860 / 0.754; ahead
// or level on every set but blind_paraphrased.jsonl, where it trails by
// one question at recall@5 (0.594 / 0.625) and by 0.044 in MRR@10 (0.511
// / 0.555): on questions that share few words with the text, the vector
// list of the built-in embedder, which cannot bridge synonyms either,
// pulls generic passages up and the fusion follows it.
func TestRetrievalBeatsPlainBM25(t *testing.T) {
	// maxTrail is about one and a half questions of a 30-question set.
	const maxTrail = 0.05
	store := seedStore(t)
	baseline := newPlainBM25(t, corpusDir)
	var all []Question
	for _, path := range questionFiles {
		qs := readQuestionFile(t, path)
		all = append(all, qs...)
		ours, theirs := runBoth(t, store, baseline, qs)
		t.Logf("%s: recall@5 / MRR@10: Lectern %.3f / %.3f, plain BM25 %.3f / %.3f",
			path, ours.Recall["5"], ours.MRR, theirs.Recall["5"], theirs.MRR)
		if ours.Recall["5"] < theirs.Recall["5"]-maxTrail {
			t.Errorf("%s: recall@5 %.3f trails plain BM25's %.3f by more than %.2f", path, ours.Recall["5"], theirs.Recall["5"], maxTrail)
		}
		if ours.MRR < theirs.MRR-maxTrail {
			t.Errorf("%s: MRR@10 %.3f trails plain BM25's %.3f by more than %.2f", path, ours.MRR, theirs.MRR, maxTrail)
		}
	}
	ours, theirs := runBoth(t, store, baseline, all)
	t.Logf("all %d questions: recall@5 / MRR@10: Lectern %.3f / %.3f, plain BM25 %.3f / %.3f",
		len(all), ours.Recall["5"], ours.MRR, theirs.Recall["5"], theirs.MRR)
	if ours.Recall["5"] < theirs.Recall["5"] {
		t.Errorf("all sets: recall@5 %.3f is below plain BM25's %.3f", ours.Recall["5"], theirs.Recall["5"])
	}
	if ours.MRR <= theirs.MRR {
		t.Errorf("all sets: MRR@10 %.3f does not beat plain BM25's %.3f", ours.MRR, theirs.MRR)
	}
}

// runBoth evaluates the store and the baseline on the same questions.
func runBoth(t *testing.T, store, baseline Searcher, qs []Question) (ours, theirs Report) {
	t.Helper()
	ctx := context.Background()
	ours, err := Run(ctx, store, qs)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err = Run(ctx, baseline, qs)
	if err != nil {
		t.Fatal(err)
	}
	return ours, theirs
}
