package answer

import (
	"path/filepath"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestFactsHeld: the gate on a fact-checking model's "Yes" holds a
// sentence whose facts are all in the passage, however loosely it words
// the rest, and not one with a year, number or name the passage lacks or
// gives to another event.
func TestFactsHeld(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	const embargo = "In 2013, the two countries signed the U.S.-Vietnam comprehensive partnership, and three years after that, President Barack Obama announced the end of the U.S. arms embargo against Vietnam."
	const trong = "From October 30th to November 2nd, Vietnam's Communist Party leader, Nguyen Phu Trong, was the first state official to visit Beijing and meet Xi Jinping following the 20th Congress."
	cases := []struct {
		sentence, passage string
		held              bool
	}{
		{"Washington and Hanoi became comprehensive partners in 2013.", embargo, true},
		{"Three years after 2013, Obama lifted the arms embargo.", embargo, true},
		{"Trong went to Beijing from 30 October to 2 November, the first after the 20th Congress.", trong, true},
		// A paraphrase the gate does not weigh: the model judges it.
		{"Trong was welcomed warmly by his hosts in Beijing.", trong, true},
		{"The partnership was signed in 2015.", embargo, false},
		{"Obama ended the U.S. arms embargo on Vietnam in 2013.", embargo, false},
		{"President Bill Clinton ended the arms embargo.", embargo, false},
		{"Trong visited Beijing from October 30 to November 5.", trong, false},
		{"Trong visited Tokyo after the 20th Congress.", trong, false},
	}
	for _, c := range cases {
		if v := check.factsHeld(c.sentence, c.passage, ""); v.supported != c.held {
			t.Errorf("factsHeld(%q) = %v (%s), want %v", c.sentence, v.supported, v.why, c.held)
		}
	}
}

// TestFactsHeldOnTheLabelledSets measures the gate alone on every
// labelled set: how many faithful sentences it would take from a
// fact-checking model that judged them rightly, and how many of the
// unfaithful ones with a changed year, number, name or place it stops
// when the model says "Yes" to all of them. Floors: the figures reached
// when it was written (session 12).
func TestFactsHeldOnTheLabelledSets(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	paths, err := filepath.Glob("../testdata/support*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	factKinds := map[string]bool{"year": true, "number": true, "name": true, "place": true}
	var faithful, taken, changed, stopped int
	for _, path := range paths {
		for _, s := range readLabelled(t, path) {
			held := check.factsHeld(s.Sentence, s.Passage, s.Title).supported
			switch {
			case s.Supported:
				faithful++
				if !held {
					taken++
					t.Logf("faithful, facts not held (%s): %q", s.Kind, s.Sentence)
				}
			case factKinds[s.Kind]:
				changed++
				if held {
					t.Logf("changed %s, facts held: %q", s.Kind, s.Sentence)
				} else {
					stopped++
				}
			}
		}
	}
	t.Logf("the gate takes %d of %d faithful sentences and stops %d of %d with a changed year, number, name or place", taken, faithful, stopped, changed)
	if share := float64(taken) / float64(faithful); share > maxFactsTaken {
		t.Errorf("the gate takes %.3f of faithful sentences, want at most %.3f", share, maxFactsTaken)
	}
	if share := float64(stopped) / float64(changed); share < minFactsStopped {
		t.Errorf("the gate stops %.3f of changed facts, want at least %.3f", share, minFactsStopped)
	}
}

// Floors of TestFactsHeldOnTheLabelledSets.
const (
	maxFactsTaken   = 0.025 // 22 of 914; 20 of 934 with support8's binding rules and seats
	minFactsStopped = 0.97  // 361 of 381; 385 of 396 with support8's binding rules (370 without)
)
