package study

import (
	"slices"
	"strings"
	"testing"
)

func TestProblemsNamesEachBrokenRule(t *testing.T) {
	good := Question{
		Question: "Fill in the blank: In _____, China and Vietnam upgraded their ties.",
		Options:  []string{"1991", "2008", "2014", "1979"},
		Answer:   1,
		Citation: Citation{Quote: "In 2008, China and Vietnam upgraded their ties."},
	}
	tests := []struct {
		name   string
		change func(q *Question)
		want   string // a phrase of the problem; "" for none
	}{
		{"a good question breaks no rule", func(q *Question) {}, ""},
		{"three options", func(q *Question) { q.Options = q.Options[:3] }, "3 options"},
		{"the answer index out of range", func(q *Question) { q.Answer = 4 }, "answer index"},
		{"an option twice, case aside", func(q *Question) { q.Options[3] = " 1991" }, "given twice"},
		{"the answer not in the quote", func(q *Question) { q.Citation.Quote = "China and Vietnam upgraded their ties." }, "not in the quote"},
		{"the answer in the question", func(q *Question) { q.Question = "Did China and Vietnam upgrade their ties in 2008?" }, "in the question"},
		{"a distractor in the quote", func(q *Question) { q.Citation.Quote += " They had normalised relations in 1991." }, "distractor \"1991\""},
		{"no quote", func(q *Question) { q.Citation.Quote = "" }, "no quote"},
		{"curly and straight apostrophes are the same", func(q *Question) {
			q.Options[1] = "Vietnam’s"
			q.Citation.Quote = "It is Vietnam's policy."
			q.Question = "Whose policy is it?"
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := good
			q.Options = slices.Clone(good.Options)
			tt.change(&q)
			got := Problems(q)
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("problems %q, want none", got)
				}
				return
			}
			if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, tt.want) }) {
				t.Fatalf("problems %q, want one saying %q", got, tt.want)
			}
		})
	}
}
