package bot

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/discordtest"
	"github.com/lectern/lectern/retrieval"
)

var moderator = int64(discordtest.PermissionsMember | discordtest.PermissionManageGuild)

// TestSearchHasADeadline: a search that does not end is stopped after
// [discord] search_timeout, and the asker is told in a sentence.
func TestSearchHasADeadline(t *testing.T) {
	t.Parallel()
	h := start(t, setup{search: fakeSearcher{hang: true}, cfg: func(c *config.Discord) {
		c.SearchTimeout = config.Duration{Duration: 50 * time.Millisecond}
	}})
	sent := h.slash(ada, discordtest.PermissionsMember, cmdSearch, map[string]string{"query": "Three Nos"})
	if got := h.ephemeral(sent); got != "The search took too long; try again in a minute." {
		t.Errorf("asker was told %q, want that it took too long", got)
	}
}

// TestReindexHasADeadline: a reindex that does not end is stopped after
// [discord] reindex_timeout, and the reply says so.
func TestReindexHasADeadline(t *testing.T) {
	t.Parallel()
	lib := &fakeLibrary{fn: func(ctx context.Context, _ func(retrieval.Progress)) (retrieval.Report, error) {
		<-ctx.Done()
		return retrieval.Report{}, ctx.Err()
	}}
	h := start(t, setup{library: lib, cfg: func(c *config.Discord) {
		c.ReindexTimeout = config.Duration{Duration: 50 * time.Millisecond}
	}})
	sent := h.slash(grace, moderator, cmdReindex, nil)
	if _, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
		return discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) && strings.Contains(string(r.Body), "took longer than 50ms and was stopped")
	}); err != nil {
		t.Fatalf("no summary of the stopped reindex: %v\nlogs:\n%s", err, h.logs)
	}
}

// TestReindexOutlivingItsTokenPostsInTheChannel: Discord accepts edits of
// an interaction's reply for 15 minutes; a reindex that takes longer posts
// its summary as a message in the channel instead of losing it.
func TestReindexOutlivingItsTokenPostsInTheChannel(t *testing.T) {
	t.Parallel()
	lib := &fakeLibrary{fn: func(ctx context.Context, progress func(retrieval.Progress)) (retrieval.Report, error) {
		progress(retrieval.Progress{Stage: "embedding", Files: 5})
		time.Sleep(20 * time.Millisecond) // past the shortened token life
		return retrieval.Report{Files: 5, Chunks: 40, Reused: 40}, nil
	}}
	h := start(t, setup{library: lib, tokenLife: time.Nanosecond})
	sent := h.slash(grace, moderator, cmdReindex, nil)
	bot := h.srv.BotUser()
	err := waitUntil(h.ctx(), func() bool {
		for _, m := range h.srv.ChannelMessages(testChannel) {
			if m.Author.ID == bot.ID && strings.Contains(m.Content, "Reindexed") && strings.Contains(m.Content, "<@"+grace.ID+">") {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("no summary in the channel: %v\nlogs:\n%s", err, h.logs)
	}
	for _, r := range h.srv.Requests() {
		if discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) {
			t.Errorf("the expired reply was edited: %s", r.Body)
		}
	}
}

// TestAnswerFromTheReadingListWhenTheModelIsDown: the answerer answered
// from the reading list because the model is down; the answer says so.
func TestAnswerFromTheReadingListWhenTheModelIsDown(t *testing.T) {
	t.Parallel()
	fallback := threeNos
	fallback.Note = answer.NoteModelDown(&answer.EndpointError{URL: "http://127.0.0.1:11434/v1", Model: "llama3.2", Kind: answer.KindUnreachable})
	h := start(t, setup{ask: streamAnswer(fallback)})
	final := h.final(h.ask(ada, "What are the Three Nos?"))
	for _, want := range []string{"Three Nos", "The language model at http://127.0.0.1:11434/v1 is not answering", "answering from the reading list instead"} {
		if !strings.Contains(string(final.Body), want) {
			t.Errorf("answer lacks %q: %s", want, final.Body)
		}
	}
}
