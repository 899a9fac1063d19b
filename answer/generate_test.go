package answer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern/lectern/retrieval"
)

// fakeChat is an OpenAI-compatible chat endpoint for tests: it streams a
// set reply, or fails in a set way, and records the requests it gets.
type fakeChat struct {
	srv   *httptest.Server
	mu    sync.Mutex
	reply []string // chunks of the answer
	fault string
	reqs  []chatRequest
}

type chatRequest struct {
	Model    string `json:"model"`
	Stream   bool   `json:"stream"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	Auth string `json:"-"`
}

func newFakeChat(t *testing.T) *fakeChat {
	f := &fakeChat{}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeChat) URL() string { return f.srv.URL + "/v1" }

func (f *fakeChat) setReply(chunks ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reply = chunks
}

func (f *fakeChat) setFault(fault string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault = fault
}

func (f *fakeChat) requests() []chatRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]chatRequest(nil), f.reqs...)
}

func (f *fakeChat) serve(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	body, _ := io.ReadAll(r.Body)
	_ = json.Unmarshal(body, &req)
	req.Auth = r.Header.Get("Authorization")
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	reply, fault := f.reply, f.fault
	f.mu.Unlock()
	if r.URL.Path != "/v1/chat/completions" {
		http.NotFound(w, r)
		return
	}
	errorBody := func(status int, msg string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"error":{"message":%q,"type":"error"}}`, msg)
	}
	switch fault {
	case "401":
		errorBody(401, "invalid api key")
		return
	case "404":
		errorBody(404, fmt.Sprintf("model %q not found, try pulling it first", req.Model))
		return
	case "429":
		errorBody(429, "rate limit reached")
		return
	case "500":
		errorBody(500, "internal error")
		return
	case "malformed":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>Welcome to nginx!</body></html>\n")
		return
	case "hang":
		<-r.Context().Done()
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	flusher := w.(http.Flusher)
	for _, c := range reply {
		chunk, _ := json.Marshal(map[string]any{
			"id": "x", "object": "chat.completion.chunk", "model": req.Model,
			"choices": []map[string]any{{"index": 0, "delta": map[string]string{"content": c}}},
		})
		fmt.Fprintf(w, "data: %s\n\n", chunk)
		flusher.Flush()
	}
	switch fault {
	case "cut": // the connection drops before the end
		return
	case "stall": // the answer starts, then nothing more comes
		<-r.Context().Done()
		return
	case "midstream-error":
		fmt.Fprint(w, "data: {\"error\":{\"message\":\"out of memory\",\"type\":\"server_error\"}}\n\n")
		return
	case "bad-chunk":
		fmt.Fprint(w, "data: {not json\n\n")
		return
	}
	fmt.Fprint(w, "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
	fmt.Fprint(w, "data: [DONE]\n\n")
}

// fixedSearcher returns the same passages for every query.
type fixedSearcher []retrieval.Passage

func (s fixedSearcher) Search(_ context.Context, _ string, k int) ([]retrieval.Passage, error) {
	return s[:min(k, len(s))], nil
}

// threeNosPassages are three passages of the seeds: [1] on Xi's visit to
// Hanoi, [2] the one that states the Three Nos, [3] on the U.S. as a hedge.
func threeNosPassages(t *testing.T) fixedSearcher {
	s := newSeedSearcher(t)
	var out fixedSearcher
	for _, phrase := range []string{"signed at least 36 agreements", "no military alliance with any foreign power", "Having the United States as a hedge"} {
		i := slices.IndexFunc(s.passages, func(p retrieval.Passage) bool { return strings.Contains(p.Text, phrase) })
		if i < 0 {
			t.Fatalf("no seed passage says %q", phrase)
		}
		out = append(out, s.passages[i])
	}
	return out
}

func newGenerating(t *testing.T, url string, search Searcher) *Answerer {
	return New(search, Config{ChatBaseURL: url, ChatModel: "llama3.1:8b", APIKey: "sk-secret-key", Timeout: 2 * time.Second, TopK: 3, Logger: testLogger(t)})
}

// testLogger sends the answerer's log to the test's log.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func TestGeneratedAnswerStreamsAndCites(t *testing.T) {
	chat := newFakeChat(t)
	passages := threeNosPassages(t)
	chat.setReply("Vietnam's constitution commits it to the ", "“Three Nos”: no military alliance, ", "no foreign bases and no siding with one power against another [", "2].", " It hedges with the U.S. [9][3]", " as a counterweight [2, 3].")
	a := newGenerating(t, chat.URL(), passages)

	var partials []string
	ans, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, func(text string) { partials = append(partials, text) })
	if err != nil {
		t.Fatal(err)
	}
	want := "Vietnam's constitution commits it to the “Three Nos”: no military alliance, no foreign bases and no siding with one power against another [1]. It hedges with the U.S. [2] as a counterweight [1][2]."
	if ans.Mode != ModeGenerated || ans.Text != want {
		t.Errorf("answer %s %q, want generated %q", ans.Mode, ans.Text, want)
	}
	checkAnswer(t, ans, passages)
	if len(ans.Citations) != 2 || ans.Citations[0].Source != passages[1].Source || ans.Citations[1].Source != passages[2].Source {
		t.Errorf("citations %+v, want passages 2 and 3 as [1] and [2]", ans.Citations)
	}
	if !strings.Contains(ans.Citations[0].Quote, "no military alliance") {
		t.Errorf("quote of [1] %q does not support the claim", ans.Citations[0].Quote)
	}
	if !strings.Contains(ans.Citations[1].Quote, "hedge") {
		t.Errorf("quote of [2] %q does not support the claim", ans.Citations[1].Quote)
	}
	if len(partials) < 3 {
		t.Errorf("onPartial called %d times, want one per chunk", len(partials))
	}
	for i := 1; i < len(partials); i++ {
		if !strings.HasPrefix(partials[i], partials[i-1]) || len(partials[i]) <= len(partials[i-1]) {
			t.Errorf("partial %d %q does not grow from %q", i, partials[i], partials[i-1])
		}
	}

	reqs := chat.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Model != "llama3.1:8b" || !r.Stream || r.Auth != "Bearer sk-secret-key" || len(r.Messages) != 2 {
		t.Errorf("request %+v", r)
	}
	user := r.Messages[1].Content
	for i, p := range passages {
		if !strings.Contains(user, fmt.Sprintf("[%d] (%s", i+1, p.Title)) || !strings.Contains(user, strings.TrimSpace(p.Text)) {
			t.Errorf("the prompt lacks passage [%d]:\n%s", i+1, user)
		}
	}
	if !strings.Contains(user, "Question: What are the Three Nos?") || !strings.Contains(r.Messages[0].Content, NotFoundText) {
		t.Errorf("the prompt lacks the question or the not-found sentence")
	}
}

func TestGeneratedPromptCarriesTheConversation(t *testing.T) {
	chat := newFakeChat(t)
	chat.setReply("Richard Javad Heydarian wrote it [1].")
	a := newGenerating(t, chat.URL(), threeNosPassages(t))
	history := []Turn{{Question: "What are the Three Nos?", Answer: "No military alliance, no foreign bases, no siding [1]."}}
	if _, err := a.Ask(context.Background(), Request{Question: "And who wrote it?", History: history}, nil); err != nil {
		t.Fatal(err)
	}
	user := chat.requests()[0].Messages[1].Content
	for _, want := range []string{"Q: What are the Three Nos?\nA: No military alliance, no foreign bases, no siding [1].", "Question: And who wrote it?"} {
		if !strings.Contains(user, want) {
			t.Errorf("the prompt lacks %q:\n%s", want, user)
		}
	}
}

func TestGeneratedNotFound(t *testing.T) {
	tests := []struct {
		name  string
		reply []string
	}{
		{"the not-found sentence", []string{"I couldn't find that ", "in the reading list."}},
		{"the not-found sentence, loosely", []string{"I couldn’t find that in the reading list"}},
		{"markers only to missing passages", []string{"Vietnam follows the Three Nos [7]."}},
		{"no markers at all", []string{"Vietnam follows the Three Nos."}},
		{"an empty reply", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chat := newFakeChat(t)
			chat.setReply(tt.reply...)
			ans, err := newGenerating(t, chat.URL(), threeNosPassages(t)).Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeNotFound || ans.Text != NotFoundText || len(ans.Citations) != 0 {
				t.Errorf("got %+v, want not found", ans)
			}
		})
	}
}

func TestGeneratedDoesNotAskTheModelWhatTheReadingListCannotAnswer(t *testing.T) {
	chat := newFakeChat(t)
	chat.setReply("Argentina won [1].")
	a := newGenerating(t, chat.URL(), newSeedSearcher(t))
	ans, err := a.Ask(context.Background(), Request{Question: "Who won the 2018 FIFA World Cup?"}, nil)
	if err != nil || ans.Mode != ModeNotFound {
		t.Fatalf("got %+v, %v; want not found", ans, err)
	}
	if n := len(chat.requests()); n != 0 {
		t.Errorf("the model was asked %d times", n)
	}
}

func TestEndpointFailures(t *testing.T) {
	tests := []struct {
		fault    string
		kind     ErrorKind
		message  string // UserMessage contains this
		partials bool   // some text was streamed before the failure
	}{
		{"401", KindAuth, "The language model rejected the API key.", false},
		{"404", KindModel, `The model "llama3.1:8b" is not available at http://127.0.0.1:`, false},
		{"429", KindRateLimit, "is busy; try again in a minute.", false},
		{"500", KindServer, "is not answering; try again in a minute.", false},
		{"malformed", KindBadReply, "sent a reply Lectern cannot read.", false},
		{"bad-chunk", KindBadReply, "sent a reply Lectern cannot read.", true},
		{"midstream-error", KindServer, "is not answering; try again in a minute.", true},
		{"cut", KindCut, "is not answering; try again in a minute.", true},
		{"hang", KindTimeout, "is not answering; try again in a minute.", false},
		{"stall", KindTimeout, "is not answering; try again in a minute.", true},
	}
	for _, tt := range tests {
		t.Run(tt.fault, func(t *testing.T) {
			chat := newFakeChat(t)
			chat.setReply("Vietnam follows ", "the Three Nos")
			chat.setFault(tt.fault)
			a := New(threeNosPassages(t), Config{ChatBaseURL: chat.URL(), ChatModel: "llama3.1:8b", APIKey: "sk-secret-key", Timeout: 300 * time.Millisecond, TopK: 3, Logger: testLogger(t)})
			partials := 0
			start := time.Now()
			ans, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, func(string) { partials++ })
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v", took)
			}
			var ee *EndpointError
			if !errors.As(err, &ee) {
				t.Fatalf("err = %v (answer %+v), want an *EndpointError", err, ans)
			}
			if ee.Kind != tt.kind {
				t.Errorf("kind %s, want %s (%v)", ee.Kind, tt.kind, err)
			}
			msg := UserMessage(err)
			if !strings.Contains(msg, tt.message) {
				t.Errorf("UserMessage = %q, want it to contain %q", msg, tt.message)
			}
			if strings.Contains(msg, "sk-secret-key") || strings.Contains(err.Error(), "sk-secret-key") {
				t.Errorf("the API key leaks: %q / %v", msg, err)
			}
			if (partials > 0) != tt.partials {
				t.Errorf("%d partials before the failure", partials)
			}
		})
	}
}

func TestConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String() + "/v1"
	l.Close()
	a := newGenerating(t, url, threeNosPassages(t))
	_, err = a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
	var ee *EndpointError
	if !errors.As(err, &ee) || ee.Kind != KindUnreachable {
		t.Fatalf("err = %v, want an unreachable EndpointError", err)
	}
	if want := "The language model at " + url + " is not answering; try again in a minute."; UserMessage(err) != want {
		t.Errorf("UserMessage = %q, want %q", UserMessage(err), want)
	}
}

func TestAskerCancelsIsNotTheEndpointsFault(t *testing.T) {
	chat := newFakeChat(t)
	chat.setFault("hang")
	a := New(threeNosPassages(t), Config{ChatBaseURL: chat.URL(), ChatModel: "m", Timeout: time.Minute, TopK: 3, Logger: testLogger(t)})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := a.Ask(ctx, Request{Question: "What are the Three Nos?"}, nil)
	var ee *EndpointError
	if errors.As(err, &ee) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the asker's deadline", err)
	}
}

func TestUserMessage(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{&EndpointError{URL: "http://127.0.0.1:11434/v1", Kind: KindUnreachable}, "The language model at http://127.0.0.1:11434/v1 is not answering; try again in a minute."},
		{fmt.Errorf("ask: %w", &EndpointError{URL: "http://x/v1", Kind: KindAuth}), "The language model rejected the API key."},
		{&EndpointError{URL: "http://x/v1", Model: "x", Kind: KindModel}, `The model "x" is not available at http://x/v1.`},
		{fmt.Errorf("search: %w", retrieval.ErrNoIndex), "The reading list has not been indexed yet; a moderator can run /reindex."},
		{ErrEmptyQuestion, "Ask a question in words, for example: What are the Three Nos?"},
		{context.DeadlineExceeded, "Answering took too long; try again in a minute."},
		{errors.New("disk on fire at /home/x/secret"), "Something went wrong while answering; the details are in the log."},
	}
	for _, tt := range tests {
		if got := UserMessage(tt.err); got != tt.want {
			t.Errorf("UserMessage(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestDisplayURLHidesCredentials(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:11434/v1":            "http://127.0.0.1:11434/v1",
		"https://user:pass@host/v1?key=sk-1#x": "https://host/v1",
		"not a url":                            "the configured address",
	} {
		if got := displayURL(in); got != want {
			t.Errorf("displayURL(%q) = %q, want %q", in, got, want)
		}
	}
}
