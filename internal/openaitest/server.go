// Package openaitest is an OpenAI-compatible HTTP server for tests, started
// on 127.0.0.1. It speaks the real wire protocol, so the real go-openai
// client works against it: POST /v1/embeddings, POST /v1/chat/completions
// (JSON, or server-sent events when the request says stream: true) and
// GET /v1/models.
//
// Failures are scripted: FailNext queues faults per endpoint, and each
// request to that endpoint consumes one, in order. Everything the server
// receives is recorded so tests can assert how many requests were sent,
// which texts were embedded and what the last chat request asked.
//
//	s := openaitest.New(t)
//	s.FailNext(openaitest.Embeddings, openaitest.RateLimited(time.Second))
//	cfg := openai.DefaultConfig("key")
//	cfg.BaseURL = s.URL()
//	client := openai.NewClientWithConfig(cfg)
package openaitest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// The endpoints, as FailNext and Requests name them. Both "embeddings" and
// "/v1/embeddings" are accepted wherever an endpoint is named.
const (
	Embeddings      = "embeddings"
	ChatCompletions = "chat/completions"
	Models          = "models"
)

// Defaults of a new Server.
const (
	// EmbeddingModel is the embedding model a new server knows.
	EmbeddingModel = "test-embedding"
	// ChatModel is the chat model a new server knows.
	ChatModel = "test-chat"
	// Dimension is the length of the vectors a new server returns.
	Dimension = 64
	// Reply is what the chat endpoint answers until SetChatReply is called.
	Reply = "This is the test server's answer, streamed in several pieces."
)

// Server is a running OpenAI-compatible stand-in. Its methods are safe for
// concurrent use.
type Server struct {
	srv       *httptest.Server
	closing   chan struct{}
	closeOnce sync.Once
	// completions numbers chat completion IDs.
	completions atomic.Int64

	mu         sync.Mutex
	models     map[string]bool
	dimension  int
	scale      float32
	apiKey     string
	reply      func(openai.ChatCompletionRequest) string
	script     func(openai.ChatCompletionRequest) Script
	chunkDelay time.Duration
	faults     map[string][]Fault
	arrivals   map[string][]time.Time
	embedded   []string
	chats      []openai.ChatCompletionRequest
}

// New starts a server on 127.0.0.1; it is closed when the test ends.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{
		closing:   make(chan struct{}),
		models:    map[string]bool{EmbeddingModel: true, ChatModel: true},
		dimension: Dimension,
		scale:     1,
		reply:     func(openai.ChatCompletionRequest) string { return Reply },
		faults:    map[string][]Fault{},
		arrivals:  map[string][]time.Time{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// URL returns the base URL to give go-openai's ClientConfig.BaseURL, e.g.
// http://127.0.0.1:41234/v1.
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Client returns a go-openai client for the server that sends apiKey.
func (s *Server) Client(apiKey string) *openai.Client {
	cfg := openai.DefaultConfig(apiKey)
	cfg.BaseURL = s.URL()
	return openai.NewClientWithConfig(cfg)
}

// Close stops the server. Requests being held back (Slow, StallStream,
// chunk delays) end at once. Calling Close twice is harmless.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closing)
		s.srv.CloseClientConnections()
		s.srv.Close()
	})
}

// AddModels makes the server know more models; requests naming any other
// model get 404 model_not_found.
func (s *Server) AddModels(names ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range names {
		s.models[n] = true
	}
}

// SetDimension sets the length of the vectors returned from now on, unless a
// request asks for its own dimensions.
func (s *Server) SetDimension(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dimension = n
}

// SetScale multiplies every returned vector by k (default 1, unit length),
// for testing clients that must normalise vectors themselves.
func (s *Server) SetScale(k float32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.scale = k
}

// RequireAPIKey makes every request without "Authorization: Bearer key" fail
// with 401 invalid_api_key. An empty key accepts any request.
func (s *Server) RequireAPIKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.apiKey = key
}

// SetChatReply sets the function that writes the chat endpoint's answer.
func (s *Server) SetChatReply(reply func(req openai.ChatCompletionRequest) string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reply = reply
}

// SetChunkDelay makes the streaming chat endpoint wait d before each content
// delta, so tests can observe the first token arriving before the last.
func (s *Server) SetChunkDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chunkDelay = d
}

// FailNext queues faults for the endpoint (Embeddings, ChatCompletions or
// Models); each request to it consumes the first fault still queued.
func (s *Server) FailNext(endpoint string, faults ...Fault) {
	ep := normalize(endpoint)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[ep] = append(s.faults[ep], faults...)
}

// PendingFaults returns how many faults queued for the endpoint have not
// been consumed yet.
func (s *Server) PendingFaults(endpoint string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults[normalize(endpoint)])
}

// Requests returns how many requests reached the endpoint, failed or not.
func (s *Server) Requests(endpoint string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.arrivals[normalize(endpoint)])
}

// EmbeddedTexts returns every text the embeddings endpoint answered with a
// vector, in the order received (failed requests are not counted).
func (s *Server) EmbeddedTexts() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.embedded...)
}

// LastChatRequest returns the last request the chat endpoint received with a
// valid body (the zero value before any).
func (s *Server) LastChatRequest() openai.ChatCompletionRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.chats) == 0 {
		return openai.ChatCompletionRequest{}
	}
	return s.chats[len(s.chats)-1]
}

// ChatRequests returns every request the chat endpoint received with a
// valid body, in order.
func (s *Server) ChatRequests() []openai.ChatCompletionRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]openai.ChatCompletionRequest(nil), s.chats...)
}

// UnusedAddr returns a 127.0.0.1 address ("127.0.0.1:port") where nothing
// listens, for connection-refused tests.
func UnusedAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("openaitest: find an unused port: %v", err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatalf("openaitest: close listener: %v", err)
	}
	return addr
}

// UnusedURL returns a base URL like URL's where nothing listens.
func UnusedURL(t testing.TB) string {
	t.Helper()
	return "http://" + UnusedAddr(t) + "/v1"
}

// normalize turns "/v1/embeddings", "embeddings" and "/embeddings" into
// "embeddings".
func normalize(endpoint string) string {
	endpoint = strings.TrimPrefix(endpoint, "/")
	endpoint = strings.TrimPrefix(endpoint, "v1/")
	return strings.TrimSuffix(endpoint, "/")
}

// serve routes one request: record it, consume a fault, check the key.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	ep := normalize(r.URL.Path)
	s.mu.Lock()
	s.arrivals[ep] = append(s.arrivals[ep], time.Now())
	var fault *Fault
	if q := s.faults[ep]; len(q) > 0 {
		fault = &q[0]
		s.faults[ep] = q[1:]
	}
	key := s.apiKey
	s.mu.Unlock()

	if !strings.HasPrefix(r.URL.Path, "/v1/") {
		writeError(w, http.StatusNotFound, "invalid_request_error", "unknown_url",
			fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path), 0)
		return
	}
	if key != "" {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || got != key {
			writeError(w, http.StatusUnauthorized, "invalid_request_error", "invalid_api_key",
				"Incorrect API key provided: "+redact(got)+".", 0)
			return
		}
	}
	switch ep {
	case Embeddings:
		s.requirePost(w, r, fault, s.embeddings)
	case ChatCompletions:
		s.requirePost(w, r, fault, s.chat)
	case Models:
		if r.Method != http.MethodGet {
			writeError(w, http.StatusMethodNotAllowed, "invalid_request_error", "", "Use GET for "+r.URL.Path, 0)
			return
		}
		if fault != nil && s.applyHTTPFault(w, r, *fault) {
			return
		}
		s.listModels(w)
	default:
		writeError(w, http.StatusNotFound, "invalid_request_error", "unknown_url",
			fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path), 0)
	}
}

func (s *Server) requirePost(w http.ResponseWriter, r *http.Request, fault *Fault,
	h func(http.ResponseWriter, *http.Request, *Fault)) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "invalid_request_error", "", "Use POST for "+r.URL.Path, 0)
		return
	}
	h(w, r, fault)
}

func (s *Server) listModels(w http.ResponseWriter) {
	s.mu.Lock()
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	list := struct {
		Object string  `json:"object"`
		Data   []model `json:"data"`
	}{Object: "list"}
	for name := range s.models {
		list.Data = append(list.Data, model{ID: name, Object: "model", Created: 1700000000, OwnedBy: "openaitest"})
	}
	s.mu.Unlock()
	writeJSON(w, list)
}

// knows reports whether the server serves the model.
func (s *Server) knows(model string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.models[model]
}

// wait sleeps for d, or until the request is cancelled or the server closes;
// it reports whether the whole d elapsed.
func (s *Server) wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
	case <-s.closing:
	}
	return false
}

// apiError is OpenAI's error body.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

// writeError sends OpenAI's error JSON; a positive retryAfter adds a
// Retry-After header in whole seconds (rounded up), and retry-after-ms when
// it is not a whole number of seconds.
func writeError(w http.ResponseWriter, status int, typ, code, msg string, retryAfter time.Duration) {
	body := apiError{Error: apiErrorBody{Message: msg, Type: typ}}
	if code != "" {
		body.Error.Code = &code
	}
	if retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
		if retryAfter%time.Second != 0 {
			w.Header().Set("retry-after-ms", strconv.FormatInt(retryAfter.Milliseconds(), 10))
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// writeJSON sends v with status 200.
func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "server_error", "", "openaitest: "+err.Error(), 0)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

// redact shows a key the way OpenAI does in its 401 message.
func redact(key string) string {
	if len(key) <= 8 {
		return strings.Repeat("*", len(key))
	}
	return key[:3] + strings.Repeat("*", len(key)-7) + key[len(key)-4:]
}
