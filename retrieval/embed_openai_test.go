package retrieval

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/openaitest"
)

// testAPIKey is the key the test endpoint requires; no error may show it.
const testAPIKey = "sk-lectern-test-secret-0123456789"

// testEmbedderConfig is fast: tiny backoff, short timeout, two retries.
func testEmbedderConfig(baseURL string) OpenAIEmbedderConfig {
	return OpenAIEmbedderConfig{
		BaseURL:      baseURL,
		Model:        openaitest.EmbeddingModel,
		APIKey:       testAPIKey,
		BatchSize:    4,
		Timeout:      2 * time.Second,
		MaxRetries:   2,
		RetryWait:    5 * time.Millisecond,
		MaxRetryWait: 3 * time.Second,
		Logger:       slog.New(slog.DiscardHandler),
	}
}

func newTestEmbedder(t *testing.T, cfg OpenAIEmbedderConfig) *OpenAIEmbedder {
	t.Helper()
	e, err := NewOpenAIEmbedder(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func someTexts(n int) []string {
	texts := make([]string, n)
	for i := range texts {
		texts[i] = fmt.Sprintf("passage %d about the Three Nos and the South China Sea", i)
	}
	return texts
}

// TestOpenAIEmbedder is the embedder's contract with an endpoint, request
// by request, through go-openai against the openaitest server.
func TestOpenAIEmbedder(t *testing.T) {
	tests := []struct {
		name string
		// faults are queued on the embeddings endpoint before Embed.
		faults []openaitest.Fault
		// texts to embed; default 3.
		texts int
		// config and url change the embedder's configuration.
		config func(*OpenAIEmbedderConfig)
		url    func(t *testing.T, s *openaitest.Server) string
		// wantErr are parts of the error; none means success.
		wantErr      []string
		wantStatus   int
		wantRequests int
		// wantWaits are the waits between attempts, if any is checked.
		wantWaits []time.Duration
	}{
		{
			name:  "texts are sent in batches of BatchSize",
			texts: 10, wantRequests: 3,
		},
		{
			name:  "one text is one request",
			texts: 1, wantRequests: 1,
		},
		{
			name:  "no texts, no request",
			texts: -1, wantRequests: 0,
		},
		{
			name:   "vectors out of order are put back by index",
			faults: []openaitest.Fault{openaitest.Reordered()}, wantRequests: 1,
		},
		{
			name:   "429 with Retry-After: 1 waits a second, then succeeds",
			faults: []openaitest.Fault{openaitest.RateLimited(time.Second)}, wantRequests: 2,
			wantWaits: []time.Duration{time.Second},
		},
		{
			name:   "429 with retry-after-ms waits that long, then succeeds",
			faults: []openaitest.Fault{openaitest.RateLimited(300 * time.Millisecond)}, wantRequests: 2,
			wantWaits: []time.Duration{300 * time.Millisecond},
		},
		{
			name:   "500 is retried, then succeeds",
			faults: []openaitest.Fault{openaitest.InternalError()}, wantRequests: 2,
		},
		{
			name:   "a connection cut mid-answer is retried, then succeeds",
			faults: []openaitest.Fault{openaitest.CutStream(0)}, wantRequests: 2,
		},
		{
			name:         "503 until the retries run out",
			faults:       []openaitest.Fault{openaitest.Unavailable(), openaitest.Unavailable(), openaitest.Unavailable()},
			wantErr:      []string{`embed 3 texts with model "test-embedding" at http://127.0.0.1:`, "the endpoint failed (503 Service Unavailable)", "overloaded", "gave up after 3 attempts"},
			wantStatus:   503,
			wantRequests: 3,
		},
		{
			name:         "MaxRetries < 0 never retries",
			faults:       []openaitest.Fault{openaitest.InternalError()},
			config:       func(c *OpenAIEmbedderConfig) { c.MaxRetries = -1 },
			wantErr:      []string{"500 Internal Server Error"},
			wantStatus:   500,
			wantRequests: 1,
		},
		{
			name:         "401: a wrong key is not retried and not shown",
			config:       func(c *OpenAIEmbedderConfig) { c.APIKey = "sk-wrong-secret-key-987654321" },
			wantErr:      []string{"the endpoint rejected the API key (401 Unauthorized)"},
			wantStatus:   401,
			wantRequests: 1,
		},
		{
			name:         "401 without a key says none is set",
			config:       func(c *OpenAIEmbedderConfig) { c.APIKey = "" },
			wantErr:      []string{"wants an API key and none is set"},
			wantStatus:   401,
			wantRequests: 1,
		},
		{
			name:         "404: an unknown model is not retried",
			config:       func(c *OpenAIEmbedderConfig) { c.Model = "nomic-embed-text" },
			wantErr:      []string{`with model "nomic-embed-text"`, `model "nomic-embed-text" is not available at this endpoint (404 Not Found)`, "does not exist"},
			wantStatus:   404,
			wantRequests: 1,
		},
		{
			name: "404 without an OpenAI error points at base_url",
			url: func(t *testing.T, _ *openaitest.Server) string {
				plain := httptest.NewServer(http.NotFoundHandler()) // like Ollama without /v1
				t.Cleanup(plain.Close)
				return plain.URL
			},
			wantErr:    []string{"nothing answers at http://127.0.0.1:", "/embeddings (404 Not Found)", "check base_url"},
			wantStatus: 404,
		},
		{
			name:         "a body that is not JSON is not retried",
			faults:       []openaitest.Fault{openaitest.Malformed()},
			wantErr:      []string{"the reply is not an OpenAI-compatible response", "invalid character"},
			wantRequests: 1,
		},
		{
			name:         "a missing vector is an error",
			faults:       []openaitest.Fault{openaitest.MissingVector()},
			wantErr:      []string{"the endpoint returned vectors for 2 of 3 texts"},
			wantRequests: 1,
		},
		{
			name:         "vectors of different lengths are an error",
			faults:       []openaitest.Fault{openaitest.RaggedVectors()},
			wantErr:      []string{"vectors of different lengths (64 and 63)"},
			wantRequests: 1,
		},
		{
			name:         "a Retry-After beyond MaxRetryWait is not waited for",
			faults:       []openaitest.Fault{openaitest.RateLimited(time.Hour)},
			wantErr:      []string{"rate limiting requests (429 Too Many Requests)", "asks to wait 1h0m0s before trying again"},
			wantStatus:   429,
			wantRequests: 1,
		},
		{
			name:    "connection refused is retried, then explained",
			url:     func(t *testing.T, _ *openaitest.Server) string { return openaitest.UnusedURL(t) },
			wantErr: []string{"the endpoint is not answering (connection refused)", "gave up after 3 attempts"},
		},
		{
			name:         "a slow endpoint times out on every attempt",
			faults:       []openaitest.Fault{openaitest.Slow(0), openaitest.Slow(0)},
			config:       func(c *OpenAIEmbedderConfig) { c.Timeout = 100 * time.Millisecond; c.MaxRetries = 1 },
			wantErr:      []string{"the endpoint did not answer within 100ms", "gave up after 2 attempts"},
			wantRequests: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openaitest.New(t)
			s.RequireAPIKey(testAPIKey)
			s.FailNext(openaitest.Embeddings, tt.faults...)
			cfg := testEmbedderConfig(s.URL())
			if tt.url != nil {
				cfg.BaseURL = tt.url(t, s)
			}
			if tt.config != nil {
				tt.config(&cfg)
			}
			sleeps := &openaitest.Sleeps{}
			cfg.Sleep = sleeps.Sleep
			e := newTestEmbedder(t, cfg)
			n := 3
			if tt.texts != 0 {
				n = max(tt.texts, 0)
			}
			texts := someTexts(n)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()

			vectors, err := e.Embed(ctx, texts)

			if got := s.Requests(openaitest.Embeddings); tt.url == nil && got != tt.wantRequests {
				t.Errorf("%d requests, want %d", got, tt.wantRequests)
			}
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("got %d vectors, want an error", len(vectors))
				}
				for _, part := range tt.wantErr {
					if !strings.Contains(err.Error(), part) {
						t.Errorf("error %q\ndoes not contain %q", err, part)
					}
				}
				if strings.Contains(err.Error(), testAPIKey) || strings.Contains(err.Error(), cfg.APIKey) && cfg.APIKey != "" {
					t.Errorf("error shows the API key: %q", err)
				}
				var ee *EmbedError
				if !errors.As(err, &ee) || ee.Status != tt.wantStatus {
					t.Errorf("EmbedError %+v, want status %d", ee, tt.wantStatus)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkVectors(t, texts, vectors)
			if got := s.EmbeddedTexts(); strings.Join(got, "|") != strings.Join(texts, "|") {
				t.Errorf("the endpoint embedded %q, want %q", got, texts)
			}
			if waits := sleeps.Waits(); tt.wantWaits != nil && !slices.Equal(waits, tt.wantWaits) {
				t.Errorf("waited %v between attempts, want %v", waits, tt.wantWaits)
			}
		})
	}
}

// checkVectors asserts one unit vector per text, in order, pointing where
// the test endpoint's vector for that text points.
func checkVectors(t *testing.T, texts []string, vectors [][]float32) {
	t.Helper()
	if len(vectors) != len(texts) {
		t.Fatalf("%d vectors for %d texts", len(vectors), len(texts))
	}
	for i, v := range vectors {
		if n := vecNorm(v); math.Abs(n-1) > 1e-5 {
			t.Errorf("vector %d has length %v, want 1", i, n)
		}
		if c := vecDot(v, openaitest.Vector(texts[i], len(v))); c < 0.9999 {
			t.Errorf("vector %d is not the vector of text %d (cosine %v)", i, i, c)
		}
	}
}

func TestOpenAIEmbedderNormalizesVectors(t *testing.T) {
	s := openaitest.New(t)
	s.SetScale(7.5)
	e := newTestEmbedder(t, testEmbedderConfig(s.URL()))
	texts := someTexts(5)
	vectors, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	checkVectors(t, texts, vectors)
}

func TestOpenAIEmbedderRefusesAChangeOfDimension(t *testing.T) {
	s := openaitest.New(t)
	e := newTestEmbedder(t, testEmbedderConfig(s.URL()))
	if _, err := e.Embed(context.Background(), someTexts(1)); err != nil {
		t.Fatal(err)
	}
	s.SetDimension(32)
	_, err := e.Embed(context.Background(), someTexts(1))
	if err == nil || !strings.Contains(err.Error(), "vectors of 32 dimensions after earlier ones of 64") {
		t.Fatalf("err = %v, want a change of dimension", err)
	}
}

// TestOpenAIEmbedderGivesUpInTime: whatever the endpoint does, Embed
// returns once the caller's context ends, and says why.
func TestOpenAIEmbedderGivesUpInTime(t *testing.T) {
	tests := []struct {
		name    string
		fault   openaitest.Fault
		cancel  bool // cancel the context, else let its deadline pass
		wantErr error
		want    string
	}{
		{name: "cancelled while the endpoint is slow", fault: openaitest.Slow(0), cancel: true,
			wantErr: context.Canceled, want: "cancelled"},
		{name: "deadline while the endpoint is slow", fault: openaitest.Slow(0),
			wantErr: context.DeadlineExceeded, want: "ran out of time"},
		{name: "a Retry-After longer than the time left is not waited", fault: openaitest.RateLimited(2 * time.Second),
			want: "the endpoint is rate limiting requests (429"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openaitest.New(t)
			s.FailNext(openaitest.Embeddings, tt.fault)
			e := newTestEmbedder(t, testEmbedderConfig(s.URL()))
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			if tt.cancel {
				time.AfterFunc(100*time.Millisecond, cancel)
			}
			_, err := e.Embed(ctx, someTexts(3)) // a hang is caught by go test's -timeout
			if err == nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestOpenAIEmbedderConnectionRefusedIsECONNREFUSED(t *testing.T) {
	cfg := testEmbedderConfig(openaitest.UnusedURL(t))
	cfg.MaxRetries = -1
	_, err := newTestEmbedder(t, cfg).Embed(context.Background(), someTexts(1))
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("err = %v, want ECONNREFUSED underneath", err)
	}
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		t.Error("a refused connection should not look like an API error")
	}
}

func TestOpenAIEmbedderIsSafeForConcurrentUse(t *testing.T) {
	s := openaitest.New(t)
	s.FailNext(openaitest.Embeddings, openaitest.InternalError(), openaitest.RateLimited(100*time.Millisecond))
	e := newTestEmbedder(t, testEmbedderConfig(s.URL()))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			texts := someTexts(g + 1)
			vectors, err := e.Embed(context.Background(), texts)
			if err != nil {
				t.Error(err)
				return
			}
			checkVectors(t, texts, vectors)
		})
	}
	wg.Wait()
}

func TestOpenAIEmbedderID(t *testing.T) {
	tests := []struct {
		baseURL, model, want string
	}{
		{"http://127.0.0.1:11434/v1", "nomic-embed-text", "openai:nomic-embed-text@http://127.0.0.1:11434/v1"},
		{"http://127.0.0.1:11434/v1/", "nomic-embed-text", "openai:nomic-embed-text@http://127.0.0.1:11434/v1"},
		{"https://api.openai.com/v1", "text-embedding-3-small", "openai:text-embedding-3-small@https://api.openai.com/v1"},
		// The ID is written to meta.json and shown in errors: no credentials.
		{"http://lectern:s3cret@127.0.0.1:8080/v1", "bge-m3", "openai:bge-m3@http://127.0.0.1:8080/v1"},
	}
	for _, tt := range tests {
		e := newTestEmbedder(t, OpenAIEmbedderConfig{BaseURL: tt.baseURL, Model: tt.model})
		if got := e.ID(); got != tt.want {
			t.Errorf("ID() = %q, want %q", got, tt.want)
		}
	}
}

func TestNewOpenAIEmbedderChecksItsConfig(t *testing.T) {
	tests := []struct {
		cfg  OpenAIEmbedderConfig
		want string
	}{
		{OpenAIEmbedderConfig{BaseURL: "", Model: "m"}, "is not an http:// or https:// URL"},
		{OpenAIEmbedderConfig{BaseURL: "127.0.0.1:11434", Model: "m"}, "is not an http:// or https:// URL"},
		{OpenAIEmbedderConfig{BaseURL: "http://127.0.0.1:11434/v1"}, "no model is set"},
		{OpenAIEmbedderConfig{BaseURL: "ftp://user:pw@host/v1", Model: "m"}, `"ftp://host/v1"`},
	}
	for _, tt := range tests {
		_, err := NewOpenAIEmbedder(tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewOpenAIEmbedder(%+v) = %v, want an error with %q", tt.cfg, err, tt.want)
		}
	}
}

func vecNorm(v []float32) float64 { return math.Sqrt(vecDot(v, v)) }

func vecDot(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}
