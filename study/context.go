package study

import (
	"math"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
)

// usage is what the reading list's sentences show of how each name is
// used: the words around it (to tell whether another name could stand in
// its place), the names it is written with (to tell whether the rest of a
// question gives it away), and whether it takes "the".
type usage struct {
	// around maps a fact's key to the stems of the words written near it,
	// weighted by nearness, over all its sentences.
	around map[string]map[string]float64
	// twice maps a fact's key to the stems of around whose weight is 2
	// (what fit matches), and prefixes to the first four letters of those
	// five letters long at least (see sameFamily).
	twice, prefixes map[string]map[string]bool
	// idf weighs a stem by how few names it is written near.
	idf map[string]float64
	// sentences maps a name (a fact's key, or a run of capitalised words
	// the typer does not type, "name:Pol Pot") to the sentences it is in.
	sentences map[string]map[int]bool
	// withThe and without count a name's uses after "the" and not.
	withThe, without map[string]int
	// namesIn holds each sentence's names, lower-cased.
	namesIn []map[string]bool
}

// contextWindow is how many words either side of a name are its context,
// nearWords how many of them are near it (the words that say its role:
// "invaded _____", "_____ exports gas").
const (
	contextWindow = 6
	nearWords     = 3
)

// nameKinds are the kinds of fact whose distractors must fit the role the
// sentence gives the answer (numbers and dates fit by their value).
var nameKinds = map[Kind]bool{KindPerson: true, KindCountry: true, KindPlace: true, KindOrganisation: true, KindAgreement: true}

// newUsage reads the usage of the names of every sentence.
func (g *Generator) newUsage() *usage {
	u := &usage{around: map[string]map[string]float64{}, idf: map[string]float64{}, sentences: map[string]map[int]bool{}, withThe: map[string]int{}, without: map[string]int{}}
	for i, s := range g.sents {
		toks := tokens(s.plain)
		for _, f := range g.facts[i] {
			if !nameKinds[f.kind] {
				continue
			}
			u.addSentence(f.key, i)
			if u.around[f.key] == nil {
				u.around[f.key] = map[string]float64{}
			}
			for stem, w := range contextStems(s.plain, toks, f.start, f.end) {
				u.around[f.key][stem] += w
			}
			if lastWord(s.plain[:f.start]) == "the" {
				u.withThe[f.key]++
			} else if f.start > 0 {
				u.without[f.key]++
			}
		}
		names := map[string]bool{}
		for _, span := range g.names(s.plain) {
			u.addSentence("name:"+spanText(s.plain, span), i)
			names[strings.ToLower(spanText(s.plain, span))] = true
		}
		u.namesIn = append(u.namesIn, names)
	}
	df := map[string]int{}
	u.twice, u.prefixes = map[string]map[string]bool{}, map[string]map[string]bool{}
	for key, stems := range u.around {
		u.twice[key], u.prefixes[key] = map[string]bool{}, map[string]bool{}
		for stem, w := range stems {
			df[stem]++
			if w == 2 {
				u.twice[key][stem] = true
				if len(stem) >= 5 {
					u.prefixes[key][stem[:4]] = true
				}
			}
		}
	}
	for stem, n := range df {
		u.idf[stem] = math.Log(float64(len(u.around)+1) / float64(n))
	}
	return u
}

// names are the runs of capitalised words of a sentence, cut where the
// typer cuts them ("Russia and Germany" is two names).
func (g *Generator) names(s string) [][]token {
	var out [][]token
	for _, span := range nameSpans(s, g.lx.common) {
		for _, part := range g.lx.splitSpan(span) {
			if len(part) > 0 {
				out = append(out, part)
			}
		}
	}
	return out
}

func (u *usage) addSentence(key string, i int) {
	if u.sentences[key] == nil {
		u.sentences[key] = map[int]bool{}
	}
	u.sentences[key][i] = true
}

// contextStems are the stems of the content words within contextWindow
// words of a span (names and numbers left out: they are other facts),
// the nearest two on each side weighing double.
func contextStems(s string, toks []token, start, end int) map[string]float64 {
	out := map[string]float64{}
	first, last := -1, -1
	for n, t := range toks {
		if t.start >= start && first < 0 {
			first = n
		}
		if t.end <= end {
			last = n
		}
	}
	if first < 0 {
		return out
	}
	for n := max(0, first-contextWindow); n < min(len(toks), last+1+contextWindow); n++ {
		if n >= first && n <= last {
			continue
		}
		w := toks[n].text
		if isCapitalised(w) || isDigit(w[0]) || isStop(strings.ToLower(w)) {
			continue
		}
		weight := 1.0
		if n >= first-nearWords && n <= last+nearWords {
			weight = 2
		}
		stem := text.Stem(strings.ToLower(w))
		out[stem] = max(out[stem], weight)
	}
	return out
}

// fit is how well a name fits the answer's place in its sentence: the
// weight of the words near the answer that the reading list also writes
// near the name elsewhere (the same word, or one of its family: "invaded"
// and "invasion" share "inva").
func (u *usage) fit(s string, answer fact, key string) float64 {
	if len(u.around[key]) == 0 {
		return 0
	}
	return u.fitNear(contextStems(s, tokens(s), answer.start, answer.end), key)
}

// fitNear is fit with the stems around the answer given (see
// contextStems), made once for all of a question's distractors.
func (u *usage) fitNear(answerStems map[string]float64, key string) float64 {
	twice, prefixes := u.twice[key], u.prefixes[key]
	if len(twice) == 0 {
		return 0
	}
	var weights []float64
	for stem, w := range answerStems {
		if w >= 2 && (twice[stem] || len(stem) >= 5 && prefixes[stem[:4]]) {
			weights = append(weights, u.idf[stem]) // the same word near both, or one of its family
		}
	}
	// Summed in one order, not the map's: floating-point sums in another
	// order differ in their last bits, and ties between names would fall
	// another way from one run to the next.
	slices.Sort(weights)
	score := 0.0
	for _, w := range weights {
		score += w
	}
	return score
}

// sameFamily reports whether two stems are one word's, or share their
// first four letters and are five long at least ("invad", "invas").
func sameFamily(a, b string) bool {
	if a == b {
		return true
	}
	return len(a) >= 5 && len(b) >= 5 && a[:4] == b[:4]
}

// minFit is the least fit of a distractor for a name: a word near the
// answer, not written near most names, written near the distractor too.
const minFit = 0.5

// givesAway reports whether a name in the rest of the question points at
// the answer rather than at the distractors: elsewhere in the reading
// list, most sentences that write the name write the answer too, and
// none writes a distractor ("to remove Pol Pot" and Cambodia).
func (u *usage) givesAway(sent int, names []string, answer string, distractors []string) bool {
	for _, n := range names {
		others, withAnswer := 0, 0
		for i := range u.sentences[n] {
			if i == sent {
				continue
			}
			others++
			if u.sentences[answer][i] {
				withAnswer++
			}
		}
		if withAnswer == 0 || 2*withAnswer < others {
			continue
		}
		withDistractor := 0
		for _, d := range distractors {
			for i := range u.sentences[n] {
				if i != sent && u.sentences[d][i] {
					withDistractor++
				}
			}
		}
		if 2*withDistractor < withAnswer {
			return true
		}
	}
	return false
}

// takesThe reports whether a place's name is written after "the" ("the
// Philippines", "the South China Sea"): as the reading list mostly writes
// it, else as the gazetteer does, else by its form (a plural, a name of
// a union or a republic, a sea or islands).
func (g *Generator) takesThe(key, name string) bool {
	if with, without := g.usage.withThe[key], g.usage.without[key]; with+without > 0 {
		return with >= without
	}
	if g.lx.gaz.withThe[name] {
		return true
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	lastW := words[len(words)-1]
	if placeHeads[lastW] || isPlural(name) {
		return true
	}
	for _, w := range words {
		if w == "United" || w == "Republic" || w == "Kingdom" || w == "Union" {
			return true
		}
	}
	return false
}

// determiners may stand before a name that takes no "the" ("its
// Cambodia policy" aside, a name after one of these is fine either way).
var determiners = wordList(`the a an its their his her our this that these those whose`)
