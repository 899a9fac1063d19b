package study

import (
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// inventedWaters is a short article written for these specs (not one of
// the seeds): seas, leaders and blocs of the Asia-Pacific.
func inventedWaters(t *testing.T) *Generator {
	return inventedGenerator(t, "invented_waters.txt", "waters.txt")
}

// fairCase is a question's sentence and answer, and what a fair set of
// options for it is: the distractors it may take (nil: any that also pass
// forbidden), those it must never take, and whether three fair ones exist.
type fairCase struct {
	within, answer string
	allowed        []string
	forbidden      []string
	// made: the question is asked (false: fewer than three fair
	// distractors exist, so it is not).
	made bool
}

// checkFair runs fair cases over ten seeds each.
func checkFair(t *testing.T, g *Generator, tests []fairCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.within+" / "+tt.answer, func(t *testing.T) {
			c, ok := candidateFor(t, g, tt.within, tt.answer)
			if !ok {
				t.Fatalf("no question asks for %s in %q", tt.answer, tt.within)
			}
			for seed := uint64(1); seed <= 10; seed++ {
				q, made := g.question(c, newRand(seed))
				if made != tt.made {
					t.Fatalf("seed %d: question made: %v (options %q), want %v", seed, made, q.Options, tt.made)
				}
				for i, o := range q.Options {
					if i == q.Answer {
						continue
					}
					if tt.allowed != nil && !slices.Contains(tt.allowed, o) || slices.Contains(tt.forbidden, o) {
						t.Errorf("seed %d: %q offered for %s in %q", seed, o, tt.answer, tt.within)
					}
				}
			}
		})
	}
}

func TestAWaterDistractorIsASeaOfTheCountriesAtStakeAndNoneHoldsAnother(t *testing.T) {
	checkFair(t, inventedWaters(t), []fairCase{
		// Australia borders the Tasman, Timor and Arafura seas and the
		// Indian Ocean; the Pacific holds the Coral Sea, so is true too.
		{within: "Australian warships", answer: "Coral Sea", allowed: []string{"Tasman Sea", "Timor Sea", "Arafura Sea", "Indian Ocean"}, made: true},
		// Only the East China Sea is a sea of both Japan and China.
		{within: "Japan and China have quarrelled", answer: "East China Sea", made: false},
		// A dispute of the Philippines and China: no other sea of both.
		{within: "Manila protested", answer: "South China Sea", made: false},
		// The Indian Ocean holds the Andaman Sea; no other sea is of both
		// India and Thailand.
		{within: "Indian and Thai sailors", answer: "Andaman Sea", forbidden: []string{"Indian Ocean", "Pacific"}, made: false},
	})
}

func TestAWaterWithNoCountryAtStakeTakesNoDistractor(t *testing.T) {
	// Neither the sentence nor its source names a country on the Coral
	// Sea's shores: which seas a reader would believe, nothing says.
	g := NewGenerator([]retrieval.Passage{passage("reef.txt", retrieval.SourceInfo{Title: "Reefs"},
		"Reef fish died in large numbers across the Coral Sea in 2016 as the water warmed for months.",
		"Divers counted the damage on the reefs of the Tasman Sea and the Timor Sea in 2017 and 2018.")})
	checkFair(t, g, []fairCase{{within: "Reef fish died", answer: "Coral Sea", made: false}})
}

func TestAPersonAfterATitleIsOfferedOnlyPeopleWhoHeldThatTitle(t *testing.T) {
	vietnamesePresidents := []string{"Nguyen Xuan Phuc", "Nguyen Phu Trong", "Tran Dai Quang", "Truong Tan Sang", "To Lam", "Luong Cuong", "Nguyen Minh Triet"}
	vietnamesePrimeMinisters := []string{"Nguyen Xuan Phuc", "Nguyen Tan Dung", "Pham Minh Chinh", "Phan Van Khai", "Vo Van Kiet"}
	g := inventedWaters(t)
	checkFair(t, g, []fairCase{
		// December 2023, a month the sentence gives: Thuong was then the
		// one president, so no other is fair and nothing is asked.
		{within: "state banquet", answer: "Vo Van Thuong", allowed: vietnamesePresidents, made: false},
	})
	// With no title before him (another sentence calls him General
	// Secretary), Trong, party chief and president, takes party chiefs and
	// presidents, no prime minister.
	c, ok := candidateFor(t, g, "rooted out", "Nguyen Phu Trong")
	if !ok {
		t.Fatal("no question asks for Nguyen Phu Trong")
	}
	for seed := uint64(1); seed <= 10; seed++ {
		// In 2022, the plenum's year, only Nguyen Xuan Phuc held either.
		got := g.distractors(c.ref, newRand(seed))
		if !slices.Equal(got, []string{"Nguyen Xuan Phuc"}) {
			t.Errorf("seed %d: distractors %q for Nguyen Phu Trong in 2022, want Nguyen Xuan Phuc alone", seed, got)
		}
		for _, d := range got {
			if !slices.Contains(vietnamesePresidents, d) && d != "Vo Van Thuong" && d != "Nong Duc Manh" {
				t.Errorf("seed %d: %q offered for Nguyen Phu Trong, party chief and president", seed, d)
			}
		}
	}
	// Prime ministers near 2019 and 2022: too few in office then for
	// three; whether asked or not, no president or party chief is offered.
	for _, tt := range []struct{ within, answer string }{
		{"During the 2019 summit", "Nguyen Xuan Phuc"},
		{"opened a new port", "Pham Minh Chinh"},
	} {
		c, ok := candidateFor(t, g, tt.within, tt.answer)
		if !ok {
			t.Fatalf("no question asks for %s in %q", tt.answer, tt.within)
		}
		for seed := uint64(1); seed <= 10; seed++ {
			for _, d := range g.distractors(c.ref, newRand(seed)) {
				if !slices.Contains(vietnamesePrimeMinisters, d) {
					t.Errorf("seed %d: %q offered for Prime Minister %s", seed, d, tt.answer)
				}
			}
		}
	}
}

func TestADateWhoseYearTheStemGivesTakesOtherMonthsOfThatYear(t *testing.T) {
	g := inventedWaters(t)
	c, ok := candidateFor(t, g, "special envoy", "August 2014")
	if !ok {
		t.Fatal("no question asks for August 2014")
	}
	for seed := uint64(1); seed <= 10; seed++ {
		got := g.distractors(c.ref, newRand(seed))
		for _, d := range got {
			if !strings.Contains(d, "2014") {
				t.Errorf("seed %d: %q offered for August 2014 after \"the oil rig crisis of 2014\"", seed, d)
			}
		}
		if _, made := g.question(c, newRand(seed)); made {
			t.Errorf("seed %d: asked with distractors %q; the article has one other month of 2014", seed, got)
		}
	}
}

func TestAnOrganisationThatHoldsTheCountriesTheSentenceListsIsNoDistractor(t *testing.T) {
	// APEC counts China, Japan, South Korea, Australia and New Zealand
	// among its members: "besides the APEC countries, … includes China"
	// contradicts itself.
	g := inventedWaters(t)
	c, ok := candidateFor(t, g, "Besides the", "ASEAN")
	if !ok {
		t.Fatal("no question asks for ASEAN")
	}
	for seed := uint64(1); seed <= 10; seed++ {
		for _, d := range g.distractors(c.ref, newRand(seed)) {
			if d == "APEC" {
				t.Errorf("seed %d: APEC offered for ASEAN beside China, Japan, South Korea, Australia and New Zealand", seed)
			}
		}
	}
}

func TestAYearIsAskedOnlyWhereItsSentenceSaysWhatHappenedThen(t *testing.T) {
	g := inventedWaters(t)
	tests := []struct {
		within, answer string
		asked          bool
	}{
		{"protest loudly", "2019", false},                // "as had happened in ___": what?
		{"Paracel Islands", "2018", true},                // "… in 2018 when a Chinese patrol boat rammed …"
		{"fastest growing economies", "2017", false},     // the start of a ranking: earlier and later years are true as well
		{"Association of Southeast Asian", "1999", true}, // a membership's start
	}
	for _, tt := range tests {
		_, ok := candidateFor(t, g, tt.within, tt.answer)
		if ok != tt.asked {
			t.Errorf("%s in %q asked: %v, want %v", tt.answer, tt.within, ok, tt.asked)
		}
	}
}

func TestTheTitleBeforeAName(t *testing.T) {
	tests := []struct{ before, want string }{
		{"and Prime Minister ", "prime minister"},
		{"Vietnam’s Prime Minister ", "prime minister"},
		{"Chinese Premier ", "prime minister"},
		{"U.S. Secretary of State ", "secretary of state"},
		{"Vice President ", "vice president"}, // no president
		{"Communist Party General Secretary ", "general secretary"},
		{"foreign ministry spokesperson ", "spokesperson"},
		{"met with ", ""},
		{"the President", ""}, // no name after it
	}
	for _, tt := range tests {
		if got := titleBefore(tt.before); got != tt.want {
			t.Errorf("titleBefore(%q) = %q, want %q", tt.before, got, tt.want)
		}
	}
}

func TestAWaterHoldsTheWatersWithinIt(t *testing.T) {
	gaz := newGazetteer()
	tests := []struct {
		outer, inner string
		holds        bool
	}{
		{"Pacific", "South China Sea", true},
		{"Pacific", "Gulf of Tonkin", true}, // through the South China Sea
		{"South China Sea", "Gulf of Tonkin", true},
		{"South China Sea", "Pacific", false},
		{"Indian Ocean", "South China Sea", false},
		{"East China Sea", "Yellow Sea", false},
	}
	for _, tt := range tests {
		if got := gaz.holds(tt.outer, tt.inner); got != tt.holds {
			t.Errorf("holds(%s, %s) = %v, want %v", tt.outer, tt.inner, got, tt.holds)
		}
	}
}

func TestATimeForAnEventTheSentenceDoesNotName(t *testing.T) {
	tests := []struct {
		sentence, year string
		unnamed        bool
	}{
		{"Hanoi will object if its interests are harmed, as had happened in 2014.", "2014", true},
		{"Hanoi objected loudly, as it did in 2014, and recalled its envoy.", "2014", true},
		{"Trade fell sharply, as in 2009, before it recovered.", "2009", true},
		{"Hanoi objected, as had happened in 2014 when China moved an oil rig into its waters.", "2014", false},
		{"Hanoi objected in 2014 when China moved an oil rig into its waters.", "2014", false},
	}
	for _, tt := range tests {
		at := strings.Index(tt.sentence, tt.year)
		f := fact{kind: KindYear, text: tt.year, start: at, end: at + len(tt.year)}
		if got := namesNoEvent(tt.sentence, f); got != tt.unnamed {
			t.Errorf("namesNoEvent(%q) = %v, want %v", tt.sentence, got, tt.unnamed)
		}
	}
}

func TestTheStartOfARanking(t *testing.T) {
	tests := []struct {
		sentence, year string
		ranking        bool
	}{
		{"Vietnam has been one of the fastest growing economies in Asia since 2017.", "2017", true},
		{"China has been the largest buyer of Vietnamese fruit since 2015.", "2015", true},
		{"Hanoi has looked to the West since 2014 for weapons and training.", "2014", false},
		{"Vietnam has been a member of ASEAN since 1995.", "1995", false},
	}
	for _, tt := range tests {
		at := strings.Index(tt.sentence, tt.year)
		f := fact{kind: KindYear, text: tt.year, start: at, end: at + len(tt.year)}
		if got := startsARanking(tt.sentence, f); got != tt.ranking {
			t.Errorf("startsARanking(%q) = %v, want %v", tt.sentence, got, tt.ranking)
		}
	}
}
