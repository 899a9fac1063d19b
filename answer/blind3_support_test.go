package answer

import "testing"

// TestSupportCheckOnTheThirdBlindSet measures the support check on the
// third blind reviewer's labelled set.
func TestSupportCheckOnTheThirdBlindSet(t *testing.T) {
	checkLabelledSet(t, "../testdata/support_blind3.jsonl", 40, 0, 1)
}
