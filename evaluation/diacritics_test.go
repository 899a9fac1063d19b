package evaluation

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
)

// TestDiacriticsScoreAsTheirPlainTwins: a question written with Vietnamese
// diacritics ("When did Nguyễn Phú Trọng visit Beijing?") finds what its
// plain-letter twin ("… Nguyen Phu Trong …") finds, at the same rank, though
// the seeds write every name without diacritics; and most of them find it
// within five passages.
func TestDiacriticsScoreAsTheirPlainTwins(t *testing.T) {
	// minHits is the questions of the set whose passage is within five:
	// measured 14 of 14 (before diacritics were folded: see the commit).
	const minHits = 13
	qs := readQuestionFile(t, diacriticsFile)
	if len(qs) < 10 {
		t.Fatalf("%s has %d questions, want at least 10", diacriticsFile, len(qs))
	}
	twins := make([]Question, len(qs))
	for i, q := range qs {
		twins[i] = q
		twins[i].Question = text.Fold(q.Question)
		if twins[i].Question == q.Question || !isASCII(twins[i].Question) {
			t.Errorf("%s: %q is not written with diacritics only its plain twin %q lacks", q.ID, q.Question, twins[i].Question)
		}
	}
	store := seedStore(t)
	marked, err := Run(context.Background(), store, qs)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Run(context.Background(), store, twins)
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	for i, r := range marked.Results {
		if r.Rank != plain.Results[i].Rank {
			t.Errorf("%s: %q ranks its passage %d, its twin %q %d", r.ID, qs[i].Question, r.Rank, twins[i].Question, plain.Results[i].Rank)
		}
		if r.Rank >= 1 && r.Rank <= 5 {
			hits++
		}
	}
	t.Logf("with diacritics: recall@5 %.3f, MRR@10 %.3f; plain: %.3f, %.3f", marked.Recall["5"], marked.MRR, plain.Recall["5"], plain.MRR)
	if hits < minHits {
		t.Errorf("%d of %d questions find their passage within five, want at least %d", hits, len(qs), minHits)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
