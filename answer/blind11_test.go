package answer

import (
	"log/slog"
	"testing"
)

// The eleventh blind sets were written at the start of session 13 by three
// reviewers who saw neither the code nor the other sets (two question sets
// of 30 unanswerable and 25 answerable questions each, blind11 and
// blind11b; 100 labelled sentences, half faithful), run on the session's
// first code (44207a2: 26 and 30 of 30 turned away; 24/18 and 20/15 of 25
// answered/right; 45 of 50 caught, 10 of 50 dropped) and once on its final
// code, nothing tuned on them: 26 and 30 of 30 (56 of 60, 93 %), 24/19 and
// 21/15 (16 on some runs, until a tie between two sentences was broken the
// same way every time: extractive.go); 45 of 50 caught (90 %), 8 of 50
// dropped (16 %): the floors, against the targets (0.90, 0.95,
// 0.05).
const (
	blind11MinTurnedAway  = 26.0 / 30
	blind11MinAnswered    = 24 // of 25
	blind11MinRight       = 19
	blind11bMinTurnedAway = 30.0 / 30
	blind11bMinAnswered   = 21 // of 25
	blind11bMinRight      = 15
	blind11MinCaught      = 0.90 // 45 of 50
	blind11MaxDropped     = 0.16 // 8 of 50
)

// TestExtractiveAnswerOnTheEleventhBlindSets runs the question sets of the
// eleventh blind reviewers.
func TestExtractiveAnswerOnTheEleventhBlindSets(t *testing.T) {
	a := New(seedStore(t), Config{Logger: slog.New(slog.DiscardHandler)})
	checkQuestionSets(t, a, "blind11", blind11MinTurnedAway, blind11MinAnswered, blind11MinRight)
	checkQuestionSets(t, a, "blind11b", blind11bMinTurnedAway, blind11bMinAnswered, blind11bMinRight)
}

// TestSupportCheckOnTheEleventhBlindSet measures the model-free support
// check on the eleventh blind reviewer's 100 labelled sentences.
func TestSupportCheckOnTheEleventhBlindSet(t *testing.T) {
	checkLabelledSet(t, "../testdata/support_blind11.jsonl", 40, blind11MinCaught-1e-9, blind11MaxDropped+1e-9)
}
