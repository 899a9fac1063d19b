package answer

import (
	"slices"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestVerbKinds: a verb is related to the verb it is a way of doing, not
// the other way round, and never to a verb that says nothing of its own.
func TestVerbKinds(t *testing.T) {
	tests := []struct {
		verb, related string
		want          bool
	}{
		{"land", "arriv", true},
		{"arriv", "land", false}, // arriving is not always landing
		{"live", "be", false},    // a stop word
		{"land", "come", false},  // a light verb
		{"sign", "land", false},
	}
	for _, tt := range tests {
		if got := slices.Contains(relatedVerbs(tt.verb), tt.related); got != tt.want {
			t.Errorf("%s → %s: %v, want %v (%v)", tt.verb, tt.related, got, tt.want, relatedVerbs(tt.verb))
		}
	}
}

// TestQuestionVerbs: a question's verbs are the words read right after
// their subject, a name or a pronoun; a word after a people's name or a
// possessive is a noun.
func TestQuestionVerbs(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"On what date did Xi land in Vietnam?", []string{"land"}},
		{"Who met Xi when they landed in Hanoi?", []string{"land"}},
		{"What is the biggest Vietnamese export to China?", nil},
		{"What did Xi's visit achieve?", nil},
		{"Where did Xi and Trong meet in Beijing in October 2022?", []string{"meet"}}, // a year is no verb
		{"On what date did Xi touch down in Hanoi?", []string{"touch down"}},
	}
	for _, tt := range tests {
		if got := questionVerbs(tt.question); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestWithVerbKinds: the question's verbs get what they are ways of doing
// as synonyms, in a copy; the table given is left as it was.
func TestWithVerbKinds(t *testing.T) {
	base := retrieval.Synonyms{"land": {"ground"}}
	got := withVerbKinds(base, "land", "")
	if !slices.Contains(got["land"], "arriv") || !slices.Contains(got["land"], "ground") {
		t.Errorf("land: %v, want ground and arriv", got["land"])
	}
	if !slices.Equal(base["land"], []string{"ground"}) {
		t.Errorf("the table given was changed: %v", base["land"])
	}
	if got := withVerbKinds(base, "touch down"); !slices.Contains(got["touch"], "land") || !slices.Contains(got["touch"], "arriv") {
		t.Errorf("touch: %v, want land and arriv", got["touch"])
	}
	if same := withVerbKinds(base, "xyzzy"); len(same) != len(base) {
		t.Errorf("a verb without kinds changed the table: %v", same)
	}
}
