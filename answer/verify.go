package answer

import (
	"context"
	"log/slog"

	"github.com/lectern/lectern/retrieval"
)

// verifier asks a fact-checking model whether passages support sentences.
type verifier struct{}

func (v *verifier) verifyAll(ctx context.Context, log *slog.Logger, sents []answerSentence, cover [][]int, passages []retrieval.Passage, which []int, verdicts []supportVerdict, local func(int) supportVerdict) {
	for _, i := range which {
		verdicts[i] = local(i)
	}
}
