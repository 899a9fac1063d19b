package study

import (
	"fmt"
	"strings"
)

// Problems lists the rules a question breaks, as sentences; none for a
// good question. The rules hold for every question, made with a model or
// without: four distinct options, one of them marked correct; the correct
// option written in the quote and absent from the question; no
// distractor written in the quote; a quote to stand on.
func Problems(q Question) []string {
	var out []string
	if len(q.Options) != optionsPerQuestion {
		out = append(out, fmt.Sprintf("%d options, not %d", len(q.Options), optionsPerQuestion))
	}
	if q.Answer < 0 || q.Answer >= len(q.Options) {
		return append(out, fmt.Sprintf("the answer index %d is not an option's", q.Answer))
	}
	if strings.TrimSpace(q.Question) == "" || strings.TrimSpace(q.Citation.Quote) == "" {
		out = append(out, "no question or no quote")
	}
	seen := map[string]bool{}
	for _, o := range q.Options {
		k := normal(o)
		if k == "" {
			out = append(out, "an empty option")
		}
		if seen[k] {
			out = append(out, fmt.Sprintf("the option %q is given twice", o))
		}
		seen[k] = true
	}
	quote := normal(q.Citation.Quote)
	question := normal(q.Question)
	answer := normal(q.Correct())
	if !containsWord(quote, answer) {
		out = append(out, fmt.Sprintf("the answer %q is not in the quote", q.Correct()))
	}
	if containsWord(question, answer) {
		out = append(out, fmt.Sprintf("the answer %q is in the question", q.Correct()))
	}
	for i, o := range q.Options {
		if i != q.Answer && containsWord(quote, normal(o)) {
			out = append(out, fmt.Sprintf("the distractor %q is in the quote", o))
		}
	}
	return out
}

// normal lower-cases text, makes its quotes and apostrophes plain and
// collapses its white space, for comparisons.
func normal(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}
