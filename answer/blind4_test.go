package answer

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/lectern/lectern/evaluation"
)

func TestExtractiveAnswerOnTheFourthBlindSets(t *testing.T) {
	a := New(seedStore(t), Config{Logger: slog.New(slog.DiscardHandler)})
	unanswerable := readUnanswerable(t, "../testdata/unanswerable_blind4.jsonl")
	turnedAway := countTurnedAway(t, a, unanswerable)
	qs, err := evaluation.ReadQuestions(strings.NewReader(readFile(t, "../testdata/answerable_blind4.jsonl")))
	if err != nil {
		t.Fatal(err)
	}
	answered, right := countAnswered(t, a, qs)
	t.Logf("blind4: %d of %d unanswerable turned away; %d of %d answerable answered, %d with an expected phrase",
		turnedAway, len(unanswerable), answered, len(qs), right)
}
