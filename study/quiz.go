package study

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// Limits of a round.
const (
	// DefaultCount is the length of a round when none is asked for.
	DefaultCount = 5
	// MaxCount is the longest round the generator makes.
	MaxCount = 50
	// optionsPerQuestion: the answer and three distractors.
	optionsPerQuestion = 4
)

// ErrNoQuestions is returned when the passages hold no fact to ask about.
var ErrNoQuestions = errors.New("the reading list has no sentence to make a question from")

// Generator makes quiz questions without a model from the sentences of a
// reading list. It is read-only once made, so safe for concurrent use.
type Generator struct {
	sents      []sentence
	lx         *lexicon
	facts      [][]fact       // per sentence
	candidates []candidate    // every question that can be asked
	byKind     map[Kind][]ref // every fact, by kind, for distractors
	// common holds the facts too common to ask or offer (see tooCommonShare).
	common map[string]bool
	// nameSources counts the sources that write each capitalised word.
	nameSources map[string]int
	// gazetteerCache keeps gazetteerFacts by answer (rounds run at once).
	// latestYear is the latest year the reading list writes.
	latestYear float64
	// usage is how the reading list uses each name.
	usage          *usage
	gazetteerMu    sync.Mutex
	gazetteerCache map[string][]fact
	// sourceCountries counts, by source, the sentences naming each
	// country (by name or capital).
	sourceCountries map[string]map[string]int
	// sourceLatest is the latest year each source writes.
	sourceLatest map[string]float64
	// titles are the titles the reading list writes before each person,
	// by full name ("prime minister"; see titleBefore).
	titles map[string]map[string]bool
}

// ref names a fact of a sentence.
type ref struct{ sent, fact int }

// candidate is a question that can be asked: a fact of a sentence and the
// question made from the rest of it.
type candidate struct {
	ref
	question string
	score    float64
	// askable: the reading list has three fair distractors for it.
	askable bool
}

// NewGenerator reads the passages (all of the reading list: distractors
// come from anywhere in it).
func NewGenerator(passages []retrieval.Passage) *Generator {
	g := &Generator{sents: splitSentences(passages), byKind: map[Kind][]ref{}, gazetteerCache: map[string][]fact{}}
	g.lx = newLexicon(g.sents)
	g.facts = make([][]fact, len(g.sents))
	for i, s := range g.sents {
		fs := numericFacts(s.plain)
		for _, f := range g.lx.nameFacts(s.plain) {
			if !slices.ContainsFunc(fs, func(o fact) bool { return f.start < o.end && o.start < f.end }) {
				fs = append(fs, f)
			}
		}
		slices.SortFunc(fs, func(a, b fact) int { return a.start - b.start })
		g.facts[i] = fs
		if !s.usable {
			continue // distractors come from prose too
		}
		for j := range fs {
			g.byKind[fs[j].kind] = append(g.byKind[fs[j].kind], ref{i, j})
			if fs[j].kind == KindYear {
				g.latestYear = max(g.latestYear, fs[j].value)
			}
		}
	}
	g.readSources()
	g.usage = g.newUsage()
	g.findCandidates()
	return g
}

// Len is how many different questions the generator can ask.
func (g *Generator) Len() int { return len(g.candidates) }

// tooCommonShare: a name in more of the usable sentences than this (the
// two countries a reading list is about) is no fact worth asking.
const tooCommonShare = 0.08

// kindWeight: how much a question of each kind is worth asking.
var kindWeight = map[Kind]float64{KindPerson: 1, KindAgreement: 1, KindPercent: 1, KindAmount: 1, KindYear: 0.9, KindDate: 0.9,
	KindNumber: 0.9, KindOrganisation: 0.8, KindPlace: 0.8, KindCountry: 0.7, KindOrdinal: 0.6}

// findCandidates makes a question of every fact that can be asked alone.
func (g *Generator) findCandidates() {
	usable := 0
	df := map[string]int{}
	for i, s := range g.sents {
		if !s.usable {
			continue
		}
		usable++
		seen := map[string]bool{}
		for _, f := range g.facts[i] {
			if !seen[f.key] {
				seen[f.key] = true
				df[f.key]++
			}
		}
	}
	g.common = map[string]bool{}
	for key, n := range df {
		if n > 2 && float64(n) > tooCommonShare*float64(usable) && !strings.HasPrefix(key, "year:") {
			g.common[key] = true
		}
	}
	g.nameSources = map[string]int{}
	seenIn := map[string]bool{}
	for _, s := range g.sents {
		for _, t := range tokens(s.plain) {
			if k := t.text + "\x00" + s.passage.Source; isCapitalised(t.text) && !seenIn[k] {
				seenIn[k] = true
				g.nameSources[t.text]++
			}
		}
	}
	for i, s := range g.sents {
		if !s.usable || cutAfterAbbreviation(s.plain) || danglingOpening(s.plain) || !formerLatterResolved(s.plain) || leansOnContext(s.plain) || unresolvedPronoun(s.plain) {
			continue
		}
		for j, f := range g.facts[i] {
			if kindWeight[f.kind] == 0 || g.common[f.key] || g.bareName(i, j) {
				continue
			}
			if g.leaks(i, j) || f.start > 0 && s.plain[f.start-1] == '(' {
				continue // an acronym right after the name it stands for
			}
			if !g.anchored(i, j) {
				continue // "Over _____ people lost their lives": where, when?
			}
			if f.kind == KindOrdinal && !ordinalCarriesMeaning(s.plain, f) {
				continue // "the second annual forum": a minor detail
			}
			if (f.kind == KindYear || f.kind == KindDate) && (namesNoEvent(s.plain, f) || startsARanking(s.plain, f)) {
				continue // "as had happened in _____": what happened?
			}
			if g.missingReferent(s.plain[:f.start] + "_____" + s.plain[f.end:]) {
				continue // "The two countries normalized relations in …": which?
			}
			if (f.kind == KindCountry || f.kind == KindPlace) && attributive(s.plain, f) {
				continue // "the Ukraine war": another country is no war's name
			}
			q, proper := makeQuestion(s.plain, f)
			if !proper {
				if p := properQuestion(s.plain, f, g.known); p != "" {
					q, proper = p, true
				}
			}
			if q == "" {
				continue
			}
			score := kindWeight[f.kind]
			if proper {
				score *= 1.3
			}
			if n := len(text.Words(s.plain)); n < 12 || n > 40 {
				score *= 0.7
			}
			g.candidates = append(g.candidates, candidate{ref: ref{i, j}, question: q, score: score})
		}
	}
	// A fact the reading list has too few fair distractors for is asked in
	// no round (how many fit does not depend on the draw, only which).
	for i, c := range g.candidates {
		g.candidates[i].askable = len(g.distractors(c.ref, newRand(0))) >= optionsPerQuestion-1
	}
}

// leaks reports whether the rest of the sentence gives the fact away: the
// same fact again ("13 … thirteen"), another form of the name, or the
// country's demonym.
func (g *Generator) leaks(i, j int) bool {
	f := g.facts[i][j]
	s := g.sents[i].plain
	rest := s[:f.start] + " " + s[f.end:]
	for k, o := range g.facts[i] {
		if k != j && equivalent(f, o) {
			return true
		}
	}
	if containsWord(strings.ToLower(rest), strings.ToLower(f.text)) {
		return true
	}
	if f.kind == KindPerson {
		for _, w := range f.words {
			if len(w) > 2 && containsWord(strings.ToLower(rest), w) {
				return true
			}
		}
	}
	if f.kind == KindPlace && f.class == "capital" {
		country := g.lx.gaz.places[strings.TrimPrefix(f.key, "place:")].country
		if g.namesCountry(rest, country) {
			return true // "Vietnamese policy according to which _____ will…"
		}
		for k, o := range g.facts[i] {
			if k != j && o.kind == KindPerson && g.lx.nationalities[strings.TrimPrefix(o.key, "person:")] == country {
				return true // "Under the Biden administration, _____ has…"
			}
		}
	}
	if f.kind == KindCountry || f.kind == KindPlace {
		name := strings.TrimPrefix(strings.TrimPrefix(f.key, "country:"), "place:")
		for d, c := range g.lx.gaz.demonyms {
			if c == name && containsWord(rest, d) {
				return true
			}
		}
	}
	return false
}

// anaphoricOpeners begin a sentence that leans on what came before it:
// which talks, which visit, since when.
var anaphoricOpeners = []string{"since then", "in return", "in response", "in turn", "as a result", "at the time", "by then", "after that",
	"the two leaders", "the two sides", "both sides", "both leaders", "the talks", "the visit", "the trip", "the meeting", "the move",
	"the decision", "the deal", "the event", "the statement", "the report", "the fact that", "the country", "the former", "the latter", "the same"}

// leansOnContext reports whether a sentence opens with a phrase that
// points back at the sentences before it.
func leansOnContext(s string) bool {
	clauses := []string{s}
	if head, rest, ok := strings.Cut(s, ", "); ok && len(text.Words(head)) <= 6 {
		clauses = append(clauses, rest) // "On October 31st, the two leaders …"
	}
	for _, c := range clauses {
		lower := strings.ToLower(strings.Join(text.Words(c), " "))
		for _, o := range anaphoricOpeners {
			if lower == o || strings.HasPrefix(lower, o+" ") {
				return true
			}
		}
		if examplesOf.MatchString(lower) {
			return true
		}
	}
	return false
}

// examplesOf opens a sentence that gives examples of what the one before
// it says ("Significant examples include …": of what?).
var examplesOf = regexp.MustCompile(`^(?:\w+ ){0,2}examples? (?:include|includes|are|is|of this|of that)\b`)

// bareName reports whether a sentence names someone or something by one
// capitalised word only ("Yu ranked fourth"), with no title before it,
// that at most one source of the reading list mentions: a reader of the
// question alone would not know who or what that is. except is the fact
// asked, which the question does not show.
func (g *Generator) bareName(i, except int) bool {
	s := g.sents[i]
	for _, span := range nameSpans(s.plain, g.lx.common) {
		if len(span) != 1 || isAcronym(span[0].text) {
			continue
		}
		t := span[0]
		if g.lx.isTypedWord(t.text) || g.lx.isTypedWord(strings.TrimSuffix(t.text, "s")) || monthNumber[t.text] > 0 {
			continue // "the 20th Congress", "in April 2015", "the Americans": no one's name
		}
		if strings.Contains(t.text, "-") || g.lx.lower[strings.ToLower(t.text)] {
			continue // "the Trong-Xi meeting", "heads of State": a modifier, a common word
		}
		if except >= 0 && t.start >= g.facts[i][except].start && t.end <= g.facts[i][except].end {
			continue
		}
		typed := g.lx.typeSpan(s.plain, span)
		if len(typed) > 0 && typed[0].kind != KindPerson {
			continue
		}
		before := tokens(s.plain[:t.start])
		if len(before) > 0 && titleWords[before[len(before)-1].text] {
			continue
		}
		if g.nameSources[t.text] < 2 {
			return true
		}
	}
	return false
}

// anchored reports whether the rest of a sentence says what it is about:
// it names someone or something (or their country, "Vietnamese"), or
// gives a date, besides the fact asked.
func (g *Generator) anchored(i, except int) bool {
	answer := g.facts[i][except]
	for n, t := range tokens(g.sents[i].plain) {
		if n > 0 && isCapitalised(t.text) && (t.end <= answer.start || t.start >= answer.end) {
			return true
		}
	}
	for k, f := range g.facts[i] {
		if k == except {
			continue
		}
		switch f.kind {
		case KindNumber, KindOrdinal, KindPercent, KindAmount:
		default:
			return true
		}
	}
	return false
}

// pronounStarts are the first words of a sentence that lean on the one
// before it.
var pronounStarts = wordList(`it its this that these those they them their he him his she her such both latter former there here another others`)

// headlessOrdinals open a sentence that counts off what the sentence
// before it lists ("The first is …", "The second was …").
var headlessOrdinals = wordList(`first second third fourth fifth last other next final`)

// linkingVerbs follow a headless ordinal: "the first is", not "the first
// visit".
var linkingVerbs = wordList(`is was are were has had concerns concerned involves involved came comes`)

// danglingStart reports whether a sentence cannot be read alone: it starts
// (or its main clause, after a fronted phrase, starts) with a pronoun or a
// pointer to what came before ("the latter"), or it asks a question.
func danglingStart(s string) bool {
	lower := strings.ToLower(s)
	return strings.Contains(lower, "the latter") || strings.Contains(lower, "the former") || danglingOpening(s)
}

// danglingOpening is danglingStart but for "the former" and "the latter"
// after the opening: a question may keep them where the sentence says
// what they choose from (see formerLatterResolved).
func danglingOpening(s string) bool {
	if strings.ContainsAny(s, "?") {
		return true
	}
	words := text.Words(s)
	if len(words) == 0 || pronounStarts[words[0]] {
		return true
	}
	if len(words) >= 3 && words[0] == "the" && headlessOrdinals[words[1]] && linkingVerbs[words[2]] {
		return true // "The first is the agreement …": the first of what the sentence before lists
	}
	if head, rest, ok := strings.Cut(s, ", "); ok && len(text.Words(head)) <= 6 {
		if w := text.Words(rest); len(w) > 0 && pronounStarts[w[0]] {
			return true
		}
	}
	first := strings.TrimLeft(s, "“\"‘'")
	return first != s // a quotation: whose words they are is in the sentence before
}

// formerLatterResolved reports whether every "the former" or "the
// latter" of a sentence has the pair it chooses from before it in the
// sentence: two names, or two capitalised words at least ("In 1979,
// Hanoi and Beijing fought when the former invaded Cambodia").
func formerLatterResolved(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range []string{"the former", "the latter"} {
		for at := 0; ; {
			j := strings.Index(lower[at:], w)
			if j < 0 {
				break
			}
			names := 0
			for _, t := range tokens(s[:at+j]) {
				if isCapitalised(t.text) && !isStop(strings.ToLower(t.text)) {
					names++
				}
			}
			if names < 2 {
				return false
			}
			at += j + len(w)
		}
	}
	return true
}

// known reports whether a word is written in lower case in the reading
// list.
func (g *Generator) known(w string) bool { return g.lx.lower[w] }

// thirdPersonPronouns stand for a name said elsewhere.
var thirdPersonPronouns = wordList(`it its itself they their them themselves he his him himself she her herself`)

// unresolvedPronoun reports whether a sentence uses a pronoun before
// anything it could stand for: no name and no noun after a determiner
// comes before it, and it is not in an opening phrase whose main clause,
// after the comma, starts with a name ("Despite its reliance on trade,
// Hanoi has …" is fine; "In its most recent survey in 2022, when asked …"
// is not: whose survey?).
func unresolvedPronoun(s string) bool {
	toks := tokens(s)
	for n, t := range toks {
		if !thirdPersonPronouns[strings.ToLower(t.text)] {
			continue
		}
		for m := 0; m < n; m++ {
			w := toks[m].text
			if m > 0 && isCapitalised(w) || m == 0 && isCapitalised(w) && !isStop(strings.ToLower(w)) && !subordinators[strings.ToLower(w)] {
				return false // a name before it
			}
			if m > 0 && !isStop(strings.ToLower(w)) && determiners[strings.ToLower(toks[m-1].text)] {
				return false // "the two countries … their"
			}
		}
		if i := strings.Index(s[t.end:], ", "); i >= 0 {
			rest := strings.TrimSpace(s[t.end+i+2:])
			if next := tokens(rest); len(next) > 0 && isCapitalised(next[0].text) {
				return false // "Despite its reliance on trade, Hanoi …"
			}
		}
		return true
	}
	return false
}

// whWords name the kind of the answer in a question about a subject.
func whWord(f fact) string {
	switch f.kind {
	case KindPerson:
		return "who"
	case KindCountry:
		return "which country"
	case KindPlace:
		if f.class == "city" || f.class == "capital" {
			return "which city"
		}
		return "which place"
	case KindAgreement:
		return "which " + f.class
	case KindOrganisation:
		switch f.class {
		case "summit":
			return "which summit"
		case "institution":
			return "which institution"
		case "press":
			return "which publication"
		}
		return "which organisation"
	}
	return ""
}

// cutSecondClause drops a second clause joined by ", and" or ", but"
// from the predicate of a wh-question on the subject: "Which country
// invaded Poland in 1939, and the war that followed redrew the map?"
// asks one thing. A clause is told by a verb in its first words; a list
// ("…, and New Zealand") stays.
func cutSecondClause(predicate string) string {
	for _, c := range []string{", and ", ", but "} {
		i := strings.Index(predicate, c)
		if i < 0 {
			continue
		}
		words := text.Words(predicate[i+len(c):])
		for _, w := range words[:min(len(words), 6)] {
			if auxiliaries[w] || pastVerbs[w] || strings.HasSuffix(w, "ed") && len(w) > 4 {
				return predicate[:i]
			}
		}
	}
	return predicate
}

// auxiliaries are verbs that may follow a subject.
var auxiliaries = wordList(`has have had is are was were will would can could may might must should shall did does do also`)

// looksLikeVerb reports whether the word after a name can be the verb of
// which it is the subject ("… has relied", "… explained", "… warns"), not
// a noun it qualifies ("… spokesperson") nor a connector ("… and").
func looksLikeVerb(w string) bool {
	if auxiliaries[w] {
		return true
	}
	if isStop(w) {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous") && len(w) > 3
}

// makeQuestion turns a sentence into a question whose answer is the fact:
// a wh-question when the fact is the subject of the sentence (first, or
// right after a fronted phrase and its comma), else the sentence with a
// blank. It reports whether the question is a wh-question. It returns ""
// when too little of the sentence is left.
func makeQuestion(s string, f fact) (string, bool) {
	after := s[f.end:]
	if wh := whWord(f); wh != "" && strings.HasPrefix(after, " ") {
		next := text.Words(after)
		prefix := s[:f.start]
		subject := prefix == "" || strings.HasSuffix(prefix, ", ") && !strings.Contains(strings.TrimSuffix(prefix, ", "), ",") && len(text.Words(prefix)) <= 8
		if subject && len(next) > 3 && looksLikeVerb(next[0]) && !isCapitalised(strings.TrimSpace(after)) && f.class != "city" && f.class != "capital" {
			body := strings.TrimSpace(cutSecondClause(after))
			body = strings.TrimRight(body, ". ")
			if strings.HasSuffix(body, ".”") {
				body = strings.TrimSuffix(body, ".”") + "”"
			}
			if prefix == "" {
				wh = strings.ToUpper(wh[:1]) + wh[1:]
			}
			return prefix + wh + " " + body + "?", true
		}
	}
	blanked := s[:f.start] + "_____" + s[f.end:]
	if len(text.Words(blanked)) < 7 {
		return "", false
	}
	return "Fill in the blank: " + blanked, false
}

// RoundOptions says what a round asks about.
type RoundOptions struct {
	// Count is the number of questions; zero means DefaultCount.
	Count int
	// Seed makes the round: the same seed, the same questions.
	Seed uint64
	// Source, when not "", keeps to one file of the reading list.
	Source string
	// Passages, when not nil, keeps to the passages with these chunk IDs
	// (the best ones for a topic).
	Passages map[string]bool
}

// Round is a list of questions; Note says why it is shorter than asked.
type Round struct {
	Questions []Question `json:"questions"`
	Note      string     `json:"note,omitempty"`
}

// Round makes a round of questions without a model: each asks a different
// fact of a different sentence (a sentence twice only when the round
// would otherwise be short), no two have the same answer, spread over the
// sources and the kinds of answer (see kindGroups), with three
// distractors of the same kind from elsewhere in the reading list.
func (g *Generator) Round(opts RoundOptions) (Round, error) {
	count := opts.Count
	if count <= 0 {
		count = DefaultCount
	}
	count = min(count, MaxCount)
	rng := newRand(opts.Seed)
	type pick struct {
		candidate
		priority, tiebreak float64
	}
	var pool []pick
	sources := map[string]bool{}
	best := map[string]float64{} // the best score of each answer's questions
	for _, c := range g.candidates {
		p := g.sents[c.sent].passage
		if opts.Source != "" && p.Source != opts.Source || opts.Passages != nil && !opts.Passages[p.ID] {
			continue
		}
		if !c.askable {
			continue
		}
		sources[p.Source] = true
		key := g.facts[c.sent][c.fact].key
		best[key] = max(best[key], c.score)
		pool = append(pool, pick{candidate: c})
	}
	if len(pool) == 0 {
		return Round{}, ErrNoQuestions
	}
	// One draw for each answer, not for each sentence that gives it: an
	// answer six sentences give ("South China Sea") is no likelier in a
	// round than one that a single sentence gives; which of its sentences
	// asks it is drawn too.
	draws := map[string]float64{}
	for i := range pool {
		key := g.facts[pool[i].sent][pool[i].fact].key
		draw, ok := draws[key]
		if !ok {
			draw = rng.Float64()
			draws[key] = draw
		}
		pool[i].priority, pool[i].tiebreak = best[key]*(0.35+draw), rng.Float64()
	}
	slices.SortStableFunc(pool, func(a, b pick) int {
		return cmp.Or(cmp.Compare(b.priority, a.priority), cmp.Compare(b.tiebreak, a.tiebreak))
	})
	perSource := int(math.Ceil(float64(count) / float64(len(sources))))
	// Pass 0 goes through the sources one after another, in an order
	// drawn for the round, each in its order of draw: in one order for
	// all, the kind caps, filled by the sources first in it, would leave
	// the last ones one kind to ask, and so one of their few questions in
	// nearly every round ("70%" in 63 of 100 rounds of five).
	names := slices.Sorted(maps.Keys(sources))
	rank := map[string]int{}
	for i, k := range rng.Perm(len(names)) {
		rank[names[k]] = i
	}
	// In a round of one question a source, a source with fewer than three
	// answers to ask takes its share in pass 0 in as many rounds as its
	// answers are of three: else one of its two would be in most rounds.
	// Its answers count as many as its sentences at most: a round asks one
	// sentence once ("since joining the WTO in 2007" is one question).
	answersOf, sentencesOf := map[string]map[string]bool{}, map[string]map[int]bool{}
	for _, c := range pool {
		src := g.sents[c.sent].passage.Source
		if answersOf[src] == nil {
			answersOf[src], sentencesOf[src] = map[string]bool{}, map[int]bool{}
		}
		answersOf[src][g.facts[c.sent][c.fact].key] = true
		sentencesOf[src][c.sent] = true
	}
	noShare := map[string]bool{}
	for _, name := range names {
		if n := min(len(answersOf[name]), len(sentencesOf[name])); count <= len(sources) && n < 3 && rng.Float64()*3 >= float64(n) {
			noShare[name] = true
		}
	}
	bySourceOrder := make([]int, len(pool))
	for i := range bySourceOrder {
		bySourceOrder[i] = i
	}
	slices.SortStableFunc(bySourceOrder, func(a, b int) int {
		return cmp.Compare(rank[g.sents[pool[a].sent].passage.Source], rank[g.sents[pool[b].sent].passage.Source])
	})
	// A kind of answer a student tells apart (see kindGroup) takes at most
	// a third of the round (two at least) while other kinds are left. (An
	// equal share of each kind would ask the one place the seeds ask
	// about, the South China Sea, in three rounds of four.)
	perGroup := max(2, int(math.Ceil(float64(count)/3)))
	var round Round
	usedFact, usedAnswer, usedSent, usedQuote := map[string]bool{}, map[string]bool{}, map[int]bool{}, map[string]bool{}
	bySource, byGroup := map[string]int{}, map[string]int{}
	tried := map[int]bool{}
	sentAsked := map[int]int{}
	// Pass 0 spreads the round over the sources and the kinds of answer,
	// pass 1 over the kinds from any source, pass 2 fills it with a fact
	// of a sentence not asked yet, pass 3 with another fact of a sentence
	// asked already (maxPerSentence at most). No two questions have the
	// same answer.
	const repeatPass = 3
	for pass := 0; pass <= repeatPass && len(round.Questions) < count; pass++ {
		for n := range pool {
			i := n
			if pass == 0 {
				i = bySourceOrder[n]
			}
			c := pool[i]
			if len(round.Questions) == count {
				break
			}
			f := g.facts[c.sent][c.fact]
			s := g.sents[c.sent]
			src, group, quote := s.passage.Source, kindGroup(f.kind), s.plain
			if tried[i] || usedFact[f.key] || sentAsked[c.sent] >= maxPerSentence {
				continue
			}
			if pass < repeatPass && (usedSent[c.sent] || usedQuote[quote]) {
				continue
			}
			if pass == 0 && (bySource[src] >= perSource || noShare[src]) || pass < 2 && byGroup[group] >= perGroup {
				continue
			}
			answer := strings.ToLower(f.text)
			if usedAnswer[answer] {
				continue
			}
			tried[i] = true
			q, ok := g.question(c.candidate, rng)
			if !ok || givesAway(round.Questions, q) || usedAnswer[strings.ToLower(q.Correct())] {
				continue
			}
			usedFact[f.key], usedAnswer[answer], usedAnswer[strings.ToLower(q.Correct())] = true, true, true
			usedSent[c.sent], usedQuote[quote] = true, true
			sentAsked[c.sent]++
			bySource[src]++
			byGroup[group]++
			round.Questions = append(round.Questions, q)
		}
	}
	if len(round.Questions) == 0 {
		return Round{}, ErrNoQuestions
	}
	if len(round.Questions) < count {
		round.Note = fmt.Sprintf("The reading list holds material for only %d different questions here, not %d.", len(round.Questions), count)
	}
	return round, nil
}

// kindGroups are the kinds of answer a student tells apart, by Kind: a
// year and a date are both a time, a percentage a number.
var kindGroups = map[string][]Kind{
	"time":         {KindYear, KindDate},
	"number":       {KindNumber, KindPercent, KindAmount, KindOrdinal},
	"person":       {KindPerson},
	"place":        {KindPlace, KindCountry},
	"organisation": {KindOrganisation, KindAgreement},
}

// kindGroup is the kind of answer a student tells apart that k is (see
// kindGroups), or k itself.
func kindGroup(k Kind) string {
	if group, ok := groupOfKind[k]; ok {
		return group
	}
	return string(k)
}

// groupOfKind is kindGroups the other way round.
var groupOfKind = func() map[Kind]string {
	m := map[Kind]string{}
	for group, kinds := range kindGroups {
		for _, k := range kinds {
			m[k] = group
		}
	}
	return m
}()

// givesAway reports whether q and a question of asked would give away
// each other's answers: the text of one holds the answer of the other
// (two facts of one sentence, or one fact told in two).
func givesAway(asked []Question, q Question) bool {
	question, answer := strings.ToLower(q.Question), strings.ToLower(q.Correct())
	for _, other := range asked {
		if strings.Contains(question, strings.ToLower(other.Correct())) || strings.Contains(strings.ToLower(other.Question), answer) {
			return true
		}
	}
	return false
}

// maxPerSentence is how many facts of one sentence a round may ask, when
// it has no other sentences left ("three visits in April 2015, January
// 2017 and October 2022").
const maxPerSentence = 3

// question finishes a candidate: three distractors chosen, options
// shuffled. It fails when the reading list has too few facts of the kind.
func (g *Generator) question(c candidate, rng *rand.Rand) (Question, bool) {
	s := g.sents[c.sent]
	f := g.facts[c.sent][c.fact]
	distractors := g.distractors(c.ref, rng)
	if len(distractors) < optionsPerQuestion-1 || g.givenAway(c.ref, distractors) {
		return Question{}, false
	}
	options := append([]string{f.text}, distractors...)
	order := rng.Perm(len(options))
	q := Question{Question: c.question, Kind: f.kind, Citation: citationOf(s.passage, s.text), fact: f.key}
	for i, o := range order {
		q.Options = append(q.Options, options[o])
		if o == 0 {
			q.Answer = i
		}
	}
	return q, true
}

// roleFree are the sorts of place any other of the sort may stand for,
// whatever the sentence says of it: a sea for a sea, islands for islands.
// An organisation of states is one for another too.
var roleFree = map[string]bool{"water": true, "river": true, "islands": true, "region": true, "continent": true, "site": true, "international": true}

// anyOfItsSort reports whether any other name of the answer's sort may
// stand for it, whatever the sentence says of it (see roleFree): for
// organisations of states, only those known by their acronyms ("joining
// the WTO", "APEC countries"); one named in full may be a union of
// states or a bank, and must fit the sentence as a person must.
func (g *Generator) anyOfItsSort(answer fact) bool {
	if answer.class == "international" {
		return isAcronym(answer.text)
	}
	return roleFree[answer.class]
}

// fitsByTitle reports whether the answer is a person whose role and
// country the reading list or the gazetteer says ("U.S. President Joe
// Biden"): a distractor of the same role and country (see
// fitsTheSentence) fits the answer's place by that alone, whatever the
// words around it.
func (g *Generator) fitsByTitle(answer fact) bool {
	full := strings.TrimPrefix(answer.key, "person:")
	return answer.kind == KindPerson && g.lx.roles[full] != "" && g.lx.roles[full] != "spouse" && g.lx.nationalities[full] != ""
}

// bestFitting is how many of the names that fit the answer's place best
// the three distractors are drawn from.
const bestFitting = 5

// fitsTheArticle reports whether a place fits the article before the
// blank: after "the", a name written with "the" ("the Philippines");
// with no article or other determiner, one written without, unless the
// answer itself is written so.
func (g *Generator) fitsTheArticle(article string, answer, d fact) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(d.key, "place:"), "country:")
	if article == "the" {
		return g.takesThe(d.key, name)
	}
	answerName := strings.TrimPrefix(strings.TrimPrefix(answer.key, "place:"), "country:")
	return determiners[article] || !g.takesThe(d.key, name) || g.takesThe(answer.key, answerName)
}

// anchorsOf are the names written in a question's sentence besides its
// answer that say what the sentence is about: no demonym, no commonplace
// of the reading list, none that more than a quarter of its sentences
// write ("Cambodia", "Pol Pot", not "China" in a list about China).
func (g *Generator) anchorsOf(r ref) []string {
	answer := g.facts[r.sent][r.fact]
	s := g.sents[r.sent].plain
	seen := map[string]bool{}
	var out []string
	for _, span := range g.names(s) {
		key := "name:" + spanText(s, span)
		if span[0].start < answer.end && answer.start < span[len(span)-1].end || seen[key] {
			continue
		}
		seen[key] = true
		if _, demonym := g.lx.gaz.demonyms[span[0].text]; demonym && len(span) == 1 {
			continue // "Vietnamese": a people, not a thing a sentence is about
		}
		if typed := g.lx.typeSpan(s, span); len(typed) > 0 && g.common[typed[0].key] {
			continue // the reading list's commonplaces ("the United States")
		}
		if 4*len(g.usage.sentences[key]) <= len(g.sents) {
			out = append(out, key)
		}
	}
	return out
}

// sharesAnAnchor reports whether a sentence names two of the anchors of
// a question's: its year or number may then be the answer as another
// source tells it ("Vietnam invaded Cambodia in 1978 to remove Pol Pot"
// and "in 1979 … the former invaded Cambodia, ending the dictatorship of
// Pol Pot"), no distractor.
func (g *Generator) sharesAnAnchor(sent int, anchors []string) bool {
	shared := 0
	for _, a := range anchors {
		if g.usage.sentences[a][sent] {
			shared++
		}
	}
	return shared >= 2
}

// answerStems are the stems of the words around the answer of a
// question's sentence (see contextStems).
func (g *Generator) answerStems(r ref) map[string]float64 {
	s, f := g.sents[r.sent].plain, g.facts[r.sent][r.fact]
	return contextStems(s, tokens(s), f.start, f.end)
}

// toldAlikeNear reports whether a fact of another sentence is told as the
// answer is: the two sentences share two names (commonplaces too), and a
// word near the answer and one around the other fact are of one family
// ("Xi had previously visited Vietnam in November 2015" and "Xi
// Jinping’s visit to Vietnam in November 2017"). answerStems gives the
// stems around the answer (made once for all the facts a question's
// distractors are chosen from).
func (g *Generator) toldAlikeNear(r, o ref, answerStems func() map[string]float64) bool {
	b := g.sents[o.sent].plain
	shared := 0
	for name := range g.usage.namesIn[r.sent] {
		if g.usage.namesIn[o.sent][name] {
			shared++
		}
	}
	if shared < 2 {
		return false
	}
	fb := g.facts[o.sent][o.fact]
	near := contextStems(b, tokens(b), fb.start, fb.end)
	for stem, w := range answerStems() {
		if w < 2 {
			continue
		}
		for other := range near {
			if sameFamily(stem, other) {
				return true
			}
		}
	}
	return false
}

// givenAway reports whether the names in the rest of the question point
// at the answer rather than at the distractors (see usage.givesAway).
func (g *Generator) givenAway(r ref, distractors []string) bool {
	answer := g.facts[r.sent][r.fact]
	if !nameKinds[answer.kind] {
		return false
	}
	s := g.sents[r.sent].plain
	var names []string
	for k, f := range g.facts[r.sent] {
		if k != r.fact && nameKinds[f.kind] && !g.common[f.key] {
			names = append(names, f.key)
		}
	}
	for _, span := range g.names(s) {
		if span[0].start < answer.end && answer.start < span[len(span)-1].end {
			continue
		}
		names = append(names, "name:"+spanText(s, span))
	}
	var keys []string
	for _, d := range distractors {
		for _, f := range g.typed(d) {
			keys = append(keys, f.key)
		}
	}
	return g.usage.givesAway(r.sent, names, answer.key, keys)
}

// typed is how the typer reads an option on its own, inside a sentence
// (a first word may be taken for a common word: "South China Sea").
func (g *Generator) typed(option string) []fact {
	return append(numericFacts(option), g.lx.nameFacts("In "+option)...)
}

// closeCandidates is how many of the nearest distractors (by value, for
// numbers and dates) the three are drawn from.
const closeCandidates = 7

// distractors picks three facts of the same kind as the answer from other
// sentences: none equivalent to the answer, to each other or to a fact of
// the answer's sentence, none written in the answer's sentence, each
// written as the answer is.
func (g *Generator) distractors(r ref, rng *rand.Rand) []string {
	answer := g.facts[r.sent][r.fact]
	s := g.sents[r.sent]
	lowerSentence := strings.ToLower(s.text)
	// The sentence but the answer: "East China Sea" may stand for "South
	// China Sea", not for "Chinese waters off the China coast".
	lowerRest := strings.ToLower(s.plain[:answer.start] + " " + s.plain[answer.end:])
	type option struct {
		f    fact
		text string
		dist float64
		// far: a person in office more than nearYears from the event.
		far bool
	}
	var options []option
	article := lastWord(s.plain[:answer.start])
	sentenceWords := tokens(lowerSentence)
	pool := g.gazetteerFacts(answer)
	// The stems around the answer, made once when first needed.
	var stems map[string]float64
	answerStems := func() map[string]float64 {
		if stems == nil {
			stems = g.answerStems(r)
		}
		return stems
	}
	// Another source's telling of the answer: the facts of the kind of
	// sentences about the same things ("Vietnam invaded Cambodia in 1978"
	// and "in 1979 … the former invaded Cambodia").
	told := map[string]bool{}
	if !nameKinds[answer.kind] {
		anchors := g.anchorsOf(r)
		for _, o := range g.byKind[answer.kind] {
			if o.sent != r.sent && (g.sharesAnAnchor(o.sent, anchors) || g.toldAlikeNear(r, o, answerStems)) {
				told[g.facts[o.sent][o.fact].key] = true
			}
		}
	}
	pool = slices.Grow(pool, len(g.byKind[answer.kind])) // one allocation, not one per doubling
	for _, o := range g.byKind[answer.kind] {
		if d := g.facts[o.sent][o.fact]; o.sent != r.sent && !told[d.key] {
			pool = append(pool, d)
		}
	}
	byRole := nameKinds[answer.kind] && !g.anyOfItsSort(answer)
	var era []term
	datedBySentence := false
	if answer.kind == KindPerson {
		era, datedBySentence = g.eraAndWhetherTheSentenceDatesIt(r)
	}
	later := 0.0
	if answer.kind == KindYear {
		later = impliedLater(s.plain, answer)
	}
	fromYear, toYear := math.Inf(-1), math.Inf(1)
	if answer.kind == KindYear || answer.kind == KindDate {
		fromYear, toYear = g.yearsOfTheNamed(r, later)
	}
	// "Prime Minister _____" takes people who have been prime minister.
	// With no title there, the answer's own titles: one of them (Trong,
	// a party chief and president, takes no prime minister).
	var titles []string
	if answer.kind == KindPerson {
		if t := titleBefore(s.plain[:answer.start]); t != "" {
			titles = []string{t}
		} else {
			titles = g.titlesOf(strings.TrimPrefix(answer.key, "person:"))
		}
	}
	// A sea takes the seas of the countries at stake in the sentence.
	var stakes []string
	answerWater := ""
	if answer.kind == KindPlace && answer.class == "water" {
		answerWater = strings.TrimPrefix(answer.key, "place:")
		stakes = g.stakes(r, answerWater)
	}
	// "In addition to _____ countries, … includes China, Japan": no body
	// of which two of them are members.
	listed := g.countriesListed(r)
	for _, d := range pool {
		if g.common[d.key] && !byRole || !sameClass(answer, d) && !(byRole && sameRole(answer, d)) || equivalent(answer, d) || slices.ContainsFunc(g.facts[r.sent], func(x fact) bool { return equivalent(x, d) }) {
			continue
		}
		if !g.fitsTheSentence(r, answer, d) || !g.keepsTheChronologyAfter(r, answer, d, later) {
			continue
		}
		if y := math.Floor(timeValue(d) / 10000); y != 0 && (y < fromYear || y > toYear) {
			continue // "to remove Pol Pot" takes no 1991; "President Barack Obama" no 1999
		}
		if answer.class == "international" && !sameSortOfOrganisation(answer, d) {
			continue // ASEAN, a regional bloc, takes no NATO or IMF
		}
		if answer.class == "international" && holdsTheListed(answer, d, listed) {
			continue // "in addition to _____ countries, … includes China, Japan" takes no APEC
		}
		if len(titles) > 0 && d.kind == KindPerson && !slices.ContainsFunc(titles, func(t string) bool { return g.heldTitle(strings.TrimPrefix(d.key, "person:"), t) }) {
			continue // "Prime Minister _____" takes no president
		}
		if answerWater != "" && !g.fairWater(answerWater, strings.TrimPrefix(d.key, "place:"), stakes) {
			continue // China and Vietnam's dispute is in no Yellow Sea, and the Pacific holds theirs
		}
		far := false
		if d.kind == KindPerson { // the fullest form of the name
			full := strings.TrimPrefix(d.key, "person:")
			apart := yearsApart(era, knownPeople[full].terms)
			if apart > farYears || datedBySentence && apart > 0 && len(knownPeople[full].terms) > 0 {
				continue // no George W. Bush for a 2023 visit, no Trump for 2016
			}
			far = apart > nearYears
			if full != d.text {
				d.text, d.words = full, lowerWords(full)
				if len(answer.words) == 1 {
					if short, ok := g.lx.shortName[full]; ok {
						d.text = short
					}
				}
			}
			if len(strings.Fields(answer.text)) == 1 { // "Biden" takes "Obama", not "Barack Obama"
				if short, ok := g.lx.shortName[full]; ok {
					d.text = short
				} else if len(strings.Fields(full)) > 1 {
					d.text = shortFormOf(full, g.nationalityOf(full))
				}
			}
		}
		if d.kind == KindPlace || d.kind == KindCountry {
			if name := strings.TrimPrefix(strings.TrimPrefix(d.key, "place:"), "country:"); name != strings.ToLower(name) {
				d.text = name // "The Hague", not "Hague"; a key lower-cased stays as written
			}
			if !g.fitsTheArticle(article, answer, d) {
				continue // "as the _____ found out" takes no "Myanmar"
			}
		}
		text := render(d, answer)
		if (article == "a" || article == "an") && startsWithVowel(text) != startsWithVowel(answer.text) {
			continue // "a _____" takes no "Operations", "an _____" no "Partnership"
		}
		if text == "" || containsWord(lowerSentence, strings.ToLower(text)) || slices.ContainsFunc(d.words, func(w string) bool { return len(w) > 2 && containsWord(lowerRest, w) }) {
			continue
		}
		if startsAWordOf(sentenceWords, lowerWords(text)) { // "Paracel" beside "Paracelso islands"
			continue
		}
		if d.kind == KindCountry && g.demonymIn(d, s.text) {
			continue
		}
		if slices.ContainsFunc(options, func(x option) bool { return equivalent(x.f, d) || strings.EqualFold(x.text, text) }) {
			continue
		}
		dist := distance(answer, d)
		if byRole && !g.fitsByTitle(answer) {
			fit := g.usage.fitNear(answerStems(), d.key)
			if fit < minFit {
				continue // "Russia’s invasion of _____" takes no Switzerland
			}
			dist = -fit
		}
		options = append(options, option{d, text, dist, far})
	}
	if byRole {
		// The names that fit best, in an order of the round's own.
		slices.SortStableFunc(options, func(a, b option) int { return cmp.Compare(a.dist, b.dist) })
		options = options[:min(len(options), bestFitting)]
	}
	if answer.value != 0 || answer.kind == KindYear {
		slices.SortStableFunc(options, func(a, b option) int { return cmp.Compare(a.dist, b.dist) })
		options = options[:min(len(options), closeCandidates)]
	}
	// People in office near the event first; then the reading list's own,
	// then the gazetteer's (dist 1).
	rng.Shuffle(len(options), func(i, j int) { options[i], options[j] = options[j], options[i] })
	slices.SortStableFunc(options, func(a, b option) int {
		if a.far != b.far {
			return cmp.Compare(boolRank(a.far), boolRank(b.far))
		}
		return cmp.Compare(a.f.fromGazetteer, b.f.fromGazetteer)
	})
	var out []string
	for _, o := range options {
		if len(out) == optionsPerQuestion-1 {
			break
		}
		out = append(out, o.text)
	}
	return out
}

// yearsOfTheNamed are the years a distractor for a year or date may be
// when the sentence names people whose years of power are known (see
// yearsOf) and the answer falls in them, give or take a year: within
// those years too, less the span the sentence tells after the answer
// for a person named after it ("In 2013, … three years after that,
// President Barack Obama": 2005 to 2015). A person whose years do not
// hold the answer dates something else and bounds nothing. With no such
// person, any year (−∞, +∞).
func (g *Generator) yearsOfTheNamed(r ref, later float64) (from, to float64) {
	answer := g.facts[r.sent][r.fact]
	s := g.sents[r.sent].plain
	from, to = math.Inf(-1), math.Inf(1)
	year := math.Floor(timeValue(answer) / 10000)
	if year == 0 {
		return from, to
	}
	bound := func(full string, at int) {
		terms := yearsOf(full)
		offset := 0.0
		if at > answer.end {
			offset = later
		}
		for _, t := range terms {
			lo, hi := float64(t.from-1), float64(t.to+1)
			if year+offset >= lo && year+offset <= hi {
				from, to = max(from, lo-offset), min(to, hi-offset)
				return
			}
		}
	}
	seen := map[string]bool{}
	for _, f := range g.facts[r.sent] {
		if full := strings.TrimPrefix(f.key, "person:"); f.kind == KindPerson && !seen[full] {
			seen[full] = true
			bound(full, f.start)
		}
	}
	for full := range figureYears {
		if at := strings.Index(s, full); at >= 0 && !seen[full] && containsWord(s, full) {
			seen[full] = true
			bound(full, at)
		}
	}
	return from, to
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// gazetteerFacts are the places of the gazetteer that may stand for a
// place or country of the answer's sort when the reading list has too few:
// countries of the same part of the world, capitals (of countries of the
// same part of the world first), seas, islands.
func (g *Generator) gazetteerFacts(answer fact) []fact {
	if answer.kind == KindPerson {
		full := strings.TrimPrefix(answer.key, "person:")
		role, country := g.lx.roles[full], g.lx.nationalities[full]
		var out []fact
		for _, p := range peopleByCountry[country][role] {
			out = append(out, fact{kind: KindPerson, text: p.name, key: "person:" + p.name, words: lowerWords(p.name), fromGazetteer: 1})
		}
		return out
	}
	if answer.kind == KindOrganisation {
		if answer.class != "international" {
			return nil
		}
		var out []fact
		for _, name := range internationalOrganisations {
			out = append(out, fact{kind: KindOrganisation, class: "international", text: name, key: "organisation:" + initialsKey(name), words: lowerWords(name), fromGazetteer: 1})
		}
		return out
	}
	if answer.kind != KindCountry && answer.kind != KindPlace || answer.class == "city" || answer.class == "site" {
		return nil
	}
	g.gazetteerMu.Lock()
	defer g.gazetteerMu.Unlock()
	cacheKey := answer.key + "\x00" + answer.class
	if out, ok := g.gazetteerCache[cacheKey]; ok {
		return slices.Clone(out)
	}
	region := func(p place) string { return g.lx.gaz.places[p.country].class }
	answerPlace := g.lx.gaz.places[strings.TrimPrefix(strings.TrimPrefix(answer.key, "place:"), "country:")]
	var out []fact
	seen := map[string]bool{}
	for _, p := range g.lx.gaz.places {
		if seen[p.name] || p.kind != answer.kind || p.class != answer.class {
			continue
		}
		if p.class == "capital" && region(p) != region(answerPlace) {
			continue
		}
		seen[p.name] = true
		out = append(out, fact{kind: p.kind, class: p.class, text: p.name, key: string(p.kind) + ":" + p.name, words: lowerWords(p.name), fromGazetteer: 1})
	}
	slices.SortFunc(out, func(a, b fact) int { return strings.Compare(a.key, b.key) })
	g.gazetteerCache[cacheKey] = out
	return slices.Clone(out)
}

// fitsTheSentence reports whether d could stand in the answer's place in
// its sentence without the sentence itself ruling it out: a person of the
// same role and country, a capital of a country the sentence does not
// name, a date on the same side of the sentence's other dates (a range, a
// list in order, "previously"), a number of the same order of magnitude,
// an acronym for an acronym, a plural for a plural.
func (g *Generator) fitsTheSentence(r ref, answer, d fact) bool {
	s := g.sents[r.sent]
	switch answer.kind {
	case KindPerson:
		a, b := strings.TrimPrefix(answer.key, "person:"), strings.TrimPrefix(d.key, "person:")
		role, country := g.lx.roles[a], g.lx.nationalities[a]
		return role != "" && role != "spouse" && country != "" && g.roleOf(b) == role && g.nationalityOf(b) == country
	case KindPlace:
		if d.class == "capital" {
			country := g.lx.gaz.places[strings.TrimPrefix(d.key, "place:")].country
			if g.namesCountry(s.plain, country) {
				return false
			}
		}
	case KindYear, KindDate:
		at, dt := timeValue(answer), timeValue(d)
		if at == 0 || dt == 0 {
			return answer.kind == KindDate && answer.class != "month" // a day and month: no year to compare
		}
		// Within 15 years, or half the time back from the reading list's
		// latest year for older ones (1883 may take 1949, 2016 no 1975).
		window := max(15, (g.latestYear-math.Min(at, dt)/10000)/2) * 10000
		if math.Abs(at-dt) > window {
			return false
		}
		if latest := max(g.sourceLatest[s.passage.Source], math.Floor(at/10000)); math.Floor(dt/10000) > latest {
			return false // a 2022 article's "ratified in _____" takes no 2023
		}
		for _, o := range g.facts[r.sent] {
			ot := timeValue(o)
			if ot == 0 || o.key == answer.key {
				continue
			}
			if answer.kind == KindDate && o.kind == KindYear && math.Floor(at/10000) == o.value && math.Floor(dt/10000) != o.value {
				return false // "after the crisis of 2014, … in August 2014": the stem gives the year
			}
			if (at < ot) != (dt < ot) || (at > ot) != (dt > ot) {
				return false
			}
		}
	case KindNumber, KindPercent, KindAmount, KindOrdinal:
		band := 2.5
		if answer.kind == KindNumber {
			band = 3 // "at least 36 agreements" may take 13
		}
		if answer.kind == KindPercent {
			band = 1.6 // "as high as 70%" takes no 30%
		}
		if answer.value <= 0 || d.value <= 0 {
			return false
		}
		if answer.kind == KindOrdinal && answer.value < 10 && d.value < 10 {
			// "A third term": the first to the sixth may be believed, an
			// eighth (forty years in office) not.
			if math.Abs(answer.value-d.value) > 3 {
				return false
			}
			break
		}
		if answer.kind == KindOrdinal && math.Abs(answer.value-d.value) > max(3, answer.value/3) {
			return false // the 20th Congress (2022) takes no 8th (1956)
		}
		if math.Abs(math.Log(answer.value/d.value)) > math.Log(band) {
			return false
		}
	case KindOrganisation, KindAgreement:
		if isAcronym(answer.text) != isAcronym(d.text) || isPlural(answer.text) != isPlural(d.text) {
			return false
		}
	}
	return true
}

// roleOf is a person's role, as the reading list or the gazetteer of
// people says it.
func (g *Generator) roleOf(full string) string {
	if r := g.lx.roles[full]; r != "" {
		return r
	}
	return knownPeople[full].role
}

// nationalityOf is a person's country, as the reading list or the
// gazetteer of people says it.
func (g *Generator) nationalityOf(full string) string {
	if c := g.lx.nationalities[full]; c != "" {
		return c
	}
	return knownPeople[full].country
}

// timeValue puts years and months on one scale (year×10000 + month×100),
// or 0 for a fact that has no year.
func timeValue(f fact) float64 {
	switch {
	case f.kind == KindYear:
		return f.value * 10000
	case f.kind == KindDate && f.class == "month":
		return float64(int(f.value)/100)*10000 + float64(int(f.value)%100)*100
	}
	return 0
}

// pastVerbs are irregular past tenses that may follow a subject.
var pastVerbs = wordList(`fell rose grew found did said made took got went came saw gave became began held led met won lost put set sent built fought kept left brought thought told`)

// attributive reports whether a name after "the" is used as a modifier
// of the noun after it ("the Ukraine war", "the Hanoi metro"), where
// another name of its kind would not make sense.
func attributive(s string, f fact) bool {
	next := text.Words(s[f.end:])
	if len(next) == 0 || strings.HasPrefix(s[f.end:], "’") || strings.HasPrefix(s[f.end:], "'") || strings.HasPrefix(s[f.end:], ",") {
		return false
	}
	if lastWord(s[:f.start]) != "the" {
		return false // "between Hanoi and Moscow fell": a subject, not a modifier
	}
	w := next[0]
	rest := strings.TrimLeft(s[f.end:], " ")
	if rest == "" || isCapitalised(rest) || !unicode.IsLetter([]rune(rest)[0]) {
		return false
	}
	return !isStop(w) && !looksLikeVerb(w) && !pastVerbs[w]
}

// lastWord is the last word of text, lower-cased.
func lastWord(s string) string {
	words := text.Words(s)
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// startsWithVowel reports whether a word is written with a vowel first,
// which is what "a" or "an" before it goes by (near enough).
func startsWithVowel(s string) bool {
	return s != "" && strings.ContainsRune("AEIOUaeiou", rune(s[0]))
}

// isPlural reports whether a name's last word is a plural ("Operations").
func isPlural(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	w := words[len(words)-1]
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !isAcronym(w)
}

// startsAWordOf reports whether one of words (four letters or more) starts
// a longer word of a text's tokens.
func startsAWordOf(text []token, words []string) bool {
	for _, t := range text {
		for _, w := range words {
			if len(w) >= 4 && len(t.text) > len(w) && strings.HasPrefix(t.text, w) {
				return true
			}
		}
	}
	return false
}

// namesCountry reports whether text names the country, or its people.
func (g *Generator) namesCountry(text, country string) bool {
	if country == "" {
		return false
	}
	for name, p := range g.lx.gaz.places {
		if p.kind == KindCountry && p.name == country && containsWord(text, name) {
			return true
		}
	}
	return g.demonymIn(fact{key: "country:" + country}, text)
}

// demonymIn reports whether a country's demonym is written in text.
func (g *Generator) demonymIn(country fact, text string) bool {
	name := strings.TrimPrefix(country.key, "country:")
	for d, c := range g.lx.gaz.demonyms {
		if c == name && containsWord(text, d) {
			return true
		}
	}
	return false
}

// sameRole reports whether d may stand for answer in a role the reading
// list shows it in (see usage.fit), whatever its sort: any country for a
// country, a city for a capital.
func sameRole(answer, d fact) bool {
	if answer.kind != d.kind {
		return false
	}
	city := func(f fact) bool { return f.class == "city" || f.class == "capital" }
	return answer.kind == KindCountry || answer.kind == KindPlace && city(answer) && city(d)
}

// sameClass reports whether d can stand as a distractor for answer: the
// same kind and, for places, dates and organisations, the same sort.
func sameClass(answer, d fact) bool {
	if answer.kind != d.kind {
		return false
	}
	switch answer.kind {
	case KindPlace, KindOrganisation, KindCountry, KindAgreement, KindOrdinal:
		return answer.class == d.class
	case KindDate:
		return (answer.class == "month") == (d.class == "month")
	}
	return true
}

// equivalent reports whether two facts are the same fact, written alike
// or not: the same key, the same number, or (people) a shared name word.
func equivalent(a, b fact) bool {
	if a.key == b.key || strings.EqualFold(a.text, b.text) {
		return true
	}
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case KindPerson: // "Xi" and "Xi Jinping", not "Nguyen Tan Dung" and "Nguyen Phu Trong"
		shorter, longer := a.words, b.words
		if len(shorter) > len(longer) {
			shorter, longer = longer, shorter
		}
		return len(shorter) > 0 && !slices.ContainsFunc(shorter, func(w string) bool { return !slices.Contains(longer, w) })
	case KindNumber, KindPercent, KindAmount, KindOrdinal, KindYear:
		return a.value == b.value
	}
	return false
}

// distance is how far a numeric fact is from the answer: years by
// difference, other numbers by ratio; names are all as near.
func distance(answer, d fact) float64 {
	switch answer.kind {
	case KindYear, KindDate:
		return math.Abs(answer.value - d.value)
	}
	if answer.value > 0 && d.value > 0 {
		return math.Abs(math.Log(answer.value / d.value))
	}
	return 0
}

// newRand is the random source of a round: the same seed, the same round.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }
