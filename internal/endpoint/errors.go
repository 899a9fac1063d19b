package endpoint

import (
	"cmp"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"

	openai "github.com/sashabaranov/go-openai"
)

// Kind says what went wrong with an endpoint.
type Kind string

// The kinds of Error.
const (
	// KindUnreachable: no connection (refused, reset, unknown host).
	KindUnreachable Kind = "unreachable"
	// KindTimeout: no complete answer within the time allowed.
	KindTimeout Kind = "timeout"
	// KindCancelled: the caller gave up.
	KindCancelled Kind = "cancelled"
	// KindServer: the endpoint failed (status 5xx or 408, or an error
	// event mid-stream).
	KindServer Kind = "server_error"
	// KindCut: the stream ended in the middle of the answer.
	KindCut Kind = "cut_off"
	// KindAuth: the API key was refused or is missing (status 401 or 403).
	KindAuth Kind = "unauthorized"
	// KindModel: the endpoint does not serve the model (status 404 with an
	// OpenAI error).
	KindModel Kind = "unknown_model"
	// KindNotFound: nothing OpenAI-compatible answers at the address
	// (status 404 without an OpenAI error): base_url is wrong.
	KindNotFound Kind = "not_found"
	// KindRateLimit: too many requests (status 429).
	KindRateLimit Kind = "rate_limited"
	// KindBadReply: the reply is not what an OpenAI-compatible endpoint
	// sends.
	KindBadReply Kind = "bad_reply"
	// KindRejected: the request was refused (another status 4xx).
	KindRejected Kind = "rejected"
)

// ErrNotAStream is the failure of a streamed call whose reply ended with
// no chunk and no end of stream: the endpoint does not stream.
var ErrNotAStream = errors.New("the reply is not an event stream of chat completion chunks")

// Error is a failed call to an endpoint. Its Error is for logs and the
// command line: what was being done, at which endpoint, what went wrong;
// Message is one sentence for a user. Neither holds the API key.
type Error struct {
	// Operation is what was being done ("embed 64 texts", "answer").
	Operation string
	// URL is the endpoint's base URL, without credentials or query.
	URL string
	// Model is the model that was asked for.
	Model string
	// Kind says what went wrong.
	Kind Kind
	// Status is the HTTP status of the last reply, or 0.
	Status int
	// Attempts is how many requests were sent.
	Attempts int
	// Reason says what went wrong, in words, secrets removed.
	Reason string
	// Err is the underlying error (go-openai's, the network's or the
	// context's), its message redacted.
	Err error
}

// Error is `OPERATION with model "M" at URL: REASON (gave up after N
// attempts)`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(cmp.Or(e.Operation, "call the endpoint"))
	if e.Model != "" {
		fmt.Fprintf(&b, " with model %q", e.Model)
	}
	reason := e.Reason
	if reason == "" { // an Error made by hand
		reason = string(e.Kind)
		if e.Err != nil {
			reason += ": " + e.Err.Error()
		}
	}
	fmt.Fprintf(&b, " at %s: %s", e.URL, reason)
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (gave up after %d attempts)", e.Attempts)
	}
	return b.String()
}

// Unwrap returns the underlying error, so that errors.Is(err,
// context.Canceled) and errors.As(err, new(*openai.APIError)) work.
func (e *Error) Unwrap() error { return e.Err }

// Message is one sentence for a user that says what went wrong and what to
// do, with no secrets and no details.
func (e *Error) Message() string {
	switch e.Kind {
	case KindAuth:
		return "The language model rejected the API key."
	case KindModel:
		return fmt.Sprintf("The model %q is not available at %s.", e.Model, e.URL)
	case KindNotFound:
		return fmt.Sprintf("No language model answers at %s; check base_url.", e.URL)
	case KindRateLimit:
		return fmt.Sprintf("The language model at %s is busy; try again in a minute.", e.URL)
	case KindBadReply:
		return fmt.Sprintf("The language model at %s sent a reply Lectern cannot read.", e.URL)
	case KindRejected:
		return fmt.Sprintf("The language model at %s refused the question; the details are in the log.", e.URL)
	case KindCancelled:
		return "The question was cancelled."
	}
	return fmt.Sprintf("The language model at %s is not answering; try again in a minute.", e.URL)
}

// classify describes the failure of one attempt and reports whether
// another attempt may succeed. partial says part of a streamed answer had
// arrived; reply is what came back, if anything.
func (c *Client) classify(err error, partial bool, reply *Reply) (*Error, bool) {
	e := &Error{URL: c.url, Model: c.cfg.Model, Status: httpStatus(err), Err: RedactError(err, c.cfg.APIKey)}
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var netErr net.Error
	switch {
	case errors.As(err, &apiErr) && apiErr.HTTPStatusCode != 0:
		return e, c.describeStatus(e, reply, apiErr.HTTPStatus, apiErr.Message, true)
	case errors.As(err, &reqErr) && reqErr.HTTPStatusCode != 0:
		return e, c.describeStatus(e, reply, reqErr.HTTPStatus, string(reqErr.Body), false)
	case errors.As(err, &apiErr): // an error event in the middle of a stream
		e.Kind, e.Reason = KindServer, "the endpoint failed in the middle of the answer"+c.serverSaid(apiErr.Message)
		return e, false
	case errors.Is(err, errAttemptTimeout):
		e.Kind, e.Reason = KindTimeout, fmt.Sprintf("the endpoint did not answer within %s", c.cfg.AttemptTimeout)
		return e, true
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Kind, e.Reason = KindUnreachable, "the endpoint is not answering (connection refused)"
		return e, true
	case errors.As(err, &dnsErr):
		e.Kind, e.Reason = KindUnreachable, fmt.Sprintf("the host %q cannot be found", dnsErr.Name)
		return e, !dnsErr.IsNotFound
	case errors.As(err, &certErr):
		e.Kind, e.Reason = KindUnreachable, "the endpoint's TLS certificate cannot be trusted"
		return e, false
	case errors.As(err, &syntaxErr), errors.As(err, &typeErr), errors.Is(err, openai.ErrTooManyEmptyStreamMessages), errors.Is(err, ErrNotAStream):
		e.Kind, e.Reason = KindBadReply, "the reply is not an OpenAI-compatible response ("+c.redact(err.Error())+")"
		return e, false
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		if partial {
			e.Kind, e.Reason = KindCut, "the stream ended in the middle of the answer"
			return e, false
		}
		e.Kind, e.Reason = KindUnreachable, "the connection was cut before the answer was complete"
		return e, true
	case errors.As(err, &netErr) && netErr.Timeout():
		e.Kind, e.Reason = KindTimeout, "the endpoint did not answer in time ("+c.redact(rootCause(err).Error())+")"
		return e, true
	case errors.As(err, &netErr):
		e.Kind, e.Reason = KindUnreachable, "the endpoint cannot be reached ("+c.redact(rootCause(err).Error())+")"
		return e, true
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind, e.Reason = KindTimeout, "ran out of time"
		return e, false
	}
	e.Kind, e.Reason = KindUnreachable, c.redact(err.Error())
	return e, false
}

// describeStatus fills e from an HTTP error status and reports whether
// another attempt may succeed. message is the server's, from its JSON
// error or its raw body.
func (c *Client) describeStatus(e *Error, reply *Reply, statusText, message string, fromJSON bool) bool {
	status := e.Status
	if statusText == "" {
		statusText = strconv.Itoa(status) + " " + http.StatusText(status)
	}
	said := c.serverSaid(message)
	switch {
	case status == http.StatusUnauthorized && c.cfg.APIKey == "":
		e.Kind, e.Reason = KindAuth, fmt.Sprintf("the endpoint wants an API key and none is set (%s)", statusText)
	case status == http.StatusUnauthorized:
		e.Kind, e.Reason = KindAuth, fmt.Sprintf("the endpoint rejected the API key (%s)", statusText)
	case status == http.StatusForbidden:
		e.Kind, e.Reason = KindAuth, fmt.Sprintf("the endpoint refused access with this API key (%s)%s", statusText, said)
	case status == http.StatusNotFound && fromJSON:
		e.Kind, e.Reason = KindModel, fmt.Sprintf("model %q is not available at this endpoint (%s)%s", c.cfg.Model, statusText, said)
	case status == http.StatusNotFound:
		at := c.url
		if reply != nil && reply.requestURL != "" {
			at = reply.requestURL
		}
		e.Kind, e.Reason = KindNotFound, fmt.Sprintf("nothing answers at %s (%s): check base_url, which usually ends in /v1", at, statusText)
	case status == http.StatusRequestEntityTooLarge:
		e.Kind, e.Reason = KindRejected, fmt.Sprintf("the request is too large for the endpoint (%s): lower batch_size", statusText)
	case status == http.StatusTooManyRequests:
		e.Kind, e.Reason = KindRateLimit, fmt.Sprintf("the endpoint is rate limiting requests (%s)%s", statusText, said)
		return true
	case status == http.StatusRequestTimeout || status >= 500:
		e.Kind, e.Reason = KindServer, fmt.Sprintf("the endpoint failed (%s)%s", statusText, said)
		return true
	default:
		e.Kind, e.Reason = KindRejected, fmt.Sprintf("the endpoint refused the request (%s)%s", statusText, said)
	}
	return false
}

// serverSaid quotes the start of the server's message, secrets removed,
// for the end of a reason: `: "..."`, or "" when there is none.
func (c *Client) serverSaid(message string) string {
	message = strings.Join(strings.Fields(c.redact(message)), " ")
	if message == "" {
		return ""
	}
	if r := []rune(message); len(r) > 200 {
		message = string(r[:200]) + "…"
	}
	return ": " + strconv.Quote(message)
}

// redact removes the API key from text that came from elsewhere.
func (c *Client) redact(text string) string { return Redact(text, c.cfg.APIKey) }

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

// rootCause is the innermost wrapped error.
func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
