package answer

import "testing"

// TestSupportCheckOnTheThirdBlindSet measures the support check on the
// third blind reviewer's labelled set.
func TestSupportCheckOnTheThirdBlindSet(t *testing.T) {
	checkLabelledSet(t, "../testdata/support_blind3.jsonl", 40, 0, 1)
}

// TestSupportCheckOnTheFourthExtraSet measures the model-free support
// check on testdata/support_extra4.jsonl: 72 sentences written from the
// seeds before the rules of the fourth round were tuned, most faithful
// ones paraphrases in wording far from their passage, negations said in
// other words, and claims with a clause of their own added.
func TestSupportCheckOnTheFourthExtraSet(t *testing.T) {
	checkLabelledSet(t, "../testdata/support_extra4.jsonl", 30, 0, 1)
}
