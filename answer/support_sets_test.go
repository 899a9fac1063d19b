package answer

import (
	"path/filepath"
	"strings"
	"testing"
)

// supportTuningSets are the labelled sets the model-free support check was
// tuned on after testdata/support.jsonl, with their floors: the figures
// reached, which are in BENCHMARKS.md. minEach is the least number of
// faithful and of unfaithful sentences the file must hold.
var supportTuningSets = []struct {
	file                  string
	minEach               int
	minCaught, maxDropped float64
}{
	// Written before the rules for claims made stronger than their
	// passage, and for years, derived numbers and summaries: 68 of 71
	// caught, 1 of 84 dropped.
	// 69 of 71 after directions traded (support8).
	// 0 of 84 dropped after "his communist counterpart" for Trong (support9).
	{"support_extra.jsonl", 60, 0.97, 0.0},
	// Written after those rules and run once (27 of 30, 3 of 56), then
	// tuned on: 30 of 30, 2 of 56; 0 of 56 after the coverage round.
	{"support_extra2.jsonl", 25, 1.0, 0.0},
	// Summaries of a whole paragraph, written last and run once (7 of 8,
	// 2 of 16), then tuned on: 7 of 8, 1 of 16.
	{"support_extra3.jsonl", 8, 0.875, 0.0625},
	// Written by a reviewer who saw no code: 46 of 50 caught, 13 of 50
	// dropped at its first run; then tuned on: 50 of 50, 3 of 50; 2 of
	// 50 after "his Chinese counterpart" for a person the passage names.
	// 1 of 50 after a name kept by the passage's clause that holds it
	// (support8).
	{"support_blind3.jsonl", 40, 1.0, 0.02},
	// Written before the fourth round's tuning (25 of 31, 16 of 41), then
	// tuned on: 29 of 31, 0 of 41.
	{"support_extra4.jsonl", 30, 0.96, 0.0},
	// Written after the fourth round's rules and run once (15 of 21, 6 of
	// 25), then tuned on: 19 of 21, 0 of 25 after the fifth round; 18 of
	// 21 after the coverage round ("encouraged the media to criticise
	// China" for "directed the press to refrain from negative coverage");
	// 19 of 21 after "November 2nd" read as a day, not a rank (support8).
	{"support_extra5.jsonl", 20, 0.90, 0.0},
	// Written after every rule of the fourth round and run once (12 of 13,
	// 8 of 18), then tuned on: 13 of 13, 1 of 18 after the fifth round.
	{"support_extra6.jsonl", 12, 1.0, 0.056},
	// Written by a reviewer who saw no code: 42 of 50 caught, 11 of 50
	// dropped at the session's start, 46 and 6 when the fifth round began;
	// then tuned on: 49 of 50, 1 of 50; 48 of 50 after the coverage round
	// (an added "where the two sides raised ties to a comprehensive
	// strategic partnership").
	{"support_blind4.jsonl", 40, 0.96, 0.02},
	// Written before the fifth round's tuning, faithful sentences in
	// wording far from the passage, inversions and small additions among
	// the unfaithful: 20 of 33, 5 of 33 at first; then 29 of 33, 3 of 33;
	// 28 of 33 after the coverage round ("economic interests, not regime
	// survival").
	{"support_extra7.jsonl", 30, 0.84, 0.091},
	// Written after half of the fifth round's rules and run once (12 of
	// 20, 3 of 20), then tuned on: 18 of 20, 1 of 20; 20 of 20 after
	// names the passage binds to another clause (support8).
	{"support_extra8.jsonl", 20, 1.0, 0.05},
	// Written late in the fifth round and run once (11 of 12, 1 of 12);
	// 11 and 0 after its last rules, one of them written for its drop; 10
	// and 0 after the coverage round ("nothing set this visit apart").
	{"support_extra9.jsonl", 12, 0.83, 0.0},
	// Written before the coverage round (faithful sentences in wording far
	// from the passage; invented events, wrong names, places, years and
	// numbers, negations, overstatements, other passages' claims) and run
	// once: 33 of 35 caught, 9 of 33 dropped; then 33 and 3; 33 and 2 after
	// the derived numbers.
	{"support_extra10.jsonl", 30, 0.97, 0.061},
	// Written after the coverage round's changes and run once, nothing
	// tuned after: 20 of 21 caught, 7 of 20 dropped (20 and 8 on the code
	// before the round), two of the drops for coverage, five for other
	// rules (a "not" said otherwise, "top-level", "seven days" for "a
	// week").
	// 6 of 20 dropped after a warning reported for the passage's "warned
	// against", 5 after "seven days" for "a week" (support8).
	{"support_extra11.jsonl", 20, 0.95, 0.25},
	// Written at the start of the sixth round, before its changes, for its
	// classes (numbers derived from the passage's own, names in another
	// form, negations in other words) and run once: 13 of 14 caught, 9 of
	// 15 dropped; 13 and 3 after the derived numbers, 14 and 3 after
	// "cut" against "stepped up".
	{"support_extra12.jsonl", 14, 1.0, 0.20},
	// Written at the start of the seventh round, before its WordNet links
	// (pertainyms, derivations, sister verbs, similar adjectives), with
	// faithful sentences in other words and unfaithful ones of the usual
	// kinds, and run once: 15 of 20 caught, 4 of 20 dropped; 16 and 4
	// after a country at a sentence's start was read as a name (support8).
	{"support_extra13.jsonl", 20, 0.80, 0.20},
	// Written at the start of session 11's support round, before its
	// changes, from the seeds alone (faithful sentences in other words;
	// hedges made certain, "some" made "all", negations in other words,
	// inventions) and run once: 12 of 15 caught, 0 of 15 dropped; 13
	// and 0 after "omitted" read as the opposite of "highlighted".
	{"support_extra14.jsonl", 15, 0.86, 0.0},
	// Written at the start of session 12's support round (support8), before
	// its changes, from the seeds alone: faithful sentences in other words,
	// partials and summaries; unfaithful ones mostly a year, number,
	// ordinal, name, place or nationality changed to another the passage
	// holds elsewhere. First run, on the unchanged code: 13 of 20 caught, 0 of
	// 20 dropped; then tuned on (support8): 15 and 0 after ranks
	// ("41st" counts nothing) and years after a name, 16 and 0 after
	// names the passage binds to another clause, 17 and 0 after the doers
	// of a verb, 18 and 0 after years of an era ("AD 939").
	// 19 and 0 after a date given to another event (support9).
	{"support_extra15.jsonl", 20, 0.95, 0.0},
}

// TestSupportCheckOnTheTuningSets measures the model-free support check on
// every set of supportTuningSets; it fails below a set's floors.
func TestSupportCheckOnTheTuningSets(t *testing.T) {
	for _, set := range supportTuningSets {
		t.Run(strings.TrimSuffix(set.file, ".jsonl"), func(t *testing.T) {
			checkLabelledSet(t, filepath.Join("..", "testdata", set.file), set.minEach, set.minCaught, set.maxDropped)
		})
	}
}
