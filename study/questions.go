package study

import (
	"strings"
)

// irregularPast maps the irregular past tenses a main verb may have to
// their base forms (regular ones are read by baseForm).
var irregularPast = map[string]string{"fell": "fall", "rose": "rise", "grew": "grow", "found": "find", "made": "make", "took": "take",
	"got": "get", "went": "go", "came": "come", "saw": "see", "gave": "give", "became": "become", "began": "begin", "held": "hold",
	"led": "lead", "met": "meet", "won": "win", "lost": "lose", "sent": "send", "built": "build", "fought": "fight", "kept": "keep",
	"brought": "bring", "sought": "seek", "bought": "buy", "sold": "sell", "spoke": "speak", "wrote": "write", "chose": "choose",
	"drew": "draw", "broke": "break", "paid": "pay", "struck": "strike", "ran": "run", "forged": "forge", "signed": "sign"}

// baseForm is the base form of a verb in the simple past ("upgraded" →
// "upgrade", "ratified" → "ratify", "signed" → "sign"), or "" when it is
// not one or its base form cannot be told. The reading list decides
// first (known reports whether it writes a word: the base form itself,
// or with an "s", must be the only candidate it writes), English
// spelling next (see spelledBase).
func baseForm(w string, known func(string) bool) string {
	if b, ok := irregularPast[w]; ok {
		return b
	}
	if strings.HasSuffix(w, "eed") && len(w) > 4 {
		return w[:len(w)-1] // agreed
	}
	stem, ok := strings.CutSuffix(w, "ed")
	if !ok || len(stem) < 2 {
		return ""
	}
	var candidates []string
	switch {
	case strings.HasSuffix(stem, "i"):
		return stem[:len(stem)-1] + "y" // ratified
	case len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] && !strings.ContainsRune("aeiou", rune(stem[len(stem)-1])):
		candidates = []string{stem[:len(stem)-1], stem} // expelled, stressed
	case strings.HasSuffix(stem, "e"):
		return "" // "freed" aside, no regular past ends so
	default:
		candidates = []string{stem, stem + "e"} // signed, upgraded
	}
	found := ""
	for _, c := range candidates {
		plural := c + "s"
		if strings.HasSuffix(c, "s") || strings.HasSuffix(c, "sh") || strings.HasSuffix(c, "ch") || strings.HasSuffix(c, "x") {
			plural = c + "es"
		}
		if known(c) || known(plural) {
			if found != "" {
				return "" // "used": "us" or "use"?
			}
			found = c
		}
	}
	if found == "" && len(candidates) == 2 && candidates[1] == stem+"e" {
		found = spelledBase(stem)
	}
	if found == "" && len(candidates) == 2 && candidates[1] == stem {
		found = candidates[0] // stopped, committed, expelled
		if strings.HasSuffix(stem, "ss") || strings.HasSuffix(stem, "ll") && len(stem) < 6 {
			found = stem // stressed, called: a double consonant the base form has
		}
	}
	return found
}

// spelledBase guesses a regular verb's base form from how English spells
// it, where that is safe: a stem ending in two consonants has no "e"
// ("respond", "start"), nor one ending in two vowels and a consonant
// ("join"); one ending in c, v or z has ("announce", "arrive",
// "normalize"), and so do a few endings of one vowel and one consonant
// ("invade", "declare", "deteriorate"); for the others ("visit" or
// "vote"?) it says "".
func spelledBase(stem string) string {
	vowel := func(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }
	n := len(stem)
	last := stem[n-1]
	for _, end := range []string{"dg", "rg", "nc", "rc", "ns", "ls", "rs", "lv", "rv", "ps", "rs"} {
		if strings.HasSuffix(stem, end) {
			return stem + "e"
		}
	}
	if last == 'c' || last == 'v' || last == 'z' {
		return stem + "e"
	}
	if n < 3 {
		return ""
	}
	mid, first := stem[n-2], stem[n-3]
	switch {
	case !vowel(last) && !vowel(mid):
		if strings.HasSuffix(stem, "ng") {
			return "" // belong or change?
		}
		return stem
	case vowel(mid) && vowel(first):
		if last == 's' {
			return stem + "e" // caused, increased
		}
		return stem
	case !vowel(mid):
		return ""
	}
	// One vowel and one consonant after a consonant.
	switch {
	case last == 'd', last == 'k', last == 'g', last == 'r' && mid != 'e' && mid != 'o', last == 's' && (mid == 'i' || mid == 'o'),
		last == 'l' && (mid == 'i' || mid == 'u'), last == 'n' && mid == 'i', last == 't' && mid == 'a' && n >= 6:
		return stem + "e"
	}
	return ""
}

// subordinators open a clause that is not the sentence's main one, or a
// phrase that is no subject.
var subordinators = wordList(`when while whereas although though because since as if until unless after before once which who whom whose that where despite following during amid with without by for from of in on at to into under over between among through meanwhile however moreover furthermore also`)

// subjectWords may stand in a subject besides names and nouns.
var subjectWords = wordList(`the a an and both two three its their his her this these those`)

// clauseParts is a main clause read as subject, verb and the rest.
type clauseParts struct {
	subject string
	adverb  string // "quickly" of "ties quickly deteriorated"
	verb    string // as written
	base    string // its base form, "" for "was" and "were"
	rest    string // after the verb
}

// mainClause reads a clause that starts with its subject: a short run of
// names, nouns and determiners, then a verb in the simple past (maybe
// after an adverb in -ly). It fails for anything else: a clause that
// opens with a subordinator, an auxiliary ("has", "had", "will"), a
// subject with a comma or a verb the reading list cannot confirm.
func mainClause(c string, known func(string) bool) (clauseParts, bool) {
	toks := tokens(c)
	for n, t := range toks {
		if n == 0 {
			if subordinators[strings.ToLower(t.text)] {
				return clauseParts{}, false
			}
			continue
		}
		if n > 8 || strings.ContainsAny(c[toks[n-1].end:t.start], ",;:()“”\"") {
			return clauseParts{}, false
		}
		w := t.text
		lower := strings.ToLower(w)
		if auxiliaries[lower] && lower != "did" && lower != "was" && lower != "were" {
			return clauseParts{}, false
		}
		base := ""
		switch {
		case lower == "was" || lower == "were":
		case isCapitalised(w):
			continue
		default:
			base = baseForm(lower, known)
			if base == "" {
				if subordinators[lower] && !subjectWords[lower] && lower != "of" {
					return clauseParts{}, false
				}
				continue
			}
		}
		if subjectWords[strings.ToLower(toks[n-1].text)] {
			return clauseParts{}, false // "the united", "a signed": a modifier
		}
		subjectEnd, last := toks[n-1].end, n-1
		adverb := ""
		if prev := toks[n-1].text; n >= 2 && (strings.HasSuffix(prev, "ly") || adverbs[prev]) && !isCapitalised(prev) {
			adverb, subjectEnd, last = prev, toks[n-2].end, n-2
			if focusWords[prev] {
				adverb = "" // "did Hanoi and Beijing fight", not "did … even fight"
			}
		}
		if !nounPhrase(toks[:last+1], known) {
			return clauseParts{}, false // "Italy buys liquefied gas": no subject before "liquefied"
		}
		return clauseParts{subject: c[:subjectEnd], adverb: adverb, verb: w, base: base, rest: c[t.end:]}, true
	}
	return clauseParts{}, false
}

// assertingSubordinators open a clause that states a fact as the main
// clause does ("when", "since", "after"), unlike "if" or "unless".
var assertingSubordinators = wordList(`when since after before although though while because once whereas`)

// assertedClause is the clause of c that the last asserting subordinator
// opens, when it reads as a subject and a verb ("… when Vietnam invaded
// Cambodia" → "Vietnam invaded Cambodia").
func assertedClause(c string, known func(string) bool) (string, bool) {
	toks := tokens(c)
	for n := len(toks) - 1; n >= 0; n-- {
		if !assertingSubordinators[strings.ToLower(toks[n].text)] {
			continue
		}
		sub := strings.TrimSpace(c[toks[n].end:])
		if parts, ok := mainClause(sub, known); ok && !clauseInside(parts.rest) {
			return sub, true
		}
		return "", false
	}
	return "", false
}

// cutCoordinated drops a clause joined after the fact by "and" or "but"
// (" and have since had …", ", and there is …"), which the question does
// not need; a list of times or numbers ("in 2015 and 2017") stays, and
// the question is not made.
func cutCoordinated(after string) string {
	for _, c := range []string{" and ", " but "} {
		if rest, ok := strings.CutPrefix(after, c); ok && !startsWithTime(rest) && !startsWithName(rest) {
			return "" // " and have since had …"
		}
	}
	for _, c := range []string{", and ", ", but "} {
		if i := strings.Index(after, c); i >= 0 && !startsWithTime(after[i+len(c):]) {
			return after[:i]
		}
	}
	return after
}

// startsWithName reports whether text starts with a name or a
// determiner: "and Denmark", "and the Khmer Rouge" join a second name.
func startsWithName(text string) bool {
	next := tokens(text)
	return len(next) > 0 && (isCapitalised(next[0].text) || determiners[strings.ToLower(next[0].text)])
}

// startsWithTime reports whether text starts with a number or a month.
func startsWithTime(text string) bool {
	next := tokens(text)
	return len(next) == 0 || isDigit(next[0].text[0]) || monthNumber[next[0].text] > 0
}

// clauseInside reports whether text holds a clause of its own: a word
// that opens one, or "and" or "or" before anything but a name or a
// determiner ("and the Khmer Rouge" joins names; "and have since" a
// clause).
func clauseInside(text string) bool {
	toks := tokens(text)
	for n, t := range toks {
		w := strings.ToLower(t.text)
		if !clauseOpeners[w] {
			continue
		}
		if (w == "and" || w == "or") && n+1 < len(toks) && (isCapitalised(toks[n+1].text) || determiners[strings.ToLower(toks[n+1].text)]) {
			continue
		}
		return true
	}
	return false
}

// namesSomeone reports whether a subject holds a name ("China and
// Vietnam"), not only a description ("The two countries").
func namesSomeone(subject string) bool {
	for n, t := range tokens(subject) {
		if isCapitalised(t.text) && !(n == 0 && determiners[strings.ToLower(t.text)]) {
			return true
		}
	}
	return false
}

// adverbs may stand between a subject and its verb besides those in -ly;
// focusWords among them weigh the statement against another ("even",
// "also") and are left out of a question made of it.
var (
	adverbs    = wordList(`even also then later finally first soon once still never always`)
	focusWords = wordList(`even also still`)
)

// nounPhrase reports whether words can be a subject: names (and their
// possessive "s"), joined by "and" maybe, or a phrase opened by a
// determiner ("the two countries", "The Soviet army"). A lower-case word
// after a bare name ("Italy buys") is a verb, not part of a subject; a
// first word the reading list writes in lower case is no name.
func nounPhrase(words []token, known func(string) bool) bool {
	if len(words) == 0 {
		return false
	}
	if determiners[strings.ToLower(words[0].text)] {
		return true
	}
	for n, t := range words {
		if n == 0 && known(strings.ToLower(t.text)) {
			return false // "Relations soured": a common word, capitalised as the sentence's first
		}
		if !isCapitalised(t.text) && t.text != "and" && t.text != "s" && t.text != "of" {
			return false
		}
	}
	return true
}

// prepositions may open a phrase after the fact that the question keeps.
var prepositions = wordList(`to after following in on at from with for under over through across along around during before between into by near against amid despite within without toward towards beyond`)

// followsTheFact reports whether what follows a fact in a sentence may
// follow the question's verb phrase too: nothing, a purpose ("to mend
// relations"), a time ("after decades of …"), or a phrase after a comma
// that opens with a participle or a preposition (", resulting in …",
// ", for the first time …") and holds no second clause.
func followsTheFact(after string) bool {
	if after == "" {
		return true
	}
	rest, comma := strings.CutPrefix(after, ", ")
	words := tokens(rest)
	if len(words) == 0 {
		return false
	}
	first := strings.ToLower(words[0].text)
	opens := prepositions[first]
	if comma {
		opens = strings.HasSuffix(first, "ing") || first == "for" || first == "with"
	}
	return opens && !clauseInside(rest[words[0].end:])
}

// properQuestion turns a sentence into a question proper whose answer is
// the fact, where its shape allows it to be done reliably:
//
//   - a year, a month or a day after "in" or "on" in the main clause, the
//     sentence's first phrase or its end: "In what year did China and
//     Vietnam upgrade their ties …?";
//   - a name right after the verb of the main clause (its object): "Which
//     country did Vietnam invade in 1978 …?".
//
// It returns "" otherwise (the caller then makes a blank of the fact).
func properQuestion(s string, f fact, known func(string) bool) string {
	body := strings.TrimRight(strings.TrimSpace(s), ".")
	if strings.ContainsAny(body, "“”\"?;:") {
		return "" // a quotation: the question would reword its words
	}
	whenWh := timeWh(f)
	if whenWh != "" {
		prep := lastWord(body[:f.start])
		if prep != "in" && prep != "on" {
			return ""
		}
		before := strings.TrimRight(body[:f.start], " ")
		before = before[:len(before)-len(prep)] // the sentence up to "in"
		after := body[f.end:]
		if strings.TrimSpace(before) == "" && strings.HasPrefix(after, ", ") {
			// "In 2008, China and Vietnam upgraded …"
			return askWhen(whenWh, prep, "", strings.TrimPrefix(after, ", "), "", known)
		}
		whole := after
		after = cutCoordinated(after)
		lead, clause := splitOpening(strings.TrimRight(before, " "))
		if sub, ok := assertedClause(clause, known); ok {
			// "When Vietnam embarked on reforms in 1986 …, it looked …";
			// "ties deteriorated when Vietnam invaded Cambodia in 1978 …"
			opening := !strings.Contains(before, ",") && assertingSubordinators[strings.ToLower(firstWord(before))]
			lead, clause = "", sub
			if i := strings.Index(after, ", "); opening && i >= 0 {
				after = after[:i] // the main clause after the opening one
			}
		}
		if !followsTheFact(after) {
			return "" // "… in 1991, January 2017 and …"
		}
		parts, ok := mainClause(clause, known)
		if !ok || clauseInside(parts.rest) {
			return "" // "… until the French established Vietnam as a protectorate in 1883"
		}
		if after != whole && !namesSomeone(parts.subject) {
			return "" // "the two countries": the rest of the sentence says which
		}
		return askWhen(whenWh, prep, lead, clause, after, known)
	}
	if f.kind == KindNumber {
		return askHowMany(body, f, known)
	}
	wh := whWord(f)
	if wh == "" || f.kind == KindOrganisation {
		return ""
	}
	before := strings.TrimRight(body[:f.start], " ")
	if strings.HasSuffix(before, " the") {
		before = strings.TrimSuffix(before, " the")
	}
	lead, clause := splitOpening(before)
	if strings.Contains(clause, ",") {
		return ""
	}
	parts, ok := mainClause(clause, known)
	if !ok || strings.TrimSpace(parts.rest) != "" || parts.base == "" {
		return "" // the fact is no object right after the verb
	}
	after := cutCoordinated(body[f.end:])
	if !followsTheFact(after) {
		return "" // "… invaded Cambodia and Laos", "… invaded Poland in 1939, and the war …"
	}
	ask := capitalise(wh)
	if lead != "" {
		ask = lead + ", " + wh // "In 1979, which country did China invade …?"
	}
	return ask + " did " + lowerFirst(parts.subject) + " " + join(parts.adverb, parts.base) + after + "?"
}

// clauseOpeners begin a clause inside the predicate, to which a time
// after them may belong rather than to the main clause.
var clauseOpeners = wordList(`and but or until when while whereas which who whom that because although though after before since as if where`)

// containsAnyWord reports whether text holds one of the words.
func containsAnyWord(text string, words map[string]bool) bool {
	for _, t := range tokens(text) {
		if words[strings.ToLower(t.text)] {
			return true
		}
	}
	return false
}

// splitOpening cuts a clause's opening phrase off at its comma: a
// connective of one word ("However,") is dropped, a longer phrase that
// opens with a preposition, a conjunction or a participle ("Following the
// standoff over the rig,") is kept as the question's lead. A clause that
// opens otherwise is its own main clause ("" lead).
func splitOpening(c string) (lead, clause string) {
	head, rest, ok := strings.Cut(c, ", ")
	if !ok {
		return "", c
	}
	words := tokens(head)
	if len(words) == 0 {
		return "", c
	}
	first := strings.ToLower(words[0].text)
	if !subordinators[first] && !strings.HasSuffix(first, "ing") && !strings.HasSuffix(first, "ly") {
		return "", c
	}
	if len(words) == 1 {
		return "", rest
	}
	return head, rest
}

// countModifiers may stand between a verb and the count it governs.
var countModifiers = []string{"at least", "more than", "over", "some", "nearly", "almost", "about"}

// askHowMany asks for a count that is the object of the main clause's
// verb: "During the visit, China and Vietnam signed at least 36
// agreements in diverse sectors" → "During the visit, how many
// agreements did China and Vietnam sign in diverse sectors?". The count
// must be right after the verb (or a modifier, "at least", which the
// question leaves to the answer's quote), the noun right after the count.
func askHowMany(body string, f fact, known func(string) bool) string {
	before := strings.TrimRight(body[:f.start], " ")
	for _, m := range countModifiers {
		if strings.HasSuffix(strings.ToLower(before), " "+m) {
			before = strings.TrimRight(before[:len(before)-len(m)], " ")
			break
		}
	}
	nounEnd := f.end
	toks := tokens(body[f.end:])
	if len(toks) == 0 || isCapitalised(toks[0].text) || isStop(toks[0].text) || !strings.HasSuffix(toks[0].text, "s") {
		return "" // "13 of them", "three years": no plural noun counted
	}
	nounEnd += toks[0].end
	noun := strings.TrimSpace(body[f.end:nounEnd])
	after := cutCoordinated(body[nounEnd:])
	if !followsTheFact(after) {
		return ""
	}
	lead, clause := splitOpening(before)
	parts, ok := mainClause(clause, known)
	if !ok || strings.TrimSpace(parts.rest) != "" || parts.base == "" || !namesSomeone(parts.subject) {
		return "" // the count is no object right after the verb
	}
	ask := "How many " + noun
	if lead != "" {
		ask = lead + ", how many " + noun
	}
	return ask + " did " + lowerFirst(parts.subject) + " " + join(parts.adverb, parts.base) + after + "?"
}

// firstWord is the first word of text as written.
func firstWord(s string) string {
	if toks := tokens(s); len(toks) > 0 {
		return toks[0].text
	}
	return ""
}

// askWhen makes the question of a clause whose time was cut out of it:
// after is what followed the time in the sentence.
func askWhen(wh, prep, lead, clause, after string, known func(string) bool) string {
	parts, ok := mainClause(clause, known)
	if !ok || strings.Contains(parts.rest, ", and ") || strings.Contains(parts.rest, ", but ") {
		return "" // a second clause: which one does the time belong to?
	}
	ask := capitalise(prep) + " " + wh
	if lead != "" {
		ask = lead + ", " + prep + " " + wh // "Following the standoff, in what month did …"
	}
	subject := lowerFirst(parts.subject)
	if parts.base == "" { // "was", "were"
		return ask + " " + strings.ToLower(parts.verb) + " " + join(subject, parts.adverb) + parts.rest + after + "?"
	}
	return ask + " did " + subject + " " + join(parts.adverb, parts.base) + parts.rest + after + "?"
}

// timeWh is the question word of a time fact: "what year", "what month",
// "what date"; "" for other facts.
func timeWh(f fact) string {
	switch {
	case f.kind == KindYear:
		return "what year"
	case f.kind == KindDate && f.class == "month":
		return "what month and year"
	case f.kind == KindDate && f.style["year"]:
		return "what date"
	}
	return ""
}

// join writes the non-empty words with a space between.
func join(words ...string) string {
	var out []string
	for _, w := range words {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// lowerFirst writes a subject's first word in lower case unless it is a
// name ("The two countries" → "the two countries"; "China" stays).
func lowerFirst(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if subjectWords[strings.ToLower(first)] {
		return strings.ToLower(first) + s[len(first):]
	}
	return s
}
