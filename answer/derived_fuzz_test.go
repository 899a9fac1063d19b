package answer

import (
	"strings"
	"testing"
)

// FuzzGapsSumsAndMonthsApart: the readers of gaps, sums and months apart
// (derived.go), of plans made facts (strength.go), of names by
// reference (support.go), of things made (passage.go) and of swapped
// dates (binding.go) take any text
// without panicking, give only "gap:" and
// "sum:" facts with a number after them, and derivedFacts counts months
// only to a month of the year.
func FuzzGapsSumsAndMonthsApart(f *testing.F) {
	f.Add("Fishers favoured Marseille by 47.2 percentage points, a total of 20 agreements, 3 points more.")
	f.Add("73.6 percent chose the United States. In comparison, only 26.4 percent opted for China.")
	f.Add("Xi arrived on December 12, 2023. His visit comes three months after Biden traveled there; 99 months before.")
	f.Add("a margin of 1,000.5 in all 3,200 acres in total by 2030 points")
	f.Add("They agreed to set up a joint press centre by creating a court; set up")
	f.Add("He suffered a stroke in April 2019. In January 2021 and May 2020, visits in April 2015, January 2017")
	f.Add("For his part, Xi warned both nations, calling on his communist counterpart. He is. The two sides met its larger neighbor.")
	f.Add("The parties have already put in place deeper cooperation. The parties plan to encourage deeper cooperation.")
	f.Fuzz(func(t *testing.T, body string) {
		for _, fact := range append(gapOrSumFacts(body), gapsAndSums(body)...) {
			kind, n, ok := strings.Cut(fact, ":")
			if !ok || kind != "gap" && kind != "sum" || n == "" {
				t.Fatalf("%q: fact %q", body, fact)
			}
		}
		// A plan made a fact (strength.go) is said by a word of the text.
		if done := completedAsPlanned(readClaim(body), body, splitSentences(body)); done != "" && !strings.Contains(strings.ToLower(body), strings.ToLower(done)) {
			t.Fatalf("%q: completion %q", body, done)
		}
		// Names by reference (support.go) are lower-cased names.
		for _, r := range unnamedReferent(body, nameSpans(nameTokens(body), true), body, "") {
			if r == "" || r != strings.ToLower(r) {
				t.Fatalf("%q: referent %q", body, r)
			}
		}
		// A thing made (passage.go) is the last word of its run.
		heads, runs := madeThing(madeWords(body))
		if len(heads) != len(runs) {
			t.Fatalf("%q: %d heads, %d runs", body, len(heads), len(runs))
		}
		for i, h := range heads {
			if !strings.HasSuffix(runs[i], h) {
				t.Fatalf("%q: head %q of %q", body, h, runs[i])
			}
		}
		// A swapped date (binding.go) is a month and a year of the text.
		if d := swappedDate(body, splitSentences(body)); d != "" && len(strings.Fields(d)) != 2 {
			t.Fatalf("%q: date %q", body, d)
		}
		numbers, _ := derivedFacts(splitSentences(body))
		for _, n := range numbers {
			if m, ok := strings.CutPrefix(n, "month:"); ok && monthIndex[m] == 0 && m != "january" {
				t.Fatalf("%q: month %q", body, m)
			}
		}
	})
}
