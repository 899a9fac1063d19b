// Package evaluation measures retrieval on a question set: for each question,
// the rank of the first retrieved passage that contains an expected phrase,
// summed up as recall@1, @3, @5 and MRR@10. The question file format and
// the report's JSON are those of DESIGN.md ("Evaluation file format").
package evaluation

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/lectern/lectern/retrieval"
)

// Depth is how many passages are retrieved per question, and the deepest
// rank that counts as a hit: a question answered only below it has rank 0.
const Depth = 10

// recallCutoffs lists the k of the recall@k figures, the keys of
// Report.Recall.
func recallCutoffs() [3]int { return [3]int{1, 3, 5} }

// Searcher finds the k passages that best match a query, best first;
// *retrieval.Store is one.
type Searcher interface {
	Search(ctx context.Context, query string, k int) ([]retrieval.Passage, error)
}

// Result is how one question fared.
type Result struct {
	ID string `json:"id"`
	// Rank is the 1-based position of the first passage that contains an
	// expected phrase, 0 when none of the first Depth does.
	Rank int `json:"rank"`
	// Question is the question asked, for listing misses.
	Question string `json:"-"`
}

// Report sums up an evaluation. Its JSON is
// {"questions": N, "recall": {"1": x, "3": x, "5": x}, "mrr": x, "results": [{"id": "...", "rank": r}]}.
type Report struct {
	// Questions is how many questions were asked.
	Questions int `json:"questions"`
	// Recall maps "1", "3" and "5" to the share of questions answered
	// within that many passages.
	Recall map[string]float64 `json:"recall"`
	// MRR is the mean reciprocal rank at Depth (a miss counts 0).
	MRR float64 `json:"mrr"`
	// Results has one entry per question, in the order asked.
	Results []Result `json:"results"`
}

// Run asks s every question for Depth passages and reports where the first
// passage containing an expected phrase stands. It stops at the first
// search error.
func Run(ctx context.Context, s Searcher, qs []Question) (Report, error) {
	rep := Report{
		Questions: len(qs),
		Recall:    make(map[string]float64, len(recallCutoffs())),
		Results:   make([]Result, 0, len(qs)),
	}
	for _, k := range recallCutoffs() {
		rep.Recall[strconv.Itoa(k)] = 0
	}
	for _, q := range qs {
		passages, err := s.Search(ctx, q.Question, Depth)
		if err != nil {
			return Report{}, fmt.Errorf("evaluate question %s: %w", q.ID, err)
		}
		rank := RankOnPage(passages, q.Expect, q.Page)
		rep.Results = append(rep.Results, Result{ID: q.ID, Rank: rank, Question: q.Question})
		if rank == 0 {
			continue
		}
		rep.MRR += 1 / float64(rank)
		for _, k := range recallCutoffs() {
			if rank <= k {
				rep.Recall[strconv.Itoa(k)]++
			}
		}
	}
	if len(qs) > 0 {
		n := float64(len(qs))
		rep.MRR /= n
		for k := range rep.Recall {
			rep.Recall[k] /= n
		}
	}
	return rep, nil
}

// Rank is the 1-based position of the first of passages whose text
// contains any of the expected phrases, both normalised; 0 when none of the
// first Depth passages does.
func Rank(passages []retrieval.Passage, expect []string) int {
	return RankOnPage(passages, expect, 0)
}

// RankOnPage is Rank counting only passages whose pages include page (the
// page a passage starts on up to the one it ends on); page 0 counts all.
func RankOnPage(passages []retrieval.Passage, expect []string, page int) int {
	phrases := make([]string, 0, len(expect))
	for _, e := range expect {
		if p := Normalize(e); p != "" {
			phrases = append(phrases, p)
		}
	}
	for i, p := range passages[:min(len(passages), Depth)] {
		if page > 0 && (page < p.Page || page > max(p.Page, p.PageEnd)) {
			continue
		}
		text := Normalize(p.Text)
		for _, phrase := range phrases {
			if strings.Contains(text, phrase) {
				return i + 1
			}
		}
	}
	return 0
}

// Misses lists the results with no answering passage within Depth.
func (r Report) Misses() []Result {
	var out []Result
	for _, res := range r.Results {
		if res.Rank == 0 {
			out = append(out, res)
		}
	}
	return out
}

// WriteText prints the report for a reader: the figures, then the
// questions missed, one a line.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "questions  %d\n", r.Questions)
	for _, k := range recallCutoffs() {
		fmt.Fprintf(&b, "recall@%d   %.3f\n", k, r.Recall[strconv.Itoa(k)])
	}
	fmt.Fprintf(&b, "MRR@%d     %.3f\n", Depth, r.MRR)
	misses := r.Misses()
	fmt.Fprintf(&b, "missed     %d\n", len(misses))
	for _, m := range misses {
		fmt.Fprintf(&b, "  %s\t%s\n", m.ID, m.Question)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write evaluation report: %w", err)
	}
	return nil
}
