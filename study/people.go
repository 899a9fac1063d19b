package study

import "strings"

// A light gazetteer of people the reading lists of a study group on
// international affairs name most: heads of state, government and ruling
// party, and officials (foreign ministers, ministry spokespeople), by
// country. It gives a person asked about distractors of the same role and
// country when the reading list names too few ("U.S. President _____"
// takes other U.S. presidents, not China's), and the role and country of
// a person the reading list names without a title that says them.
var peopleByCountry = map[string]map[string][]string{
	"United States": {
		"head":     {"Joe Biden", "Barack Obama", "Donald Trump", "George W. Bush", "Bill Clinton"},
		"official": {"Antony Blinken", "Mike Pompeo", "John Kerry", "Hillary Clinton", "Rex Tillerson"},
	},
	"China": {
		"head":     {"Xi Jinping", "Hu Jintao", "Jiang Zemin", "Li Keqiang", "Li Qiang", "Wen Jiabao"},
		"official": {"Wang Yi", "Qin Gang", "Hua Chunying", "Zhao Lijian", "Mao Ning", "Wang Wenbin"},
	},
	"Vietnam": {
		"head":     {"Nguyen Phu Trong", "Nguyen Xuan Phuc", "Nguyen Tan Dung", "Vo Van Thuong", "Pham Minh Chinh", "Truong Tan Sang", "Tran Dai Quang", "To Lam"},
		"official": {"Bui Thanh Son", "Pham Binh Minh", "Le Thi Thu Hang", "Pham Thu Hang"},
	},
	"Russia": {
		"head":     {"Vladimir Putin", "Dmitry Medvedev", "Mikhail Mishustin", "Boris Yeltsin"},
		"official": {"Sergey Lavrov", "Maria Zakharova", "Dmitry Peskov"},
	},
	"Japan": {
		"head":     {"Shinzo Abe", "Fumio Kishida", "Yoshihide Suga", "Shigeru Ishiba"},
		"official": {"Yoko Kamikawa", "Yoshimasa Hayashi", "Toshimitsu Motegi"},
	},
	"India": {
		"head":     {"Narendra Modi", "Manmohan Singh", "Droupadi Murmu", "Ram Nath Kovind"},
		"official": {"Subrahmanyam Jaishankar", "Sushma Swaraj"},
	},
	"Philippines": {
		"head":     {"Ferdinand Marcos Jr.", "Rodrigo Duterte", "Benigno Aquino III", "Gloria Macapagal Arroyo"},
		"official": {"Enrique Manalo", "Teodoro Locsin Jr."},
	},
	"Indonesia": {
		"head":     {"Joko Widodo", "Prabowo Subianto", "Susilo Bambang Yudhoyono", "Megawati Sukarnoputri"},
		"official": {"Retno Marsudi", "Sugiono"},
	},
	"United Kingdom": {
		"head":     {"Rishi Sunak", "Boris Johnson", "Theresa May", "David Cameron", "Keir Starmer"},
		"official": {"James Cleverly", "Dominic Raab", "Liz Truss", "David Lammy"},
	},
	"Australia": {
		"head":     {"Anthony Albanese", "Scott Morrison", "Malcolm Turnbull", "Tony Abbott"},
		"official": {"Penny Wong", "Marise Payne", "Julie Bishop"},
	},
}

// surnameFirst are the countries whose people the texts call by the first
// word of their names ("Xi"); others by the last ("Biden", "Trong").
var surnameFirst = map[string]bool{"China": true}

// knownPerson is a person of the gazetteer: role and country.
type knownPerson struct{ role, country string }

// knownPeople are the gazetteer's people by full name.
var knownPeople = func() map[string]knownPerson {
	m := map[string]knownPerson{}
	for country, roles := range peopleByCountry {
		for role, names := range roles {
			for _, n := range names {
				m[n] = knownPerson{role, country}
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
