// Package evaluation measures retrieval on a question set: recall@1, @3, @5
// and MRR@10, in the file format of DESIGN.md.
package evaluation

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/lectern/lectern/retrieval"
)

// Question is one line of a question file.
type Question struct {
	ID       string   `json:"id"`
	Question string   `json:"question"`
	Expect   []string `json:"expect"`
}

// ReadQuestions parses JSON Lines; blank lines and lines starting with #
// are skipped.
func ReadQuestions(r io.Reader) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, fmt.Errorf("read questions line %d: %w", n, err)
		}
		switch {
		case q.ID == "":
			return nil, fmt.Errorf("read questions line %d: no id", n)
		case strings.TrimSpace(q.Question) == "":
			return nil, fmt.Errorf("read questions line %d: no question", n)
		case len(q.Expect) == 0:
			return nil, fmt.Errorf("read questions line %d: no expect phrases", n)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read questions: %w", err)
	}
	if len(qs) == 0 {
		return nil, errors.New("read questions: the file has no questions")
	}
	return qs, nil
}

// Normalize lower-cases s and replaces every run of characters that are not
// ASCII letters or digits with one space.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return b.String()
}

// Searcher finds passages; *retrieval.Store is one.
type Searcher interface {
	Search(ctx context.Context, query string, k int) ([]retrieval.Passage, error)
}

// Result is the rank of one question's first matching passage, 0 for none
// within the top 10.
type Result struct {
	ID   string `json:"id"`
	Rank int    `json:"rank"`
}

// Report sums up an evaluation.
type Report struct {
	Questions int                `json:"questions"`
	Recall    map[string]float64 `json:"recall"`
	MRR       float64            `json:"mrr"`
	Results   []Result           `json:"results"`
	missed    []Question
}

// Run searches every question (k=10) and measures where the first passage
// containing an expected phrase stands.
func Run(ctx context.Context, s Searcher, qs []Question) (Report, error) {
	rep := Report{Questions: len(qs), Recall: map[string]float64{"1": 0, "3": 0, "5": 0}, Results: []Result{}}
	for _, q := range qs {
		passages, err := s.Search(ctx, q.Question, 10)
		if err != nil {
			return Report{}, fmt.Errorf("evaluate %s: %w", q.ID, err)
		}
		rank := Rank(passages, q.Expect)
		rep.Results = append(rep.Results, Result{ID: q.ID, Rank: rank})
		if rank == 0 {
			rep.missed = append(rep.missed, q)
			continue
		}
		rep.MRR += 1 / float64(rank)
		for _, k := range []int{1, 3, 5} {
			if rank <= k {
				rep.Recall[fmt.Sprint(k)]++
			}
		}
	}
	if n := float64(len(qs)); n > 0 {
		rep.MRR /= n
		for k := range rep.Recall {
			rep.Recall[k] /= n
		}
	}
	return rep, nil
}

// Rank is the 1-based position of the first passage whose text contains any
// expected phrase, both normalised; 0 when none of the first 10 does.
func Rank(passages []retrieval.Passage, expect []string) int {
	for i, p := range passages {
		if i >= 10 {
			break
		}
		text := Normalize(p.Text)
		for _, e := range expect {
			if phrase := strings.TrimSpace(Normalize(e)); phrase != "" && strings.Contains(text, phrase) {
				return i + 1
			}
		}
	}
	return 0
}

// WriteText prints the figures and the questions missed.
func (r Report) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "questions %d\nrecall@1  %.3f\nrecall@3  %.3f\nrecall@5  %.3f\nMRR@10    %.3f\n",
		r.Questions, r.Recall["1"], r.Recall["3"], r.Recall["5"], r.MRR)
	for _, q := range r.missed {
		fmt.Fprintf(w, "missed %s: %s\n", q.ID, q.Question)
	}
	return err
}

// Missed lists the questions with no matching passage in the top 10.
func (r Report) Missed() []Question { return r.missed }
