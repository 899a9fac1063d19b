package answer

import (
	"regexp"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// A claim made stronger than its passage — "all" for "more than half",
// "the largest" for "the second-largest", "always", "only", "for life",
// "certainly" for "likely", "most companies" for "several" — shares every
// word with it but one small one, so coverage alone lets it through. The
// support check therefore reads the strong words of a sentence (of
// quantity, degree, rank, time and certainty) and wants, for each, one of
// the same kind in the passage, about the same thing: near a word that
// follows it in the sentence. And a passage that only says a thing may
// be so ("may involve", "is expected to", "appears confident") does not
// support a sentence that says it is.

// strengthKinds maps each strong word to its kind: a word of the sentence
// is licensed by a word of the same kind in the passage.
var strengthKinds = func() map[string]string {
	m := map[string]string{}
	for kind, words := range map[string]string{
		"all":    "all every entire entirely whole wholly complete completely fully totally absolute absolutely utterly everything everyone everybody everywhere universal universally",
		"always": "always forever permanently permanent constantly invariably perpetual perpetually",
		"life":   "lifelong indefinitely",
		"only":   "only sole solely alone exclusively purely",
		"most":   "majority bulk",
		// Adverbs of degree over a reason or a verb ("mostly because of",
		// "largely thanks to"): they say the same as each other, and are
		// not "most of" anything.
		"mainly":    "mainly mostly largely chiefly primarily predominantly principally",
		"top":       "largest biggest greatest top main primary principal foremost highest optimal optimum maximum maximal utmost",
		"certain":   "certainly definitely surely undoubtedly undeniably undeniable inevitably inevitable unquestionably guaranteed",
		"identical": "identical identically",
		"fastest":   "fastest quickest",
		"strongest": "strongest",
		"closest":   "closest",
		"oldest":    "oldest",
		"longest":   "longest",
		"richest":   "richest",
		"best":      "best",
		"worst":     "worst",
		"smallest":  "smallest",
		"lowest":    "lowest",
	} {
		for _, w := range strings.Fields(kind + " " + words) {
			m[w] = kind
		}
	}
	return m
}()

// superlativeKinds are the kinds of strong word that rank one thing above
// all others, any of which licenses a sentence's "than any other".
var superlativeKinds = wordSet("top fastest strongest closest oldest longest richest best worst smallest lowest superlative")

// licenceOnly are words that license a strong word of the sentence but
// are not strong enough in a sentence to need one: "the same" ideas
// license "identical" ones.
var licenceOnly = map[string]string{"same": "identical"}

// hedges are the words of a passage that say a thing may be so, not that
// it is.
var hedges = wordSet("may might could likely possibly potentially probably perhaps apparently reportedly allegedly seemingly appears appear appeared seems seem seemed expected supposedly presumably arguably uncertain unclear")

// claimHedges are the words that keep a sentence from stating a thing as
// fact: a hedge, a modal, or a report of what someone said, hoped or
// planned.
var claimHedges = func() map[string]bool {
	m := wordSet("would can aims aim aimed plans plan planned hopes hope hoped seeks seek sought intends intend intended suggest suggests suggested wants want wanted if whether promised pledged vowed calls called urged read seen expects expect")
	for w := range hedges {
		m[w] = true
	}
	for w := range reportingWords {
		m[w] = true
	}
	return m
}()

// ordinals rank a superlative: "second-largest" is not "largest".
var ordinals = wordSet("second third fourth fifth sixth seventh eighth ninth tenth nd rd th")

// strongWord is a strong word of a sentence or passage.
type strongWord struct {
	kind, word string
	// near are the stems of the content words it bears on (after it, or
	// before it at the end of a sentence) in a sentence; those around it in
	// a passage.
	near []string
}

// strengthNear is how many words either side of a strong word of a
// passage count as near it, and how far after a strong word of a
// sentence its content words are looked for.
const (
	strengthNear        = 6
	strengthPassageNear = 8
)

// nearMatters are the kinds of strong word a passage licenses only near
// what the sentence's word bears on: a passage's "the entire region" does
// not make "all of Russia's exports" true. A passage's "certainly"
// licenses the sentence's anywhere in the stretch.
var nearMatters = wordSet("all only most top always life mainly")

// strongWords lists the strong words of text (as clauseWords reads it)
// as it states them: not those a negation bears on ("not all"), not a
// superlative hedged ("one of the largest", "two of the most populous")
// or ranked ("eighth-largest"). forClaim: read as a sentence (the words a
// strong word bears on are after it), else as a passage (the words
// around it).
func strongWords(words []string, forClaim bool) []strongWord {
	var out []strongWord
	for i, w := range words {
		kind := strengthKind(words, i)
		if kind == "" && !forClaim {
			kind = licenceOnly[w]
			// "most prominently Russia", in a passage, licenses "Russia
			// foremost".
			if w == "most" && i+1 < len(words) && strings.HasSuffix(words[i+1], "ly") {
				kind = "top"
			}
		}
		if kind == "" || negatedBefore(words, i) || hedgedSuperlative(words, i, kind) {
			continue
		}
		var near []string
		if forClaim && nearMatters[kind] {
			// "mostly because of X" bears on what comes before it (what X
			// explains); the others on what follows.
			// "Russia foremost among them" bears on Russia alone.
			among := i+1 < len(words) && words[i+1] == "among"
			if kind != "mainly" && !among {
				near = contentAround(words, i+1, i+strengthNear, 2)
			}
			if among {
				near = contentAround(words, i-strengthNear, i-1, strengthNear)
				near = near[max(0, len(near)-1):]
			}
			if len(near) == 0 {
				// The nearest two before it: "belongs to its peoples alone".
				near = contentAround(words, i-strengthNear, i-1, strengthNear)
				near = near[max(0, len(near)-2):]
				// And a reason's own first two words: "the strains stem
				// mainly from territorial quarrels" is licensed by
				// "strains … primarily due to territorial disputes" as by
				// a "primarily" near "strains".
				if kind == "mainly" {
					near = append(near, contentAround(words, i+2, i+strengthNear, 2)...)
				}
			}
		} else if !forClaim {
			near = contentAround(sentenceOf(words, i), i-strengthPassageNear, i+strengthPassageNear, 4*strengthPassageNear)
		}
		out = append(out, strongWord{kind: kind, word: w, near: near})
	}
	// "no one but Asians", "nothing but": "only", in a passage.
	for i := 2; !forClaim && i < len(words); i++ {
		if words[i] == "but" && (words[i-1] == "one" && words[i-2] == "no" || words[i-1] == "nobody" || words[i-1] == "nothing" || words[i-1] == "none") {
			out = append(out, strongWord{kind: "only", word: "but", near: contentAround(words, i-strengthPassageNear, i+strengthPassageNear, 4*strengthPassageNear)})
		}
	}
	// "for life": a strong phrase of two common words.
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "for" && (words[i+1] == "life" || words[i+1] == "good") {
			var near []string
			if forClaim {
				near = contentAround(words, i-strengthNear, i-1, 2)
			}
			out = append(out, strongWord{kind: "life", word: "for " + words[i+1], near: near})
		}
	}
	return out
}

// strengthKind is the kind of words[i] as a strong word, or "". "most"
// is a superlative after "the" or a possessive ("the most important",
// "its most significant") and a quantity otherwise ("most companies");
// "most" before an adverb ("most prominently") and "certain" meaning
// "some" ("certain countries") are neither; "top" in "on top of" is not
// a rank.
func strengthKind(words []string, i int) string {
	w := words[i]
	prev := ""
	if i > 0 {
		prev = words[i-1]
	}
	next := ""
	if i+1 < len(words) {
		next = words[i+1]
	}
	switch w {
	case "most":
		if strings.HasSuffix(next, "ly") {
			return ""
		}
		// "who they trusted most": a superlative over a verb, at the end
		// of its clause or before a "to".
		if isBreak(next) || next == "to" || i+1 == len(words) {
			return "top"
		}
		switch prev {
		case "the", "its", "his", "her", "their", "our", "s", "whose":
			return "top"
		}
		return "most"
	case "certain":
		switch prev {
		case "is", "are", "was", "were", "be", "been", "quite", "absolutely", "seems", "appears":
			return "certain"
		}
		return ""
	case "top":
		if prev == "on" && next == "of" {
			return ""
		}
	case "every", "each":
		// "every year", "each month": how often, not "all".
		if timeUnits[next] != "" && timeUnits[next] != "%" {
			return ""
		}
		if w == "each" {
			return ""
		}
	case "all":
		// "above all", "after all", "at all", "first of all", "all but".
		if prev == "above" || prev == "after" || prev == "at" || prev == "of" && i > 1 && words[i-2] == "first" || next == "but" {
			return ""
		}
	case "any":
		// "faster than any other": a superlative in other words.
		if prev == "than" {
			return "superlative"
		}
		return ""
	case "mainly", "mostly", "largely", "chiefly", "primarily", "predominantly", "principally":
		// Over a reason ("mostly because of") it says which reason
		// weighs most, which the passage must say too; over an adjective
		// or a verb ("largely cooperative") it says less than the word
		// alone.
		if !reasonWords[next] {
			return ""
		}
	case "only":
		// "not only … but also" adds; "if only" wishes; "only a week
		// after", "only in 1883" say when, as the passage's date does.
		if prev == "not" || prev == "if" || next == "in" || next == "after" || next == "when" || next == "since" || next == "then" ||
			(next == "a" || numberWords[next] != "" || isDigits(next)) && i+2 < len(words) && timeUnits[words[i+2]] != "" {
			return ""
		}
	case "half":
		// "more than half", "over half" license "most".
		if prev == "than" || prev == "over" {
			return "licence:most"
		}
		return ""
	}
	return strengthKinds[w]
}

// reasonWords begin the reason or the part an adverb of degree singles
// out: "mainly because", "largely thanks to", "mostly in the north".
var reasonWords = wordSet("because due thanks owing for through by from as in on with")

// negatedBefore reports whether a negation bears on words[i]: "not all",
// "never the only".
func negatedBefore(words []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && !isBreak(words[j]); j-- {
		if isNegation(words, j) {
			return true
		}
	}
	return false
}

// hedgedSuperlative reports whether a superlative is one of several ("one
// of the largest", "two of the world's most populous", "among the
// biggest") or ranked ("second-largest"), which says less than "the
// largest".
func hedgedSuperlative(words []string, i int, kind string) bool {
	if kind == "all" || kind == "always" || kind == "only" || kind == "most" || kind == "mainly" || kind == "certain" || kind == "identical" || kind == "superlative" || strings.HasPrefix(kind, "licence:") {
		return false
	}
	if i > 0 && (ordinals[words[i-1]] || isDigits(words[i-1])) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-5 && !isBreak(words[j]); j-- {
		if words[j] == "among" || words[j] == "of" && j > 0 && (words[j-1] == "one" || numberWords[words[j-1]] != "" || isDigits(words[j-1])) {
			return true
		}
	}
	return false
}

// sentenceOf is words with the words of other sentences than that of
// words[i] blanked out (as clause breaks), so that what is near a word of
// a passage is in its sentence: "largely thanks to" licenses no "mostly"
// of the next sentence.
func sentenceOf(words []string, i int) []string {
	from, to := i, i
	for from > 0 && words[from-1] != sentenceBreak {
		from--
	}
	for to < len(words) && words[to] != sentenceBreak {
		to++
	}
	out := make([]string, len(words))
	copy(out[from:to], words[from:to])
	return out
}

// contentAround lists up to limit stems of content words of words[from..to]
// (bounds clipped), leaving out stop words, strong words and numbers.
func contentAround(words []string, from, to int, limit int) []string {
	var out []string
	for j := max(0, from); j <= to && j < len(words) && len(out) < limit; j++ {
		w := words[j]
		if isBreak(w) || text.IsStopWord(w) || strengthKinds[w] != "" || isDigits(w) || len(w) < 2 {
			continue
		}
		out = append(out, text.Stem(foldSpelling(w)))
	}
	return out
}

// unlicensedStrength lists the strong words of the claim that the stretch
// does not license: no word of the same kind in it, or none near a word
// the claim's strong word bears on.
func unlicensedStrength(claimed, stretch []strongWord, synonyms retrieval.Synonyms) []string {
	var out []string
	for _, c := range claimed {
		if strings.HasPrefix(c.kind, "licence:") {
			continue
		}
		licensed := false
		for _, p := range stretch {
			// "the main reason" is "primarily due to".
			mainReason := p.kind == "mainly" && (c.word == "main" || c.word == "primary" || c.word == "principal" || c.word == "chief")
			if p.kind != c.kind && p.kind != "licence:"+c.kind && !(c.kind == "superlative" && superlativeKinds[p.kind]) && !mainReason {
				continue
			}
			if len(c.near) == 0 || sharesStem(c.near, p.near, synonyms) {
				licensed = true
				break
			}
		}
		if !licensed {
			out = append(out, c.word)
		}
	}
	return out
}

// sharesStem reports whether a stem of a, or a synonym of one, is in b.
func sharesStem(a, b []string, synonyms retrieval.Synonyms) bool {
	set := termSet{}
	set.add(b...)
	for _, s := range a {
		if set.has(s) || set.hasAny(synonyms[s]) || set.hasAny(wordingsOf[s]) {
			return true
		}
	}
	return false
}

// hedgedClaim reports whether the stretch (its sentences) only says may
// — a hedge bearing on at least two of the claim's terms, and a third of
// them, around it — what the claim, which has no hedge of its own, says
// is.
func hedgedClaim(c claim, stretch []string) bool {
	if c.hedged && !c.emphatic {
		return false
	}
	terms := termSet{}
	terms.add(c.terms...)
	for _, sentence := range stretch {
		// "Only time will tell if" is "it remains uncertain if".
		words := clauseWordsOf([]string{withPhrasalVerbs(sentence)})
		for i, w := range words {
			if !hedges[w] || w == "may" && isMonth(words, i) {
				continue
			}
			n := 0
			for _, s := range contentAround(words, i-hedgeBefore, i+2*hedgeScope, hedgeScope+hedgeBefore) {
				if terms.has(s) {
					n++
				}
			}
			// A claim that says a thing is clearly so is hedged by any
			// "likely" about two of its words.
			if n >= 2 && (c.emphatic || 3*n >= len(c.terms)) {
				return true
			}
		}
	}
	return false
}

// isMonth reports whether the "may" at words[i] is the month: before or
// after a number ("May 2015", "12 May"), or after "in", "since", "until".
func isMonth(words []string, i int) bool {
	if i+1 < len(words) && isDigits(words[i+1]) || i > 0 && isDigits(words[i-1]) {
		return true
	}
	return i > 0 && (words[i-1] == "in" || words[i-1] == "since" || words[i-1] == "until" || words[i-1] == "early" || words[i-1] == "late")
}

// hedgeScope is how many content words after a hedge of a passage it
// bears on, within its sentence (at most twice as many words); with
// hedgeBefore words before it, its subject ("factories may close").
const (
	hedgeScope  = 8
	hedgeBefore = 4
)

// emphatics are the words by which a sentence says a thing is plainly
// so: a passage's "it is likely that" about it does not support it.
var emphatics = wordSet("clearly obviously evidently certainly undoubtedly surely definitely unmistakably confirmed confirms guarantee guarantees guaranteed guaranteeing")

// firstEver is a claim that a thing was the first of all time: "the first
// ever", "for the first time ever".
var firstEver = regexp.MustCompile(`(?i)\bfirst(?:[- ]time)?[- ]ever\b|\bfirst-of-its-kind\b`)

// boundedFirst reports whether a stretch's "first" is bounded by a span or
// a date ("for the first time in almost a decade", "the first since
// 2017") and says nothing of all time ("ever", "unprecedented", "never
// before").
func boundedFirst(sents []string) bool {
	lower := strings.ToLower(strings.Join(sents, " "))
	if strings.Contains(lower, " ever") || strings.Contains(lower, "unprecedented") || strings.Contains(lower, "never before") {
		return false
	}
	return boundFirst.MatchString(lower)
}

// boundFirst is a "first" within a span: "first time in six years",
// "first visit since 2017".
var boundFirst = regexp.MustCompile(`\bfirst\b(?:\s+\S+){0,3}?\s+(?:in|since|after|following)\b`)

// A plan made a fact — "the two parties have already put in place deeper
// cooperation" where the passage has "the parties plan to encourage a
// deeper cooperation", "both sides concluded a binding Code of Conduct"
// where it has "agreed to … while accelerating long-stalled negotiations
// over a Code of Conduct" — shares the passage's words but says done what
// the passage says is only planned, promised or under way. A sentence
// that says a thing is done (completions) is not supported by a stretch
// that says it in words of a plan (plannings) about two of the sentence's
// words, and nowhere says a thing is done.

// completions are the words by which a sentence says a thing is done.
var completions = wordSet("already concluded completed implemented finalised finalized accomplished enacted")

// completionPhrases say the same in more than one word.
var completionPhrases = regexp.MustCompile(`(?i)\b(?:put|now) in (?:place|force|effect)\b|\bcame into (?:force|effect)\b`)

// plannings are the words by which a passage says a thing is planned,
// promised or under way, not done; "agreed", "set" and "going" only
// before "to" ("agreed to carry out").
var plannings = wordSet("plan plans planned planning intend intends intended aim aims aimed will shall seek seeks sought pledge pledges pledged vow vows vowed promise promises promised propose proposes proposed hope hopes hoped would negotiation negotiations negotiating accelerating")

// plannedBefore are the words that plan only before "to".
var plannedBefore = wordSet("agree agreed agrees set going expected")

// completedAsPlanned returns the word by which sentence says done a thing
// the stretch (its sentences) only plans, or "": the sentence has a word
// of completions (or a phrase of completionPhrases), the stretch none,
// and a word of plannings of the stretch bears on at least two of the
// claim's terms.
func completedAsPlanned(c claim, sentence string, stretch []string) string {
	said := completionPhrases.FindString(sentence)
	if said == "" {
		for _, w := range text.Words(sentence) {
			if completions[w] {
				said = w
				break
			}
		}
	}
	if said == "" {
		return ""
	}
	terms := termSet{}
	terms.add(c.terms...)
	planned := false
	for _, sentence := range stretch {
		if completionPhrases.MatchString(sentence) {
			return ""
		}
		words := clauseWordsOf([]string{sentence})
		for i, w := range words {
			if completions[w] {
				return ""
			}
			if !plannings[w] && !(plannedBefore[w] && i+1 < len(words) && words[i+1] == "to") {
				continue
			}
			n := 0
			for _, s := range contentAround(words, i-hedgeBefore, i+2*hedgeScope, hedgeScope+hedgeBefore) {
				if terms.has(s) {
					n++
				}
			}
			planned = planned || n >= 2
		}
	}
	if !planned {
		return ""
	}
	return said
}
