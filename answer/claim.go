package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
)

// Reading the sentence a support check is asked about: its facts (numbers,
// years, dates, amounts, names, with their other forms) and its content
// words (support.go).

// claim is what a sentence states, read for the support check.
type claim struct {
	// facts are the numbers, months and names that must occur in the
	// passage: each fact is a set of forms, any one of which will do.
	facts []fact
	// terms are the stemmed content words that are not facts.
	terms []string
	// negated: the sentence says "not", "never", "no" …
	negated bool
	// warns: the sentence reports a warning ("Xi cautioned that …"),
	// which a passage's "warned against" says too.
	warns bool
	// synonyms are the synonyms of its terms, which a passage may use
	// instead.
	synonyms map[string][]string
	// unfolded maps a term whose spelling was folded (foldSpelling) to its
	// stem as written, under which the synonym table lists it.
	unfolded map[string]string
	// written maps each term to the word of the sentence it was read from
	// ("oppos" to "opposes"), for saying why a sentence was dropped.
	written map[string]string
	// denied are the stems in the scope of the sentence's negations.
	denied []string
	// first is the stem of the sentence's first word when it is written
	// with a capital and may be a name ("Vietnam follows …"): the title
	// of the passage's document may hold it.
	first string
	// firstForms are the other forms of the first word when it is a
	// country or a people ("Chinese FDI …": China).
	firstForms []string
	// firstAcronym is the first word, lower-cased, when it is written as
	// an acronym ("FDI rose …").
	firstAcronym string
	// bound are facts that must occur together: a month with its year
	// ("month:april 2017"), a number with its unit of time ("six month").
	bound []string
	// strong are its words of quantity, degree, rank, time and certainty,
	// which the passage must match (see strength.go).
	strong []strongWord
	// hedged: it says a thing may be so, or reports what someone said.
	hedged bool
	// emphatic: the claim says the thing is plainly so ("clearly").
	emphatic bool
	// parts are the terms of each of its clauses and conjuncts ("and
	// both sides would set up a joint commission").
	parts [][]string
	// opposites are WordNet's antonyms of its terms (coverage.go), which
	// a passage contradicts it with as with those of antonymPairs.
	opposites map[string][]string
	// weights are its terms' weights in its coverage (coverage.go); nil
	// weighs them alike.
	weights map[string]float64
}

// fact is one number, month or name of a sentence: shown is how it was
// written, forms what in a passage counts as it.
type fact struct {
	shown string
	forms []string
	// run is the name it is part of ("Code of Conduct" for "Code"), whose
	// acronym a passage may give instead.
	run []word
	// share is the percentage a fraction in words says ("three quarters"
	// 75), or 0.
	share float64
	name  bool // a capitalised name, which the whole passage may hold
}

var (
	// numberToken is a number as prose writes it: "13", "1,000", "56.9",
	// "US$10", "2,500".
	numberToken = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	// ordinalSuffix follows the digits of an ordinal: "20th", "1st".
	ordinalSuffix = regexp.MustCompile(`^(?:st|nd|rd|th)\b`)
	// monthBefore ends a text with a month and a space: the ordinal in
	// figures after it ("November 2nd") is a day, not a rank.
	monthBefore = regexp.MustCompile(`(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)\s+(?:the\s+)?$`)
)

// rankAt reports whether the number of body at [start, end) is a rank
// ("the 2nd official", "the 20th Congress"): written with an ordinal's
// ending, and not the day of a month before it ("November 2nd").
func rankAt(body string, start, end int) bool {
	return ordinalSuffix.MatchString(body[end:]) && !monthBefore.MatchString(body[max(0, start-20):start])
}

// numberWords are the words for numbers that prose spells out.
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
	"eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000", "dozen": "12",
	"second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
	"eighth": "8", "ninth": "9", "tenth": "10", "thirteenth": "13", "fifteenth": "15", "twentieth": "20",
	"twice": "2", "double": "2", "doubled": "2", "triple": "3", "tripled": "3", "half": "50%", "millennium": "1000",
}

// ordinalWords are the words of numberWords that rank.
var ordinalWords = wordSet("second third fourth fifth sixth seventh eighth ninth tenth thirteenth fifteenth twentieth")

// timesOfYear are the seasons and the days of the week: a time a
// sentence gives that its passage must give too.
var timesOfYear = wordSet("spring summer autumn winter monday tuesday wednesday thursday friday saturday sunday")

// months maps every way of writing a month to its name.
var months = func() map[string]string {
	m := map[string]string{}
	for _, name := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		m[name] = name
		m[name[:3]] = name
	}
	m["sept"] = "september"
	delete(m, "mar") // "mar" and "may" are words too; "May" is its own abbreviation
	return m
}()

// nameForms are the other words that count as a name: a people for its
// country, a country's short names.
var nameForms = map[string][]string{
	"vietnamese": {"vietnam"}, "vietnam": {"vietnamese", "hanoi"},
	"chinese": {"china", "sino"}, "china": {"chinese", "beijing", "prc", "sino"}, "sino": {"china", "chinese"},
	"american": {"america", "us", "usa", "washington", "united"}, "america": {"american", "us", "usa"}, "us": {"america", "american", "usa", "united", "washington"}, "usa": {"us", "america"},
	"russian": {"russia", "moscow", "russo"}, "russia": {"russian", "moscow", "russo"}, "russo": {"russia", "russian"},
	"french": {"france"}, "france": {"french"}, "japanese": {"japan"}, "japan": {"japanese"},
	"cambodian": {"cambodia"}, "cambodia": {"cambodian"}, "filipino": {"philippines"}, "philippine": {"philippines"},
	"soviet": {"ussr"}, "ukrainian": {"ukraine"}, "ukraine": {"ukrainian"}, "korean": {"korea"},
	"communist": {"communism", "communists"}, "socialist": {"socialism"}, "western": {"west"}, "west": {"western"},
	"european": {"europe", "eu"}, "eu": {"european", "europe"}, "indian": {"india"},
	"beijing": {"china", "chinese"}, "hanoi": {"vietnam", "vietnamese"}, "washington": {"us", "america", "united"},
	"moscow": {"russia", "russian"}, "united": {"us", "usa", "america", "american"}, "states": {"us", "usa", "america", "american"}, "ccp": {"cpc"}, "cpc": {"ccp"}, "cpv": {"vcp"}, "vcp": {"cpv"},
	"politburo": {"bureau"}, "bureau": {"politburo"}, "political": {"politburo"},
	"east": {"eastern"}, "eastern": {"east"}, "north": {"northern"}, "northern": {"north"}, "south": {"southern"}, "southern": {"south"},
}

// titles are capitalised words that name a rank, not a person: a
// sentence may give one that its passage leaves out.
var titles = wordSet("president prime minister general secretary secretary chairman premier mr ms mrs dr madame comrade leader party chief ambassador spokesperson")

// wordSet makes a set of the words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// lightVerbs say little of their own ("made a protectorate" is
// "established as a protectorate"): they are not content words here.
var lightVerbs = wordSet("make makes made making come comes came coming get gets got take takes took taken go goes went gone put puts")

// weakWords say how a claim is put, not what it is: "rather than",
// "instead", "must", "due to", "as much as possible", "whenever".
var weakWords = wordSet("rather instead must due possible possibly much whenever lately even though although")

// reportingWords say who says a claim, not what it is: "the author
// argues", "according to the article". They are not content words.
var reportingWords = wordSet("author authors writer writers article articles argue argues argued conclude concludes concluded note notes noted write writes wrote written writing according say says said explain explains explained add adds added observe observes observed")

// compoundNumber is a number written in two words: "twenty-one".
var compoundNumber = regexp.MustCompile(`(?i)\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)\b`)

// unitWords are the words for the numbers below ten that compoundNumber
// joins to a multiple of ten.
var unitWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

// withCompoundNumbers writes the numbers of text spelled in two words in
// figures: "a twenty-one gun salute" is "a 21 gun salute".
func withCompoundNumbers(text string) string {
	if !strings.Contains(text, "ty-") && !strings.Contains(text, "ty ") {
		return text
	}
	return compoundNumber.ReplaceAllStringFunc(text, func(m string) string {
		parts := compoundNumber.FindStringSubmatch(m)
		tens, _ := strconv.Atoi(numberWords[strings.ToLower(parts[1])])
		return strconv.Itoa(tens + unitWords[strings.ToLower(parts[2])])
	})
}

// closeTo is "close to" before a number, which says "nearly" (and is not
// the opposite of "open" or "begin").
var closeTo = regexp.MustCompile(`(?i)\bclose to (\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a|half|a hundred|a thousand)\b)`)

// partOfMonth is the part of a month a date falls in: "late October"
// for "October 30th". The month is a fact the passage must give; the
// part is read as part of it.
var partOfMonth = regexp.MustCompile(`\b(?:[Ll]ate|[Ee]arly|[Mm]id)[- ]((?:January|February|March|April|May|June|July|August|September|October|November|December)\b)`)

// aNumberOf is "a number of", which says "some".
var aNumberOf = regexp.MustCompile(`\b[Aa] number of\b`)

// attributiveUn reports whether words[i] is an "un" word before the noun
// it qualifies ("unresolved sea disputes"): a thing the sentence
// describes, not a claim it denies ("Vietnam was uninvited").
func attributiveUn(words []string, i int) bool {
	if _, ok := unNegated(words[i]); !ok || i+1 >= len(words) {
		return false
	}
	next := words[i+1]
	return !isBreak(next) && !text.IsStopWord(next) && !clauseJoiners[next] && !negations[next]
}

// readClaim reads the facts, terms and polarity of a sentence.
func readClaim(sentence string) claim {
	sentence = closeTo.ReplaceAllString(withPhrasalVerbs(withCompoundNumbers(withNumberIdioms(sentence))), "nearly $1")
	sentence = aNumberOf.ReplaceAllString(sentence, "some")
	sentence = partOfMonth.ReplaceAllString(sentence, "$1")
	var c claim
	seen := map[string]bool{}
	addFact := func(shown string, name bool, forms ...string) {
		if !seen[forms[0]] {
			seen[forms[0]] = true
			c.facts = append(c.facts, fact{shown: shown, forms: forms, name: name})
		}
	}
	// A fraction in words ("three quarters") is one fact, a share.
	for _, m := range fractionPattern.FindAllString(sentence, -1) {
		c.facts = append(c.facts, fact{shown: m, forms: []string{strings.ToLower(m)}, share: fractionShare(m)})
	}
	sentence = fractionPattern.ReplaceAllString(sentence, "")
	for _, m := range shareInWords.FindAllString(sentence, -1) {
		c.facts = append(c.facts, fact{shown: m, forms: []string{strings.ToLower(m)}, share: shareInWordsOf(m)})
	}
	sentence = shareInWords.ReplaceAllString(sentence, "")
	for _, m := range numberToken.FindAllStringIndex(sentence, -1) {
		n := normaliseNumber(sentence[m[0]:m[1]])
		if rankAt(sentence, m[0], m[1]) {
			// "the 2nd official" is a rank, which "November 2nd" is not.
			addFact(sentence[m[0]:m[1]], false, "ord:"+n)
			continue
		}
		addFact(sentence[m[0]:m[1]], false, n)
	}
	words := sentenceWords(sentence)
	runs := nameRuns(words)
	factWords := map[string]bool{}
	for i, w := range words {
		lower := lowerFolded(w.text)
		switch {
		case ordinalWords[lower]:
			// "the second official" is not "the two countries": a rank
			// needs a rank ("second", "2nd").
			addFact(w.text, false, "ord:"+numberWords[lower], lower)
			factWords[lower] = true
		case numberWords[lower] != "" && !pairReference(words, i):
			addFact(w.text, false, numberWords[lower], lower)
			factWords[lower] = true
		case months[strings.TrimSuffix(lower, ".")] != "" && (w.capital || len(lower) > 4):
			name := months[strings.TrimSuffix(lower, ".")]
			addFact(w.text, false, "month:"+name)
			factWords[lower] = true
		case timesOfYear[lower]:
			// "the following spring", "on Monday": a time the passage
			// must give, as it must a month.
			addFact(w.text, false, "time:"+lower)
			factWords[lower] = true
		case w.capital && !w.first && !titles[lower] && !text.IsStopWord(lower):
			addFact(w.text, true, namesOf(lower)...)
			if f := &c.facts[len(c.facts)-1]; f.shown == w.text {
				f.run = runs[lower]
			}
			factWords[lower] = true
		}
	}
	all := text.Words(sentence)
	clauses := clauseWords(sentence)
	for i := range clauses {
		// "rejected China as a model", "declined to sue": a no in other
		// words, which the passage must say too.
		// "changed little" says no; "a little" says some.
		if attributiveUn(clauses, i) {
			continue
		}
		if isNegation(clauses, i) || refusals[clauses[i]] && !negatedBefore(clauses, i) && !(clauses[i] == "little" && i > 0 && clauses[i-1] == "a") {
			c.negated = true
			c.denied = append(c.denied, scopeOf(clauses, i)...)
			if rest, ok := unNegated(clauses[i]); ok {
				c.denied = append(c.denied, text.Stem(foldSpelling(rest)))
			}
		}
	}
	isTerm := func(w string) bool {
		return !(len(w) < 2 || text.IsStopWord(w) || factWords[w] || isDigits(w) || negations[w] || titles[w] || lightVerbs[w] || reportingWords[w] || weakWords[w])
	}
	var part []string
	for _, w := range append(clauses, sentenceBreak) {
		if isBreak(w) || clauseJoiners[w] {
			if len(part) > 0 {
				c.parts = append(c.parts, distinct(part))
			}
			part = nil
		} else if isTerm(w) {
			part = append(part, text.Stem(foldSpelling(w)))
		}
	}
	for _, w := range all {
		if !isTerm(w) {
			continue
		}
		folded := text.Stem(foldSpelling(w))
		c.terms = append(c.terms, folded)
		if c.written == nil {
			c.written = map[string]string{}
		}
		if _, ok := c.written[folded]; !ok {
			c.written[folded] = w
		}
		if plain := text.Stem(w); plain != folded {
			// "raised" is folded to "raized" to meet "raized"; its
			// synonyms ("upgrade") are listed under "rais".
			if c.unfolded == nil {
				c.unfolded = map[string]string{}
			}
			c.unfolded[folded] = plain
		}
	}
	c.terms = distinct(c.terms)
	c.bound = append(boundFacts(sentence), gapOrSumFacts(sentence)...)
	c.strong = strongWords(clauses, true)
	for i, w := range clauses {
		if claimHedges[w] && !(w == "may" && isMonth(clauses, i)) {
			c.hedged = true
		}
		if emphatics[w] {
			c.emphatic = true
		}
		if strings.HasPrefix(w, "warn") || strings.HasPrefix(w, "caution") {
			c.warns = true
		}
	}
	if len(words) > 0 && words[0].capital {
		c.first = text.Stem(lowerFolded(words[0].text))
		c.firstForms = nameForms[lowerFolded(words[0].text)]
		if isAcronym(words[0].text) {
			c.firstAcronym = strings.ToLower(words[0].text)
		}
	}
	return c
}

// timeUnits are the units a number of them is bound to: "six months" is
// not "six years".
var timeUnits = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
	"year": "year", "years": "year", "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
	"percent": "%", "per": "%", "%": "%",
}

// boundFacts lists the pairs of facts of text that must occur together in
// a passage: a month and the year after it (a day between them or
// before the month may be left out) and a number and its unit of time or
// percent sign.
func boundFacts(text string) []string {
	text = thousandsComma.ReplaceAllString(text, "$1$2")
	tokens := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '-' || r == '–' || r == '(' || r == ')'
	})
	var out []string
	for i, tok := range tokens {
		tok = strings.Trim(tok, ".;:!?\"“”‘’'")
		if m := months[tok]; m != "" {
			for j := i + 1; j < len(tokens) && j <= i+2; j++ {
				next := strings.Trim(tokens[j], ".;:!?\"“”‘’'")
				if len(next) == 4 && isDigits(next) {
					out = append(out, "month:"+m+" "+next)
					break
				}
				if !isDigits(next) {
					break
				}
			}
		}
		value := normaliseNumber(strings.TrimSuffix(tok, "%"))
		if !isDigits(strings.ReplaceAll(value, ".", "")) {
			value = numberWords[tok]
		}
		if value == "" || strings.HasSuffix(value, "%") {
			continue
		}
		if atLeast(tokens, i) {
			out = append(out, "more than "+value)
		}
		if strings.HasSuffix(tok, "%") {
			out = append(out, value+" %")
			continue
		}
		if i+1 < len(tokens) {
			if u := timeUnits[strings.Trim(tokens[i+1], ".;:!?\"“”‘’'")]; u != "" {
				out = append(out, value+" "+u)
			}
		}
	}
	return out
}

// atLeast reports whether the number tokens[i] is given as a floor:
// "more than 13", "over twenty", "at least 36". A sentence that gives a
// floor needs a passage that gives one: "as many as 13" is not "more than
// 13".
func atLeast(tokens []string, i int) bool {
	before := func(k int) string {
		if i-k < 0 {
			return ""
		}
		return strings.Trim(tokens[i-k], ".;:!?\"“”‘’'")
	}
	switch before(1) {
	case "over":
		// "over twenty years" is a span of time, not a floor.
		return i+1 >= len(tokens) || timeUnits[strings.Trim(tokens[i+1], ".;:!?\"“”‘’'")] == "" || timeUnits[strings.Trim(tokens[i+1], ".;:!?\"“”‘’'")] == "%"
	case "above", "exceeding":
		return true
	case "than":
		return before(2) == "more" || before(2) == "greater"
	case "least":
		return before(2) == "at"
	case "of":
		return before(2) == "upwards"
	}
	return false
}

// thousandsComma is a comma between the digits of a number: "1,000".
var thousandsComma = regexp.MustCompile(`(\d),(\d{3})`)

// spanInYears is the same span of time in years, or in decades or
// centuries, as a bound fact ("2 decade" is "20 year"), with the number
// it counts: "two decades" says 20 years, "20 years" two decades.
func spanInYears(bound string) (other, number string) {
	n, unit, ok := strings.Cut(bound, " ")
	if !ok || !isDigits(n) {
		return "", ""
	}
	v, err := strconv.Atoi(n)
	if err != nil || v > 10000 {
		return "", ""
	}
	switch unit {
	case "decade":
		return strconv.Itoa(v*10) + " year", strconv.Itoa(v * 10)
	case "century":
		return strconv.Itoa(v*100) + " year", strconv.Itoa(v * 100)
	case "year":
		if v%100 == 0 && v >= 100 {
			return strconv.Itoa(v/100) + " century", strconv.Itoa(v / 100)
		}
		if v%10 == 0 && v >= 10 {
			return strconv.Itoa(v/10) + " decade", strconv.Itoa(v / 10)
		}
	}
	return "", ""
}

// namesOf lists the forms of a name: itself, its stem, its other forms.
func namesOf(lower string) []string {
	forms := []string{lower}
	forms = append(forms, nameForms[lower]...)
	// A people's country's forms too: "Vietnamese forces" where the
	// passage has "Hanoi" (Vietnamese → Vietnam → Hanoi).
	for _, f := range nameForms[lower] {
		for _, g := range nameForms[f] {
			if !slices.Contains(forms, g) {
				forms = append(forms, g)
			}
		}
	}
	// "Americans" is "American".
	if one, ok := strings.CutSuffix(lower, "s"); ok && len(nameForms[one]) > 0 {
		forms = append(forms, one)
		forms = append(forms, nameForms[one]...)
	}
	if s := text.Stem(lower); s != lower {
		forms = append(forms, "stem:"+s)
	}
	// "Secretary of Defense" for "Secretary of Defence".
	if f := foldSpelling(lower); f != lower {
		forms = append(forms, f)
	}
	return forms
}

// word is one word of a sentence as written.
type word struct {
	text    string
	capital bool // written with a capital letter
	first   bool // the sentence's first word (or the first after a colon or quote)
}

// sentenceWords splits a sentence into words, keeping "U.S." whole (as
// "us") and noting capitals and sentence starts.
func sentenceWords(sentence string) []word {
	var out []word
	first := true
	for _, f := range strings.FieldsFunc(sentence, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == '/' || r == '(' || r == ')'
	}) {
		startsQuote := strings.ContainsAny(f[:min(len(f), 3)], "\"“‘'")
		trimmed := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
		if strings.ContainsAny(trimmed, "\"“”‘’'") {
			// A quote closed before the stop: `Asians".` is Asians.
			trimmed = strings.TrimRight(trimmed, ".,;:!?\"“”‘’'")
		}
		trimmed = strings.TrimSuffix(trimmed, "’s")
		trimmed = strings.TrimSuffix(trimmed, "'s")
		if trimmed == "U.S" || trimmed == "U.S." || trimmed == "US" {
			trimmed = "us"
			out = append(out, word{text: trimmed, capital: true, first: first})
			first = false
			continue
		}
		trimmed = strings.Trim(trimmed, ".")
		if trimmed == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(trimmed)
		if unicode.IsLetter(r) {
			out = append(out, word{text: trimmed, capital: unicode.IsUpper(r), first: first || startsQuote})
		}
		first = strings.HasSuffix(f, ":") || strings.HasSuffix(f, ".") && !strings.Contains(trimmed, ".") && len(trimmed) > 3
	}
	return out
}

// normaliseNumber writes a number without thousands separators: "1,000" →
// "1000"; "56.9" stays.
func normaliseNumber(s string) string {
	if strings.Count(s, ",") > 0 {
		parts := strings.Split(s, ",")
		thousands := true
		for _, p := range parts[1:] {
			if len(p) != 3 && !strings.Contains(p, ".") {
				thousands = false
			}
		}
		if thousands {
			s = strings.Join(parts, "")
		}
	}
	return strings.TrimRight(strings.TrimSuffix(s, "."), ",")
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
