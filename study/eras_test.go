package study

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// inventedEras is a short article written for these specs (not one of
// the seeds): leaders with known years, congresses and summits numbered
// in series of their own, and a sentence that leans on the one before it.
func inventedEras(t *testing.T) *Generator {
	return inventedGenerator(t, "invented_eras.txt", "eras.txt")
}

func TestAYearDistractorFallsInTheYearsOfThePeopleTheSentenceNames(t *testing.T) {
	g := inventedEras(t)
	tests := []struct {
		within, answer string
		// from, to: the years a distractor may be (the named person's
		// years, give or take one, less a span told after the answer).
		from, to int
	}{
		// Mao led the party from 1935 until his death in 1976: no 1986,
		// no 1995 for the founding of the People's Republic.
		{"under the leadership of Mao Zedong", "1949", 1934, 1977},
		// Pol Pot held Cambodia from 1975 to 1979: no 1954, no 1991.
		{"to remove Pol Pot", "1978", 1974, 1980},
		// Obama was president 2009–2017, two years after the answer.
		{"two years after that, President Barack Obama", "2010", 2006, 2016},
	}
	for _, tt := range tests {
		t.Run(tt.within+" / "+tt.answer, func(t *testing.T) {
			c, ok := candidateFor(t, g, tt.within, tt.answer)
			if !ok {
				t.Fatalf("no question asks for %s in %q", tt.answer, tt.within)
			}
			for seed := uint64(1); seed <= 10; seed++ {
				for _, d := range g.distractors(c.ref, newRand(seed)) {
					y, err := strconv.Atoi(d)
					if err != nil || y < tt.from || y > tt.to {
						t.Errorf("seed %d: %q offered for %s in %q (years %d–%d)", seed, d, tt.answer, tt.within, tt.from, tt.to)
					}
				}
			}
		})
	}
	// A year no named person dates keeps its distractors.
	checkFair(t, g, []fairCase{{within: "Vietnam joined the WTO", answer: "2007", made: true}})
}

func TestAnOrdinalDistractorIsOfTheSameSeriesAndNearTheAnswer(t *testing.T) {
	g := inventedEras(t)
	checkFair(t, g, []fairCase{
		// Party congresses take congresses near the 20th: no ASEAN
		// summit's 40th or 17th, no 8th of 1956, no 13th far below.
		{within: "opened the 20th Party Congress", answer: "20th", allowed: []string{"19th", "18th", "21st", "22nd"}, made: false},
		// Vietnam's 13th congress takes the 12th and the 11th, no summit.
		{within: "13th National Congress", answer: "13th", forbidden: []string{"17th", "40th", "41st", "8th", "20th"}, made: false},
	})
}

func TestAPersonDatedByTheSentenceTakesOnlyPeopleInOfficeThatYear(t *testing.T) {
	g := inventedEras(t)
	// 2010 and two years after: 2012, when only Obama was U.S. president;
	// Bush, Trump or Biden would give the answer away.
	checkFair(t, g, []fairCase{{within: "two years after that, President", answer: "Barack Obama", made: false}})
}

func TestASentenceOpeningWithTheFirstOfAListBeforeItIsNotAsked(t *testing.T) {
	g := inventedEras(t)
	for _, c := range g.candidates {
		if s := g.sents[c.sent].plain; strings.HasPrefix(s, "The first is") {
			t.Errorf("asked from %q, whose \"the first\" points at the sentence before", s)
		}
	}
	if !slices.ContainsFunc(g.sents, func(s sentence) bool { return strings.HasPrefix(s.plain, "The first is") }) {
		t.Fatal("the article's sentence opening with \"The first is\" was not read")
	}
}
