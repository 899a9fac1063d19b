package bot

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/internal/discordtest"
	"github.com/lectern/lectern/internal/openaitest"
	"github.com/lectern/lectern/retrieval"
)

// Two passages of the reading list, as the search would return them.
var checkedPassages = fixedPassages{
	{Chunk: retrieval.Chunk{Source: "002_c44777ec8113f80d.txt", Title: "China-Vietnam in warm, new communist embrace",
		Text: "The country’s constitution commits the ruling party to a so-called “Three Nos” national security doctrine, namely (i) no military alliance with any foreign power; (ii) no foreign military bases on its soil; and (iii) no siding with one superpower against the other."}},
	{Chunk: retrieval.Chunk{Source: "004_8e1c7fdfb2e44626.txt", Title: "‘Mr. Trong Goes to Beijing’",
		Text: "Having the United States as a hedge is critical as Vietnam strives to maintain healthy bilateral relations with China, despite Chinese aggression and unpopularity domestically and because of the sturdy economic interdependence."}},
}

type fixedPassages []retrieval.Passage

func (f fixedPassages) Search(context.Context, string, int) ([]retrieval.Passage, error) {
	return f, nil
}

const checkedClaim = "Vietnam's constitution commits the ruling party to the Three Nos: no military alliance, no foreign bases and no siding with one superpower against the other"

// realAsker is the real answerer over checkedPassages, with a chat
// stand-in that replies with script, streamed slowly enough to be edited in.
func realAsker(t *testing.T, script openaitest.Script) askFunc {
	chat := openaitest.New(t)
	chat.AddModels("llama3.1:8b")
	chat.SetChunkDelay(15 * time.Millisecond)
	chat.SetChatScript(func(openai.ChatCompletionRequest) openaitest.Script { return script })
	a := answer.New(checkedPassages, answer.Config{ChatBaseURL: chat.URL(), ChatModel: "llama3.1:8b", Timeout: 20 * time.Second,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return a.Ask
}

// TestStreamingShowsOnlySafeText: while a reasoning model's reply streams
// into /ask, no edit shows its reasoning or a link, and the final edit is
// the checked answer: the unsupported sentence is gone, @everyone pings
// nobody.
func TestStreamingShowsOnlySafeText(t *testing.T) {
	t.Parallel()
	reply := "<think>The user wants the Three Nos. Passage [2] is about the hedge; see http://evil.example.</think>\n\n" +
		checkedClaim + " [1]. @everyone should read [the article](http://evil.example/a) [1]. " +
		"Vietnam signed a defence pact with Japan in 2019 [2]."
	h := start(t, setup{ask: realAsker(t, openaitest.Script{Content: openaitest.Pieces(reply)})})
	sent := h.ask(ada, "What are the Three Nos?")
	final := h.final(sent)
	desc := embedsOf(final)[0].Description
	if !strings.Contains(desc, checkedClaim+" [1].") || strings.Contains(desc, "Japan") || strings.Contains(desc, "http") {
		t.Errorf("final answer %q, want the checked one", desc)
	}
	edits := 0
	for _, r := range h.srv.Requests() {
		if !discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) {
			continue
		}
		edits++
		for _, e := range embedsOf(r) {
			for _, bad := range []string{"user wants", "hedge", "http", "](", "<think", "think>"} {
				if strings.Contains(e.Description, bad) {
					t.Errorf("an edit shows %q: %q", bad, e.Description)
				}
			}
		}
	}
	if edits < 2 {
		t.Errorf("%d edits, want the answer streamed in", edits)
	}
}

// TestAModelFailureOnDiscordGetsTheExtractiveAnswer: an empty reply is
// answered from the reading list, with the sentence that says why.
func TestAModelFailureOnDiscordGetsTheExtractiveAnswer(t *testing.T) {
	t.Parallel()
	h := start(t, setup{ask: realAsker(t, openaitest.Script{Content: []string{"<think>Hmm, passage [1]"}, FinishReason: openai.FinishReasonLength})})
	desc := embedsOf(h.final(h.ask(ada, "What are the Three Nos?")))[0].Description
	if !strings.HasPrefix(desc, "*"+answer.NoteModelFailed+"*") || !strings.Contains(desc, "no military alliance with any foreign power") {
		t.Errorf("final answer %q, want the note and the extractive answer", desc)
	}
}

// TestSafeToShow: the bot's own guard on partial text.
func TestSafeToShow(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<think>secret [1]</think>Answer [1].", "Answer [1]."},
		{"Answer [1]. <think>still thinking", "Answer [1]."},
		{"See [the article](http://x.example/a) [1].", "See the article [1]."},
		{"See ![img](http://x.example/i.png)", "See img"},
		{"Half a link [text](http://x.exa", "Half a link text"},
		{"Plain [1] text.", "Plain [1] text."},
	}
	for _, tt := range tests {
		if got := safeToShow(tt.in); got != tt.want {
			t.Errorf("safeToShow(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCheckedAnswersOnDiscord: citation styles are shown as Lectern's
// markers, and without a model a question about someone the reading list
// does not mention is told so.
func TestCheckedAnswersOnDiscord(t *testing.T) {
	t.Parallel()
	extractive := answer.New(checkedPassages, answer.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	tests := []struct {
		name     string
		ask      askFunc
		question string
		want     string
	}{
		{"parenthesised citation", realAsker(t, openaitest.Script{Content: openaitest.Pieces(checkedClaim + " (1).")}), "What are the Three Nos?", checkedClaim + " [1]."},
		{"passage named in the prose", realAsker(t, openaitest.Script{Content: openaitest.Pieces("Passage 1 says that the ruling party is committed to the Three Nos: no military alliance, no foreign bases and no siding with one superpower against the other.")}),
			"What are the Three Nos?", "The ruling party is committed to the Three Nos: no military alliance, no foreign bases and no siding with one superpower against the other [1]."},
		{"footnote", realAsker(t, openaitest.Script{Content: openaitest.Pieces(checkedClaim + ".[^1]\n\n[^1]: China-Vietnam in warm, new communist embrace")}), "What are the Three Nos?", checkedClaim + ".[1]"},
		{"unmentioned name, no model", extractive.Ask, "What did Mongolia say about the Three Nos doctrine?", "The reading list doesn't mention Mongolia."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{ask: tt.ask})
			desc := embedsOf(h.final(h.ask(ada, tt.question)))[0].Description
			if desc != tt.want {
				t.Errorf("final answer %q, want %q", desc, tt.want)
			}
		})
	}
}
