package answer

import (
	"context"
	"errors"

	"github.com/lectern/lectern/retrieval"
)

// generate is written next; until then an endpoint is an error.
func (a *Answerer) generate(ctx context.Context, question string, history []Turn, passages []retrieval.Passage, onPartial func(string)) (Answer, error) {
	return Answer{}, errors.New("generated answers are not implemented yet")
}
