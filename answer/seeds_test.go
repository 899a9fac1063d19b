package answer

import (
	"context"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// seedSearcher searches the seed corpus with the real index (the local
// embedder, BM25 and the byline passages the manifest gives), built once
// for all the package's tests, and records every query it is asked.
type seedSearcher struct {
	store *retrieval.Store

	mu       sync.Mutex
	queries  []string            // every query searched, in order
	returned []retrieval.Passage // every passage returned, in order
}

// seedIndex is the index of ../seeds, built at the first newSeedSearcher.
var seedIndex struct {
	once  sync.Once
	dir   string
	store *retrieval.Store
	err   error
}

// TestMain removes the seed index's data folder after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if seedIndex.dir != "" {
		os.RemoveAll(seedIndex.dir)
	}
	os.Exit(code)
}

func newSeedSearcher(t testing.TB) *seedSearcher {
	t.Helper()
	seedIndex.once.Do(func() {
		ctx := context.Background()
		seedIndex.dir, seedIndex.err = os.MkdirTemp("", "lectern-answer-seeds-")
		if seedIndex.err != nil {
			return
		}
		seedIndex.store, seedIndex.err = retrieval.OpenStore(ctx, retrieval.StoreConfig{
			DataDir:   seedIndex.dir,
			CorpusDir: "../seeds",
			Embedder:  retrieval.NewLocalEmbedder(),
			Logger:    slog.New(slog.DiscardHandler),
		})
		if seedIndex.err == nil {
			_, seedIndex.err = seedIndex.store.Reindex(ctx, nil)
		}
	})
	if seedIndex.err != nil {
		t.Fatalf("index the seeds: %v", seedIndex.err)
	}
	return &seedSearcher{store: seedIndex.store}
}

// Search is the store's search, the query recorded.
func (s *seedSearcher) Search(ctx context.Context, query string, k int) ([]retrieval.Passage, error) {
	ps, err := s.store.Search(ctx, query, k)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queries = append(s.queries, query)
	s.returned = append(s.returned, ps...)
	return ps, err
}

// allPassages returns every passage the searcher has returned: what the
// quotes of an answer must come from.
func (s *seedSearcher) allPassages() []retrieval.Passage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.returned)
}

// passageSaying returns the passage of the seeds that contains phrase.
func (s *seedSearcher) passageSaying(t testing.TB, phrase string) retrieval.Passage {
	t.Helper()
	ps, err := s.store.Search(context.Background(), phrase, 10)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(ps, func(p retrieval.Passage) bool { return strings.Contains(p.Text, phrase) })
	if i < 0 {
		t.Fatalf("no seed passage says %q", phrase)
	}
	return ps[i]
}
