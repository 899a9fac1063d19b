package answer

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/retrieval"
)

// labelledSentence is one line of testdata/support.jsonl: a sentence a
// model might write, the passage it cites (copied from the seeds), and
// whether the passage supports it.
type labelledSentence struct {
	Sentence  string `json:"sentence"`
	Supported bool   `json:"supported"`
	Kind      string `json:"kind"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Passage   string `json:"passage"`
}

// readLabelled reads a labelled set of sentences.
func readLabelled(t *testing.T, path string) []labelledSentence {
	t.Helper()
	var out []labelledSentence
	for line := range strings.Lines(readFile(t, path)) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var s labelledSentence
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, s)
	}
	return out
}

// Floors of the model-free support check on testdata/support.jsonl: the
// figures reached, which are in BENCHMARKS.md (the later sets' floors are
// in supportTuningSets).
const (
	minCaughtShare      = 1.0   // 107 of 107 (106 before support8's doers of a verb)
	maxWronglyDropShare = 0.011 // 1 of 96 (2 of 96 before the fourth round)
)

// TestSupportCheckOnTheLabelledSet measures the model-free support check on
// the labelled sentences of testdata/support.jsonl: it must catch nearly
// every unfaithful sentence (a changed year, number, name or place, a
// negation, a claim of another passage, an invented event) and keep nearly
// every faithful one, however reworded.
func TestSupportCheckOnTheLabelledSet(t *testing.T) {
	checkLabelledSet(t, "../testdata/support.jsonl", 75, minCaughtShare, maxWronglyDropShare)
}

// checkLabelledSet runs the model-free support check on every sentence of
// a labelled set, logs what it missed and wrongly dropped, and fails when
// the set has fewer than minEach faithful or unfaithful sentences, or the
// check catches less than minCaught of the unfaithful ones or drops more
// than maxDropped of the faithful ones.
func checkLabelledSet(t *testing.T, path string, minEach int, minCaught, maxDropped float64) {
	t.Helper()
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	var faithful, unfaithful, caught, dropped int
	missedByKind, droppedByKind := map[string]int{}, map[string]int{}
	for _, s := range readLabelled(t, path) {
		v := check.check(s.Sentence, s.Passage, s.Title)
		switch {
		case s.Supported:
			faithful++
			if !v.supported {
				dropped++
				droppedByKind[s.Kind]++
				t.Logf("wrongly dropped (%s): %q: %s", s.Kind, s.Sentence, v.why)
			}
		case v.supported:
			unfaithful++
			missedByKind[s.Kind]++
			t.Logf("missed (%s): %q", s.Kind, s.Sentence)
		default:
			unfaithful++
			caught++
		}
	}
	t.Logf("%s: caught %d of %d unfaithful sentences (%.1f%%), wrongly dropped %d of %d faithful ones (%.1f%%); missed by kind %v, dropped by kind %v",
		path, caught, unfaithful, 100*float64(caught)/float64(unfaithful), dropped, faithful, 100*float64(dropped)/float64(faithful), missedByKind, droppedByKind)
	if faithful < minEach || unfaithful < minEach {
		t.Fatalf("%s has %d faithful and %d unfaithful sentences; want at least %d of each", path, faithful, unfaithful, minEach)
	}
	if share := float64(caught) / float64(unfaithful); share < minCaught {
		t.Errorf("caught %.3f of unfaithful sentences, want at least %.2f", share, minCaught)
	}
	if share := float64(dropped) / float64(faithful); share > maxDropped {
		t.Errorf("wrongly dropped %.3f of faithful sentences, want at most %.2f", share, maxDropped)
	}
}

// BenchmarkSupportCheck checks every sentence of the labelled set once per
// iteration.
func BenchmarkSupportCheck(b *testing.B) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		b.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	var set []labelledSentence
	for line := range strings.Lines(readFileB(b, "../testdata/support.jsonl")) {
		var s labelledSentence
		if json.Unmarshal([]byte(line), &s) == nil {
			set = append(set, s)
		}
	}
	b.ResetTimer()
	for range b.N {
		for _, s := range set {
			check.check(s.Sentence, s.Passage, s.Title)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(set)), "µs/sentence")
}

func readFileB(b *testing.B, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// FuzzSupportCheck: whatever sentence a model writes and whatever a
// passage holds, the check answers without panicking, and a sentence is
// always supported by a passage that is the sentence itself, and holds
// its own facts (the gate on a fact-checking model's "Yes").
func FuzzSupportCheck(f *testing.F) {
	for _, s := range []struct{ sentence, passage string }{
		{"Xi visited Hanoi on Dec. 12, 2023 [1].", "Xi Jinping arrived in Vietnam on December 12, 2023."},
		{"Thirteen agreements were signed.", "The talks produced 13 new agreements."},
		{"The U.S. didn't join [2].", "(i) no military alliance; (ii) no bases."},
		{"", ""}, {"1,000,000.5% US$", "..."},
		{"Trong himself met President Biden on November 2nd.", "Pham Minh Chinh met with President Joe Biden during the 41st ASEAN Summit, to extend an invitation from Trong."},
		{"France was the 2nd supplier, in a Chinese state newspaper.", "the newspaper of the Vietnamese Communist Party. Russia has been the primary supplier of the battle of Dien Bien Phu in 1954 and the invasion in 1975."},
		{"Obama ended the embargo in 2013.", "In 2013, they signed it, and three years after that, Obama ended the embargo."},
	} {
		f.Add(s.sentence, s.passage)
	}
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		f.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	f.Fuzz(func(t *testing.T, sentence, passage string) {
		if len(sentence) > 2000 || len(passage) > 4000 {
			return
		}
		check.check(sentence, passage, "")
		c := readClaim(sentence)
		if utf8.ValidString(sentence) && (len(c.terms) > 0 || len(c.facts) > 0) && strings.ContainsFunc(sentence, unicode.IsLetter) && !strings.ContainsAny(sentence, "[]【】［］\n") {
			if v := check.check(sentence, sentence, ""); !v.supported && len(splitSentences(sentence)) == 1 {
				t.Fatalf("%q does not support itself: %s", sentence, v.why)
			}
			if v := check.factsHeld(sentence, sentence, ""); !v.supported && len(splitSentences(sentence)) == 1 {
				t.Fatalf("%q does not hold its own facts: %s", sentence, v.why)
			}
		}
	})
}

// TestSupportCheckRules: what the model-free check allows and what it does
// not, one rule a line.
func TestSupportCheckRules(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	const passage = "Nguyen Phu Trong visited Beijing from October 30 to November 2, 2022. " +
		"He met Xi Jinping, and the two sides signed thirteen agreements on trade and defense. " +
		"The talks produced 13 new documents, and Vietnam will not join military alliances."
	tests := []struct {
		name, sentence string
		want           bool
	}{
		{"a month abbreviated", "Trong visited Beijing from Oct. 30 to Nov. 2, 2022.", true},
		{"a number in words", "The two sides signed 13 agreements on trade and defense.", true},
		{"a number in figures for words", "They signed thirteen new documents.", true},
		{"British spelling", "The two sides signed thirteen agreements on trade and defence.", true},
		{"a demonym for its country", "The Vietnamese side will not join military alliances.", true},
		{"a name given earlier in the passage", "Xi Jinping met Nguyen Phu Trong, and the sides signed thirteen agreements.", true},
		{"a title the passage leaves out", "President Xi Jinping met Trong.", true},
		{"inflections", "Trong visits Beijing and meets Xi.", true},
		{"a changed number", "The two sides signed fifteen agreements on trade.", false},
		{"a changed year", "Trong visited Beijing from October 30 to November 2, 2021.", false},
		{"a changed month", "Trong visited Beijing from September 30 to November 2, 2022.", false},
		{"a month moved to another year", "Trong visited Beijing in October 2021.", false},
		{"a changed name", "Trong met Li Keqiang in Beijing.", false},
		{"a negation the passage does not make", "The two sides did not sign agreements on trade.", false},
		{"what the passage denies", "Vietnam will join military alliances.", false},
		{"an invented event", "Trong and Xi opened a new railway bridge over the Red River.", false},
		{"nothing to check", "Yes.", false},
	}
	for _, tt := range tests {
		if v := check.check(tt.sentence, passage, "Trong Goes to Beijing"); v.supported != tt.want {
			t.Errorf("%s: %q supported = %v (%s), want %v", tt.name, tt.sentence, v.supported, v.why, tt.want)
		}
	}
}
