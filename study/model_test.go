package study

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/internal/openaitest"
	"github.com/lectern/lectern/retrieval"
)

// modelPassages are what the model is shown in these specs.
var modelPassages = []retrieval.Passage{
	passage("a.txt", retrieval.SourceInfo{Title: "Border history"},
		"China responded by invading Vietnam in 1979, resulting in a brief, bloody border war.",
		"The two countries normalized relations in 1991, twelve years after the war of 1979."),
}

// studier is a Studier over the seeds' generator that asks srv.
func studier(t *testing.T, srv *openaitest.Server) *Studier {
	t.Helper()
	s, err := NewStudier(NewGenerator(seedStore(t).Passages("")), ChatConfig{BaseURL: srv.URL(), Model: openaitest.ChatModel, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// valid is an item the checks keep.
var valid = map[string]any{"question": "In which year did China invade Vietnam?", "options": []string{"1975", "1979", "1986", "1991x"},
	"answer": 1, "kind": "year", "passage": 1, "evidence": "China responded by invading Vietnam in 1979, resulting in a brief, bloody border war."}

// with returns a copy of valid with some fields changed.
func with(changes map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range valid {
		out[k] = v
	}
	for k, v := range changes {
		out[k] = v
	}
	return out
}

func TestTheModelsQuestionsAreCheckedAndTheRoundFilledWithoutIt(t *testing.T) {
	evidence := "The two countries normalized relations in 1991, twelve years after the war of 1979."
	tests := []struct {
		name      string
		reply     string
		fromModel int // questions of the model kept
	}{
		{"a valid item is kept", jsonOf(map[string]any{"questions": []any{valid}}), 1},
		{"a bare array in a code fence, with prose around it", "Here you are:\n```json\n" + jsonOf([]any{valid}) + "\n```\nEnjoy!", 1},
		{"numbers written as strings", jsonOf(map[string]any{"questions": []any{with(map[string]any{"answer": "1", "passage": "1"})}}), 1},
		{"evidence not in the passage", jsonOf(map[string]any{"questions": []any{with(map[string]any{"evidence": "China invaded Vietnam in 1979."})}}), 0},
		{"a passage that was not given", jsonOf(map[string]any{"questions": []any{with(map[string]any{"passage": 7})}}), 0},
		{"the correct option not in the evidence", jsonOf(map[string]any{"questions": []any{with(map[string]any{"answer": 0})}}), 0},
		{"a distractor in the evidence", jsonOf(map[string]any{"questions": []any{with(map[string]any{"evidence": evidence, "options": []string{"1979", "1991", "1986", "2000"}, "answer": 1, "question": "When were relations normalized?"})}}), 0},
		{"three options", jsonOf(map[string]any{"questions": []any{with(map[string]any{"options": []string{"1975", "1979", "1986"}})}}), 0},
		{"the answer in the question", jsonOf(map[string]any{"questions": []any{with(map[string]any{"question": "Did China invade Vietnam in 1979?"})}}), 0},
		{"one valid, one invalid", jsonOf(map[string]any{"questions": []any{valid, with(map[string]any{"passage": 0})}}), 1},
		{"a second question that gives the first's answer away", jsonOf(map[string]any{"questions": []any{valid, with(map[string]any{
			"question": "How many years after the war of 1979 did the two countries normalize relations?", "options": []string{"twelve", "ten", "eight", "fifteen"}, "answer": 0, "kind": "number", "evidence": evidence})}}), 1},
		{"unparseable JSON", `{"questions": [{"question": "In which year`, 0},
		{"no JSON at all", "I cannot write questions about that.", 0},
	}
	srv := openaitest.New(t)
	s := studier(t, srv)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.SetChatReply(func(openai.ChatCompletionRequest) string { return tt.reply })
			round, err := s.Round(context.Background(), modelPassages, RoundOptions{Count: 3, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(round.Questions) != 3 {
				t.Fatalf("%d questions, want 3 (the model's and the generator's)", len(round.Questions))
			}
			fromModel := 0
			for _, q := range round.Questions {
				if q.FromModel {
					fromModel++
					if q.Citation.Source != "a.txt" || q.Correct() != "1979" {
						t.Errorf("the model's question %+v", q)
					}
				}
				if p := Problems(q); len(p) > 0 {
					t.Errorf("%q breaks rules: %q", q.Question, p)
				}
			}
			for i, q := range round.Questions {
				if givesAway(round.Questions[:i], q) {
					t.Errorf("%q and a question before it give each other's answers away", q.Question)
				}
			}
			if fromModel != tt.fromModel {
				t.Errorf("%d of the model's questions kept, want %d", fromModel, tt.fromModel)
			}
		})
	}
	last := srv.LastChatRequest()
	if len(last.Messages) != 2 || !strings.Contains(last.Messages[1].Content, "Write 3 questions.") || !strings.Contains(last.Messages[1].Content, "[1] (Border history) China responded by invading Vietnam in 1979") {
		t.Errorf("the model was not shown the passages: %+v", last.Messages)
	}
	for _, req := range srv.ChatRequests() {
		if req.Stream || req.ResponseFormat == nil || req.ResponseFormat.Type != openai.ChatCompletionResponseFormatTypeJSONObject {
			t.Errorf("the questions were asked for streamed %v, format %+v; want JSON, not streamed", req.Stream, req.ResponseFormat)
		}
	}
}

func TestAModelThatIsDownLeavesARoundWithoutItAndOneSentenceSayingSo(t *testing.T) {
	srv := openaitest.New(t)
	s := studier(t, srv)
	srv.FailNext(openaitest.ChatCompletions, openaitest.Unavailable(), openaitest.Unavailable())
	round, err := s.Round(context.Background(), modelPassages, RoundOptions{Count: 4, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(round.Questions) != 4 || round.Note != NoteModelDown {
		t.Errorf("%d questions, note %q; want 4 made without the model and the note %q", len(round.Questions), round.Note, NoteModelDown)
	}
	for _, q := range round.Questions {
		if q.FromModel {
			t.Errorf("a question of the model: %+v", q)
		}
	}
}

func TestAnEndpointWithoutJSONModeIsAskedAgainWithout(t *testing.T) {
	srv := openaitest.New(t)
	s := studier(t, srv)
	srv.FailNext(openaitest.ChatCompletions, openaitest.Status(400, "invalid_request_error", "", "response_format is not supported"))
	srv.SetChatReply(func(openai.ChatCompletionRequest) string { return jsonOf([]any{valid}) })
	round, err := s.Round(context.Background(), modelPassages, RoundOptions{Count: 1, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(round.Questions) != 1 || !round.Questions[0].FromModel {
		t.Errorf("round %+v; want the model's question", round)
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 2 || reqs[1].ResponseFormat != nil {
		t.Errorf("%d requests; want a second one without response_format", len(reqs))
	}
}

func TestTheModelsSummaryKeepsOnlyCitedSentencesAndValidMarkers(t *testing.T) {
	srv := openaitest.New(t)
	s := studier(t, srv)
	srv.SetChatReply(func(openai.ChatCompletionRequest) string {
		return "China invaded Vietnam in 1979 [1]. They normalized relations in 1991 [2]. A sentence with no marker. A sentence citing nothing given [9]."
	})
	two := []retrieval.Passage{modelPassages[0], passage("a.txt", retrieval.SourceInfo{Title: "Border history"}, "Relations were normalized in 1991.")}
	two[1].ID = "a.txt-2"
	sum, note := s.Summarise(context.Background(), two)
	if note != "" || sum.Mode != answer.ModeGenerated {
		t.Fatalf("note %q, mode %q", note, sum.Mode)
	}
	want := "China invaded Vietnam in 1979 [1]. They normalized relations in 1991 [2]."
	if sum.Text != want || len(sum.Citations) != 2 {
		t.Errorf("summary %q with %d citations; want %q with 2", sum.Text, len(sum.Citations), want)
	}
	srv.FailNext(openaitest.ChatCompletions, openaitest.Unavailable())
	sum, note = s.Summarise(context.Background(), two)
	if note != NoteModelDown || sum.Mode != answer.ModeExtractive {
		t.Errorf("a model that is down: note %q, mode %q; want the summary without it and %q", note, sum.Mode, NoteModelDown)
	}
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return string(b)
}
