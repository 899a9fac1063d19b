package answer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/retrieval"
)

// ErrorKind says what went wrong with a chat endpoint.
type ErrorKind string

// The kinds of EndpointError.
const (
	// KindUnreachable: no connection (refused, reset, unknown host).
	KindUnreachable ErrorKind = "unreachable"
	// KindTimeout: no complete answer within the configured timeout.
	KindTimeout ErrorKind = "timeout"
	// KindServer: the endpoint failed (status 5xx, or an error mid-stream).
	KindServer ErrorKind = "server_error"
	// KindCut: the stream ended in the middle of the answer.
	KindCut ErrorKind = "cut_off"
	// KindAuth: the API key was refused (status 401 or 403).
	KindAuth ErrorKind = "unauthorized"
	// KindModel: the endpoint does not serve the model (status 404).
	KindModel ErrorKind = "unknown_model"
	// KindRateLimit: too many requests (status 429).
	KindRateLimit ErrorKind = "rate_limited"
	// KindBadReply: the reply is not an OpenAI-compatible stream.
	KindBadReply ErrorKind = "bad_reply"
	// KindRejected: the request was refused (another status 4xx).
	KindRejected ErrorKind = "rejected"
)

// EndpointError is a failure of the chat endpoint. Its Error is for logs;
// Message is the sentence for the asker.
type EndpointError struct {
	// URL is the endpoint's base URL, without credentials or query.
	URL string
	// Model is the model that was asked for.
	Model string
	// Kind says what went wrong.
	Kind ErrorKind
	// Status is the HTTP status of the reply, or 0.
	Status int
	// Err is the error of the HTTP call or of the stream.
	Err error
}

// Error describes the failure for the log.
func (e *EndpointError) Error() string {
	return fmt.Sprintf("chat endpoint %s (model %q): %s: %v", e.URL, e.Model, e.Kind, e.Err)
}

// Unwrap returns the underlying error.
func (e *EndpointError) Unwrap() error { return e.Err }

// redactedError is an error whose message has a secret (the API key)
// replaced: a server may repeat the key it refused in its error body
// ("Incorrect API key provided: sk-…"), and that body becomes the message
// of go-openai's error. errors.As and errors.Is still see the original.
type redactedError struct {
	err    error
	secret string
}

// redact hides secret in err's message; an empty secret changes nothing.
func redact(err error, secret string) error {
	if secret == "" || err == nil {
		return err
	}
	return &redactedError{err: err, secret: secret}
}

// Error is the original message with the secret replaced by "[api key]".
func (e *redactedError) Error() string {
	return strings.ReplaceAll(e.err.Error(), e.secret, "[api key]")
}

// Unwrap returns the original error.
func (e *redactedError) Unwrap() error { return e.err }

// Message is one sentence for the asker that says what went wrong and what
// to do, with no secrets.
func (e *EndpointError) Message() string {
	switch e.Kind {
	case KindAuth:
		return "The language model rejected the API key."
	case KindModel:
		return fmt.Sprintf("The model %q is not available at %s.", e.Model, e.URL)
	case KindRateLimit:
		return fmt.Sprintf("The language model at %s is busy; try again in a minute.", e.URL)
	case KindBadReply:
		return fmt.Sprintf("The language model at %s sent a reply Lectern cannot read.", e.URL)
	case KindRejected:
		return fmt.Sprintf("The language model at %s refused the question; the details are in the log.", e.URL)
	}
	return fmt.Sprintf("The language model at %s is not answering; try again in a minute.", e.URL)
}

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

// classify reads what kind of failure err is. timedOut says the call's own
// deadline has passed; partial says part of an answer had arrived.
func classify(err error, timedOut, partial bool) (ErrorKind, int) {
	status := httpStatus(err)
	var apiErr *openai.APIError
	errors.As(err, &apiErr)
	switch {
	case status == 401 || status == 403:
		return KindAuth, status
	case status == 404:
		return KindModel, status
	case status == 429:
		return KindRateLimit, status
	case status >= 500:
		return KindServer, status
	case status >= 400:
		return KindRejected, status
	case timedOut || errors.Is(err, context.DeadlineExceeded):
		return KindTimeout, status
	case apiErr != nil: // an error event in the stream
		return KindServer, status
	}
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntaxErr), errors.As(err, &typeErr), errors.Is(err, openai.ErrTooManyEmptyStreamMessages), errors.Is(err, errNotAStream):
		return KindBadReply, status
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET):
		if partial {
			return KindCut, status
		}
		return KindUnreachable, status
	}
	var netErr net.Error
	var urlErr *url.Error
	if errors.As(err, &netErr) || errors.As(err, &urlErr) {
		return KindUnreachable, status
	}
	return KindUnreachable, status
}

// httpStatus is the HTTP status of the endpoint's reply that err reports,
// or 0.
func httpStatus(err error) int {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.HTTPStatusCode
	case errors.As(err, &reqErr):
		return reqErr.HTTPStatusCode
	}
	return 0
}

// displayURL is a base URL fit to show: no user, password, query or
// fragment.
func displayURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "the configured address"
	}
	u.User, u.RawQuery, u.Fragment, u.ForceQuery = nil, "", "", false
	return u.String()
}
