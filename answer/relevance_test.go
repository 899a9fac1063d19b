package answer

import (
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestTheLooseGate: the extractive gate's loose reading matches a term in
// either spelling and by its derivations, and in the best sentence by a
// synonym too; a term no passage has is still missing, whatever its
// synonyms ("machine" has "car").
func TestTheLooseGate(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		name, question, passage string
		want                    bool
	}{
		{"British spelling", "In what year did Beijing and Hanoi normalise their relations?", "Beijing and Hanoi normalized relations in 1991.", true},
		{"a synonym in the sentence", "Who welcomed Xi at the Hanoi airport?", "Xi was greeted at the Hanoi airport by Pham Minh Chinh.", true},
		{"a synonym of a term no passage has", "What is machine learning?", "They stressed the importance of mutual learning; their cars were parked.", false},
		{"another matter", "Who won the 2018 FIFA World Cup?", "Trong won a third term in 2021.", false},
	}
	for _, tt := range tests {
		passages := []retrieval.Passage{{Chunk: retrieval.Chunk{Text: tt.passage}}}
		a := &Answerer{}
		sents := a.candidates(passages, false)
		if got := looseRelevance(tt.question, passages, sents, syn).answerable(); got != tt.want {
			t.Errorf("%s: looseRelevance(%q).answerable() = %v, want %v", tt.name, tt.question, got, tt.want)
		}
	}
}

// TestAPassageThatDatesItsFacts: a passage that gives a year itself (in
// its prose or its references) is not dated by its document's date.
func TestAPassageThatDatesItsFacts(t *testing.T) {
	for _, tt := range []struct {
		passage string
		want    bool
	}{
		{"Trong spelled out the policy (Nian Peng, 2022).", true},
		{"In 2008, China and Vietnam upgraded their ties.", true},
		{"They were greeted at the Hanoi airport by Pham Minh Chinh.", false},
	} {
		if got := givesYear(tt.passage); got != tt.want {
			t.Errorf("givesYear(%q) = %v, want %v", tt.passage, got, tt.want)
		}
	}
}
