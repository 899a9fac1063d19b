package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// What a question asks, beside its names: the words that say what happened
// or what is counted (its asked terms), the kind of measure it wants (a
// share, a length, a span of time), whose words it wants (a stance) and
// which role it asks to name ("Who was China's ambassador …?"). A sentence
// that gives a date, a number or a name of something else is no answer.

// kindWords only say what kind of fact a question asks for ("In what
// year …", "How many …", "What share …"), or say nothing of their own.
var kindWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("year years date month day many much long percentage percent share proportion rate number figure amount total value size length happen happened take took make made occur come came get got go went gone time times early late recent recently roughly approximately exactly around ago") {
		m[text.Stem(w)] = true
	}
	return m
}()

// titleStems are the stems of the titles that go with names ("Prime
// Minister Pham Minh Chinh"): a sentence that names the holder has them.
var titleStems = func() map[string]bool {
	m := map[string]bool{}
	for w := range titles {
		m[text.Stem(w)] = true
	}
	return m
}()

// timeClause is a phrase of a question that says when what it asks about
// happened ("since Xi took over the party in 2012", "while Xi was in
// Hanoi"): the sentence that answers may say when otherwise.
var timeClause = regexp.MustCompile(`(?i)\b(?:during|since|while|following)\b[^,?]*`)

// askedTerms are the stems of a question's content words that say what
// happened or what is counted: neither its names nor its kind words.
func askedTerms(question string, f focus) []string {
	return askedTermsWithout(question, f.nameStems())
}

// askedByClause are the asked terms of a question, as its one clause
// (the rules that take clauses read a list of them).
func askedByClause(question string, f focus) [][]string {
	return [][]string{askedTerms(question, f)}
}

// nameStems are the stems of the words of a focus's names.
func (f focus) nameStems() map[string]bool {
	names := map[string]bool{}
	for _, g := range f.names {
		for _, forms := range g.words {
			for _, t := range text.Terms(forms[0]) {
				names[t] = true
			}
		}
	}
	return names
}

// askedTermsWithout are the asked terms of a clause, names left out.
func askedTermsWithout(clause string, names map[string]bool) []string {
	var out []string
	for _, t := range distinct(text.Terms(timeClause.ReplaceAllString(clause, " "))) {
		if len(t) > 2 && !names[t] && !kindWords[t] && !titleStems[t] && !isDigits(t) && numberWords[t] == "" {
			out = append(out, t)
		}
	}
	return out
}

// minAskedShare is the share of a question's asked terms that a sentence
// giving a date or a number must hold to answer it: each term counts once
// in the sentence, half in the sentences of its passage before it (which
// may say what "the latter" was), and the sentence must hold one itself.
// Chosen on the question sets of testdata/ (105 unanswerable, 12
// answerable sets; BENCHMARKS.md): 0.40 to 0.50 give the same answers,
// 0.34 and 0.60 fewer right ones; 0.45 is the middle.
const minAskedShare = 0.45

// holdsAsked reports whether a sentence (its terms, and those of the
// sentences before it) holds enough of the asked terms, each as itself, a
// synonym or a paraphrase: see minAskedShare.
func holdsAsked(terms, before []string, asked []string, synonyms retrieval.Synonyms) bool {
	if len(asked) == 0 {
		return true
	}
	have, context := termSet{}, termSet{}
	have.add(terms...)
	context.add(before...)
	n, own := 0.0, false
	for _, t := range asked {
		switch c := holdsTerm(have, t, synonyms); {
		case c > 0:
			n += c
			own = true
		default:
			n += holdsTerm(context, t, synonyms) / 2
		}
	}
	return own && n >= minAskedShare*float64(len(asked))
}

// holdsTerm is how much of a term the terms hold: 1 for itself or a
// synonym, paraphraseCredit for a paraphrase (either way round), else 0.
func holdsTerm(have termSet, t string, synonyms retrieval.Synonyms) float64 {
	if have.has(t) || slices.ContainsFunc(synonyms[t], func(syn string) bool { return !kindWords[syn] && have.has(syn) }) {
		return 1 // a synonym that says nothing of its own ("go" for "die") does not count
	}
	if slices.ContainsFunc(pastForms[t], have.has) {
		return 1
	}
	for u := range have {
		if rest, ok := strings.CutPrefix(u, t); ok && len(t) >= 3 && derivations[rest] || sameWord(t, u) {
			return 1 // "leader" for "lead", "invasion" for "invade"
		}
	}
	if c := credit(have, t); c > 0 {
		return c
	}
	for k, ps := range paraphrases {
		if slices.Contains(ps, t) && have.has(k) {
			return paraphraseCredit
		}
	}
	return 0
}

// termsBefore are the terms of the sentences before sents[i] in its
// passage.
func termsBefore(sents []sentence, i int) []string {
	var out []string
	for j := i - 1; j >= 0 && sents[j].passage == sents[i].passage; j-- {
		out = append(out, sents[j].terms...)
	}
	return out
}

// whWords are the question words; auxiliaries open a question answered
// by yes or no ("Did …", "Is …").
var (
	whWords     = wordSet("when how what who whom whose which where why")
	auxiliaries = wordSet("is are was were did does do has have had can could will would should")
)

// measure is the kind of quantity a question asks for, beside a count
// or a sum.
type measure int

const (
	measureNone   measure = iota
	measureShare          // "What share of …?", "What was the growth rate?"
	measureLength         // "How long is the border?"
	measureSpan           // "How long has he served?"
)

var (
	// shareNouns ask for a share after "what": "What share of …",
	// "What proportion …", "What was the GDP growth rate …".
	shareNouns = wordSet("share proportion fraction percentage percent rate")
	// askedLength asks for a distance.
	askedLength = regexp.MustCompile(`(?i)\bhow\s+(?:long|far|wide)\b.*\b(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|length)\b|\bhow\s+(?:long|far|wide)\s+(?:is|was|are|were)\b`)
	askedSpan   = regexp.MustCompile(`(?i)\bhow\s+long\b`)
)

// askedMeasure reads the kind of quantity a question asks for.
func askedMeasure(question string) measure {
	switch {
	case askedLength.MatchString(question):
		return measureLength
	case askedSpan.MatchString(question):
		return measureSpan
	}
	words := text.Words(question)
	if len(words) > 0 && (words[0] == "what" || words[0] == "which") {
		for _, w := range words {
			if shareNouns[w] {
				return measureShare
			}
		}
	}
	return measureNone
}

var (
	// shareLike is a share in a sentence: "56.9 percent", "80%", "half".
	shareLike = regexp.MustCompile(`(?i)\d[\d.,]*\s?(?:%|percent\b|per cent\b)|\b(?:half|quarter|thirds?|majority)\b`)
	// lengthLike is a distance in a sentence: "1,281 km".
	lengthLike = regexp.MustCompile(`(?i)\d[\d.,]*\s?(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)\b`)
	// spanLike is a span of time in a sentence: "six years", "a
	// 1,000-year reign", "one or two terms", "since 2018", "between 2017
	// and 2020".
	spanLike = regexp.MustCompile(`(?i)\b(?:\d[\d,]*|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|several|many|few)[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|century|centuries|terms?)\b|\bsince\s+(?:\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)\b|\bbetween\s+\d{4}\s+and\s+\d{4}\b|\bfrom\s+\d{4}\s+(?:to|until)\s+\d{4}\b|\b(?:from|between)\s+` + monthName + `\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:to|and|until|till|through)\s+(?:` + monthName + `\s+)?\d{1,2}(?:st|nd|rd|th)?\b`)
)

// Questions for how long something lasted, not how long since it was:
// "How long did Xi stay in Hanoi?" is answered by "his two-day trip",
// not by "for the first time in six years", which is the time since his
// last visit.
var (
	durationQuestion = regexp.MustCompile(`(?i)\bhow\s+long\b.*\b(?:stay|stayed|stays|last|lasted|lasts|remain|remained|take|took|run|ran|continue|continued|spend|spent)\b`)
	sinceQuestion    = regexp.MustCompile(`(?i)\b(?:since|ago|before|after|been)\b`)
	// elapsedTime is a time since something in a sentence: "for the
	// first time in six years", "since 2018", "three years ago".
	elapsedTime = regexp.MustCompile(`(?i)\bfor\s+the\s+first\s+time\s+in\s+[^,.;]*|\bsince\s+\S+|\b\S+\s+\S+\s+ago\b`)
)

// asksDuration reports whether a "how long" question asks how long
// something lasted.
func asksDuration(question string) bool {
	return durationQuestion.MatchString(question) && !sinceQuestion.MatchString(question)
}

// withinDay is a span shorter than a day: "two hours", "a 90-minute
// meeting", "all day".
var withinDay = regexp.MustCompile(`(?i)\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|several|many|few)[\s-]+(?:hours?|minutes?)\b|\b(?:all|whole|entire)\s+(?:the\s+)?(?:day|morning|afternoon|evening)\b`)

// holdsDuration reports whether a sentence gives how long the asked thing
// lasted, a time since it aside ("for the first time in six years"):
// what a question dates to one day ("How long did the talks on October
// 31 last?") lasted part of it, which the days a visit spanned do not say.
func holdsDuration(sentence, question string) bool {
	rest := elapsedTime.ReplaceAllString(sentence, " ")
	if dayOfMonth.MatchString(question) {
		return withinDay.MatchString(rest)
	}
	return spanLike.MatchString(rest)
}

// monthName is a month's name in a pattern: "October 30th to November
// 2nd" is a span.
const monthName = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`

// holds reports whether a sentence holds the kind of quantity asked for.
func (m measure) holds(sentence string) bool {
	switch m {
	case measureShare:
		return shareLike.MatchString(sentence)
	case measureLength:
		return lengthLike.MatchString(sentence)
	case measureSpan:
		return spanLike.MatchString(sentence)
	}
	return true
}

// stanceWords are the words of saying and of stance: "What did Japan say
// …?" is not answered by a list of trade partners that names Japan.
var stanceWords = regexp.MustCompile(`(?i)\b(?:say|said|says|stat(?:e|ed|es|ing|ement|ements)|told|tells?|warn(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:for|on)|urg(?:e|es|ed|ing)|critici[sz](?:e|es|ed|ing)|criticism|prais(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|respon(?:d|ds|ded|se|ses)|react(?:s|ed|ion|ions)?|repl(?:y|ies|ied)|express(?:es|ed|ing)?|emphasi[sz](?:e|es|ed|ing)|stress(?:es|ed)?|noted|notes|describ(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|argu(?:e|es|ed|ing)|claim(?:s|ed)?|remind(?:s|ed)?|insist(?:s|ed)?|vow(?:s|ed)?|pledg(?:e|es|ed)|views?|consider(?:s|ed)?|position|stance|oppos(?:e|es|ed)|accus(?:e|es|ed)|protest(?:s|ed)?|object(?:s|ed|ion|ions)|hop(?:e|es|ed)|think|thinks|thought|believ(?:e|es|ed)|articulat(?:e|es|ed)|according|declar(?:e|es|ed)|acknowledg(?:e|es|ed)|(?:re)?assur(?:e|es|ed|ance)|agree(?:s|d)?|dismiss(?:es|ed)?|reject(?:s|ed)?|defend(?:s|ed)?|refus(?:e|es|ed)|decid(?:e|es|ed)|chose|choose|chooses|add(?:s|ed)|wr(?:ote|ites?)|explain(?:s|ed)?|comment(?:s|ed)?|remark(?:s|ed)?|suggest(?:s|ed)?|propos(?:e|es|ed)|affirm(?:s|ed)?|confirm(?:s|ed)?|den(?:y|ies|ied)|demand(?:s|ed)?|underscor(?:e|es|ed)|highlight(?:s|ed)?|hail(?:s|ed)?|sp(?:oke|eaks?)|advocat(?:e|es|ed)|regard(?:s|ed|ing)?|look(?:s|ed|ing)?\s+(?:to|upon|on)\b[^.;]*?\bas)\b`)

// quotation is a quotation of four words or more: a scare quote ("the new
// “manufacturing hub”") reports nobody's words.
var quotation = regexp.MustCompile(`[“"]\s*\S+(?:\s+\S+){3,}?\s*[”"]`)

// stanceLike reports whether a text reports what someone said, thought or
// did about something: a word of saying or stance, or a quotation.
func stanceLike(s string) bool { return stanceWords.MatchString(s) || quotation.MatchString(s) }

// reportsStance reports whether a sentence reports what the subject said
// or thought: a word of saying or stance after the subject's first name
// ("Hanoi criticized", "Hang said"), or a quotation after it. A sentence that names
// the subject only after its stance word ("It has been noted how …
// Biden's visit to Cambodia") reports someone else's; one that does not
// name it (it says "he") has a stance word anywhere.
func reportsStance(sentence string, subject nameGroup) bool {
	if !stanceLike(sentence) {
		return false
	}
	words := sentenceWords(sentence)
	for i, w := range words {
		lower := lowerFolded(w.text)
		mention := map[string]bool{lower: true, "stem:" + text.Stem(lower): true}
		if base := demonymBase(lower); base != "" {
			mention[base] = true
		}
		if !slices.ContainsFunc(subject.words, func(forms []string) bool {
			return slices.ContainsFunc(forms, func(f string) bool { return mention[f] })
		}) {
			continue
		}
		var after []string
		for _, a := range words[i+1:] {
			after = append(after, a.text)
		}
		return stanceWords.MatchString(strings.Join(after, " ")) || quotation.MatchString(textAfter(sentence, w.text))
	}
	return true // "he said", of the subject the sentence before names
}

// Who questions that ask to name the holder of a role: "Who was China's
// ambassador …?", "Who is the spokesperson …?".
var (
	roleAfterWho  = regexp.MustCompile(`^\W*[Ww]ho\s+(?:is|was|were|are)\s+(?:the\s+|a\s+|an\s+)?(?:\p{Lu}[\p{L}.-]*(?:['’]s)?\s+)*(?:(?:the|a|an)\s+)?(\p{Ll}[\p{L}-]*)`)
	possessiveWho = regexp.MustCompile(`^\W*[Ww]ho\s+(?:is|was|were|are)\s+(?:the\s+|\p{Lu}[\p{L}.-]*['’]s\s+)`)
)

// roleTerms are the stems of the role a who question asks to name ("Who
// was Vietnam's ambassador to China …?" → ambassador), which the answer
// must hold; nil when it asks none ("Who is Lye Liang Fook?", "Who was
// waiting …?").
func roleTerms(question string) []string {
	if !possessiveWho.MatchString(question) {
		return nil
	}
	m := roleAfterWho.FindStringSubmatchIndex(question)
	if m == nil {
		return nil
	}
	// The role runs from its first word to the first small word: "largest
	// trading partner" of "Who is China's largest trading partner for …?".
	var out []string
	for _, w := range text.Words(question[m[2]:]) {
		if text.IsStopWord(w) {
			break
		}
		out = append(out, text.Stem(w))
	}
	return out
}

// holdsAny reports whether a sentence (its terms) holds one of the terms,
// or a synonym of one; true when there are none.
func holdsAny(terms, wanted []string, synonyms retrieval.Synonyms) bool {
	if len(wanted) == 0 {
		return true
	}
	have := termSet{}
	have.add(terms...)
	return slices.ContainsFunc(wanted, func(t string) bool { return holdsTerm(have, t, synonyms) > 0 })
}

// whenEvent is a question for the date of an event: "When did Vietnam
// join ASEAN?", "In what year was the RCEP signed?".
var whenEvent = regexp.MustCompile(`(?i)^\W*(?:when|(?:in\s+)?(?:what|which)\s+year)\s+(did|do|does|has|have|had|was|were|is|are)\s+(.*)$`)

// participle ends a verb's past participle: "signed", "born", "withdrawn".
var participle = regexp.MustCompile(`(?i)(?:ed|en|wn|rn|ung|ught|ade)$`)

// leadingWords come before an event's verb and are not it.
var leadingWords = wordSet("the a an and of first last ever finally again actually officially really formally")

// gettingVerbs say only that their object came to be had: the date of
// "gain independence" is the date of the independence, however a sentence
// says it was got ("Vietnam achieved independence").
var gettingVerbs = wordSet("gain gains gained win wins won achieve achieves achieved obtain obtains obtained attain attains attained secure secures secured")

// eventWord is the stem of the verb of a question for the date of an
// event ("When did Vo Van Thuong take office …?" → offic, "When was Le
// Hong Anh born?" → born), which the sentence that dates it must hold;
// "" when the question asks no such thing or the verb cannot be told.
func eventWord(question string) string {
	m := whenEvent.FindStringSubmatch(strings.TrimSpace(question))
	if m == nil {
		return ""
	}
	var words []string
	for _, f := range strings.Fields(m[2]) {
		w := trimWordParens(f)
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			w = "" // a possessive is part of a name
		}
		words = append(words, w)
	}
	switch strings.ToLower(m[1]) {
	case "was", "were", "is", "are": // "When was the agreement signed?"
		for i := len(words) - 1; i >= 0; i-- {
			if w := words[i]; w != "" && !startsWithCapital(w) && participle.MatchString(w) || strings.EqualFold(w, "born") {
				return lastTerm(w)
			}
		}
		return ""
	}
	i := 0
	for i < len(words) && (words[i] == "" || startsWithCapital(words[i]) || leadingWords[strings.ToLower(words[i])]) {
		i++ // the subject: "China and Vietnam", "the French"
	}
	for ; i < len(words); i++ {
		lower := strings.ToLower(words[i])
		if lower == "" || startsWithCapital(words[i]) || text.IsStopWord(lower) || leadingWords[lower] || kindWords[text.Stem(lower)] || lightVerbs[lower] || gettingVerbs[lower] || lower == "be" || lower == "been" {
			continue // "take office" → office, "gain independence" → independ
		}
		return lastTerm(lower)
	}
	return ""
}

// lastTerm is the stem of the last word of w: "elect" of "re-elected".
func lastTerm(w string) string {
	terms := text.Terms(w)
	if len(terms) == 0 {
		return ""
	}
	return terms[len(terms)-1]
}

// quotedPhrase is a phrase a question quotes: 'community with a shared
// future', “Three Nos”.
var quotedPhrase = regexp.MustCompile(`(?:^|[\s(])['‘"“]([^'’"”]{3,}?)['’"”](?:[\s),.?!;:]|$)`)

// quotedPhrases are the phrases of two words or more a question quotes,
// as words.
func quotedPhrases(question string) [][]string {
	var out [][]string
	for _, m := range quotedPhrase.FindAllStringSubmatch(question, -1) {
		if words := text.Words(m[1]); len(words) >= 2 {
			out = append(out, words)
		}
	}
	return out
}

// holdsPhrase reports whether a text holds the words of a phrase in a
// row, each as itself or its stem, the last as the start of a word too
// ("three no" of "the 'three no's'" for "Three Nos").
func holdsPhrase(body string, phrase []string) bool {
	words := text.Words(body)
	same := func(w, p string, last bool) bool {
		return w == p || text.Stem(w) == text.Stem(p) || last && len(p) >= 2 && strings.HasPrefix(w, p)
	}
	for i := 0; i+len(phrase) <= len(words); i++ {
		matched := true
		for j, p := range phrase {
			if !same(words[i+j], p, j == len(phrase)-1) {
				matched = false
				break
			}
		}
		if matched {
			return true
		}
	}
	return false
}

// derivations end a word made from another that says the same thing:
// "leader" of "lead", "signing" of "sign", "presentation" of "present".
var derivations = wordSet("er or ing ed s ment ship ation")

// pastForms are the stems of the irregular past forms of verbs, by the
// stem of the verb: the stemmer leaves "became" for "become".
var pastForms = map[string][]string{
	"becom": {"becam"}, "begin": {"began", "begun"}, "take": {"took", "taken"}, "give": {"gave", "given"},
	"win": {"won"}, "meet": {"met"}, "fight": {"fought"}, "lead": {"led"}, "hold": {"held"},
	"send": {"sent"}, "write": {"wrote", "written"}, "buy": {"bought"}, "sell": {"sold"}, "make": {"made"},
	"come": {"came"}, "go": {"went", "gone"}, "see": {"saw", "seen"}, "say": {"said"}, "tell": {"told"},
	"leav": {"left"}, "lose": {"lost"}, "bring": {"brought"}, "build": {"built"}, "break": {"broke", "broken"},
	"choos": {"chose", "chosen"}, "draw": {"drew", "drawn"}, "rise": {"rose", "risen"}, "fall": {"fell", "fallen"},
	"sink": {"sank", "sunk"}, "seek": {"sought"}, "teach": {"taught"}, "think": {"thought"}, "withdraw": {"withdrew", "withdrawn"},
}

// holdsEvent reports whether a sentence (its terms) tells of the event a
// question asks the date of: it holds the event's verb itself, or a
// synonym of it and half the other asked terms of a clause (a synonym
// alone may be another sense: "decorous" for "become"), or every other
// asked term.
func holdsEvent(terms []string, asked [][]string, event string, synonyms retrieval.Synonyms) bool {
	if holdsAny(terms, []string{event}, nil) || !stateVerbs[event] && holdsAllBut(terms, asked, event, synonyms) {
		return true
	}
	if !holdsAny(terms, []string{event}, synonyms) {
		return false
	}
	return slices.ContainsFunc(asked, func(clause []string) bool {
		others := slices.DeleteFunc(slices.Clone(clause), func(t string) bool { return t == event })
		return len(others) > 0 && holdsAsked(terms, nil, others, synonyms)
	})
}

// stateVerbs name a change into a state ("When did Le Thi Thu Hang become
// spokesperson?"): a sentence that only says the state ("spokesperson Le
// Thi Thu Hang said") does not date it, so every other asked word is not
// enough; the verb, or one of its paraphrases ("joined" for "became a
// member"), is needed.
var stateVerbs = wordSet("becom remain")

// holdsAllBut reports whether a sentence holds every asked term of one of
// the clauses but the event word, and there is at least one such term: "a
// brief, bloody border war" dates "When did China and Vietnam fight a
// border war?".
func holdsAllBut(terms []string, asked [][]string, event string, synonyms retrieval.Synonyms) bool {
	have := termSet{}
	have.add(terms...)
	return slices.ContainsFunc(asked, func(clause []string) bool {
		n := 0
		for _, t := range clause {
			if t == event {
				continue
			}
			if holdsTerm(have, t, synonyms) == 0 {
				return false
			}
			n++
		}
		return n > 0
	})
}

// sameWord reports whether two stems of five letters or more are the same
// word but for a last letter the stemmer leaves: "invad" and "invas"
// (invade, invasion), "respond" and "respons", "decid" and "decis".
func sameWord(a, b string) bool {
	if len(a) != len(b) || len(a) < 5 || a == b {
		return a == b && a != ""
	}
	n := len(a) - 1
	return a[:n] == b[:n] && strings.ContainsRune("sdt", rune(a[n])) && strings.ContainsRune("sdt", rune(b[n]))
}

// textAfter is the text after the first occurrence of word, or "".
func textAfter(s, word string) string {
	if i := strings.Index(s, word); i >= 0 {
		return s[i+len(word):]
	}
	return ""
}
