// Package endpoint is Lectern's one client for OpenAI-compatible HTTP
// endpoints (Ollama, llama.cpp's server, vLLM, LM Studio, OpenAI), over
// go-openai, for the chat answerer and the embedder alike: one retry policy
// (Retry-After honoured), one error type that says what went wrong in
// words and never holds the API key, one way to show a base URL.
package endpoint

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v4"
	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/retryafter"
)

// Config configures a Client. BaseURL is required.
type Config struct {
	// BaseURL is the endpoint's base URL with its /v1, e.g.
	// http://127.0.0.1:11434/v1.
	BaseURL string
	// Model is the model asked for; it is named in errors.
	Model string
	// APIKey is sent as a bearer token when not empty. It never appears in
	// an Error or a log line.
	APIKey string
	// Retry says when a failed request is sent again.
	Retry Retry
	// AttemptTimeout bounds each attempt; zero leaves the caller's context
	// as the only bound (a streamed reply outlives Call, so a chat call
	// bounds the whole exchange itself).
	AttemptTimeout time.Duration
	// HTTPClient sends the requests; nil means a new http.Client.
	HTTPClient *http.Client
	// Logger hears of every retry; nil means a logger that discards.
	Logger *slog.Logger
	// Sleep waits d or until ctx ends, whichever is first, and returns
	// ctx's error if it ended; nil means a timer. Tests replace it, so
	// that no retry spec waits on the clock.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the time, for Retry-After dates; nil means time.Now.
	Now func() time.Time
}

// Retry is the retry policy: a request that failed for a passing reason
// (rate limited, server error, timeout, network) is sent again, up to
// Attempts requests in all, waiting what the endpoint asks (Retry-After),
// else an exponential backoff from FirstWait. A wait over MaxWait, or one
// that would outlast the caller's deadline, is not waited: the last failure
// is returned at once.
type Retry struct {
	// Attempts is the most requests sent for one call; below 1 means 1.
	Attempts int
	// FirstWait is the first backoff; each next one is half as long again,
	// give or take half (jitter).
	FirstWait time.Duration
	// MaxWait is the longest single wait.
	MaxWait time.Duration
}

// Client calls one OpenAI-compatible endpoint. It is safe for concurrent
// use.
type Client struct {
	cfg  Config
	url  string // BaseURL fit to show
	http *http.Client
	log  *slog.Logger
}

// New checks cfg and returns a client. It does not contact the endpoint.
func New(cfg Config) (*Client, error) {
	cfg.BaseURL = strings.TrimRight(strings.TrimSpace(cfg.BaseURL), "/")
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("base_url %q is not an http:// or https:// URL", DisplayURL(cfg.BaseURL))
	}
	cfg.Retry.Attempts = max(cfg.Retry.Attempts, 1)
	if cfg.Retry.FirstWait <= 0 {
		cfg.Retry.FirstWait = 500 * time.Millisecond
	}
	if cfg.Retry.MaxWait <= 0 {
		cfg.Retry.MaxWait = time.Minute
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	c := &Client{cfg: cfg, url: DisplayURL(cfg.BaseURL), http: cfg.HTTPClient, log: cfg.Logger}
	if c.http == nil {
		c.http = &http.Client{}
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	return c, nil
}

// URL is the base URL fit to show: no credentials, query or fragment.
func (c *Client) URL() string { return c.url }

// Reply is what the HTTP client saw of the reply to a call's last attempt:
// its headers, and, for a streamed reply, whether the stream has sent its
// closing "data: [DONE]" so far.
type Reply struct {
	// Header holds the reply's headers; nil when no reply came.
	Header     http.Header
	requestURL string // the address the last request went to, fit to show
	watch      *doneWatch
}

// SawDone reports whether the bytes of the reply read so far hold the
// closing "data: [DONE]" of an event stream: a stream that ends without it
// was cut short.
func (r *Reply) SawDone() bool { return r != nil && r.watch != nil && r.watch.seen.Load() }

// Call runs send, which makes one request through the go-openai client it
// is given, and runs it again while the failure may pass, as the retry
// policy says. operation names what is being done, for errors and logs
// ("embed 64 texts"). It returns the reply to the last attempt and, on
// failure, an *Error.
func (c *Client) Call(ctx context.Context, operation string, send func(ctx context.Context, api *openai.Client) error) (*Reply, error) {
	policy := backoff.NewExponentialBackOff(
		backoff.WithInitialInterval(c.cfg.Retry.FirstWait),
		backoff.WithMaxInterval(c.cfg.Retry.MaxWait),
		backoff.WithMaxElapsedTime(0),
	)
	var last *Error
	for attempt := 1; ; attempt++ {
		reply := &Reply{watch: &doneWatch{}}
		err := c.attempt(ctx, reply, send)
		if err == nil {
			return reply, nil
		}
		if ctx.Err() != nil { // the caller gave up or ran out of time
			return reply, c.ended(ctx, operation, attempt, last)
		}
		e, retry := c.classify(err, false, reply)
		e.Operation, e.Attempts = operation, attempt
		last = e
		if !retry || attempt >= c.cfg.Retry.Attempts {
			return reply, e
		}
		wait, asked := retryafter.Parse(reply.Header, c.cfg.Now())
		if !asked {
			wait = policy.NextBackOff()
		}
		if asked && wait > c.cfg.Retry.MaxWait {
			e.Reason += fmt.Sprintf(", and it asks to wait %s before trying again", wait.Round(time.Second))
			return reply, e
		}
		if deadline, ok := ctx.Deadline(); ok && deadline.Sub(c.cfg.Now()) <= wait {
			e.Reason += fmt.Sprintf(", and the time left is shorter than the %s to wait before trying again", wait.Round(time.Millisecond))
			return reply, e
		}
		c.log.Warn("the endpoint failed; trying again", "url", c.url, "model", c.cfg.Model, "operation", operation,
			"attempt", attempt+1, "of", c.cfg.Retry.Attempts, "status", e.Status, "reason", e.Reason, "wait", wait)
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return reply, c.ended(ctx, operation, attempt, last)
		}
	}
}

// attempt sends one request, its reply watched.
func (c *Client) attempt(ctx context.Context, reply *Reply, send func(context.Context, *openai.Client) error) error {
	oc := openai.DefaultConfig(c.cfg.APIKey)
	oc.BaseURL = c.cfg.BaseURL
	oc.HTTPClient = watcher{client: c.http, reply: reply}
	api := openai.NewClientWithConfig(oc)
	if c.cfg.AttemptTimeout <= 0 {
		return send(ctx, api)
	}
	actx, cancel := context.WithTimeoutCause(ctx, c.cfg.AttemptTimeout, errAttemptTimeout)
	defer cancel()
	err := send(actx, api)
	if err != nil && context.Cause(actx) == errAttemptTimeout && ctx.Err() == nil {
		err = fmt.Errorf("%w: %w", errAttemptTimeout, err)
	}
	return err
}

// errAttemptTimeout marks a failure of an attempt that ran out of its
// AttemptTimeout.
var errAttemptTimeout = errors.New("the attempt ran out of time")

// ended is the error of a call whose context ended: cancelled, or out of
// time, after the last failure if there was one.
func (c *Client) ended(ctx context.Context, operation string, attempts int, last *Error) *Error {
	e := &Error{Operation: operation, URL: c.url, Model: c.cfg.Model, Attempts: attempts, Err: ctx.Err()}
	e.Kind, e.Reason = KindCancelled, "cancelled"
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		e.Kind, e.Reason = KindTimeout, "ran out of time"
	}
	if last != nil {
		e.Reason += " while retrying after: " + last.Reason
		e.Status = last.Status
	}
	return e
}

// Fail describes a failure that happened after Call returned, while the
// reply of a stream was being read. partial says some of the answer had
// arrived. ctx is the context the stream was read with.
func (c *Client) Fail(ctx context.Context, operation string, err error, partial bool) *Error {
	if ctx.Err() != nil {
		e := c.ended(ctx, operation, 1, nil)
		if partial {
			e.Reason += " in the middle of the answer"
		}
		return e
	}
	e, _ := c.classify(err, partial, nil)
	e.Operation, e.Attempts = operation, 1
	return e
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// DisplayURL is a base URL fit to show: no user, password, query or
// fragment. What does not parse as a URL with a host is "the configured
// address".
func DisplayURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "the configured address"
	}
	u.User, u.RawQuery, u.Fragment, u.ForceQuery = nil, "", "", false
	return u.String()
}
