package text

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Terms splits text into the lower-cased, diacritic-folded, stemmed words
// used by BM25 and the local embedder. Stop words are dropped; numbers are
// kept as they are.
func Terms(text string) []string {
	return TermsMemo(text, nil)
}

// TermsMemo is Terms with a memo of stems, which saves most of the
// stemming when many texts are split with the same memo (a nil memo
// memoises nothing). The memo is written to: one memo per goroutine.
func TermsMemo(text string, stems map[string]string) []string {
	words := Words(text)
	terms := words[:0]
	for _, w := range words {
		if IsStopWord(w) {
			continue
		}
		if stems == nil {
			terms = append(terms, Stem(w))
			continue
		}
		stem, ok := stems[w]
		if !ok {
			stem = Stem(w)
			stems[w] = stem
		}
		terms = append(terms, stem)
	}
	return terms
}

// Words splits text into lower-cased, diacritic-folded runs of letters and
// of digits ("Trọng" → "trong"). An apostrophe inside a word ends it
// ("Vietnam’s" → "vietnam", "s"), and so does a change between letters
// and digits ("as13" → "as", "13"; "G7" → "g", "7"), which catches words
// glued together in scraped text.
func Words(text string) []string {
	var words []string
	start := -1
	previousDigit := false
	lower := Fold(strings.ToLower(text))
	for i, r := range lower {
		if digit := unicode.IsDigit(r); digit || unicode.IsLetter(r) {
			if start < 0 {
				start = i
			} else if digit != previousDigit {
				words = append(words, lower[start:i])
				start = i
			}
			previousDigit = digit
			continue
		}
		if start >= 0 {
			words = append(words, lower[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, lower[start:])
	}
	return words
}

// Stem reduces an English word to its Snowball stem ("relations" → "relat").
func Stem(word string) string {
	if len(word) < 3 {
		return word
	}
	return english.Stem(word, false)
}

// IsStopWord reports whether a lower-cased word carries too little meaning to
// be searched for ("the", "of", "what").
func IsStopWord(word string) bool {
	return stopWords[word]
}

// stopWords is a constant table: English function words and question words.
var stopWords = wordSet(`a about above after again against all am an and any are aren as at
	be because been before being below between both but by can could did didn do does doesn doing don down
	during each few for from further had has have having he her here hers herself him himself his how i if
	in into is isn it its itself just me more most my myself no nor not of off on once only or other our
	ours ourselves out over own same she should so some such than that the their theirs them themselves
	then there these they this those through to too under until up very was wasn we were weren what when
	where which while who whom why will with would you your yours yourself yourselves s t ll re ve d m
	also did does tell according said says hasn haven hadn couldn shouldn wouldn mustn needn shan`)

// wordSet makes a set of the space-separated words of list.
func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}
