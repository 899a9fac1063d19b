package retrieval

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/cenkalti/backoff/v4"
	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/retryafter"
)

// Defaults of OpenAIEmbedderConfig.
const (
	defaultEmbedBatchSize    = 64
	defaultEmbedTimeout      = 60 * time.Second
	defaultEmbedMaxRetries   = 3
	defaultEmbedRetryWait    = 500 * time.Millisecond
	defaultEmbedMaxRetryWait = time.Minute
)

// OpenAIEmbedderConfig configures an OpenAIEmbedder. Only BaseURL and Model
// are required.
type OpenAIEmbedderConfig struct {
	// BaseURL is the endpoint's base URL, e.g. http://127.0.0.1:11434/v1
	// for Ollama or https://api.openai.com/v1.
	BaseURL string
	// Model is the embedding model, e.g. "nomic-embed-text".
	Model string
	// APIKey is sent as a bearer token when set. It never appears in
	// errors or logs.
	APIKey string
	// BatchSize is how many texts one request carries. Default 64.
	BatchSize int
	// Timeout bounds each request, retries apart. Default 60s.
	Timeout time.Duration
	// MaxRetries is how many times a request that failed for a passing
	// reason (429, 5xx, timeout, network) is sent again. Zero means the
	// default, 3; a negative value means never.
	MaxRetries int
	// RetryWait is the first wait between attempts; it doubles with each
	// retry, unless the endpoint says how long to wait (Retry-After).
	// Default 500ms.
	RetryWait time.Duration
	// MaxRetryWait is the longest single wait. An endpoint asking for a
	// longer one (Retry-After) gets an error instead. Default 1m.
	MaxRetryWait time.Duration
	// HTTPClient sends the requests; nil means a new http.Client. Its own
	// Timeout, if any, applies as well as Timeout.
	HTTPClient *http.Client
	// Logger receives a warning for each retry; nil means slog.Default().
	Logger *slog.Logger
}

// OpenAIEmbedder embeds texts with any OpenAI-compatible /v1/embeddings
// endpoint (Ollama, llama.cpp's server, vLLM, LM Studio, OpenAI) through
// go-openai: in batches, with a timeout per request, and with retries and
// exponential backoff on rate limits, server errors and network errors,
// honouring Retry-After. Its vectors are normalised to unit length. It is
// safe for concurrent use.
type OpenAIEmbedder struct {
	cfg    OpenAIEmbedderConfig
	url    string // BaseURL as shown to users: no credentials, no query
	client *openai.Client
	log    *slog.Logger

	mu        sync.Mutex
	dimension int // of the vectors seen so far; 0 before the first
}

// NewOpenAIEmbedder checks the configuration and returns an embedder. It
// does not contact the endpoint.
func NewOpenAIEmbedder(cfg OpenAIEmbedderConfig) (*OpenAIEmbedder, error) {
	cfg.BaseURL = strings.TrimRight(strings.TrimSpace(cfg.BaseURL), "/")
	cfg.Model = strings.TrimSpace(cfg.Model)
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("embedding endpoint: base_url %q is not an http:// or https:// URL", displayURL(cfg.BaseURL))
	}
	if cfg.Model == "" {
		return nil, fmt.Errorf("embedding endpoint %s: no model is set", displayURL(cfg.BaseURL))
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = defaultEmbedBatchSize
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = defaultEmbedTimeout
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = defaultEmbedMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = defaultEmbedRetryWait
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = defaultEmbedMaxRetryWait
	}
	httpClient := cfg.HTTPClient
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	oc.HTTPClient = headerKeeper{httpClient}
	return &OpenAIEmbedder{
		cfg:    cfg,
		url:    displayURL(cfg.BaseURL),
		client: openai.NewClientWithConfig(oc),
		log:    logger,
	}, nil
}

// ID is "openai:" + model + "@" + base URL (without credentials or query,
// since the ID is stored and shown): a change of either embeds every chunk
// again.
func (e *OpenAIEmbedder) ID() string {
	return "openai:" + e.cfg.Model + "@" + e.url
}

// Embed returns one unit-length vector per text, in order, sending
// BatchSize texts per request.
func (e *OpenAIEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, 0, len(texts))
	batches := (len(texts) + e.cfg.BatchSize - 1) / e.cfg.BatchSize
	for b := range batches {
		batch := texts[b*e.cfg.BatchSize : min((b+1)*e.cfg.BatchSize, len(texts))]
		vectors, err := e.embedBatch(ctx, batch, b+1, batches)
		if err != nil {
			return nil, err
		}
		out = append(out, vectors...)
	}
	return out, nil
}

// embedBatch sends one batch, retrying while the failure may pass.
func (e *OpenAIEmbedder) embedBatch(ctx context.Context, batch []string, n, of int) ([][]float32, error) {
	fail := &EmbedError{URL: e.url, Model: e.cfg.Model, Texts: len(batch), Batch: n, Batches: of}
	policy := &retryAfterBackOff{BackOff: backoff.NewExponentialBackOff(
		backoff.WithInitialInterval(e.cfg.RetryWait),
		backoff.WithMaxInterval(e.cfg.MaxRetryWait),
		backoff.WithMaxElapsedTime(0),
	)}
	var vectors [][]float32
	attempt := func() error {
		fail.Attempts++
		v, err := e.request(ctx, batch, policy, fail)
		if err == nil {
			vectors = v
		}
		return err
	}
	notify := func(_ error, wait time.Duration) {
		e.log.Warn("embedding endpoint failed; retrying",
			"url", e.url, "model", e.cfg.Model, "texts", len(batch),
			"attempt", fail.Attempts, "status", fail.Status, "reason", fail.Reason, "wait", wait)
	}
	b := backoff.WithContext(backoff.WithMaxRetries(policy, uint64(e.cfg.MaxRetries)), ctx)
	if err := backoff.RetryNotify(attempt, b, notify); err == nil {
		return vectors, nil
	}
	// The error is fail itself, or the context's when it ended during a
	// wait between attempts.
	if cerr := ctx.Err(); cerr != nil {
		reason := "cancelled"
		if errors.Is(cerr, context.DeadlineExceeded) {
			reason = "ran out of time"
		}
		if fail.Reason != "" {
			reason += " while retrying after: " + fail.Reason
		}
		fail.Reason, fail.Status, fail.Err = reason, 0, cerr
	}
	return nil, fail
}

// request sends one attempt. It returns a backoff.Permanent error when
// trying again cannot help; either way fail describes the failure.
func (e *OpenAIEmbedder) request(ctx context.Context, batch []string, policy *retryAfterBackOff, fail *EmbedError) ([][]float32, error) {
	seen := &responseHeaders{}
	actx, cancel := context.WithTimeout(context.WithValue(ctx, responseHeadersKey{}, seen), e.cfg.Timeout)
	defer cancel()
	resp, err := e.client.CreateEmbeddings(actx, openai.EmbeddingRequest{
		Input: batch,
		Model: openai.EmbeddingModel(e.cfg.Model),
	})
	if err != nil {
		retry := e.describe(fail, err, ctx, actx)
		if !retry {
			return nil, backoff.Permanent(fail)
		}
		if wait, ok := retryafter.Parse(seen.header, time.Now()); ok {
			if wait > e.cfg.MaxRetryWait {
				fail.Reason += fmt.Sprintf(", and it asks to wait %s before trying again", wait.Round(time.Second))
				return nil, backoff.Permanent(fail)
			}
			policy.next = wait
		}
		return nil, fail
	}
	vectors, err := e.vectors(resp, len(batch))
	if err != nil {
		fail.Status, fail.Err, fail.Reason = 0, err, err.Error()
		return nil, backoff.Permanent(fail)
	}
	return vectors, nil
}

// vectors checks the response and returns its vectors in the order of the
// texts, normalised.
func (e *OpenAIEmbedder) vectors(resp openai.EmbeddingResponse, texts int) ([][]float32, error) {
	if len(resp.Data) != texts {
		return nil, fmt.Errorf("the endpoint returned vectors for %d of %d texts", len(resp.Data), texts)
	}
	out := make([][]float32, texts)
	byIndex := true
	for _, d := range resp.Data {
		if d.Index < 0 || d.Index >= texts || out[d.Index] != nil {
			byIndex = false
			break
		}
		out[d.Index] = d.Embedding
	}
	if !byIndex { // some servers leave every index at 0: trust the order
		for i, d := range resp.Data {
			out[i] = d.Embedding
		}
	}
	dim := len(out[0])
	for i, v := range out {
		if len(v) != dim {
			return nil, fmt.Errorf("the endpoint returned vectors of different lengths (%d and %d)", dim, len(v))
		}
		if err := normalize(v); err != nil {
			return nil, fmt.Errorf("vector %d: %w", i+1, err)
		}
	}
	if dim == 0 {
		return nil, errors.New("the endpoint returned empty vectors")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dimension != 0 && e.dimension != dim {
		return nil, fmt.Errorf("the endpoint returned vectors of %d dimensions after earlier ones of %d: "+
			"has the model behind it changed?", dim, e.dimension)
	}
	e.dimension = dim
	return out, nil
}

// normalize scales v to unit length in place.
func normalize(v []float32) error {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	switch {
	case math.IsNaN(sum) || math.IsInf(sum, 0):
		return errors.New("the endpoint returned a vector with values that are not numbers")
	case sum == 0:
		return errors.New("the endpoint returned an all-zero vector")
	}
	inv := 1 / math.Sqrt(sum)
	for i, x := range v {
		v[i] = float32(float64(x) * inv)
	}
	return nil
}

// describe fills fail from the error of one attempt and reports whether
// another attempt may succeed. ctx is the caller's context, actx the
// attempt's.
func (e *OpenAIEmbedder) describe(fail *EmbedError, err error, ctx, actx context.Context) bool {
	fail.Err = err
	fail.Status = 0
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case ctx.Err() != nil: // the caller gave up; embedBatch says so
		return false
	case errors.As(err, &apiErr):
		return e.describeStatus(fail, apiErr.HTTPStatusCode, apiErr.HTTPStatus, apiErr.Message, true)
	case errors.As(err, &reqErr):
		return e.describeStatus(fail, reqErr.HTTPStatusCode, reqErr.HTTPStatus, string(reqErr.Body), false)
	case errors.Is(actx.Err(), context.DeadlineExceeded):
		fail.Reason = fmt.Sprintf("the endpoint did not answer within %s", e.cfg.Timeout)
		return true
	case errors.Is(err, syscall.ECONNREFUSED):
		fail.Reason = "the endpoint is not answering (connection refused)"
		return true
	case errors.As(err, &dnsErr):
		fail.Reason = fmt.Sprintf("the host %q cannot be found", dnsErr.Name)
		return !dnsErr.IsNotFound
	case errors.As(err, &certErr):
		fail.Reason = "the endpoint's TLS certificate cannot be trusted"
		return false
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE):
		fail.Reason = "the connection was cut before the answer was complete"
		return true
	case errors.As(err, &syntaxErr), errors.As(err, &typeErr):
		fail.Reason = "the answer is not an OpenAI embeddings response (" + e.scrub(err.Error()) + ")"
		return false
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		fail.Reason = "the endpoint did not answer in time (" + e.scrub(rootCause(err).Error()) + ")"
		return true
	}
	if errors.As(err, &netErr) {
		fail.Reason = "the endpoint cannot be reached (" + e.scrub(rootCause(err).Error()) + ")"
		return true
	}
	fail.Reason = e.scrub(err.Error())
	return false
}

// describeStatus fills fail from an HTTP error status and reports whether
// another attempt may succeed. message is the server's, JSON or raw body.
func (e *OpenAIEmbedder) describeStatus(fail *EmbedError, status int, statusText, message string, fromJSON bool) bool {
	fail.Status = status
	if statusText == "" {
		statusText = strconv.Itoa(status) + " " + http.StatusText(status)
	}
	said := e.serverSaid(message)
	switch {
	case status == http.StatusUnauthorized && e.cfg.APIKey == "":
		fail.Reason = fmt.Sprintf("the embedding endpoint wants an API key and none is set (%s)", statusText)
	case status == http.StatusUnauthorized:
		fail.Reason = fmt.Sprintf("the embedding endpoint rejected the API key (%s)", statusText)
	case status == http.StatusForbidden:
		fail.Reason = fmt.Sprintf("the embedding endpoint refused access with this API key (%s)%s", statusText, said)
	case status == http.StatusNotFound && fromJSON:
		fail.Reason = fmt.Sprintf("model %q is not available at this endpoint (%s)%s", e.cfg.Model, statusText, said)
	case status == http.StatusNotFound:
		fail.Reason = fmt.Sprintf("nothing answers at %s/embeddings (%s): check base_url, which usually ends in /v1", e.url, statusText)
	case status == http.StatusRequestEntityTooLarge:
		fail.Reason = fmt.Sprintf("the request is too large for the endpoint (%s): lower batch_size", statusText)
	case status == http.StatusTooManyRequests:
		fail.Reason = fmt.Sprintf("the endpoint is rate limiting requests (%s)%s", statusText, said)
		return true
	case status == http.StatusRequestTimeout || status >= 500:
		fail.Reason = fmt.Sprintf("the endpoint failed (%s)%s", statusText, said)
		return true
	default:
		fail.Reason = fmt.Sprintf("the endpoint refused the request (%s)%s", statusText, said)
	}
	return false
}

// serverSaid quotes the start of the server's message, without the API key,
// for the end of a reason: `: "..."`, or "" when there is none.
func (e *OpenAIEmbedder) serverSaid(message string) string {
	message = strings.Join(strings.Fields(e.scrub(message)), " ")
	if message == "" {
		return ""
	}
	if r := []rune(message); len(r) > 200 {
		message = string(r[:200]) + "…"
	}
	return ": " + strconv.Quote(message)
}

// scrub removes the API key from text that came from elsewhere.
func (e *OpenAIEmbedder) scrub(text string) string {
	if e.cfg.APIKey == "" {
		return text
	}
	return strings.ReplaceAll(text, e.cfg.APIKey, "[api key]")
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

// displayURL is raw without user information or query, for messages.
func displayURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User = nil
	u.RawQuery = ""
	u.Fragment = ""
	return u.String()
}

// EmbedError is a failed request to an embedding endpoint. Its message says
// what was being done, at which endpoint, and what went wrong, in words a
// user understands; it never contains the API key.
type EmbedError struct {
	// URL is the endpoint's base URL, without credentials.
	URL string
	// Model is the embedding model asked for.
	Model string
	// Texts is how many texts the failed request carried.
	Texts int
	// Batch and Batches number the failed request among those of one Embed
	// call.
	Batch, Batches int
	// Attempts is how many times the request was sent.
	Attempts int
	// Status is the HTTP status of the last answer, or 0 when there was none.
	Status int
	// Reason says what went wrong, in a sentence.
	Reason string
	// Err is the underlying error (go-openai's, the network's, or the
	// context's).
	Err error
}

// Error is `embed N texts with model "M" at URL: reason`.
func (e *EmbedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "embed %d texts", e.Texts)
	if e.Batches > 1 {
		fmt.Fprintf(&b, " (batch %d of %d)", e.Batch, e.Batches)
	}
	fmt.Fprintf(&b, " with model %q at %s: %s", e.Model, e.URL, e.Reason)
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (gave up after %d attempts)", e.Attempts)
	}
	return b.String()
}

// Unwrap returns the underlying error, so errors.Is(err, context.Canceled)
// and errors.As(err, new(*openai.APIError)) work.
func (e *EmbedError) Unwrap() error { return e.Err }

// retryAfterBackOff is an exponential backoff that waits what the endpoint
// asked for instead, when it asked (Retry-After). It serves one batch.
type retryAfterBackOff struct {
	backoff.BackOff
	next time.Duration // the endpoint's wait for the next retry, or 0
}

// NextBackOff returns the endpoint's wait when it gave one, else the
// exponential backoff's.
func (b *retryAfterBackOff) NextBackOff() time.Duration {
	d := b.BackOff.NextBackOff()
	if b.next > 0 && d != backoff.Stop {
		d = b.next
	}
	b.next = 0
	return d
}

// responseHeadersKey keys the *responseHeaders of a request's context.
type responseHeadersKey struct{}

// responseHeaders receives the headers of the answer to one request:
// go-openai drops them from its errors, and Retry-After is among them.
type responseHeaders struct{ header http.Header }

// headerKeeper is an openai.HTTPDoer that copies the answer's headers into
// the request context's *responseHeaders.
type headerKeeper struct{ client *http.Client }

// Do sends req and keeps the response headers.
func (k headerKeeper) Do(req *http.Request) (*http.Response, error) {
	resp, err := k.client.Do(req)
	if err == nil {
		if seen, ok := req.Context().Value(responseHeadersKey{}).(*responseHeaders); ok {
			seen.header = resp.Header
		}
	}
	return resp, err
}
