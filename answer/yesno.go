package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// Questions answered by yes or no, and questions that ask which of two:
// "Did Vietnam publicly support the Philippines in its 2016 arbitration
// case?" asks whether a claim holds, which only a sentence that states or
// denies nearly the whole claim answers (not one that names Vietnam, China
// and the Philippines in another matter); "Is China funding the whole
// Hanoi metro project or only part of it?" asks which, which a sentence
// that says China invests in the project does not tell.

// yesNoQuestion opens a question answered by yes or no: an auxiliary
// first ("Did …", "Is …", "Has …"), with no question word after it.
var yesNoQuestion = regexp.MustCompile(`(?i)^\W*(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b`)

// asksYesNo reports whether a question asks for a yes or a no: it opens
// with an auxiliary and asks nothing with a question word ("Is Vietnam a
// member of the CPTPP, and how does that affect …?" asks how).
func asksYesNo(question string) bool {
	if !yesNoQuestion.MatchString(question) {
		return false
	}
	return !slices.ContainsFunc(text.Words(question)[1:], func(w string) bool { return whWords[w] })
}

// minClaimShare is the share of a yes/no question's claim (each of its
// names, and each of its asked terms, as itself, a synonym or a
// paraphrase) that a sentence must hold to state or deny it. Chosen
// on the question sets of testdata/ (BENCHMARKS.md): 0.5 turns away one
// unanswerable question fewer, 0.67 answers one of fresh.jsonl fewer.
const minClaimShare = 0.6

// yesNoClaim is what a yes/no question asks of: its names and asked terms.
type yesNoClaim struct {
	names     []nameGroup
	terms     []string
	predicate string // its verb, "" when it cannot be told
}

// askedClaim is the claim a yes/no question asks of.
func askedClaim(question string, f focus) yesNoClaim {
	c := yesNoClaim{predicate: claimVerb(question)}
	for _, g := range f.names {
		if !g.when {
			c.names = append(c.names, g)
		}
	}
	for _, t := range askedTerms(question, f) {
		if verb, ok := pastOf[t]; ok {
			t = verb
		}
		c.terms = append(c.terms, t)
	}
	return c
}

// statesClaim reports whether sents[i] states or denies the claim nearly
// whole: at least minClaimShare of its names (in the sentence, or the one
// before it when the sentence says "he" or "the country") and asked terms
// (in the sentence, as itself, a synonym or a paraphrase), and its verb
// (or an opposite of it: "the country's exclusion" denies "Was Vietnam
// invited …?"), or a negation.
func statesClaim(sents []sentence, i int, c yesNoClaim, ft, prev focusText, synonyms retrieval.Synonyms) bool {
	total := len(c.names) + len(c.terms)
	if total == 0 {
		return true
	}
	var held float64
	for _, g := range c.names {
		if g.mentionedIn(ft.words) || g.mentionedIn(prev.words) {
			held++
		}
	}
	have := termSet{}
	have.add(sents[i].terms...)
	for _, t := range c.terms {
		held += holdsTerm(have, t, synonyms)
	}
	if held < minClaimShare*float64(total) {
		return false
	}
	// The claim's verb, or its opposite, or a "no" that denies it: "Did the
	// U.S. sell weapons after the embargo ended?" is not answered by the
	// end of the embargo; "no foreign military bases" denies that they are
	// allowed.
	return c.predicate == "" || holdsPredicate(sents[i].terms, c.predicate, synonyms) ||
		slices.ContainsFunc(sents[i].terms, func(u string) bool { return slices.Contains(synonyms[u], c.predicate) }) || // "backed" for "support": the table is one way
		slices.ContainsFunc(antonyms[c.predicate], have.has) || negationWords.MatchString(sents[i].text) ||
		slices.ContainsFunc([]string{"un", "dis", "non"}, func(p string) bool { return have.has(p + c.predicate) })
}

// claimVerb is the stem of a yes/no question's verb: its first lowercase
// content word after the auxiliary and the subject, adverbs in "-ly" left
// out ("Did Vietnam publicly support …?" → support, "Did the U.S. sell
// weapons …?" → sell), "" when there is none.
func claimVerb(question string) string {
	fields := strings.Fields(withoutTimeScope(question))
	for _, f := range fields[min(1, len(fields)):] {
		w := trimWordParens(f)
		if w == "" || startsWithCapital(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			continue
		}
		lower := strings.ToLower(w)
		if text.IsStopWord(lower) || leadingWords[lower] || isDigits(lower) || strings.HasSuffix(lower, "ly") || lower == "ever" || lower == "been" || lower == "be" {
			continue
		}
		t := lastTerm(lower)
		if verb, ok := pastOf[t]; ok {
			t = verb
		}
		return t
	}
	return ""
}

// The words an alternative may open with, which its counterpart before
// "or" opens with too ("in cash or with new concessions", "a state
// company or a private firm") and the pronouns that refer a second to
// the first ("part of it").
var (
	alternativePrepositions = wordSet("in with by from to for on at into as through via under over")
	alternativeArticles     = wordSet("a an the some all any")
	alternativePronouns     = wordSet("it them that this one ones those these")
)

// askedAlternatives are the terms that tell apart the two things a
// question asks to choose between ("the whole Hanoi metro project or only
// part of it" → whole | part; "in cash or with new concessions" → cash |
// new concess), nil when it asks for none. The first runs back from "or"
// to the word that opens it as the second opens (a preposition, an
// article; else it is the last word, or for a second clause, "or is it
// …", all the first); the second runs to its next small word. A second
// that says "it" is of what the first names: only the first's opening
// word tells them apart. Capitalised words tell apart only alternatives
// that have no other ("Russia or the United States").
func askedAlternatives(question string) [][]string {
	if !yesNoQuestion.MatchString(question) {
		return nil
	}
	q := strings.TrimRight(strings.TrimSpace(question), "?.! ")
	ors := orWord.FindAllStringIndex(q, -1)
	if ors == nil {
		return nil
	}
	last := ors[len(ors)-1]
	firstWords, second := strings.Fields(q[:last[0]]), strings.Fields(q[last[1]:])
	if len(firstWords) < 2 || len(second) == 0 {
		return nil
	}
	bare := func(w string) string { return strings.ToLower(strings.Trim(w, ",;:\"“”'’")) }
	open := bare(second[0])
	clause := auxiliaries[open]
	from := len(firstWords) - 1
	if clause {
		from = 1
	}
	for k := len(firstWords) - 1; k >= 1 && !clause; k-- {
		w := bare(firstWords[k])
		if alternativePrepositions[open] && alternativePrepositions[w] || !alternativePrepositions[open] && (alternativeArticles[w] || alternativePrepositions[w]) {
			from = k
			break
		}
	}
	end := len(second)
	for k := 1; k < len(second) && !clause; k++ {
		if w := bare(second[k]); alternativePrepositions[w] || auxiliaries[w] || w == "been" || text.IsStopWord(w) && !alternativeArticles[w] {
			end = k
			break
		}
	}
	first := altTerms(firstWords[from:])
	secondTerms := altTerms(second[:end])
	if !clause && len(first) > 1 && slices.ContainsFunc(second, func(w string) bool { return alternativePronouns[bare(w)] }) {
		secondTerms = append(secondTerms, first[1:]...) // "part of it": of the project
	}
	a, b := without(first, secondTerms), without(secondTerms, first)
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	return [][]string{a, b}
}

// altTerms are the terms of an alternative's words: those not written
// with a capital, or all of them when it has no other ("the United
// States").
func altTerms(words []string) []string {
	var lower []string
	for _, w := range words {
		if !startsWithCapital(w) {
			lower = append(lower, w)
		}
	}
	if terms := text.Terms(strings.Join(lower, " ")); len(terms) > 0 {
		return terms
	}
	return text.Terms(strings.Join(words, " "))
}

// orWord parts two alternatives.
var orWord = regexp.MustCompile(`(?i)\s+or\s+`)

// without is the terms of a that b lacks.
func without(a, b []string) []string {
	var out []string
	for _, t := range distinct(a) {
		if !slices.Contains(b, t) {
			out = append(out, t)
		}
	}
	return out
}

// takePart is "take part", which holds no part of anything.
var takePart = regexp.MustCompile(`(?i)\b(?:take|takes|taking|took|taken)\s+part\b`)

// namesAlternative reports whether a sentence holds a term that tells
// one of the alternatives from the other, as itself or a synonym; true
// when the question asks for none.
func namesAlternative(sentence string, alternatives [][]string, synonyms retrieval.Synonyms) bool {
	if len(alternatives) == 0 {
		return true
	}
	have := termSet{}
	have.add(text.Terms(takePart.ReplaceAllString(sentence, "participate"))...)
	for _, alt := range alternatives {
		for _, t := range alt {
			if holdsTerm(have, t, synonyms) >= 1 {
				return true
			}
		}
	}
	return false
}

// denialWords deny what follows them: "no foreign military bases",
// "without committing", "hasn't condemned", "refused to take", "despite
// missing this year".
var denialWords = regexp.MustCompile(`(?i)^(?:no|not|never|nor|neither|without|refused|refuses|refuse|declined|declines|failed|fails|\w+n['’]t|cannot|missing|missed|misses|skipped|skipping|absent|except|excluding)$`)

// denialReach is how many words before a word of the claim a denial
// reaches: "without committing to taking part" denies "commit".
const denialReach = 4

// yesNoVerdict is "Yes" or "No" when the sentence that answers a yes/no
// question says which plainly, else "": "No" when a denial stands just
// before a word of the claim, or the sentence holds an opposite of one
// ("the country's exclusion" for "invited", "neutrality" for "take
// sides"); "Yes" when it holds the claim's verb with no denial and no
// opposite anywhere. Anything less plain is left to the reader.
func yesNoVerdict(question, sentence string, synonyms retrieval.Synonyms) string {
	c := askedClaim(question, readFocus(question))
	claimTerms := c.terms
	if c.predicate != "" {
		claimTerms = append(claimTerms, c.predicate)
	}
	words := strings.Fields(sentence)
	ofClaim := func(w string) bool {
		have := termSet{}
		have.add(text.Terms(w)...)
		return len(have) > 0 && slices.ContainsFunc(claimTerms, func(t string) bool { return holdsTerm(have, t, synonyms) >= 1 })
	}
	denied, anyDenial := false, false
	for i, w := range words {
		if !denialWords.MatchString(strings.Trim(w, ",.;:()“”\"'‘")) {
			continue
		}
		anyDenial = true
		for j := i + 1; j <= min(len(words)-1, i+denialReach); j++ {
			if ofClaim(words[j]) {
				denied = true
			}
		}
	}
	have := termSet{}
	have.add(text.Terms(sentence)...)
	opposite := slices.ContainsFunc(claimTerms, func(t string) bool {
		return holdsTerm(have, t, nil) < 1 && slices.ContainsFunc(antonyms[t], have.has)
	}) || c.predicate != "" && slices.ContainsFunc([]string{"un", "dis", "non"}, func(p string) bool { return have.has(p + c.predicate) })
	switch {
	case denied || opposite:
		return "No"
	case !anyDenial && c.predicate != "" && (holdsPredicate(text.Terms(sentence), c.predicate, synonyms) ||
		slices.ContainsFunc(text.Terms(sentence), func(u string) bool { return slices.Contains(synonyms[u], c.predicate) })):
		return "Yes"
	}
	return ""
}
