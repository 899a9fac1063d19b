package study

import (
	"math"
	"strings"
	"testing"
)

// TestARoundVaries: what a student sees in one round of the seeds is
// varied: no two questions with the same answer, no sentence asked twice
// while other sentences are left, and the answers spread over the kinds a
// student tells apart (a year or date, a number, a person, a place, an
// organisation or agreement): in a round over the whole reading list, no
// kind more than a third of the round (rounded up), and three kinds at
// least in a round of five.
func TestARoundVaries(t *testing.T) {
	store := seedStore(t)
	g := NewGenerator(store.Passages(""))
	sources := []string{""}
	for _, s := range store.Sources() {
		sources = append(sources, s.Source)
	}
	for _, count := range []int{5, 10} {
		for _, source := range sources {
			for seed := uint64(1); seed <= 30; seed++ {
				round, err := g.Round(RoundOptions{Count: count, Seed: seed, Source: source})
				if err != nil {
					t.Fatal(err)
				}
				answers, quotes, kinds := map[string]string{}, map[string]int{}, map[string]int{}
				for _, q := range round.Questions {
					a := strings.ToLower(q.Correct())
					if other, ok := answers[a]; ok {
						t.Errorf("count %d source %q seed %d: %q and %q have the same answer %q", count, source, seed, other, q.Question, q.Correct())
					}
					answers[a] = q.Question
					quotes[q.Citation.Quote]++
					kinds[kindGroup(q.Kind)]++
				}
				if source != "" {
					continue // one source may have too little for the rest
				}
				for quote, n := range quotes {
					if n > 1 {
						t.Errorf("count %d seed %d: %d questions of one sentence: %q", count, seed, n, quote)
					}
				}
				most := int(math.Ceil(float64(count) / 3))
				for kind, n := range kinds {
					if n > most {
						t.Errorf("count %d seed %d: %d questions ask for a %s (at most %d)", count, seed, n, kind, most)
					}
				}
				if count == 5 && len(kinds) < 3 {
					t.Errorf("count 5 seed %d: only the kinds %v", seed, kinds)
				}
			}
		}
	}
}

// TestAnAnswerManySentencesGiveIsNotInMostRounds: an answer is drawn
// once a round, not once for each sentence that gives it, so one that six
// sentences of the seeds give (Biden, before the people's years; the
// South China Sea) is not asked in most rounds of five.
func TestAnAnswerManySentencesGiveIsNotInMostRounds(t *testing.T) {
	g := NewGenerator(seedStore(t).Passages(""))
	const rounds = 100
	in := map[string]int{}
	for seed := uint64(1); seed <= rounds; seed++ {
		round, err := g.Round(RoundOptions{Count: 5, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range round.Questions {
			in[q.Correct()]++
		}
	}
	for answer, n := range in {
		if n > rounds*6/10 {
			t.Errorf("%q is asked in %d of %d rounds", answer, n, rounds)
		}
	}
}
