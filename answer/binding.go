package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// A year of the sentence may be in its passage and still be wrong: "Obama
// ended the U.S. arms embargo in 2013" where the passage has "In 2013,
// the two countries signed the comprehensive partnership, and three years
// after that, President Barack Obama announced the end of the U.S. arms
// embargo", or "Vietnam embarked on doi moi reforms in 1978" where it has
// "When Vietnam embarked on doi moi reforms in 1986 …, as the latter had
// started its open door and reform policy earlier in 1978". The year is
// the passage's, but the event it dates there is another: the passage
// dates the sentence's event otherwise, by another year or by a time
// counted from another event ("three years after that": relativeTime).

// yearInText is a year written in figures; "1990s" is a decade, not a year.
var yearInText = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b(?:[^s\d]|$)`)

// eraYearOf is a year of an era, its figures captured: "AD 939", "111BC",
// "939 AD" (eraYear, without them).
var eraYearOf = regexp.MustCompile(`\bA\.?D\.?\s?(\d{1,4})\b|\b(\d{1,4})\s?(?:BC|B\.C\.|AD|BCE|CE)\b`)

// eraWords are the names of eras, which date and name nothing.
var eraWords = wordSet("ad bc bce ce")

// yearsIn lists the years of text, as written in figures.
func yearsIn(text string) []string {
	var out []string
	for _, m := range yearInText.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	for _, m := range eraYearOf.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1]+m[2])
	}
	return out
}

// yearClauseBreak ends a clause of a sentence.
var yearClauseBreak = regexp.MustCompile(`[,;:()\[\]—–]`)

// thousands is the comma of a number in figures: "3,200".
var thousands = regexp.MustCompile(`(\d),(\d{3})\b`)

// dayAndYear is the comma of a date: "December 12, 2023".
var dayAndYear = regexp.MustCompile(`(\d),\s+(\d{4})\b`)

// Thresholds of misdatedYear, swept on the labelled sets: the passage's
// other dated clause must hold at least minRivalTerms of the words the
// sentence's year stands with, and minRivalLead more than any clause of
// the passage that holds the year.
const (
	minRivalTerms = 3
	minRivalLead  = 2
)

// clausesOf splits a sentence into clauses at commas, semicolons, colons,
// brackets and dashes; a clause of fewer than three words, or one that
// only dates the next ("In 2013", "and three years after that"), is
// joined to the next.
func clausesOf(sentence string) []string {
	var out []string
	carry := ""
	// The comma of a number ("3,200") parts nothing.
	sentence = thousands.ReplaceAllString(sentence, "$1\x00$2")
	for _, part := range yearClauseBreak.Split(dayAndYear.ReplaceAllString(sentence, "$1 $2"), -1) {
		part = strings.ReplaceAll(strings.Join(strings.Fields(carry+" "+part), " "), "\x00", ",")
		if n := len(strings.Fields(part)); n < 3 || n <= 5 && (len(yearsIn(part)) > 0 || relativeTime.MatchString(part)) {
			carry = part
			continue
		}
		carry = ""
		out = append(out, part)
	}
	if carry != "" {
		if len(out) > 0 {
			out[len(out)-1] += " " + carry
		} else {
			out = append(out, carry)
		}
	}
	return out
}

// misdatedYear returns a year of sentence that the passage (its
// sentences, sents) gives to another event than the one the sentence
// dates with it, or "". The words of the sentence's clause that holds
// the year (and no other date) are looked for in each clause of the passage: a clause that
// does not hold the year but is dated otherwise (another year, "three
// years after that") must hold clearly more of them than every clause
// that holds it.
func misdatedYear(sentence string, sents []string, synonyms retrieval.Synonyms, stems map[string]string) string {
	type passageClause struct {
		text  string
		read  passageText
		dated bool // by a year or a relative time
	}
	var clauses []passageClause
	for _, s := range sents {
		for _, cl := range clausesOf(s) {
			clauses = append(clauses, passageClause{text: cl, dated: len(yearsIn(cl)) > 0 || relativeTime.MatchString(cl)})
		}
	}
	var none passageText
	stated := map[string]bool{}
	for _, b := range boundFacts(strings.Join(sents, " ")) {
		stated[b] = true
	}
	for _, cl := range clausesOf(withoutMarkers(sentence)) {
		// A clause that dates two events ("normalised relations in 1991
		// and upgraded ties in 2008", "came three months after Biden's
		// visit") does not say which words go with its year; nor does one
		// whose month the passage does not state but counts ("in
		// September 2023" for "three months after" an event of December
		// 2023: derivedFacts), its year is the count's.
		years := yearsIn(cl)
		if len(years) != 1 || relativeTime.MatchString(cl) || slices.ContainsFunc(boundFacts(cl), func(b string) bool { return strings.HasPrefix(b, "month:") && !stated[b] }) {
			continue
		}
		for _, year := range years {
			words := readClaim(strings.Replace(cl, year, "", 1))
			words.synonyms = map[string][]string{}
			for _, t := range words.terms {
				words.synonyms[t] = synonyms[t]
			}
			// Its names count as its words: "Obama", "Vietnam".
			var names [][]string
			for _, sp := range nameSpans(nameTokens(cl), true) {
				if !sp.number && !slices.Contains(words.terms, strings.Join(sp.words, " ")) && !(len(sp.words) == 1 && eraWords[sp.words[0]]) {
					names = append(names, sp.words)
				}
			}
			if len(words.terms)+len(names) < minRivalTerms {
				continue
			}
			inYear, rival, heldAnywhere := 0, 0, false
			for i := range clauses {
				p := &clauses[i]
				holds := yearIn(p.text, year)
				if !holds && !p.dated {
					continue
				}
				if p.read.terms == nil {
					p.read = readStretch([]string{p.text}, synonyms, stems)
				}
				n := 0
				for _, t := range words.terms {
					if p.read.covers(words, t, none) {
						n++
					}
				}
				for _, name := range names {
					if !slices.ContainsFunc(name, func(w string) bool { return !p.read.words[w] }) {
						n++
					}
				}
				if holds {
					heldAnywhere = true
					inYear = max(inYear, n)
				} else {
					rival = max(rival, n)
				}
			}
			if heldAnywhere && rival >= minRivalTerms && rival >= inYear+minRivalLead {
				return year
			}
		}
	}
	return ""
}

// yearIn reports whether text holds year as a year.
func yearIn(text, year string) bool {
	return slices.Contains(yearsIn(text), year)
}

// A name of the sentence may be in its passage and still be wrong: "Xi
// and Peng Liyuan were met at the Hanoi airport by President Vo Van
// Thuong" where the passage has "They were greeted at the Hanoi airport
// by Vietnamese Prime Minister Pham Minh Chinh" and names Vo Van Thuong
// among those Xi will meet; "an opinion piece in a Chinese state
// newspaper" where it has "an opinion piece published in the newspaper of
// the Vietnamese Communist Party" and says "Chinese" of other things. The
// name is the passage's, but the clause that says what the sentence's
// clause says gives another name in its place: the same reading as for
// years, with the clause's words and their synonyms, not only the words
// next to the name (swaps.go).

// nameBinding is how well the passage binds a name of the sentence to
// what the sentence's clause says: the most of the clause's other words
// (and names) that a clause of the passage holding the name holds
// (held), and that a clause putting another name in its place holds
// (rival).
type nameBinding struct {
	shown       string
	held, rival int
	// heldItself is held for the clauses that hold the name itself, not
	// only a name that shares a form of one of its words.
	heldItself      int
	heldAnywhere    bool
	enoughToCompare bool
}

// nameBindings reads the bindings of the names of sentence (its spans,
// claimed) in the passage (its sentences, sents). A clause puts another
// name in a name's place when it lacks the name and holds a name the
// sentence lacks, in the same place (samePlace) or as the people of the
// same noun (sameNoun).
func nameBindings(sentence string, claimed []nameSpan, sents []string, synonyms retrieval.Synonyms, stems map[string]string) []nameBinding {
	type passageClause struct {
		text  string
		names []nameSpan
		read  passageText
	}
	// A name of the passage is the sentence's own when the sentence has
	// every word of it ("Pham Minh Chinh" is not "Hanoi"'s, though
	// "Vietnamese" is).
	var ownWords []string
	for _, c := range claimed {
		if !c.number {
			ownWords = append(ownWords, c.words...)
		}
	}
	own := func(n nameSpan) bool { return !lacks(n.words, ownWords, nil) }
	var clauses []passageClause
	for _, s := range sents {
		for i, cl := range clausesOf(s) {
			// A sentence's first word is capitalised whether or not it is
			// a name; a later clause's is a name ("During their meeting,
			// Trong and Xi agreed").
			clauses = append(clauses, passageClause{text: cl, names: nameSpans(nameTokens(cl), i == 0)})
		}
	}
	var none passageText
	var out []nameBinding
	for k, cl := range clausesOf(withoutMarkers(sentence)) {
		spans := nameSpans(nameTokens(cl), k == 0)
		for _, sp := range spans {
			if sp.number {
				continue
			}
			words := readClaim(cl)
			words.synonyms = map[string][]string{}
			var terms []string
			for _, t := range words.terms {
				if slices.Contains(sp.words, t) {
					continue
				}
				terms = append(terms, t)
				words.synonyms[t] = synonyms[t]
			}
			var names [][]string
			for _, o := range spans {
				if !o.number && !sameSpan(o, sp) {
					names = append(names, o.words)
				}
			}
			b := nameBinding{shown: sp.shown, enoughToCompare: len(terms)+len(names) >= minRivalTerms}
			for i := range clauses {
				p := &clauses[i]
				holds := slices.ContainsFunc(p.names, func(n nameSpan) bool { return !n.number && sameSpan(sp, n) })
				// The name itself, not one that shares a form of a word
				// with it ("Hanoi" is not "Vietnamese President Vo Van
				// Thuong").
				holdsItself := slices.ContainsFunc(p.names, func(n nameSpan) bool {
					return !n.number && (!lacks(sp.words, n.words, n.written) || len(n.words) > 1 && !lacks(n.words, sp.words, sp.written))
				})
				// Another name in the name's place: "greeted at the Hanoi
				// airport by Vietnamese Prime Minister Pham Minh Chinh".
				other := slices.ContainsFunc(p.names, func(n nameSpan) bool { return !n.number && !own(n) && (samePlace(sp, n) || sameNoun(sp, n)) })
				if !holds && !other {
					continue
				}
				if p.read.terms == nil {
					p.read = readStretch([]string{p.text}, synonyms, stems)
				}
				n := 0
				for _, t := range terms {
					if p.read.covers(words, t, none) {
						n++
					}
				}
				for _, name := range names {
					if slices.ContainsFunc(p.names, func(m nameSpan) bool { return !m.number && sameSpan(nameSpan{words: name}, m) }) {
						n++
					}
				}
				if holdsItself {
					b.heldItself = max(b.heldItself, n)
				}
				if holds {
					b.heldAnywhere = true
					b.held = max(b.held, n)
				} else {
					b.rival = max(b.rival, n)
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// misboundName returns a name of the bindings the passage does not give
// to what the sentence's clause says, or "": a clause putting another
// name in its place holds at least minRivalTerms of the clause's other
// words, and minRivalLead more than every clause that holds the name.
func misboundName(bindings []nameBinding) string {
	for _, b := range bindings {
		if b.enoughToCompare && b.heldAnywhere && b.rival >= minRivalTerms && b.rival >= b.held+minRivalLead {
			return b.shown
		}
	}
	return ""
}

// boundWell reports whether the passage binds the name shown to what its
// clause of the sentence says (bindings): a clause holding the name holds
// at least minRivalTerms of the clause's other words, and no fewer than
// any clause that puts another name in its place.
func boundWell(bindings []nameBinding, shown string) bool {
	for _, b := range bindings {
		if b.shown == shown && b.heldItself >= minRivalTerms && b.heldItself >= b.rival {
			return true
		}
	}
	return false
}

// The doer of the sentence's verb may be a name of the passage and still
// be wrong: "A week after the meeting, Trong himself met President Biden"
// where the passage has "a week after the Trong-Xi meeting, Vietnamese
// Prime Minister Pham Minh Chinh met with President Joe Biden … to extend
// an invitation from Trong". The passage gives the verb another doer and
// never this one.

// doerSkips are the words that may stand between a doer and its verb:
// "Trong himself met", "Xi later visited".
var doerSkips = wordSet("himself herself itself themselves also then later again first once reportedly personally")

// doerVerb is the word after a span, past the words doerSkips lists,
// and where it is, or "".
func doerVerb(tokens []nameToken, end int) (string, int) {
	for ; end < len(tokens); end++ {
		t := tokens[end]
		if t.text == "" || t.capital || t.number {
			return "", 0
		}
		if !doerSkips[t.lower] {
			if text.IsStopWord(t.lower) {
				return "", 0
			}
			return t.lower, end
		}
	}
	return "", 0
}

// objectAfter is the words of the name the verb at i bears on ("met with
// President Joe Biden"), past at most three small words, or nil.
func objectAfter(tokens []nameToken, i int) []string {
	j := i + 1
	for ; j < len(tokens) && j <= i+3 && tokens[j].text != "" && !tokens[j].capital && text.IsStopWord(tokens[j].lower); j++ {
	}
	var words []string
	for ; j < len(tokens) && tokens[j].capital && !tokens[j].number && tokens[j].text != ""; j++ {
		if !titles[tokens[j].lower] && !text.IsStopWord(tokens[j].lower) {
			words = append(words, tokens[j].lower)
		}
	}
	return words
}

// deed is a verb of a text with the names before it in its clause (its
// doers: "Xi and Trong agreed" gives "agreed" both) and the name it bears
// on.
type deed struct {
	verb   string // stemmed
	doers  [][]string
	object []string
	doer   []string // the name right before the verb
}

// deedsOf lists the deeds of one sentence's tokens. forClaim: the first
// word is capitalised whether or not it is a name, so that a one-word
// run there counts only if it is a known name ("Roughly half …").
func deedsOf(tokens []nameToken, forClaim bool) []deed {
	var out []deed
	var before [][]string
	for i := 0; i < len(tokens); {
		t := tokens[i]
		if t.text == "" {
			before = nil
			i++
			continue
		}
		if !t.capital || t.number || text.IsStopWord(t.lower) {
			i++
			continue
		}
		j := i
		var words []string
		for j < len(tokens) && tokens[j].capital && !tokens[j].number && tokens[j].text != "" {
			if !titles[tokens[j].lower] && !text.IsStopWord(tokens[j].lower) {
				words = append(words, tokens[j].lower)
			}
			j++
		}
		if forClaim && i == 0 && j == 1 && len(nameForms[t.lower]) == 0 {
			words = nil
		}
		if len(words) > 0 {
			before = append(before, words)
			if v, at := doerVerb(tokens, j); v != "" {
				if object := objectAfter(tokens, at); len(object) > 0 {
					out = append(out, deed{verb: text.Stem(v), doers: slices.Clone(before), object: object, doer: words})
				}
			}
		}
		i = j
	}
	return out
}

// swappedDoer returns a name of the sentence that does its verb to a
// name ("Trong met Biden") where the passage has the same verb, or a
// synonym, done to that name only by other names ("Pham Minh Chinh met
// with President Joe Biden"), or "".
func swappedDoer(sentence string, sents []string, synonyms retrieval.Synonyms) string {
	claimed := deedsOf(nameTokens(sentence), true)
	if len(claimed) == 0 {
		return ""
	}
	var given []deed
	for _, s := range sents {
		given = append(given, deedsOf(nameTokens(s), false)...)
	}
	// Two names are the same when the words of one are words of the
	// other ("Biden", "Joe Biden"), strictly so (a city is not its people:
	// "Hanoi" is not "Vietnamese Prime Minister Pham Minh Chinh") when
	// the sentence's doer is the passage's object.
	within := func(a, b []string) bool {
		return !slices.ContainsFunc(a, func(x string) bool {
			return !slices.ContainsFunc(b, func(y string) bool { return x == y || text.Stem(x) == text.Stem(y) })
		})
	}
	strict := func(a, b []string) bool { return within(a, b) || within(b, a) }
	same := func(a, b []string) bool { return !lacks(a, b, nil) || !lacks(b, a, nil) }
	for _, c := range claimed {
		verbs := append([]string{c.verb}, synonyms[c.verb]...)
		found, done := false, false
		for _, g := range given {
			if !slices.Contains(verbs, g.verb) && !slices.Contains(synonyms[g.verb], c.verb) {
				continue
			}
			doneBy := func(n []string) bool {
				return slices.ContainsFunc(g.doers, func(d []string) bool { return same(n, d) })
			}
			// The deed of the passage that bears on either name: "Pham
			// Minh Chinh met with President Joe Biden" for "Trong met
			// Biden" and for "Biden met Trong".
			if !same(c.object, g.object) && !strict(c.doer, g.object) {
				continue
			}
			found = true
			// The same two names, whichever way round ("Biden met Chinh").
			if same(c.object, g.object) && doneBy(c.doer) || strict(c.doer, g.object) && doneBy(c.object) {
				done = true
			}
		}
		if found && !done {
			return strings.Join(c.doer, " ")
		}
	}
	return ""
}

// A direction of the sentence may be the passage's and still be wrong:
// "integrate southern Vietnam into its northern supply chain networks"
// where the passage has "integrate the northern region of Vietnam into its
// southern supply chain networks". The passage gives the thing the
// direction qualifies another direction, and never this one.

// directions are the words that place a thing by a point of the compass.
var directions = map[string]string{
	"north": "north", "northern": "north", "south": "south", "southern": "south",
	"east": "east", "eastern": "east", "west": "west", "western": "west",
}

// directed lists each direction of words with the stem of the word it
// qualifies (the next word, past "the"), as "north supply".
func directed(words []string) []string {
	var out []string
	for i, w := range words {
		d := directions[w]
		if d == "" {
			continue
		}
		j := i + 1
		for j < len(words) && words[j] == "the" {
			j++
		}
		if j < len(words) && !text.IsStopWord(words[j]) && directions[words[j]] == "" {
			out = append(out, d+" "+text.Stem(words[j]))
		}
	}
	return out
}

// swappedDirection returns a direction of the sentence, with the word it
// qualifies, that the passage (its sentences) gives that word only with
// another direction, or "".
func swappedDirection(sentence string, sents []string) string {
	claimed := directed(text.Words(sentence))
	if len(claimed) == 0 {
		return ""
	}
	given := directed(text.Words(strings.Join(sents, " ")))
	for _, c := range claimed {
		_, thing, _ := strings.Cut(c, " ")
		other := slices.ContainsFunc(given, func(g string) bool { return strings.HasSuffix(g, " "+thing) && g != c })
		if other && !slices.Contains(given, c) {
			return c
		}
	}
	return ""
}

// A date of the sentence may be the passage's and still be wrong: "Trong
// suffered a stroke in January 2021" where the passage has "after his
// re-election … in January 2021 and after he suffered a stroke in April
// 2019". The words the sentence dates ("suffered a stroke") stand right
// before another date in the passage, and never before this one, which
// the passage gives to another event and not in a list with the other
// ("three visits to China in April 2015, January 2017 and October 2022").

// dateListSpan is how many words apart two dates of one list may be.
const dateListSpan = 6

// datedWords lists each month-and-year of words (text.Words) as "january
// 2021", with where its month is and the stems of the two content words
// before it (past small words and a day: "suffered a stroke in").
func datedWords(words []string) (dates []string, at []int, before [][]string) {
	for i := 0; i+1 < len(words); i++ {
		m := months[words[i]]
		if m == "" || len(words[i+1]) != 4 || !isDigits(words[i+1]) || m == "may" && !isMonth(words, i) {
			continue
		}
		var ctx []string
		for j := i - 1; j >= 0 && j >= i-5 && len(ctx) < 2; j-- {
			if text.IsStopWord(words[j]) || isDigits(words[j]) {
				continue
			}
			ctx = append(ctx, text.Stem(words[j]))
		}
		dates, at, before = append(dates, m+" "+words[i+1]), append(at, i), append(before, ctx)
	}
	return dates, at, before
}

// swappedDate returns a month and year of sentence that the passage (its
// sentences, sents) puts after other words, while it puts the words the
// sentence dates with it before another date (above), or "".
func swappedDate(sentence string, sents []string) string {
	claimed, _, claimedBefore := datedWords(text.Words(sentence))
	if len(claimed) == 0 {
		return ""
	}
	words := text.Words(strings.Join(sents, " "))
	given, at, givenBefore := datedWords(words)
	for ci, d := range claimed {
		ctx := claimedBefore[ci]
		if len(ctx) < 2 {
			continue
		}
		rival, kept := false, false
		for gi, g := range given {
			shares := 0
			for _, s := range ctx {
				if slices.Contains(givenBefore[gi], s) {
					shares++
				}
			}
			switch {
			case g == d && shares > 0:
				kept = true
			case g != d && shares == len(ctx):
				// Not where the date is one of a list with this one.
				inList := false
				for k, a := range at {
					inList = inList || given[k] == d && abs(a-at[gi]) <= dateListSpan
				}
				rival = rival || !inList
			}
		}
		if rival && !kept && slices.Contains(given, d) {
			return d
		}
	}
	return ""
}
