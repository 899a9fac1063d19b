package answer

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/openaitest"
	"github.com/lectern/lectern/internal/seedtest"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// TestAnswersOverTheRealIndex asks the real index of seeds/ (local
// embedder, hybrid search) what the unit tests ask the seed searcher.
func TestAnswersOverTheRealIndex(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.DiscardHandler)
	store := seedStore(t)
	a := New(store, Config{Logger: quiet})
	for _, tt := range []struct {
		question string
		want     []string
	}{
		{"What are the Three Nos?", []string{"no military alliance with any foreign power"}},
		{"Who wrote the article on party-to-party ties?", []string{"Lye Liang Fook"}},
		{"When did Xi visit Hanoi?", []string{"December 12, 2023"}},
		{"What did Trong receive from Xi?", []string{"Friendship Medal"}},
		{"What percentage of Vietnamese chose the United States?", []string{"56.9 percent chose the United States", "73.6 percent of Vietnamese chose the United States"}},
		{"How many agreements did China and Vietnam sign during Xi's visit?", []string{"36 agreements"}},
		{"What security assistance did the United States give Vietnam?", []string{"$60 million in security assistance"}},
	} {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(ctx, Request{Question: tt.question}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeExtractive || !containsAny(ans.Text, tt.want) {
				t.Errorf("%s answer lacks any of %q:\n%s", ans.Mode, tt.want, ans.Text)
			}
			checkAnswer(t, ans, nil)
		})
	}
	t.Run("follow-up", func(t *testing.T) {
		ans, err := a.Ask(ctx, Request{Question: "and who wrote it?", History: []Turn{{Question: "What are the Three Nos?"}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !containsAny(ans.Text, []string{"Heydarian"}) {
			t.Errorf("%s answer does not name the author of the Three Nos article:\n%s", ans.Mode, ans.Text)
		}
		checkAnswer(t, ans, nil)
	})
	for _, q := range notFoundQuestions {
		t.Run(q, func(t *testing.T) {
			ans, err := a.Ask(ctx, Request{Question: q}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeNotFound {
				t.Errorf("mode %s, want not_found: %q", ans.Mode, ans.Text)
			}
		})
	}
}

// TestQuestionsAskedFromMemoryReachTheModel: a question in words of its own
// shares few words with the passage that answers it. Without a model the
// extractive answer turns it away rather than quote a sentence that may
// not answer; with a model configured, the model reads the passages and
// answers. A question about something else is still turned away before the
// model is asked.
func TestQuestionsAskedFromMemoryReachTheModel(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.DiscardHandler)
	store := seedStore(t)
	chat := newChatServer(t, "")
	chat.SetChatReply(quotingReply)
	generating := New(store, Config{ChatBaseURL: chat.URL(), ChatModel: testModel, APIKey: testKey, Timeout: 10 * time.Second, Logger: quiet})
	extractive := New(store, Config{Logger: quiet})
	tests := []struct {
		question             string
		generated, extracted Mode
	}{
		{"Which American president lifted the ban on selling weapons to Vietnam?", ModeGenerated, ModeNotFound},
		{"What kinds of outside-driven upheaval are both ruling parties afraid of?", ModeGenerated, ModeNotFound},
		{"What are the Three Nos?", ModeGenerated, ModeExtractive},
		{"Who won the 2018 FIFA World Cup?", ModeNotFound, ModeNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			asked := chat.Requests(openaitest.ChatCompletions)
			got, err := generating.Ask(ctx, Request{Question: tt.question}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got.Mode != tt.generated {
				t.Errorf("with a model: mode %s, want %s", got.Mode, tt.generated)
			}
			if wasAsked := chat.Requests(openaitest.ChatCompletions) > asked; wasAsked != (tt.generated == ModeGenerated) {
				t.Errorf("the model was asked: %v", wasAsked)
			}
			if got, err := extractive.Ask(ctx, Request{Question: tt.question}, nil); err != nil || got.Mode != tt.extracted {
				t.Errorf("without a model: mode %s (%v), want %s", got.Mode, err, tt.extracted)
			}
		})
	}
}

// seedStore is the real index of seeds/: local embedder, hybrid search.
func seedStore(t *testing.T) *retrieval.Store {
	return seedtest.Store(t, "../seeds")
}

// quotingReply is the reply of a faithful model: the first sentence of
// passage [1] of the prompt, cited.
func quotingReply(req openai.ChatCompletionRequest) string {
	user := req.Messages[len(req.Messages)-1].Content
	_, rest, ok := strings.Cut(user, "\n[1] ")
	if !ok {
		return NotFoundText
	}
	rest, _, _ = strings.Cut(rest, "\n")
	if _, text, ok := strings.Cut(rest, ") "); ok {
		rest = text
	}
	spans := text.SentenceSpans(rest)
	if len(spans) == 0 {
		return NotFoundText
	}
	first := rest[spans[0].Start:spans[0].End]
	return withMarker(first, 1)
}
