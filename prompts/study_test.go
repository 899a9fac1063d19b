package prompts

import (
	"strings"
	"testing"
)

func TestTheStudyPromptsStateTheirRulesAndCarryThePassages(t *testing.T) {
	passages := []Passage{{N: 1, Title: "Ties", Authors: "A. Author", Text: "China invaded Vietnam in 1979."}, {N: 2, Title: "Visit", Text: "Xi visited Hanoi."}}
	quizSystem, err := QuizSystem()
	if err != nil {
		t.Fatal(err)
	}
	quizUser, err := QuizUser(QuizData{Count: 3, Passages: passages})
	if err != nil {
		t.Fatal(err)
	}
	summarySystem, err := SummarySystem()
	if err != nil {
		t.Fatal(err)
	}
	summaryUser, err := SummaryUser(passages)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, got string
		want      []string
	}{
		{"quiz system", quizSystem, []string{`{"questions": [{"question"`, `"evidence"`, "copied exactly", "0-based"}},
		{"quiz user", quizUser, []string{"Write 3 questions.", "[1] (Ties — A. Author) China invaded Vietnam in 1979.", "[2] (Visit) Xi visited Hanoi."}},
		{"summary system", summarySystem, []string{"4 to 8 sentences", "[1]"}},
		{"summary user", summaryUser, []string{"[1] (Ties — A. Author) China invaded Vietnam in 1979.", "[2] (Visit) Xi visited Hanoi."}},
	} {
		for _, w := range tt.want {
			if !strings.Contains(tt.got, w) {
				t.Errorf("%s prompt lacks %q:\n%s", tt.name, w, tt.got)
			}
		}
	}
}
