package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/openaitest"
	"github.com/lectern/lectern/retrieval"
)

// newChatServer starts the OpenAI-compatible test server, serving
// testModel to requests that send testKey.
func newChatServer(t *testing.T, reply string) *openaitest.Server {
	srv := openaitest.New(t)
	srv.AddModels(testModel)
	srv.RequireAPIKey(testKey)
	srv.SetChatReply(func(openai.ChatCompletionRequest) string { return reply })
	return srv
}

const (
	testModel = "llama3.1:8b"
	testKey   = "sk-secret-key"
)

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
		out = append(out, s.passageSaying(t, phrase))
	}
	return out
}

func newGenerating(t *testing.T, url string, search Searcher) *Answerer {
	return New(search, Config{ChatBaseURL: url, ChatModel: testModel, APIKey: testKey, Timeout: 2 * time.Second, TopK: 3, Logger: testLogger(t)})
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
	passages := threeNosPassages(t)
	chat := newChatServer(t, "Vietnam's constitution commits it to the “Three Nos”: no military alliance, "+
		"no foreign bases and no siding with one power against another [2]. It keeps the U.S. as a hedge [9][3] to maintain healthy relations with China [2, 3].")
	a := newGenerating(t, chat.URL(), passages)

	var partials []string
	ans, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, func(text string) { partials = append(partials, text) })
	if err != nil {
		t.Fatal(err)
	}
	want := "Vietnam's constitution commits it to the “Three Nos”: no military alliance, no foreign bases and no siding with one power against another [1]. It keeps the U.S. as a hedge [2] to maintain healthy relations with China [1][2]."
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
		t.Errorf("onPartial called %d times, want one per piece", len(partials))
	}
	for i := 1; i < len(partials); i++ {
		if !strings.HasPrefix(partials[i], partials[i-1]) || len(partials[i]) <= len(partials[i-1]) {
			t.Errorf("partial %d %q does not grow from %q", i, partials[i], partials[i-1])
		}
	}

	if n := chat.Requests(openaitest.ChatCompletions); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}
	r := chat.LastChatRequest()
	if r.Model != testModel || !r.Stream || len(r.Messages) != 2 || r.Messages[0].Role != "system" || r.Messages[1].Role != "user" {
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
	chat := newChatServer(t, "Richard Javad Heydarian wrote it [1].")
	a := newGenerating(t, chat.URL(), threeNosPassages(t))
	history := []Turn{{Question: "What are the Three Nos?", Answer: "No military alliance, no foreign bases, no siding [1]."}}
	if _, err := a.Ask(context.Background(), Request{Question: "And who wrote it?", History: history}, nil); err != nil {
		t.Fatal(err)
	}
	user := chat.LastChatRequest().Messages[1].Content
	for _, want := range []string{"Q: What are the Three Nos?\nA: No military alliance, no foreign bases, no siding [1].", "Question: And who wrote it?"} {
		if !strings.Contains(user, want) {
			t.Errorf("the prompt lacks %q:\n%s", want, user)
		}
	}
}

func TestGeneratedNotFound(t *testing.T) {
	tests := []struct {
		name  string
		reply string
	}{
		{"the not-found sentence", "I couldn't find that in the reading list."},
		{"the not-found sentence, loosely", "I couldn’t find that in the reading list"},
		// An uncited answer and an empty reply are not "not found": see
		// TestModelFailuresGetTheExtractiveAnswer and TestUnsupportedSentencesAreDropped.
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chat := newChatServer(t, tt.reply)
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
	chat := newChatServer(t, "Argentina won [1].")
	a := newGenerating(t, chat.URL(), newSeedSearcher(t))
	ans, err := a.Ask(context.Background(), Request{Question: "Who won the 2018 FIFA World Cup?"}, nil)
	if err != nil || ans.Mode != ModeNotFound {
		t.Fatalf("got %+v, %v; want not found", ans, err)
	}
	if n := chat.Requests(openaitest.ChatCompletions); n != 0 {
		t.Errorf("the model was asked %d times", n)
	}
}

func TestEndpointFailures(t *testing.T) {
	const notAnswering = "is not answering; try again in a minute."
	tests := []struct {
		name     string
		fault    *openaitest.Fault
		key      string // the API key sent; testKey when empty
		model    string // the model asked for; testModel when empty
		kind     ErrorKind
		message  string        // UserMessage contains this
		partials bool          // some text was streamed before the failure
		times    int           // how many requests in a row get the fault; 0 means 1
		timeout  time.Duration // the call's timeout; 0 means 300 ms
	}{
		{name: "wrong API key", key: "sk-wrong", kind: KindAuth, message: "The language model rejected the API key."},
		{name: "401 that repeats the key", fault: ptr(openaitest.Status(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: "+testKey+".")),
			kind: KindAuth, message: "The language model rejected the API key."},
		{name: "unknown model", model: "no-such-model", kind: KindModel, message: `The model "no-such-model" is not available at http://127.0.0.1:`},
		{name: "429", fault: ptr(openaitest.RateLimited(time.Second)), kind: KindRateLimit, message: "is busy; try again in a minute."},
		{name: "500 to every attempt", fault: ptr(openaitest.InternalError()), times: config.Default().Chat.MaxAttempts, timeout: 10 * time.Second, kind: KindServer, message: notAnswering},
		{name: "503 to every attempt", fault: ptr(openaitest.Unavailable()), times: config.Default().Chat.MaxAttempts, timeout: 10 * time.Second, kind: KindServer, message: notAnswering},
		{name: "malformed event", fault: ptr(openaitest.Malformed()), kind: KindBadReply, message: "sent a reply Lectern cannot read."},
		{name: "error mid-stream", fault: ptr(openaitest.StreamError(3, "out of memory")), kind: KindServer, message: notAnswering, partials: true},
		{name: "stream cut mid-answer", fault: ptr(openaitest.CutStream(3)), kind: KindCut, message: notAnswering, partials: true},
		{name: "no reply at all", fault: ptr(openaitest.Slow(0)), kind: KindTimeout, message: notAnswering},
		{name: "stream stalls mid-answer", fault: ptr(openaitest.StallStream(3)), kind: KindTimeout, message: notAnswering, partials: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chat := newChatServer(t, "Vietnam follows the Three Nos of its constitution [2].")
			if tt.fault != nil {
				for range max(tt.times, 1) {
					chat.FailNext(openaitest.ChatCompletions, *tt.fault)
				}
			}
			var logs strings.Builder
			cfg := Config{ChatBaseURL: chat.URL(), ChatModel: testModel, APIKey: testKey, Timeout: cmp.Or(tt.timeout, 300*time.Millisecond), TopK: 3,
				Logger: slog.New(slog.NewTextHandler(&logs, nil)), Sleep: (&openaitest.Sleeps{}).Sleep}
			if tt.key != "" {
				cfg.APIKey = tt.key
			}
			if tt.model != "" {
				cfg.ChatModel = tt.model
			}
			partials := 0
			ans, err := New(threeNosPassages(t), cfg).Ask(context.Background(), Request{Question: "What are the Three Nos?"}, func(string) { partials++ })
			err = modelDown(t, ans, err)
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
			if strings.Contains(msg, cfg.APIKey) || strings.Contains(err.Error(), cfg.APIKey) || strings.Contains(logs.String(), cfg.APIKey) {
				t.Errorf("the API key leaks: %q / %v / log %q", msg, err, logs.String())
			}
			if (partials > 0) != tt.partials {
				t.Errorf("%d partials before the failure", partials)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// modelDown checks that Ask, its endpoint failing, still answered from the
// reading list (the three passages answer the question), and returns the
// endpoint's failure that the answer carries.
func modelDown(t *testing.T, ans Answer, err error) error {
	t.Helper()
	if err != nil {
		t.Fatalf("Ask = %v, want an answer from the reading list", err)
	}
	if ans.endpointErr == nil || ans.Note != NoteModelDown(ans.endpointErr) {
		t.Fatalf("Ask = %+v, want the endpoint's failure and its note", ans)
	}
	if ans.Mode != ModeExtractive || len(ans.Citations) == 0 {
		t.Errorf("the fallback answer is %s with %d citations, want an extractive one", ans.Mode, len(ans.Citations))
	}
	return ans.endpointErr
}

// A reply that is no event stream at all (a proxy's HTML page) is a reply
// Lectern cannot read, not an empty answer.
// TestBusyEndpointIsAskedAgain: a request the endpoint turns away as busy
// or failing (429, 5xx) is sent again, after the wait its Retry-After asks
// for, else a short backoff, at most config.Default().Chat.MaxAttempts times and never past the
// timeout; a request it refuses for what it is (401) is not.
func TestBusyEndpointIsAskedAgain(t *testing.T) {
	tests := []struct {
		name     string
		faults   []openaitest.Fault
		timeout  time.Duration
		requests int // how many requests the endpoint gets
		// waits are the waits between them, each within [min, max]
		waits [][2]time.Duration
		kind  ErrorKind // "" when the answer is generated
	}{
		{name: "503 once", faults: []openaitest.Fault{openaitest.Unavailable()}, requests: 2, waits: [][2]time.Duration{backoffRange(chatRetryWait)}},
		{name: "500 twice", faults: []openaitest.Fault{openaitest.InternalError(), openaitest.InternalError()}, requests: 3,
			waits: [][2]time.Duration{backoffRange(chatRetryWait), backoffRange(chatRetryWait * 3 / 2)}},
		{name: "429 with Retry-After", faults: []openaitest.Fault{openaitest.RateLimited(600 * time.Millisecond)}, requests: 2,
			waits: [][2]time.Duration{{600 * time.Millisecond, 600 * time.Millisecond}}},
		{name: "429 asking for more than the time left", faults: []openaitest.Fault{openaitest.RateLimited(3 * time.Second)}, timeout: time.Second, requests: 1, kind: KindRateLimit},
		{name: "429 asking for more than anyone waits", faults: []openaitest.Fault{openaitest.RateLimited(config.Default().Chat.MaxRetryWait.Duration + time.Second)}, timeout: time.Minute, requests: 1, kind: KindRateLimit},
		{name: "503 to every attempt", faults: slices.Repeat([]openaitest.Fault{openaitest.Unavailable()}, config.Default().Chat.MaxAttempts), requests: config.Default().Chat.MaxAttempts,
			waits: [][2]time.Duration{backoffRange(chatRetryWait), backoffRange(chatRetryWait * 3 / 2)}, kind: KindServer},
		{name: "401", faults: []openaitest.Fault{openaitest.BadKey()}, requests: 1, kind: KindAuth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chat := newChatServer(t, "Vietnam follows the Three Nos of its constitution [2].")
			chat.FailNext(openaitest.ChatCompletions, tt.faults...)
			sleeps := &openaitest.Sleeps{}
			cfg := Config{ChatBaseURL: chat.URL(), ChatModel: testModel, APIKey: testKey, Timeout: cmp.Or(tt.timeout, 10*time.Second), TopK: 3, Logger: testLogger(t), Sleep: sleeps.Sleep}
			ans, err := New(threeNosPassages(t), cfg).Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
			if tt.kind != "" {
				err = modelDown(t, ans, err)
			}
			if got := chat.Requests(openaitest.ChatCompletions); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
			waits := sleeps.Waits()
			if len(waits) != len(tt.waits) {
				t.Errorf("waited %v, want %d waits", waits, len(tt.waits))
			}
			for i, w := range waits[:min(len(waits), len(tt.waits))] {
				if w < tt.waits[i][0] || w > tt.waits[i][1] {
					t.Errorf("wait %d is %v, want %v to %v", i+1, w, tt.waits[i][0], tt.waits[i][1])
				}
			}
			if tt.kind == "" {
				if err != nil || ans.Mode != ModeGenerated {
					t.Fatalf("Ask = %+v, %v; want a generated answer", ans, err)
				}
				return
			}
			var ee *EndpointError
			if !errors.As(err, &ee) || ee.Kind != tt.kind {
				t.Fatalf("err = %v, want an EndpointError of kind %s", err, tt.kind)
			}
		})
	}
}

// backoffRange is the range of an exponential backoff's wait of d, with
// the jitter of half of it either way; each backoff is 1.5 times the last.
func backoffRange(d time.Duration) [2]time.Duration { return [2]time.Duration{d / 2, d * 3 / 2} }

func TestReplyThatIsNoEventStream(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>Welcome to nginx!</body></html>\n")
	}))
	defer srv.Close()
	ans, err := newGenerating(t, srv.URL+"/v1", threeNosPassages(t)).Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
	err = modelDown(t, ans, err)
	var ee *EndpointError
	if !errors.As(err, &ee) || ee.Kind != KindBadReply {
		t.Fatalf("err = %v, want a bad-reply EndpointError", err)
	}
}

func TestConnectionRefused(t *testing.T) {
	url := openaitest.UnusedURL(t)
	sleeps := &openaitest.Sleeps{}
	a := New(threeNosPassages(t), Config{ChatBaseURL: url, ChatModel: testModel, APIKey: testKey, Timeout: 2 * time.Second, TopK: 3, Logger: testLogger(t), Sleep: sleeps.Sleep})
	ans, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
	err = modelDown(t, ans, err)
	var ee *EndpointError
	if !errors.As(err, &ee) || ee.Kind != KindUnreachable {
		t.Fatalf("err = %v, want an unreachable EndpointError", err)
	}
	if want := "The language model at " + url + " is not answering; try again in a minute."; UserMessage(err) != want {
		t.Errorf("UserMessage = %q, want %q", UserMessage(err), want)
	}
	if n := len(sleeps.Waits()); n != config.Default().Chat.MaxAttempts-1 {
		t.Errorf("%d waits between attempts, want %d: a refused connection is tried again", n, config.Default().Chat.MaxAttempts-1)
	}
}

func TestAskerCancelsIsNotTheEndpointsFault(t *testing.T) {
	chat := newChatServer(t, "")
	chat.FailNext(openaitest.ChatCompletions, openaitest.Slow(0))
	a := New(threeNosPassages(t), Config{ChatBaseURL: chat.URL(), ChatModel: testModel, APIKey: testKey, Timeout: time.Minute, TopK: 3, Logger: testLogger(t)})
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

// TestGeneratedSendsTheConfiguredTemperature: the temperature reaches the
// server, including 0, which go-openai alone would leave out of the request
// (and the server would then use its own default).
func TestGeneratedSendsTheConfiguredTemperature(t *testing.T) {
	tests := []struct {
		name       string
		configured float32
		want       func(float32) bool
	}{
		{"a positive temperature is sent as it is", 0.3, func(got float32) bool { return got == 0.3 }},
		{"zero is sent as greedy, not left out", 0, func(got float32) bool { return got > 0 && got < 1e-6 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chat := newChatServer(t, "The Three Nos are three refusals [2].")
			a := New(threeNosPassages(t), Config{ChatBaseURL: chat.URL(), ChatModel: testModel, APIKey: testKey, Timeout: 2 * time.Second, TopK: 3, Temperature: tt.configured, Logger: testLogger(t)})
			if _, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil); err != nil {
				t.Fatal(err)
			}
			if got := chat.LastChatRequest().Temperature; !tt.want(got) {
				t.Errorf("temperature sent = %g for %g configured", got, tt.configured)
			}
		})
	}
}
