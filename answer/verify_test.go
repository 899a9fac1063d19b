package answer

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/openaitest"
)

const verifyModel = "bespoke-minicheck"

// newVerifyServer starts a stand-in fact-checking model that answers "No"
// to a claim holding any of refuted, else "Yes" (or reply, when not empty).
func newVerifyServer(t *testing.T, reply string, refuted ...string) *openaitest.Server {
	srv := openaitest.New(t)
	srv.AddModels(verifyModel)
	srv.SetChatReply(func(req openai.ChatCompletionRequest) string {
		if reply != "" {
			return reply
		}
		_, claim, _ := strings.Cut(req.Messages[len(req.Messages)-1].Content, "\nClaim: ")
		for _, r := range refuted {
			if strings.Contains(claim, r) {
				return "No"
			}
		}
		return "Yes"
	})
	return srv
}

// askVerified asks the Three Nos question of an answerer whose chat
// endpoint replies reply and whose fact-checking model is verify.
func askVerified(t *testing.T, reply string, verify *openaitest.Server) (Answer, string) {
	t.Helper()
	chat := newChatServer(t, "")
	chat.SetChatScript(func(openai.ChatCompletionRequest) openaitest.Script {
		return openaitest.Script{Content: openaitest.Pieces(reply)}
	})
	var log lockedBuffer
	a := New(threeNosPassages(t), Config{ChatBaseURL: chat.URL(), ChatModel: testModel, APIKey: testKey, Timeout: 10 * time.Second, TopK: 3,
		VerifyBaseURL: verify.URL(), VerifyModel: verifyModel, VerifyTimeout: 5 * time.Second, Logger: loggerTo(&log)})
	ans, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkAnswer(t, ans, threeNosPassages(t))
	return ans, log.String()
}

// TestTheModelCheckDecidesWhenConfigured: with [verify], each sentence is
// put to the fact-checking model with each passage it cites, and its
// verdict is the one used, even against the model-free check.
func TestTheModelCheckDecidesWhenConfigured(t *testing.T) {
	verify := newVerifyServer(t, "", "hedge")
	ans, _ := askVerified(t, threeNosClaim+" [2]. "+hedgeClaim+" [3][1].", verify)
	if ans.Mode != ModeGenerated || ans.Text != threeNosClaim+" [1]." {
		t.Errorf("answer %s %q, want only the first sentence", ans.Mode, ans.Text)
	}
	if len(ans.Dropped) != 1 || !strings.Contains(ans.Dropped[0].Why, "fact-checking model") {
		t.Errorf("dropped %+v, want the hedge sentence, by the model", ans.Dropped)
	}
	if n := verify.Requests(openaitest.ChatCompletions); n != 3 {
		t.Errorf("the fact-checking model was asked %d times, want 3 (one per sentence and passage cited)", n)
	}
	for _, r := range verify.ChatRequests() {
		if r.Model != verifyModel || len(r.Messages) != 1 || !strings.HasPrefix(r.Messages[0].Content, "Document: ") || !strings.Contains(r.Messages[0].Content, "\nClaim: ") {
			t.Errorf("request %+v", r)
		}
		if strings.Contains(r.Messages[0].Content, "[") {
			t.Errorf("a claim was sent with its markers: %q", r.Messages[0].Content)
		}
	}
}

// TestTheModelsYesNeedsTheFacts: a fact-checking model that says "Yes" to
// everything does not pass a sentence whose year or name the passage it
// cites does not hold; the model's verdict stands on the rest.
func TestTheModelsYesNeedsTheFacts(t *testing.T) {
	verify := newVerifyServer(t, "")
	const (
		wrongYear = "The Three Nos were written into Vietnam's constitution in 2031"
		wrongName = "Mongolia's constitution commits the ruling party to the Three Nos"
	)
	ans, log := askVerified(t, threeNosClaim+" [2]. "+wrongYear+" [2]. "+wrongName+" [2].", verify)
	if ans.Mode != ModeGenerated || ans.Text != threeNosClaim+" [1]." {
		t.Errorf("answer %s %q, want only the first sentence", ans.Mode, ans.Text)
	}
	if len(ans.Dropped) != 2 || !strings.Contains(ans.Dropped[0].Why, "2031") || !strings.Contains(ans.Dropped[1].Why, "Mongolia") {
		t.Errorf("dropped %+v, want the year's and the name's sentences, for their facts", ans.Dropped)
	}
	if n := verify.Requests(openaitest.ChatCompletions); n != 3 {
		t.Errorf("the fact-checking model was asked %d times, want 3", n)
	}
	if log != "" {
		t.Errorf("logged %q, want nothing at Warn", log)
	}
}

// TestTheModelCheckFallsBackWhenItFails: a fact-checking model that fails
// or answers neither yes nor no leaves the model-free check to decide, and
// says so in the log.
func TestTheModelCheckFallsBackWhenItFails(t *testing.T) {
	reply := threeNosClaim + " [2]. During Xi's visit, China and Vietnam signed at least 63 agreements [1]."
	for name, verify := range map[string]*openaitest.Server{
		"unknown model": func() *openaitest.Server { s := openaitest.New(t); return s }(),
		"rambling":      newVerifyServer(t, "Well, it depends on how you read it."),
		"failing": func() *openaitest.Server {
			s := newVerifyServer(t, "")
			for range 10 {
				s.FailNext(openaitest.ChatCompletions, openaitest.InternalError())
			}
			return s
		}(),
	} {
		t.Run(name, func(t *testing.T) {
			ans, log := askVerified(t, reply, verify)
			if ans.Text != threeNosClaim+" [1]." || len(ans.Dropped) != 1 || ans.Dropped[0].Why != "the passage does not mention 63" {
				t.Errorf("answer %q dropped %+v, want the model-free verdicts", ans.Text, ans.Dropped)
			}
			if !strings.Contains(log, "fact-checking model gave no verdict") {
				t.Errorf("the log does not say the check failed:\n%s", log)
			}
		})
	}
}

// loggerTo logs at Warn and above to w.
func loggerTo(w *lockedBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// TestTheModelCheckAsksInParallel: the questions of one answer are put to
// the fact-checking model at once, not one after another: the stand-in
// answers "Yes" only once two of them are waiting together (else, after a
// while, "No").
func TestTheModelCheckAsksInParallel(t *testing.T) {
	verify := openaitest.New(t)
	verify.AddModels(verifyModel)
	arrived := make(chan struct{}, 16)
	together := make(chan struct{})
	var once sync.Once
	verify.SetChatReply(func(openai.ChatCompletionRequest) string {
		arrived <- struct{}{}
		if len(arrived) >= 2 {
			once.Do(func() { close(together) })
		}
		select {
		case <-together:
			return "Yes"
		case <-time.After(3 * time.Second):
			return "No"
		}
	})
	ans, _ := askVerified(t, threeNosClaim+" [2]. "+hedgeClaim+" [3].", verify)
	if ans.Text != threeNosClaim+" [1]. "+hedgeClaim+" [2]." {
		t.Errorf("answer %q dropped %+v: the two checks did not run together", ans.Text, ans.Dropped)
	}
}
