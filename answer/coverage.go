package answer

import (
	"fmt"
	"math"
	"slices"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// How much of a claim a stretch of a passage covers, with what WordNet
// knows of words beyond their synonyms (retrieval.SupportWords): a word
// of the claim is also covered by a word derived from or to it
// ("decision" by "decide"), and a phrase of two words ("call off", "step
// up") by the single words WordNet gives it ("cancel", "intensify"); a
// passage contradicts it with a WordNet antonym of its words as with one
// of antonymPairs. And a missing word weighs by how specific it is: a
// paraphrase leaves generic words behind ("sat down together", "served
// as"), an invented event brings specific ones ("a mutual defence
// treaty", "a nuclear power plant"). WordNet's sense-tagged corpus
// counts how often each word is used; a word's weight is the
// information of that count, less for a word mostly used as a verb or
// an adverb (weigh).

// widen adds to the claim's synonyms the stems related to its terms and
// those of the phrases of sentence.
func widen(c *claim, sentence string, words *retrieval.SupportWords) {
	if words == nil {
		return
	}
	c.opposites = map[string][]string{}
	for _, t := range c.terms {
		c.opposites[t] = words.Opposites[t]
		// New slices: the synonyms may be the shared table's own.
		c.synonyms[t] = slices.Concat(c.synonyms[t], words.Related[t])
		if plain, ok := c.unfolded[t]; ok {
			c.synonyms[t] = slices.Concat(c.synonyms[t], words.Related[plain])
		}
	}
	all := text.Words(sentence)
	for i := 0; i+1 < len(all); i++ {
		head := text.Stem(foldSpelling(all[i]))
		if _, ok := c.synonyms[head]; !ok {
			continue
		}
		// "called off": the phrase is listed under the stem as written,
		// which spelling may have folded ("caled").
		related := words.Related[text.Stem(all[i])+" "+text.Stem(all[i+1])]
		if len(related) == 0 {
			related = words.Related[head+" "+text.Stem(all[i+1])]
		}
		if len(related) == 0 {
			// "sat down": the phrase is listed under the verb's base.
			for _, base := range words.Related[text.Stem(all[i])] {
				if related = words.Related[base+" "+text.Stem(all[i+1])]; len(related) > 0 {
					break
				}
			}
		}
		c.synonyms[head] = slices.Concat(c.synonyms[head], related)
	}
}

// weigh sets the claim's weights: each term's specificity, the
// information of its count in WordNet's tagged corpus (-log of its share
// of all uses), scaled by how often it is used as a noun or an
// adjective (a verb or an adverb of a paraphrase weighs less than the
// nouns of an invented event), from verbFloor for a word only ever used
// as a verb or an adverb to 1.
func weigh(c *claim, words *retrieval.SupportWords) {
	if words == nil || words.Total == 0 {
		return
	}
	c.weights = map[string]float64{}
	for _, t := range c.terms {
		key := t
		if _, ok := words.Counts[t]; !ok {
			if plain, unfolded := c.unfolded[t]; unfolded {
				key = plain
			}
		}
		if _, ok := words.Counts[key]; !ok {
			// An irregular form ("sat") counts as its verb ("sit"), which
			// verb.exc relates it to.
			for _, base := range words.Related[key] {
				if _, ok := words.Counts[base]; ok {
					key = base
					break
				}
			}
		}
		n, nominal := float64(words.Counts[key]), float64(words.Nominal[key])
		share := (nominal + 1) / (n + 2)
		c.weights[t] = (verbFloor + (1-verbFloor)*share) * math.Log(float64(words.Total+1)/(n+1))
	}
	// The first word, written with a capital, may be a name ("Hanoi has
	// kept silent …"), which WordNet does not count and the facts check
	// already: it weighs as the claim's other words do on average.
	if _, ok := c.weights[c.first]; ok && len(c.terms) > 1 {
		sum := 0.0
		for _, t := range c.terms {
			if t != c.first {
				sum += c.weights[t]
			}
		}
		c.weights[c.first] = sum / float64(len(c.terms)-1)
	}
}

// verbFloor is the weight, relative to a noun's, of a word never used as a
// noun or an adjective: swept on the labelled sets.
const verbFloor = 0.3

// hasAnyExactly reports whether the set holds one of terms as it is, not
// by a shared stem (termSet.has).
func (s termSet) hasAnyExactly(terms []string) bool {
	for _, t := range terms {
		if _, ok := s[t]; ok {
			return true
		}
	}
	return false
}

// newSupportChecker is the support check with the synonym table synonyms
// and, unless synonyms are off (an empty table), the built-in table of what
// WordNet knows of words beyond their synonyms. When that table cannot be
// read it returns the check without it, and the error.
func newSupportChecker(synonyms retrieval.Synonyms) (supportChecker, error) {
	c := supportChecker{synonyms: synonyms}
	if len(synonyms) == 0 {
		return c, nil
	}
	words, err := retrieval.WordNetSupportWords()
	if err != nil {
		return c, fmt.Errorf("reading the built-in WordNet word table: %w", err)
	}
	c.words = words
	return c, nil
}

// yearsElsewhere returns missing less the years that whole, the whole
// passage, holds: a summary of a paragraph may take its year from the
// paragraph's first sentence and the rest from its last ("the 2014 riots
// left over twenty dead"). Only for a stretch without a year of its own
// (hasYear): "in 2013 … three years after that the embargo was lifted"
// dates the lifting, and a 2017 elsewhere in the passage does not.
func yearsElsewhere(missing []string, whole passageText) []string {
	var out []string
	for _, m := range missing {
		if !(isYear(m) && whole.numbers[m]) {
			out = append(out, m)
		}
	}
	return out
}

// isYear reports whether s is a year of four digits.
func isYear(s string) bool {
	return len(s) == 4 && isDigits(s) && (s[0] == '1' || s[0] == '2')
}

// hasYear reports whether the stretch gives a year, written or derived
// ("three years after that").
func (p passageText) hasYear() bool {
	for n := range p.numbers {
		if isYear(n) {
			return true
		}
	}
	return false
}
