package answer

import "testing"

// Floors of the model-free support check on testdata/support_blind4.jsonl,
// written by a reviewer who saw no code: 42 of 50 caught and 11 of 50
// faithful ones dropped at the start of the round that got it, 46 and 6
// when the fifth round began; then tuned on: 49 of 50, 1 of 50. The
// figures are in BENCHMARKS.md.
const (
	blind4MinCaught         = 0.98
	blind4MaxWronglyDropped = 0.02
)

// TestSupportCheckOnTheFourthBlindSet measures the support check on the
// fourth blind reviewer's labelled set.
func TestSupportCheckOnTheFourthBlindSet(t *testing.T) {
	checkLabelledSet(t, "../testdata/support_blind4.jsonl", 40, blind4MinCaught, blind4MaxWronglyDropped)
}
