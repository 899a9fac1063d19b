package retrieval

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/endpoint"
)

// defaultEmbedRetryWait is the first backoff between two attempts; the
// other defaults are config.Default's.
const defaultEmbedRetryWait = 500 * time.Millisecond

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
	// BatchSize is how many texts one request carries. Zero means
	// config.Default's (64), like every default here.
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
	// Logger receives a warning for each retry; nil means none.
	Logger *slog.Logger
	// Sleep waits between attempts; nil means a timer. Tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// OpenAIEmbedder embeds texts with any OpenAI-compatible /v1/embeddings
// endpoint (Ollama, llama.cpp's server, vLLM, LM Studio, OpenAI) through
// internal/endpoint: in batches, with a timeout per request, and with the
// endpoint client's retries on rate limits, server errors and network
// errors, honouring Retry-After. Its vectors are normalised to unit length.
// It is safe for concurrent use.
type OpenAIEmbedder struct {
	cfg    OpenAIEmbedderConfig
	client *endpoint.Client

	mu        sync.Mutex
	dimension int // of the vectors seen so far; 0 before the first
}

// EmbedError is a failed request to an embedding endpoint: the endpoint
// client's one error type.
type EmbedError = endpoint.Error

// NewOpenAIEmbedder checks the configuration and returns an embedder. It
// does not contact the endpoint.
func NewOpenAIEmbedder(cfg OpenAIEmbedderConfig) (*OpenAIEmbedder, error) {
	cfg.Model = strings.TrimSpace(cfg.Model)
	def := config.Default().Embeddings
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = def.BatchSize
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = def.Timeout.Duration
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = def.MaxAttempts - 1
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = defaultEmbedRetryWait
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = def.MaxRetryWait.Duration
	}
	client, err := endpoint.New(endpoint.Config{
		BaseURL:        cfg.BaseURL,
		Model:          cfg.Model,
		APIKey:         cfg.APIKey,
		Retry:          endpoint.Retry{Attempts: cfg.MaxRetries + 1, FirstWait: cfg.RetryWait, MaxWait: cfg.MaxRetryWait},
		AttemptTimeout: cfg.Timeout,
		HTTPClient:     cfg.HTTPClient,
		Logger:         cfg.Logger,
		Sleep:          cfg.Sleep,
	})
	if err != nil {
		return nil, fmt.Errorf("embedding endpoint: %w", err)
	}
	if cfg.Model == "" {
		return nil, fmt.Errorf("embedding endpoint %s: no model is set", client.URL())
	}
	return &OpenAIEmbedder{cfg: cfg, client: client}, nil
}

// ID is "openai:" + model + "@" + base URL (without credentials or query,
// since the ID is stored and shown): a change of either embeds every chunk
// again.
func (e *OpenAIEmbedder) ID() string {
	return "openai:" + e.cfg.Model + "@" + e.client.URL()
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

// embedBatch sends one batch; the endpoint client retries while the
// failure may pass.
func (e *OpenAIEmbedder) embedBatch(ctx context.Context, batch []string, n, of int) ([][]float32, error) {
	operation := fmt.Sprintf("embed %d texts", len(batch))
	if of > 1 {
		operation += fmt.Sprintf(" (batch %d of %d)", n, of)
	}
	var resp openai.EmbeddingResponse
	_, err := e.client.Call(ctx, operation, func(ctx context.Context, api *openai.Client) error {
		var err error
		resp, err = api.CreateEmbeddings(ctx, openai.EmbeddingRequest{Input: batch, Model: openai.EmbeddingModel(e.cfg.Model)})
		return err
	})
	if err != nil {
		return nil, err
	}
	vectors, err := e.vectors(resp, len(batch))
	if err != nil {
		return nil, &EmbedError{Operation: operation, URL: e.client.URL(), Model: e.cfg.Model, Kind: endpoint.KindBadReply, Attempts: 1, Reason: err.Error(), Err: err}
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
