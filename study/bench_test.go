package study

import (
	"context"
	"testing"
)

// BenchmarkQuizRound is /quiz without a model: a round of 5 questions from
// the seeds, the generator made once (as the bot makes it once per index).
func BenchmarkQuizRound(b *testing.B) {
	g := NewGenerator(seedStore(b).Passages(""))
	seed := uint64(0)
	for b.Loop() {
		seed++
		if _, err := g.Round(RoundOptions{Count: 5, Seed: seed}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewGenerator is what reading the seeds costs the generator,
// once per index (the first /quiz after a start or a reindex).
func BenchmarkNewGenerator(b *testing.B) {
	passages := seedStore(b).Passages("")
	for b.Loop() {
		NewGenerator(passages)
	}
}

// BenchmarkSummaryOfTheLongestSeed is /summary without a model of the
// longest seed (000_2fcd0d9d62d4afb9.txt, 16 KB).
func BenchmarkSummaryOfTheLongestSeed(b *testing.B) {
	store := seedStore(b)
	longest, size := "", 0
	for _, s := range store.Sources() {
		n := 0
		for _, p := range store.Passages(s.Source) {
			n += len(p.Text)
		}
		if n > size {
			longest, size = s.Source, n
		}
	}
	passages := store.Passages(longest)
	b.ReportMetric(float64(size), "bytes")
	for b.Loop() {
		if sum := Summarise(context.Background(), passages); sum.Text == "" {
			b.Fatal("empty summary")
		}
	}
}
