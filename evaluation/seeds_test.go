package evaluation

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestRetrievalOnTheSeeds is the quality gate of retrieval: the seed corpus
// indexed with the built-in local embedder, then each question set asked.
// questions.jsonl is the set retrieval may be tuned on; holdout.jsonl is
// never tuned on, so that tuning which over-fits the first set shows up
// here.
//
// The target is recall@5 ≥ 0.95 and MRR@10 ≥ 0.90. These sets (65 and 27
// questions) are paraphrased rather than copied from the text, which is
// hard for a model-free embedder: retrieval reaches recall@5 0.969, MRR@10
// 0.836 on the tuning set and 0.926, 0.826 on the holdout set. The tuning
// set's recall floor is the target; the other floors are today's figures
// less a margin of about one question, so that a regression fails the
// test. literal.jsonl (38 questions worded closer to the text, the
// project's first set, at recall@5 1.000 and MRR@10 0.914) is held to the
// target in full. fresh.jsonl (29 questions written blind, run once after
// the tuning: recall@5 0.724, MRR@10 0.683) is an honest estimate for a
// new set of paraphrased questions. blind_near.jsonl and
// blind_paraphrased.jsonl (31 and 32 questions) were written blind too, one
// worded as a reader with the article open would ask (recall@5 1.000,
// MRR@10 0.984: held to the target), one as a reader would ask from memory
// a week later, in their own words (0.594, 0.510 when first run; 0.688,
// 0.560 once question words no passage uses were searched as their
// synonyms). blind2_open.jsonl and blind2_memory.jsonl (24 and 35) were
// written the same two ways after all that and run once: 1.000, 0.979
// (held to the target) and 0.829, 0.683.
// TestRetrievalBeatsPlainBM25 (baseline_test.go) compares every set with
// plain BM25.
// The figures retrieval should reach on the seeds.
const (
	targetRecall5 = 0.95
	targetMRR     = 0.90
)

func TestRetrievalOnTheSeeds(t *testing.T) {
	ctx := context.Background()
	store := seedStore(t)
	tests := []struct {
		name      string
		path      string
		minRecall float64 // recall@5
		minMRR    float64 // MRR@10
	}{
		{"tuning set", questionsFile, targetRecall5, 0.78},
		{"holdout set", holdoutFile, 0.89, 0.80},
		{"literal set", literalFile, targetRecall5, targetMRR},
		{"fresh set", freshFile, 0.69, 0.65},
		{"blind set, worded near the text", nearFile, targetRecall5, targetMRR},
		{"blind set, paraphrased", paraFile, 0.65, 0.53},
		{"second blind set, worded near the text", openFile, targetRecall5, targetMRR},
		{"second blind set, asked from memory", memoryFile, 0.80, 0.65},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Run(ctx, store, readQuestionFile(t, tt.path))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := rep.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s:\n%s", tt.path, b.String())
			if rep.Recall["5"] < targetRecall5 || rep.MRR < targetMRR {
				t.Logf("below the target of recall@5 %.2f and MRR@10 %.2f", targetRecall5, targetMRR)
			}
			if got := rep.Recall["5"]; got < tt.minRecall {
				t.Errorf("recall@5 = %.3f, want at least %.2f", got, tt.minRecall)
			}
			if rep.MRR < tt.minMRR {
				t.Errorf("MRR@10 = %.3f, want at least %.2f", rep.MRR, tt.minMRR)
			}
		})
	}
}

// seedStore indexes the seeds with the built-in local embedder in a
// temporary data folder.
func seedStore(t *testing.T) *retrieval.Store {
	t.Helper()
	ctx := context.Background()
	store, err := retrieval.OpenStore(ctx, retrieval.StoreConfig{
		DataDir:   t.TempDir(),
		CorpusDir: corpusDir,
		Embedder:  retrieval.NewLocalEmbedder(),
		Logger:    slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return store
}
