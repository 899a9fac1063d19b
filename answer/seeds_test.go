package answer

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/lectern/lectern/retrieval"
)

// seedSearcher is a simple Searcher over the paragraphs of the seed files:
// the files split on blank lines, lines re-flowed, plus one byline passage
// per manifest entry (as retrieval.Store makes), ranked by the IDF-weighted
// share of query terms each paragraph contains. It stands in for the real
// index in unit tests.
type seedSearcher struct {
	passages []retrieval.Passage
	terms    []map[string]int // term → count, per passage
	avgLen   float64
	df       map[string]int

	mu      sync.Mutex
	queries []string // every query searched, in order
}

func newSeedSearcher(t testing.TB) *seedSearcher {
	t.Helper()
	var manifest struct {
		Source []struct {
			File      string
			Title     string
			Authors   []string
			Publisher string
			Date      string
		}
	}
	if _, err := toml.DecodeFile("../seeds/sources.toml", &manifest); err != nil {
		t.Fatal(err)
	}
	s := &seedSearcher{df: map[string]int{}}
	for _, m := range manifest.Source {
		raw, err := os.ReadFile(filepath.Join("../seeds", m.File))
		if err != nil {
			t.Fatal(err)
		}
		info := retrieval.SourceInfo{Source: m.File, Title: m.Title, Authors: m.Authors, Publisher: m.Publisher, Date: m.Date}
		add := func(text string) {
			s.passages = append(s.passages, retrieval.Passage{Chunk: retrieval.Chunk{ID: m.File + "#" + string(rune('a'+len(s.passages))), Source: m.File, Title: m.Title, Text: text}, Info: info})
		}
		if len(m.Authors) > 0 || m.Publisher != "" {
			byline := "“" + m.Title + "” is an article"
			if len(m.Authors) > 0 {
				byline += " by " + strings.Join(m.Authors, " and ")
			}
			if m.Publisher != "" {
				byline += ", published by " + m.Publisher
			}
			add(byline + ".")
		}
		for para := range strings.SplitSeq(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n\n") {
			if para = strings.Join(strings.Fields(para), " "); len(para) > 0 {
				add(para)
			}
		}
	}
	total := 0
	for _, p := range s.passages {
		tf := map[string]int{}
		for _, t := range retrieval.Terms(p.Text) {
			tf[t]++
			total++
		}
		s.terms = append(s.terms, tf)
		for t := range tf {
			s.df[t]++
		}
	}
	s.avgLen = float64(total) / float64(len(s.passages))
	return s
}

// Search ranks the paragraphs by BM25; a paragraph with none of the query
// terms is never returned.
func (s *seedSearcher) Search(_ context.Context, query string, k int) ([]retrieval.Passage, error) {
	s.mu.Lock()
	s.queries = append(s.queries, query)
	s.mu.Unlock()
	q := distinct(retrieval.Terms(query))
	n := float64(len(s.passages))
	type hit struct {
		i     int
		score float64
	}
	var hits []hit
	const k1, b = 1.2, 0.75
	for i, tf := range s.terms {
		length := 0
		for _, c := range tf {
			length += c
		}
		var score float64
		for _, t := range q {
			if c := float64(tf[t]); c > 0 {
				idf := math.Log(1 + (n-float64(s.df[t])+0.5)/(float64(s.df[t])+0.5))
				score += idf * c * (k1 + 1) / (c + k1*(1-b+b*float64(length)/s.avgLen))
			}
		}
		if score > 0 {
			hits = append(hits, hit{i, score})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	var out []retrieval.Passage
	for _, h := range hits[:min(k, len(hits))] {
		p := s.passages[h.i]
		p.Score = h.score
		out = append(out, p)
	}
	return out, nil
}
