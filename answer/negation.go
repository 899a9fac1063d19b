package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
)

// How a passage denies, refuses or restricts what a sentence claims: the
// scope of a "not", refusals ("declined to"), restrictions ("only",
// "avoid"), and the clauses a negation bears on. Read by the support
// check (support.go).

// negationScope is how many content words after a "not" it bears on.
const negationScope = 8

// negations are the words that turn a claim into its opposite.
var negations = wordSet("not no never neither nor none nobody nothing without cannot refused refuses refuse denied denies deny failed fails unlike missing missed hardly scarcely barely hesitate hesitates hesitated doubted ceased lacks lacked")

// negatingPhrases are the phrases that negate as a word does, by their
// first word and the words after it: "rather than", "instead of", "far
// from", "free of", "short of" ("stops short of claiming"), "a stretch to" (as in "it would be a stretch to consider this
// … an allegiance").
var negatingPhrases = map[string][]string{"rather": {"than"}, "instead": {"of"}, "far": {"from"}, "stretch": {"to"}, "free": {"of"}, "short": {"of"}}

// restrictiveWords say no in other words: a passage's "avoid reliance
// on external forces" is a sentence's "should not lean on outside
// forces", its "only China holds" a sentence's "no other country holds",
// its "for little pay off" a sentence's "without gaining much".
var restrictiveWords = wordSet("avoid avoids avoided avoiding refrain refrains refrained refraining decline declines declined declining only alone solely exclusively until unless prevent prevents prevented resist resists resisted reject rejects rejected rejecting escape little few barely unable reluctant reluctance absent absence lack lacking except instead rather")

// refusals are the restrictive words that, in a sentence, say no as a
// "not" does ("changed little" too): the passage must have a negation or
// a restriction about the same thing.
var refusals = wordSet("avoid avoids avoided avoiding refrain refrains refrained decline declines declined reject rejects rejected rejecting resist resists resisted prevent prevents prevented unable reluctant little")

// sinceFollows reports whether a "since" follows in the clause: "the
// first visit abroad since the Congress" says there was none before it.
func sinceFollows(words []string) bool {
	for _, w := range words {
		if isBreak(w) {
			return false
		}
		if w == "since" {
			return true
		}
	}
	return false
}

// negativeVerbs are the verbs a negation turns back into an affirmation:
// "will not hesitate to voice" voices, "never failed to" did.
var negativeVerbs = wordSet("free hesitate hesitates hesitated hesitation fail fails failed cease ceased stop stopped forget forgot deny denied refuse refused doubt lack")

// isNegation reports whether words[i] negates what follows: "not",
// "never", "no", "didn't" ("didn", "t"), but not "not only".
func isNegation(words []string, i int) bool {
	w := words[i]
	if w == "free" && i+1 < len(words) && words[i+1] == "from" {
		return isNegation(append(words[:i+1:i+1], "of"), i)
	}
	if after, ok := negatingPhrases[w]; ok {
		if i+len(after) >= len(words) || !slices.Equal(words[i+1:i+1+len(after)], after) {
			return false
		}
		if w == "free" {
			// "never been free of tension" has tension.
			for _, before := range words[max(0, i-2):i] {
				if negations[before] || before == "t" {
					return false
				}
			}
		}
		return w != "stretch" || i > 0 && words[i-1] == "a"
	}
	if _, ok := unNegated(w); ok {
		return true
	}
	if w == "against" {
		// "warned Hanoi against a false sense": warned it not to.
		for _, before := range words[max(0, i-3):i] {
			if strings.HasPrefix(before, "warn") || strings.HasPrefix(before, "caution") || strings.HasPrefix(before, "advis") {
				return true
			}
		}
		return false
	}
	if !(w == "t" && i > 0 && strings.HasSuffix(words[i-1], "n")) && !negations[w] {
		return false
	}
	// "no fewer than 36", "no less than": a floor, not a negation.
	if (w == "no" || w == "not") && i+2 < len(words) && (words[i+1] == "fewer" || words[i+1] == "less") && words[i+2] == "than" {
		return false
	}
	// "not only", "not just", "at least not"; "not until 1999" says when,
	// not whether.
	if w == "not" && i+1 < len(words) && (words[i+1] == "only" || words[i+1] == "just" || words[i+1] == "least" || words[i+1] == "until") {
		return false
	}
	// "not hesitate", "never failed to": an affirmation; and the "failed"
	// of "not failed" is not a negation of its own.
	for _, next := range words[i+1 : min(len(words), i+3)] {
		if negativeVerbs[next] {
			return false
		}
	}
	if negativeVerbs[w] && i > 0 {
		for _, before := range words[max(0, i-2):i] {
			if negations[before] || before == "t" {
				return false
			}
		}
	}
	return true
}

// unNegated reports whether w is a word negated by its "un" ("uninvited",
// "unresolved", "unable", "unpopular"), and gives the word negated.
// "United", "universal", "under-" words, adverbs ("unsurprisingly") and
// "unprecedented", which says "first", are not.
func unNegated(w string) (string, bool) {
	rest, ok := strings.CutPrefix(w, "un")
	if !ok || len(rest) < 4 || strings.HasPrefix(rest, "der") || w == "unprecedented" || w == "unless" || w == "until" {
		return "", false
	}
	if p := w[:min(len(w), 4)]; p == "unit" || p == "unif" || p == "unil" || p == "univ" || p == "unan" || p == "unio" || p == "uniq" {
		return "", false
	}
	for _, suffix := range []string{"ed", "able", "ible", "ful", "ar", "al", "ive", "ent", "ant", "ous", "ic"} {
		if strings.HasSuffix(rest, suffix) {
			return rest, true
		}
	}
	return "", false
}

// pairReference reports whether the number word words[i] names a pair or
// a rank already known rather than a count: "the two countries", "both".
func pairReference(words []word, i int) bool {
	if i == 0 || strings.ToLower(words[i].text) != "two" {
		return false
	}
	before := strings.ToLower(words[i-1].text)
	return before == "the" || before == "these" || before == "those" || before == "its" || before == "their"
}

// deniesClaim reports whether the stretch negates what the claim states:
// at least two of the claim's terms fall in the scope of a negation of
// the stretch.
func (p passageText) deniesClaim(c claim) bool {
	return c.termsAmong(p.denied, p.refused) >= 2
}

// termsAmong counts the claim's terms that are among the stems of lists.
func (c claim) termsAmong(lists ...[]string) int {
	set := termSet{}
	for _, l := range lists {
		set.add(l...)
	}
	n := 0
	for _, t := range c.terms {
		if set.has(t) {
			n++
		}
	}
	return n
}

// passiveSubject is how many words before a passive refusal ("the
// doctrine of historic rights was rejected by") its subject is looked for.
const passiveSubject = 6

// exclusives are the restrictive words that give a thing to one alone.
var exclusives = wordSet("only sole solely alone exclusively")

// othersShare reports whether the sentence gives to "other" ones ("several
// other countries also hold", "others have it too") what a passage's
// "only" gives to one: a stem of exclusive within a few words after its
// "other".
func othersShare(sentence string, exclusive []string) bool {
	words := clauseWords(sentence)
	given := termSet{}
	given.add(exclusive...)
	for i, w := range words {
		// "no country other than China": the one again.
		if w != "other" && w != "others" && w != "another" || i+1 < len(words) && words[i+1] == "than" {
			continue
		}
		for _, s := range contentAround(words, i+1, i+4, 4) {
			if given.has(s) {
				return true
			}
		}
	}
	return false
}

// refusesClaim reports whether a refusal of the stretch ("refrain from",
// "avoid", "declined") bears on at least two of the claim's terms.
func (p passageText) refusesClaim(c claim) bool {
	refused, roots := termSet{}, termSet{}
	refused.add(p.refused...)
	for _, t := range p.refused {
		roots.add(derivedRoot(t))
	}
	n := 0
	for _, t := range c.terms {
		if refused.has(t) || roots.hasExactly(derivedRoot(t)) || refused.hasAnyExactly(c.synonyms[t]) {
			n++
		}
	}
	// And its names: "cover China" where the passage refrains from
	// "coverage of China".
	for _, f := range c.facts {
		if f.name && len(f.forms) > 0 && refused.hasExactly(text.Stem(f.forms[0])) {
			n++
		}
	}
	return n >= 2
}

// clausePunctuation is punctuation that ends a clause.
var clausePunctuation = regexp.MustCompile(`[,;:()\[\]—–]|\s-\s`)

// clauseWords are the words of text as text.Words reads them, with an
// empty word where a clause ends (a comma, a bracket, a dash) and a
// sentenceBreak where a sentence does.
func clauseWords(body string) []string { return clauseWordsOf(splitSentences(body)) }

// clauseWordsOf is clauseWords of text already cut into sentences.
func clauseWordsOf(sentences []string) []string {
	var out []string
	for si, sentence := range sentences {
		if si > 0 {
			out = append(out, sentenceBreak)
		}
		for i, clause := range clausePunctuation.Split(sentence, -1) {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, text.Words(clause)...)
		}
	}
	return out
}

// sentenceBreak stands between the sentences of clauseWords; text.Words
// never reads it as a word.
const sentenceBreak = "."

// isBreak reports whether a word of clauseWords is the end of a clause or
// a sentence.
func isBreak(w string) bool { return w == "" || w == sentenceBreak }

// clauseNegations are the negations whose scope ends with their clause:
// "rather than B, which …" denies B, not what the "which" says of it;
// "(despite missing this year) and hosted" denies this year only. The
// scope of a "not" runs on over commas, through its list: "will not use
// force, join alliances, allow bases".
var clauseNegations = wordSet("rather instead far stretch unlike missing missed")

// scopeOf is the stems of the content words a negation at words[i] bears
// on: up to negationScope of those after it (words as clauseWords reads
// them).
func scopeOf(words []string, i int) []string {
	var out []string
	limit, list := negationScope, false
	for j, after := range words[i+1:] {
		// "does not declare X but states Y": a "but" ends what it denies,
		// and so does a "while" or "whereas" ("only five remaining
		// communist-led countries while resulting in more tangible
		// outcomes").
		if after == sentenceBreak || after == "" && clauseNegations[words[i]] || after == "but" || after == "while" || after == "whereas" {
			break
		}
		// "avoid reliance on X in favor of Y", "refuse X rather than Y":
		// what follows is what is chosen, not denied.
		if (after == "favor" || after == "favour") && j > 0 && words[i+j] == "in" || (after == "rather" || after == "instead") && !clauseNegations[words[i]] {
			break
		}
		// A "not" before a list ("not use force, join alliances or allow
		// bases") bears on all of it, to the end of its sentence.
		if after == "" && !list && listFollows(words[i+1+j:]) {
			list, limit = true, 2*negationScope
		}
		if len(out) == limit {
			break
		}
		if !isBreak(after) && !text.IsStopWord(after) {
			out = append(out, text.Stem(foldSpelling(after)))
		}
	}
	return out
}

// listFollows reports whether words, up to the end of their sentence,
// go on with a list's last item: "or", "nor", "and".
func listFollows(words []string) bool {
	for _, w := range words {
		if w == sentenceBreak || w == "but" {
			return false
		}
		if w == "or" || w == "nor" || w == "and" {
			return true
		}
	}
	return false
}

// deniesAnyOf reports whether a negation of the stretch bears on one of
// the stems (those a negation of the claim bears on): a "not" of the
// passage about something else does not support the claim's "not".
func (p passageText) deniesAnyOf(stems []string) bool {
	denied := termSet{}
	denied.add(p.denied...)
	denied.add(p.contrasted...)
	denied.add(p.restricted...)
	for _, t := range stems {
		if denied.has(t) {
			return true
		}
	}
	return len(stems) == 0
}

// deniesInOtherWords reports whether one sentence of a stretch denies,
// by a "not", synonyms of at least two of the words a negation of the
// claim bears on, and more than half of them: "rather than marking a
// basic change" for "did not signal a fundamental shift". One sentence,
// and most of the words: synonyms reach far ("exercises" is "use"), and
// two of them found in different sentences match by chance.
func deniesInOtherWords(sentences []passageText, c claim) bool {
	for _, p := range sentences {
		denied := termSet{}
		denied.add(p.denied...)
		n := 0
		for _, t := range c.denied {
			if denied.hasAny(c.synonyms[t]) || denied.hasExactly(wordingsOf[t]...) {
				n++
			}
		}
		if n >= 2 && 2*n > len(c.denied) {
			return true
		}
	}
	return false
}

// restrictsAnyOf reports whether a restriction of the stretch ("avoid",
// "refrain from", "only") bears on one of the stems a negation of the
// claim bears on, or on another wording of one: "avoid depending on" for
// "avoid reliance on". Other wordings are read for restrictions only: a
// "not" of the passage about a synonym of another thing ("missing this
// year") does not support a claim's "not".
func (p passageText) restrictsAnyOf(stems []string, synonyms map[string][]string) bool {
	if p.deniesAnyOf(stems) {
		return true
	}
	restricted, roots := termSet{}, termSet{}
	restricted.add(p.restricted...)
	for _, t := range p.restricted {
		roots.add(derivedRoot(t))
	}
	for _, t := range stems {
		if restricted.hasExactly(wordingsOf[t]...) || roots.hasExactly(derivedRoot(t)) || roots.hasAny(synonyms[t]) {
			return true
		}
	}
	return false
}
