package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/internal/discordtest"
	"github.com/lectern/lectern/retrieval"
	"github.com/lectern/lectern/study"
)

// quizQuestions are the round the fake Studier gives.
var quizQuestions = []study.Question{
	{Question: "Fill in the blank: China responded by invading Vietnam in _____.", Options: []string{"1975", "1979", "1986", "1991"}, Answer: 1, Kind: study.KindYear,
		Citation: study.Citation{Source: "004.txt", Title: "Mr. Trong Goes to Beijing", Authors: []string{"Vincenzo Caporale"}, Quote: "China responded by invading Vietnam in 1979, resulting in a brief, bloody border war."}},
	{Question: "Who underscored the need for bolstering American democracy at home?", Options: []string{"Xi Jinping", "Pham Minh Chinh", "Biden", "Carlyle Thayer"}, Answer: 2, Kind: study.KindPerson,
		Citation: study.Citation{Source: "002.txt", Title: "China-Vietnam in warm, new communist embrace", Publisher: "Asia Times", Quote: "Earlier this year, Biden underscored the need for bolstering American democracy at home."}},
}

// fakeStudier gives quizQuestions and a fixed summary, and records what
// it was asked.
type fakeStudier struct {
	mu   sync.Mutex
	opts []study.RoundOptions
}

func (f *fakeStudier) asked() []study.RoundOptions {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]study.RoundOptions(nil), f.opts...)
}

func (f *fakeStudier) Round(ctx context.Context, passages []retrieval.Passage, opts study.RoundOptions) (study.Round, error) {
	f.mu.Lock()
	f.opts = append(f.opts, opts)
	f.mu.Unlock()
	return study.Round{Questions: quizQuestions[:min(opts.Count, len(quizQuestions))]}, nil
}

func (f *fakeStudier) Summarise(ctx context.Context, passages []retrieval.Passage) (study.Summary, string) {
	return study.Summary{Text: "Party ties anchor the relationship [1].", Mode: answer.ModeExtractive,
		Citations: []answer.Citation{{N: 1, Source: passages[0].Source, Title: passages[0].Title, Quote: passages[0].Text}}}, ""
}

// studySources is the reading list of these specs.
var studySources = []retrieval.SourceStats{
	{SourceInfo: retrieval.SourceInfo{Source: "001.txt", Title: "China-Vietnam Party-to-Party Ties: A Tie that Binds"}},
	{SourceInfo: retrieval.SourceInfo{Source: "002.txt", Title: "China-Vietnam in warm, new communist embrace"}},
}

type fakePassages struct{}

func (fakePassages) Passages(source string) []retrieval.Passage {
	return []retrieval.Passage{{Chunk: retrieval.Chunk{ID: "c1", Source: "001.txt", Title: studySources[0].Title, Text: "Party ties anchor the relationship."}}}
}

// studyBot runs a bot with /quiz and /summary on srv over dataDir; stop
// shuts it down (and is also a cleanup).
func studyBot(t *testing.T, srv *discordtest.Server, dataDir string, studier Studier, registrations int) (h *harness, stop func()) {
	t.Helper()
	logs := &syncBuffer{}
	b, err := New(testConfig(srv.URL), Deps{Asker: &fakeAsker{fn: streamAnswer(threeNos)}, Searcher: fakeSearcher{}, Library: &fakeLibrary{sources: studySources}, Token: srv.Token(), DataDir: dataDir},
		slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.EnableStudy(StudyDeps{Studier: studier, Passages: fakePassages{}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Errorf("Run did not return")
		}
	}
	t.Cleanup(stop)
	h = &harness{t: t, srv: srv, bot: b, dataDir: dataDir, logs: logs}
	if _, err := srv.WaitRequests(h.ctx(), registrations, func(r discordtest.Request) bool {
		return r.Method == http.MethodPut && strings.HasSuffix(r.Path, "/commands")
	}); err != nil {
		t.Fatalf("commands never registered: %v\n%s", err, logs)
	}
	return h, stop
}

// newStudyServer is a Discord stand-in checked for broken limits and
// mentions at the end.
func newStudyServer(t *testing.T) *discordtest.Server {
	srv := discordtest.New(discordtest.Options{})
	t.Cleanup(func() {
		srv.Close()
		for _, v := range srv.Violations() {
			t.Errorf("Discord limits broken: %s", v)
		}
		for _, r := range srv.Requests() {
			checkNoMentions(t, r)
		}
	})
	return srv
}

// press presses a button of the round's message as user.
func (h *harness) press(user discordtest.User, messageID, customID string) discordtest.Sent {
	h.t.Helper()
	sent, err := h.srv.Interact(h.ctx(), discordtest.Interaction{GuildID: testGuild, ChannelID: testChannel, User: user, Permissions: discordtest.PermissionsMember, CustomID: customID, MessageID: messageID})
	if err != nil {
		h.t.Fatalf("press %s: %v", customID, err)
	}
	return sent
}

// updated waits for the press's UPDATE_MESSAGE callback and returns the
// message as it now is.
func (h *harness) updated(sent discordtest.Sent, messageID string) discordtest.Message {
	h.t.Helper()
	if _, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
		return discordtest.IsCallback(sent.ID)(r) && r.JSON()["type"] == float64(7)
	}); err != nil {
		h.t.Fatalf("the press did not update the message: %v\n%s", err, h.logs)
	}
	m, _ := h.srv.Message(messageID)
	return m
}

func TestQuizRoundOnDiscordFromFirstQuestionToSummaryAcrossARestart(t *testing.T) {
	srv := newStudyServer(t)
	dataDir := t.TempDir()
	studier := &fakeStudier{}
	h, stop := studyBot(t, srv, dataDir, studier, 1)

	for _, name := range []string{cmdQuiz, cmdSummary} {
		found := false
		for _, c := range srv.Commands(testGuild) {
			found = found || c["name"] == name
		}
		if !found {
			t.Errorf("/%s is not registered", name)
		}
	}

	sent := h.slash(ada, discordtest.PermissionsMember, cmdQuiz, map[string]string{"count": "2"})
	h.final(sent)
	msg, _ := srv.Original(sent.Token)
	if !strings.Contains(msg.Text(), "Question 1 of 2") || !strings.Contains(msg.Text(), "**B.** 1979") || !strings.Contains(msg.Text(), "0 answered · 0 right") {
		t.Fatalf("first question:\n%s", msg.Text())
	}
	ids := msg.CustomIDs()
	if len(ids) != 5 {
		t.Fatalf("buttons %q, want A–D and Next", ids)
	}
	if asked := studier.asked(); len(asked) != 1 || asked[0].Count != 2 {
		t.Errorf("the Studier was asked %+v, want one round of 2", asked)
	}

	right := h.press(ada, msg.ID, ids[1])
	if got := h.ephemeral(right); !strings.Contains(got, "✅ Right: **B.** 1979") || !strings.Contains(got, "> China responded by invading Vietnam in 1979") || !strings.Contains(got, "*Mr. Trong Goes to Beijing*, Vincenzo Caporale") {
		t.Errorf("ada's right answer got:\n%s", got)
	}
	if m := h.updated(right, msg.ID); !strings.Contains(m.Text(), "1 answered · 1 right") {
		t.Errorf("tally after a right answer:\n%s", m.Text())
	}
	wrong := h.press(grace, msg.ID, ids[0])
	if got := h.ephemeral(wrong); !strings.Contains(got, "❌ Not quite: the answer is **B.** 1979 (you chose A)") {
		t.Errorf("grace's wrong answer got:\n%s", got)
	}
	if m := h.updated(wrong, msg.ID); !strings.Contains(m.Text(), "2 answered · 1 right") {
		t.Errorf("tally after a wrong answer:\n%s", m.Text())
	}
	again := h.press(ada, msg.ID, ids[2])
	if got := h.ephemeral(again); !strings.Contains(got, "already answered") || !strings.Contains(got, "you chose B") {
		t.Errorf("ada's second press got %q", got)
	}

	stop() // a restart: the round lives in the data folder
	h, _ = studyBot(t, srv, dataDir, studier, 2)

	next := h.press(grace, msg.ID, ids[4])
	m := h.updated(next, msg.ID)
	if !strings.Contains(m.Text(), "Question 2 of 2") || !strings.Contains(m.Text(), "0 answered") {
		t.Fatalf("after Next:\n%s", m.Text())
	}
	ids2 := m.CustomIDs()
	if got := h.ephemeral(h.press(grace, msg.ID, ids[1])); got != msgMovedOn {
		t.Errorf("a press on the first question after Next got %q", got)
	}
	h.ephemeral(h.press(ada, msg.ID, ids2[2]))
	finish := h.press(ada, msg.ID, ids2[4])
	m = h.updated(finish, msg.ID)
	text := m.Text()
	if !strings.Contains(text, "Round over: 2 questions") || !strings.Contains(text, "B. 1979 · 1 of 2 right") || !strings.Contains(text, "C. Biden · 1 of 1 right") || len(m.CustomIDs()) != 0 {
		t.Errorf("round summary:\n%s\nbuttons %q", text, m.CustomIDs())
	}
	if got := h.ephemeral(h.press(grace, msg.ID, ids2[1])); got != msgRoundOver {
		t.Errorf("a press after the end got %q", got)
	}
}

func TestQuizButtonsOfARoundThatIsGoneOrTooOldArePolitelyRefused(t *testing.T) {
	srv := newStudyServer(t)
	h, _ := studyBot(t, srv, t.TempDir(), &fakeStudier{}, 1)
	if got := h.ephemeral(h.press(ada, "", idQuizAnswer+"123:0:1")); got != msgRoundGone {
		t.Errorf("a press on an unknown round got %q", got)
	}
	old := &quizRound{ID: "456", Created: time.Now().Add(-2 * roundMaxAge), Questions: quizQuestions, Answers: []map[string]int{{}, {}}}
	if err := h.bot.study.rounds.create(old); err != nil {
		t.Fatal(err)
	}
	if got := h.ephemeral(h.press(ada, "", idQuizAnswer+"456:0:1")); got != msgRoundOld {
		t.Errorf("a press on an old round got %q", got)
	}
	if got := h.ephemeral(h.press(ada, "", idQuizAnswer+"../../etc:0:1")); !strings.Contains(got, "no longer works") {
		t.Errorf("a forged custom ID got %q", got)
	}
}

func TestRoundsAreKeptBounded(t *testing.T) {
	store := &roundStore{dir: t.TempDir()}
	for n := range keptRounds + 5 {
		if err := store.create(&quizRound{ID: fmt.Sprint(1000 + n), Questions: quizQuestions[:1], Answers: []map[string]int{{}}}); err != nil {
			t.Fatal(err)
		}
	}
	store.prune(time.Now().Add(keptFor + time.Hour))
	if _, err := store.update("1000", func(*quizRound) error { return nil }); err != errRoundGone {
		t.Errorf("a round older than %v is still kept: %v", keptFor, err)
	}
}

func TestSummaryOnDiscordWithSourceAutocomplete(t *testing.T) {
	srv := newStudyServer(t)
	h, _ := studyBot(t, srv, t.TempDir(), &fakeStudier{}, 1)
	typed, err := srv.Interact(h.ctx(), discordtest.Interaction{GuildID: testGuild, ChannelID: testChannel, User: ada, Permissions: discordtest.PermissionsMember,
		Command: cmdSummary, Options: map[string]string{"source": "party"}, Autocomplete: true, Focused: "source"})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(h.callback(typed))
	var cb struct {
		Type int `json:"type"`
		Data struct {
			Choices []struct{ Name, Value string } `json:"choices"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &cb); err != nil || cb.Type != 8 || len(cb.Data.Choices) != 1 || cb.Data.Choices[0].Value != "001.txt" || cb.Data.Choices[0].Name != studySources[0].Title {
		t.Fatalf("choices for %q: %s", "party", raw)
	}
	sent := h.slash(grace, discordtest.PermissionsMember, cmdSummary, map[string]string{"source": "001.txt"})
	final := h.final(sent)
	embeds := embedsOf(final)
	if len(embeds) < 2 || embeds[0].Author == nil || !strings.Contains(embeds[0].Author.Name, "Summary of “China-Vietnam Party-to-Party Ties") || !strings.Contains(embeds[0].Description, "[1]") || embeds[1].Title != "Sources" {
		t.Errorf("summary message: %s", final.Body)
	}
	if got := h.ephemeral(h.slash(grace, discordtest.PermissionsMember, cmdSummary, map[string]string{"source": "China"})); !strings.Contains(got, "matches 2 sources") {
		t.Errorf("an ambiguous source got %q", got)
	}
}
