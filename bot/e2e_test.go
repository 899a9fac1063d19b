package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/discordtest"
	"github.com/lectern/lectern/retrieval"
)

func TestCommandsAreRegisteredInOneOverwrite(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	puts := 0
	for _, r := range h.srv.Requests() {
		if r.Method == http.MethodPut {
			puts++
			if want := "/api/v9/applications/" + h.srv.AppID() + "/guilds/" + testGuild + "/commands"; r.Path != want {
				t.Errorf("overwrite at %s, want %s", r.Path, want)
			}
		}
	}
	if puts != 1 {
		t.Errorf("%d bulk overwrites, want 1", puts)
	}
	byName := map[string]map[string]any{}
	for _, c := range h.srv.Commands(testGuild) {
		byName[c["name"].(string)] = c
	}
	for _, name := range []string{"ask", "search", "sources", "reindex"} {
		if byName[name] == nil {
			t.Errorf("command /%s not registered", name)
		}
	}
	if got := byName["reindex"]["default_member_permissions"]; got != "32" {
		t.Errorf("/reindex default_member_permissions = %v, want \"32\" (Manage Server)", got)
	}
	opt := byName["ask"]["options"].([]any)[0].(map[string]any)
	if opt["name"] != "question" || opt["required"] != true || opt["max_length"] != float64(500) {
		t.Errorf("/ask option = %v, want required question with max_length 500", opt)
	}
	ids := h.srv.Identifies()
	if len(ids) != 1 || ids[0].Compress || ids[0].Query.Get("encoding") != "json" || ids[0].Intents&discordtest.IntentMessageContent == 0 {
		t.Errorf("identify = %+v, want JSON without zlib and the Message Content intent", ids)
	}
}

func TestLongAnswerIsSplitWithinLimits(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := 0; b.Len() < 11000; i++ {
		fmt.Fprintf(&b, "Sentence %d explains one more point about the South China Sea and Vietnam [%d]. ", i, i%2+1)
		if i%9 == 8 {
			b.WriteString("\n\n")
		}
	}
	long := threeNos
	long.Text = strings.TrimSpace(b.String())
	h := start(t, setup{ask: streamAnswer(long)})
	sent := h.ask(ada, "Tell me everything about the South China Sea")
	h.final(sent)

	var pages []string
	msgs := 0
	for _, r := range h.srv.Requests() {
		if r.Status >= 300 || !strings.Contains(r.Path, sent.Token) {
			continue
		}
		comps, _ := r.JSON()["components"].([]any)
		isFinalOriginal := r.Method == http.MethodPatch && (len(comps) > 0 || strings.Contains(string(r.Body), "\"color\":5793266"))
		if r.Method == http.MethodPost || isFinalOriginal {
			for _, e := range embedsOf(r) {
				if e.Title != "Sources" && e.Author != nil {
					pages = append(pages, e.Description)
				}
			}
			msgs++
		}
	}
	if msgs < 3 {
		t.Fatalf("answer of %d characters sent in %d messages, want at least 3", len(long.Text), msgs)
	}
	joined := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
	if want := strings.Join(strings.Fields(long.Text), " "); joined != want {
		t.Errorf("pages do not add up to the answer:\n got %.200q...\nwant %.200q...", joined, want)
	}
	for i, p := range pages {
		if strings.HasPrefix(p, "]") || strings.HasSuffix(p, "[") || textLen(p) > maxDescription {
			t.Errorf("page %d is cut badly or too long (%d characters)", i, textLen(p))
		}
	}
}

func TestAnswersNeverPing(t *testing.T) {
	t.Parallel()
	pinging := answer.Answer{Text: "@everyone @here <@300000000000000002> <@&100000000000000020> read this [1].", Mode: answer.ModeGenerated, Citations: threeNos.Citations[:1]}
	h := start(t, setup{ask: streamAnswer(pinging)})
	sent := h.ask(ada, "Ping everyone?")
	final := h.final(sent)
	if !strings.Contains(string(final.Body), "@everyone") {
		t.Fatalf("answer not sent as written: %s", final.Body)
	}
	// stop() checks allowed_mentions on every request; check this one now too.
	checkNoMentions(t, final)
	if !strings.Contains(string(final.Body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("final edit lacks allowed_mentions {\"parse\": []}: %s", final.Body)
	}
}

func TestReindexIsForModerators(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		perms   int64
		roles   []string
		allowed bool
	}{
		{"member without permission is refused", discordtest.PermissionsMember, nil, false},
		{"member with another role is refused", discordtest.PermissionsMember, []string{"100000000000000099"}, false},
		{"Manage Server may reindex", discordtest.PermissionsMember | discordtest.PermissionManageGuild, nil, true},
		{"Administrator may reindex", discordtest.PermissionAdministrator, nil, true},
		{"moderator role may reindex", discordtest.PermissionsMember, []string{modRole}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{cfg: func(c *config.Discord) { c.ModeratorRole = modRole }})
			sent, err := h.srv.Interact(h.ctx(), discordtest.Interaction{GuildID: testGuild, ChannelID: testChannel, User: ada, Permissions: tt.perms, Roles: tt.roles, Command: cmdReindex})
			if err != nil {
				t.Fatal(err)
			}
			if !tt.allowed {
				if got := h.ephemeral(sent); !strings.Contains(got, "Only moderators") {
					t.Errorf("refusal = %q", got)
				}
				if n := h.library.reindexCalls(); n != 0 {
					t.Errorf("Reindex called %d times for a non-moderator", n)
				}
				return
			}
			r, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
				return discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) && strings.Contains(string(r.Body), "Reindexed")
			})
			if err != nil {
				t.Fatalf("no reindex summary: %v", err)
			}
			if !strings.Contains(string(r.Body), "5 files, 40 chunks (0 embedded, 40 reused)") {
				t.Errorf("summary = %s", r.Body)
			}
		})
	}
}

func TestAnswersKeepComingDuringReindex(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	lib := &fakeLibrary{fn: func(ctx context.Context, progress func(retrieval.Progress)) (retrieval.Report, error) {
		for i := 1; ; i++ {
			progress(retrieval.Progress{Stage: "embedding", Files: 5, Chunks: 40, Embedded: i, Reused: 10, Total: 40})
			select {
			case <-release:
				return retrieval.Report{Files: 5, Chunks: 40, Embedded: 30, Reused: 10, Skipped: []retrieval.Skipped{{Path: "notes.pdf", Reason: "not .txt or .md"}}}, nil
			case <-ctx.Done():
				return retrieval.Report{}, ctx.Err()
			case <-time.After(10 * time.Millisecond):
			}
		}
	}}
	h := start(t, setup{library: lib})
	mod := int64(discordtest.PermissionsMember | discordtest.PermissionManageGuild)
	reindex := h.slash(grace, mod, cmdReindex, nil)
	if _, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
		return discordtest.IsWebhook(http.MethodPatch, reindex.Token)(r) && strings.Contains(string(r.Body), "Reindexing")
	}); err != nil {
		t.Fatalf("no reindex progress: %v", err)
	}
	second := h.slash(ada, mod, cmdReindex, nil)
	if got := h.ephemeral(second); !strings.Contains(got, "already running") {
		t.Errorf("second /reindex answered %q, want a refusal", got)
	}

	var wg sync.WaitGroup
	for n := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := discordtest.User{ID: fmt.Sprintf("4000000000000000%02d", n), Username: fmt.Sprintf("student%d", n)}
			sent := h.ask(user, fmt.Sprintf("Question %d: what are the Three Nos?", n))
			final := h.final(sent)
			if !strings.Contains(string(final.Body), "Three Nos") {
				t.Errorf("answer %d = %s", n, final.Body)
			}
		}()
	}
	wg.Wait()
	if lib.reindexCalls() != 1 {
		t.Errorf("Reindex called %d times, want 1", lib.reindexCalls())
	}
	close(release)
	r, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
		return discordtest.IsWebhook(http.MethodPatch, reindex.Token)(r) && strings.Contains(string(r.Body), "Reindexed")
	})
	if err != nil {
		t.Fatalf("no reindex summary: %v", err)
	}
	for _, want := range []string{"30 embedded, 10 reused", "notes.pdf", "not .txt or .md"} {
		if !strings.Contains(string(r.Body), want) {
			t.Errorf("summary lacks %q: %s", want, r.Body)
		}
	}
}

func TestEndpointDownGivesEphemeralSentence(t *testing.T) {
	t.Parallel()
	down := &answer.EndpointError{URL: "http://127.0.0.1:11434/v1", Model: "llama3.2", Kind: answer.KindUnreachable, Err: errors.New("dial tcp 127.0.0.1:11434: connect: connection refused")}
	var mu sync.Mutex
	failing := true
	h := start(t, setup{ask: func(ctx context.Context, req answer.Request, onPartial func(string)) (answer.Answer, error) {
		mu.Lock()
		defer mu.Unlock()
		if failing {
			return answer.Answer{}, down
		}
		return threeNos, nil
	}})
	sent := h.ask(ada, "What are the Three Nos?")
	got := h.ephemeral(sent)
	if want := "The language model at http://127.0.0.1:11434/v1 is not answering; try again in a minute."; got != want {
		t.Errorf("asker was told %q, want %q", got, want)
	}
	if _, err := h.srv.WaitRequest(h.ctx(), discordtest.IsWebhook(http.MethodDelete, sent.Token)); err != nil {
		t.Errorf("the public deferred reply was not removed: %v", err)
	}
	if !strings.Contains(h.logs.String(), "connection refused") {
		t.Errorf("details not logged:\n%s", h.logs)
	}
	// The bot keeps serving.
	mu.Lock()
	failing = false
	mu.Unlock()
	h.final(h.ask(ada, "And now?"))
}

func TestVoteIsRecorded(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	sent := h.ask(ada, "What are the Three Nos?")
	h.final(sent)
	msg, _ := h.srv.Original(sent.Token)
	press, err := h.srv.Interact(h.ctx(), discordtest.Interaction{GuildID: testGuild, ChannelID: testChannel, User: grace, CustomID: idVoteUp + sent.ID, MessageID: msg.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := h.ephemeral(press); !strings.Contains(got, "👍") {
		t.Errorf("voter was told %q", got)
	}
	path := FeedbackPath(h.dataDir, config.Default().Discord)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	line := string(raw)
	for _, want := range []string{`"question":"What are the Three Nos?"`, `"vote":"up"`, `"answer":"The Three Nos are`, `[1] Vietnam's hedging — Le Hong Hiep`} {
		if !strings.Contains(line, want) {
			t.Errorf("feedback line lacks %s: %s", want, line)
		}
	}
	if strings.Contains(line, grace.ID) {
		t.Errorf("feedback line holds the user ID: %s", line)
	}
	sum, err := SummarizeFeedback(path)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Up != 1 || sum.Down != 0 || len(sum.Questions) != 1 {
		t.Errorf("summary = %+v", sum)
	}
}

func TestMentionsAndReplyChainsCarryHistory(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	bot := h.srv.BotUser()
	post := func(content, replyTo string, mentions ...discordtest.User) string {
		t.Helper()
		id, err := h.srv.Post(h.ctx(), discordtest.UserMessage{GuildID: testGuild, ChannelID: testChannel, Author: ada, Content: content, Mentions: mentions, ReplyTo: replyTo})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	// answerTo waits for the bot's finished reply to a message.
	answerTo := func(id string) discordtest.Message {
		t.Helper()
		var reply discordtest.Message
		err := waitUntil(h.ctx(), func() bool {
			for _, m := range h.srv.ChannelMessages(testChannel) {
				if m.Reference != nil && m.Reference.MessageID == id && m.Author.ID == bot.ID && len(m.CustomIDs()) > 0 {
					reply = m
					return true
				}
			}
			return false
		})
		if err != nil {
			t.Fatalf("no answer to message %s: %v\nlogs:\n%s", id, err, h.logs)
		}
		return reply
	}

	q1 := post("<@"+bot.ID+"> What are the Three Nos?", "", bot)
	a1 := answerTo(q1)
	q2 := post("Who restated them?", a1.ID) // a reply, no mention
	a2 := answerTo(q2)
	q3 := post("<@"+bot.ID+"> When?", a2.ID, bot)
	answerTo(q3)
	post("just chatting, no question for the bot", "")

	reqs := h.asker.requests()
	if len(reqs) != 3 {
		t.Fatalf("asker got %d questions, want 3", len(reqs))
	}
	want := []answer.Request{
		{Question: "What are the Three Nos?"},
		{Question: "Who restated them?", History: []answer.Turn{{Question: "What are the Three Nos?", Answer: threeNos.Text}}},
		{Question: "When?", History: []answer.Turn{{Question: "What are the Three Nos?", Answer: threeNos.Text}, {Question: "Who restated them?", Answer: threeNos.Text}}},
	}
	for i := range want {
		if fmt.Sprint(reqs[i]) != fmt.Sprint(want[i]) {
			t.Errorf("request %d = %+v\nwant %+v", i, reqs[i], want[i])
		}
	}
}

func waitUntil(ctx context.Context, cond func() bool) error {
	for !cond() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
	return nil
}

func TestLimits(t *testing.T) {
	t.Parallel()
	t.Run("rate limit per user", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{cfg: func(c *config.Discord) { c.UserRatePerMin, c.UserBurst = 1, 1 }})
		h.final(h.ask(ada, "First question?"))
		if got := h.ephemeral(h.ask(ada, "Second question?")); !strings.Contains(got, "faster than I can keep up") {
			t.Errorf("second question answered %q, want a rate-limit sentence", got)
		}
		h.final(h.ask(grace, "Another user's question?"))
	})
	t.Run("cap on answers in flight, queue, refusal", func(t *testing.T) {
		t.Parallel()
		release := make(chan struct{})
		h := start(t, setup{
			cfg: func(c *config.Discord) { c.MaxInFlight, c.MaxQueue = 1, 1 },
			ask: func(ctx context.Context, req answer.Request, onPartial func(string)) (answer.Answer, error) {
				select {
				case <-release:
				case <-ctx.Done():
					return answer.Answer{}, ctx.Err()
				}
				return threeNos, nil
			},
		})
		first := h.ask(ada, "One?")
		h.callback(first)
		second := h.ask(grace, "Two?")
		if _, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
			return discordtest.IsWebhook(http.MethodPatch, second.Token)(r) && (strings.Contains(string(r.Body), "queued") || strings.Contains(string(r.Body), "next in line"))
		}); err != nil {
			t.Errorf("second question not told it is queued: %v", err)
		}
		third := h.ask(discordtest.User{ID: "300000000000000003", Username: "alan"}, "Three?")
		if got := h.ephemeral(third); !strings.Contains(got, "queue is full") {
			t.Errorf("third question answered %q, want a queue-full sentence", got)
		}
		close(release)
		h.final(first)
		h.final(second)
	})
	t.Run("allowed channels and DMs", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{cfg: func(c *config.Discord) { c.AllowedChannels, c.AllowDMs = []string{"100000000000000011"}, false }})
		if got := h.ephemeral(h.ask(ada, "Here?")); !strings.Contains(got, "I only answer in <#100000000000000011>") {
			t.Errorf("question in another channel answered %q", got)
		}
		dm, err := h.srv.Interact(h.ctx(), discordtest.Interaction{ChannelID: "100000000000000012", User: ada, Command: cmdAsk, Options: map[string]string{"question": "In a DM?"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := h.ephemeral(dm); got != msgNoDMs {
			t.Errorf("question in a DM answered %q", got)
		}
	})
}

func TestSearchAndSources(t *testing.T) {
	t.Parallel()
	info := retrieval.SourceInfo{Source: "001.txt", Title: "Vietnam's hedging", Authors: []string{"Le Hong Hiep"}, Publisher: "ISEAS", Date: "2023-01-05"}
	lib := &fakeLibrary{sources: []retrieval.SourceStats{{SourceInfo: info, Chunks: 12}}}
	search := fakeSearcher{passages: []retrieval.Passage{{Chunk: retrieval.Chunk{Source: "001.txt", Text: "Vietnam follows the Three Nos."}, Info: info}}}
	h := start(t, setup{library: lib, search: search})

	s := h.slash(ada, discordtest.PermissionsMember, cmdSearch, map[string]string{"query": "three nos"})
	r, err := h.srv.WaitRequest(h.ctx(), discordtest.IsWebhook(http.MethodPatch, s.Token))
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, e := range embedsOf(r) {
		text = append(text, e.Title, e.Description, e.Footer.Text)
	}
	for _, want := range []string{"> Vietnam follows the Three Nos.", "[1] Vietnam's hedging", "Le Hong Hiep · ISEAS · 2023-01-05"} {
		if !strings.Contains(strings.Join(text, "\n"), want) {
			t.Errorf("/search reply lacks %q: %s", want, r.Body)
		}
	}
	if len(h.asker.requests()) != 0 {
		t.Errorf("/search asked the model")
	}

	src := h.slash(ada, discordtest.PermissionsMember, cmdSources, nil)
	cb := h.callback(src)
	body := fmt.Sprint(cb)
	for _, want := range []string{"Vietnam's hedging", "Le Hong Hiep · ISEAS · 2023-01-05", "12 chunks"} {
		if !strings.Contains(body, want) {
			t.Errorf("/sources reply lacks %q: %s", want, body)
		}
	}
}

func TestStartFailuresAreClear(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		s       setup
		wantErr error
		wantMsg string
	}{
		{"bad token", setup{token: "not-the-token-abcdef"}, ErrBadToken, "Reset Token"},
		{"missing intent", setup{server: discordtest.Options{AllowedIntents: discordtest.IntentGuildMembers}}, ErrDisallowedIntents, "Message Content intent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, err := newHarness(t, tt.s)
			if err != nil {
				t.Fatal(err)
			}
			defer h.srv.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err = h.bot.Run(ctx)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("Run = %v, want %v mentioning %q", err, tt.wantErr, tt.wantMsg)
			}
			for _, tok := range []string{"not-the-token-abcdef", h.srv.Token()} {
				if strings.Contains(err.Error(), tok) || strings.Contains(h.logs.String(), tok) {
					t.Errorf("the token reached the error or the log: %v", err)
				}
			}
		})
	}
	t.Run("missing token", func(t *testing.T) {
		t.Parallel()
		cfg := config.Default().Discord
		cfg.TokenEnv = "LECTERN_TEST_TOKEN_THAT_IS_NOT_SET"
		_, err := New(cfg, Deps{Asker: &fakeAsker{}, Searcher: fakeSearcher{}, Library: &fakeLibrary{}, DataDir: t.TempDir()}, nil)
		if !errors.Is(err, ErrMissingToken) || !strings.Contains(err.Error(), "LECTERN_TEST_TOKEN_THAT_IS_NOT_SET") {
			t.Errorf("New = %v, want ErrMissingToken naming the variable", err)
		}
	})
	t.Run("a setting that cannot work is refused, not clamped", func(t *testing.T) {
		t.Parallel()
		for _, change := range []func(*config.Discord){
			func(c *config.Discord) { c.MaxInFlight = 0 },
			func(c *config.Discord) { c.SearchResults = 50 },
			func(c *config.Discord) { c.StreamInterval = config.Duration{} },
		} {
			cfg := config.Default().Discord
			change(&cfg)
			_, err := New(cfg, Deps{Token: "some-token-abcdef", Asker: &fakeAsker{}, Searcher: fakeSearcher{}, Library: &fakeLibrary{}, DataDir: t.TempDir()}, nil)
			var se *config.SettingError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), "[discord] "+strings.TrimPrefix(se.Key, "discord.")) {
				t.Errorf("New = %v, want the key named", err)
			}
		}
	})
}

func TestShutdownFinishesAnswersInFlight(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	h := start(t, setup{ask: func(ctx context.Context, req answer.Request, onPartial func(string)) (answer.Answer, error) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		return threeNos, nil
	}})
	sent := h.ask(ada, "Slow question?")
	<-started
	h.cancel()
	select {
	case err := <-h.done:
		h.done <- err
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	msg, ok := h.srv.Original(sent.Token)
	if !ok || len(msg.CustomIDs()) == 0 {
		t.Errorf("answer in flight was not finished before disconnecting: %+v", msg)
	}
}
