package answer

import "testing"

func TestSupportCheckOnTheFourthBlindSet(t *testing.T) {
	checkLabelledSet(t, "../testdata/support_blind4.jsonl", 40, 0, 1)
}
