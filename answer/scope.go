package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// The scope of what a question asks, beside its names and its verb: the
// first of a ranking ("Vietnam's largest export market" is not its
// second-largest), a thing to name ("Which ports …?" needs a port's
// name), and whose things a count counts ("How many Vietnamese ships …?"
// is not answered by "eighty Chinese boats").

// superlativeWord is a word that ranks first.
const superlativeWord = `largest|biggest|greatest|top|main|primary|leading|chief|principal|most|highest|foremost`

var (
	// askedSuperlative is a question's first of a ranking, with the words
	// after it: "the biggest investor in Vietnam", "Vietnam's largest
	// export market".
	askedSuperlative = regexp.MustCompile(`(?i)\b(?:the|its|their|his|her|[\p{L}.]+['’]s)\s+(?:` + superlativeWord + `)((?:\s+[\p{L}?,;-]+){1,4})`)
	// rankedSuperlative is a question that asks for a place in the
	// ranking itself: "Vietnam's second-largest export market".
	rankedSuperlative = regexp.MustCompile(`(?i)\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+(?:` + superlativeWord + `)\b`)
	// sentenceSuperlative is a first of a ranking in a sentence, with
	// what comes before it, to tell "the largest" from "one of the
	// largest" and "second-largest".
	sentenceSuperlative = regexp.MustCompile(`(?i)\b(` + superlativeWord + `)\b`)
	// rankedBefore ends the text before a superlative that ranks it
	// below the first: "second-", "eighth ", "one of its most ".
	rankedBefore = regexp.MustCompile(`(?i)(?:\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+|\bone\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|[\p{L}]+['’]s\s+)?)$`)
)

// The given of a question, and what it ranks: "If China is only
// Vietnam's second-largest export market, which country is the
// largest?" asks the first of the ranking the given places China in
// ("the largest" market), which a sentence stating only the given does not
// answer.
var (
	givenLead             = regexp.MustCompile(`^\W*(?i:if|given\s+that|given|assuming(?:\s+that)?|supposing(?:\s+that)?|although|though|even\s+though|granted(?:\s+that)?)\s+([^,?]+),\s*`)
	rankedNoun            = regexp.MustCompile(`(?i)\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+(?:` + superlativeWord + `)((?:\s+[\p{L}-]+){1,4})`)
	ellipticalSuperlative = regexp.MustCompile(`(?i)\b(?:the|its|their)\s+(?:` + superlativeWord + `)(?:\s+(?:one|ones))?\s*[?.!]?\s*$`)
)

// A change over time asked: "Did confidence go up or down compared with
// the previous year's survey?", "Has trade risen or fallen since 2020?".
// The sentence that answers states a change ("fell", "up from", "a year
// earlier", "from 12% to 20%"); one year's figure does not, nor a
// comparison of two things in the same year ("56.9 percent chose the
// United States, compared with 11.8 percent").
var (
	asksChange   = regexp.MustCompile(`(?i)\b(?:(?:go|gone|went|goes|moved?)\s+up\s+or\s+down|(?:ris(?:e|en)|rose|increas\w*|grow|grew|grown|climb\w*|improv\w*|gone\s+up)\s+or\s+(?:fall(?:en)?|fell|decreas\w*|declin\w*|dropp?\w*|shrunk|shrink|shrank|worsen\w*|gone\s+down)|(?:compared?|comparison)\s+(?:with|to)\s+(?:the\s+|a\s+)?(?:previous|last|prior|earlier|preceding|year\s+before)|(?:than|since)\s+(?:in\s+)?(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|survey|poll|decade))`)
	statesChange = regexp.MustCompile(`(?i)\b(?:ros(?:e|en)|rises|rising|increas\w*|decreas\w*|declin\w*|dropp\w*|drops?|fell|fall(?:s|en|ing)|grew|grow(?:s|n|ing|th)|climb\w*|jump\w*|surg\w*|plung\w*|slipp\w*|improv\w*|worsen\w*|(?:up|down)\s+from|compared\s+(?:with|to)\s+(?:the\s+|a\s+)?(?:previous|last|prior|earlier|year|\d{4})|than\s+(?:in\s+)?(?:the\s+)?(?:previous|last|prior|a\s+year|\d{4})|a\s+year\s+(?:earlier|before|ago)|from\s+[\d.]+\s*(?:%|percent)?\s+(?:in\s+\d{4}\s+)?to\s+[\d.]+)`)
)

// asksRank is a question that asks for a place in a ranking, or for one
// of the first: "Where did Vietnam rank among the world's biggest
// buyers …?", "one of the largest".
var asksRank = regexp.MustCompile(`(?i)\b(?:rank|ranks|ranked|ranking|position|among|one\s+of)\b`)

// superlativeTerms is the stem of the noun a question ranks first, the
// last word before a small word ("biggest investor in Vietnam" →
// investor, "main port for trade" → port, "most important trading
// partner" → partner), nil when it ranks nothing first, and an empty
// non-nil slice when it ranks something whose words are all names.
func superlativeTerms(question string) []string {
	given, q := "", question
	if loc := givenLead.FindStringSubmatchIndex(question); loc != nil {
		given, q = question[loc[2]:loc[3]], question[loc[1]:]
	}
	if rankedSuperlative.MatchString(q) || asksRank.MatchString(q) {
		return nil
	}
	var words string
	if m := askedSuperlative.FindStringSubmatch(q); m != nil {
		words = m[1]
	} else if g := rankedNoun.FindStringSubmatch(given); g != nil && ellipticalSuperlative.MatchString(q) {
		words = g[1] // "If China is only its second-largest export market, which country is the largest?": the largest market
	} else {
		return nil
	}
	head := ""
	for _, f := range strings.Fields(words) {
		if startsWithCapital(f) {
			continue // "the most Vietnamese exports"
		}
		w := strings.ToLower(trimWord(f))
		if text.IsStopWord(w) || auxiliaries[w] {
			break // "the main port for trade": port
		}
		head = w
		if strings.ContainsAny(f, "?,;") {
			break
		}
	}
	if head == "" {
		return []string{}
	}
	return []string{text.Stem(head)}
}

// holdsFirstOfRanking reports whether a sentence ranks first what the
// question ranks first: a superlative not ranked below the first, with
// one of the question's ranked words (or a synonym) in the four words
// after it.
func holdsFirstOfRanking(sentence string, terms []string, synonyms retrieval.Synonyms) bool {
	for _, loc := range sentenceSuperlative.FindAllStringIndex(sentence, -1) {
		if rankedBefore.MatchString(sentence[:loc[0]]) {
			continue
		}
		if len(terms) == 0 {
			return true
		}
		after := strings.Fields(sentence[loc[1]:])
		after = after[:min(4, len(after))]
		have := termSet{}
		have.add(text.Terms(strings.Join(after, " "))...)
		for _, t := range terms {
			if holdsTerm(have, t, synonyms) >= 1 {
				return true
			}
		}
	}
	return false
}

// namedThingKinds are kinds of things with names of their own: "Which
// ports …?", "Which Russian fighter jets …?" ask to name them ("What ships
// …?" may be answered by describing them).
var namedThingKinds = wordSet("port ports harbor harbors harbour harbours city cities town towns province provinces region regions reef reefs island islands atoll atolls warship warships ship ships vessel vessels boat boats carrier carriers jet jets aircraft plane planes submarine submarines missile missiles system systems rig rigs factory factories plant plants newspaper newspapers member members")

// nameOf is "What was the name of …?": what follows asks to name a thing.
var nameOf = regexp.MustCompile(`^\W*(?i:what)\s+(?:is|was|were|are)\s+the\s+names?\s+of\s+(?:the\s+|a\s+|an\s+)?(.*)$`)

// namedThingKind is the stem of the kind of named thing a "Which …?" or
// "What was the name of …?" question asks for (the last of a run of
// kinds: "aircraft carriers" → carrier), up to three words after "which"
// or the name's "of", or "".
func namedThingKind(question string) string {
	var words []string
	if m := nameOf.FindStringSubmatch(strings.TrimSpace(question)); m != nil {
		words = strings.Fields(m[1])
	} else {
		words = strings.Fields(question)
		if len(words) == 0 || !strings.EqualFold(strings.Trim(words[0], "\"“"), "which") {
			return ""
		}
		words = words[1:]
	}
	words = words[:min(len(words), 5)]
	for k, w := range words {
		lower := strings.ToLower(trimWord(w))
		if namedThingKinds[lower] && k < 4 {
			for k+1 < len(words) && namedThingKinds[strings.ToLower(trimWord(words[k+1]))] {
				k++
				lower = strings.ToLower(trimWord(words[k]))
			}
			return text.Stem(lower)
		}
		if text.IsStopWord(lower) || auxiliaries[lower] {
			return "" // "Which of the ships …", "Which did the ships …"
		}
	}
	return ""
}

// wordToken is a word of a sentence for the named-thing rule; a hyphen
// parts words ("oil-rig", "ISEAS-Yusof").
var wordToken = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’]\p{L}+)?`)

// namesThingOfKind reports whether a sentence names a thing of the kind
// (its stem) with a capitalised word the question does
// not give (nor the people of a place it gives) within four words of it:
// "the Paracel Islands", "Haiyang Shiyou 981 oil-rig", "Le Hong Anh, a
// Politburo member".
func namesThingOfKind(sentence, question, kind string) bool {
	asked := map[string]bool{}
	for _, w := range wordToken.FindAllString(question, -1) {
		lower := strings.ToLower(possessiveEnd.ReplaceAllString(w, ""))
		asked[lower] = true
		asked[text.Stem(lower)] = true // "Paracel" for "the Paracels"
		if base := demonymBase(lower); base != "" {
			asked[base] = true // "Vietnam" for "Which Vietnamese ports"
		}
	}
	acronyms := map[string]bool{}
	for _, a := range acronym.FindAllString(question, -1) {
		acronyms[strings.ReplaceAll(a, ".", "")] = true
	}
	tokens := wordToken.FindAllString(sentence, -1)
	for i, tok := range tokens {
		if text.Stem(strings.ToLower(tok)) != kind {
			continue
		}
		for j := max(1, i-4); j <= min(len(tokens)-1, i+4); j++ {
			w := tokens[j]
			lower := strings.ToLower(possessiveEnd.ReplaceAllString(w, ""))
			if j == i || !startsWithCapital(w) || asked[lower] || asked[text.Stem(lower)] || text.IsStopWord(lower) {
				continue
			}
			if base := demonymBase(lower); base != "" && asked[base] {
				continue // "Vietnamese ports" for "Which ports in Vietnam"
			}
			if initials := initialsFrom(tokens, j); initials != "" && acronyms[initials] {
				continue // "the United States" for "U.S."
			}
			if j > 0 && startsWithCapital(tokens[j-1]) && acronyms[initialsFrom(tokens, j-1)] {
				continue
			}
			if slices.ContainsFunc(tokens[min(i, j)+1:max(i, j)], func(w string) bool { return placePrepositions[strings.ToLower(w)] }) {
				continue // "a fishing ship near the Paracel Islands" names no ship
			}
			return true
		}
	}
	return false
}

// placePrepositions part a thing from a name that only says where it is:
// "a fishing ship near the Paracel Islands".
var placePrepositions = wordSet("near in at to from into off by on with against toward towards")

// acronym is an acronym of a question: "U.S.", "EU", "CAATSA".
var acronym = regexp.MustCompile(`\b(?:\p{Lu}\.){2,}|\b\p{Lu}{2,}\b`)

// initialsFrom are the initials of the run of capitalised words from
// tokens[j], of two words or more ("United States" → "US"), or "".
func initialsFrom(tokens []string, j int) string {
	var b strings.Builder
	for ; j < len(tokens) && startsWithCapital(tokens[j]); j++ {
		b.WriteString(tokens[j][:1])
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// possessiveEnd is the ending of a possessive word.
var possessiveEnd = regexp.MustCompile(`['’]s$`)

// countQualifier is the capitalised word a "how many" question puts
// before what it counts ("How many Vietnamese ships" → "vietnamese"), or
// "".
func countQualifier(question string) string {
	fields := strings.Fields(question)
	for i := 0; i+2 < len(fields); i++ {
		if strings.EqualFold(fields[i], "how") && strings.EqualFold(fields[i+1], "many") {
			if w := trimWord(fields[i+2]); startsWithCapital(w) && !strings.Contains(w, ".") {
				return strings.ToLower(w)
			}
		}
	}
	return ""
}

// countOfOthers is a count of things a capitalised word qualifies: "eighty
// Chinese boats", "two American ships".
var countOfOthers = func() *regexp.Regexp {
	words := make([]string, 0, len(numberWords))
	for w := range numberWords {
		words = append(words, regexp.QuoteMeta(w))
	}
	slices.SortFunc(words, func(a, b string) int { return len(b) - len(a) })
	return regexp.MustCompile(`\b(\d[\d,]*|` + strings.Join(words, "|") + `)\s+(?:[a-z-]+\s+)?(\p{Lu}\p{L}+)`)
}()

// withoutCountsOfOthers removes from a sentence the counts of things
// whose qualifier is not the question's ("How many Vietnamese ships …?":
// "eighty Chinese boats" counts others).
func withoutCountsOfOthers(sentence, qualifier string) string {
	if qualifier == "" {
		return sentence
	}
	return countOfOthers.ReplaceAllStringFunc(sentence, func(m string) string {
		sub := countOfOthers.FindStringSubmatch(m)
		other := strings.ToLower(sub[2])
		if other == qualifier || demonymBase(other) != "" && demonymBase(other) == demonymBase(qualifier) {
			return m
		}
		return " "
	})
}

// The whole a share is of: "What percentage of Vietnam's total imports
// …?" asks a share of all its imports, which "half of Vietnam's textile
// industry's raw materials imports" is not.
var (
	askedShareOfWhole = regexp.MustCompile(`\b(?i:percentage|percent|share|proportion|fraction|portion)\s+of\s+(?:(?:its|their|[\p{L}.]+['’]s)\s+(?:(?:total|all|overall|entire|whole)\s+)?|(?:the\s+)?(?:total|all|overall|entire|whole)\s+)(?:\p{Lu}\p{L}*\s+)?(\p{Ll}+)\b`)
	// wholeWords say that a share is of the whole.
	wholeWords = wordSet("total all overall entire whole")
)

// shareWhole is the stem of the noun a share question asks a share of,
// when it asks it of all of it ("Vietnam's imports", "all Vietnamese
// imports", "Vietnam's total exports"), or "".
func shareWhole(question string) string {
	m := askedShareOfWhole.FindStringSubmatch(question)
	if m == nil || text.IsStopWord(m[1]) || auxiliaries[m[1]] {
		return ""
	}
	return text.Stem(m[1])
}

// narrowsWhole reports whether a sentence gives the noun a share question
// asks a share of only as part of it: every time it names it, a word the
// question does not have comes just before it ("textile industry's raw
// materials imports", "Russia's total defense exports").
func narrowsWhole(sentence, question, noun string) bool {
	asked := map[string]bool{}
	for _, w := range wordToken.FindAllString(question, -1) {
		asked[text.Stem(strings.ToLower(possessiveEnd.ReplaceAllString(w, "")))] = true
	}
	tokens := wordToken.FindAllString(sentence, -1)
	named := false
	for i, tok := range tokens {
		if text.Stem(strings.ToLower(tok)) != noun {
			continue
		}
		named = true
		narrowed := false
		for j := i - 1; j >= max(0, i-3); j-- {
			w := strings.ToLower(possessiveEnd.ReplaceAllString(tokens[j], ""))
			if text.IsStopWord(w) || isDigits(w) || numberWords[w] != "" {
				break // "half of imports", "the imports"
			}
			if wholeWords[w] {
				continue
			}
			if possessiveEnd.MatchString(tokens[j]) || startsWithCapital(tokens[j]) {
				break // an owner: "Vietnam's imports", "Vietnamese exports" (the share's names are read elsewhere)
			}
			if !asked[text.Stem(w)] {
				narrowed = true
				break
			}
		}
		if !narrowed {
			return false
		}
	}
	return named
}

// askedValueOf is a question for an amount by its name: "What was the
// total value of trade …?", "What is the cost of the railway?", of
// several amounts too ("What are the populations of China and Vietnam?";
// "areas of cooperation" are fields, no amount).
var askedValueOf = regexp.MustCompile(`(?i)^\W*what\s+(?:was|is|were|are|has\s+been|will\s+be)\s+(?:the\s+)?(?:(?:total|overall|combined|annual|yearly|estimated)\s+)?(?:(?:value|amount|sum|size|volume|cost|price|population|budget|revenue|turnover|debt|length)s?|worth|gdp|GDP|area)\s+of\b`)

// askedNounDid is "What NOUN did X VERB …?": the noun is what is asked
// ("What tariff cuts did the agreement contain?").
var askedNounDid = regexp.MustCompile(`^\W*(?i:what)\s+((?:\p{Ll}[\p{Ll}-]*\s+){1,2})(?:did|does|do|will|would|has|have|had|can|could)\s+`)

// askedNouns are the stems of the two nouns a "What NOUN NOUN did …?"
// question asks for ("tariff cuts", "investment pledges"): a compound
// names a particular thing, while a single noun ("What award …?", "What
// level …?") may be answered by the thing's own name. nil when it asks
// none or one noun.
func askedNouns(question string) []string {
	m := askedNounDid.FindStringSubmatch(question)
	if m == nil {
		return nil
	}
	var out []string
	words := strings.Fields(m[1])
	if len(words) < 2 {
		return nil // "What award did Xi give?" is answered by "Friendship Medal"
	}
	for _, w := range words {
		if text.IsStopWord(w) {
			return nil
		}
		out = append(out, text.Stem(w))
	}
	return out
}

// textBefore is the text of the sentence just before sents[i] in its
// passage, or "".
func textBefore(sents []sentence, i int) string {
	if i > 0 && sents[i-1].passage == sents[i].passage && sents[i-1].pos == sents[i].pos-1 {
		return sents[i-1].text
	}
	return ""
}

// holdsNounNear reports whether sents[i], or the sentence just before or
// after it, holds an asked noun: itself, a synonym or a derivation, not
// the partial credit of a related word.
func holdsNounNear(sents []sentence, i int, noun string, synonyms retrieval.Synonyms) bool {
	before, after := neighbours(sents, i)
	for _, terms := range [][]string{sents[i].terms, before, after} {
		have := termSet{}
		have.add(terms...)
		if holdsTerm(have, noun, synonyms) >= 1 {
			return true
		}
	}
	return false
}

// predicateInOtherClause reports whether a sentence that joins two events
// ("a 2020 altercation where … sunk a Vietnamese fishing ship … or when it
// agreed to pay … to two foreign oil companies") holds the asked verb only
// in a clause with none of the question's other asked terms: "Did China
// compensate the owners of the fishing ship …?" is not answered by the
// payment to the oil companies. A sentence without the verb (it may be in
// the next one), or of one clause, is left to the other rules.
func predicateInOtherClause(sentence, predicate string, asked [][]string, synonyms retrieval.Synonyms) bool {
	clauses := clauseSeparator.Split(sentence, -1)
	if len(clauses) < 2 {
		return false
	}
	withVerb := false
	for _, c := range clauses {
		have := termSet{}
		have.add(text.Terms(c)...)
		if holdsTerm(have, predicate, synonyms) < 1 && !slices.ContainsFunc(predicateParaphrases[predicate], have.has) {
			continue // not the verb itself, a synonym or a paraphrase
		}
		withVerb = true
		for _, clause := range asked {
			for _, t := range clause {
				if t != predicate && holdsTerm(have, t, synonyms) >= 1 {
					return false
				}
			}
		}
	}
	return withVerb
}

// askedAmountNoun is a question for an amount by a noun that is one:
// "What was Vietnam's trade surplus with the United States?".
var askedAmountNoun = regexp.MustCompile(`^\W*(?i:what)\s+(?:was|is|were|are)\s+(?:the\s+|[\p{L}.]+['’]s\s+)(?:[\p{L}-]+\s+){0,2}?(?i:surplus|deficit|gdp|population|budget|revenue|turnover|debt|output)(?i:s)?\b`)

// asksValue reports whether a question asks for an amount by name.
func asksValue(question string) bool {
	return askedValueOf.MatchString(question) || askedAmountNoun.MatchString(question)
}

// timesCount is a count of times in a sentence: "twice", "three visits",
// "17 workshops" is none.
var timesCount = func() *regexp.Regexp {
	words := make([]string, 0, len(numberWords))
	for w := range numberWords {
		words = append(words, regexp.QuoteMeta(w))
	}
	slices.SortFunc(words, func(a, b string) int { return len(b) - len(a) })
	return regexp.MustCompile(`(?i)\b(?:once|twice|thrice|(?:\d+|` + strings.Join(words, "|") + `)\s+(?:\p{L}+\s+)?(?:times|visits|meetings|trips|occasions|rounds|summits))\b`)
}()

// asksTimes reports whether a question asks how many times something
// happened.
func asksTimes(question string) bool { return countedWord(question) == "times" }

// A count is located by the place after it: "3,200 acres in the Spratlys"
// counts what is in the Spratlys, not in the Paracels a question asks
// about.
var (
	// placeAfter is a place a question or a count is in: "in the
	// Paracels", "near Hanoi".
	placeAfter = regexp.MustCompile(`\b(?:in|near|at|around|off)\s+(?:the\s+)?(\p{Lu}\p{L}+)`)
	// countAt is a count and the place after it, a word or two between:
	// "3,200 acres in the Spratlys".
	countAt = regexp.MustCompile(`\b(\d[\d,.]*)((?:\s+[\p{Ll}-]+){0,2})\s+(?:in|near|at|around|off)\s+(?:the\s+)?(\p{Lu}\p{L}+)`)
)

// countPlace is the stem of the place a count question asks about ("How
// many acres … in the Paracels?" → paracel), or "".
func countPlace(question string) string {
	if m := placeAfter.FindStringSubmatch(question); m != nil {
		return text.Stem(strings.ToLower(m[1]))
	}
	return ""
}

// withoutCountsElsewhere removes from a sentence the counts located in
// another place than the question's: "3,200 acres in the Spratlys" for
// "How many acres … in the Paracels?".
func withoutCountsElsewhere(sentence, place string) string {
	if place == "" {
		return sentence
	}
	return countAt.ReplaceAllStringFunc(sentence, func(m string) string {
		sub := countAt.FindStringSubmatch(m)
		if text.Stem(strings.ToLower(sub[3])) == place {
			return m
		}
		return strings.TrimSpace(strings.Replace(m, sub[1], "", 1)) // the count goes, the words stay
	})
}
