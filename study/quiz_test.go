package study

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// passage makes a passage of one source from paragraphs.
func passage(source string, info retrieval.SourceInfo, paragraphs ...string) retrieval.Passage {
	text := strings.Join(paragraphs, "\n\n")
	info.Source = source
	return retrieval.Passage{Chunk: retrieval.Chunk{ID: source + "-1", Source: source, Title: info.Title, Text: text, End: len(text)}, Info: info}
}

func TestTheTyperReadsFacts(t *testing.T) {
	lx := newLexicon(splitSentences([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"},
		"President Tran Dai Quang met Prime Minister Shinzo Abe in Tokyo.",
		"Quang said the talks went well.")}))
	tests := []struct {
		sentence string
		kind     Kind
		text     string
		key      string // "" when only the kind and text matter
	}{
		{"The war began in 1979 and ended soon.", KindYear, "1979", "year:1979"},
		{"They met on October 30th in the capital.", KindDate, "October 30th", "date:10-30"},
		{"They met on October 30, 2022 in the capital.", KindDate, "October 30, 2022", "date:10-30"},
		{"They met in April 2015 in the capital.", KindDate, "April 2015", "month:2015-4"},
		{"Some 56.9 percent chose the first.", KindPercent, "56.9 percent", "percent:56.9"},
		{"It claims 80% of the sea.", KindPercent, "80%", "percent:80"},
		{"The aid came to $60 million in all.", KindAmount, "$60 million", "amount:60000000"},
		{"They signed 13 new agreements.", KindNumber, "13", "number:13"},
		{"They signed thirteen economic agreements.", KindNumber, "thirteen", "number:13"},
		{"He won a third term in office.", KindOrdinal, "third", "ordinal:3"},
		{"It was the 20th Congress of the party.", KindOrdinal, "20th", "ordinal:20"},
		{"Talks were held in Hanoi last week.", KindPlace, "Hanoi", "place:Hanoi"},
		{"Talks were held with the U.S. last week.", KindCountry, "U.S.", "country:United States"},
		{"Talks were held with Cambodia last week.", KindCountry, "Cambodia", "country:Cambodia"},
		{"Ships sailed the South China Sea last week.", KindPlace, "South China Sea", "place:South China Sea"},
		{"The plan joins the Belt and Road Initiative next year.", KindAgreement, "Belt and Road Initiative", ""},
		{"Vietnam joined the Association of Southeast Asian Nations long ago.", KindOrganisation, "Association of Southeast Asian Nations", ""},
		{"The visit of Shinzo Abe was short.", KindPerson, "Shinzo Abe", "person:Shinzo Abe"},
		{"Later Quang flew home.", KindPerson, "Quang", "person:Tran Dai Quang"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			got := append(numericFacts(tt.sentence), lx.nameFacts(tt.sentence)...)
			i := slices.IndexFunc(got, func(f fact) bool { return f.kind == tt.kind && f.text == tt.text })
			if i < 0 {
				t.Fatalf("facts %+v; want a %s %q", got, tt.kind, tt.text)
			}
			if tt.key != "" && got[i].key != tt.key {
				t.Errorf("key %q, want %q", got[i].key, tt.key)
			}
		})
	}
}

func TestTheTyperIgnoresWhatIsNoFact(t *testing.T) {
	lx := newLexicon(nil)
	for _, s := range []string{
		"Despite the talks, nothing changed.", // a sentence's first word
		"The two countries agreed.",           // "two" is everywhere
		"COVID-19 slowed the supply chain.",
		"The Party decided nothing.", // which party?
		"He reached the ASEAN-U.S. summit.",
	} {
		for _, f := range append(numericFacts(s), lx.nameFacts(s)...) {
			if f.kind != KindNumber || f.text != "19" {
				t.Errorf("%q: found %s %q", s, f.kind, f.text)
			}
		}
	}
}

func TestEquivalentFactsAreTheSameFactWrittenOtherwise(t *testing.T) {
	lx := newLexicon(splitSentences([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"}, "President Xi Jinping spoke at length today.")}))
	first := func(s string) fact {
		fs := append(numericFacts(s), lx.nameFacts(s)...)
		if len(fs) == 0 {
			t.Fatalf("no fact in %q", s)
		}
		return fs[0]
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"on October 30th", "on October 30", true},
		{"on October 30, 2022", "on October 30th", true},
		{"with 13 ships", "with thirteen ships", true},
		{"Xi spoke", "then Xi Jinping spoke", true},
		{"the U.S. said", "the United States said", true},
		{"in 1979", "in 1978", false},
		{"on October 30", "on October 31", false},
		{"Cambodia said", "Japan said", false},
	}
	for _, tt := range tests {
		if got := equivalent(first(tt.a), first(tt.b)); got != tt.same {
			t.Errorf("%q and %q: equivalent %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestSentencesThatCannotBeReadAloneAreNotAsked(t *testing.T) {
	tests := []struct {
		sentence string
		dangling bool
	}{
		{"In 1979, China invaded Vietnam in a short border war.", false},
		{"It was signed in 1999 after long talks between them.", true},
		{"This visit in 2022 showed their solidarity once more.", true},
		{"In return, they sent an envoy to Beijing in 2014.", true},
		{"The latter was only resolved in 1999 by a treaty.", true},
		{"“We signed 13 agreements,” the minister said in 2022.", true},
		{"Is it a coincidence that the report came out in 2022?", true},
	}
	for _, tt := range tests {
		if got := danglingStart(tt.sentence); got != tt.dangling {
			t.Errorf("%q: dangling %v, want %v", tt.sentence, got, tt.dangling)
		}
	}
}

func TestBoilerplateCaptionsAndBylinesAreNeverUsed(t *testing.T) {
	info := retrieval.SourceInfo{Title: "Ties that bind", Authors: []string{"Jane Roe"}, Publisher: "IRIA - Insights"}
	p := passage("a.txt", info,
		"Ties that bind",
		"By JANE ROE",
		"Photo: a ship off the coast of Vietnam in 2019, taken by a reporter.",
		"In 2008, China and Vietnam upgraded their ties to a strategic partnership of a new kind.",
		"IRIA is a research institute founded in 2010 that studies security in Asia.",
		"To get our reports contact us at editor@example.com before 2024 ends, please.",
		"About the Author:",
		"Jane Roe studied law in Rome from 2001 and has written about Asia since then.")
	var usable []string
	for _, s := range splitSentences([]retrieval.Passage{p}) {
		if s.usable {
			usable = append(usable, s.text)
		}
	}
	want := []string{"In 2008, China and Vietnam upgraded their ties to a strategic partnership of a new kind."}
	if !slices.Equal(usable, want) {
		t.Errorf("usable sentences %q, want only %q", usable, want)
	}
}

func TestQuestionsAreWhQuestionsWhereTheSentenceAllowsElseBlanks(t *testing.T) {
	lx := newLexicon(splitSentences([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{}, "President Tran Dai Quang spoke at length today.")}))
	tests := []struct {
		sentence, answer, want string
	}{
		{"Tran Dai Quang visited Tokyo in the spring of that year.", "Tran Dai Quang", "Who visited Tokyo in the spring of that year?"},
		{"In 2016, Cambodia signed a treaty with its northern neighbour.", "Cambodia", "In 2016, which country signed a treaty with its northern neighbour?"},
		{"China and Cambodia signed a treaty with each other in 2016.", "Cambodia", "Fill in the blank: China and _____ signed a treaty with each other in 2016."},
		{"In 2016, Cambodia signed a treaty with its northern neighbour.", "2016", "Fill in the blank: In _____, Cambodia signed a treaty with its northern neighbour."},
	}
	for _, tt := range tests {
		fs := append(numericFacts(tt.sentence), lx.nameFacts(tt.sentence)...)
		i := slices.IndexFunc(fs, func(f fact) bool { return f.text == tt.answer })
		if i < 0 {
			t.Fatalf("%q: no fact %q in %+v", tt.sentence, tt.answer, fs)
		}
		if got, _ := makeQuestion(tt.sentence, fs[i]); got != tt.want {
			t.Errorf("%q asking %q:\n got %q\nwant %q", tt.sentence, tt.answer, got, tt.want)
		}
	}
}

func TestDistractorsAreOfTheSameKindFromElsewhereAndNotInTheSentence(t *testing.T) {
	g := NewGenerator([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"},
		"In 1979, the two neighbours, China and Vietnam, fought a short war along the Red River.",
		"The border treaty was finally signed in 1986 after long talks.",
		"Relations were normalised in 1991 after a decade of tension between them.",
		"A later agreement on the gulf followed in 1988 after more talks.",
		"Trade grew fast after Vietnam joined the trade body in 2007 and later.",
		"Talks in Hanoi in 1975 and 1986 prepared the treaty of the border.",
		"Leaders met in Beijing and Cambodia and Japan and Laos over the years.")})
	rng := newRand(1)
	for _, c := range g.candidates {
		f := g.facts[c.sent][c.fact]
		if f.kind != KindYear || f.text != "1979" {
			continue
		}
		got := g.distractors(c.ref, rng)
		if len(got) != 3 {
			t.Fatalf("distractors %q, want 3", got)
		}
		for _, d := range got {
			if d == "1979" || !yearRe.MatchString(d) {
				t.Errorf("distractor %q of 1979 is not another year", d)
			}
		}
		return
	}
	t.Fatal("no question asks for 1979")
}

func TestDistractorsTheSentenceItselfRulesOutAreNotOffered(t *testing.T) {
	g := NewGenerator([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"},
		"Aid to the navy rose steadily between 2011 and 2017 under a new programme of loans.",
		"The fleet grew in 2005 when three new frigates joined the southern squadron of the navy.",
		"A shipyard opened in 2008 beside the harbour of the old capital of the province.",
		"The coast guard bought patrol boats in 2014 for the waters around the northern islands.",
		"The navy held its largest exercise in 2016 off the coast with three allied fleets.",
		"A second shipyard followed in 2019 beside the river mouth of the southern province.",
		"Naval spending doubled in 2013 after the collision near the disputed reef in the gulf.")})
	rng := newRand(3)
	for _, c := range g.candidates {
		f := g.facts[c.sent][c.fact]
		if f.text != "2011" {
			continue
		}
		for _, d := range g.distractors(c.ref, rng) {
			if d >= "2017" {
				t.Errorf("the range “between _____ and 2017” is offered %s", d)
			}
		}
		return
	}
	t.Fatal("no question asks for 2011")
}

func TestSentencesLeaningOnTheOnesBeforeAreNotAsked(t *testing.T) {
	for _, s := range []string{
		"Since then, retaliation has continued over the islands in 1999.",
		"In return, Beijing sent an envoy to Hanoi in December 2014.",
		"On October 31st, the two leaders held a meeting in the capital.",
		"The visit reciprocated an earlier one made in 2017 by the president.",
		"Significant examples include a 2019 collision where a Russian trawler rammed a Norwegian patrol boat.",
		"Two examples of this are the pipeline of 2011 and the terminal of 2014.",
	} {
		if !leansOnContext(s) {
			t.Errorf("%q is asked, but leans on the sentences before it", s)
		}
	}
	for _, s := range []string{
		"In 2008, China and Vietnam upgraded their ties to a partnership.",
		"For example, Norway sold gas to Poland in 2022 through the Baltic Pipe.",
		"The examples of Finland and Sweden, which joined NATO in 2023 and 2024, show the change.",
	} {
		if leansOnContext(s) {
			t.Errorf("%q stands alone, but is not asked", s)
		}
	}
}

func TestPeopleAndPlacesAreOfferedOnlyWhereTheyFitTheSentence(t *testing.T) {
	g := NewGenerator([]retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"},
		"Vietnamese Prime Minister Pham Minh Chinh opened the new port on the river.",
		"Vietnamese President Vo Van Thuong visited the northern provinces last spring.",
		"Vietnamese General Secretary Nguyen Phu Trong spoke at the party congress.",
		"Vietnamese Prime Minister Tran Van Ba opened a bridge across the gulf.",
		"U.S. President Joe Biden travelled to the region in the autumn.",
		"Chinese Foreign Ministry spokesperson Wang Wenbin said the talks went well.",
		"Trade between Hanoi and Moscow fell after the sanctions were imposed.",
		"Shipping between Hanoi and Bangkok grew after the new port opened.")})
	rng := newRand(1)
	seen := map[string]bool{}
	for _, c := range g.candidates {
		f := g.facts[c.sent][c.fact]
		seen[f.text] = true
		switch f.text {
		case "Pham Minh Chinh":
			for _, d := range g.distractors(c.ref, rng) {
				if d == "Joe Biden" || d == "Wang Wenbin" {
					t.Errorf("%s is offered as Vietnam's prime minister", d)
				}
			}
		case "Moscow":
			for _, d := range g.distractors(c.ref, rng) {
				if d == "Hanoi" || d == "The Hague" {
					t.Errorf("%s is offered in “between Hanoi and _____”", d)
				}
			}
		}
	}
	if !seen["Pham Minh Chinh"] || !seen["Moscow"] {
		t.Fatalf("no question asks for Pham Minh Chinh or Moscow: %v", seen)
	}
	if g.lx.roles["Wang Wenbin"] != "official" || g.lx.nationalities["Pham Minh Chinh"] != "Vietnam" || g.lx.nationalities["Joe Biden"] != "United States" {
		t.Errorf("roles %v, nationalities %v", g.lx.roles, g.lx.nationalities)
	}
}

func TestAQuestionCitesThePageOfItsPassage(t *testing.T) {
	var passages []retrieval.Passage
	for page, text := range []string{
		"In 1979, China invaded Vietnam in a brief border war along the Red River.",
		"In 1991, China and Vietnam normalized relations after long talks in Hanoi.",
		"In 1986, Vietnam began the Doi Moi reforms of its economy under the party.",
		"In 1975, the war in Vietnam ended with the fall of Saigon to the north.",
	} {
		p := passage("book.pdf", retrieval.SourceInfo{Title: "A history"}, text)
		p.ID = fmt.Sprint("p", page)
		p.Start, p.End = page*1000, page*1000+len(text) // four pages, not one page four times
		p.Location = retrieval.Location{Page: page + 1}
		passages = append(passages, p)
	}
	round, err := NewGenerator(passages).Round(RoundOptions{Count: 4, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(round.Questions) == 0 {
		t.Fatal("no questions")
	}
	for _, q := range round.Questions {
		want := slices.IndexFunc(passages, func(p retrieval.Passage) bool { return strings.Contains(p.Text, q.Citation.Quote) }) + 1
		if q.Citation.Page != want || q.Citation.Where() != fmt.Sprintf("p. %d", want) {
			t.Errorf("%q cites page %d (%q), want %d", q.Question, q.Citation.Page, q.Citation.Where(), want)
		}
	}
}
