package answer

import (
	"bytes"
	"cmp"
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/openaitest"
	"github.com/lectern/lectern/retrieval"
)

// Sentences the three passages of threeNosPassages support.
const (
	agreementsClaim = "During Xi's visit, China and Vietnam signed at least 36 agreements"
	threeNosClaim   = "Vietnam's constitution commits the ruling party to the Three Nos: no military alliance, no foreign bases and no siding with one superpower against the other"
	hedgeClaim      = "Having the United States as a hedge helps Vietnam maintain healthy relations with China"
)

// scripted is what an answerer made of one scripted reply.
type scripted struct {
	ans      Answer
	partials []string
	log      string // what the answerer logged at Warn and above
	debugLog string // everything it logged
}

// lockedBuffer is a bytes.Buffer safe for the logger's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// askScripted asks "What are the Three Nos?" of an answerer over the three
// passages of threeNosPassages whose endpoint replies with script.
func askScripted(t *testing.T, script openaitest.Script) scripted {
	t.Helper()
	return askScriptedOf(t, testModel, script)
}

// askScriptedOf is askScripted with the model named model.
func askScriptedOf(t *testing.T, model string, script openaitest.Script) scripted {
	t.Helper()
	chat := newChatServer(t, "")
	chat.AddModels(model)
	chat.SetChatScript(func(openai.ChatCompletionRequest) openaitest.Script { return script })
	var warn, all lockedBuffer
	logger := slog.New(teeHandler{
		slog.NewTextHandler(&warn, &slog.HandlerOptions{Level: slog.LevelWarn}),
		slog.NewTextHandler(&all, &slog.HandlerOptions{Level: slog.LevelDebug}),
	})
	a := New(threeNosPassages(t), Config{ChatBaseURL: chat.URL(), ChatModel: model, APIKey: testKey, Timeout: 5 * time.Second, TopK: 3, Logger: logger})
	var out scripted
	ans, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, func(text string) { out.partials = append(out.partials, text) })
	if err != nil {
		t.Fatalf("Ask: %v", err)
	}
	out.ans, out.log, out.debugLog = ans, warn.String(), all.String()
	checkAnswer(t, ans, threeNosPassages(t))
	return out
}

// teeHandler sends each record to both handlers.
type teeHandler [2]slog.Handler

func (h teeHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h[0].Enabled(ctx, l) || h[1].Enabled(ctx, l)
}

func (h teeHandler) Handle(ctx context.Context, r slog.Record) error {
	for _, x := range h {
		if x.Enabled(ctx, r.Level) {
			if err := x.Handle(ctx, r.Clone()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (h teeHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return teeHandler{h[0].WithAttrs(as), h[1].WithAttrs(as)}
}

func (h teeHandler) WithGroup(g string) slog.Handler {
	return teeHandler{h[0].WithGroup(g), h[1].WithGroup(g)}
}

// TestReasoningIsNeverShown: a reasoning model's thinking, in the content
// between tags (split across deltas anywhere) or in reasoning fields, is
// neither streamed nor answered, and its markers are no citations.
func TestReasoningIsNeverShown(t *testing.T) {
	thinking := "<think>The user asks about the Three Nos. Passage [3] is about the U.S.; passage 1 about deals.</think>"
	answer := threeNosClaim + " [2]."
	reply := thinking + "\n\n" + answer
	tests := []struct {
		name   string
		model  string
		script openaitest.Script
	}{
		{"think block in one delta", "", openaitest.Script{Content: []string{reply}}},
		{"opening tag split", "", openaitest.Script{Content: openaitest.Split(reply, 1, 4, 30)}},
		{"closing tag split", "", openaitest.Script{Content: openaitest.Split(reply, len(thinking)-6, len(thinking)-3, len(thinking)+5)}},
		{"every byte a delta", "", openaitest.Script{Content: everyByte(reply)}},
		{"thinking tag", "", openaitest.Script{Content: openaitest.Split(strings.ReplaceAll(reply, "think>", "thinking>"), 5, 50)}},
		{"reasoning tag, upper case", "", openaitest.Script{Content: []string{strings.ReplaceAll(reply, "think>", "REASONING>")}}},
		{"opening tag in the prompt's template", "qwen3:8b", openaitest.Script{Content: openaitest.Split(strings.TrimPrefix(reply, "<think>"), 20)}},
		{"reasoning_content field", "", openaitest.Script{Reasoning: []string{"Passage [3] is ", "about the U.S."}, Content: []string{answer}}},
		{"reasoning field", "", openaitest.Script{Reasoning: []string{"Passage [3] is about the U.S."}, ReasoningField: "reasoning", Content: []string{answer}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			model := cmp.Or(tt.model, testModel)
			got := askScriptedOf(t, model, tt.script)
			if got.ans.Mode != ModeGenerated || got.ans.Text != threeNosClaim+" [1]." {
				t.Errorf("answer %s %q, want generated %q", got.ans.Mode, got.ans.Text, threeNosClaim+" [1].")
			}
			if len(got.ans.Citations) != 1 || !strings.Contains(got.ans.Citations[0].Quote, "Three Nos") {
				t.Errorf("citations %+v, want only the Three Nos passage", got.ans.Citations)
			}
			for _, p := range got.partials {
				if strings.Contains(p, "user asks") || strings.Contains(p, "about the U.S") || strings.Contains(strings.ToLower(p), "<t") || strings.Contains(strings.ToLower(p), "<r") {
					t.Errorf("a partial shows reasoning: %q", p)
				}
			}
		})
	}
}

func everyByte(s string) []string {
	var out []string
	for i := range len(s) {
		out = append(out, s[i:i+1])
	}
	return out
}

// TestModelFailuresGetTheExtractiveAnswer: a reply with no usable answer in
// it is a failure of the model, not "not found": the asker hears so in one
// sentence (the note) and gets the extractive answer.
func TestModelFailuresGetTheExtractiveAnswer(t *testing.T) {
	tests := []struct {
		name   string
		script openaitest.Script
	}{
		{"empty", openaitest.Script{}},
		{"white space", openaitest.Script{Content: []string{" \n\n ", "\t"}}},
		{"only reasoning", openaitest.Script{Content: []string{"<think>Let me see [2].</think>"}}},
		{"only reasoning fields", openaitest.Script{Reasoning: []string{"Let me see [2]."}}},
		{"reasoning cut by max_tokens", openaitest.Script{Content: []string{"<think>Let me see. Passage [2] says"}, FinishReason: openai.FinishReasonLength}},
		{"reasoning never closed", openaitest.Script{Content: []string{"<think>Let me see. ", "Passage [2] says the Three Nos [2]."}}},
		{"cut before the first sentence ends", openaitest.Script{Content: []string{"Vietnam's constitution commits [2] the ruling party to"}, FinishReason: openai.FinishReasonLength}},
		{"only markers", openaitest.Script{Content: []string{"[1][2]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := askScripted(t, tt.script)
			if got.ans.Mode != ModeExtractive || got.ans.Note != NoteModelFailed {
				t.Errorf("answer %s %q note %q, want extractive with %q", got.ans.Mode, got.ans.Text, got.ans.Note, NoteModelFailed)
			}
			if !strings.Contains(got.ans.Text, "no military alliance") {
				t.Errorf("the extractive answer %q does not answer", got.ans.Text)
			}
			if got.log != "" {
				t.Errorf("logged at Warn:\n%s", got.log)
			}
		})
	}
}

// TestACutReplyKeepsItsFinishedSentences: a reply cut by max_tokens keeps
// its complete, supported sentences, and says so only in the debug log.
func TestACutReplyKeepsItsFinishedSentences(t *testing.T) {
	got := askScripted(t, openaitest.Script{Content: []string{threeNosClaim + " [2]. ", "It keeps the U.S. as a hedge [3] to"}, FinishReason: openai.FinishReasonLength})
	if got.ans.Mode != ModeGenerated || got.ans.Text != threeNosClaim+" [1]." || len(got.ans.Citations) != 1 {
		t.Errorf("answer %s %q %+v, want the first sentence alone", got.ans.Mode, got.ans.Text, got.ans.Citations)
	}
	if got.log != "" {
		t.Errorf("logged at Warn:\n%s", got.log)
	}
	if !strings.Contains(got.debugLog, "max_tokens") {
		t.Errorf("the cut is not in the debug log:\n%s", got.debugLog)
	}
}

// TestUnsupportedSentencesAreDropped: every sentence shown stands on a
// passage it cites; the others are listed as dropped, with what they cited
// and why, and the citations only they used are gone.
func TestUnsupportedSentencesAreDropped(t *testing.T) {
	tests := []struct {
		name        string
		reply       string
		want        string
		wantDropped []Dropped
		wantSources []int // passages cited, in order, by their prompt numbers
	}{
		{
			name:        "a wrong number under a valid marker",
			reply:       threeNosClaim + " [2]. During Xi's visit, China and Vietnam signed at least 63 agreements [1].",
			want:        threeNosClaim + " [1].",
			wantDropped: []Dropped{{Sentence: "During Xi's visit, China and Vietnam signed at least 63 agreements.", Cited: []int{1}, Why: "the passage does not mention 63"}},
			wantSources: []int{2},
		},
		{
			name:        "an invented treaty",
			reply:       threeNosClaim + " [2]. Vietnam signed a mutual defence treaty with the United States in 2019 [3].",
			want:        threeNosClaim + " [1].",
			wantDropped: []Dropped{{Sentence: "Vietnam signed a mutual defence treaty with the United States in 2019.", Cited: []int{3}, Why: "the passage does not mention 2019"}},
			wantSources: []int{2},
		},
		{
			name:        "a marker to no passage",
			reply:       agreementsClaim + " [1]. It is discussed at length in [99].",
			want:        agreementsClaim + " [1].",
			wantDropped: []Dropped{{Sentence: "It is discussed at length in.", Cited: []int{99}, Why: "it cites no passage that was given"}},
			wantSources: []int{1},
		},
		{
			name:        "markers 0 and k+1",
			reply:       agreementsClaim + " [0]. " + threeNosClaim + " [4].",
			want:        "",
			wantDropped: []Dropped{{Sentence: agreementsClaim + ".", Cited: []int{0}, Why: "it cites no passage that was given"}, {Sentence: threeNosClaim + ".", Cited: []int{4}, Why: "it cites no passage that was given"}},
		},
		{
			name:        "an uncited sentence at the end",
			reply:       threeNosClaim + " [2]. The Three Nos date from 1998.",
			want:        threeNosClaim + " [1].",
			wantDropped: []Dropped{{Sentence: "The Three Nos date from 1998.", Cited: []int{}, Why: "it cites no passage"}},
			wantSources: []int{2},
		},
		{
			name:        "an uncited sentence covered by the next one's marker",
			reply:       "Vietnam's constitution commits the ruling party to the Three Nos. They are no military alliance, no foreign bases and no siding with one superpower against the other [2].",
			want:        "Vietnam's constitution commits the ruling party to the Three Nos. They are no military alliance, no foreign bases and no siding with one superpower against the other [1].",
			wantSources: []int{2},
		},
		{
			name:        "a sentence supported by the second passage it cites",
			reply:       agreementsClaim + " [2][1].",
			want:        agreementsClaim + " [1][2].",
			wantSources: []int{2, 1},
		},
		{
			name:        "citations of dropped sentences go, the rest are renumbered",
			reply:       "Vietnam has a defence pact with Japan [1]. " + hedgeClaim + " [3].",
			want:        hedgeClaim + " [1].",
			wantDropped: []Dropped{{Sentence: "Vietnam has a defence pact with Japan.", Cited: []int{1}, Why: "the passage does not mention Japan"}},
			wantSources: []int{3},
		},
	}
	passages := threeNosPassages(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := askScripted(t, openaitest.Script{Content: openaitest.Pieces(tt.reply)})
			if tt.want == "" {
				if got.ans.Mode != ModeExtractive || got.ans.Note != NoteNothingSupported {
					t.Errorf("answer %s %q note %q, want the extractive answer with %q", got.ans.Mode, got.ans.Text, got.ans.Note, NoteNothingSupported)
				}
			} else if got.ans.Mode != ModeGenerated || got.ans.Text != tt.want {
				t.Errorf("answer %s %q, want generated %q", got.ans.Mode, got.ans.Text, tt.want)
			}
			if !slices.EqualFunc(got.ans.Dropped, tt.wantDropped, func(a, b Dropped) bool {
				return a.Sentence == b.Sentence && slices.Equal(a.Cited, b.Cited) && a.Why == b.Why
			}) {
				t.Errorf("dropped %+v, want %+v", got.ans.Dropped, tt.wantDropped)
			}
			if tt.want == "" {
				return
			}
			var sources []int
			for _, c := range got.ans.Citations {
				sources = append(sources, slices.IndexFunc(passages, func(p retrieval.Passage) bool {
					return p.Source == c.Source && strings.Contains(p.Text, firstWords(c.Quote))
				})+1)
			}
			if !slices.Equal(sources, tt.wantSources) {
				t.Errorf("citations are of passages %v, want %v", sources, tt.wantSources)
			}
			for _, d := range got.ans.Dropped {
				if !strings.Contains(got.debugLog, "dropped") || !strings.Contains(got.debugLog, d.Why) {
					t.Errorf("the log does not name the dropped sentence %q", d.Sentence)
				}
			}
		})
	}
}

// firstWords is the start of a quote, to find its passage.
func firstWords(quote string) string { return quote[:min(len(quote), 30)] }

// TestNothingButTheAnswerIsPassedOn: the model's own list of sources, its
// footnote definitions, and markdown links and images are not shown; the
// text of a link is.
func TestNothingButTheAnswerIsPassedOn(t *testing.T) {
	tests := []struct {
		name, reply, want string
	}{
		{"sources list", threeNosClaim + " [2].\n\nSources:\n[1] China and Vietnam agree\n[2] China-Vietnam in warm, new communist embrace", threeNosClaim + " [1]."},
		{"references heading", threeNosClaim + " [2].\n\n**References**\n- [3] Mr. Trong Goes to Beijing", threeNosClaim + " [1]."},
		{"trailing list without heading", threeNosClaim + " [2].\n[1] China and Vietnam agree to strengthen ties", threeNosClaim + " [1]."},
		{"marker as a link", threeNosClaim + " [2](http://example.com/2).", threeNosClaim + " [1]."},
		{"link", "Vietnam's constitution commits the ruling party to the [Three Nos](https://evil.example/x): no military alliance, no foreign bases and no siding with one superpower against the other [2].", threeNosClaim + " [1]."},
		{"image", threeNosClaim + " [2]. ![chart](http://example.com/c.png)", threeNosClaim + " [1]."},
		{"footnotes", threeNosClaim + ".[^2]\n\n[^2]: China-Vietnam in warm, new communist embrace.", threeNosClaim + ".[1]"},
		{"bullet list kept", "- " + threeNosClaim + " [2].\n- " + hedgeClaim + " [3].", "- " + threeNosClaim + " [1].\n- " + hedgeClaim + " [2]."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := askScripted(t, openaitest.Script{Content: openaitest.Pieces(tt.reply)})
			if got.ans.Text != tt.want {
				t.Errorf("answer %q, want %q", got.ans.Text, tt.want)
			}
			for _, p := range append(got.partials, got.ans.Text) {
				if strings.Contains(p, "http") || strings.Contains(p, "](") || strings.Contains(p, "Sources") || strings.Contains(p, "References") {
					t.Errorf("shown: %q", p)
				}
			}
		})
	}
}

// TestCitationStylesEndToEnd: an answer in another citation style is read,
// not thrown away, and shown with Lectern's markers.
func TestCitationStylesEndToEnd(t *testing.T) {
	for _, style := range []string{" (2).", " (Passage 2).", " [Passage 2].", " [Source 2].", "[^2].", " 【2】.", " [ 2 ].", " [Passages 2 and 3]."} {
		t.Run(style, func(t *testing.T) {
			got := askScripted(t, openaitest.Script{Content: openaitest.Pieces(threeNosClaim + style)})
			if got.ans.Mode != ModeGenerated || !strings.HasPrefix(got.ans.Text, threeNosClaim) || !strings.Contains(got.ans.Text, "[1]") || strings.Contains(got.ans.Text, "(") {
				t.Errorf("answer %s %q", got.ans.Mode, got.ans.Text)
			}
		})
	}
	got := askScripted(t, openaitest.Script{Content: openaitest.Pieces("Passage 2 says that the ruling party is committed to the Three Nos: no military alliance, no foreign bases and no siding with one superpower against the other.")})
	if got.ans.Text != "The ruling party is committed to the Three Nos: no military alliance, no foreign bases and no siding with one superpower against the other [1]." {
		t.Errorf("answer %q", got.ans.Text)
	}
}
