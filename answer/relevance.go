package answer

import (
	"strings"

	"github.com/lectern/lectern/retrieval"
)

// minSentenceShare is the smallest share of a question's content terms that
// one sentence of the passages must hold together: terms scattered over
// unrelated sentences ("boiling", "point", "water") are no answer.
const minSentenceShare = 0.5

// maxMissingShare is the largest share of a question's content terms that
// may be absent from every retrieved passage for the question still to be
// answered. Measured on the seeds (see TestNotFoundRule): questions about
// the reading list miss at most 1 term in 4; questions about anything else
// miss half or more.
const maxMissingShare = 1.0 / 3

// relevanceReport says how well the retrieved passages cover a question.
type relevanceReport struct {
	terms    []string // the question's distinct content terms
	missing  []string // those found in no passage
	coverage float64  // share of terms found
	// bestSentence is the largest share of the terms that one sentence holds.
	bestSentence float64
}

// answerable reports whether the passages cover enough of the question to
// answer it: at least one content term, and at most maxMissingShare of them
// absent.
func (r relevanceReport) answerable() bool {
	return len(r.terms) > 0 &&
		float64(len(r.missing)) <= maxMissingShare*float64(len(r.terms)) &&
		r.bestSentence >= minSentenceShare
}

// relevance measures which content terms of the question occur in the
// passages, and how many of them the best sentence holds together.
func relevance(question string, passages []retrieval.Passage, sents []sentence) relevanceReport {
	r := relevanceReport{terms: distinct(retrieval.QuestionTerms(question))}
	have := termSet{}
	for _, p := range passages {
		have.add(retrieval.Terms(p.Text)...)
	}
	for _, t := range r.terms {
		if !have.has(t) {
			r.missing = append(r.missing, t)
		}
	}
	if len(r.terms) == 0 {
		return r
	}
	r.coverage = 1 - float64(len(r.missing))/float64(len(r.terms))
	for _, s := range sents {
		have := termSet{}
		have.add(s.terms...)
		n := 0
		for _, t := range r.terms {
			if have.has(t) {
				n++
			}
		}
		r.bestSentence = max(r.bestSentence, float64(n)/float64(len(r.terms)))
	}
	return r
}

// termSet is a set of stemmed terms that also matches a term by a shared
// stem: the stemmer leaves "percentage" as "percentag" and "percent" as
// "percent", so a term matches another it starts with, or that starts
// with it, when the shorter has at least minSharedStem letters.
type termSet map[string]struct{}

const minSharedStem = 6

func (s termSet) add(terms ...string) {
	for _, t := range terms {
		s[t] = struct{}{}
	}
}

func (s termSet) has(t string) bool {
	if _, ok := s[t]; ok {
		return true
	}
	if len(t) < minSharedStem {
		return false
	}
	for u := range s {
		if len(u) >= minSharedStem && (strings.HasPrefix(u, t) || strings.HasPrefix(t, u)) {
			return true
		}
	}
	return false
}

// distinct drops repeats, keeping the first of each.
func distinct(terms []string) []string {
	seen := map[string]bool{}
	out := terms[:0:0]
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
