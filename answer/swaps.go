package answer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
)

// A name put in another's place — "greeted by President Vo Van Thuong"
// where the passage has "greeted by Prime Minister Pham Minh Chinh" and
// names Vo Van Thuong a sentence later, "near the Spratly Islands" where
// it has "near the Paracel Islands" and the Spratlys elsewhere — passes
// the check that every name of a sentence is in its passage. So the
// support check also compares where the names stand: a name of the
// sentence whose place (the words just before and after it) the passage
// gives to another name, and where the passage never puts this one, is
// swapped.

// nameToken is a word or a clause break ("") of a text, as read for
// the places of its names.
type nameToken struct {
	text    string // as written
	lower   string // lower-cased, diacritics folded, "'s" removed
	capital bool
	number  bool // a number in figures ("1979", "3,200", "56.9")
}

// nameTokenPattern is a word, or punctuation that ends a clause or a
// name: a quotation mark, single ones too ("Vietnam's 'Three Nos'"; an
// apostrophe inside a word is the word's).
var nameTokenPattern = regexp.MustCompile(`(?:\p{Lu}\.){2,}|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?\b|[\p{L}\p{N}]+(?:[’'][\p{L}]+)?|[.,;:!?()\[\]"“”‘’'—–]`)

// nameTokens reads text for the places of its names.
func nameTokens(body string) []nameToken {
	var out []nameToken
	for _, m := range nameTokenPattern.FindAllString(body, -1) {
		r, _ := utf8.DecodeRuneInString(m)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			out = append(out, nameToken{})
			continue
		}
		if unicode.IsDigit(r) {
			// "13th" is 13, an ordinal of the same number.
			n := normaliseNumber(strings.TrimRight(m, "stndrh"))
			out = append(out, nameToken{text: m, lower: n, number: isDigits(strings.ReplaceAll(n, ".", ""))})
			continue
		}
		m = strings.TrimSuffix(strings.TrimSuffix(m, "’s"), "'s")
		m = strings.ReplaceAll(m, ".", "") // "U.S." is US
		out = append(out, nameToken{text: m, lower: lowerFolded(m), capital: unicode.IsUpper(r)})
	}
	return out
}

// nameSpan is a run of capitalised words (a name, with any title before
// it) and its place: the two tokens either side.
type nameSpan struct {
	words []string // its words that are not titles
	shown string   // as written
	// number: the span is a number in figures, which only the same
	// number is.
	number bool
	// sentence is the index of the passage's sentence it is in.
	sentence int
	// written is the whole name, small words included, for its acronyms.
	written       []word
	before, after [2]string
	// of is the word before an "of" or "of the" just before the span:
	// "newspaper" of "the newspaper of the Vietnamese Communist Party".
	of string
}

// nameSpans lists the runs of capitalised words of tokens that are not
// stop words ("The", "In"), with their places. forClaim: tokens are one
// sentence, whose first word is capitalised whether or not it is a name,
// so that a run of one word there is left out ("Roughly half …").
func nameSpans(tokens []nameToken, forClaim bool) []nameSpan {
	var out []nameSpan
	at := func(i int) string {
		if i < 0 || i >= len(tokens) {
			return ""
		}
		return tokens[i].lower
	}
	for i := 0; i < len(tokens); {
		t := tokens[i]
		if t.number {
			out = append(out, nameSpan{words: []string{t.lower}, shown: t.text, number: true, before: [2]string{at(i - 1), at(i - 2)}, after: [2]string{at(i + 1), at(i + 2)}})
			i++
			continue
		}
		if !t.capital || text.IsStopWord(t.lower) {
			i++
			continue
		}
		// "One of Vietnam's …", "Talks on the COC …": a sentence's first
		// word before "of" or "on" begins no name.
		if i == 0 && len(nameForms[t.lower]) == 0 && len(tokens) > 1 && nameJoiners[tokens[1].lower] {
			i++
			continue
		}
		j := i
		var words []string
		var written []word
		for j < len(tokens) {
			if tokens[j].capital && !text.IsStopWord(tokens[j].lower) {
				if !titles[tokens[j].lower] {
					words = append(words, tokens[j].lower)
				}
				written = append(written, word{text: tokens[j].lower, capital: true})
				j++
				continue
			}
			// "Code of Conduct", "Rim of the Pacific": small words inside a
			// name.
			k := j
			for k < len(tokens) && k-j < 2 && nameJoiners[tokens[k].lower] {
				k++
			}
			if k == j || k >= len(tokens) || !tokens[k].capital || text.IsStopWord(tokens[k].lower) {
				break
			}
			for ; j < k; j++ {
				written = append(written, word{text: tokens[j].lower})
			}
		}
		// A claim's first word is capitalised whether or not it is a name:
		// a one-word run there counts only if it is a known one
		// ("Vietnam actively advocates …").
		if len(words) > 0 && !(forClaim && i == 0 && j == 1 && len(nameForms[t.lower]) == 0) {
			of := ""
			switch {
			case at(i-1) == "of":
				of = at(i - 2)
			case at(i-2) == "of" && (at(i-1) == "the" || at(i-1) == "a"):
				of = at(i - 3)
			}
			out = append(out, nameSpan{words: words, shown: shownOf(tokens[i:j]), written: written, before: [2]string{at(i - 1), at(i - 2)}, after: [2]string{at(j), at(j + 1)}, of: of})
		}
		i = j
	}
	return out
}

// shownOf is tokens as written, a space between.
func shownOf(tokens []nameToken) string {
	parts := make([]string, len(tokens))
	for i, t := range tokens {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// inSentence reports whether the span c is in the sentence of given.
func inSentence(given []nameSpan, c nameSpan, sentence int) bool {
	for _, p := range given {
		if p.sentence == sentence && sameSpan(c, p) {
			return true
		}
	}
	return false
}

// nameJoiners are the small words a name may hold: "Code of Conduct".
var nameJoiners = wordSet("of the on for")

// sameSpan reports whether two spans name the same thing: every word of
// one is a word of the other, or one is the other's acronym.
func sameSpan(a, b nameSpan) bool {
	if a.number || b.number {
		return a.number && b.number && a.words[0] == b.words[0]
	}
	if len(a.words) == 1 && hasAcronym(b.written, a.words[0]) || len(b.words) == 1 && hasAcronym(a.written, b.words[0]) {
		return true
	}
	return !lacks(a.words, b.words, b.written) || !lacks(b.words, a.words, a.written)
}

// sameName reports whether two words of names name the same thing:
// equal, of the same stem, spelt the British or the American way
// ("Defence", "Defense"), or forms of each other ("Chinese", "China").
func sameName(a, b string) bool {
	if a == b || text.Stem(a) == text.Stem(b) || months[a] != "" && months[a] == months[b] || foldSpelling(a) == foldSpelling(b) {
		return true
	}
	for _, f := range nameForms[a] {
		if f == b {
			return true
		}
	}
	return isDemonymOf(a, b) || isDemonymOf(b, a)
}

// isDemonymOf reports whether word is name with a demonym's ending
// ("singaporean", "singapore").
func isDemonymOf(word, name string) bool {
	if len(name) < 4 {
		return false
	}
	rest, ok := strings.CutPrefix(word, name)
	return ok && slices.Contains(demonymSuffixes, rest)
}

// lacks reports whether some word of a is not a word of b, nor an
// acronym of some of b's words ("UN" of "United Nations").
func lacks(a, b []string, written []word) bool {
	for _, x := range a {
		found := hasAcronym(written, x)
		for _, y := range b {
			if sameName(x, y) {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// samePlace reports whether two spans stand in the same place: the two
// words before them alike, or the two after, or the one before and the one
// after, at least one of the alike words not a stop word.
func samePlace(a, b nameSpan) bool {
	alike := func(x, y string) bool { return x != "" && y != "" && (x == y || text.Stem(x) == text.Stem(y)) }
	content := func(ws ...string) bool {
		for _, w := range ws {
			if !text.IsStopWord(w) {
				return true
			}
		}
		return false
	}
	switch {
	case alike(a.before[0], b.before[0]) && alike(a.before[1], b.before[1]) && content(a.before[0], a.before[1]):
		return true
	case alike(a.after[0], b.after[0]) && alike(a.after[1], b.after[1]) && content(a.after[0], a.after[1]):
		return true
	case alike(a.before[0], b.before[0]) && alike(a.after[0], b.after[0]) && content(a.before[0], a.after[0]):
		return true
	}
	return false
}

// sameNoun reports whether two spans that start with a people or a
// country name the kind of the same thing: a
// word just after one ("a Chinese state newspaper") is a word just after
// the other or the word its "of" follows ("the newspaper of the
// Vietnamese Communist Party"), not a stop word.
func sameNoun(a, b nameSpan) bool {
	// Only a people or a country (not a party's acronym, "VCP"), a name
	// that qualifies another word.
	people := func(n nameSpan) bool {
		return len(n.words) > 0 && len(nameForms[n.words[0]]) > 0 && !isAcronym(strings.Fields(n.shown)[0])
	}
	if !people(a) || !people(b) {
		return false
	}
	nouns := func(n nameSpan) []string {
		var out []string
		for _, w := range []string{n.after[0], n.after[1], n.of} {
			if w != "" && !text.IsStopWord(w) {
				out = append(out, text.Stem(w))
			}
		}
		return out
	}
	theirs := nouns(b)
	return slices.ContainsFunc(nouns(a), func(w string) bool { return slices.Contains(theirs, w) })
}

// swappedName returns a name or number of the sentence (its spans, as
// nameSpans reads it) that the stretch (its sentences) puts another name
// or number in the place of, and never puts in that place itself, or "";
// byOwn: one of the names put in its place is the sentence's own (two
// names of the sentence trade places: "China's dependence on Russia").
func swappedName(claimed []nameSpan, stretch []string) (shown string, byOwn bool) {
	if len(claimed) == 0 {
		return "", false
	}
	var given []nameSpan
	for i, sentence := range stretch {
		for _, p := range nameSpans(nameTokens(sentence), false) {
			p.sentence = i
			given = append(given, p)
		}
	}
	for _, c := range claimed {
		swapped, kept, own := false, false, false
		// A share the stretch gives elsewhere ("56.9 percent of
		// Vietnamese" where its "of Vietnamese" follows 73.6, its 56.9
		// another clause): a summary's order of several shares, past this
		// check. A year is not: "invaded Cambodia in 1979" is a swap where
		// the passage has 1978 there and 1979 for another event.
		elsewhere := c.number && c.after[0] == "percent" && slices.ContainsFunc(given, func(p nameSpan) bool { return sameSpan(c, p) })
		for _, p := range given {
			if !samePlace(c, p) {
				continue
			}
			switch {
			case sameSpan(c, p):
				kept = true
			case c.number && p.number && inSentence(given, c, p.sentence) && !namedYear(claimed, c, p):
				// Two numbers of one sentence ("56.9 percent chose the
				// United States, only 11.8 percent China"): which is which
				// is past this check, but for a year that dates a name
				// (namedYear).
			case c.number == p.number && !elsewhere:
				swapped = true
				own = own || slices.ContainsFunc(claimed, func(o nameSpan) bool { return sameSpan(o, p) })
			}
		}
		if swapped && !kept {
			return c.shown, own
		}
	}
	return "", false
}

// namedYear reports whether c, a year of the claim (whose spans are
// claimed), stands right after "in" after a name, where the passage puts
// the year p: "the battle of Dien Bien Phu in 1954 and the subsequent
// American invasion in 1975" dates the battle 1954, however many years
// its sentence gives.
func namedYear(claimed []nameSpan, c, p nameSpan) bool {
	if !yearInText.MatchString(c.shown+" ") || !yearInText.MatchString(p.shown+" ") || c.before[0] != "in" || c.before[1] != p.before[1] {
		return false
	}
	return slices.ContainsFunc(claimed, func(n nameSpan) bool { return !n.number && slices.Contains(n.words, c.before[1]) })
}

// A thing put in another's place in the passage's own words — "funding
// for a new deep-water port project" where the passage has "funding for a
// railway line project" — shares every word with the passage but the
// swapped ones, and coverage may let it through. So the support check
// also looks for a run of the sentence's words that the passage lacks
// between two words it has, where the passage has those two words close
// together with other words of its own between them.

// Sizes for swappedWords: a run of at least minSwapTerms content words
// weighing at least minSwapWeight, against at most maxSwapGap words of
// the passage.
const (
	minSwapTerms  = 3
	minSwapWeight = 20.0
	maxSwapGap    = 3
)

// swappedWords returns the words of the sentence the passage has others
// in place of, or "".
func swappedWords(c claim, sentence string, sents []string, stretch, title passageText) string {
	// A "not" said otherwise ("never free of" for "always marked by")
	// rewords more than the thing it bears on.
	if c.negated {
		return ""
	}
	var terms []string
	for _, w := range text.Words(sentence) {
		if len(w) < 2 || text.IsStopWord(w) || isDigits(w) {
			continue
		}
		terms = append(terms, text.Stem(foldSpelling(w)))
	}
	var passage, raw []string
	for _, w := range text.Words(strings.Join(sents, " ")) {
		if len(w) < 2 || text.IsStopWord(w) || isDigits(w) {
			continue
		}
		passage = append(passage, text.Stem(foldSpelling(w)))
		raw = append(raw, w)
	}
	own := termSet{}
	own.add(terms...)
	covered := func(t string) bool { return slices.Contains(c.terms, t) && stretch.covers(c, t, title) }
	for i := 0; i < len(terms); i++ {
		if !covered(terms[i]) {
			continue
		}
		j := i + 1
		weight := 0.0
		for j < len(terms) && !covered(terms[j]) {
			weight += c.weights[terms[j]]
			j++
		}
		if j == len(terms) || j-i-1 < minSwapTerms || weight < minSwapWeight {
			continue
		}
		before, after := terms[i], terms[j]
		for a, w := range passage {
			if w != before {
				continue
			}
			for b := a + 2; b < len(passage) && b <= a+1+maxSwapGap; b++ {
				if passage[b] != after {
					continue
				}
				between := passage[a+1 : b]
				// "always marked by" for "never free of": a strong word
				// between is a rewording of the claim's polarity.
				strong := slices.ContainsFunc(raw[a+1:b], func(w string) bool { return strengthKinds[w] != "" || negations[w] })
				if !strong && !slices.ContainsFunc(between, own.has) {
					var shown []string
					for _, t := range terms[i+1 : j] {
						shown = append(shown, c.written[t])
					}
					return strings.Join(shown, " ")
				}
			}
		}
		i = j - 1
	}
	return ""
}
