package openaitest

import (
	"context"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// ctx returns a context that ends well before the test's own timeout, so a
// broken server shows up as an error, never a hang.
func ctx(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return c
}

func embed(t *testing.T, c *openai.Client, model string, input any) (openai.EmbeddingResponse, error) {
	t.Helper()
	return c.CreateEmbeddings(ctx(t, 5*time.Second), openai.EmbeddingRequest{Input: input, Model: openai.EmbeddingModel(model)})
}

func chatRequest(model string) openai.ChatCompletionRequest {
	return openai.ChatCompletionRequest{
		Model:    model,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "What are the Three Nos?"}},
	}
}

// readStream reads a chat stream to its end and returns the content and the
// error that ended it (nil after [DONE]).
func readStream(s *openai.ChatCompletionStream) (string, []string, error) {
	var b strings.Builder
	var roles []string
	for {
		resp, err := s.Recv()
		if errors.Is(err, io.EOF) {
			return b.String(), roles, nil
		}
		if err != nil {
			return b.String(), roles, err
		}
		for _, c := range resp.Choices {
			b.WriteString(c.Delta.Content)
			if c.Delta.Role != "" {
				roles = append(roles, c.Delta.Role)
			}
		}
	}
}

func statusOf(err error) int {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode
	}
	return 0
}

func TestEmbeddings(t *testing.T) {
	tests := []struct {
		name      string
		model     string
		input     any
		fault     *Fault
		wantCount int    // vectors returned
		wantCode  int    // HTTP status of the error, 0 for success
		wantErr   string // part of the error
	}{
		{name: "one string", model: EmbeddingModel, input: "Three Nos", wantCount: 1},
		{name: "list of strings", model: EmbeddingModel, input: []string{"a b", "c d", "e f"}, wantCount: 3},
		{name: "unknown model is 404 model_not_found", model: "nope", input: "x", wantCode: 404, wantErr: "The model `nope` does not exist"},
		{name: "empty list is 400", model: EmbeddingModel, input: []string{}, wantCode: 400},
		{name: "bad key fault", model: EmbeddingModel, input: "x", fault: ptr(BadKey()), wantCode: 401, wantErr: "Incorrect API key"},
		{name: "unknown model fault names the model", model: EmbeddingModel, input: "x", fault: ptr(UnknownModel()), wantCode: 404, wantErr: "The model `" + EmbeddingModel + "` does not exist"},
		{name: "rate limited", model: EmbeddingModel, input: "x", fault: ptr(RateLimited(time.Second)), wantCode: 429},
		{name: "internal error", model: EmbeddingModel, input: "x", fault: ptr(InternalError()), wantCode: 500},
		{name: "unavailable", model: EmbeddingModel, input: "x", fault: ptr(Unavailable()), wantCode: 503},
		{name: "malformed body", model: EmbeddingModel, input: "x", fault: ptr(Malformed()), wantErr: "invalid character"},
		{name: "cut body", model: EmbeddingModel, input: []string{"a", "b"}, fault: ptr(CutStream(0)), wantErr: "unexpected EOF"},
		{name: "missing vector", model: EmbeddingModel, input: []string{"a", "b"}, fault: ptr(MissingVector()), wantCount: 1},
		{name: "slow then answers", model: EmbeddingModel, input: "x", fault: ptr(Slow(50 * time.Millisecond)), wantCount: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			if tt.fault != nil {
				s.FailNext(Embeddings, *tt.fault)
			}
			resp, err := embed(t, s.Client("k"), tt.model, tt.input)
			if tt.wantCode != 0 || tt.wantErr != "" {
				if err == nil {
					t.Fatalf("got %d vectors, want an error", len(resp.Data))
				}
				if got := statusOf(err); got != tt.wantCode {
					t.Errorf("status = %d, want %d (%v)", got, tt.wantCode, err)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q does not contain %q", err, tt.wantErr)
				}
				if got := len(s.EmbeddedTexts()); got != 0 {
					t.Errorf("EmbeddedTexts has %d texts after a failure", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Data) != tt.wantCount {
				t.Fatalf("got %d vectors, want %d", len(resp.Data), tt.wantCount)
			}
			for i, d := range resp.Data {
				if d.Index != i || len(d.Embedding) != Dimension {
					t.Errorf("vector %d: index %d, length %d", i, d.Index, len(d.Embedding))
				}
			}
			if got := s.Requests(Embeddings); got != 1 {
				t.Errorf("Requests = %d, want 1", got)
			}
			if s.PendingFaults(Embeddings) != 0 {
				t.Error("the fault was not consumed")
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestVectorsAreDeterministicUnitAndSimilarForSharedWords(t *testing.T) {
	s := New(t)
	s.SetDimension(128)
	texts := []string{"Three Nos policy", "three nos POLICY!", "South China Sea"}
	resp, err := embed(t, s.Client(""), EmbeddingModel, texts)
	if err != nil {
		t.Fatal(err)
	}
	v := make([][]float32, len(resp.Data))
	for i, d := range resp.Data {
		v[i] = d.Embedding
		if n := norm(d.Embedding); math.Abs(n-1) > 1e-5 {
			t.Errorf("vector %d has norm %v", i, n)
		}
		if len(d.Embedding) != 128 {
			t.Errorf("vector %d has length %d", i, len(d.Embedding))
		}
	}
	if dot(v[0], v[1]) < 0.999 {
		t.Errorf("same words, different case: similarity %v", dot(v[0], v[1]))
	}
	if dot(v[0], v[2]) > 0.5 {
		t.Errorf("different words: similarity %v", dot(v[0], v[2]))
	}
	again := Vector("Three Nos policy", 128)
	if dot(v[0], again) < 0.999999 {
		t.Error("Vector does not match what the server returned")
	}
	if got := s.EmbeddedTexts(); strings.Join(got, "|") != strings.Join(texts, "|") {
		t.Errorf("EmbeddedTexts = %q", got)
	}
}

func TestEmbeddingsOptions(t *testing.T) {
	t.Run("base64 encoding", func(t *testing.T) {
		s := New(t)
		resp, err := s.Client("").CreateEmbeddings(ctx(t, 5*time.Second), openai.EmbeddingRequest{
			Input: []string{"a b"}, Model: EmbeddingModel, EncodingFormat: openai.EmbeddingEncodingFormatBase64})
		if err != nil {
			t.Fatal(err)
		}
		if dot(resp.Data[0].Embedding, Vector("a b", Dimension)) < 0.999999 {
			t.Error("base64 vector differs from the float one")
		}
	})
	t.Run("dimensions asked for", func(t *testing.T) {
		s := New(t)
		resp, err := s.Client("").CreateEmbeddings(ctx(t, 5*time.Second), openai.EmbeddingRequest{
			Input: "a", Model: EmbeddingModel, Dimensions: 8})
		if err != nil || len(resp.Data[0].Embedding) != 8 {
			t.Fatalf("err %v, got %d", err, len(resp.Data[0].Embedding))
		}
	})
	t.Run("scale", func(t *testing.T) {
		s := New(t)
		s.SetScale(3)
		resp, err := embed(t, s.Client(""), EmbeddingModel, "a")
		if err != nil || math.Abs(norm(resp.Data[0].Embedding)-3) > 1e-5 {
			t.Fatalf("err %v, norm %v", err, norm(resp.Data[0].Embedding))
		}
	})
	t.Run("ragged and reordered", func(t *testing.T) {
		s := New(t)
		s.FailNext(Embeddings, RaggedVectors(), Reordered())
		resp, err := embed(t, s.Client(""), EmbeddingModel, []string{"a", "b"})
		if err != nil || len(resp.Data[0].Embedding) == len(resp.Data[1].Embedding) {
			t.Fatalf("err %v; want vectors of different lengths", err)
		}
		resp, err = embed(t, s.Client(""), EmbeddingModel, []string{"a", "b"})
		if err != nil || resp.Data[0].Index != 1 || resp.Data[1].Index != 0 {
			t.Fatalf("err %v; want indices 1, 0", err)
		}
	})
	t.Run("added models", func(t *testing.T) {
		s := New(t)
		s.AddModels("nomic-embed-text")
		if _, err := embed(t, s.Client(""), "nomic-embed-text", "a"); err != nil {
			t.Fatal(err)
		}
		list, err := s.Client("").ListModels(ctx(t, 5*time.Second))
		if err != nil || len(list.Models) != 3 {
			t.Fatalf("err %v, %d models", err, len(list.Models))
		}
	})
}

func TestRequireAPIKey(t *testing.T) {
	tests := []struct {
		name     string
		key      string
		wantCode int
	}{
		{"right key", "sk-right-key-1234", 0},
		{"wrong key", "sk-wrong-key-9876", 401},
		{"no key", "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			s.RequireAPIKey("sk-right-key-1234")
			_, err := embed(t, s.Client(tt.key), EmbeddingModel, "a")
			if got := statusOf(err); got != tt.wantCode {
				t.Fatalf("status %d, want %d (%v)", got, tt.wantCode, err)
			}
			if err != nil && tt.key != "" && strings.Contains(err.Error(), tt.key) {
				t.Errorf("the 401 message echoes the whole key: %v", err)
			}
		})
	}
}

func TestRetryAfterHeader(t *testing.T) {
	tests := []struct {
		fault      Fault
		wantHeader string
		wantMS     string
	}{
		{RateLimited(time.Second), "1", ""},
		{RateLimited(1500 * time.Millisecond), "2", "1500"},
		{RateLimited(0), "", ""},
		{Unavailable().WithRetryAfter(3 * time.Second), "3", ""},
	}
	for _, tt := range tests {
		t.Run(tt.fault.String()+"/"+tt.wantHeader, func(t *testing.T) {
			s := New(t)
			s.FailNext("/v1/embeddings", tt.fault)
			req, _ := http.NewRequestWithContext(ctx(t, 5*time.Second), http.MethodPost, s.URL()+"/embeddings",
				strings.NewReader(`{"model":"test-embedding","input":"a"}`))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.fault.Status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.fault.Status)
			}
			if got := resp.Header.Get("Retry-After"); got != tt.wantHeader {
				t.Errorf("Retry-After = %q, want %q", got, tt.wantHeader)
			}
			if got := resp.Header.Get("Retry-After-Ms"); got != tt.wantMS {
				t.Errorf("retry-after-ms = %q, want %q", got, tt.wantMS)
			}
		})
	}
}

func TestChatCompletion(t *testing.T) {
	tests := []struct {
		name     string
		model    string
		fault    *Fault
		want     string
		wantCode int
	}{
		{name: "default reply", model: ChatModel, want: Reply},
		{name: "unknown model", model: "gpt-nope", wantCode: 404},
		{name: "bad key", model: ChatModel, fault: ptr(BadKey()), wantCode: 401},
		{name: "rate limited", model: ChatModel, fault: ptr(RateLimited(time.Second)), wantCode: 429},
		{name: "stream error fault is a 500 without streaming", model: ChatModel, fault: ptr(StreamError(1, "boom")), wantCode: 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			if tt.fault != nil {
				s.FailNext(ChatCompletions, *tt.fault)
			}
			resp, err := s.Client("").CreateChatCompletion(ctx(t, 5*time.Second), chatRequest(tt.model))
			if got := statusOf(err); got != tt.wantCode {
				t.Fatalf("status %d, want %d (%v)", got, tt.wantCode, err)
			}
			if tt.wantCode != 0 {
				return
			}
			if got := resp.Choices[0].Message.Content; got != tt.want {
				t.Errorf("reply %q, want %q", got, tt.want)
			}
			if resp.Choices[0].FinishReason != openai.FinishReasonStop || resp.Object != "chat.completion" {
				t.Errorf("finish %q, object %q", resp.Choices[0].FinishReason, resp.Object)
			}
			if got := s.LastChatRequest().Messages[0].Content; got != "What are the Three Nos?" {
				t.Errorf("LastChatRequest has %q", got)
			}
		})
	}
}

func TestChatStream(t *testing.T) {
	const reply = "No military alliances [1], no foreign bases [2], no siding with one country against another."
	tests := []struct {
		name      string
		fault     *Fault
		want      string // content received
		wantErr   error  // nil: the stream ends with [DONE]
		wantPiece bool   // the error must come after some content
	}{
		{name: "whole reply then DONE", want: reply},
		{name: "cut mid-answer", fault: ptr(CutStream(3)), want: strings.Join(Pieces(reply)[:3], ""), wantErr: io.ErrUnexpectedEOF},
		{name: "cut after last delta, before DONE", fault: ptr(CutStream(100)), want: reply, wantErr: io.ErrUnexpectedEOF},
		{name: "error event mid-answer", fault: ptr(StreamError(2, "the model crashed")), want: strings.Join(Pieces(reply)[:2], ""), wantErr: errors.New("the model crashed")},
		{name: "malformed event", fault: ptr(Malformed()), wantErr: errors.New("invalid character")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			s.SetChatReply(func(openai.ChatCompletionRequest) string { return reply })
			if tt.fault != nil {
				s.FailNext(ChatCompletions, *tt.fault)
			}
			req := chatRequest(ChatModel)
			req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
			stream, err := s.Client("").CreateChatCompletionStream(ctx(t, 5*time.Second), req)
			if err != nil {
				t.Fatal(err)
			}
			defer stream.Close()
			if ct := stream.Header().Get("Content-Type"); ct != "text/event-stream" {
				t.Errorf("Content-Type %q", ct)
			}
			got, roles, err := readStream(stream)
			if got != tt.want {
				t.Errorf("content %q, want %q", got, tt.want)
			}
			switch {
			case tt.wantErr == nil && err != nil:
				t.Errorf("stream ended with %v, want [DONE]", err)
			case tt.wantErr != nil && (err == nil || !(errors.Is(err, tt.wantErr) || strings.Contains(err.Error(), tt.wantErr.Error()))):
				t.Errorf("stream ended with %v, want %v", err, tt.wantErr)
			}
			if tt.fault == nil || tt.fault.kind != kindMalformed {
				if len(roles) != 1 || roles[0] != openai.ChatMessageRoleAssistant {
					t.Errorf("roles %q, want one assistant role first", roles)
				}
			}
			if !s.LastChatRequest().Stream {
				t.Error("LastChatRequest().Stream is false")
			}
		})
	}
}

func TestChatStreamArrivesInPiecesOverTime(t *testing.T) {
	s := New(t)
	s.SetChatReply(func(req openai.ChatCompletionRequest) string { return "one two three four five" })
	s.SetChunkDelay(40 * time.Millisecond)
	start := time.Now()
	stream, err := s.Client("").CreateChatCompletionStream(ctx(t, 5*time.Second), chatRequest(ChatModel))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var arrivals []time.Duration
	var contents []string
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Choices) > 0 && resp.Choices[0].Delta.Content != "" {
			arrivals = append(arrivals, time.Since(start))
			contents = append(contents, resp.Choices[0].Delta.Content)
		}
	}
	if len(contents) != 5 {
		t.Fatalf("got %d content deltas %q, want 5", len(contents), contents)
	}
	if first, last := arrivals[0], arrivals[len(arrivals)-1]; last-first < 120*time.Millisecond {
		t.Errorf("first delta at %v, last at %v: not streamed", first, last)
	}
}

func TestHeldResponsesEndWhenTheClientOrServerGivesUp(t *testing.T) {
	tests := []struct {
		name   string
		fault  Fault
		stream bool
		close  bool // close the server instead of cancelling the request
	}{
		{name: "slow embeddings, client timeout", fault: Slow(0)},
		{name: "slow embeddings, server closes", fault: Slow(0), close: true},
		{name: "stalled stream, client timeout", fault: StallStream(2), stream: true},
		{name: "stalled stream, server closes", fault: StallStream(2), stream: true, close: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			ep := Embeddings
			if tt.stream {
				ep = ChatCompletions
			}
			s.FailNext(ep, tt.fault)
			timeout := 200 * time.Millisecond
			if tt.close {
				timeout = 5 * time.Second
				time.AfterFunc(200*time.Millisecond, s.Close)
			}
			start := time.Now()
			var err error
			if tt.stream {
				var stream *openai.ChatCompletionStream
				stream, err = s.Client("").CreateChatCompletionStream(ctx(t, timeout), chatRequest(ChatModel))
				if err == nil {
					_, _, err = readStream(stream)
					stream.Close()
				}
			} else {
				_, err = s.Client("").CreateEmbeddings(ctx(t, timeout), openai.EmbeddingRequest{Input: "a", Model: EmbeddingModel})
			}
			if err == nil {
				t.Fatal("want an error")
			}
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("took %v to end", elapsed)
			}
		})
	}
}

func TestUnusedURLRefusesConnections(t *testing.T) {
	cfg := openai.DefaultConfig("")
	cfg.BaseURL = UnusedURL(t)
	_, err := openai.NewClientWithConfig(cfg).CreateEmbeddings(ctx(t, 5*time.Second),
		openai.EmbeddingRequest{Input: "a", Model: EmbeddingModel})
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("err = %v, want connection refused", err)
	}
}

func TestPieces(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"one", []string{"one"}},
		{"one two", []string{"one ", "two"}},
		{"  lead and trail  ", []string{"  lead ", "and ", "trail  "}},
		{"a\n\nb", []string{"a\n\n", "b"}},
	}
	for _, tt := range tests {
		got := Pieces(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("Pieces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func norm(v []float32) float64 { return math.Sqrt(dot(v, v)) }

func dot(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}
