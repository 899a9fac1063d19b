package answer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/prompts"
)

// TestPromptsFitTheirBudgetOnTheQuestionSets measures the prompt every
// question of the sets would send (five passages of the seeds, and a
// reply chain of six earlier turns of 600 characters each, about what the
// bot passes on): all fit prompts.TokenBudget, and few need cutting.
func TestPromptsFitTheirBudgetOnTheQuestionSets(t *testing.T) {
	ctx := context.Background()
	store := seedStore(t)
	system, err := prompts.System(prompts.SystemData{NotFound: NotFoundText})
	if err != nil {
		t.Fatal(err)
	}
	var history []Turn
	for range 6 {
		history = append(history, Turn{Question: "What did the two leaders agree on in Beijing?", Answer: strings.Repeat("They agreed to deepen party ties [1]. ", 16)})
	}
	var sizes []int
	cut := 0
	for _, set := range []string{"literal", "blind_near", "blind2_open", "questions", "holdout", "fresh", "blind_paraphrased", "blind2_memory"} {
		for _, q := range readQuestions(t, "../testdata/"+set+".jsonl") {
			ps, err := store.Search(ctx, q, config.Default().Retrieval.TopK)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range [][]Turn{nil, history} {
				full := userData(q, h, ps)
				fit, err := prompts.Fit(system, full, prompts.TokenBudget)
				if err != nil {
					t.Fatal(err)
				}
				if len(fit.Passages) < len(full.Passages) || len(fit.History) < len(full.History) {
					cut++
				}
				user, _ := prompts.User(fit)
				n := prompts.EstimateTokens(system) + prompts.EstimateTokens(user)
				sizes = append(sizes, n)
				if n > prompts.TokenBudget {
					t.Errorf("%q: %d tokens, over the budget of %d", q, n, prompts.TokenBudget)
				}
			}
		}
	}
	slices.Sort(sizes)
	t.Logf("%d prompts: median %d, 95th percentile %d, largest %d estimated tokens; %d cut to fit %d", len(sizes),
		sizes[len(sizes)/2], sizes[len(sizes)*95/100], sizes[len(sizes)-1], cut, prompts.TokenBudget)
}
