package study

import (
	"slices"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// datedArticle is a one-source reading list (not one of the seeds) that
// holds sentence, in a document of the given date ("" for none).
func datedArticle(date, sentence string) *Generator {
	return NewGenerator([]retrieval.Passage{passage("dated.txt", retrieval.SourceInfo{Title: "Visits and treaties", Date: date},
		sentence,
		"The ministers of both countries met again at the regional forum to talk about shipping lanes.",
		"Trade between the two economies has grown every year since the border was settled.")})
}

// TestAPersonTakesDistractorsInOfficeNearTheEvent: the distractors of a
// person held a like role in the year the question's sentence gives, or
// within ten years of its document's date (those within a few years
// first); one whose years are not known may stand for any time.
func TestAPersonTakesDistractorsInOfficeNearTheEvent(t *testing.T) {
	tests := []struct {
		name, date, sentence, answer string
		// always are offered for every seed; allowed may be; no other is.
		always, allowed []string
	}{
		// A year the sentence gives dates the event: only people in the
		// role that year are fair, and in 2016 only Obama was president
		// (Trump, Biden or Bush would give the answer away).
		{"a year in the sentence", "", "U.S. President Barack Obama lifted the arms embargo on Vietnam in 2016 during his visit to Hanoi.", "Barack Obama",
			nil, nil},
		{"a month and year in the sentence", "", "Chinese President Xi Jinping visited Hanoi in November 2015 and spoke to the National Assembly there.", "Xi Jinping",
			nil, nil}, // Hu Jintao left in 2013
		{"a span told after the year", "", "In 2013, Hanoi and Washington signed a partnership, and three years after that, U.S. President Barack Obama ended the arms embargo.", "Barack Obama",
			nil, nil},
		{"a year in the sentence and a role several held that year", "", "Chinese Foreign Ministry spokesperson Hua Chunying told reporters in 2021 that the talks with Hanoi had gone well.", "Hua Chunying",
			[]string{"Zhao Lijian", "Wang Wenbin", "Qin Gang"}, nil}, // in the role in 2021, as the gazetteer has it
		{"the document's date when the sentence has none", "2001-05-02", "Russian President Vladimir Putin told reporters in Moscow that the treaty with Vietnam would be kept in force.", "Vladimir Putin",
			[]string{"Boris Yeltsin", "Dmitry Medvedev"}, nil},
		{"the answer's own years when the document's date is far from them", "2023-12", "Chinese President Jiang Zemin signed the land border treaty with Vietnam in Hanoi after long talks.", "Jiang Zemin",
			[]string{"Hu Jintao"}, []string{"Xi Jinping"}},
		{"people of unknown years stand for any time", "", "Vietnam’s foreign ministry spokesperson Nguyen Hong Nga told reporters in 1995 that the embassy in Washington would open soon.", "Nguyen Hong Nga",
			[]string{"Le Thi Thu Hang", "Pham Thu Hang"}, nil},
		{"no date at all: any of the role", "", "British Prime Minister David Cameron told reporters in London that the trade talks with Vietnam had gone well.", "David Cameron",
			nil, []string{"Rishi Sunak", "Boris Johnson", "Theresa May", "Keir Starmer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := datedArticle(tt.date, tt.sentence)
			c, ok := candidateFor(t, g, "", tt.answer)
			if !ok {
				t.Fatalf("no question asks for %s", tt.answer)
			}
			want := len(tt.always) + len(tt.allowed)
			for seed := uint64(1); seed <= 10; seed++ {
				got := g.distractors(c.ref, newRand(seed))
				if len(got) != min(3, want) {
					t.Errorf("seed %d: distractors %q, want %d", seed, got, min(3, want))
				}
				for _, d := range got {
					if !slices.Contains(tt.always, d) && !slices.Contains(tt.allowed, d) {
						t.Errorf("seed %d: %q offered for %s: not in a like office near the event", seed, d, tt.answer)
					}
				}
				for _, a := range tt.always[:min(3, len(tt.always))] {
					if !slices.Contains(got, a) {
						t.Errorf("seed %d: %q not offered for %s (got %q)", seed, a, tt.answer, got)
					}
				}
			}
		})
	}
}

// TestTheEraOfAPersonQuestion: what dates a question about a person.
func TestTheEraOfAPersonQuestion(t *testing.T) {
	tests := []struct {
		name, date, sentence, answer string
		want                         []term
	}{
		{"the sentence's year", "2023-12", "U.S. President Barack Obama lifted the arms embargo on Vietnam in 2016 during his visit to Hanoi.", "Barack Obama", []term{{2016, 2016}}},
		{"the year nearest the answer", "", "In 1995 Hanoi and Washington normalized ties, and in 2016 U.S. President Barack Obama visited Hanoi and Ho Chi Minh City.", "Barack Obama", []term{{2016, 2016}}},
		{"a month's year", "", "Chinese President Xi Jinping visited Hanoi in November 2015 and spoke to the National Assembly there.", "Xi Jinping", []term{{2015, 2015}}},
		{"a span told after the year", "", "In 2013, Hanoi and Washington signed a partnership, and three years after that, U.S. President Barack Obama ended the arms embargo.", "Barack Obama", []term{{2016, 2016}}},
		{"the document's year", "2001-05-02", "Russian President Vladimir Putin told reporters in Moscow that the treaty with Vietnam would be kept in force.", "Vladimir Putin", []term{{2001, 2001}}},
		{"the answer's years when the date is not within them", "2023-12", "Chinese President Jiang Zemin signed the land border treaty with Vietnam in Hanoi after long talks.", "Jiang Zemin", []term{{1989, 2003}}},
		{"the answer's years when nothing dates it", "", "British Prime Minister David Cameron told reporters in London that the trade talks with Vietnam had gone well.", "David Cameron", []term{{2010, 2016}}},
		{"nothing, for a person of unknown years in an undated text", "", "Vietnamese Foreign Minister Nguyen Manh Cam flew to Washington to open the embassy there.", "Nguyen Manh Cam", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := datedArticle(tt.date, tt.sentence)
			c, ok := candidateFor(t, g, "", tt.answer)
			if !ok {
				t.Fatalf("no question asks for %s", tt.answer)
			}
			if got := g.eraOf(c.ref); !slices.Equal(got, tt.want) {
				t.Errorf("era %v, want %v", got, tt.want)
			}
		})
	}
}

func TestYearsApart(t *testing.T) {
	tests := []struct {
		a, b []term
		want int
	}{
		{held(2016, 2016), held(2009, 2017), 0},
		{held(2016, 2016), held(2001, 2009), 7},
		{held(2016, 2016), held(2021, 2025), 5},
		{held(2016, 2016), held(2017, 2021, 2025, inOffice), 1},
		{held(2010, 2010), held(2006, 2007, 2012, 2020), 2},
		{held(1995, 1995), nil, 0},
		{nil, held(1993, 2001), 0},
	}
	for _, tt := range tests {
		if got := yearsApart(tt.a, tt.b); got != tt.want {
			t.Errorf("yearsApart(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestTheGazetteerOfPeopleIsWellFormed: every term starts no later than
// it ends, in order, within the years a modern head of state may hold.
func TestTheGazetteerOfPeopleIsWellFormed(t *testing.T) {
	for name, p := range knownPeople {
		last := 0
		for _, tm := range p.terms {
			if tm.from < 1945 || tm.from > tm.to || tm.from < last || tm.to != inOffice && tm.to > 2030 {
				t.Errorf("%s: terms %v", name, p.terms)
			}
			last = tm.to
		}
	}
}

// TestAForeignMinisterIsAnOfficialOfTheCountryBeforeTheTitle: "Foreign
// Minister" is no head of government, and the country before a longer
// title is still read.
func TestAForeignMinisterIsAnOfficialOfTheCountryBeforeTheTitle(t *testing.T) {
	tests := []struct {
		sentence, name, role, country string
	}{
		{"Vietnamese Foreign Minister Nguyen Manh Cam flew to Washington to open the embassy there.", "Nguyen Manh Cam", "official", "Vietnam"},
		{"Vietnam’s foreign ministry spokesperson Le Hai Binh said the talks in Oslo were useful.", "Le Hai Binh", "official", "Vietnam"},
		{"Vietnamese Prime Minister Vo Van Kiet flew to Tokyo to open the new embassy there.", "Vo Van Kiet", "head", "Vietnam"},
	}
	for _, tt := range tests {
		g := datedArticle("", tt.sentence)
		if g.lx.roles[tt.name] != tt.role || g.lx.nationalities[tt.name] != tt.country {
			t.Errorf("%s: role %q of %q, want %q of %q", tt.name, g.lx.roles[tt.name], g.lx.nationalities[tt.name], tt.role, tt.country)
		}
	}
}
