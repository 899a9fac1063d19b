package answer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// What a question asks beside its topic: the verb it asks about ("What
// did Yu Zhengsheng agree …?" asks what was agreed, not that he visited),
// the kind of name it wants ("Which university …?"), the holder of a role
// ("Who was Vietnam's state president …?"), a reason ("Why …?") and the
// clause its date belongs to. A sentence that names the topic and says
// none of these is no answer.

// predicateQuestion is a question whose verb follows an auxiliary and
// its subject: "What did Yu Zhengsheng agree …?", "Did the government
// prosecute …?", "Why has Vietnam refused …?". "What rank did Yu hold?",
// "How often has Vietnam received …?" ask for the noun or the adverb,
// whatever the verb says it with ("ranked fourth", "hosted … every year").
var predicateQuestion = regexp.MustCompile(`(?i)^\W*(?:(?:what|why|how|whom|for\s+what\s+reason)\s+(?:exactly\s+|precisely\s+|really\s+|else\s+)?)?(did|does|do|will|would|can|could|has|have|had|is|are|was|were)\s+(.*)$`)

// whoDid is a question for who did something, its verb right after
// "who": "Who greeted Xi at the airport?", "Who sent Yu Zhengsheng …?".
var whoDid = regexp.MustCompile(`(?i)^\W*who\s+(\p{Ll}+)\b`)

// kindDid is a question for the kind of name that did something, or had
// something done: "Which university did Lye Liang Fook graduate from?".
var kindDid = regexp.MustCompile(`(?i)^\W*(?:which|what)\s+\p{L}+(?:\s+\p{L}+)?\s+((?:did|does|do|has|have|had)\s+.*)$`)

// broadVerbs ask nothing of their own ("What did Xi say …?", "What does
// the doctrine include?"): the sentence that answers says it otherwise,
// and the rules for stances and kinds of fact cover them.
var broadVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("say said tell told think thought mean do did done happen make made take took get got have had go went come came want wanted need see saw know knew feel felt stand include involve cover contain call look seem become became play use like expect hope plan try show give gave describe write wrote react respond view regard treat portray characterize matter belong work serve base employ") {
		m[text.Stem(w)] = true
	}
	return m
}()

// askedPredicate is the stem of the verb a question asks about, after its
// auxiliary and subject: the last lowercase content word before the first
// small word that follows one ("Did the Vietnamese government prosecute
// the people …?" → prosecut); "" when the question asks none, asks it
// with a broad verb, or asks a date (eventWord reads those). A time
// scope's verb is not it: "What did Chinh do a week after the meeting?"
// asks none.
func askedPredicate(question string) string {
	q := strings.TrimSpace(withoutTimeScope(mainQuestion(question))) // "Apart from Peng Liyuan, who travelled with Xi?" asks "who travelled"
	if whenEvent.MatchString(q) {
		return ""
	}
	if w := whoDid.FindStringSubmatch(q); w != nil {
		lower := strings.ToLower(w[1])
		if auxiliaries[lower] || text.IsStopWord(lower) || !participle.MatchString(lower) && pastOf[lower] == "" {
			return "" // "Who is …", "Who leads …"
		}
		if t := lastTerm(lower); !broadVerbs[t] && !lightVerbs[lower] {
			return t
		}
		return ""
	}
	if c := causeOf.FindStringSubmatch(q); c != nil {
		if t := lastTerm(strings.ToLower(c[1])); !broadVerbs[t] && !kindWords[t] && !lightVerbs[strings.ToLower(c[1])] && !text.IsStopWord(strings.ToLower(c[1])) {
			return t // "What led Obama to lift the embargo?" → lift
		}
		return ""
	}
	if causeVerb.MatchString(q) {
		return "" // "What is driving the rapprochement?": the verb is the cause's
	}
	if k := kindDid.FindStringSubmatch(q); k != nil && kindNamePattern(q) != nil {
		q = k[1] // "Which university did he graduate from?" → "did he graduate from?"
	}
	m := predicateQuestion.FindStringSubmatch(q)
	if m == nil {
		return nounQuestionVerb(q)
	}
	be := slices.Contains([]string{"is", "are", "was", "were"}, strings.ToLower(m[1]))
	last := ""
	fields := strings.Fields(m[2])
	if v := verbAfterBeen(m[1], fields); v != "" {
		fields, be = []string{v}, true // "Why has Trong's late-2022 trip been read as …?" → read
	}
	for k, f := range fields {
		w := trimWordParens(f)
		if last != "" && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
			break // a possessive after the verb opens its object: "cover Trong's visit"
		}
		if k > 0 && (articles[strings.ToLower(fields[k-1])] || possessiveEnd.MatchString(fields[k-1])) {
			continue // a word after an article or a possessive is a noun: "does the joint statement's point 9 say", "did Yu's trip show"
		}
		if w == "" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || startsWithCapital(w) {
			continue // the subject's names
		}
		lower := strings.ToLower(w)
		if text.IsStopWord(lower) || leadingWords[lower] || numberWords[text.Stem(lower)] != "" || isDigits(lower) {
			if last != "" && (lower == "have" || lower == "has") && slices.Contains([]string{"do", "does", "did"}, strings.ToLower(m[1])) {
				return "" // after "do", "have" is the verb: "What do the two party bosses have in common?"
			}
			if last != "" {
				break
			}
			continue
		}
		last = lower
		if strings.ContainsAny(f, ",?") {
			break
		}
	}
	if last == "" || be && !participle.MatchString(last) && !strings.HasSuffix(last, "ing") && last != "left" && !sameParticiples[last] && pastOf[lastTerm(last)] == "" {
		return "" // "Who was …", "What is the Three Nos doctrine?"
	}
	t := lastTerm(last)
	if verb, ok := pastOf[t]; ok && be && last != "left" {
		t = verb // "Why was the forum held in Beijing?" → hold
	}
	if broadVerbs[t] || kindWords[t] || lightVerbs[last] {
		return ""
	}
	return t
}

// sameParticiples are the participles spelt as their verb.
var sameParticiples = wordSet("read put set cut hit let shut spread cast cost hurt quit split bid")

// verbAfterBeen is the verb of a question asked with "has", "have" or
// "had" and "been": the participle after "been" or "being", however long
// the subject before it ("Why have a number of Chinese firms been
// relocating …?" → relocating); "" when there is none, or "been" is the
// verb ("has X been critical of …").
func verbAfterBeen(aux string, fields []string) string {
	if !slices.Contains([]string{"has", "have", "had"}, strings.ToLower(aux)) {
		return ""
	}
	for k, f := range fields[:max(len(fields)-1, 0)] {
		if lower := strings.ToLower(trimWordParens(f)); lower != "been" && lower != "being" {
			continue
		}
		next := trimWordParens(fields[k+1])
		lower := strings.ToLower(next)
		if next != lower || text.IsStopWord(lower) {
			return ""
		}
		if strings.HasSuffix(lower, "ing") || participle.MatchString(lower) || pastOf[text.Stem(lower)] != "" || sameParticiples[lower] {
			return next
		}
		return ""
	}
	return ""
}

// nounQuestion opens a question by what it asks for, a noun after the
// question word: "What agreements were signed …?", "How many documents
// did they sign …?", "Which Chinese ministry signed …?".
var nounQuestion = regexp.MustCompile(`(?i)^\W*(?:what|which|how\s+many|how\s+much)\s+(.*)$`)

// maxNounWords is how many words the noun of a nounQuestion may have
// before its verb: "Which Vietnamese and Chinese agencies will operate
// …?".
const maxNounWords = 6

// nounQuestionVerb is the stem of the verb of a question that opens with
// the noun it asks for, which the sentence that answers must hold as a
// question with the verb after its auxiliary must ("What agreements were
// signed during Trong's 2017 visit?" is not answered by a sentence that
// lists the visit): the verb read after the noun's auxiliary as for
// predicateQuestion ("How many agreements did China and Vietnam sign
// …?" → sign), or the first past form right after the noun ("Which
// Chinese ministry signed …?" → sign). A verb that says little beside
// its object asks for the noun, whatever the answer says it with ("What
// rank did Yu hold?" is answered by "Yu ranked fourth"); "" when there is
// none.
func nounQuestionVerb(q string) string {
	m := nounQuestion.FindStringSubmatch(q)
	if _, person := whichPersonNoun(q); m == nil || person || kindNamePattern(q) != nil {
		return "" // people and kinds of name are asked by detail.go and kindNamePattern
	}
	words := strings.Fields(m[1])
	// "Which of the 13 agreements signed during the visit was expected to
	// reshape …?" singles one out of a group the question describes: its
	// verb is the one after the group's auxiliary.
	ofGroup := len(words) > 0 && strings.EqualFold(words[0], "of") && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(q)), "how") // "How much of …" asks a share
	reach := maxNounWords
	if ofGroup {
		reach *= 2
	}
	for k, f := range words[:min(len(words), reach)] {
		w := trimWordParens(f)
		lower := strings.ToLower(w)
		if k == 0 && !ofGroup && (text.IsStopWord(lower) || auxiliaries[lower]) {
			return "" // "What did …", "What is …": predicateQuestion's, or none
		}
		if auxiliaries[lower] {
			return verbAfterAuxiliary(words[k+1:], lower)
		}
		if ofGroup {
			continue
		}
		if k > 0 && w != "" && !startsWithCapital(w) && (strings.HasSuffix(lower, "ed") || pastOf[text.Stem(lower)] != "") {
			if t := lastTerm(lower); !broadVerbs[t] && !kindWords[t] && !lightVerbs[lower] && !supportVerbs[t] && !causedBy.MatchString(lower) {
				return t
			}
			return ""
		}
		if strings.ContainsAny(f, ",?") || text.IsStopWord(lower) && lower != "and" && lower != "or" {
			return "" // the verb is not right after the noun: "What share of …"
		}
	}
	return ""
}

// verbAfterAuxiliary is the stem of the verb after a nounQuestion's
// auxiliary: a participle right after "was" or "were" ("were signed"),
// the verb right after a modal ("will operate"), else the first lowercase
// word after a subject of names ("did China and Vietnam sign"); "" for a subject that is no name ("did the 13 new
// documents of 2022 pertain to", which cannot be told from its verb), or
// a verb that says little beside its object ("What rank did Yu hold?").
func verbAfterAuxiliary(words []string, aux string) string {
	be := slices.Contains([]string{"is", "are", "was", "were"}, aux)
	modal := slices.Contains([]string{"will", "would", "can", "could", "should"}, aux)
	verb := ""
	for k, f := range words {
		w := trimWordParens(f)
		lower := strings.ToLower(w)
		switch {
		case w == "":
			continue
		case be && k == 0:
			calling := k+1 < len(words) && strings.EqualFold(words[k+1], "as") // "was named as": what it is called
			if (participle.MatchString(lower) || pastOf[text.Stem(lower)] != "") && !calling {
				verb = lower
				if next := strings.ToLower(trimWordParens(words[min(k+2, len(words)-1)])); k+2 < len(words) && strings.EqualFold(words[k+1], "to") && !text.IsStopWord(next) && !startsWithCapital(words[k+2]) {
					verb = next // "was expected to reshape"; not "were sent to the oil rig"
				}
			}
		case modal && k == 0 && !text.IsStopWord(lower):
			verb = lower // "will operate"
		case k == 0 && !startsWithCapital(w):
			return "" // not a subject of names
		case strings.HasSuffix(lower, "'s"), strings.HasSuffix(lower, "’s"):
			return "" // "does Vietnam's military rely on": its noun cannot be told from a verb
		case startsWithCapital(w), lower == "and":
			continue // the subject's names
		case !text.IsStopWord(lower) && !auxiliaries[lower]:
			verb = lower
		}
		break
	}
	if verb == "" {
		return ""
	}
	t := lastTerm(verb)
	if v, ok := pastOf[t]; ok {
		t = v
	}
	if broadVerbs[t] || kindWords[t] || lightVerbs[verb] || supportVerbs[t] || causedBy.MatchString(verb) {
		return "" // "Which oil rig caused the standoff?" is answered by "the standoff over the oil-rig incident"
	}
	return t
}

// predicateParaphrases are the stems of words the reading list says an
// asked verb with, beside its synonyms: "agreed to enhance border trade"
// tells what the two sides decided.
var predicateParaphrases = map[string][]string{
	"decid":    {"agre", "chose", "choos", "opt", "resolv", "vow"},
	"agre":     {"decid", "accept", "consent", "pledg", "vow", "commit", "promis"},
	"promis":   {"vow", "pledg", "commit", "agre"},
	"pledg":    {"vow", "promis", "commit", "agre"},
	"vow":      {"pledg", "promis", "commit", "agre"},
	"apolog":   {"regret", "sorri"},
	"apologis": {"regret", "sorri"},
	"punish":   {"sanction", "jail", "arrest", "sentenc", "prosecut", "fine"},
	"prosecut": {"charg", "tri", "trial", "convict", "sentenc", "jail"},
	"order":    {"direct", "instruct", "command", "told", "tell"},
	// Words that press someone to act: "reminded Vietnam to accord
	// priority" is what "urge" asks.
	"urg":    {"remind", "press", "push", "exhort", "encourag", "call", "ask", "told", "tell"},
	"remind": {"urg", "press", "call", "told", "tell"},
	// A salute is how a guest is welcomed: "a twenty-one gun salute".
	"welcom": {"greet", "receiv", "host", "salut"},
	"greet":  {"welcom", "receiv"},
	// Going somewhere: "Who travelled with Xi?" is answered by "Xi
	// arrived with his wife".
	"travel":    {"arriv", "visit", "trip", "journey", "fli", "flew", "accompani"},
	"accompani": {"travel", "arriv", "visit"},
	// Moving house: "companies are moving their operations to Vietnam"
	// relocate them (WordNet's verb "relocate" has no synonym, only "move"
	// above it).
	"reloc": {"move", "shift", "transfer"},
	// A court rules by rejecting or upholding a claim: "'historic rights',
	// which was rejected by an arbitral tribunal".
	"rule": {"reject", "uphold", "overturn"},
	// Facing someone: "met by over eighty Chinese boats".
	"confront": {"met", "meet", "face", "clash"},
	// Guns are fired in a salute: "a twenty-one gun salute".
	"fire": {"salut", "shot", "shoot"},
	// Handing over: "Xi's presentation of China's Friendship Medal",
	// "Xi … awards Nguyen Phu Trong … the Friendship Medal".
	"present": {"award", "give", "gave", "hand", "confer", "bestow"},
	"award":   {"present", "give", "gave", "confer", "bestow"},
}

// forbiddingVerbs say that something may not be done, as "no", "not" and
// "never" do: "What does the Three Nos doctrine forbid?" is answered by
// "no military alliance …".
var (
	forbiddingVerbs = wordSet("forbid prohibit ban bar")
	negationWords   = regexp.MustCompile(`(?i)\b(?:no|not|never|nor|without)\b|\w+n['’]t\b`)
)

// pastOf are irregular past forms a who question asks with: "Who led …?",
// "Who sent …?".
var pastOf = func() map[string]string {
	m := map[string]string{}
	for verb, forms := range pastForms {
		for _, f := range forms {
			m[f] = verb
		}
	}
	return m
}()

// holdsPredicate reports whether a sentence's terms hold the asked verb:
// itself (or a word derived from it), a synonym as it is, or a
// paraphrase.
func holdsPredicate(terms []string, predicate string, synonyms retrieval.Synonyms) bool {
	have := termSet{}
	have.add(terms...)
	// A synonym or a paraphrase is matched as it is, not by a shared
	// stem: "dictat" of "command" is not "dictatorship", "commit" of
	// "promise" not "committee"; and a verb's synonym shares one of its
	// senses as a verb: "mark" of the noun "sign" does not say "sign".
	verbs := verbSenses(predicate)
	synonym := slices.ContainsFunc(synonyms[predicate], func(s string) bool {
		return !kindWords[s] && (verbs == nil || slices.Contains(verbs, s)) && have.hasAnyExactly([]string{s})
	})
	exactly := func(v string) bool { return have.hasAnyExactly([]string{v}) }
	return holdsTerm(have, predicate, nil) > 0 || synonym || slices.ContainsFunc(predicateParaphrases[predicate], exactly) || slices.ContainsFunc(relatedVerbs(predicate), exactly)
}

// verbSenses returns the stems sharing one of the first two senses of the
// verb predicate as a verb (empty, not nil, for a verb without any), or nil
// when WordNet knows no verb of that stem or its table cannot be read.
func verbSenses(predicate string) []string {
	table, err := retrieval.WordNetVerbSynonyms()
	if err != nil {
		return nil
	}
	if verbs, ok := table[predicate]; ok {
		return append([]string{}, verbs...)
	}
	return nil
}

// holdsPredicateNear reports whether sents[i], or the sentence just
// before or after it, holds the asked verb.
func holdsPredicateNear(sents []sentence, i int, predicate string, synonyms retrieval.Synonyms) bool {
	if forbiddingVerbs[predicate] && negationWords.MatchString(sents[i].text) {
		return true
	}
	before, after := neighbours(sents, i)
	// A neighbour says it in the verb's own words or a paraphrase: a
	// synonym there is often another sense ("mark" of "sign").
	return holdsPredicate(verbTerms(sents[i].text), predicate, synonyms) || holdsPredicate(before, predicate, nil) || holdsPredicate(after, predicate, nil)
}

// articles are the words that open a noun phrase: the word right after one
// is a noun.
var articles = wordSet("a an the")

// verbTerms are the terms of a sentence but its bare nouns right after an
// article, which name a thing, not an act the asked verb says: "a sign
// that Trong wants …" signs nothing. A word formed from a verb ("the
// signing of", "the signed deal", "an invitation") still says it, and so does a noun that
// takes the act's object with "of": "announced the end of the arms
// embargo" tells who ended it.
func verbTerms(sentence string) []string {
	fields := strings.Fields(sentence)
	var terms []string
	for k, f := range fields {
		w := strings.ToLower(strings.Trim(f, "?.,!;:\"“”'’()[]"))
		ofObject := k+1 < len(fields) && strings.EqualFold(fields[k+1], "of") && !strings.ContainsAny(f, ",;:")
		stem := text.Stem(w)
		bare := strings.HasPrefix(w, stem) && len(w)-len(stem) <= 1 && !strings.HasSuffix(w, "ed") // "sign", "signs"; not "signing", "invitation"
		if k > 0 && articles[strings.ToLower(strings.Trim(fields[k-1], "\"“”'’(["))] && bare && !ofObject {
			continue
		}
		terms = append(terms, text.Terms(f)...)
	}
	return terms
}

// neighbours are the terms of the sentences just before and after sents[i]
// in its passage, which may say what it says in other words ("In return,
// Xi sent Yu …" | "The two sides agreed …").
func neighbours(sents []sentence, i int) (before, after []string) {
	if i > 0 && sents[i-1].passage == sents[i].passage && sents[i-1].pos == sents[i].pos-1 {
		before = sents[i-1].terms
	}
	if i+1 < len(sents) && sents[i+1].passage == sents[i].passage && sents[i+1].pos == sents[i].pos+1 {
		after = sents[i+1].terms
	}
	return before, after
}

// Kinds of name a "which" question asks for, and the words a name of
// that kind is written with.
var (
	askedKind = regexp.MustCompile(`(?i)^\W*(?:which|what)\s+((?:[\p{L}-]+\s+){0,3}?)(universit(?:y|ies)|institutes?|institutions?|think[\s-]+tanks?|research\s+(?:centers?|centres?|institutes?)|compan(?:y|ies)|firms?|corporations?|contractors?|shipyards?|banks?|organi[sz]ations?|ministr(?:y|ies)|agenc(?:y|ies)|departments?)\b`)
	kindNames = map[string]string{
		"univers": `University|College|School`,
		"institu": `Institute|Institution|Center|Centre|Council|Foundation|University|Academy`,
		"think":   `Institute|Institution|Center|Centre|Council|Foundation`,
		"researc": `Institute|Center|Centre|University|Academy`,
		"company": `Company|Companies|Corp\.?|Corporation|Group|Inc\.?|Ltd\.?|Co\.|Holdings|Industries|Enterprises?|Shipyards?|Bank`,
		"compani": `Company|Companies|Corp\.?|Corporation|Group|Inc\.?|Ltd\.?|Co\.|Holdings|Industries|Enterprises?|Shipyards?|Bank`,
		"firm":    `Company|Corp\.?|Corporation|Group|Inc\.?|Ltd\.?|Co\.|Holdings|Industries|Enterprises?`,
		"corpora": `Company|Corp\.?|Corporation|Group|Inc\.?|Ltd\.?|Co\.|Holdings|Industries|Enterprises?`,
		"contrac": `Company|Corp\.?|Corporation|Group|Inc\.?|Ltd\.?|Co\.|Holdings|Industries|Enterprises?`,
		"shipyar": `Shipyards?|Company|Corp\.?|Corporation|Group|Industries`,
		"bank":    `Bank`,
		"ministr": `Ministry|Ministries`,
		"agency":  `Agency|Administration|Ministry|Department|Guard|Commission`,
		"agenci":  `Agency|Agencies|Administration|Ministry|Department|Guard|Commission`,
		"departm": `Department|Ministry`,
		"organis": `Organi[sz]ation|Association|Union|Institute|Center|Centre|Council|Foundation|Ministry|Agency|Bank|Company|Corporation|Group`,
		"organiz": `Organi[sz]ation|Association|Union|Institute|Center|Centre|Council|Foundation|Ministry|Agency|Bank|Company|Corporation|Group`,
	}
)

// kindNamePattern is the pattern of a name of the kind a question asks
// for ("Which university …?", "Which two foreign oil companies …?" →
// "Guangxi University", "University of Cambridge"), or nil when it asks none. A university or institute may
// also be written as an acronym: "ISEAS - Yusof Ishak Institute".
func kindNamePattern(question string) *regexp.Regexp {
	m := askedKind.FindStringSubmatch(question)
	if m == nil || slices.ContainsFunc(strings.Fields(m[1]), func(w string) bool {
		w = strings.ToLower(w)
		return text.IsStopWord(w) || auxiliaries[w]
	}) {
		return nil // "What do Chinese contractors …", "Which scholar at Guangxi University …"
	}
	key := strings.ToLower(m[2])
	key = key[:min(7, len(key))]
	if strings.HasPrefix(key, "think") {
		key = "think"
	}
	words, ok := kindNames[key]
	if !ok {
		for k, w := range kindNames {
			if strings.HasPrefix(key, k) {
				words, ok = w, true
			}
		}
	}
	if !ok {
		return nil
	}
	return regexp.MustCompile(`\p{Lu}[\p{L}.&'’-]*\s+(?:` + words + `)\b|\b(?:` + words + `)\s+(?:of|for|on)\s+(?:the\s+)?\p{Lu}`)
}

// holdsKindName reports whether a sentence holds a name of the kind asked
// for that the question does not itself give.
func holdsKindName(sentence, question string, kind *regexp.Regexp) bool {
	for _, m := range kind.FindAllString(sentence, -1) {
		if !strings.Contains(strings.ToLower(question), strings.ToLower(m)) {
			return true
		}
	}
	return false
}

// roleQuestion is a question that asks to name the holder of a role, as
// "Who is …?" asks it: "What is the name of Vietnam's defence minister?"
// → "Who is Vietnam's defence minister?"; else the question itself.
func roleQuestion(question string) string {
	if m := nameOf.FindStringSubmatch(strings.TrimSpace(question)); m != nil && possessiveWho.MatchString("Who is "+m[1]) {
		return "Who is " + m[1]
	}
	return question
}

// personRoles are the roles held by a person, whose name the answer
// gives next to the role; "Who is China's largest trading partner?" asks
// for a country.
var personRoles = func() map[string]bool {
	m := map[string]bool{}
	for w := range titles {
		m[text.Stem(w)] = true
	}
	for _, w := range strings.Fields("envoy director head spokesman spokeswoman official minister governor mayor commander") {
		m[text.Stem(w)] = true
	}
	return m
}()

// roleHead is the word of the role a who question asks to name when a
// person holds it: the last word of its role ("state president" →
// presid), or else its first title ("Who was the U.S. Secretary of Defense
// …?" → secretari); "" when it asks none.
func roleHead(question string, role []string) string {
	if len(role) > 0 && personRoles[role[len(role)-1]] {
		return role[len(role)-1]
	}
	if len(role) > 0 || !possessiveWho.MatchString(question) {
		return ""
	}
	for _, w := range text.Words(question) {
		if t := text.Stem(w); personRoles[t] {
			return t
		}
	}
	return ""
}

// holdsEvery reports whether a sentence's terms hold every one of the
// wanted terms, each as itself or a synonym: "Who was China's foreign
// minister?" is not answered by "Prime Minister Pham Minh Chinh".
func holdsEvery(terms, wanted []string, synonyms retrieval.Synonyms) bool {
	have := termSet{}
	have.add(terms...)
	return !slices.ContainsFunc(wanted, func(t string) bool { return holdsTerm(have, t, synonyms) == 0 })
}

// roleReach is how many words from the role's head its other words may
// stand: "Minister of Foreign Affairs", "foreign minister".
const roleReach = 3

// roleTogether reports whether a sentence holds the words of a role of
// several words together, near its head: "Who was China's foreign
// minister?" is not answered by "Vietnam's Foreign Ministry … Prime
// Minister Pham Minh Chinh".
func roleTogether(sentence string, role []string, head string, synonyms retrieval.Synonyms) bool {
	if len(role) < 2 {
		return true
	}
	tokens := wordToken.FindAllString(sentence, -1)
	holds := func(tok, t string) bool { // the word itself or a synonym: "Ministry" is no minister
		return slices.ContainsFunc(text.Terms(tok), func(u string) bool { return u == t || slices.Contains(synonyms[t], u) })
	}
	for i, tok := range tokens {
		if !holds(tok, head) {
			continue
		}
		near := tokens[max(0, i-roleReach):min(len(tokens), i+roleReach+1)]
		if !slices.ContainsFunc(role, func(t string) bool {
			return t != head && !slices.ContainsFunc(near, func(w string) bool { return holds(w, t) })
		}) {
			return true
		}
	}
	return false
}

// Words from the role a name of its holder may stand, before and after
// it: "Xiong Bo, China's ambassador", "the director of the China-ASEAN
// Maritime Security Research Center at Guangxi University for
// Nationalities, Ge Hongliang".
const (
	nameWindowBefore = 8
	nameWindowAfter  = 15
)

// namesHolder reports whether a sentence names, near a word for the role
// (its head, or a synonym), a person the question does not name: a run of
// two capitalised words or more, neither a title nor a word of the
// question ("Prime Minister Pham Minh Chinh"; not "the U.S. Secretary of
// Defense" for "Who was the U.S. Secretary of Defense …?").
func namesHolder(sentence, question string, head string, synonyms retrieval.Synonyms) bool {
	asked := map[string]bool{}
	for _, w := range text.Words(question) {
		asked[w] = true
	}
	words := strings.Fields(sentence)
	capital := func(w string) string { // the word, bare, if it is written with a capital
		w = strings.Trim(w, ",.;:()“”\"'’‘[]")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return ""
		}
		return strings.ToLower(w)
	}
	// A person's name is two capitalised words or more in a row, none a
	// title, a word of the question, a month or a word of a post, in a run
	// of capitalised words with no word of an organisation's name ("the
	// East Asian Institute"). person marks the words of such names.
	person := make([]bool, len(words))
	for start := 0; start < len(words); {
		end := start
		for end < len(words) && capital(words[end]) != "" {
			end++
			if strings.ContainsAny(words[end-1], ",;:()") {
				break
			}
		}
		if end == start {
			start++
			continue
		}
		if !slices.ContainsFunc(words[start:end], func(w string) bool { return organisationWords[capital(w)] }) {
			for k := start; k < end; {
				m := k
				for m < end {
					lower := capital(words[m])
					if asked[lower] || titles[lower] || postWords[lower] || text.IsStopWord(lower) || monthNumber(lower) != 0 {
						break
					}
					m++
				}
				if m-k >= 2 {
					for x := k; x < m; x++ {
						person[x] = true
					}
				}
				k = max(m, k+1)
			}
		}
		start = end
	}
	personName := func(j int) bool { return person[j] }
	for i, w := range words {
		have := termSet{}
		have.add(text.Terms(w)...)
		if holdsTerm(have, head, synonyms) == 0 {
			continue
		}
		for j := max(0, i-nameWindowBefore); j < min(len(words), i+nameWindowAfter+1); j++ {
			if personName(j) {
				return true
			}
		}
	}
	return false
}

// postWords are words of posts, not of names: "Research Fellow and
// Assistant Director".
var postWords = wordSet("fellow research assistant senior deputy vice chief head director envoy special foreign affairs defense defence state")

// organisationWords are words of the names of organisations, not of
// people.
var organisationWords = wordSet("institute university college school center centre ministry party committee council office department association organization organisation bank company group summit agency foundation academy house hall palace republic army navy forces initiative")

// monthNumber is the number of a month's name, 0 for another word.
func monthNumber(w string) int {
	for i, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		if w == m {
			return i + 1
		}
	}
	return 0
}

// asksWhy reports whether a question asks for a reason.
var asksWhy = regexp.MustCompile(`(?i)^\W*(?:why\b|how\s+come\b|for\s+what\s+reasons?\b|what\s+(?:was|were|is|are)\s+the\s+(?:main\s+)?(?:reasons?|causes?|motives?)\b|what\s+(?:(?:has|have|had|is|are|was|were)\s+(?:been\s+)?)?(?:led|leads|leading|drove|drives|driving|caused|causes|causing|prompted|prompts|prompting|motivated|motivates|motivating|pushed|pushes|pushing|forced|forces|made|makes|convinced|persuaded|triggered|sparked)\b|what\s+(?:was|were|is|are)\s+behind\b)`)

// causeVerb opens a question for a cause with the verb of causing: "What
// is driving …?", "What caused …?".
var causeVerb = regexp.MustCompile(`(?i)^\W*what\s+(?:(?:has|have|had|is|are|was|were)\s+(?:been\s+)?)?(?:led|leads|leading|drove|drives|driving|caused|causes|causing|prompted|prompts|prompting|motivated|motivates|motivating|pushed|pushes|pushing|forced|forces|convinced|persuaded|triggered|sparked)\b`)

// causeOf is a question for what made someone do something: "What led
// President Obama to lift the arms embargo?", "What is driving Chinese
// firms to move …?"; its verb is the one after "to".
var causeOf = regexp.MustCompile(`(?i)^\W*what\s+(?:(?:has|have|had|is|are|was|were)\s+(?:been\s+)?)?(?:led|leads|leading|drove|drives|driving|caused|causes|causing|prompted|prompts|prompting|motivated|motivates|motivating|pushed|pushes|pushing|forced|forces|convinced|persuaded)\s+(?:[^?]+?)\s+to\s+(\p{Ll}[\p{Ll}-]*)`)

// reasonMarker is a stated reason: "because", "due to", "in order to",
// "to remove …", "driven by the desire", "after …", "in view of …".
var reasonMarker = regexp.MustCompile(`(?i)\b(?:because|due\s+to|owing\s+to|thanks\s+to|in\s+(?:view|light)\s+of|on\s+account\s+of|given\s+that|as\s+a\s+result|result(?:ed|ing|s)?\s+(?:of|from|in)|in\s+order\s+to|so\s+as\s+to|so\s+that|in\s+an?\s+(?:effort|attempt|bid)\s+to|aim(?:s|ed|ing)?\s+(?:at|to)|intended\s+to|driven\s+by|caused\s+by|for\s+fear|in\s+response|reasons?|motivat\w*|seeking\s+to|amid|concerns?\s+over|over\s+concerns|fear\s+of|desire|after|following|when|respon(?:d|ded|se)\s+(?:to|by)|convinc\w*|prompt\w*|to\s+\p{Ll}{2,})`)

// toNotReason are "to" phrases that state no purpose: a destination, a
// recipient, a comparison.
var toNotReason = regexp.MustCompile(`(?i)\bto\s+(?:be|the|a|an|its|their|his|her|this|that|these|those|any|all|some|other|another|both|each|more|one|two|three|date|now|be)\b`)

// causedBy is a cause stated before the verb it causes: "the Pentagon's
// decision … has forced Indonesia and the Philippines to cancel …", and
// a fact that grounds it: "The fact that Yu ranked fourth … indicated that
// relations had turned the corner".
var causedBy = regexp.MustCompile(`(?i)\b(?:the\s+fact\s+that|forc(?:e|es|ed|ing)|compel(?:s|led|ling)?|push(?:es|ed|ing)?|prompt(?:s|ed|ing)?|l(?:ed|ead|eads|eading)|dr(?:ove|ive|ives|iven)|convinc(?:e|es|ed|ing)|persuad(?:e|es|ed|ing)|caus(?:e|es|ed|ing))\b`)

// byMeans ends the text before a verb that is the means of what the
// sentence says before it: "Vietnam has adopted a “porcupine strategy” by
// rapidly upgrading its defensive capabilities".
var byMeans = regexp.MustCompile(`(?i)\bby\s+(?:\p{Ll}+ly\s+)?$`)

// givesReason reports whether a text gives a reason for the asked verb
// (for all of it when predicate is ""): after the verb and in its clause
// ("canceled their contracts due to Chinese pressure", "invaded Cambodia
// in 1978 to remove Pol Pot"; not "despite missing this year", nor the
// reason of another clause), or as a cause that makes it happen, before
// it ("… has forced the Philippines to cancel …"), or as the end the verb
// is the means of ("adopted a strategy by upgrading …").
func givesReason(s string, predicate string, synonyms retrieval.Synonyms) bool {
	from, to := 0, len(s)
	if predicate != "" {
		offset := 0
		for _, w := range strings.Fields(s) {
			i := strings.Index(s[offset:], w) + offset
			offset = i + len(w)
			if holdsPredicate(text.Terms(w), predicate, synonyms) {
				if causedBy.MatchString(s[:i]) || byMeans.MatchString(s[:i]) {
					return true
				}
				from = offset
				break
			}
		}
		if loc := clauseSeparator.FindStringIndex(s[from:]); loc != nil {
			to = from + loc[0]
		}
	}
	for _, loc := range reasonMarker.FindAllStringIndex(s[from:to], -1) {
		m := s[from+loc[0] : from+loc[1]]
		if strings.HasPrefix(strings.ToLower(m), "to ") && (toNotReason.MatchString(m) || startsWithCapital(strings.TrimSpace(m[3:]))) {
			continue // a destination or a recipient: "to Vietnam", "to Hanoi"
		}
		return true
	}
	return false
}

// Why something is a sign of something else: "Why did Yu Zhengsheng's
// trip show that ties had recovered?" asks what made the trip a sign (that
// Yu ranked fourth), which a sentence says with a word of showing ("The
// fact that Yu ranked fourth … indicated that relations had turned the
// corner"), not by telling of the trip.
var (
	asksGround  = regexp.MustCompile(`(?i)^\W*why\s+(?:did|does|do|would|should|is|was|are|were|might|could|has|have)\b.*?\b(?:show|shows|showed|shown|indicat\w*|signal\w*|suggest\w*|mean|means|meant|prov(?:e|es|ed|en)|demonstrat\w*|reflect\w*|illustrat\w*|confirm\w*|mark|marks|marked|signif\w*)\s+(?:that|how)\b`)
	showsGround = regexp.MustCompile(`(?i)\b(?:show\w*|indicat\w*|signal\w*|suggest\w*|mean\w*|meant|prov(?:e|es|ed|en|ing)|demonstrat\w*|reflect\w*|illustrat\w*|confirm\w*|marks|marked|signif\w*|signs?\s+(?:of|that)|evidence|testament|proof|because)\b`)
)

// Who came after or before someone in a post: "Who took over from Trong
// as general secretary?", "Who succeeded him?", "Who was his
// predecessor?" ask for a succession, which the sentence that answers
// states ("elected to succeed", "replaced", "took over", "his
// predecessor"); a sentence that only names the post's holder, or the
// person the question names, does not.
var (
	asksSuccession   = regexp.MustCompile(`(?i)^\W*(?:who|whom)\b.*\b(?:succeed(?:ed|s)?|successors?|replac(?:e|ed|es)|t(?:ook|ake|akes|aken)\s+over|preceded|predecessors?|came\s+(?:after|before)|in\s+place\s+of)\b`)
	statesSuccession = regexp.MustCompile(`(?i)\b(?:succe(?:ed|eds|eded|eding|ssors?|ssion)|replac(?:e|ed|es|ing|ement)|t(?:ook|ake|akes|aken|aking)\s+over|preced(?:e|ed|es|ing)|predecessors?|in\s+place\s+of|st(?:ep|eps|epped)\s+(?:down|aside)|hand(?:ed|s)?\s+over|the\s+helm|former|previous|outgoing|incoming)\b`)
)

// anaphoricOpening opens a sentence that goes on about the one before:
// "This strategic move … is driven by the desire …".
var anaphoricOpening = regexp.MustCompile(`^\W*(?:This|These|That|Those|It|Its|Their|Such|The\s+reasons?)\b`)

// answersWhy reports whether sents[i] gives the reason a why question
// asks: after the asked verb in the sentence, anywhere in it when the
// sentence before holds the verb, or in the sentence after it when that
// one goes on about it.
func answersWhy(sents []sentence, i int, predicate string, synonyms retrieval.Synonyms) bool {
	s := sents[i]
	own := predicate == "" || holdsPredicate(s.terms, predicate, synonyms)
	if own && givesReason(s.text, predicate, synonyms) {
		return true
	}
	before, _ := neighbours(sents, i)
	if !own && holdsPredicate(before, predicate, synonyms) && givesReason(s.text, "", synonyms) {
		return true
	}
	return reasonInNext(sents, i, synonyms)
}

// reasonInNext reports whether the sentence after sents[i] goes on about
// it and gives the reason: "Several Chinese companies are moving their
// operations to Vietnam." "This strategic move … is driven by the desire
// …". The answer shows that sentence with it.
func reasonInNext(sents []sentence, i int, synonyms retrieval.Synonyms) bool {
	_, after := neighbours(sents, i)
	return after != nil && anaphoricOpening.MatchString(sents[i+1].text) && givesReason(sents[i+1].text, "", synonyms)
}

// withReasonsAfter is the picked sentences of an answer to a why question
// with, after each one whose reason is only in the sentence after it, that
// sentence: the reason is what was asked.
func withReasonsAfter(picked, sents []sentence, predicate string, synonyms retrieval.Synonyms) []sentence {
	var out []sentence
	for _, p := range picked {
		out = append(out, p)
		i := slices.IndexFunc(sents, func(s sentence) bool { return s.passage == p.passage && s.pos == p.pos })
		if i < 0 || holdsPredicate(p.terms, predicate, synonyms) && givesReason(p.text, predicate, synonyms) || !reasonInNext(sents, i, synonyms) {
			continue
		}
		next := sents[i+1]
		if !slices.ContainsFunc(picked, func(s sentence) bool { return s.passage == next.passage && s.pos == next.pos }) {
			out = append(out, next)
		}
	}
	return out
}

// clauseSeparator is where a sentence turns to another event: "a 2020
// altercation where … or when it agreed to pay …".
var clauseSeparator = regexp.MustCompile(`(?i);|\s+(?:or|and)\s+when\s+|\s+while\s+|\s+whereas\s+|,\s+but\s+`)

// datesEvent reports whether the date of a sentence belongs to the clause
// that tells of the event asked about: one of its clauses holds both.
func datesEvent(sentence string, asked [][]string, event string, synonyms retrieval.Synonyms) bool {
	clauses := clauseSeparator.Split(sentence, -1)
	if len(clauses) < 2 {
		return true
	}
	for _, c := range clauses {
		if (dateLike.MatchString(c) || eraYear.MatchString(c) || relativeTime.MatchString(c)) && holdsEvent(text.Terms(c), asked, event, synonyms) {
			return true
		}
	}
	return false
}

// shareBase is what a share question takes a share of: "What percentage
// of Vietnam's total foreign trade is with China?" → "Vietnam's total
// foreign trade".
var shareBase = regexp.MustCompile(`(?i)\b(?:percentage|percent|share|proportion|fraction)\s+of\s+(.+?)(?:\s+(?:is|are|was|were|do|does|did|goes?|went|comes?|came|has|have|had|said|says|chose|picked)\b|[?,;]|$)`)

// shareBaseNames are the names of what a share question takes a share of
// ("Vietnam" of "Vietnam's total foreign trade"): the sentence that gives
// the share names them itself, or it gives a share of something else ("30%
// of global trade").
func shareBaseNames(question string) []nameGroup {
	m := shareBase.FindStringSubmatch(question)
	if m == nil {
		return nil
	}
	return readFocus("Ask " + m[1]).names
}

// askedThings is the plural noun a question asks to list as its subject
// ("What agreements came out of the summit?" → agreement), which the
// sentence that answers, or one next to it, holds; "" for a question whose
// noun is its object ("What reasons did Ge give …?": the answer may call
// them pillars).
var askedThings = regexp.MustCompile(`(?i)^\W*(?:what|which)\s+(\p{Ll}+[^s\W]s)\s+(\p{Ll}+)`)

// askedThingsTerm is the stem of askedThings' noun, or "".
func askedThingsTerm(question string) string {
	m := askedThings.FindStringSubmatch(strings.TrimSpace(question))
	if m == nil || auxiliaries[strings.ToLower(m[1])] || auxiliaries[strings.ToLower(m[2])] || text.IsStopWord(strings.ToLower(m[2])) {
		return ""
	}
	t := text.Stem(m[1])
	if kindWords[t] || shareNouns[strings.ToLower(m[1])] {
		return ""
	}
	return t
}

// asksWhere is a question for a place: "Where did Xi and Trong meet?";
// not "Where does China rank …?" nor "Where does Laos stand …?".
var (
	// A place asked second of two joined slots is asked too: "In what
	// year and in which city was it signed?", "When and where …?".
	asksWhere = regexp.MustCompile(`(?i)^\W*(?:(?:when|in\s+(?:what|which)\s+year|on\s+(?:what|which)\s+(?:date|day))\s+and\s+)?(?:where|in\s+(?:which|what)\s+(?:city|country|place|town|province))\b`)
	notPlace  = regexp.MustCompile(`(?i)\b(?:rank|ranks|ranked|stand|stands|place|placed|fit|fits)\b`)
	placeLike = regexp.MustCompile(`\b(?:in|at|to|from|near|inside|outside|of|on)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]+)`)
)

// asksPlace reports whether a question asks where something happened;
// "Where did the forum take place?" asks a place, though "place" alone
// ("Where does China place …?") asks none.
func asksPlace(question string) bool {
	rest := takePlace.ReplaceAllString(question, "")
	return (asksWhere.MatchString(question) || asksWhereWithin.MatchString(question)) && !notPlace.MatchString(rest)
}

// takePlace is the verb "take place", which happens somewhere.
var takePlace = regexp.MustCompile(`(?i)\b(?:take|takes|took|taken|taking)\s+place\b`)

// asksWhereWithin is a place asked inside a question: "What did the
// agreement settle about where the land border runs?".
var asksWhereWithin = regexp.MustCompile(`(?i)\b(?:about|on|of|as\s+to|exactly|precisely)\s+where\b`)

// holdsPlace reports whether a sentence gives a place the question does
// not name: "at the Great Hall of the People", "Biden's visit to
// Cambodia".
func holdsPlace(sentence, question string) bool {
	asked := map[string]bool{}
	for _, w := range text.Words(question) {
		asked[w] = true
	}
	for _, m := range placeLike.FindAllStringSubmatch(sentence, -1) {
		w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(m[1], "’s"), "'s"))
		if !asked[w] && monthNumber(w) == 0 && !text.IsStopWord(w) {
			return true
		}
	}
	return false
}

// pastVerbBefore is a verb in the past a few words before a year: "rejected
// by an arbitral tribunal at The Hague in 2016".
var pastVerbBefore = regexp.MustCompile(`(?i)\b(\p{L}{3,}ed)\b((?:\s+\S+){0,7}?)\s+(?:in\s+)?(?:1[0-9]|20)[0-9]{2}\b`)

// supportVerbs say little beside their object ("pay a visit", "fight a
// war"): the object's date is theirs.
var supportVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("pay fight wage hold start begin launch stage conduct make have take give gain achiev attend") {
		m[text.Stem(w)] = true
	}
	return m
}()

// datedByOtherVerb reports whether a sentence that does not hold the asked
// event's verb gives each of its years to another verb: "When did the
// Philippines file its case …?" is not dated by "… rejected by an
// arbitral tribunal at The Hague in 2016 in a case pitting the Philippines
// versus China", though it holds every other asked word.
func datedByOtherVerb(sentence string, terms []string, event string, synonyms retrieval.Synonyms) bool {
	if supportVerbs[event] || holdsPredicate(terms, event, synonyms) {
		return false
	}
	years := len(yearLike.FindAllString(sentence, -1)) + len(eraYear.FindAllString(sentence, -1))
	bound := 0
	for _, m := range pastVerbBefore.FindAllStringSubmatch(sentence, -1) {
		if !holdsPredicate(text.Terms(m[1]), event, synonyms) {
			bound++
		}
	}
	return bound > 0 && bound >= years
}
