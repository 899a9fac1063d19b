package answer

import (
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestSupportCheckWithWordNetsWords: what the support check gains from
// WordNet beyond synonyms (coverage.go), one rule a line; each case also
// says what the check without it (a nil table) finds, so that the rule is
// seen to be what decides.
func TestSupportCheckWithWordNetsWords(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	with, without := builtinSupportChecker(synonyms), supportChecker{synonyms: synonyms}
	tests := []struct {
		name, sentence, passage string
		want, wantWithout       bool
	}{
		{"a phrase for its verb",
			"The deal was called off by Jakarta.",
			"Jakarta cancelled the deal.", true, false},
		{"a phrase of an irregular verb",
			"The officials sat down in Hanoi.",
			"The officials were seated in Hanoi.", true, false},
		{"a derived word",
			"The ministers announced their decision on the budget.",
			"The ministers decided on the budget and announced it.", true, true},
		{"a WordNet antonym where the passage has the claim's other words",
			"The joint statement gives an optimistic reading of world affairs.",
			"The joint statement gives a pessimistic reading of world affairs.", false, true},
		{"generic words of a paraphrase left behind",
			"Vietnam served as a destination for investors.",
			"Vietnam attracted many investors.", true, false},
		{"specific words of an invented event",
			"The two leaders agreed to build a nuclear power plant in the north.",
			"The two leaders agreed to improve trade in the north.", false, false},
		{"an invented treaty beside what the passage says",
			"The visit ended with a mutual defence treaty between the two countries.",
			"The visit ended with new documents between the two countries.", false, true},
	}
	for _, tt := range tests {
		if v := with.check(tt.sentence, tt.passage, ""); v.supported != tt.want {
			t.Errorf("%s: %q supported = %v (%s), want %v", tt.name, tt.sentence, v.supported, v.why, tt.want)
		}
		if v := without.check(tt.sentence, tt.passage, ""); v.supported != tt.wantWithout {
			t.Errorf("%s, without WordNet's words: %q supported = %v (%s), want %v", tt.name, tt.sentence, v.supported, v.why, tt.wantWithout)
		}
	}
}

// TestSpecificWordsWeighMore: a term's weight falls with how often the
// tagged corpus uses it, and with how seldom as a noun or an adjective;
// an irregular form ("sat") counts as its verb.
func TestSpecificWordsWeighMore(t *testing.T) {
	words, err := retrieval.WordNetSupportWords()
	if err != nil {
		t.Fatal(err)
	}
	c := readClaim("They sat and served together, making a treaty at the embassy.")
	weigh(&c, words)
	w := func(written string) float64 {
		for term, shown := range c.written {
			if shown == written {
				return c.weights[term]
			}
		}
		t.Fatalf("no term written %q in %v", written, c.written)
		return 0
	}
	for _, pair := range [][2]string{{"treaty", "served"}, {"embassy", "together"}, {"treaty", "sat"}} {
		if w(pair[0]) <= 2*w(pair[1]) {
			t.Errorf("%s weighs %.2f, %s %.2f: want the specific word at least twice the generic one", pair[0], w(pair[0]), pair[1], w(pair[1]))
		}
	}
	var none claim
	weigh(&none, nil)
	if none.weights != nil {
		t.Error("a claim weighed without a table has weights")
	}
}

// TestSupportCheckTakesAYearFromElsewhere: a summary may take its year
// from the paragraph's first sentence and the rest from its last, unless
// the stretch that holds the rest gives a year of its own.
func TestSupportCheckTakesAYearFromElsewhere(t *testing.T) {
	const passage = "The worst violence came in 2014, when riots broke out. " +
		"Ships were sent to the area. They were met by eighty boats. " +
		"Crowds attacked businesses. Over twenty people lost their lives, and hundreds were injured."
	const dated = "In 2013 the two countries signed a partnership, and three years after that the embargo was lifted. " +
		"Ships visited the ports. Aid followed. Trade grew. Investment doubled between 2011 and 2017."
	checkSupportCases(t, passage, []supportCase{
		{"a year of the paragraph's first sentence", "Over twenty people died and hundreds were injured in the 2014 riots.", true},
		{"a year the paragraph does not give", "Over twenty people died and hundreds were injured in the 2015 riots.", false},
	})
	checkSupportCases(t, dated, []supportCase{
		{"a year of another event where the stretch gives its own", "The embargo was lifted in 2017.", false},
		{"the stretch's own year", "The embargo was lifted in 2016.", true},
	})
}

// builtinSupportChecker is newSupportChecker for the specs, which fail
// when the built-in table cannot be read.
func builtinSupportChecker(synonyms retrieval.Synonyms) supportChecker {
	c, err := newSupportChecker(synonyms)
	if err != nil {
		panic(err)
	}
	return c
}
