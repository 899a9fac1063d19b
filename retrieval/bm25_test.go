package retrieval

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lectern/lectern/internal/text"
)

func TestBM25Search(t *testing.T) {
	texts := []string{
		0: "Vietnam's Three Nos: no military alliances, no foreign bases, no siding with one country against another.",
		1: "Trade between China and Vietnam grew, and China remains Vietnam's largest trading partner.",
		2: "The Friendship Medal was awarded to Trong by Xi in Beijing.",
		3: "Trade, trade, trade: a passage that repeats one word but says little about alliances.",
	}
	ix := newBM25(texts)
	tests := []struct {
		name  string
		query string
		n     int
		want  []int // doc numbers, best first
	}{
		{"a rare term finds its passage", "Friendship Medal", 3, []int{2}},
		{"stemming matches plural and singular", "military alliance", 3, []int{0, 3}},
		{"stop words alone find nothing", "what are the", 3, nil},
		{"an unknown word finds nothing", "sourdough", 3, nil},
		{"n bounds the results", "trade", 1, []int{3}},
		{"term frequency saturates, rarer terms win", "trading partner trade", 3, []int{1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, r := range ix.search(text.Terms(tt.query), tt.n) {
				got = append(got, r.doc)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("search(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestBM25EmptyIndex(t *testing.T) {
	if got := newBM25(nil).search(text.Terms("anything"), 5); len(got) != 0 {
		t.Fatalf("empty index returned %v", got)
	}
}

func TestFuseReciprocalRank(t *testing.T) {
	list := func(docs ...int) []scored {
		out := make([]scored, len(docs))
		for i, d := range docs {
			out[i] = scored{doc: d, score: float64(100 - i)}
		}
		return out
	}
	tests := []struct {
		name  string
		lists []rankedList
		want  []int
	}{
		{"one list keeps its order", []rankedList{{list(3, 1, 2), 1}}, []int{3, 1, 2}},
		{"found by both beats found by one", []rankedList{{list(1, 2), 1}, {list(3, 2), 1}}, []int{2, 1, 3}},
		{"equal ranks tie, broken by doc number", []rankedList{{list(5), 1}, {list(4), 1}}, []int{4, 5}},
		{"a heavier list wins a tie of ranks", []rankedList{{list(5), 1}, {list(4), 0.5}}, []int{5, 4}},
		{"empty lists fuse to nothing", []rankedList{{nil, 1}, {nil, 1}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, r := range fuseReciprocalRank(tt.lists...) {
				got = append(got, r.doc)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("fused = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEmbeddingCacheSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "e.gob")
	c, err := loadEmbeddingCache(path)
	if err != nil {
		t.Fatal(err)
	}
	c.put("kept", []float32{1, 0})
	c.put("dropped", []float32{0, 1})
	c.keepOnly([]string{"kept"})
	if err := c.save(); err != nil {
		t.Fatal(err)
	}
	again, err := loadEmbeddingCache(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := again.get("kept"); !ok || v[0] != 1 {
		t.Errorf("kept vector = %v, %v", v, ok)
	}
	if _, ok := again.get("dropped"); ok {
		t.Error("keepOnly did not drop a vector")
	}

	// A corrupt cache is an empty cache and an error for the log.
	os.WriteFile(path, []byte("not gob"), 0o644)
	broken, err := loadEmbeddingCache(path)
	if err == nil {
		t.Error("a corrupt cache file should be reported")
	}
	if _, ok := broken.get("kept"); ok {
		t.Error("a corrupt cache should start empty")
	}
}
