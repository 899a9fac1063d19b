package answer

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestAnswersOverTheRealIndex asks the real index of seeds/ (local
// embedder, hybrid search) what the unit tests ask the seed searcher.
func TestAnswersOverTheRealIndex(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	store, err := retrieval.OpenStore(ctx, retrieval.StoreConfig{DataDir: t.TempDir(), CorpusDir: "../seeds", Embedder: retrieval.NewLocalEmbedder(), Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	a := New(store, Config{Logger: quiet})
	for _, tt := range []struct {
		question string
		want     []string
	}{
		{"What are the Three Nos?", []string{"no military alliance with any foreign power"}},
		{"Who wrote the article on party-to-party ties?", []string{"Lye Liang Fook"}},
		{"When did Xi visit Hanoi?", []string{"December 12, 2023"}},
		{"What did Trong receive from Xi?", []string{"Friendship Medal"}},
		{"What percentage of Vietnamese chose the United States?", []string{"56.9 percent chose the United States", "73.6 percent of Vietnamese chose the United States"}},
		{"How many agreements did China and Vietnam sign during Xi's visit?", []string{"36 agreements"}},
		{"What security assistance did the United States give Vietnam?", []string{"$60 million in security assistance"}},
	} {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(ctx, Request{Question: tt.question}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeExtractive || !containsAny(ans.Text, tt.want) {
				t.Errorf("%s answer lacks any of %q:\n%s", ans.Mode, tt.want, ans.Text)
			}
			checkAnswer(t, ans, nil)
		})
	}
	t.Run("follow-up", func(t *testing.T) {
		ans, err := a.Ask(ctx, Request{Question: "and who wrote it?", History: []Turn{{Question: "What are the Three Nos?"}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !containsAny(ans.Text, []string{"Heydarian"}) {
			t.Errorf("%s answer does not name the author of the Three Nos article:\n%s", ans.Mode, ans.Text)
		}
		checkAnswer(t, ans, nil)
	})
	for _, q := range notFoundQuestions {
		t.Run(q, func(t *testing.T) {
			ans, err := a.Ask(ctx, Request{Question: q}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeNotFound {
				t.Errorf("mode %s, want not_found: %q", ans.Mode, ans.Text)
			}
		})
	}
}
