package answer

import (
	"testing"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// TestAFirstOfARankingIsNotALowerPlace: "Vietnam's largest export market"
// is answered only by a sentence that ranks something first at it.
func TestAFirstOfARankingIsNotALowerPlace(t *testing.T) {
	tests := []struct {
		question, sentence string
		answers            bool
	}{
		{"Which country is Vietnam's largest export market?", "China is its second-largest export market.", false},
		{"Which country is Vietnam's biggest source of foreign investment?", "China is Vietnam's eighth-largest source of Foreign Direct Investment.", false},
		{"What is Vietnam's largest source of raw materials?", "China is one of its most significant sources of raw materials.", false},
		{"Which country buys the most Vietnamese exports?", "China is Vietnam's top trading partner and its second-largest export market.", false},
		{"Which country is Vietnam's top trading partner?", "China is Vietnam's top trading partner.", true},
		{"Which country is Vietnam's most important trading partner?", "China remains Vietnam's most important trading partner.", true},
		{"Which agreement was the largest trade agreement ever signed?", "The RCEP represented the largest trade agreement ever signed.", true},
		{"Which country is the biggest investor in Vietnam?", "Japan is the largest investor in the country.", true},
		// A given's lower place asks the first: the largest market.
		{"If China is only Vietnam's second-largest export market, which country is the largest?", "China is Vietnam’s top trading partner and its second-largest export market.", false},
		{"If China is only Vietnam's second-largest export market, which country is the largest?", "The United States is Vietnam's largest export market.", true},
		{"Given that Japan is the third-biggest investor, who is the biggest?", "South Korea is the biggest investor in Vietnam.", true},
	}
	for _, tt := range tests {
		terms := superlativeTerms(tt.question)
		if terms == nil {
			t.Fatalf("%q: ranks nothing first", tt.question)
		}
		if got := holdsFirstOfRanking(tt.sentence, terms, nil); got != tt.answers {
			t.Errorf("%q by %q: answers %v, want %v", tt.question, tt.sentence, got, tt.answers)
		}
	}
}

// TestAQuestionForAPlaceInARankingRanksNothingFirst: a question that asks
// for a rank, or for a lower place, is not held to the first.
func TestAQuestionForAPlaceInARankingRanksNothingFirst(t *testing.T) {
	for _, q := range []string{
		"Where did Vietnam rank among the world's biggest buyers of weapons in 2016?",
		"Which country is Vietnam's second-largest export market?",
		"Is China one of the largest investors in Vietnam?",
		"What do most Vietnamese think of China?",
	} {
		if terms := superlativeTerms(q); terms != nil {
			t.Errorf("%q ranks %v first", q, terms)
		}
	}
}

// TestWhichThingsOfAKindAsksForTheirNames: "Which ports …?" is answered
// by a sentence that names a port, not by one that only says "ports".
func TestWhichThingsOfAKindAsksForTheirNames(t *testing.T) {
	tests := []struct {
		question, kind, sentence string
		answers                  bool
	}{
		{"Which Vietnamese ports have U.S. aircraft carriers anchored in?", "port", "Meanwhile, the United States has anchored multiple aircraft carriers in Vietnamese ports and provided Vietnam with aid.", false},
		{"Which U.S. aircraft carriers have visited Vietnam?", "carrier", "Meanwhile, the United States has anchored multiple aircraft carriers in Vietnamese ports.", false},
		{"Which Russian fighter jets has Vietnam bought?", "jet", "From modern fighter jets to kilo-class submarines, Russia has been the primary supplier of the Vietnamese armed forces.", false},
		{"Which reefs has China turned into artificial islands in the Spratlys?", "reef", "China built artificial islands including 3,200 acres in the Spratlys.", false},
		{"Which islands was a Vietnamese fishing ship sunk near in 2020?", "island", "In 2020 a Chinese coast guard vessel sunk a Vietnamese fishing ship near the Paracel Islands.", true},
		{"Which oil rig caused the 2014 standoff?", "rig", "Following the standoff over the Haiyang Shiyou 981 oil-rig incident in 2014, Trong sent an envoy.", true},
		{"Which Politburo member did Trong dispatch to Beijing?", "member", "Trong dispatched special envoy Le Hong Anh, a Politburo member, to Beijing.", true},
		{"Which ports did the carriers visit?", "port", "The USS Theodore Roosevelt anchored at the port of Da Nang.", true},
		{"What was the name of the Vietnamese fishing boat sunk by the Chinese coast guard in 2020?", "boat", "In 2020 a Chinese coast guard vessel sunk a Vietnamese fishing ship near the Paracel Islands.", false},
	}
	for _, tt := range tests {
		kind := namedThingKind(tt.question)
		if kind != tt.kind {
			t.Errorf("%q asks to name a %q, want %q", tt.question, kind, tt.kind)
			continue
		}
		if got := namesThingOfKind(tt.sentence, tt.question, kind); got != tt.answers {
			t.Errorf("%q by %q: answers %v, want %v", tt.question, tt.sentence, got, tt.answers)
		}
	}
	for _, q := range []string{"What is the name of the Vietnamese security doctrine?", "What ships did Vietnam send?", "Which of the ships sank?", "Which country is Vietnam's top trading partner?", "Which Russian weapons has Vietnam bought?"} {
		if kind := namedThingKind(q); kind != "" {
			t.Errorf("%q asks to name a %q", q, kind)
		}
	}
}

// TestACountOfOthersIsNoCountOfWhatWasAsked: "How many Vietnamese ships
// …?" is not answered by "eighty Chinese boats".
func TestACountOfOthersIsNoCountOfWhatWasAsked(t *testing.T) {
	tests := []struct {
		question, sentence string
		counts             bool
	}{
		{"How many Vietnamese ships were sent to confront the rig?", "Vietnamese leaders sent a group of ships, met by over eighty Chinese boats.", false},
		{"How many Vietnamese ships were sent to confront the rig?", "Vietnam sent 29 Vietnamese ships to the area.", true},
		{"How many Chinese boats met the Vietnamese ships?", "Vietnamese leaders sent a group of ships, met by over eighty Chinese boats.", true},
		{"How many ships did Vietnam send?", "They were met by over eighty Chinese boats.", true},
	}
	for _, tt := range tests {
		q := countQualifier(tt.question)
		if got := holdsCount(withoutCountsOfOthers(tt.sentence, q), tt.question, readFocus(tt.question)); got != tt.counts {
			t.Errorf("%q by %q: counts %v, want %v", tt.question, tt.sentence, got, tt.counts)
		}
	}
}

// TestAShareOfAWholeIsNotAShareOfAPart: "What percentage of Vietnam's
// total imports …?" is not answered by a share of one industry's.
func TestAShareOfAWholeIsNotAShareOfAPart(t *testing.T) {
	tests := []struct {
		question, noun, sentence string
		narrows                  bool
	}{
		{"What percentage of Vietnam's total imports come from China?", "import", "Around half of Vietnam's textile industry's raw materials imports come from China.", true},
		{"What share of all Vietnamese imports comes from China?", "import", "Around half of Vietnam's textile industry's raw materials imports come from China.", true},
		{"What percentage of Vietnam's total exports goes to China?", "export", "Vietnam alone is responsible for more than half of Russia's total defense exports.", true},
		{"What share of Vietnam's imports comes from China?", "import", "China supplies 30% of Vietnam's imports.", false},
		{"What share of Vietnam's total exports goes to China?", "export", "China takes 17% of all Vietnamese exports.", false},
	}
	for _, tt := range tests {
		noun := shareWhole(tt.question)
		if noun != tt.noun {
			t.Errorf("%q asks a share of %q, want %q", tt.question, noun, tt.noun)
			continue
		}
		if got := narrowsWhole(tt.sentence, tt.question, noun); got != tt.narrows {
			t.Errorf("%q by %q: narrows %v, want %v", tt.question, tt.sentence, got, tt.narrows)
		}
	}
	for _, q := range []string{"What share of its rubber industry's raw materials does Vietnam import from China?", "What share of Vietnamese picked China?", "What percentage of the South China Sea does China claim?"} {
		if noun := shareWhole(q); noun != "" && noun != "rubber" {
			t.Errorf("%q asks a share of the whole %q", q, noun)
		}
	}
}

// TestAValueAskedByName: "What was the total value of trade in 2022?"
// asks an amount.
func TestAValueAskedByName(t *testing.T) {
	for q, want := range map[string]bool{
		"What was the total value of trade between China and Vietnam in 2022?": true,
		"What is the cost of the railway?":                                     true,
		"What was the value of Vietnam's exports to the United States?":        true,
		"What was the significance of the visit?":                              false,
		"What is the value of party ties?":                                     true,
		"What is the population of Vietnam?":                                   true,
		"What was the GDP of Vietnam in 2022?":                                 true,
		"What are the populations of China and Vietnam?":                       true, // several amounts
		"What are the sizes of the economies of China and Vietnam?":            true,
		"What were the areas of cooperation?":                                  false, // no amount: not "of" after the noun's own words
	} {
		if got := askedValueOf.MatchString(q); got != want {
			t.Errorf("%q asks a value: %v, want %v", q, got, want)
		}
	}
}

// TestACompoundAskedNounMustBeAnswered: "What tariff cuts did …?" asks
// tariff cuts; a single noun asks nothing the answer must repeat.
func TestACompoundAskedNounMustBeAnswered(t *testing.T) {
	tests := []struct {
		question string
		nouns    int
	}{
		{"What tariff cuts did the 2020 EU–Vietnam free trade agreement contain?", 2},
		{"What investment pledges did China make during Xi's 2023 visit?", 2},
		{"What award did Xi give Trong?", 0},
		{"What year did Vietnam invade Cambodia?", 0},
		{"What did Xi say?", 0},
	}
	for _, tt := range tests {
		if got := askedNouns(tt.question); len(got) != tt.nouns {
			t.Errorf("%q asks nouns %v, want %d", tt.question, got, tt.nouns)
		}
	}
}

// TestACompoundNounIsHeldOnlyByItselfOrASynonym: a related word's partial
// credit does not hold an asked noun.
func TestACompoundNounIsHeldOnlyByItselfOrASynonym(t *testing.T) {
	sents := []sentence{
		{passage: 0, pos: 0, text: "China remains Vietnam's most important trading partner."},
		{passage: 0, pos: 1, text: "The free trade agreement cut tariffs on 99 percent of goods."},
		{passage: 1, pos: 0, text: "The agreement strengthened Vietnam's position as a magnet for investment."},
	}
	for i := range sents {
		sents[i].terms = text.Terms(sents[i].text)
	}
	tests := []struct {
		i     int
		holds bool
	}{
		{0, true},  // the next sentence holds tariffs
		{1, true},  // itself
		{2, false}, // another passage
	}
	for _, tt := range tests {
		if got := holdsNounNear(sents, tt.i, text.Stem("tariff"), nil); got != tt.holds {
			t.Errorf("%q holds tariff: %v, want %v", sents[tt.i].text, got, tt.holds)
		}
	}
}

// TestAVerbInAnotherEventsClauseDoesNotAnswer: a sentence that joins two
// events answers a question on one of them only when the asked verb is in
// that event's clause.
func TestAVerbInAnotherEventsClauseDoesNotAnswer(t *testing.T) {
	joined := "Examples include a 2020 altercation where a Chinese coast guard vessel sunk a Vietnamese fishing ship or when it agreed to pay a billion dollars to two foreign oil companies."
	tests := []struct {
		question, sentence string
		other              bool
	}{
		{"Did China compensate the owners of the fishing ship its coast guard sank?", joined, true},
		{"Did Vietnam pay the two foreign oil companies?", joined, false},
		{"Did China compensate the owners of the fishing ship?", "China agreed to pay the owners of the fishing ship.", false}, // one clause
		{"Did China compensate the owners of the fishing ship?", "The ship sank; its owners were never paid by anyone.", false},
	}
	for _, tt := range tests {
		p := askedPredicate(tt.question)
		if p == "" {
			t.Fatalf("%q asks no verb", tt.question)
		}
		synonyms := retrieval.Synonyms{text.Stem("compensate"): {text.Stem("pay")}}
		if got := predicateInOtherClause(tt.sentence, p, askedByClause(tt.question, readFocus(tt.question)), synonyms); got != tt.other {
			t.Errorf("%q by %q: verb only in another clause %v, want %v", tt.question, tt.sentence, got, tt.other)
		}
	}
}

// TestAnAmountNounAndACountOfTimes: "What was Vietnam's trade surplus …?"
// asks an amount; "How many times …?" needs a count of times.
func TestAnAmountNounAndACountOfTimes(t *testing.T) {
	for q, want := range map[string]bool{
		"What was Vietnam's trade surplus with the United States in 2022?": true,
		"What is the population of Vietnam?":                               true,
		"What are the populations of the two countries?":                   true,
		"What was the outcome of the summit?":                              false,
		"What is Vietnam's position on the South China Sea?":               false,
	} {
		if got := asksValue(q); got != want {
			t.Errorf("%q asks a value: %v, want %v", q, got, want)
		}
	}
	for s, want := range map[string]bool{
		"Trong has made three visits to China since 2012.":                         true,
		"Xi has visited Vietnam twice.":                                            true,
		"Chinh met Biden during the 40th and 41st ASEAN Summits.":                  false,
		"Since the early 2000s, they have held 17 workshops on a range of issues.": false,
	} {
		if got := timesCount.MatchString(s); got != want {
			t.Errorf("%q counts times: %v, want %v", s, got, want)
		}
	}
	if !asksTimes("How many times has Biden met Trong?") || asksTimes("How many visits has Biden made?") {
		t.Error("asksTimes reads the counted word")
	}
}

// TestCountsElsewhere: a count located in another place than the one a
// count question asks about is no count of it.
func TestCountsElsewhere(t *testing.T) {
	tests := []struct{ question, sentence, want string }{
		{"How many acres of artificial islands has China built in the Paracels?", "China built islands including 3,200 acres in the Spratlys.", "China built islands including acres in the Spratlys."}, // the count goes
		{"How many acres of artificial islands has China built in the Spratlys?", "China built islands including 3,200 acres in the Spratlys.", "China built islands including 3,200 acres in the Spratlys."},
		{"How many acres has China built?", "China built 3,200 acres in the Spratlys.", "China built 3,200 acres in the Spratlys."}, // no place asked
	}
	for _, tt := range tests {
		if got := withoutCountsElsewhere(tt.sentence, countPlace(tt.question)); got != tt.want {
			t.Errorf("%q for %q: %q, want %q", tt.sentence, tt.question, got, tt.want)
		}
	}
}

// TestAChangeAskedIsStated: a question for a change over time is answered
// by a sentence that states one, not by one year's figure nor by a
// comparison of two things in the same year.
func TestAChangeAskedIsStated(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"Did Vietnamese confidence in China in the ISEAS survey go up or down compared with the previous year's survey?", true},
		{"Has China's share of Vietnam's trade risen or fallen since 2020?", true},
		{"Was trust in China higher than in the previous survey?", true},
		{"Did more Vietnamese pick the United States or China?", false},
		{"How did the trade figure compare with Japan's?", false},
	} {
		if got := asksChange.MatchString(tt.question); got != tt.want {
			t.Errorf("asksChange(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"In its most recent survey in 2022, 56.9 percent chose the United States, while only 11.8 percent picked China.", false},
		{"Asked which superpower ASEAN should align with, 73.6 percent chose the United States, compared with 26.4 percent for China.", false},
		{"Confidence in China fell to 11.8 percent, down from 16.5 percent a year earlier.", true},
		{"Trust rose from 12 percent in 2021 to 20 percent.", true},
		{"Trade with China grew by 20% compared with 2021.", true},
	} {
		if got := statesChange.MatchString(tt.sentence); got != tt.want {
			t.Errorf("statesChange(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}
