package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/internal/discordtest"
	"github.com/lectern/lectern/retrieval"
)

// IDs used by the tests.
const (
	testGuild   = "100000000000000001"
	testChannel = "100000000000000010"
	modRole     = "100000000000000020"
)

var (
	ada   = discordtest.User{ID: "300000000000000001", Username: "ada"}
	grace = discordtest.User{ID: "300000000000000002", Username: "grace"}
)

// TestMain fails the run when goroutines of the bot, discordgo or the
// stand-in outlive the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if leaked := waitForLeaks(5 * time.Second); leaked != "" {
			fmt.Fprintln(os.Stderr, "goroutines leaked:\n"+leaked)
			code = 1
		}
	}
	os.Exit(code)
}

func waitForLeaks(within time.Duration) string {
	deadline := time.Now().Add(within)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var leaked []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "waitForLeaks") {
				continue
			}
			if strings.Contains(g, "lectern/bot.") || strings.Contains(g, "discordgo.") || strings.Contains(g, "discordtest.") {
				leaked = append(leaked, g)
			}
		}
		if len(leaked) == 0 {
			return ""
		}
		if time.Now().After(deadline) {
			return strings.Join(leaked, "\n\n")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// askFunc is what a fake Asker does.
type askFunc func(ctx context.Context, req answer.Request, onPartial func(string)) (answer.Answer, error)

// fakeAsker records the requests and answers with fn.
type fakeAsker struct {
	mu   sync.Mutex
	reqs []answer.Request
	fn   askFunc
}

func (f *fakeAsker) Ask(ctx context.Context, req answer.Request, onPartial func(string)) (answer.Answer, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	fn := f.fn
	f.mu.Unlock()
	return fn(ctx, req, onPartial)
}

func (f *fakeAsker) requests() []answer.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]answer.Request(nil), f.reqs...)
}

// fakeSearcher returns fixed passages.
type fakeSearcher struct {
	passages []retrieval.Passage
	err      error
	hang     bool // search until the context ends
}

func (f fakeSearcher) Search(ctx context.Context, query string, k int) ([]retrieval.Passage, error) {
	if f.hang {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	if f.err != nil {
		return nil, f.err
	}
	return f.passages[:min(k, len(f.passages))], nil
}

// fakeLibrary reindexes with fn and lists sources.
type fakeLibrary struct {
	mu      sync.Mutex
	calls   int
	fn      func(ctx context.Context, progress func(retrieval.Progress)) (retrieval.Report, error)
	sources []retrieval.SourceStats
}

func (f *fakeLibrary) Reindex(ctx context.Context, progress func(retrieval.Progress)) (retrieval.Report, error) {
	f.mu.Lock()
	f.calls++
	fn := f.fn
	f.mu.Unlock()
	if fn == nil {
		return retrieval.Report{Files: 5, Chunks: 40, Reused: 40}, nil
	}
	return fn(ctx, progress)
}

func (f *fakeLibrary) Sources() []retrieval.SourceStats { return f.sources }

func (f *fakeLibrary) reindexCalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// threeNos is the answer most tests give.
var threeNos = answer.Answer{
	Text: "The Three Nos are Vietnam's defence policy: no military alliances, no siding with one country against another, and no foreign bases [1]. It was restated in 2019 [2].",
	Mode: answer.ModeGenerated,
	Citations: []answer.Citation{
		{N: 1, Source: "001.txt", Title: "Vietnam's hedging", Authors: []string{"Le Hong Hiep"}, Quote: "no military alliances, no siding with one country against another, no foreign military bases"},
		{N: 2, Source: "002.txt", Title: "Defence White Paper", Publisher: "Ministry of National Defence", Quote: "The 2019 white paper restated the Three Nos."},
	},
}

// streamAnswer streams a's text in three parts, then returns a.
func streamAnswer(a answer.Answer) askFunc {
	return func(ctx context.Context, req answer.Request, onPartial func(string)) (answer.Answer, error) {
		n := len(a.Text)
		for _, end := range []int{n / 3, 2 * n / 3, n} {
			onPartial(a.Text[:end])
			time.Sleep(5 * time.Millisecond)
		}
		return a, nil
	}
}

// setup describes a test's bot.
type setup struct {
	cfg     func(*config.Discord)
	ask     askFunc
	library *fakeLibrary
	search  fakeSearcher
	server  discordtest.Options
	token   string // default: the server's
	// beforeRun, if set, prepares the stand-in before the bot connects.
	beforeRun func(*discordtest.Server)
	// tokenLife, if set, is how long the bot may edit an interaction's
	// reply (Discord's 15 minutes, shortened).
	tokenLife time.Duration
	// editor, fetch and fetchOptions are Deps' (no /add and /remove
	// without an editor).
	editor       Editor
	fetch        FetchFunc
	fetchOptions ingest.FetchOptions
}

// harness is a bot connected to a Discord stand-in.
type harness struct {
	t       testing.TB
	srv     *discordtest.Server
	bot     *Bot
	asker   *fakeAsker
	library *fakeLibrary
	dataDir string
	logs    *syncBuffer
	cancel  context.CancelFunc
	done    chan error
}

// testConfig is the [discord] section tests start from: fast streaming,
// generous limits.
func testConfig(apiURL string) config.Discord {
	cfg := config.Default().Discord
	cfg.APIURL = apiURL
	cfg.GuildID = testGuild
	cfg.StreamInterval = config.Duration{Duration: 20 * time.Millisecond}
	cfg.ShutdownTimeout = config.Duration{Duration: 5 * time.Second}
	cfg.UserRatePerMin = 6000
	cfg.UserBurst = 100
	cfg.MaxInFlight = 8
	cfg.MaxQueue = 50
	return cfg
}

// newHarness starts a stand-in and a bot built from s, without running it.
func newHarness(t testing.TB, s setup) (*harness, error) {
	srv := discordtest.New(s.server)
	cfg := testConfig(srv.URL)
	if s.cfg != nil {
		s.cfg(&cfg)
	}
	if s.ask == nil {
		s.ask = streamAnswer(threeNos)
	}
	if s.library == nil {
		s.library = &fakeLibrary{}
	}
	token := s.token
	if token == "" {
		token = srv.Token()
	}
	h := &harness{srv: srv, asker: &fakeAsker{fn: s.ask}, library: s.library, dataDir: t.TempDir(), logs: &syncBuffer{}, done: make(chan error, 1)}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	deps := Deps{Asker: h.asker, Searcher: s.search, Library: h.library, Token: token, DataDir: h.dataDir,
		Editor: s.editor, Fetch: s.fetch, FetchOptions: s.fetchOptions}
	b, err := New(cfg, deps, logger)
	if err != nil {
		srv.Close()
		return nil, err
	}
	if s.tokenLife != 0 {
		b.tokenLife = s.tokenLife
	}
	h.bot = b
	return h, nil
}

// start runs a bot on a stand-in and waits until its commands are
// registered; cleanup shuts both down.
func start(t testing.TB, s setup) *harness {
	t.Helper()
	h, err := newHarness(t, s)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h.t = t
	if s.beforeRun != nil {
		s.beforeRun(h.srv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- h.bot.Run(ctx) }()
	t.Cleanup(h.stop)
	wctx, wcancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer wcancel()
	if _, err := h.srv.WaitRequest(wctx, func(r discordtest.Request) bool {
		return r.Method == http.MethodPut && strings.HasSuffix(r.Path, "/commands")
	}); err != nil {
		select {
		case runErr := <-h.done:
			h.done <- nil
			t.Fatalf("bot did not start: %v", runErr)
		default:
		}
		t.Fatalf("commands never registered: %v\nlogs:\n%s", err, h.logs)
	}
	return h
}

// stop shuts the bot down and checks that nothing it sent broke a rule.
func (h *harness) stop() {
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
	case <-time.After(15 * time.Second):
		h.t.Errorf("Run did not return after cancellation")
	}
	h.srv.Close()
	for _, v := range h.srv.Violations() {
		h.t.Errorf("Discord limits broken: %s", v)
	}
	for _, r := range h.srv.Requests() {
		checkNoMentions(h.t, r)
	}
	if tok := h.srv.Token(); strings.Contains(h.logs.String(), tok) {
		h.t.Errorf("the token reached the log")
	}
}

// checkNoMentions asserts that a request carrying a message allows no
// mentions: "allowed_mentions": {"parse": []}.
func checkNoMentions(t testing.TB, r discordtest.Request) {
	t.Helper()
	body := r.JSON()
	if body == nil || r.Method == http.MethodGet || r.Method == http.MethodDelete || strings.HasSuffix(r.Path, "/commands") {
		return
	}
	if strings.HasSuffix(r.Path, "/callback") {
		if body["type"] == float64(8) {
			return // autocomplete choices: no message
		}
		if d, ok := body["data"].(map[string]any); ok {
			body = d
		} else {
			return // deferred update without data
		}
	}
	am, ok := body["allowed_mentions"].(map[string]any)
	if !ok {
		t.Errorf("%s %s: no allowed_mentions in %s", r.Method, r.Path, r.Body)
		return
	}
	parse, ok := am["parse"].([]any)
	users, _ := am["users"].([]any)
	roles, _ := am["roles"].([]any)
	if !ok || len(parse) != 0 || len(users) != 0 || len(roles) != 0 {
		t.Errorf("%s %s: allowed_mentions %v, want {\"parse\": []}", r.Method, r.Path, am)
	}
}

func (h *harness) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	h.t.Cleanup(cancel)
	return ctx
}

// slash dispatches a slash command from user in the test channel.
func (h *harness) slash(user discordtest.User, perms int64, command string, opts map[string]string) discordtest.Sent {
	h.t.Helper()
	sent, err := h.srv.Interact(h.ctx(), discordtest.Interaction{
		GuildID: testGuild, ChannelID: testChannel, User: user, Permissions: perms,
		Command: command, Options: opts,
	})
	if err != nil {
		h.t.Fatalf("dispatch /%s: %v", command, err)
	}
	return sent
}

func (h *harness) ask(user discordtest.User, q string) discordtest.Sent {
	return h.slash(user, discordtest.PermissionsMember, cmdAsk, map[string]string{"question": q})
}

// final waits for the last edit of an answer: the one with buttons.
func (h *harness) final(sent discordtest.Sent) discordtest.Request {
	h.t.Helper()
	r, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
		if !discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) && !discordtest.IsWebhook(http.MethodPost, sent.Token)(r) {
			return false
		}
		comps, _ := r.JSON()["components"].([]any)
		return len(comps) > 0
	})
	if err != nil {
		h.t.Fatalf("no final answer for interaction %s: %v\nlogs:\n%s", sent.ID, err, h.logs)
	}
	return r
}

// callback waits for the interaction's callback and returns its body.
func (h *harness) callback(sent discordtest.Sent) map[string]any {
	h.t.Helper()
	r, err := h.srv.WaitRequest(h.ctx(), discordtest.IsCallback(sent.ID))
	if err != nil {
		h.t.Fatalf("no callback for interaction %s: %v", sent.ID, err)
	}
	return r.JSON()
}

// ephemeral waits for an ephemeral message on the interaction (callback
// or follow-up) and returns its content.
func (h *harness) ephemeral(sent discordtest.Sent) string {
	h.t.Helper()
	r, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
		body := r.JSON()
		switch {
		case discordtest.IsCallback(sent.ID)(r):
			d, _ := body["data"].(map[string]any)
			return d != nil && flags(d) == 64 && body["type"] == float64(4)
		case discordtest.IsWebhook(http.MethodPost, sent.Token)(r):
			return flags(body) == 64
		}
		return false
	})
	if err != nil {
		h.t.Fatalf("no ephemeral message for interaction %s: %v\nlogs:\n%s", sent.ID, err, h.logs)
	}
	body := r.JSON()
	if d, ok := body["data"].(map[string]any); ok {
		body = d
	}
	s, _ := body["content"].(string)
	return s
}

func flags(m map[string]any) int {
	f, _ := m["flags"].(float64)
	return int(f)
}

// embedsOf decodes the embeds of a message body.
func embedsOf(r discordtest.Request) []discordtest.Embed {
	var m struct {
		Embeds []discordtest.Embed `json:"embeds"`
	}
	_ = json.Unmarshal(r.Body, &m)
	return m.Embeds
}
