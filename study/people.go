package study

import (
	"slices"
	"strconv"
	"strings"
)

// A light gazetteer of people the reading lists of a study group on
// international affairs name most: heads of state, government and ruling
// party, and officials (foreign ministers, ministry spokespeople), by
// country, each with the years they held the role where they are known.
// It gives a person asked about distractors of the same role and country
// when the reading list names too few ("U.S. President _____" takes other
// U.S. presidents, not China's), in office near the time of the event
// (see eraOf), and the role and country of a person the reading list
// names without a title that says them.
var peopleByCountry = map[string]map[string][]officeHolder{
	"United States": {
		"head":     {{"Joe Biden", held(2021, 2025)}, {"Barack Obama", held(2009, 2017)}, {"Donald Trump", held(2017, 2021, 2025, inOffice)}, {"George W. Bush", held(2001, 2009)}, {"Bill Clinton", held(1993, 2001)}},
		"official": {{"Antony Blinken", held(2021, 2025)}, {"Mike Pompeo", held(2018, 2021)}, {"John Kerry", held(2013, 2017)}, {"Hillary Clinton", held(2009, 2013)}, {"Rex Tillerson", held(2017, 2018)}},
	},
	"China": {
		"head":     {{"Xi Jinping", held(2012, inOffice)}, {"Hu Jintao", held(2002, 2013)}, {"Jiang Zemin", held(1989, 2003)}, {"Li Keqiang", held(2013, 2023)}, {"Li Qiang", held(2023, inOffice)}, {"Wen Jiabao", held(2003, 2013)}},
		"official": {{"Wang Yi", held(2013, inOffice)}, {"Qin Gang", held(2005, 2023)}, {"Hua Chunying", held(2012, inOffice)}, {"Zhao Lijian", held(2020, 2023)}, {"Mao Ning", held(2022, inOffice)}, {"Wang Wenbin", held(2020, 2024)}},
	},
	"Vietnam": {
		"head": {{"Nguyen Phu Trong", held(2011, 2024)}, {"Nguyen Xuan Phuc", held(2016, 2023)}, {"Nguyen Tan Dung", held(2006, 2016)}, {"Vo Van Thuong", held(2023, 2024)},
			{"Pham Minh Chinh", held(2021, inOffice)}, {"Truong Tan Sang", held(2011, 2016)}, {"Tran Dai Quang", held(2016, 2018)}, {"To Lam", held(2024, inOffice)},
			{"Phan Van Khai", held(1997, 2006)}, {"Nguyen Minh Triet", held(2006, 2011)}, {"Nong Duc Manh", held(2001, 2011)}, {"Luong Cuong", held(2024, inOffice)}},
		"official": {{"Bui Thanh Son", held(2021, inOffice)}, {"Pham Binh Minh", held(2011, 2021)}, {"Le Thi Thu Hang", nil}, {"Pham Thu Hang", nil}, {"Le Hai Binh", held(2013, 2017)}, {"Luong Thanh Nghi", held(2010, 2014)}},
	},
	"Russia": {
		"head":     {{"Vladimir Putin", held(1999, inOffice)}, {"Dmitry Medvedev", held(2008, 2020)}, {"Mikhail Mishustin", held(2020, inOffice)}, {"Boris Yeltsin", held(1991, 1999)}},
		"official": {{"Sergey Lavrov", held(2004, inOffice)}, {"Maria Zakharova", held(2015, inOffice)}, {"Dmitry Peskov", held(2000, inOffice)}},
	},
	"Japan": {
		"head":     {{"Shinzo Abe", held(2006, 2007, 2012, 2020)}, {"Fumio Kishida", held(2021, 2024)}, {"Yoshihide Suga", held(2020, 2021)}, {"Shigeru Ishiba", held(2024, 2025)}},
		"official": {{"Yoko Kamikawa", held(2023, 2024)}, {"Yoshimasa Hayashi", held(2021, 2025)}, {"Toshimitsu Motegi", held(2019, 2021, 2025, inOffice)}},
	},
	"India": {
		"head":     {{"Narendra Modi", held(2014, inOffice)}, {"Manmohan Singh", held(2004, 2014)}, {"Droupadi Murmu", held(2022, inOffice)}, {"Ram Nath Kovind", held(2017, 2022)}},
		"official": {{"Subrahmanyam Jaishankar", held(2015, 2018, 2019, inOffice)}, {"Sushma Swaraj", held(2014, 2019)}},
	},
	"Philippines": {
		"head":     {{"Ferdinand Marcos Jr.", held(2022, inOffice)}, {"Rodrigo Duterte", held(2016, 2022)}, {"Benigno Aquino III", held(2010, 2016)}, {"Gloria Macapagal Arroyo", held(2001, 2010)}},
		"official": {{"Enrique Manalo", held(2022, 2025)}, {"Teodoro Locsin Jr.", held(2018, 2022)}},
	},
	"Indonesia": {
		"head":     {{"Joko Widodo", held(2014, 2024)}, {"Prabowo Subianto", held(2024, inOffice)}, {"Susilo Bambang Yudhoyono", held(2004, 2014)}, {"Megawati Sukarnoputri", held(2001, 2004)}},
		"official": {{"Retno Marsudi", held(2014, 2024)}, {"Sugiono", held(2024, inOffice)}},
	},
	"United Kingdom": {
		"head":     {{"Rishi Sunak", held(2022, 2024)}, {"Boris Johnson", held(2019, 2022)}, {"Theresa May", held(2016, 2019)}, {"David Cameron", held(2010, 2016)}, {"Keir Starmer", held(2024, inOffice)}},
		"official": {{"James Cleverly", held(2022, 2023)}, {"Dominic Raab", held(2019, 2021)}, {"Liz Truss", held(2021, 2022)}, {"David Lammy", held(2024, 2025)}},
	},
	"Australia": {
		"head":     {{"Anthony Albanese", held(2022, inOffice)}, {"Scott Morrison", held(2018, 2022)}, {"Malcolm Turnbull", held(2015, 2018)}, {"Tony Abbott", held(2013, 2015)}},
		"official": {{"Penny Wong", held(2022, inOffice)}, {"Marise Payne", held(2018, 2022)}, {"Julie Bishop", held(2013, 2018)}},
	},
}

// titlesHeld are the titles each person of the gazetteer has held (see
// titleBefore): a country's "head" mixes presidents, prime ministers and
// party chiefs, and "Prime Minister _____" takes only people who have
// been prime minister.
var titlesHeld = map[string][]string{
	"Joe Biden": {"president"}, "Barack Obama": {"president"}, "Donald Trump": {"president"}, "George W. Bush": {"president"}, "Bill Clinton": {"president"},
	"Antony Blinken": {"secretary of state"}, "Mike Pompeo": {"secretary of state"}, "John Kerry": {"secretary of state"}, "Hillary Clinton": {"secretary of state"}, "Rex Tillerson": {"secretary of state"},
	"Xi Jinping": {"general secretary", "president"}, "Hu Jintao": {"general secretary", "president"}, "Jiang Zemin": {"general secretary", "president"},
	"Li Keqiang": {"prime minister"}, "Li Qiang": {"prime minister"}, "Wen Jiabao": {"prime minister"},
	"Wang Yi": {"foreign minister"}, "Qin Gang": {"foreign minister", "spokesperson"}, "Hua Chunying": {"spokesperson"}, "Zhao Lijian": {"spokesperson"}, "Mao Ning": {"spokesperson"}, "Wang Wenbin": {"spokesperson"},
	"Nguyen Phu Trong": {"general secretary", "president"}, "Nguyen Xuan Phuc": {"prime minister", "president"}, "Nguyen Tan Dung": {"prime minister"}, "Vo Van Thuong": {"president"},
	"Pham Minh Chinh": {"prime minister"}, "Truong Tan Sang": {"president"}, "Tran Dai Quang": {"president"}, "To Lam": {"general secretary", "president", "minister of public security"},
	"Phan Van Khai": {"prime minister"}, "Nguyen Minh Triet": {"president"}, "Nong Duc Manh": {"general secretary"}, "Luong Cuong": {"president"},
	"Bui Thanh Son": {"foreign minister"}, "Pham Binh Minh": {"foreign minister"}, "Le Thi Thu Hang": {"spokesperson"}, "Pham Thu Hang": {"spokesperson"}, "Le Hai Binh": {"spokesperson"}, "Luong Thanh Nghi": {"spokesperson"},
	"Vladimir Putin": {"president", "prime minister"}, "Dmitry Medvedev": {"president", "prime minister"}, "Mikhail Mishustin": {"prime minister"}, "Boris Yeltsin": {"president"},
	"Sergey Lavrov": {"foreign minister"}, "Maria Zakharova": {"spokesperson"}, "Dmitry Peskov": {"spokesperson"},
	"Shinzo Abe": {"prime minister"}, "Fumio Kishida": {"prime minister", "foreign minister"}, "Yoshihide Suga": {"prime minister"}, "Shigeru Ishiba": {"prime minister"},
	"Yoko Kamikawa": {"foreign minister"}, "Yoshimasa Hayashi": {"foreign minister"}, "Toshimitsu Motegi": {"foreign minister"},
	"Narendra Modi": {"prime minister"}, "Manmohan Singh": {"prime minister"}, "Droupadi Murmu": {"president"}, "Ram Nath Kovind": {"president"},
	"Subrahmanyam Jaishankar": {"foreign minister"}, "Sushma Swaraj": {"foreign minister"},
	"Ferdinand Marcos Jr.": {"president"}, "Rodrigo Duterte": {"president"}, "Benigno Aquino III": {"president"}, "Gloria Macapagal Arroyo": {"president"},
	"Enrique Manalo": {"foreign minister"}, "Teodoro Locsin Jr.": {"foreign minister"},
	"Joko Widodo": {"president"}, "Prabowo Subianto": {"president"}, "Susilo Bambang Yudhoyono": {"president"}, "Megawati Sukarnoputri": {"president"},
	"Retno Marsudi": {"foreign minister"}, "Sugiono": {"foreign minister"},
	"Rishi Sunak": {"prime minister"}, "Boris Johnson": {"prime minister"}, "Theresa May": {"prime minister"}, "David Cameron": {"prime minister", "foreign minister"}, "Keir Starmer": {"prime minister"},
	"James Cleverly": {"foreign minister"}, "Dominic Raab": {"foreign minister"}, "Liz Truss": {"foreign minister", "prime minister"}, "David Lammy": {"foreign minister"},
	"Anthony Albanese": {"prime minister"}, "Scott Morrison": {"prime minister"}, "Malcolm Turnbull": {"prime minister"}, "Tony Abbott": {"prime minister"},
	"Penny Wong": {"foreign minister"}, "Marise Payne": {"foreign minister"}, "Julie Bishop": {"foreign minister"},
}

// titlesRead are the titles titleBefore reads, longest first, with the
// title each stands for ("Premier" is a prime minister, a "Foreign
// Secretary" a foreign minister).
var titlesRead = []struct{ words, title string }{
	{"deputy prime minister", "deputy prime minister"}, {"vice president", "vice president"}, {"vice-president", "vice president"},
	{"prime minister", "prime minister"}, {"premier", "prime minister"},
	{"foreign minister", "foreign minister"}, {"foreign secretary", "foreign minister"}, {"minister of foreign affairs", "foreign minister"},
	{"secretary of state", "secretary of state"}, {"minister of public security", "minister of public security"},
	{"general secretary", "general secretary"}, {"secretary general", "general secretary"}, {"secretary-general", "general secretary"},
	{"president", "president"}, {"spokesperson", "spokesperson"}, {"spokesman", "spokesperson"}, {"spokeswoman", "spokesperson"},
	{"minister", "minister"}, {"ambassador", "ambassador"}, {"chairman", "chairman"},
}

// titleBefore is the title written right before a name (text is what
// precedes it): "Prime Minister" in "and Prime Minister _____", or "".
func titleBefore(text string) string {
	if !strings.HasSuffix(text, " ") {
		return "" // the name is not a word of its own
	}
	lower := strings.ToLower(strings.TrimRight(text, " "))
	for _, t := range titlesRead {
		if lower == t.words || strings.HasSuffix(lower, " "+t.words) {
			return t.title
		}
	}
	return ""
}

// heldTitle reports whether a person has held a title: the gazetteer's
// titles, or one the reading list writes before the person's name.
func (g *Generator) heldTitle(full, title string) bool {
	return slices.Contains(titlesHeld[full], title) || g.titles[full][title]
}

// titlesOf are the titles a person has held, the gazetteer's and the
// reading list's, in a fixed order.
func (g *Generator) titlesOf(full string) []string {
	out := slices.Clone(titlesHeld[full])
	for t := range g.titles[full] {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// officeHolder is a person of the gazetteer and the years they held the
// role they are listed under; with no terms, the years are not known and
// the person may stand for any time.
type officeHolder struct {
	name  string
	terms []term
}

// term is the years a person held a role, from the year they took it to
// the year they left it (inOffice: not left).
type term struct{ from, to int }

// inOffice ends the term of a person still in the role.
const inOffice = 9999

// held makes the terms of a role from pairs of years: held(2006, 2007,
// 2012, 2020) is two terms.
func held(years ...int) []term {
	var out []term
	for i := 0; i+1 < len(years); i += 2 {
		out = append(out, term{years[i], years[i+1]})
	}
	return out
}

// figureYears are the years in power of leaders of the region's past that
// reading lists name in passing ("to remove Pol Pot", "under the
// leadership of Mao Zedong"), beside the gazetteer's office holders: a year
// a sentence ties to one of them lies within them (see yearsOfTheNamed).
var figureYears = map[string][]term{
	"Ho Chi Minh":   held(1941, 1969), // led the Viet Minh from its founding to his death
	"Mao Zedong":    held(1935, 1976), // led the Chinese Communist Party from Zunyi to his death
	"Pol Pot":       held(1975, 1979), // ruled Democratic Kampuchea
	"Deng Xiaoping": held(1978, 1992), // China's paramount leader
	"Le Duan":       held(1960, 1986), // first secretary of Vietnam's party
	"Zhou Enlai":    held(1949, 1976), // China's premier
}

// yearsOf are the years a person named in full held power or office: the
// gazetteer's terms, or a figure's years; nil when not known.
func yearsOf(full string) []term {
	if t := knownPeople[full].terms; len(t) > 0 {
		return t
	}
	return figureYears[full]
}

// surnameFirst are the countries whose people the texts call by the first
// word of their names ("Xi"); others by the last ("Biden", "Trong").
var surnameFirst = map[string]bool{"China": true}

// knownPerson is a person of the gazetteer: role, country and the years
// of the role (none when not known).
type knownPerson struct {
	role, country string
	terms         []term
}

// knownPeople are the gazetteer's people by full name.
var knownPeople = func() map[string]knownPerson {
	m := map[string]knownPerson{}
	for country, roles := range peopleByCountry {
		for role, people := range roles {
			for _, p := range people {
				m[p.name] = knownPerson{role, country, p.terms}
			}
		}
	}
	return m
}()

// shortFormOf is the one-word form of a gazetteer person's name the texts
// of the person's country use ("Xi" for Xi Jinping, "Obama").
func shortFormOf(name, country string) string {
	words := strings.Fields(strings.TrimSuffix(strings.TrimSuffix(name, " Jr."), " III"))
	if len(words) == 0 {
		return ""
	}
	if surnameFirst[country] {
		return words[0]
	}
	return words[len(words)-1]
}

// Years apart, for people in office near an event (see eraOf).
const (
	// nearYears: a distractor in office within this many years of the
	// event is preferred.
	nearYears = 4
	// farYears: one not in office within this many years of it is never
	// offered (no George W. Bush for a 2023 visit).
	farYears = 10
)

// yearsApart is how many years lie between two lists of terms: 0 when
// they overlap, or when either is unknown (any time).
func yearsApart(a, b []term) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	best := inOffice
	for _, x := range a {
		for _, y := range b {
			best = min(best, max(0, x.from-y.to, y.from-x.to))
		}
	}
	return best
}

// eraOf is the time a person question is about, as terms: the year the
// sentence gives nearest the answer (moved on by a span told after it:
// "In 2013, … and three years after that, President _____ …"), else the
// year of the document's date, else none. When the answer's own years
// are known and that year is not within them (give or take a year), the
// year dates something else ("Jiang Zemin signed …" in a 2023 article):
// the era is the answer's years in the role. It returns nil when nothing
// dates the question (any time).
func (g *Generator) eraOf(r ref) []term {
	era, _ := g.eraAndWhetherTheSentenceDatesIt(r)
	return era
}

// eraAndWhetherTheSentenceDatesIt is eraOf, and whether the era is a year
// the sentence itself gives (not the document's date, not the answer's own
// years): then a distractor out of office that year is no fair option
// ("In 2013, … three years after that, President _____": in 2016 only
// Obama was president).
func (g *Generator) eraAndWhetherTheSentenceDatesIt(r ref) ([]term, bool) {
	answer := g.facts[r.sent][r.fact]
	s := g.sents[r.sent]
	year, best := 0, -1
	for k, f := range g.facts[r.sent] {
		t := timeValue(f)
		if k == r.fact || t == 0 {
			continue
		}
		d := answer.start - f.end
		if f.start > answer.end {
			d = f.start - answer.end
		}
		if best >= 0 && d >= best {
			continue
		}
		y := int(t / 10000)
		if f.end <= answer.start {
			if later := impliedLater(s.plain[:answer.start], f); later > 0 {
				y += int(later)
			}
		}
		year, best = y, d
	}
	fromSentence := year != 0
	if year == 0 {
		year = documentYear(s.passage.Info.Date)
	}
	own := knownPeople[strings.TrimPrefix(answer.key, "person:")].terms
	switch {
	case year == 0:
		return own, false
	case len(own) > 0 && yearsApart(own, []term{{year, year}}) > 1:
		return own, false
	}
	return []term{{year, year}}, fromSentence
}

// documentYear is the year a document's date starts with ("2023-06-11",
// "2022"), or 0.
func documentYear(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil || y < 1800 || y > 2200 {
		return 0
	}
	return y
}
