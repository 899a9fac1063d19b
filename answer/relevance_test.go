package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/internal/text"
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
		// The article a question names is in the passage's document line.
		{"a named article", "What share of the South China Sea does China claim, according to the European Guanxi article?",
			"China claims ownership of 80% of the territory in the South China Sea dispute.", true},
		// The names and years the sentences just before the best one hold
		// count half: they say who "the latter" were.
		{"names in the sentence before", "In what year did Hanoi and Beijing sign the bilateral agreement on border claims that ended the post-1979 standoff?",
			"In 1979, Hanoi and Beijing even fought a brief border war. Tensions rose to a high level. The latter was only resolved in 1999, when a bilateral agreement over border claims was signed.", true},
		{"names far before", "What is the weather in Hanoi today?",
			"In 1979, Hanoi and Beijing fought a war. Tensions rose. The latter was resolved in 1999. Retaliation has continued. Hostility can still be seen today.", false},
		{"other words in the sentence before", "In what year did the long period of Chinese rule end?",
			"The long period of rule was hard. The country was finally free.", false},
	}
	for _, tt := range tests {
		passages := []retrieval.Passage{{Chunk: retrieval.Chunk{Text: tt.passage}}}
		if tt.name == "a named article" {
			passages[0].Info = retrieval.SourceInfo{Publisher: "European Guanxi"}
		}
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

// TestWhatAPassageSaysBeforeASentence: a sentence is read with what its
// passage and the passage found just before it say: the years of the
// works its passage cites date the events it reports, and the first new
// sentence of a passage that opens with the end of the one before refers
// to what that one named.
func TestWhatAPassageSaysBeforeASentence(t *testing.T) {
	before := "From October 30th to November 2nd, Nguyen Phu Trong was the first state official to visit Beijing (Vietnam, 2022). In particular, Vietnam is ranking as one of the world's fastest growing countries since 2017 (Chinappi, 2022)."
	after := "In particular, Vietnam is ranking as one of the world's fastest growing countries since 2017 (Chinappi, 2022). The visit concluded with 13 new documents, pertaining to trade and customs, that were signed."
	at := func(text string, start int) retrieval.Passage {
		return retrieval.Passage{Chunk: retrieval.Chunk{Source: "000.txt", Text: text, Start: start, End: start + len(text)}}
	}
	tests := []struct {
		name, question string
		passages       []retrieval.Passage
		want           bool
	}{
		{"the passage before found too", "How many documents were signed at the end of Nguyen Phu Trong's 2022 trip to Beijing?", []retrieval.Passage{at(after, 200), at(before, 0)}, true},
		{"the passage before not found", "How many documents were signed at the end of Nguyen Phu Trong's 2022 trip to Beijing?", []retrieval.Passage{at(after, 200)}, false},
		{"a year no work cited has", "How many documents were signed at the end of Nguyen Phu Trong's 2021 trip to Beijing?", []retrieval.Passage{at(after, 200), at(before, 0)}, false},
	}
	a := &Answerer{}
	for _, tt := range tests {
		sents := a.candidates(tt.passages, false)
		for i := range sents {
			sents[i].score = 1
		}
		keepAnswering(sents, tt.passages, tt.question, nil, nil)
		got := slices.ContainsFunc(sents, func(s sentence) bool { return s.score > 0 && strings.Contains(s.text, "13 new documents") })
		if got != tt.want {
			t.Errorf("%s: the sentence on the 13 documents answers %q: %v, want %v", tt.name, tt.question, got, tt.want)
		}
	}
}

// TestTheTwoCountries: a question's "the two countries" (or "both sides")
// is held by a sentence that names two countries, by their names, peoples
// or capitals, and by no other.
func TestTheTwoCountries(t *testing.T) {
	if askedPair("How many agreements did they sign in 2023?") != nil {
		t.Error("a question without a pair asks for one")
	}
	pair := askedPair("How many agreements did the two countries sign?")
	if !pair["two"] || !pair["countri"] {
		t.Errorf("askedPair = %v, want the terms of \"the two countries\"", pair)
	}
	for _, tt := range []struct {
		sentence string
		want     int
	}{
		{"China and Vietnam signed at least 36 agreements.", 2},
		{"Beijing and Hanoi signed them; the Vietnamese side was pleased.", 2},
		{"Hanoi is the capital of Vietnam, the Vietnamese say.", 1},
		{"Let us sign it, said the United States envoy in Moscow.", 1},
		{"Xi arrived on Tuesday.", 0},
	} {
		if got := countriesNamed(tt.sentence); got != tt.want {
			t.Errorf("countriesNamed(%q) = %d, want %d", tt.sentence, got, tt.want)
		}
	}
}

// TestKindWordsInNoPassageAreNoTopic: the words that only say what kind
// of fact a question asks ("What share …", "came out of", "in late
// 2022") are not held against the passages when none holds them; a kind
// word a passage holds stays a term, and a question of kind words only
// keeps them.
func TestKindWordsInNoPassageAreNoTopic(t *testing.T) {
	passages := termSet{}
	passages.add(text.Terms("Vietnam and China signed 13 documents; many people were hurt.")...)
	absent := func(t string) bool { return !passages.has(t) }
	tests := []struct {
		question string
		want     []string
	}{
		{"How many documents came out of the 2022 trip?", []string{"mani", "document", "trip", "2022"}},
		{"What share of Vietnamese picked China?", []string{"vietnames", "pick", "china"}},
		{"How many people live in Tokyo?", []string{"mani", "peopl", "live", "tokyo"}},
		{"When did it happen?", []string{"happen"}},
	}
	for _, tt := range tests {
		got := withoutAbsentKindWords(distinct(retrieval.QuestionTerms(tt.question)), absent)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("withoutAbsentKindWords(%q) = %v, want %v", tt.question, got, want)
		}
	}
}

// TestAKindWordIsGivenByANumber: a sentence says a question's "year" with
// a year and its "share" with a percent; a count is no share, and "How
// many" is given by nothing (most sentences hold some number).
func TestAKindWordIsGivenByANumber(t *testing.T) {
	tests := []struct {
		term, sentence string
		want           bool
	}{
		{"year", "Especially since joining the WTO in 2007, Vietnam has played an important role.", true},
		{"year", "Vietnam has played an important role.", false},
		{"share", "73.6 percent chose the United States.", true},
		{"share", "China and Vietnam signed 36 agreements.", false},
		{"many", "China and Vietnam signed 36 agreements.", false},
	}
	for _, tt := range tests {
		if got := givesKind(text.Stem(tt.term), tt.sentence); got != tt.want {
			t.Errorf("givesKind(%q, %q) = %v, want %v", tt.term, tt.sentence, got, tt.want)
		}
	}
}
