package openaitest

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// faultKind says how a Fault breaks a request.
type faultKind int

const (
	kindStatus faultKind = iota + 1
	kindMalformed
	kindSlow
	kindCut
	kindStall
	kindStreamError
	kindMissingVector
	kindRaggedVectors
	kindReordered
)

// Fault is one scripted failure, consumed by one request. Build it with the
// functions of this package (BadKey, RateLimited, Slow, CutStream, ...).
type Fault struct {
	kind faultKind
	// Status is the HTTP status of an error reply.
	Status int
	// Type and Code fill OpenAI's error JSON; Code "model_not_found" with
	// an empty Message names the model the request asked for.
	Type, Code string
	// Message is the error's message.
	Message string
	// RetryAfter, when positive, is sent as a Retry-After header in whole
	// seconds (rounded up), plus retry-after-ms when it is not a whole
	// number of seconds.
	RetryAfter time.Duration
	// Delay is how long Slow holds the response back.
	Delay time.Duration
	// After is how many content deltas a cut, stalled or failing stream
	// sends before it breaks.
	After int
}

// WithRetryAfter returns the fault with a Retry-After header.
func (f Fault) WithRetryAfter(d time.Duration) Fault {
	f.RetryAfter = d
	return f
}

// String names the fault in test output.
func (f Fault) String() string {
	switch f.kind {
	case kindStatus:
		return "status " + strconv.Itoa(f.Status)
	case kindMalformed:
		return "malformed body"
	case kindSlow:
		return "slow " + f.Delay.String()
	case kindCut:
		return fmt.Sprintf("cut after %d deltas", f.After)
	case kindStall:
		return fmt.Sprintf("stall after %d deltas", f.After)
	case kindStreamError:
		return fmt.Sprintf("stream error after %d deltas", f.After)
	case kindMissingVector:
		return "one vector missing"
	case kindRaggedVectors:
		return "vectors of different lengths"
	case kindReordered:
		return "vectors in reverse order"
	}
	return "no fault"
}

// Status is a reply with the HTTP status and OpenAI's error JSON.
func Status(status int, typ, code, message string) Fault {
	return Fault{kind: kindStatus, Status: status, Type: typ, Code: code, Message: message}
}

// BadKey is 401 invalid_api_key, as for a wrong API key.
func BadKey() Fault {
	return Status(http.StatusUnauthorized, "invalid_request_error", "invalid_api_key",
		"Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.")
}

// UnknownModel is 404 model_not_found for the model the request names.
func UnknownModel() Fault {
	return Status(http.StatusNotFound, "invalid_request_error", "model_not_found", "")
}

// RateLimited is 429 rate_limit_exceeded with Retry-After (none when
// retryAfter is 0).
func RateLimited(retryAfter time.Duration) Fault {
	return Status(http.StatusTooManyRequests, "requests", "rate_limit_exceeded",
		"Rate limit reached for requests. Please try again later.").WithRetryAfter(retryAfter)
}

// InternalError is 500 server_error.
func InternalError() Fault {
	return Status(http.StatusInternalServerError, "server_error", "",
		"The server had an error while processing your request. Sorry about that!")
}

// Unavailable is 503, as from an overloaded server or one still loading the
// model.
func Unavailable() Fault {
	return Status(http.StatusServiceUnavailable, "server_error", "",
		"The engine is currently overloaded, please try again later.")
}

// Malformed is status 200 with a body that is not valid JSON (on a streaming
// chat request: an event whose data is not valid JSON).
func Malformed() Fault { return Fault{kind: kindMalformed} }

// Slow holds the response back for d, then answers normally; a zero d means
// until the client gives up. When the request is cancelled or the server
// closes first, it drops the connection at once.
func Slow(d time.Duration) Fault {
	if d <= 0 {
		d = time.Hour
	}
	return Fault{kind: kindSlow, Delay: d}
}

// CutStream drops the connection after `after` content deltas, without
// [DONE]. On a non-streaming request it drops the connection halfway
// through the JSON body.
func CutStream(after int) Fault { return Fault{kind: kindCut, After: after} }

// StallStream sends `after` content deltas and then nothing more until the
// client gives up or the server closes, and then drops the connection. On a
// non-streaming request it sends nothing at all.
func StallStream(after int) Fault { return Fault{kind: kindStall, After: after} }

// StreamError sends `after` content deltas and then an error event
// (data: {"error": ...}), as vLLM and OpenAI do when generation fails
// mid-stream. On a non-streaming request it is a 500.
func StreamError(after int, message string) Fault {
	return Fault{kind: kindStreamError, After: after, Status: http.StatusInternalServerError,
		Type: "server_error", Message: message}
}

// MissingVector answers an embeddings request with one vector fewer than
// texts.
func MissingVector() Fault { return Fault{kind: kindMissingVector} }

// RaggedVectors answers an embeddings request with vectors of different
// lengths (the last one is one shorter); it needs at least two texts.
func RaggedVectors() Fault { return Fault{kind: kindRaggedVectors} }

// Reordered answers an embeddings request with its data in reverse order,
// each item keeping its correct index, as OpenAI allows.
func Reordered() Fault { return Fault{kind: kindReordered} }

// applyHTTPFault handles the faults that do not depend on the endpoint
// (status, malformed, slow) and reports whether the response is finished.
// Slow holds back and then lets the request proceed.
func (s *Server) applyHTTPFault(w http.ResponseWriter, r *http.Request, f Fault) bool {
	switch f.kind {
	case kindStatus:
		writeError(w, f.Status, f.Type, f.Code, f.Message, f.RetryAfter)
		return true
	case kindMalformed:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"object": "list", "data": [{"object": "embedding", "embedding": [0.1, 0.2, oops]}]}`))
		return true
	case kindSlow:
		if !s.wait(r.Context(), f.Delay) {
			abort()
		}
	}
	return false
}

// abort drops the connection without finishing the response, so that the
// client sees a broken connection, never a short but complete reply.
func abort() { panic(http.ErrAbortHandler) }
