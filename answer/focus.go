package answer

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// focus is what a question is about that an extractive answer must hold:
// the names it asks about (a person, a country, an organisation), and the
// years and other numbers it gives.
type focus struct {
	names   []nameGroup
	years   []string
	numbers []string
}

// nameGroup is a name as the question writes it ("Hun Sen"), with the
// lower-cased words that count as each of its words.
type nameGroup struct {
	shown string
	words [][]string
	// when is set for a name that only says when: "during Trong's
	// visit", "after the Trong–Xi talks".
	when bool
	// acronym is the initials of a name of several words ("wto" for
	// "World Trade Organization"), which a text may write instead.
	acronym string
	// joined is its words written as one ("vietnam" for "Việt Nam",
	// "hanoi" for "Hà Nội").
	joined string
}

// timeAdjunct are the words before a name that make it say when.
var timeAdjunct = wordSet("during after before since following")

// yearLike is a year of a question.
var yearLike = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})\b`)

// possessive is a word with its "'s".
var possessive = regexp.MustCompile(`\p{L}['’]s\b`)

// readFocus reads the focus of a question.
func readFocus(question string) focus {
	var f focus
	for _, m := range numberToken.FindAllString(question, -1) {
		n := normaliseNumber(m)
		if yearLike.MatchString(n) && len(n) == 4 {
			f.years = append(f.years, n)
		} else {
			f.numbers = append(f.numbers, n)
		}
	}
	// A possessive ends a name: "Brunei's South China Sea claims" names
	// Brunei and the South China Sea, not one thing.
	words := sentenceWords(possessive.ReplaceAllString(question, "$0 of"))
	var group []word
	lead := "" // the word before a name, titles and articles left out
	flush := func() {
		if len(group) > 0 {
			g := nameGroup{}
			var shown []string
			for _, w := range group {
				lower := lowerFolded(w.text)
				shown = append(shown, w.text)
				forms := namesOf(lower)
				if base := demonymBase(lower); base != "" {
					forms = append(forms, base)
				}
				g.words = append(g.words, forms)
			}
			g.shown = strings.Join(shown, " ")
			g.when = timeAdjunct[lead]
			if len(group) >= 2 {
				for _, w := range group {
					r, _ := utf8.DecodeRuneInString(lowerFolded(w.text))
					g.acronym += string(r)
					g.joined += lowerFolded(w.text)
				}
			}
			if g.shown == "us" {
				g.shown = "the U.S."
			}
			f.names = append(f.names, g)
		}
		group = nil
	}
	for i, w := range words {
		lower := lowerFolded(w.text)
		isName := w.capital && !titles[lower] && !text.IsStopWord(lower) && months[lower] == "" && numberWords[lower] == ""
		if isName && i == 0 {
			isName = false // "Vietnam's …" questions are rare; "Describe …" common
		}
		if !isName {
			flush()
			if !titles[lower] && lower != "the" && lower != "a" {
				lead = lower
			}
			continue
		}
		group = append(group, w)
	}
	flush()
	return f
}

// mentionedIn reports whether a text (its words) mentions a name: all of
// its words, or at least half of them written with a capital ("Biden" for
// "Joe Biden"), each in any of its forms, or its acronym.
func (g nameGroup) mentionedIn(have map[string]bool) bool {
	return g.mentionedBy(func(k string) bool { return have[k] })
}

// mentionedBy is mentionedIn for a text whose words has reports.
func (g nameGroup) mentionedBy(has func(string) bool) bool {
	if g.acronym != "" && has(g.acronym) || g.joined != "" && has(g.joined) {
		return true
	}
	n, capital := 0, 0
	for _, forms := range g.words {
		if slices.ContainsFunc(forms, has) {
			n++
		}
		if slices.ContainsFunc(forms, func(form string) bool { return has("cap:"+form) || strings.HasPrefix(form, "stem:") && has(form) }) {
			capital++
		}
	}
	// All of a name's words, or half of them written with a capital: the
	// "new" of "a new milestone" is no half of New Zealand.
	if n == len(g.words) {
		return true
	}
	return 2*capital >= len(g.words) && capital > 0
}

// focusTexts are texts read together, without merging them.
type focusTexts []focusText

// has reports whether one of the texts has a word (or form).
func (ts focusTexts) has(k string) bool {
	return slices.ContainsFunc(ts, func(t focusText) bool { return t.words[k] })
}

// mentionedLoosely reports whether a text mentions half of a name's
// words, in any case: before saying the reading list does not mention
// New Zealand, make sure no passage has "new" and "Zealand".
func (g nameGroup) mentionedLoosely(have map[string]bool) bool {
	if g.acronym != "" && have[g.acronym] || g.joined != "" && have[g.joined] {
		return true
	}
	n := 0
	for _, forms := range g.words {
		if slices.ContainsFunc(forms, func(form string) bool { return have[form] }) {
			n++
		}
	}
	return 2*n >= len(g.words) && n > 0
}

// focusText is a text read for the focus rules: its words (with stems) and
// numbers.
type focusText struct {
	words   map[string]bool
	numbers map[string]bool
}

// readFocusText reads a text for the focus rules.
func readFocusText(text string) focusText { return focusReader{}.read(text) }

// focusReader reads texts for the focus rules with a memo of the stems of
// names (nil: no memo).
type focusReader struct{ stems map[string]string }

// stem is the stem of word, through the memo.
func (r focusReader) stem(word string) string {
	if r.stems == nil {
		return text.Stem(word)
	}
	s, ok := r.stems[word]
	if !ok {
		s = text.Stem(word)
		r.stems[word] = s
	}
	return s
}

// read reads one text.
func (r focusReader) read(body string) focusText {
	ft := focusText{words: map[string]bool{}, numbers: map[string]bool{}}
	for _, m := range numberToken.FindAllString(body, -1) {
		ft.numbers[normaliseNumber(m)] = true
	}
	for _, w := range sentenceWords(body) {
		lower := lowerFolded(w.text)
		ft.words[lower] = true
		if n := numberWords[lower]; n != "" {
			ft.numbers[n] = true
		}
		// Names are matched by their stems too; only capitalised words
		// are stemmed, which keeps this cheap.
		if w.capital {
			ft.words["cap:"+lower] = true
			ft.words["stem:"+r.stem(lower)] = true
			if base := demonymBase(lower); base != "" {
				ft.words[base] = true
				ft.words["cap:"+base] = true
			}
		}
		if strings.ContainsAny(lower, ".'’") {
			for _, part := range text.Words(lower) {
				ft.words[part] = true
			}
		}
	}
	return ft
}

// merged is the union of texts.
func merged(texts ...focusText) focusText {
	out := focusText{words: map[string]bool{}, numbers: map[string]bool{}}
	for _, t := range texts {
		for k := range t.words {
			out.words[k] = true
		}
		for k := range t.numbers {
			out.numbers[k] = true
		}
	}
	return out
}

// unmentioned returns the first focus of the question that none of the
// texts mentions, or "".
func (f focus) unmentioned(texts []focusText) string {
	for _, g := range f.names {
		if !anyText(texts, g.mentionedLoosely) {
			return g.shown
		}
	}
	for _, n := range append(append([]string{}, f.years...), f.numbers...) {
		if !anyText(texts, func(have map[string]bool) bool { return have[n] }) {
			return n
		}
	}
	return ""
}

// anyText reports whether mentions holds of the words and numbers of one
// of the texts.
func anyText(texts []focusText, mentions func(map[string]bool) bool) bool {
	for _, t := range texts {
		all := map[string]bool{}
		for k := range t.words {
			all[k] = true
		}
		for k := range t.numbers {
			all[k] = true
		}
		if mentions(all) {
			return true
		}
	}
	return false
}

// holds reports whether a sentence of a passage can answer a question with
// this focus: it holds the question's years and numbers, and one of its
// names (or the passage around it does, when the sentence says "he").
func (f focus) holds(sentence focusText) bool {
	for _, n := range append(append([]string{}, f.years...), f.numbers...) {
		if !sentence.numbers[n] {
			return false
		}
	}
	return true
}

// notMentionedText is the answer to a question about something no passage
// mentions.
func notMentionedText(what string) string {
	return "The reading list doesn't mention " + what + "."
}

// startsWithCapital reports whether s starts with an upper-case letter.
func startsWithCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// trimWord is a word of a question or sentence without the punctuation
// and quotes around it: "Xi’s," → "Xi’s".
func trimWord(w string) string { return strings.Trim(w, "?.,!;:\"“”'’") }

// trimWordParens is trimWord that strips parentheses too: "(Vietnam," →
// "Vietnam".
func trimWordParens(w string) string { return strings.Trim(w, "?.,!;:\"“”'’()") }

// keepAnswering zeroes the score of every sentence that cannot answer the
// question: one without the question's years and numbers; one that does
// not name (nor follow, in its passage, a name of) the question's
// distinctive names; for a question that asks for a date, an amount, a
// share, a length or a span, one that holds none, or holds one of
// something else (too few of the asked words, or not the event's verb);
// for "What did X say …?", one that does not report X's words; for "Who
// was X's ambassador?", one without the role and a name by it (a role
// of a person: the role-holder rule); and one whose passage lacks
// a phrase the question quotes (see asked.go). rejected, when not nil,
// is told of each sentence with a score that is zeroed, and the rule that
// zeroed it.
func keepAnswering(sents []sentence, passages []retrieval.Passage, question string, synonyms retrieval.Synonyms, rejected func(s sentence, rule string)) {
	f := readFocus(question)
	c := questionCue(question)
	m := askedMeasure(question)
	var role []string
	if c != cueAuthor {
		role = roleTerms(roleQuestion(question))
	}
	event := eventWord(question)
	synonyms = withVerbKinds(synonyms, append(questionVerbs(question), askedPredicate(question), event)...)
	quoted := quotedPhrases(question)
	predicate := askedPredicate(question)
	why := asksWhy.MatchString(question)
	exact := asksExactCount.MatchString(question)
	succession := asksSuccession.MatchString(question)
	change := asksChange.MatchString(question)
	money := asksMoney(question)
	kind := kindNamePattern(question)
	baseNames := shareBaseNames(question)
	things := askedThingsTerm(question)
	place := asksPlace(question)
	first := superlativeTerms(question)
	thing := namedThingKind(question)
	qualifier := countQualifier(question)
	countAt := countPlace(question)
	shareOf := ""
	if m == measureShare {
		shareOf = shareWhole(question)
	}
	valueOf := asksValue(question)
	nouns := askedNouns(question)
	scope := askedTimeScope(question, f)
	yesNo := asksYesNo(question)
	claim := askedClaim(question, f)
	alternatives := askedAlternatives(question)
	head := ""
	if c != cueAuthor {
		head = roleHead(roleQuestion(question), role)
	}
	detail := readAskedDetail(question)
	dates := askedDates(question)
	dateTerms := dateScopeTerms(question)
	mainTerms := mainClauseTerms(question, f)
	if !detail.asks() && predicate == "" && scope.order == orderNone && !yesNo && alternatives == nil && things == "" && first == nil && thing == "" && !valueOf && len(nouns) == 0 && !place && !why && !succession && !change && kind == nil && len(f.names) == 0 && len(f.years) == 0 && len(f.numbers) == 0 && c != cueWhen && c != cueNumber && m == measureNone && len(role) == 0 && len(quoted) == 0 && !money {
		return
	}
	// Each sentence is read once; the sentence before it, its title and
	// its passage are its context.
	reader := focusReader{stems: map[string]string{}}
	read := make(map[[2]int]focusText, len(sents))
	for _, s := range sents {
		read[[2]int{s.passage, s.pos}] = reader.read(withoutReferences(s.text))
	}
	titles := map[int]focusText{}
	whole := map[int]focusText{}
	wholeOf := func(pi int) focusText { // the passage: its sentences together
		if w, ok := whole[pi]; ok {
			return w
		}
		var parts []focusText
		for _, s := range sents {
			if s.passage == pi {
				parts = append(parts, read[[2]int{pi, s.pos}])
			}
		}
		whole[pi] = merged(parts...)
		return whole[pi]
	}
	// withPassagesBefore is a passage with the passages just before it in
	// its document that the search found too.
	withPassagesBefore := func(pi int) focusText {
		parts := []focusText{wholeOf(pi)}
		for _, pj := range passagesBefore(passages, pi) {
			parts = append(parts, wholeOf(pj))
		}
		return merged(parts...)
	}
	// citedOf is a passage read with its references, and the passages
	// just before it: a passage that reports an event from the news of a
	// year ("(CGTN, 2022)", "(Vietnam, 2022)") tells of that year's event,
	// as a sentence whose own reference gives the question's year does.
	cited := map[int]focusText{}
	citedOf := func(pi int) focusText {
		if c, ok := cited[pi]; ok {
			return c
		}
		parts := []focusText{reader.read(passages[pi].Text)}
		for _, pj := range passagesBefore(passages, pi) {
			parts = append(parts, reader.read(passages[pj].Text))
		}
		cited[pi] = merged(parts...)
		return cited[pi]
	}
	subject := askedSubject(question)
	var topic []string
	if subject != nil {
		topic = stanceTopic(question, f)
	}
	asked := askedByClause(question, f)
	for pi := range passages {
		titles[pi] = reader.read(documentLine(passages[pi]))
	}
	// repeatedOpening is, for each passage, how many of its first
	// sentences repeat the end of the passage before it (chunks overlap).
	repeatedOpening := make([]int, len(passages))
	for pi := range passages {
		before := passagesBefore(passages, pi)
		for _, s := range sents {
			if s.passage != pi || s.pos != repeatedOpening[pi] {
				continue
			}
			if !slices.ContainsFunc(before, func(pj int) bool { return strings.Contains(passages[pj].Text, s.text) }) {
				break
			}
			repeatedOpening[pi]++
		}
	}
	// upTo is what a passage says up to and with a sentence, and its
	// document's title: a name given earlier is what "the two leaders" or
	// "he" refer to.
	upTo := func(pi, pos int) focusTexts {
		ts := focusTexts{titles[pi]}
		// What the first new sentence of a passage refers to was cut off
		// with the passage before it: the passages just before it in its
		// document, found too ("The visit concluded with … 13 new
		// documents" after a passage on Trong's trip to Beijing, the
		// sentence before it repeated from that passage).
		if pos <= repeatedOpening[pi] {
			for _, pj := range passagesBefore(passages, pi) {
				ts = append(ts, wholeOf(pj))
			}
		}
		for p := 0; p <= pos; p++ {
			if t, ok := read[[2]int{pi, p}]; ok {
				ts = append(ts, t)
			}
		}
		return ts
	}
	// Each question of a question ("What are the Three Nos? Is the U.S. a
	// hedge?") has its own distinctive names.
	var distinctive [][]nameGroup
	for _, part := range questionParts(question) {
		distinctive = append(distinctive, readFocus(part).distinctiveNames(passages, func(pi int) focusTexts { return focusTexts{wholeOf(pi), titles[pi]} }))
	}
	for i := range sents {
		pi := sents[i].passage
		text := withoutReferences(sents[i].text)
		ft := read[[2]int{pi, sents[i].pos}]
		prev := read[[2]int{pi, sents[i].pos - 1}]
		withRefs := ft
		if text != sents[i].text {
			withRefs = reader.read(sents[i].text) // a question's year may be a reference's
		}
		rule := ""
		switch {
		case !f.holds(merged(withRefs, prev)) && !f.holds(wholeOf(pi)) && !f.holds(citedOf(pi)) && (givesYear(passages[pi].Text) || !f.holds(merged(wholeOf(pi), reader.read(passages[pi].Info.Date)))) && !(len(f.numbers) == 0 && !slices.ContainsFunc(f.years, func(y string) bool { return !datedByTwin(passages, pi, y) })):
			rule = "numbers"
		case len(dates) > 0 && !placesInAskedDate(sents, i, dates, dateTerms, passagesBefore(passages, pi), passages[pi], synonyms) && slices.ContainsFunc(dates, func(d askedDate) bool { return d.month != "" || !datedByTwin(passages, pi, d.year) }):
			rule = "date of another event" // "during Trong's January 2017 visit" is not the 2022 visit of a passage whose 2017 dates something else
		case len(mainTerms) > 0 && !holdsMainClause(sents[i], mainTerms, synonyms):
			rule = "only the time adjunct" // "What did they agree on during Trong's April 2015 visit?" is not the visit's date
		case !slices.ContainsFunc(distinctive, func(names []nameGroup) bool {
			return allMentioned(names, upTo(pi, sents[i].pos))
		}):
			rule = "distinctive names" // "When did Vo Van Thuong take office?" needs him
		case len(f.names) >= 2 && !f.namesMostlyIn(ft, merged(titles[pi], prev)) && !f.allNamesIn(wholeOf(pi)) && !(sents[i].pos <= repeatedOpening[pi] && f.allNamesIn(withPassagesBefore(pi))):
			rule = "names"
		case subject != nil && !subject.mentionedIn(ft.words) && !(continuation.MatchString(text) && subject.mentionedIn(prev.words)):
			rule = "subject" // "What did Taiwan say …?" needs Taiwan saying it
		case subject != nil && !reportsStance(text, *subject):
			rule = "stance" // nor by a sentence that only names Taiwan
		case len(topic) > 0 && !holdsAsked(sents[i].terms, termsBefore(sents, i), topic, synonyms):
			rule = "stance's topic" // "What did Wang say about the upgrade?" is not what he said about Xi's visit
		case slices.ContainsFunc(quoted, func(p []string) bool { return !holdsPhrase(passages[pi].Text+"\n"+passageTitle(passages[pi]), p) }):
			rule = "quoted phrase" // a phrase the question quotes is the passage's own
		case event != "" && !holdsEvent(sents[i].terms, asked, event, synonyms):
			rule = "event" // "When did Mao die?" is not dated by what Mao founded
		case event != "" && c == cueWhen && datedByOtherVerb(text, sents[i].terms, event, synonyms):
			rule = "date of another verb" // the year of another verb
		case event != "" && c == cueWhen && !datesEvent(text, asked, event, synonyms):
			rule = "date of another clause" // the year of another clause
		case predicate != "" && !holdsPredicateNear(sents, i, predicate, synonyms):
			rule = "predicate" // "What did Yu agree …?" is not answered by his visit
		case m == measureShare && slices.ContainsFunc(baseNames, func(g nameGroup) bool { return !g.mentionedIn(ft.words) }):
			rule = "share's base" // "What percentage of Vietnam's trade …?" is not "30% of global trade"
		case things != "" && !holdsPredicateNear(sents, i, things, synonyms):
			rule = "things" // "What agreements came out of the summit?" needs agreements
		case place && !holdsPlace(text, question):
			rule = "place" // "Where did they meet?" needs a place
		case why && predicate != "" && !answersWhy(sents, i, predicate, synonyms):
			rule = "reason" // "Why did Vietnam skip …?" needs a reason
		case why && predicate == "" && asksGround.MatchString(question) && !showsGround.MatchString(text):
			rule = "ground" // "Why did Yu's trip show that ties had recovered?" is not "Xi sent Yu to visit Vietnam"
		case why && predicate != "" && !slices.ContainsFunc(asked, func(terms []string) bool {
			return holdsAsked(sents[i].terms, termsBefore(sents, i), terms, synonyms)
		}):
			rule = "reason's event" // "What prompted China to send two ships …?" is not why Xi sent Yu
		case change && !statesChange.MatchString(text):
			rule = "change" // "Did confidence go up or down compared with the previous year?" is not one year's figure
		case succession && !statesSuccession.MatchString(text):
			rule = "succession" // "Who took over from Trong?" is not "General Secretary Nguyen Phu Trong"
		case kind != nil && !holdsKindName(text, question, kind):
			rule = "kind of name" // "Which university …?" needs one
		case head != "" && (!holdsEvery(sents[i].terms, role, synonyms) || !roleTogether(text, role, head, synonyms) || !namesHolder(text, question, head, synonyms)):
			rule = "role holder" // "Who was the state president?" needs a name by the role
		case first != nil && !holdsFirstOfRanking(text, first, synonyms):
			rule = "first of a ranking" // "Vietnam's largest export market" is not its second-largest
		case thing != "" && !namesThingOfKind(text, question, thing):
			rule = "thing of the kind" // "Which ports …?" needs a port's name
		case shareOf != "" && narrowsWhole(text, question, shareOf):
			rule = "share of a part" // "Vietnam's total imports" are not its textile industry's
		case len(nouns) > 0 && slices.ContainsFunc(nouns, func(n string) bool { return !holdsNounNear(sents, i, n, synonyms) }):
			rule = "asked nouns" // "What tariff cuts did …?" needs tariffs
		case predicate != "" && c != cueNumber && predicateInOtherClause(text, predicate, asked, synonyms): // a count stands for what it counts
			rule = "predicate in another clause" // "Did China compensate the fishermen?" is not "… or when it agreed to pay the oil companies"
		case yesNo && !statesClaim(sents, i, claim, ft, prev, synonyms):
			rule = "claim" // "Did Vietnam support the Philippines' case?" is not "Vietnam has refused to take China to court"
		case !namesAlternative(text, alternatives, synonyms):
			rule = "alternative" // "the whole project or only part of it?" is not "China is investing in the project"
		case !placesInScope(sents, i, scope, synonyms):
			rule = "time scope" // "What post did he hold before he became president?" is not "President Vo Van Thuong"
		case c == cueNumber && asksTimes(question) && !timesCount.MatchString(text):
			rule = "count of times" // "How many times has Biden met Trong?" is not "the 40th and 41st ASEAN Summits"
		case m == measureSpan && asksDuration(question) && !holdsDuration(text, question):
			rule = "duration" // "How long did Xi stay?" is not "for the first time in six years"; the talks of one day are not the visit's days
		case !m.holds(text):
			rule = "measure" // "What share …?" needs a share
		case (c == cueWhen || c == cueNumber || m != measureNone || valueOf || money) && !slices.ContainsFunc(asked, func(terms []string) bool {
			return holdsAsked(sents[i].terms, termsBefore(sents, i), terms, synonyms)
		}):
			rule = "asked terms" // a date, a number or a sum of something else ("a billion dollars" paid to oil companies is not the trade's value)
		case c == cueWhen && !dateLike.MatchString(text) && !eraYear.MatchString(text) && !relativeTime.MatchString(text):
			rule = "date"
		case c == cueNumber && !holdsCount(withoutCountsElsewhere(withoutCountsOfOthers(text, qualifier), countAt), question, f):
			rule = "count"
		case exact && onlyRoughCounts(text, question, f):
			rule = "exact count" // "Exactly how many people were killed?" is not "Over twenty people lost their lives"
		case (asksHowMuch(question) || valueOf) && !amountLike.MatchString(text):
			rule = "amount"
		case money && !moneyLike.MatchString(text):
			rule = "money"
		}
		if rule == "" {
			rule = detail.missing(sents, i, question, synonyms) // detail.go
		}
		if rule != "" {
			if rejected != nil && sents[i].score > 0 {
				rejected(sents[i], rule)
			}
			sents[i].score = 0
		}
	}
}

// maxChunkGap is how far apart, in bytes of the document, two passages
// may be for the first to be read as the context of the second.
const maxChunkGap = 200

// precedes reports whether passage p comes just before passage q in the
// same document (adjacent or overlapping): the search found both, and
// what q's "the two sides" refers to is in p.
func precedes(p, q retrieval.Passage) bool {
	return p.Source == q.Source && p.Source != "" && p.Start < q.Start && q.Start-p.End <= maxChunkGap
}

// passagesBefore are the indices of the passages that come just before
// passages[pi] in its document, each just before the next (nearest
// first), back to the first with none before it.
func passagesBefore(passages []retrieval.Passage, pi int) []int {
	var out []int
	seen := map[int]bool{pi: true}
	for cur := pi; ; {
		prev := slices.IndexFunc(passages, func(p retrieval.Passage) bool { return precedes(p, passages[cur]) })
		if prev < 0 || seen[prev] {
			return out
		}
		seen[prev] = true
		out = append(out, prev)
		cur = prev
	}
}

// givesYear reports whether a passage gives a year, in its prose or its
// references: a passage that dates its facts itself is not dated by its
// document's date ("What military exercises did they hold in 2023?" is
// not answered by a policy restated in 2022, in an article of 2023).
func givesYear(passage string) bool { return yearLike.MatchString(passage) }

// continuation opens a sentence that goes on saying what the sentence
// before it reports: "As Thayer explains, Hanoi has relied on … In short,
// Hanoi has sought to “enmesh China …”".
var continuation = regexp.MustCompile(`^\W*(?i:in\s+short|in\s+other\s+words|that\s+is|put\s+simply|simply\s+put|in\s+sum|in\s+brief)\b`)

// eraYear is a year written with its era: "111BC", "AD 939".
var eraYear = regexp.MustCompile(`\b\d{1,4}\s?(?:BC|BCE|AD|CE)\b|\b(?:AD|CE)\s?\d{1,4}\b`)

// relativeTime is a time given by another: "a week after", "earlier
// this year", "three years later".
var relativeTime = regexp.MustCompile(`(?i)\b(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|later|earlier|ago)\b|\b(?:earlier|later|last|this|next)\s+(?:year|month|week)\b`)

// reference is a reference to a work in the prose, "(Masina, 2022)": its
// year dates the work cited, not the fact.
var reference = regexp.MustCompile(`\(\p{Lu}[^()]*?,\s*(?:1[0-9]{3}|20[0-9]{2})\)`)

// withoutReferences removes the references of a sentence.
func withoutReferences(text string) string { return reference.ReplaceAllString(text, "") }

// namesMostlyIn reports whether a sentence (or the title of its document)
// mentions at least half of the question's names.
func (f focus) namesMostlyIn(sentence, title focusText) bool {
	have := map[string]bool{}
	for k := range sentence.words {
		have[k] = true
	}
	for k := range title.words {
		have[k] = true
	}
	n := 0
	for _, g := range f.names {
		if g.mentionedIn(have) {
			n++
		}
	}
	return 2*n >= len(f.names)
}

// allNamesIn reports whether a text mentions every name of the question.
func (f focus) allNamesIn(text focusText) bool {
	for _, g := range f.names {
		if !g.mentionedIn(text.words) {
			return false
		}
	}
	return true
}

// moneyWords mark a question that asks for a sum of money.
var moneyWords = wordSet("cost costs costing dollars dollar price worth value budget spend spent yuan")

// moneyLike is a sum of money in a sentence.
var moneyLike = regexp.MustCompile(`(?i)(?:US)?\$\s?\d|\d[\d,.]*\s?(?:million|billion|trillion)\b|\b(?:million|billion|trillion)\b|\bdollars?\b|\byuan\b`)

// asksMoney reports whether a question asks for a sum of money.
func asksMoney(question string) bool {
	for _, w := range text.Words(question) {
		if moneyWords[w] {
			return true
		}
	}
	return false
}

// countedInNoPassage reports whether what a "how many" question counts
// (its noun, or a synonym) is in none of the passages: the reading list
// then gives no count of it.
func countedInNoPassage(question string, passages []retrieval.Passage, synonyms retrieval.Synonyms) bool {
	noun := countedNoun(question)
	if noun == "" {
		return false
	}
	wanted := append([]string{noun}, synonyms[noun]...)
	for _, p := range passages {
		have := termSet{}
		have.add(text.Terms(p.Text)...)
		for _, w := range wanted {
			if have.has(w) {
				return false
			}
		}
	}
	return true
}

// countedNoun is the stem of what a "how many" question counts: the first
// word after "how many" not written with a capital ("How many Chinese
// tourists" → "tourist"), or "".
func countedNoun(question string) string {
	fields := strings.Fields(question)
	for i := 0; i+2 < len(fields); i++ {
		if strings.EqualFold(fields[i], "how") && strings.EqualFold(fields[i+1], "many") {
			for _, f := range fields[i+2:] {
				w := trimWord(f)
				if w == "" || startsWithCapital(w) {
					continue
				}
				if ws := text.Words(w); len(ws) > 0 && !text.IsStopWord(ws[0]) {
					return text.Stem(ws[0])
				}
				return ""
			}
		}
	}
	return ""
}

// holdsCount reports whether a sentence holds an amount or a count that may
// answer a "how many"/"how much" question: a number that is not a year,
// not the day of a date ("December 12"), not one the question gave, and,
// unless the question counts days, months or years, not a span of time
// ("six years").
func holdsCount(sentence, question string, f focus) bool {
	counted := countedWord(question)
	if unit := measureUnits[text.Stem(counted)]; unit != nil {
		return unit.MatchString(sentence) // "How many acres …?" is a measure in acres, not "two companies"
	}
	countsTime := timeUnits[counted] != ""
	if counted != "" && !moneyWords[counted] && timeUnits[counted] != "%" {
		// A sum or a share counts no things: "How many aircraft carriers
		// …?" is not answered by "$60 million in security assistance".
		sentence = sumOrShare.ReplaceAllString(sentence, " ")
	}
	words := text.Words(namedNumber.ReplaceAllString(sentence, " "))
	given := map[string]bool{}
	for _, g := range append(append([]string{}, f.years...), f.numbers...) {
		given[g] = true
	}
	// "the two countries" of the question is not the count it asks for
	// in "The two sides will sign …".
	for _, w := range text.Words(question) {
		if v := numberWords[w]; v != "" && w != "one" {
			given[v] = true
		}
	}
	for i, w := range words {
		if amountScales[w] {
			return true // "about a billion dollars", "hundreds were injured"
		}
		value := w
		if !isDigits(w) {
			value = numberWords[w]
			if value == "" || strings.HasSuffix(value, "%") || w == "second" && i+1 < len(words) && strings.HasSuffix(words[i+1], "largest") {
				continue
			}
		}
		switch {
		case given[value], len(value) == 4 && yearLike.MatchString(value):
			continue
		case i > 0 && months[words[i-1]] != "", i+1 < len(words) && months[words[i+1]] != "":
			continue // the day of a date
		case !countsTime && i+1 < len(words) && timeUnits[words[i+1]] != "" && timeUnits[words[i+1]] != "%":
			continue
		case i > 0 && isDigits(words[i-1]) && isDigits(w):
			continue // the decimals or thousands of the number before
		case i+1 < len(words) && ordinalSuffix.MatchString(words[i+1]) && len(words[i+1]) == 2:
			continue // an ordinal counts nothing: "the 15th anniversary"
		}
		return true
	}
	return false
}

// An exact count asked: "Exactly how many people were killed …?", "the
// precise number of …". A sentence whose counts are all rough ("Over
// twenty people lost their lives, while hundreds were injured") does not
// give it.
var (
	asksExactCount = regexp.MustCompile(`(?i)\b(?:exactly|precisely)\s+how\s+(?:many|much)\b|\bthe\s+(?:exact|precise)\s+(?:number|figure|count|toll|amount|total)\b`)
	roughCount     = regexp.MustCompile(`(?i)\b(?:(?:over|more\s+than|less\s+than|fewer\s+than|about|around|nearly|almost|some|roughly|approximately|at\s+least|up\s+to|upwards\s+of|close\s+to|as\s+many\s+as)\s+(?:US)?\$?\d[\d,.]*|(?:over|more\s+than|less\s+than|fewer\s+than|about|around|nearly|almost|some|roughly|approximately|at\s+least|up\s+to|upwards\s+of|close\s+to|as\s+many\s+as)\s+(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\s+hundred|a\s+thousand)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|dozens|hundreds|thousands|millions|scores|several|a\s+few)\b`)
)

// onlyRoughCounts reports whether every count of a sentence that answers
// a "how many" question is rough: without its rough counts, it holds
// none.
func onlyRoughCounts(sentence, question string, f focus) bool {
	return roughCount.MatchString(sentence) && !holdsCount(roughCount.ReplaceAllString(sentence, " "), question, f)
}

// measureUnits are, by their stems, the units a "How many UNIT …?"
// question measures in, each with the measure it is written in: a number
// and the unit, "3,200 acres".
var measureUnits = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, unit := range strings.Fields("acre hectare kilometer kilometre mile tonne ton barrel meter metre") {
		m[text.Stem(unit)] = regexp.MustCompile(`(?i)\d[\d,.]*\s*(?:square\s+)?` + unit + `s?\b`)
	}
	m[text.Stem("km")] = regexp.MustCompile(`(?i)\d[\d,.]*\s*km\b`)
	return m
}()

// amountScales are the words of an amount written without a figure.
var amountScales = wordSet("million billion trillion millions billions trillions hundreds thousands dozens")

// sumOrShare is a sum of money or a share in a sentence: "US$10
// billion", "$60 million", "about a billion dollars", "56.9 percent",
// "70%".
var sumOrShare = regexp.MustCompile(`(?i)(?:US)?\$\s?\d[\d,.]*(?:\s?(?:million|billion|trillion))?|\d[\d,.]*\s?(?:%|percent\b|per cent\b)|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|hundreds\s+of|\d[\d,.]*)\s+(?:(?:hundred|thousand|million|billion|trillion)\s+)?(?:dollars|euros|yuan|dong|rubles|pounds)\b`)

// namedNumber is a number that is part of a name: "COVID-19", "G-20",
// the number after a name of two capitalised words ("the Haiyang Shiyou
// 981 oil rig").
var namedNumber = regexp.MustCompile(`\p{L}+-\d+|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+\d+\b`)

// countedWord is the lower-cased word after "how many" ("how many years"
// → "years"), or "".
func countedWord(question string) string {
	words := text.Words(question)
	for i := 0; i+2 < len(words); i++ {
		if words[i] == "how" && words[i+1] == "many" {
			return words[i+2]
		}
	}
	return ""
}

// amountLike is an amount in a sentence: a sum of money, a share, a
// measure.
var amountLike = regexp.MustCompile(`(?i)(?:US)?\$\s?\d|\d[\d,.]*\s?(?:%|(?:percent|per cent|million|billion|trillion|acres?|hectares?|km|kilomet(?:er|re)s?|miles?|tonnes?|tons?|barrels?)\b)|\b(?:million|billion|trillion|half|quarter|dollars?|yuan)\b`)

// sizeWords ask for an amount after "how": "how much", "how large was
// the aid package", "how big".
var sizeWords = wordSet("much large big huge sizable sizeable costly expensive")

// asksHowMuch reports whether a question asks "how much" or "how large".
func asksHowMuch(question string) bool {
	words := text.Words(question)
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "how" && sizeWords[words[i+1]] {
			return true
		}
	}
	return false
}

// Questions that ask what someone said, thought or did about something:
// the answer must be that someone's ("What did Taiwan say about …?",
// "How did the Philippines respond to …?", "What was Japan's reaction to
// …?").
var (
	askedWhatSubject = regexp.MustCompile(`^(?i:what|how)\s+(?i:did|does|do|has|have|had|would|will)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*?)(?:(?:['’]s)?(?:\s+\p{Ll}+){1,2})?\s+(?i:say|said|tell|told|write|wrote|think|thought|feel|felt|react(?:ed)?|respond(?:ed)?|repl(?:y|ied)|view(?:ed)?|see|seen|make|made|claim(?:ed)?|argue(?:d)?|announce(?:d)?|propose(?:d)?|want(?:ed)?)\b`)
	// "Did Malaysia say anything about …?", "Has Thailand commented on …?",
	// "Where does Laos stand on …?"
	askedDidSubject  = regexp.MustCompile(`^(?:(?i:did|does|do|has|have|had)|(?i:where)\s+(?i:does|do|did))\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*?)(?:['’]s(?:\s+\p{Ll}+){1,2})?\s+(?i:say|said|comment(?:ed)?|react(?:ed)?|respond(?:ed)?|criticiz(?:e|ed)|criticis(?:e|ed)|condemn(?:ed)?|welcome(?:d)?|protest(?:ed)?|object(?:ed)?|complain(?:ed)?|endorse(?:d)?|praise(?:d)?|stand|voice(?:d)?|express(?:ed)?)\b`)
	askedWhoseStance = regexp.MustCompile(`^(?i:what)\s+(?i:was|is|were|are)\s+(?:the\s+)?(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*)(?:'s|’s|')\s+(?:\p{Ll}+\s+)?(?i:reaction|response|position|view|views|stance|opinion|attitude|answer)\b`)
)

// titledName is a name after a title: "Vietnamese President Vo Van
// Thuong", "Prime Minister Pham Minh Chinh".
var titledName = regexp.MustCompile(`(?i:president|minister|secretary|spokesperson|spokesman|spokeswoman|ambassador|chairman|premier|general)\s+\p{Lu}\S*$|(?i:president|minister|secretary|spokesperson|spokesman|spokeswoman|ambassador|chairman|premier|general)\s+\p{Lu}\S*(?:\s+\p{Lu}\S*)+$`)

// askedSubject is the name whose words, reaction or stance a question asks
// for, or nil.
func askedSubject(question string) *nameGroup {
	question = strings.TrimSpace(question)
	for _, re := range []*regexp.Regexp{askedWhatSubject, askedDidSubject, askedWhoseStance} {
		if m := re.FindStringSubmatch(question); m != nil {
			// "Vietnamese President Vo Van Thuong": the person is the
			// name after the title, the people's word before it says
			// whose.
			f := readFocus("Ask " + m[1])
			if len(f.names) >= 1 && (len(f.names) == 1 || titledName.MatchString(m[1])) {
				return &f.names[len(f.names)-1]
			}
		}
	}
	return nil
}

// stanceTopic are the asked terms of what a question asks someone's words
// or stance on ("What did Wang Wenbin say about the upgrade of U.S.-Vietnam
// ties?" → upgrad, tie), nil when it asks none or names no topic.
func stanceTopic(question string, f focus) []string {
	question = strings.TrimSpace(question)
	for _, re := range []*regexp.Regexp{askedWhatSubject, askedDidSubject, askedWhoseStance} {
		if loc := re.FindStringIndex(question); loc != nil {
			return askedTermsWithout(question[loc[1]:], f.nameStems())
		}
	}
	return nil
}

// distinctiveNames are the names of the question that at most half of the
// passages mention: what the question is about, beside the names of the
// reading list's topic ("Vietnam", "China") that nearly every passage
// has. A sentence that answers the question names them, or its passage
// does before it (what "he" or "the two leaders" refer to), or its
// document's title, publisher or authors do.
func (f focus) distinctiveNames(passages []retrieval.Passage, textOf func(pi int) focusTexts) []nameGroup {
	var out, others []nameGroup
	var counts []int
	for _, g := range f.names {
		if g.when {
			continue
		}
		n := 0
		for pi := range passages {
			if g.mentionedBy(textOf(pi).has) {
				n++
			}
		}
		if 2*n <= len(passages) {
			out = append(out, g)
			continue
		}
		others = append(others, g)
		counts = append(counts, n)
	}
	// The search finds passages that name what the question names, so
	// of two names that most passages have, the rarer is still what the
	// question is about: "When did Vietnam join ASEAN?".
	if len(out) == 0 && len(others) >= 2 {
		rarest := slices.Index(counts, slices.Min(counts))
		if counts[rarest] < slices.Max(counts) {
			out = append(out, others[rarest])
		}
	}
	return out
}

// allMentioned reports whether texts mention every one of the names.
func allMentioned(names []nameGroup, ts focusTexts) bool {
	for _, g := range names {
		if !g.mentionedBy(ts.has) {
			return false
		}
	}
	return true
}

// demonymBase is the name of the place a people's or a language's word
// is made from ("singaporean" → "singapore", "indonesian" → "indonesia",
// "taiwanese" → "taiwan"), or "".
func demonymBase(lower string) string {
	for _, d := range []struct{ suffix, strip string }{{"ean", "an"}, {"ian", "n"}, {"ese", "ese"}} {
		if len(lower) > len(d.suffix)+2 && strings.HasSuffix(lower, d.suffix) {
			return strings.TrimSuffix(lower, d.strip)
		}
	}
	return ""
}

// questionParts splits a question into the questions it asks: "What are
// the Three Nos? Is the U.S. a hedge?" asks two.
func questionParts(question string) []string {
	var out []string
	for part := range strings.SplitSeq(question, "?") {
		if strings.TrimSpace(part) != "" {
			out = append(out, part+"?")
		}
	}
	return out
}

// documentLine is what a passage's document is: its title, publisher and
// authors, which a question may name ("… according to the European
// Guanxi article?").
func documentLine(p retrieval.Passage) string {
	return strings.Join(append([]string{passageTitle(p), p.Info.Publisher}, p.Info.Authors...), "\n")
}

// confirmNotMentioned makes sure of an answer that says the reading list
// does not mention something, which was read from the passages found for
// the question only: the reading list is searched for the name alone, and
// if a passage has it after all (Indonesia, named once, for a question
// about a joint statement), the answer is NotFoundText instead.
func (a *Answerer) confirmNotMentioned(ctx context.Context, question string, ans Answer) Answer {
	if ans.Mode != ModeNotFound || ans.Text == NotFoundText {
		return ans
	}
	f := readFocus(question)
	// found reports whether a search for query finds a passage of which
	// mentions holds.
	found := func(query string, mentions func(focusText) bool) bool {
		passages, err := a.search.Search(ctx, query, a.cfg.TopK)
		if err != nil {
			a.log.Debug("could not search for the unmentioned focus", "query", query, "err", err)
			return false
		}
		for _, p := range passages {
			if mentions(readFocusText(p.Text + "\n\n" + documentLine(p))) {
				a.log.Debug("the unmentioned focus is in a passage not found for the question", "query", query, "source", p.Source)
				return true
			}
		}
		return false
	}
	for _, g := range f.names {
		if notMentionedText(g.shown) != ans.Text {
			continue
		}
		// The name and its other forms: "France" is written "French".
		query := []string{g.shown}
		for _, forms := range g.words {
			for _, form := range forms[1:] {
				if !strings.HasPrefix(form, "stem:") {
					query = append(query, form)
				}
			}
		}
		if found(strings.Join(query, " "), func(t focusText) bool { return g.mentionedLoosely(t.words) }) {
			return notFound()
		}
	}
	for _, n := range append(append([]string{}, f.years...), f.numbers...) {
		if notMentionedText(n) == ans.Text && found(n, func(t focusText) bool { return t.numbers[n] }) {
			return notFound()
		}
	}
	return ans
}
