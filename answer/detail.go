package answer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// The detail a question asks for, which the answering sentence must give
// itself:
//   - a name the question does not already hold: "What was the name of
//     the spokesperson who …?", "Who led the delegation …?", "Which
//     Chinese leaders did he meet?" are not answered by a sentence that
//     names only the question's own people and places;
//   - the verb of a "Which leaders did X meet?" or "Which members
//     co-chair …?": what the named people did;
//   - a role held in the asked direction: "Vietnam's ambassador to China"
//     is not China's ambassador to Vietnam;
//   - a place of the asked kind after a preposition: "Near which islands
//     …?", "In which ports …?";
//   - a day, when the question asks a date more precisely than a month or
//     a year: "On what exact date in November 2015 …?";
//   - the first (or last) of a series, when the question asks for it:
//     "the first of the 17 workshops" is not the 17 workshops;
//   - a time scope's side: "before he first became general secretary" is
//     not answered by what happened since he became it.

// askedDetail is what a question asks for in detail, read once.
type askedDetail struct {
	name       bool            // asks for a name
	strictName bool            // a title is no name: "What was the name of the spokesperson …?"
	verb       string          // the stem of what the asked people did
	doers      bool            // the asked people do it: "Which members co-chair …?", not "Which envoy did Trong send …?"
	kind       string          // the noun they are asked by: "envoy" of "Which envoy did Trong send …?"
	kindOf     []string        // the words before it: "Political Bureau" of "Which Political Bureau members …?"
	nameByKind bool            // the name must stand by the noun: "the name of the spokesperson who …"
	role       []roleDirection // "Vietnam's ambassador to China"
	place      string          // the stem of the kind of place asked after a preposition
	day        bool            // asks a day of the month
	weekday    bool            // a day of the week answers it too
	ordinal    string          // "first" or "last" of a series
	scope      timeScope       // "before he first became general secretary"
	deed       string          // the stem of what the asked person did: "travel" of "Who travelled with Xi?"
	named      string          // the question without a name it guesses: "Who greeted Xi, Pham Minh Chinh?" names Xi
	companion  bool            // asks who did it with someone: "Who travelled with Xi?"
}

// asks reports whether the question asks for any detail.
func (d askedDetail) asks() bool {
	return d.name || d.verb != "" || len(d.role) > 0 || d.place != "" || d.day || d.ordinal != "" || d.scope.order != orderNone
}

// readAskedDetail reads what a question asks for in detail.
func readAskedDetail(question string) askedDetail {
	d := askedDetail{role: roleDirections(question), place: placeKindAfterPreposition(question), scope: askedTimeScope(question, readFocus(question))}
	asked := mainQuestion(question) // "Besides Xi, which Chinese leaders …?" asks as "which Chinese leaders …?"; Xi stays the question's own
	d.name, d.strictName = asksName(asked)
	d.named = question
	if loc := guessedName.FindStringIndex(question); loc != nil && whoDid.MatchString(asked) {
		d.named = question[:loc[0]] + "?"
	}
	if d.name && whoDid.MatchString(asked) {
		d.deed = askedPredicate(asked)
		d.companion = d.deed != "" && whoDidWith.MatchString(asked)
	}
	d.verb = askedPeoplesVerb(asked)
	d.doers = d.verb != "" && peopleDoIt(asked)
	d.companion = d.companion || d.doers && peopleDidWith.MatchString(asked)
	if k, ok := nameOfPerson(asked); ok {
		words := strings.Fields(asked)
		d.kind = strings.ToLower(trimWord(words[k]))
		d.nameByKind = true
		of := slices.IndexFunc(words, func(w string) bool { return strings.EqualFold(w, "of") })
		for _, w := range words[max(of+1, k-3):k] { // "the name of China's ambassador": "name" is no modifier
			if lower := strings.ToLower(w); !text.IsStopWord(lower) {
				d.kindOf = append(d.kindOf, nameKey(trimWord(w)))
			}
		}
	} else if k, ok := whichPersonNoun(asked); ok {
		words := strings.Fields(asked)
		d.kind = strings.ToLower(trimWord(words[k]))
		for _, w := range words[1:k] {
			if lower := strings.ToLower(trimWord(w)); !text.IsStopWord(lower) && !auxiliaries[lower] && !isCount(lower) {
				d.kindOf = append(d.kindOf, nameKey(trimWord(w)))
			}
		}
	}
	if asksDay.MatchString(question) {
		d.day = true
		d.weekday = !exactDate.MatchString(question)
	}
	if m := seriesEnd.FindStringSubmatch(question); m != nil && !timeNouns[strings.ToLower(m[2])] {
		d.ordinal = "first"
		if !seriesFirstWords[strings.ToLower(strings.Fields(m[1])[0])] {
			d.ordinal = "last"
		}
	}
	return d
}

// missing is the rule by which sents[i] does not give the asked detail,
// or "" when it gives it (or the question asks none).
func (d askedDetail) missing(sents []sentence, i int, question string, synonyms retrieval.Synonyms) string {
	sentence := withoutReferences(sents[i].text)
	switch {
	case d.verb != "" && !holdsPredicateNear(sents, i, d.verb, synonyms) && (d.doers || !d.namesOfKind(sentence, question)):
		return "asked people's verb" // "Which leaders did Le Hong Anh meet?" needs a meeting; "Which members co-chair …?" their chairing
	case d.doers && !d.doerInVerbClause(sentence, question, synonyms):
		return "asked people's clause" // "Which US president signed …?" is not answered by "the two countries signed …, and President Obama announced …"
	case d.name && !namesSomeoneNew(sentence, d.named, d.strictName):
		return "asked name" // "What was the name of the spokesperson …?" needs a name
	case d.nameByKind && !d.namesOfKind(sentence, question):
		return "asked name" // "What was the name of the spokesperson …?" needs a name
	case d.deed != "" && !namesSomeoneNew(withoutOtherAgents(sentence, d.named, d.deed, synonyms), d.named, d.strictName):
		return "asked name's deed" // "Who travelled with Xi?" is not answered by who greeted him
	case wrongDirection(sentence, d.role):
		return "role's direction" // "Vietnam's ambassador to China" is not China's to Vietnam
	case d.place != "" && !namesThingOfKind(sentence, question, d.place):
		return "place of the kind" // "Near which islands …?" needs the islands' name
	case d.day && !holdsDay(sentence, d.weekday):
		return "day" // "On what exact date in November 2015 …?" needs a day
	case d.ordinal != "" && !ordinalOf(d.ordinal).MatchString(sentence):
		return "first of a series" // "the first of the 17 workshops" needs a first
	case scopeOnWrongSide(sentence, textBefore(sents, i), d.scope, synonyms):
		return "time scope's side" // "before he became" is not "since he became"
	case d.companion && !withSomeone.MatchString(sentence):
		return "companion" // "Who travelled with Xi?" is not who travelled alone ("Biden traveled to Vietnam")
	}
	return ""
}

// clauseBreak ends a clause within a sentence: a semicolon, or a comma
// before a conjunction that opens another ("…, and three years after
// that, President Barack Obama announced …").
var clauseBreak = regexp.MustCompile(`(?i)[;:]\s+|,\s+(?:and|but|while|whereas|yet)\s+|\s+while\s+`)

// doerInVerbClause reports whether a clause of the sentence that holds the
// asked verb names someone, of the asked kind or by name, as the verb's
// subject or object: people a question asks to have done it are named
// where it is said ("Which US president signed the partnership?" is not
// answered by "the two countries signed the partnership, and President
// Obama announced …"; "Yu ranked fourth" answers "Which Chinese leader
// ranked fourth?"). A sentence whose clauses do not hold the verb
// (a neighbour says it) is read whole.
func (d askedDetail) doerInVerbClause(sentence, question string, synonyms retrieval.Synonyms) bool {
	holding := false
	for _, clause := range clauseBreak.Split(sentence, -1) {
		if !holdsPredicate(verbTerms(clause), d.verb, synonyms) {
			continue
		}
		holding = true
		clause = withoutOtherAgents(clause, question, d.verb, synonyms)
		if d.namesOfKind(clause, question) || namesSomeoneNew(clause, question, true) { // strictly: "President" of the clause is no name the question gives
			return true
		}
	}
	return !holding && d.namesOfKind(sentence, question)
}

// namesOfKind reports whether a sentence names someone new by the asked
// noun, with every word the question puts before it: "special envoy Le
// Hong Anh" answers "Which envoy did Trong send …?" in any verb, "Le Hong
// Anh, a Politburo member" does not answer "Which Political Bureau
// members …?".
func (d askedDetail) namesOfKind(sentence, question string) bool {
	words := wordToken.FindAllString(sentence, -1)
	have := map[string]bool{}
	for _, w := range words {
		have[nameKey(w)] = true
		have[text.Stem(nameKey(w))] = true
		have[strings.ReplaceAll(nameKey(w), ".", "")] = true // "U.S." is the "US" asked
		if base := demonymBase(nameKey(w)); base != "" {
			have[base] = true
		}
	}
	for _, w := range d.kindOf {
		if !have[w] && !have[text.Stem(w)] && !have[demonymBase(w)] {
			return false // "Vietnamese" is said by "Vietnam's" too
		}
	}
	kind := text.Stem(d.kind)
	for k, w := range words {
		if text.Stem(nameKey(w)) != kind {
			continue
		}
		window := strings.Join(words[max(0, k-4):min(len(words), k+5)], " ")
		if namesSomeoneNew("the "+window, question, true) {
			return true
		}
	}
	return false
}

// personKinds are the nouns of a "Which …?" question that ask to name
// people or organisations.
var personKinds = wordSet("leader leaders official officials member members spokesperson spokespersons spokesman spokeswoman minister ministers secretary secretaries ambassador ambassadors envoy envoys diplomat diplomats president presidents premier expert experts analyst analysts scholar scholars researcher researchers general generals officer officers captain captains commander commanders people person persons individual individuals company companies firm firms politician politicians wife husband spouse son daughter")

var (
	// whoAsks is a question asking who: "Who led …?", "Whom did Trong send …?".
	whoAsks = regexp.MustCompile(`^\W*(?i:who|whom)\b`)
	// whoIsName asks about a person it names: "Who is Vo Van Thuong?".
	// whoBe asks who holds a role: "Who was Vietnam's ambassador …?".
	whoBe     = regexp.MustCompile(`^\W*(?i:who)\s+(?i:is|was|are|were)\s+(.*)$`)
	whoIsName = regexp.MustCompile(`^\W*(?i:who)\s+(?i:is|was|are|were)\s+(?:(?:the\s+)?\p{Lu}[\p{L}.\-]*\s*)+\?*\s*$`)
)

// asksName reports whether a question asks to name someone: "What was the
// name of …?" and "Which Chinese leaders …?" (strictly: a title is no
// name), or "Who …?" (a title or a body the question does not give
// names someone: "a Political Bureau member from each side"), but not who
// wrote it, who a named person is, nor "Who is China's largest trading
// partner …?", which asks for something other than a person.
func asksName(question string) (asks, strict bool) {
	q := strings.TrimSpace(question)
	if nameOf.MatchString(q) {
		return true, true
	}
	if whoAsks.MatchString(q) {
		if questionCue(q) == cueAuthor || whoIsName.MatchString(q) {
			return false, false
		}
		if m := whoBe.FindStringSubmatch(q); m != nil {
			head, counted := "", false
			for _, w := range strings.Fields(m[1]) {
				lower := strings.ToLower(trimWordParens(w))
				if head == "" && (lower == "the" || isCount(lower)) {
					counted = counted || isCount(lower)
					continue // "Who are the two Politburo members …?"
				}
				if text.IsStopWord(lower) {
					break
				}
				head = lower
				if personKinds[lower] || strings.ContainsAny(w, "?,;") {
					break
				}
			}
			if !personKinds[head] {
				return false, false
			}
			return true, counted // people counted by their role are asked by name: "Who are the two Politburo members …?"
		}
		return true, false
	}
	_, ok := whichPersonNoun(q)
	return ok, ok
}

// nameOfPerson is the index, among a "What was the name of …?"
// question's words, of the noun of the person it asks to name, within
// five words of "of": "the Chinese foreign ministry spokesperson who …" →
// spokesperson.
func nameOfPerson(question string) (int, bool) {
	q := strings.TrimSpace(question)
	if !nameOf.MatchString(q) {
		return 0, false
	}
	words := strings.Fields(q)
	of := slices.IndexFunc(words, func(w string) bool { return strings.EqualFold(w, "of") })
	if of < 0 {
		return 0, false
	}
	for k := of + 1; k < min(len(words), of+7); k++ {
		if personKinds[strings.ToLower(trimWord(words[k]))] {
			return k, true
		}
	}
	return 0, false
}

// whichPersonNoun is the index, among the question's words, of the noun
// a "Which …?" question asks to name people by ("Which two foreign oil
// companies …" → companies), when its words before it are neither small
// words nor auxiliaries ("What did the Chinese leaders say?" asks none).
func whichPersonNoun(question string) (int, bool) {
	words := strings.Fields(question)
	if len(words) < 2 {
		return 0, false
	}
	first := strings.ToLower(strings.Trim(words[0], "\"“"))
	if first != "which" && first != "what" && first != "who" {
		return 0, false
	}
	from := 1
	if be := strings.ToLower(words[1]); be == "is" || be == "are" || be == "was" || be == "were" {
		from = 2 // "Which were the two foreign oil companies …?"
		for from < len(words) && (strings.EqualFold(words[from], "the") || isCount(strings.ToLower(words[from]))) {
			from++
		}
		if from == 2 {
			return 0, false // "Which is …" without "the": no noun to name by
		}
	} else if first == "who" {
		return 0, false // "Who led …?" names people by no noun
	}
	for k := from; k < min(len(words), from+4); k++ {
		w := strings.ToLower(trimWord(words[k]))
		if personKinds[w] {
			return k, true
		}
		if text.IsStopWord(w) || auxiliaries[w] {
			return 0, false
		}
	}
	return 0, false
}

// relativeWords open a clause saying what the people a noun names did.
var relativeWords = wordSet("who")

// exclusionLead is a question's opening that sets some names aside:
// "Besides Xi, …", "Apart from Peng Liyuan, …".
var exclusionLead = regexp.MustCompile(`^\W*(?i:besides|apart\s+from|aside\s+from|other\s+than|except\s+for|excluding|in\s+addition\s+to)\s+[^,?]+,\s*`)

// mainQuestion is the question after an opening that sets names aside
// ("Besides Xi, which Chinese leaders attended …?" → "which Chinese
// leaders attended …?"): what it asks is read there, while the names set
// aside stay the question's own, which a sentence naming only them does
// not answer.
func mainQuestion(question string) string {
	if loc := exclusionLead.FindStringIndex(question); loc != nil {
		return question[loc[1]:]
	}
	return question
}

// isCount reports whether a word is a count: "two" or "2".
func isCount(w string) bool {
	if _, ok := numberWords[w]; ok {
		return true
	}
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// askedPeoplesVerb is the stem of the verb of a "Which …?" question that
// names people by a noun: what they did ("Which members co-chair the
// platform?" → chair), or what was done to them ("Which Chinese leaders
// did special envoy Le Hong Anh meet in Beijing?" → meet: the last
// lowercase content word before the first small word after one).
func askedPeoplesVerb(question string) string {
	k, ok := whichPersonNoun(question)
	if !ok {
		return ""
	}
	words := strings.Fields(question)[k+1:]
	clean := func(w string) string { return trimWordParens(w) }
	// The noun's own "of": "Which US Secretary of Defense visited …?"
	if len(words) > 1 && strings.EqualFold(words[0], "of") && startsWithCapital(clean(words[1])) {
		words = words[1:]
		for len(words) > 0 && startsWithCapital(clean(words[0])) {
			words = words[1:]
		}
	}
	if len(words) > 1 && relativeWords[strings.ToLower(words[0])] {
		words = words[1:] // "Who are the two members who co-chair …?": co-chair
	} else if whoAsks.MatchString(question) {
		return "" // "Who was the spokesperson quoted on …?": a participle, no deed asked
	}
	if len(words) == 0 {
		return ""
	}
	verb := ""
	if first := strings.ToLower(clean(words[0])); auxiliaries[first] {
		for _, w := range words[1:] {
			w = clean(w)
			lower := strings.ToLower(w)
			if w == "" || startsWithCapital(w) || strings.HasSuffix(lower, "'s") || strings.HasSuffix(lower, "’s") {
				continue
			}
			if text.IsStopWord(lower) || auxiliaries[lower] {
				if verb != "" && lower != "to" {
					break // "was Xi scheduled to meet": meet
				}
				continue
			}
			verb = lower
		}
	} else if w := clean(words[0]); !startsWithCapital(w) && !text.IsStopWord(strings.ToLower(w)) {
		verb = strings.ToLower(w)
	}
	if verb == "" {
		return ""
	}
	t := lastTerm(verb)
	if broadVerbs[t] || lightVerbs[verb] || speechVerbs[t] {
		return ""
	}
	return t
}

// peopleDoIt reports whether the people a "Which …?" question names by a
// noun are the subject of its verb, which follows the noun ("Which
// Politburo members co-chair the platform?"): the sentence must say they
// do it, and "Le Hong Anh, a Politburo member" names one who does
// something else. When an auxiliary follows the noun, someone else does
// it to them ("Which envoy did Trong send …?"), and the sentence may name
// the envoy in any verb.
func peopleDoIt(question string) bool {
	k, ok := whichPersonNoun(question)
	if !ok {
		return false
	}
	words := strings.Fields(question)[k+1:]
	return len(words) > 0 && !auxiliaries[strings.ToLower(trimWordParens(words[0]))]
}

// speechVerbs are what people are named by saying, which a sentence may
// quote them saying in other words ("Which spokeswoman defended …?").
var speechVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("talk talked speak spoke defend defended argue argued claim claimed insist insisted discuss discussed comment commented remark remarked note noted state stated criticize criticized criticise criticised praise praised warn warned urge urged announce announced deny denied reject rejected welcome welcomed express expressed stress stressed emphasize emphasized remind reminded caution cautioned describe described outline outlined") {
		m[text.Stem(w)] = true
	}
	return m
}()

// titleWords are capitalised words that name no one by themselves: titles,
// bodies, months and days ("President", "Politburo", "December").
var titleWords = wordSet("president prime minister general secretary party communist ministry foreign affairs chairman premier ambassador mr mrs ms madame central committee state government politburo political bureau congress national assembly army navy coast guard people's republic socialist january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday")

// placeNames are the places and peoples of the reading list's region,
// which name no one a "Who …?" asks for.
var placeNames = wordSet("china vietnam us u.s usa america united states russia japan philippines cambodia taiwan asia asean beijing hanoi washington moscow europe west western east eastern south north sea island islands")

// placeNouns end the names of places: "Paracel Islands", "Red River".
var placeNouns = wordSet("island islands sea seas strait bay gulf river delta mountain mountains province city airport port harbour harbor")

// namesSomeoneNew reports whether a sentence names someone (a capitalised
// word that is neither a title, a month, a place nor a people) whom the
// question does not name: "Xiong Bo" for "Who is China's ambassador to
// Vietnam?". A sentence's first word names someone only when the next
// word is capitalised too; a letter alone ("U" of "U.S.") names no one.
func namesSomeoneNew(sentence, question string, strict bool) bool {
	asked := map[string]bool{}
	for _, w := range wordToken.FindAllString(question, -1) {
		asked[nameKey(w)] = true
	}
	if !strict {
		for _, w := range wordToken.FindAllString(question, -1) {
			asked[possessiveEnd.ReplaceAllString(strings.ToLower(w), "")] = true
		}
	}
	locs := wordToken.FindAllStringIndex(sentence, -1)
	toks := make([]string, len(locs))
	for k, l := range locs {
		toks[k] = sentence[l[0]:l[1]]
	}
	// A name is a run of capitalised words with only spaces between:
	// "Xi Jinping" is the Xi a question names, not someone new; a run is
	// asked when one of its words that is no title, place or people is;
	// "…Guangxi University for Nationalities, Ge Hongliang" are two.
	for start := 0; start < len(toks); {
		end := start
		for end < len(toks) && startsWithCapital(toks[end]) && (end == start || strings.TrimSpace(sentence[locs[end-1][1]:locs[end][0]]) == "") {
			end++
		}
		if end == start {
			start++
			continue
		}
		run := toks[start:end]
		if start == 0 && text.IsStopWord(strings.ToLower(run[0])) {
			run = run[1:] // "During Xi Jinping's visit …"
		}
		if runNamesSomeoneNew(run, start == 0, asked, strict) {
			return true
		}
		start = end
	}
	return false
}

// runNamesSomeoneNew reports whether a run of capitalised words names
// someone the question does not: a word of it that is neither a month, a
// place nor a people (nor, strictly, a title: a title or a body the
// question does not give names someone otherwise), in a run none of whose
// other such words the question names. A sentence's first word names someone only when the
// next word is capitalised too; a letter alone ("U" of "U.S.") names no
// one.
func runNamesSomeoneNew(run []string, first bool, asked map[string]bool, strict bool) bool {
	if first && len(run) < 2 {
		return false
	}
	if len(run) > 1 && placeNouns[nameKey(run[len(run)-1])] {
		return false // a place: "the Paracel Islands", "the Red River"
	}
	named, isAsked := false, false
	for k, w := range run {
		key := nameKey(w)
		if !strict && titleWords[key] && titleOfAsked(run[k+1:], asked) {
			return false // "President Xi Jinping" for a question naming Xi
		}
		if len([]rune(key)) < 2 || strict && titleWords[key] || placeNames[key] || demonymBase(key) != "" || asked[demonymBase(key)] || monthStems[text.Stem(key)] || weekDay.MatchString(key) {
			continue
		}
		if asked[key] {
			isAsked = true
			continue
		}
		named = true
	}
	return named && !isAsked
}

// titleOfAsked reports whether the capitalised words after a title name
// one of the question's own names: "President" of "President Xi Jinping".
func titleOfAsked(next []string, asked map[string]bool) bool {
	for _, w := range next {
		key := nameKey(w)
		if !startsWithCapital(w) {
			return false
		}
		if !titleWords[key] {
			return asked[key]
		}
	}
	return false
}

// nameKey is a word as a name is compared: lower case, folded, without a
// possessive.
func nameKey(w string) string { return lowerFolded(possessiveEnd.ReplaceAllString(w, "")) }

// roleDirection is a role held by one country towards another:
// "Vietnam's ambassador to China" (from viet, to chin).
type roleDirection struct{ role, from, to string }

// directedRole is "X's ROLE to Y" or "the X ROLE to Y".
var directedRole = regexp.MustCompile(`(\p{Lu}[\p{L}.]*)(?:['’]s)?\s+(?:(?:new|former|top|chief|special|deputy)\s+)?(?i:(ambassador|envoy|consul|representative|delegate)s?)\s+(?i:to)\s+(?:the\s+)?(\p{Lu}[\p{L}.]*)`)

// roleDirections are the roles held towards a country a text names.
func roleDirections(s string) []roleDirection {
	var out []roleDirection
	for _, m := range directedRole.FindAllStringSubmatch(s, -1) {
		out = append(out, roleDirection{strings.ToLower(m[2]), countryKey(m[1]), countryKey(m[3])})
	}
	return out
}

// countryKey is a country's or its people's word as compared: its first
// four letters ("Chinese" and "China" → chin, "U.S." → us).
func countryKey(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if unicode.IsLetter(r) && b.Len() < 4 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wrongDirection reports whether a sentence gives the asked role only in
// another direction: "China's Ambassador to Vietnam Xiong Bo" for "Who
// was Vietnam's ambassador to China?".
func wrongDirection(sentence string, asked []roleDirection) bool {
	if len(asked) == 0 {
		return false
	}
	other := false
	for _, got := range roleDirections(sentence) {
		for _, want := range asked {
			if got.role != want.role {
				continue
			}
			if got == want {
				return false
			}
			other = true
		}
	}
	return other
}

// prepositionWhich is a question opening with a preposition before
// "which": "Near which islands …?", "In which Vietnamese ports …?".
var prepositionWhich = regexp.MustCompile(`^\W*(?i:near|in|at|on|off|from|to|into|around|across|along|inside|outside|within|between)\s+((?i:which)\s+.*)$`)

// placeKindAfterPreposition is the stem of the kind of named thing such
// a question asks for ("Near which islands …" → island), or "".
func placeKindAfterPreposition(question string) string {
	m := prepositionWhich.FindStringSubmatch(strings.TrimSpace(question))
	if m == nil {
		return ""
	}
	return namedThingKind("Which" + m[1][len("which"):])
}

var (
	// asksDay asks for a day: "On what exact date …?", "On which day of
	// August 2014 …?", "What date …?".
	asksDay = regexp.MustCompile(`(?i)\b(?:what|which)\s+(?:exact\s+|precise\s+|specific\s+)?(?:date|day)\b|\bexact\s+date\b`)
	// exactDate asks a date itself, which a day of the week does not give.
	exactDate = regexp.MustCompile(`(?i)\b(?:exact|precise|specific)\s+date|\bwhat\s+date\b|\bwhich\s+date\b`)
	// dayOfMonth is a day of a month: "December 12", "12 December",
	// "Oct. 31", "2023-12-12", "October 30th".
	dayOfMonth = regexp.MustCompile(`(?i)\b(?:` + monthAlternation + `)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:` + monthAlternation + `)\b|\b\d{4}-\d{2}-\d{2}\b`)
	// weekDay is a day of the week.
	weekDay = regexp.MustCompile(`(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
)

// monthAlternation are the months' names and abbreviations.
const monthAlternation = `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`

// holdsDay reports whether a sentence gives a day of a month (or, when
// weekday, of the week).
func holdsDay(sentence string, weekday bool) bool {
	return dayOfMonth.MatchString(sentence) || weekday && weekDay.MatchString(sentence)
}

// seriesEnd asks for the first or the last of a series: "the first of the
// 17 workshops", "the earliest exchange", "the most recent of".
var seriesEnd = regexp.MustCompile(`(?i)\bthe\s+(?:very\s+)?(first|earliest|initial|inaugural|last|latest|final|most\s+recent)\s+(of|[\p{L}-]+)\b`)

// timeNouns after "the first" ask no series' end: "the first time", "the
// last decade".
var timeNouns = wordSet("time times year years decade decades month months week weeks day days")

// seriesFirstWords are the words of a series' first.
var seriesFirstWords = wordSet("first earliest initial inaugural")

var (
	// firstOfSeries singles out a series' first: a word for it, or the
	// first item of an enumerated list ("namely (i) no military alliance
	// …; (ii) …", "(1)", "1.", "a)", "firstly").
	firstOfSeries = regexp.MustCompile(`(?i)\b(?:first|firstly|earliest|initial|inaugural|began|begun|started|opened|launched)\b|(?:^|[\s:;,—–-])\(?(?:i|1|a)\)\s+\S|(?:^|[\s:;—–])1\.\s+\p{L}`)
	lastOfSeries  = regexp.MustCompile(`(?i)\b(?:last|latest|final|most\s+recent|recently|ended|closed)\b`)
)

// ordinalOf is what singles out a series' first or last in a sentence.
func ordinalOf(ordinal string) *regexp.Regexp {
	if ordinal == "first" {
		return firstOfSeries
	}
	return lastOfSeries
}

// orderingAdverbs are the stems of words that order an event among
// others without naming it: "before he first became".
var orderingAdverbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("first again once ever still already initially originally") {
		m[text.Stem(w)] = true
	}
	return m
}()

// scopeOnWrongSide reports whether a sentence that places nothing on a
// question's time scope's side (no marker of that order, no year on that
// side, no reaction after the sentence before it) names the scope's event
// only by a word that orders it ("Trong's visit was the first by a
// foreign leader since Xi …" for "before he first became general
// secretary"), or only right after a marker of the other order: "Since Xi
// became general secretary in 2012, Trong made three visits" tells what
// came after.
func scopeOnWrongSide(sentence, before string, s timeScope, synonyms retrieval.Synonyms) bool {
	if s.order == orderNone {
		return false
	}
	if yearsOnOtherSide(sentence, s) {
		return true // "previously visited Vietnam in November 2015" is not before 2012
	}
	if s.holdsMarker(sentence, s.order, synonyms) || s.yearPlaces(sentence) || s.order == orderAfter && responseMarker.MatchString(before) {
		return false
	}
	event := timeScope{names: s.names}
	for _, t := range s.terms {
		if !orderingAdverbs[t] {
			event.terms = append(event.terms, t) // "first" of "before he first became" names no event
		}
	}
	if !event.namesEvent(sentence, synonyms) {
		return true
	}
	own := event // the event's own words name it, not the names around it
	if len(event.terms) > 0 {
		own = timeScope{terms: event.terms}
		if !own.namesEvent(sentence, synonyms) {
			return true // "communist-led" is not "became general secretary of the Communist Party"
		}
	}
	_, preposition := s.order.opposite().markers()
	for _, loc := range preposition.FindAllStringIndex(sentence, -1) {
		after := strings.Fields(sentence[loc[1]:])
		if event.namesEvent(strings.Join(after[:min(eventWindow, len(after))], " "), synonyms) {
			// "Xi's visit comes three months after Biden travelled":
			// the event named before the marker is what came after.
			return !own.namesEvent(sentence[:loc[0]], synonyms)
		}
	}
	return false
}

// yearsOnOtherSide reports whether every year a sentence gives lies on
// the other side of the scope's year: 2015 and 2023 are after "before
// he became general secretary in 2012".
func yearsOnOtherSide(sentence string, s timeScope) bool {
	years := yearLike.FindAllString(withoutReferences(sentence), -1)
	if s.year == "" || len(years) == 0 {
		return false
	}
	for _, y := range years {
		if y == s.year || s.order == orderBefore && y < s.year || s.order == orderAfter && y > s.year {
			return false // the scope's own year is on neither side
		}
	}
	return true
}

// whoDidWith is "Who VERBed with …?": it asks who did it with someone.
var whoDidWith = regexp.MustCompile(`(?i)^\W*who\s+\p{Ll}+\s+(?:\p{Ll}+\s+)?(?:with|alongside)\b`)

// peopleDidWith is "Which NOUN VERBed with …?", people asked by a noun
// who did it with someone: "Which Chinese officials travelled with Yu
// Zhengsheng?".
var peopleDidWith = regexp.MustCompile(`(?i)^\W*(?:which|what)\s+(?:[\p{L}.'’-]+\s+){1,4}?\p{Ll}+\s+(?:\p{Ll}+\s+)?(?:with|alongside)\b`)

// withSomeone is a sentence telling of a companion: "arrived … with his
// wife", "accompanied by", "together", "alongside".
var withSomeone = regexp.MustCompile(`(?i)\b(?:with|accompan\w*|together|alongside|joined\s+by)\b`)

// guessedName is a name a "Who …?" question ends with after a comma, the
// asker's guess at the answer: "Who greeted Xi at the airport, Pham Minh
// Chinh?" is answered by the sentence that names him greeting Xi.
var guessedName = regexp.MustCompile(`,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*\s*\?\s*$`)

// passiveAgent is a passive verb and the name of its doer after "by": "were
// greeted at the Hanoi airport by Vietnamese Prime Minister Pham Minh
// Chinh". The doer is a run of capitalised words (with "the" before it).
var passiveAgent = regexp.MustCompile(`\b(?:is|are|was|were|be|been|being)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)\b[^.;:]*?\bby\s+((?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)`)

// activeVerb is what follows a name that opens a clause: its verb, after
// modals and auxiliaries, and the rest of the clause: " will meet …
// Nguyen Phu Trong, President Vo Van Thuong …".
var activeVerb = regexp.MustCompile(`^\s+((?:(?:will|would|can|could|may|might|shall|should|must|is|are|was|were|has|have|had|did|does|do|also|then|later|to)\s+)*)(\p{Ll}+)\b([^.;:]*)`)

// looksFinite reports whether a word after a subject, with no auxiliary
// before it, reads as its verb: a past ("expelled", "met") or a present
// in -s ("visits"); "French domination lasted" has a noun after "French".
func looksFinite(w string) bool {
	return strings.HasSuffix(w, "ed") || pastOf[w] != "" || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// clauseOpening ends the text before a clause's subject: nothing, a
// comma or a semicolon, or a conjunction.
var clauseOpening = regexp.MustCompile(`(?:^|[,;]\s*|\b(?:and|but|while|when|as|after|before)\s+)$`)

// accordingTo names the source of a report, who did not do what it
// reports: "According to Vietnam’s Foreign Ministry, President Xi will …".
var accordingTo = regexp.MustCompile(`(?i)(\baccording\s+to\s+)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*`)

// infinitive is a verb after "to": "sent Yu Zhengsheng to visit".
var infinitive = regexp.MustCompile(`\bto\s+(\p{Ll}+)\b`)

// timePossessor is a name whose event dates a clause: "During Xi
// Jinping’s visit, China and Vietnam signed …" says when they signed, not
// that Xi signed.
var timePossessor = regexp.MustCompile(`(?i)(\b(?:during|after|before|since|following|until|ahead\s+of)\s+(?:the\s+)?)\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*['’]s\b`)

// capitalRun is a run of capitalised words: a name, with its titles.
var capitalRun = regexp.MustCompile(`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*`)

// withoutOtherAgents is a sentence without the names that stand in another
// role than the doer of the asked deed: the doer of a passive of another
// verb ("They were greeted … by Pham Minh Chinh" names who greeted them,
// not who travelled with them), and the objects of another verb whose
// subject is one of the question's own people ("President Xi will meet
// Nguyen Phu Trong, … and Pham Minh Chinh" names whom Xi meets, not who
// travelled with him; but "Xi sent Yu to visit Vietnam" names Yu
// visiting), and the source of a report ("According to
// Vietnam's Foreign Ministry"), unless the deed is saying something, and
// a name whose event dates the clause ("During Xi Jinping’s visit"). A
// name in the deed's role, by the deed or a
// synonym of it, stays.
func withoutOtherAgents(sentence, question, deed string, synonyms retrieval.Synonyms) string {
	other := func(verb string) bool { return !holdsPredicate(text.Terms(verb), deed, synonyms) }
	sentence = passiveAgent.ReplaceAllStringFunc(sentence, func(m string) string {
		sub := passiveAgent.FindStringSubmatchIndex(m)
		if !other(m[sub[2]:sub[3]]) {
			return m
		}
		return m[:sub[4]] + "someone"
	})
	if !speechVerbs[deed] {
		sentence = accordingTo.ReplaceAllString(sentence, "${1}someone")
	}
	sentence = timePossessor.ReplaceAllString(sentence, "${1}someone's")
	asked := map[string]bool{}
	for _, w := range wordToken.FindAllString(question, -1) {
		if k := nameKey(w); startsWithCapital(w) && !titleWords[k] && !text.IsStopWord(k) {
			asked[k] = true
		}
	}
	var b strings.Builder
	last := 0
	for _, loc := range capitalRun.FindAllStringIndex(sentence, -1) {
		if loc[0] < last || !clauseOpening.MatchString(sentence[:loc[0]]) || !slices.ContainsFunc(wordToken.FindAllString(sentence[loc[0]:loc[1]], -1), func(w string) bool { return asked[nameKey(w)] }) {
			continue
		}
		m := activeVerb.FindStringSubmatchIndex(sentence[loc[1]:])
		if m == nil || !other(sentence[loc[1]+m[4]:loc[1]+m[5]]) || m[3] == m[2] && !looksFinite(sentence[loc[1]+m[4]:loc[1]+m[5]]) {
			continue
		}
		objects := loc[1] + m[6]
		if slices.ContainsFunc(infinitive.FindAllStringSubmatch(sentence[objects:loc[1]+m[7]], -1), func(v []string) bool { return !other(v[1]) }) {
			continue // "Xi Jinping sent Yu Zhengsheng to visit Vietnam": Yu does the deed
		}
		b.WriteString(sentence[last:objects])
		b.WriteString(capitalRun.ReplaceAllString(sentence[objects:loc[1]+m[7]], "someone"))
		last = loc[1] + m[7]
	}
	b.WriteString(sentence[last:])
	return b.String()
}
