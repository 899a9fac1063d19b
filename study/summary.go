package study

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// Summary is a short digest of one source: every [n] in Text has its
// Citation.
type Summary struct {
	Text      string            `json:"summary"`
	Citations []answer.Citation `json:"citations"`
	// Mode is answer.ModeExtractive (central sentences) or
	// answer.ModeGenerated (written by the chat endpoint, checked).
	Mode answer.Mode `json:"-"`
}

// Sizes of an extractive summary.
const (
	minSummarySentences = 4
	maxSummarySentences = 8
	// sectionSentences bounds the sentences ranked together: a longer
	// source is ranked section by section, so that the time stays
	// quadratic in the section, linear in the source.
	sectionSentences = 120
	// redundant: a sentence sharing this share of its terms with one
	// already chosen says the same thing.
	redundant  = 0.5
	nearRepeat = 0.8
	damping    = 0.85
	rounds     = 40
)

// Summarise makes a summary without a model: the most central sentences
// of the passages (TextRank over their similarity), redundant ones left
// out, 4–8 of them in reading order, each marked with the passage it
// comes from. A source longer than sectionSentences is ranked section by
// section, each section giving its share of the summary. It stops early,
// with what it has, when ctx ends.
func Summarise(ctx context.Context, passages []retrieval.Passage) Summary {
	var sents []sentence
	for _, s := range splitSentences(passages) {
		if s.usable && !danglingStart(s.plain) {
			sents = append(sents, s)
		}
	}
	if len(sents) == 0 {
		return Summary{Citations: []answer.Citation{}, Mode: answer.ModeExtractive}
	}
	want := min(maxSummarySentences, max(minSummarySentences, len(sents)/10), len(sents))
	sections := (len(sents) + sectionSentences - 1) / sectionSentences
	var chosen []int
	for sec := range sections {
		if ctx.Err() != nil {
			break
		}
		lo, hi := sec*len(sents)/sections, (sec+1)*len(sents)/sections
		quota := want * (hi - lo) / len(sents)
		if sec == sections-1 {
			quota = want - len(chosen)
		}
		for _, i := range central(sents[lo:hi], quota) {
			chosen = append(chosen, lo+i)
		}
	}
	slices.Sort(chosen)
	return extractiveSummary(sents, chosen)
}

// central ranks sentences by TextRank and returns the indices of the best
// n that repeat none chosen before them.
func central(sents []sentence, n int) []int {
	terms := make([]map[string]bool, len(sents))
	for i, s := range sents {
		terms[i] = map[string]bool{}
		for _, t := range text.Terms(s.plain) {
			terms[i][t] = true
		}
	}
	weights := make([][]float64, len(sents))
	out := make([]float64, len(sents))
	for i := range sents {
		weights[i] = make([]float64, len(sents))
		for j := range sents {
			if i != j {
				weights[i][j] = similarity(terms[i], terms[j])
				out[i] += weights[i][j]
			}
		}
	}
	rank := make([]float64, len(sents))
	for i := range rank {
		rank[i] = 1
	}
	next := make([]float64, len(sents))
	for range rounds {
		for i := range sents {
			sum := 0.0
			for j := range sents {
				if weights[j][i] > 0 && out[j] > 0 {
					sum += weights[j][i] / out[j] * rank[j]
				}
			}
			next[i] = 1 - damping + damping*sum
		}
		rank, next = next, rank
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rank[a] > rank[b]:
			return -1
		case rank[a] < rank[b]:
			return 1
		}
		return a - b
	})
	// Redundant sentences are left out; when that leaves too few, only
	// near repeats are.
	var picked []int
	for _, limit := range []float64{redundant, nearRepeat} {
		for _, i := range order {
			if len(picked) == n {
				break
			}
			if slices.Contains(picked, i) || slices.ContainsFunc(picked, func(p int) bool { return shared(terms[i], terms[p]) >= limit }) {
				continue
			}
			picked = append(picked, i)
		}
	}
	return picked
}

// similarity is TextRank's: shared terms over the log lengths.
func similarity(a, b map[string]bool) float64 {
	if len(a) < 2 || len(b) < 2 {
		return 0
	}
	common := 0
	for t := range a {
		if b[t] {
			common++
		}
	}
	return float64(common) / (math.Log(float64(len(a))) + math.Log(float64(len(b))))
}

// shared is the share of the smaller set's terms the other has too.
func shared(a, b map[string]bool) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	common := 0
	for t := range a {
		if b[t] {
			common++
		}
	}
	return float64(common) / float64(len(a))
}

// extractiveSummary writes the chosen sentences in reading order, each
// with the marker of its passage, passages numbered by first use.
func extractiveSummary(sents []sentence, chosen []int) Summary {
	number := map[string]int{}
	var citations []answer.Citation
	var b strings.Builder
	for _, i := range chosen {
		s := sents[i]
		n, ok := number[s.passage.ID]
		if !ok {
			n = len(citations) + 1
			number[s.passage.ID] = n
			c := citationOf(s.passage, "")
			citations = append(citations, answer.Citation{N: n, Source: c.Source, Title: c.Title, Authors: c.Authors, Publisher: c.Publisher, Location: s.passage.LocationOf(s.text)})
		}
		if citations[n-1].Quote != "" {
			citations[n-1].Quote += " … "
		}
		citations[n-1].Quote += s.text
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(withMarker(s.text, n))
	}
	if citations == nil {
		citations = []answer.Citation{}
	}
	return Summary{Text: b.String(), Citations: citations, Mode: answer.ModeExtractive}
}

// withMarker puts [n] at the end of a sentence, before its full stop.
func withMarker(text string, n int) string {
	marker := "[" + strconv.Itoa(n) + "]"
	trimmed := strings.TrimSpace(text)
	if strings.HasSuffix(trimmed, ".") && !strings.HasSuffix(trimmed, "..") {
		return strings.TrimSuffix(trimmed, ".") + " " + marker + "."
	}
	return trimmed + " " + marker
}
