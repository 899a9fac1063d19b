package study

import (
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// peopleArticle names people with and without titles (not one of the seeds).
func peopleArticle() *Generator {
	return NewGenerator([]retrieval.Passage{passage("people.txt", retrieval.SourceInfo{Title: "Leaders in Oslo"},
		"U.S. President Joe Biden traveled to Norway in June 2023 to discuss gas supplies with its government.",
		"Under the Biden administration, Washington has made energy security a centerpiece of its policy in the north.",
		"Russian Foreign Minister Sergey Lavrov said the pipeline talks in Oslo would fail without Moscow.",
		"Special envoy Le Van Hai, a senior diplomat, flew to Oslo in 2019 to open the talks on fisheries.",
		"Vietnam’s foreign ministry spokesperson Le Thi Thu Hang said the talks were useful and friendly.",
		"Chinese President Xi Jinping met the Norwegian king in Beijing in 2018 to discuss trade and salmon.")})
}

func TestAPersonTakesDistractorsOfTheSameRoleAndCountry(t *testing.T) {
	g := peopleArticle()
	tests := []struct {
		within, answer string
		allowed        []string
	}{
		// A 2023 visit: of the U.S. presidents, only those in office
		// within ten years of it (see TestAPersonTakesDistractorsInOfficeNearTheEvent).
		{"traveled to Norway", "Joe Biden", []string{"Barack Obama", "Donald Trump"}},
		{"Under the Biden administration", "Biden", []string{"Obama", "Trump"}},
		{"talks were useful", "Le Thi Thu Hang", []string{"Pham Thu Hang", "Le Hai Binh", "Luong Thanh Nghi"}}, // spokespeople, not ministers
	}
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			c, ok := candidateFor(t, g, tt.within, tt.answer)
			if !ok {
				t.Fatalf("no question asks for %s", tt.answer)
			}
			for seed := uint64(1); seed <= 10; seed++ {
				got := g.distractors(c.ref, newRand(seed))
				if len(tt.allowed) >= 3 && len(got) != 3 {
					t.Fatalf("seed %d: distractors %q, want three", seed, got)
				}
				for _, d := range got {
					if !slices.Contains(tt.allowed, d) {
						t.Errorf("seed %d: %q offered for %s: not of the same role and country, or not written as the answer is", seed, d, tt.answer)
					}
				}
			}
			if _, made := g.question(c, newRand(1)); made != (len(tt.allowed) >= 3) {
				t.Errorf("question made: %v", made)
			}
		})
	}
}

func TestPeopleWhoShareAFirstNameKeepTheirOwnRoles(t *testing.T) {
	g := peopleArticle()
	if g.lx.roles["Le Van Hai"] != "official" || g.lx.roles["Le Thi Thu Hang"] != "official" || g.lx.nationalities["Le Thi Thu Hang"] != "Vietnam" {
		t.Errorf("roles %v, nationalities %v", g.lx.roles, g.lx.nationalities)
	}
	if g.lx.nationalities["Le Van Hai"] != "" {
		t.Errorf("Le Van Hai, whose country nothing says, is given %q", g.lx.nationalities["Le Van Hai"])
	}
	if _, ok := candidateFor(t, g, "flew to Oslo", "Le Van Hai"); ok {
		c, _ := candidateFor(t, g, "flew to Oslo", "Le Van Hai")
		if d := g.distractors(c.ref, newRand(1)); len(d) == 3 {
			t.Errorf("an envoy of no known country takes distractors %q", d)
		}
	}
}

func TestTwoPeopleAreOneOnlyWhenOneNameHoldsTheOther(t *testing.T) {
	person := func(name string) fact {
		return fact{kind: KindPerson, text: name, key: "person:" + name, words: lowerWords(name)}
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"Xi", "Xi Jinping", true},
		{"Nguyen Phu Trong", "Trong", true},
		{"Nguyen Phu Trong", "Nguyen Tan Dung", false},
		{"Bill Clinton", "Hillary Clinton", false},
		{"Joe Biden", "Barack Obama", false},
	}
	for _, tt := range tests {
		if got := equivalent(person(tt.a), person(tt.b)); got != tt.same {
			t.Errorf("equivalent(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	for name, p := range knownPeople {
		if s := shortFormOf(name, p.country); s == "" || strings.Contains(s, " ") {
			t.Errorf("short form of %s: %q", name, s)
		}
	}
	if shortFormOf("Xi Jinping", "China") != "Xi" || shortFormOf("Barack Obama", "United States") != "Obama" || shortFormOf("Nguyen Phu Trong", "Vietnam") != "Trong" {
		t.Error("short forms are not the ones the texts use")
	}
}
