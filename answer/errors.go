package answer

import (
	"context"
	"errors"

	"github.com/lectern/lectern/retrieval"
)

// UserMessage turns an error from Ask into one short sentence for the
// asker, with no details and no secrets; the details belong in the log.
func UserMessage(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrEmptyQuestion):
		return "Ask a question in words, for example: What are the Three Nos?"
	case errors.Is(err, retrieval.ErrNoIndex):
		return "The reading list has not been indexed yet; a moderator can run /reindex."
	case errors.Is(err, context.DeadlineExceeded):
		return "Answering took too long; try again in a minute."
	case errors.Is(err, context.Canceled):
		return "The question was cancelled."
	}
	return "Something went wrong while answering; the details are in the log."
}
