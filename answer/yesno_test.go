package answer

import (
	"slices"
	"testing"
)

// TestYesNoQuestions: a question that opens with an auxiliary and asks
// nothing with a question word is answered by yes or no.
func TestYesNoQuestions(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"Did Vietnam publicly support the Philippines in its 2016 arbitration case against China?", true},
		{"Is China investing in the Hanoi metro?", true},
		{"Has Vietnam ever held joint naval exercises with China?", true},
		{"Is Vietnam a member of the CPTPP, and how does that affect its trade with China?", false},
		{"What did Vietnam do?", false},
		{"Why did Vietnam refuse?", false},
	}
	for _, tt := range tests {
		if got := asksYesNo(tt.question); got != tt.want {
			t.Errorf("asksYesNo(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestASentenceStatesOrDeniesTheClaim: a yes/no question is answered by a
// sentence that holds nearly all of its claim, stated or denied (an
// opposite counts: "exclusion" denies "invited"), its names found in the
// sentence or the one before; not by one that names the same countries
// in another matter.
func TestASentenceStatesOrDeniesTheClaim(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		question, before, sentence string
		want                       bool
	}{
		{"Did Vietnam publicly support the Philippines in its 2016 arbitration case against China?", "", "Similarly, Vietnam has refused to take China to international court mainly because it would be an exercise in angering China for little pay off, as the Philippines found out.", false},
		{"Did Vietnam publicly support the Philippines in its 2016 arbitration case against China?", "", "Vietnam publicly backed the Philippines' arbitration case against China in 2016.", true},
		{"Were China and Russia invited to the Summit for Democracy?", "", "China and Russia were also uninvited to the Summit for Democracy.", true},
		{"Does Vietnam's constitution allow foreign military bases on its soil?", "", "The country's constitution commits the ruling party to no military alliance with any foreign power and no foreign military bases on its soil.", true},
		{"Did the United States sell weapons to Vietnam after the embargo ended?", "", "Three years after that, President Barack Obama announced the end of the U.S. arms embargo against Vietnam.", false},
		{"Did Vietnam condemn Russia's invasion of Ukraine?", "Russia's invasion of Ukraine has hit Hanoi's relations with Moscow.", "Vietnam hasn’t condemned Russia, maintaining its neutrality.", true},
		{"Is China investing in the Hanoi metro?", "", "China is also investing in the Hanoi metro transit project under the Belt and Road Initiative.", true},
		{"Is China investing in the Hanoi metro?", "", "He is expected to lay down the funding for a railway line project.", false},
		{"Did Xi visit Vietnam before 2017?", "The visit reciprocated Xi Jinping's visit to Vietnam in November 2017.", "Xi had previously visited Vietnam in November 2015.", true},
		{"Did Trong attend the ASEAN-U.S. Summit in Washington?", "", "As Vietnamese Prime Minister Chinh noted during the ASEAN-U.S. Summit in Washington D.C. earlier this year, the relationship is special.", false},
	}
	for _, tt := range tests {
		sents := sentencesOf(tt.before, tt.sentence)
		f := readFocus(tt.question)
		if got := statesClaim(sents, 1, askedClaim(tt.question, f), readFocusText(tt.sentence), readFocusText(tt.before), syn); got != tt.want {
			t.Errorf("statesClaim(%q, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
}

// TestTheVerbOfAClaim: the verb a yes/no question asks of.
func TestTheVerbOfAClaim(t *testing.T) {
	tests := []struct{ question, want string }{
		{"Did Vietnam publicly support the Philippines in its 2016 arbitration case against China?", "support"},
		{"Did the United States sell weapons to Vietnam after the embargo ended?", "sell"},
		{"Was Vietnam invited to the first Summit for Democracy?", "invit"},
		{"Has Vietnam ever held joint naval exercises with China?", "hold"},
		{"Is China investing in the Hanoi metro?", "invest"},
	}
	for _, tt := range tests {
		if got := claimVerb(tt.question); got != tt.want {
			t.Errorf("claimVerb(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestAlternativesAsked: the terms that tell apart the two things a
// question asks to choose between.
func TestAlternativesAsked(t *testing.T) {
	tests := []struct {
		question string
		want     [][]string
	}{
		{"Is China funding the whole Hanoi metro project or only part of it?", [][]string{{"whole"}, {"part"}}},
		{"Did Vietnam pay the two foreign oil companies in cash or with new concessions?", [][]string{{"cash"}, {"new", "concess"}}},
		{"Was the 2014 oil rig operated by a state company or a private firm?", [][]string{{"state", "compani"}, {"privat", "firm"}}},
		{"Is the Hanoi metro transit project financed by Chinese loans or by grants?", [][]string{{"loan"}, {"grant"}}},
		{"Was the 2022 ISEAS survey conducted online or in person?", [][]string{{"onlin"}, {"person"}}},
		{"Has Russia or the United States been the main supplier of Vietnam's armed forces?", [][]string{{"russia"}, {"unit", "state"}}},
		{"What did Trong sign or agree to at the forum?", nil},
		{"Did Vietnam agree?", nil},
	}
	for _, tt := range tests {
		got := askedAlternatives(tt.question)
		if !slices.EqualFunc(got, tt.want, slices.Equal[[]string]) {
			t.Errorf("askedAlternatives(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestASentenceNamesAnAlternative: a question that asks which of two is
// answered by a sentence that holds a term telling one from the other.
func TestASentenceNamesAnAlternative(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"Is China funding the whole Hanoi metro project or only part of it?", "China is also investing in the Hanoi metro transit project under the Belt and Road Initiative.", false},
		{"Is China funding the whole Hanoi metro project or only part of it?", "China pays for part of the Hanoi metro project.", true},
		{"Has Russia or the United States been the main supplier of Vietnam's armed forces?", "From modern fighter jets to kilo-class submarines, Russia has been the primary supplier of the Vietnamese armed forces.", true},
		{"Did Vietnam pay the two foreign oil companies in cash or with new concessions?", "It agreed to pay about a billion dollars to two foreign oil companies after it canceled their contracts.", false},
		{"Is China funding the whole Hanoi metro project or only part of it?", "Leaders spoke positively of the GSI without committing to taking part in it.", false},
		{"Did Vietnam agree?", "Vietnam agreed.", true},
	}
	for _, tt := range tests {
		if got := namesAlternative(tt.sentence, askedAlternatives(tt.question), syn); got != tt.want {
			t.Errorf("namesAlternative(%q, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
}

// TestWhatAYesNoAnswerSays: the answer to a yes/no question says "Yes" or
// "No" only when its sentence says which plainly: a denial just before a
// word of the claim, or an opposite of one, is a no; the claim's verb
// with no denial anywhere a yes; anything else neither.
func TestWhatAYesNoAnswerSays(t *testing.T) {
	syn := wordNet(t)
	tests := []struct{ question, sentence, want string }{
		{"Did Vietnam commit to joining China's Global Security Initiative?", "Leadership spoke positively of the GSI without committing to taking part in it.", "No"},
		{"Does Vietnam's constitution allow foreign military bases on its soil?", "The constitution commits the ruling party to no military alliance and no foreign military bases on its soil.", "No"},
		{"Were China and Russia invited to the summit?", "China and Russia were also uninvited to the event.", "No"},
		{"Did Vietnam take sides in the war in Ukraine?", "Vietnam has kept its neutrality on the conflict.", "No"},
		{"Is China investing in the Hanoi metro?", "China is also investing in the Hanoi metro transit project.", "Yes"},
		{"Did Vietnam criticize its exclusion from the Summit for Democracy?", "Vietnam's foreign ministry implicitly criticized the country's exclusion from the summit.", "Yes"},
		{"Did Xi visit Vietnam in 2015?", "Xi did not say when, but he visited Vietnam in November 2015.", ""},
		{"Did Vietnam sign the agreement?", "The agreement covers trade.", ""},
		{"Did Vietnam take part in the Rim of the Pacific exercises this year?", "Vietnam has taken part in the Rim of the Pacific naval exercises (despite missing this year).", ""},
	}
	for _, tt := range tests {
		if got := yesNoVerdict(tt.question, tt.sentence, syn); got != tt.want {
			t.Errorf("yesNoVerdict(%q, %q) = %q, want %q", tt.question, tt.sentence, got, tt.want)
		}
	}
}
