package endpoint

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/openaitest"
)

const testKey = "sk-endpoint-test-secret-42"

// scripted is a test endpoint that answers each request with the next
// reply of its script, then with 200 and an empty model list.
type scripted struct {
	mu       sync.Mutex
	replies  []func(http.ResponseWriter)
	requests atomic.Int32
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	s.requests.Add(1)
	s.mu.Lock()
	var reply func(http.ResponseWriter)
	if len(s.replies) > 0 {
		reply, s.replies = s.replies[0], s.replies[1:]
	}
	s.mu.Unlock()
	if reply == nil {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"object":"list","data":[]}`)
		return
	}
	reply(w)
}

// status replies with an OpenAI JSON error of the given status and headers.
func status(code int, message string, headers ...string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"error":{"message":%q,"type":"test"}}`, message)
	}
}

func listModels(ctx context.Context, api *openai.Client) error {
	_, err := api.ListModels(ctx)
	return err
}

// TestCallRetries is the retry policy, request by request, with no clock.
func TestCallRetries(t *testing.T) {
	// now is the clock the client reads, fixed; the caller's deadline is
	// set from it (a real time, so that the context is not over at once).
	now := time.Now().Add(time.Hour).Truncate(time.Second)
	tests := []struct {
		name      string
		replies   []func(http.ResponseWriter)
		attempts  int
		timeout   time.Duration // the caller's; 0 means none
		requests  int
		waits     []time.Duration // exact, or nil to check only their count
		nwaits    int
		kind      Kind // "" for success
		reason    string
		wantError string
	}{
		{name: "success at once", attempts: 3, requests: 1},
		{name: "Retry-After in seconds is waited", attempts: 3, replies: []func(http.ResponseWriter){status(429, "slow down", "Retry-After", "2")},
			requests: 2, waits: []time.Duration{2 * time.Second}},
		{name: "retry-after-ms wins over Retry-After", attempts: 3, replies: []func(http.ResponseWriter){status(503, "busy", "Retry-After", "2", "Retry-After-Ms", "150")},
			requests: 2, waits: []time.Duration{150 * time.Millisecond}},
		{name: "an HTTP date is waited until", attempts: 3, replies: []func(http.ResponseWriter){status(429, "later", "Retry-After", now.Add(7*time.Second).Format(http.TimeFormat))},
			requests: 2, waits: []time.Duration{7 * time.Second}},
		{name: "a server error is retried with backoff", attempts: 3, replies: []func(http.ResponseWriter){status(500, "oops"), status(502, "oops")},
			requests: 3, nwaits: 2},
		{name: "attempts run out", attempts: 2, replies: []func(http.ResponseWriter){status(503, "busy"), status(503, "busy"), status(503, "busy")},
			requests: 2, nwaits: 1, kind: KindServer, reason: "the endpoint failed (503 Service Unavailable)", wantError: "(gave up after 2 attempts)"},
		{name: "one attempt is no retry", attempts: 1, replies: []func(http.ResponseWriter){status(500, "oops")},
			requests: 1, kind: KindServer},
		{name: "a wait over MaxWait is not waited", attempts: 3, replies: []func(http.ResponseWriter){status(429, "slow down", "Retry-After", "3600")},
			requests: 1, kind: KindRateLimit, reason: "asks to wait 1h0m0s before trying again"},
		{name: "a wait past the deadline is not waited", attempts: 3, timeout: time.Minute, replies: []func(http.ResponseWriter){status(429, "slow down", "Retry-After", "90")},
			requests: 1, kind: KindRateLimit, reason: "the time left is shorter"},
		{name: "401 is not retried and the key not shown", attempts: 3, replies: []func(http.ResponseWriter){status(401, "Incorrect API key provided: "+testKey)},
			requests: 1, kind: KindAuth, reason: "rejected the API key"},
		{name: "404 with an OpenAI error is an unknown model", attempts: 3, replies: []func(http.ResponseWriter){status(404, "model not found")},
			requests: 1, kind: KindModel, reason: `model "m" is not available`},
		{name: "400 is refused, not retried", attempts: 3, replies: []func(http.ResponseWriter){status(400, "bad request")},
			requests: 1, kind: KindRejected, reason: "refused the request (400 Bad Request)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &scripted{replies: tt.replies}
			hs := httptest.NewServer(srv)
			defer hs.Close()
			clock := &openaitest.Sleeps{}
			c, err := New(Config{BaseURL: hs.URL + "/v1", Model: "m", APIKey: testKey,
				Retry: Retry{Attempts: tt.attempts, FirstWait: 100 * time.Millisecond, MaxWait: 2 * time.Minute},
				Sleep: clock.Sleep, Now: func() time.Time { return now }})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithDeadline(ctx, now.Add(tt.timeout))
				defer cancel()
			}
			_, err = c.Call(ctx, "list models", listModels)
			if got := int(srv.requests.Load()); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
			if tt.waits != nil && !slices.Equal(clock.Waits(), tt.waits) {
				t.Errorf("waited %v, want %v", clock.Waits(), tt.waits)
			}
			if tt.waits == nil && len(clock.Waits()) != tt.nwaits {
				t.Errorf("waited %v, want %d waits", clock.Waits(), tt.nwaits)
			}
			if tt.kind == "" {
				if err != nil {
					t.Fatalf("Call = %v, want success", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != tt.kind {
				t.Fatalf("Call = %v, want an *Error of kind %s", err, tt.kind)
			}
			if !strings.Contains(e.Reason, tt.reason) || !strings.Contains(err.Error(), tt.wantError) {
				t.Errorf("error %q, want reason with %q and message with %q", err, tt.reason, tt.wantError)
			}
			if strings.Contains(err.Error(), testKey) || strings.Contains(e.Err.Error(), testKey) || strings.Contains(e.Message(), testKey) {
				t.Errorf("the API key leaks: %q", err)
			}
		})
	}
}

// TestCallStopsWhenTheCallerDoes: a context that ends during a wait ends
// the call, with the reason that led to the wait.
func TestCallStopsWhenTheCallerDoes(t *testing.T) {
	srv := &scripted{replies: []func(http.ResponseWriter){status(503, "busy")}}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	ctx, cancel := context.WithCancel(context.Background())
	c, err := New(Config{BaseURL: hs.URL, Model: "m", Retry: Retry{Attempts: 3},
		Sleep: func(ctx context.Context, _ time.Duration) error { cancel(); return ctx.Err() }})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Call(ctx, "list models", listModels)
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindCancelled || !errors.Is(err, context.Canceled) {
		t.Fatalf("Call = %v, want a cancelled *Error", err)
	}
	if !strings.Contains(e.Reason, "cancelled while retrying after: the endpoint failed (503") {
		t.Errorf("reason %q", e.Reason)
	}
}

// TestReplyHeadersAreReturned: the headers of the last reply come back with
// the call, not through a context.
func TestReplyHeadersAreReturned(t *testing.T) {
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Request-Id", "abc")
		fmt.Fprint(w, `{"object":"list","data":[]}`)
	}))
	defer hs.Close()
	c, err := New(Config{BaseURL: hs.URL})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := c.Call(context.Background(), "list models", listModels)
	if err != nil || reply.Header.Get("X-Request-Id") != "abc" {
		t.Fatalf("Call = %v, header %v", err, reply.Header)
	}
}

func TestNewRefusesAnAddressThatIsNoHTTPURL(t *testing.T) {
	for _, raw := range []string{"", "127.0.0.1:11434", "ftp://user:pw@host/v1", "http://"} {
		if _, err := New(Config{BaseURL: raw}); err == nil || strings.Contains(err.Error(), "pw") {
			t.Errorf("New(%q) = %v, want an error without the password", raw, err)
		}
	}
}

func TestDisplayURLHidesCredentials(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:11434/v1":            "http://127.0.0.1:11434/v1",
		"https://user:pass@host/v1?key=sk-1#x": "https://host/v1",
		"not a url":                            "the configured address",
	} {
		if got := DisplayURL(in); got != want {
			t.Errorf("DisplayURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct {
		text    string
		secrets []string
		want    string
	}{
		{"Incorrect API key provided: sk-abc123.", []string{"sk-abc123"}, "Incorrect API key provided: [redacted]."},
		{"token Bot.x.y and key k1k1k1", []string{"Bot.x.y", "k1k1k1"}, "token [redacted] and key [redacted]"},
		{"a short secret is no secret: ab", []string{"ab"}, "a short secret is no secret: ab"},
		{"nothing to hide", nil, "nothing to hide"},
	}
	for _, tt := range tests {
		if got := Redact(tt.text, tt.secrets...); got != tt.want {
			t.Errorf("Redact(%q, %q) = %q, want %q", tt.text, tt.secrets, got, tt.want)
		}
	}
	base := errors.New("refused sk-abc123")
	err := RedactError(base, "sk-abc123")
	if err.Error() != "refused [redacted]" || !errors.Is(err, base) {
		t.Errorf("RedactError = %q (Is %v)", err, errors.Is(err, base))
	}
}
