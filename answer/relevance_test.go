package answer

import (
	"slices"
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
		{"a paraphrase of a term no passage has", "Who welcomed Xi when he landed at the Hanoi airport?", "Xi was greeted at the Hanoi airport by Pham Minh Chinh.", true},
		{"a British plural", "How did Vietnam build up its defences with many suppliers?", "Vietnam built up its defenses via many suppliers.", true},
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

// TestThePassagesBeforeAPassage: the passages the search found that come
// just before one in its document, each just before the next, are read
// as the context of its first sentence.
func TestThePassagesBeforeAPassage(t *testing.T) {
	at := func(source string, start, end int) retrieval.Passage {
		return retrieval.Passage{Chunk: retrieval.Chunk{Source: source, Start: start, End: end}}
	}
	passages := []retrieval.Passage{
		at("002.txt", 6727, 7231), // 0
		at("002.txt", 6180, 6725), // 1
		at("004.txt", 6785, 7251), // 2: another document
		at("002.txt", 7233, 7568), // 3
		at("002.txt", 901, 1326),  // 4: far before
	}
	tests := []struct {
		pi   int
		want []int
	}{
		{3, []int{0, 1}},
		{0, []int{1}},
		{1, nil},
		{2, nil},
		{4, nil},
	}
	for _, tt := range tests {
		if got := passagesBefore(passages, tt.pi); !slices.Equal(got, tt.want) {
			t.Errorf("passagesBefore(%d) = %v, want %v", tt.pi, got, tt.want)
		}
	}
}
