package answer

import (
	"context"
	"errors"

	"github.com/lectern/lectern/internal/endpoint"
	"github.com/lectern/lectern/retrieval"
)

// ErrorKind says what went wrong with a chat endpoint.
type ErrorKind = endpoint.Kind

// The kinds of EndpointError.
const (
	KindUnreachable = endpoint.KindUnreachable
	KindTimeout     = endpoint.KindTimeout
	KindServer      = endpoint.KindServer
	KindCut         = endpoint.KindCut
	KindAuth        = endpoint.KindAuth
	KindModel       = endpoint.KindModel
	KindRateLimit   = endpoint.KindRateLimit
	KindBadReply    = endpoint.KindBadReply
	KindRejected    = endpoint.KindRejected
)

// EndpointError is a failure of the chat endpoint: the endpoint client's
// one error type. Its Error is for logs; Message is the sentence for the
// asker.
type EndpointError = endpoint.Error

// UserMessage turns an error from Ask into one short sentence for the
// asker, with no details and no secrets; the details belong in the log.
func UserMessage(err error) string {
	var ee *EndpointError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ee):
		return ee.Message()
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
