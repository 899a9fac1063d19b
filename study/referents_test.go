package study

import (
	"slices"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

func TestAnOrdinalIsAskedOnlyWhereItCarriesMeaning(t *testing.T) {
	tests := []struct {
		sentence, ordinal string
		asked             bool
	}{
		{"The party opened its 14th Congress in Hanoi in January 2026 with new leaders.", "14th", true},
		{"The premier of Norway won a third term in office after the vote in Oslo.", "third", true},
		{"Finland and Sweden marked the 30th anniversary of their treaty in Helsinki.", "30th", true},
		{"By 2020, Norway had become the world’s fifth-largest exporter of gas to Europe.", "fifth", true},
		{"Before Prime Minister Solberg attended the second annual Arctic forum, officials briefed the press in Oslo.", "second", false},
		{"The White House will host a second Summit for Democracy with leaders from Europe.", "second", false},
		{"The fourth round of talks between Norway and Russia ended in Oslo without a deal.", "fourth", false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			g := NewGenerator([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"}, tt.sentence)})
			var f fact
			for _, x := range g.facts[0] {
				if x.text == tt.ordinal {
					f = x
				}
			}
			if f.text == "" {
				t.Fatalf("no ordinal %q read in %q", tt.ordinal, tt.sentence)
			}
			if got := ordinalCarriesMeaning(tt.sentence, f); got != tt.asked {
				t.Errorf("ordinalCarriesMeaning = %v, want %v", got, tt.asked)
			}
		})
	}
}

func TestADescriptionOfCountriesNeedsItsReferentsInTheQuestion(t *testing.T) {
	g := inventedArticle(t)
	tests := []struct {
		question string
		missing  bool
	}{
		{"The two countries normalized relations in _____ despite Finland’s distrust of its larger neighbor.", true},
		{"In _____, the two countries signed the Norway-Germany gas partnership and three years later opened a pipeline.", false},
		{"In _____, the two nations signed a treaty on the Baltic Sea.", true},
		{"Both countries, Sweden and Finland, joined NATO after _____.", false},
		{"Norway sells gas to its southern neighbour through pipelines under the _____.", true},
		{"Russia’s President arrived in Finland for the first time in _____ years to meet the leaders of the northern neighbour.", false},
		{"The Riksdag approved the application of Sweden by a _____ majority.", false},
		{"Finland is a strategic country in this competition and joined NATO in _____.", true},
		{"These talks ended in _____ without a deal between Norway and Russia.", true},
		{"Earlier this year, Norway sold gas to Poland through the _____.", false},
		{"The 2022 visit stands out as this was the first since _____ by a Finnish president to Oslo.", false},
		{"The minister spoke of “a battle for the soul of this nation” in Oslo in _____.", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := g.missingReferent(tt.question); got != tt.missing {
				t.Errorf("missingReferent = %v, want %v", got, tt.missing)
			}
		})
	}
}

// TestNoQuestionAsksForAMinorOrdinalOrLeansOnAnUnnamedPair: of a whole
// article, no question is made of an ordinal of a minor detail or of a
// sentence that names "the two countries" without naming them.
func TestNoQuestionAsksForAMinorOrdinalOrLeansOnAnUnnamedPair(t *testing.T) {
	g := NewGenerator([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"},
		"Before Prime Minister Solberg attended the second annual Arctic forum in 2019, officials briefed the press in Oslo.",
		"The two countries normalized relations in 1991 despite Finland’s distrust of its larger neighbor.",
		"Norway won a third term on the Arctic Council in 2015 after a vote in Reykjavik.",
		"Sweden joined NATO in 2024 after the Riksdag voted for membership.",
		"Germany invaded Poland in 1939, and the war that followed redrew the map of the north.")})
	asked := map[string]bool{}
	for _, c := range g.candidates {
		asked[g.facts[c.sent][c.fact].text+" / "+g.sents[c.sent].plain[:20]] = true
	}
	for _, no := range []string{"second / Before Prime Minister", "1991 / The two countries no"} {
		if asked[no] {
			t.Errorf("a question asks for %s", no)
		}
	}
	if !asked["1939 / Germany invaded Pola"] {
		t.Errorf("no question asks for 1939, which names its countries; asked: %v", asked)
	}
}

func TestDistractorsOfAnOrganisationOfStatesAreOfItsSort(t *testing.T) {
	g := NewGenerator([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"},
		"Vietnam joined ASEAN in 1995, four years before Cambodia, after long talks with its neighbours.",
		"Finland joined NATO in 2023 after decades of military non-alignment.",
		"Vietnam joined the WTO in 2007 after eleven years of talks in Geneva.",
		"Norway borrowed nothing from the IMF during the crisis of 2009 in Europe.",
		"Leaders of the EU met in Brussels in 2019 to discuss the budget.")})
	tests := []struct {
		answer  string
		allowed []string
	}{
		{"ASEAN", []string{"SAARC", "SCO", "APEC"}}, // regional blocs of Asia
		{"EU", []string{"AU", "GCC", "SAARC", "SCO", "APEC", "ASEAN"}},
		{"WTO", []string{"IMF", "OECD", "APEC", "BRICS"}},
	}
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			c, ok := candidateFor(t, g, "", tt.answer)
			if !ok {
				t.Fatalf("no question asks for %s", tt.answer)
			}
			for seed := uint64(1); seed <= 10; seed++ {
				got := g.distractors(c.ref, newRand(seed))
				if len(got) != 3 {
					t.Fatalf("seed %d: distractors %q, want three", seed, got)
				}
				for _, d := range got {
					if !slices.Contains(tt.allowed, d) {
						t.Errorf("seed %d: %q offered for %s: not an organisation of its sort", seed, d, tt.answer)
					}
				}
			}
		})
	}
}

func TestASentenceCutAfterAnAbbreviationIsNotAsked(t *testing.T) {
	tests := []struct {
		sentence string
		cut      bool
	}{
		{"As Prime Minister Solberg noted during the EU-U.S.", true},
		{"Norway signed a gas deal with the U.S.", false},
		{"The talks were held in Washington D.C.", false},
		{"The summit in Oslo was the first of the Nordic-Baltic group.", false},
	}
	for _, tt := range tests {
		if got := cutAfterAbbreviation(tt.sentence); got != tt.cut {
			t.Errorf("cutAfterAbbreviation(%q) = %v, want %v", tt.sentence, got, tt.cut)
		}
	}
}

func TestADistractorYearKeepsWhatTheSentenceTellsLaterInItsPlace(t *testing.T) {
	g := NewGenerator([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"},
		"In 2012, Norway and Germany signed a gas partnership, and three years after that, Chancellor Merkel opened the new pipeline.",
		"The pipeline doubled its flow of gas in 2010 after a long dispute over prices.",
		"Since then, Norway has hosted the German minister of energy every year since 2016.",
		"A first pipeline to the United Kingdom had opened in 2007 under the North Sea.",
		"Denmark built a terminal for liquefied gas in 2014 beside the harbour of Esbjerg.",
		"Sweden joined the Nordic gas market in 2009 after a vote in the Riksdag.",
		"Finland bought its first cargo of liquefied gas in 2018 from a Norwegian field.",
		"The Baltic Sea states agreed on a common grid in 2011 after long talks.")})
	c, ok := candidateFor(t, g, "three years after that", "2012")
	if !ok {
		t.Fatal("no question asks for 2012")
	}
	answer := g.facts[c.sent][c.fact]
	tests := []struct {
		year  float64
		keeps bool
	}{
		{2011, true},  // 2014: before the 2016 of two sentences on
		{2009, true},  // 2012
		{2014, false}, // 2017: after 2016
		{2018, false}, // 2021: after 2016, and after the reading list's latest year
	}
	for _, tt := range tests {
		d := fact{kind: KindYear, value: tt.year, key: "year:x"}
		if got := g.keepsTheChronology(c.ref, answer, d); got != tt.keeps {
			t.Errorf("%v in place of 2012: keeps the chronology %v, want %v", tt.year, got, tt.keeps)
		}
	}
	for seed := uint64(1); seed <= 10; seed++ {
		for _, d := range g.distractors(c.ref, newRand(seed)) {
			if d >= "2014" {
				t.Errorf("seed %d: %s offered for 2012: three years after it is after 2016", seed, d)
			}
		}
	}
	if impliedLater("Sweden joined NATO in 2024 after the vote.", fact{end: len("Sweden joined NATO in 2024")}) != 0 {
		t.Error("a sentence that tells nothing later implies an offset")
	}
}
