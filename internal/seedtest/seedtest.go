// Package seedtest gives the tests of other packages the real index of a
// corpus folder (the seeds, usually): local embedder, hybrid search, built
// in a temporary data folder.
package seedtest

import (
	"context"
	"log/slog"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// Store indexes corpusDir (for a package's tests, "../seeds") in a
// temporary data folder and returns the store; it fails t if it cannot.
func Store(t testing.TB, corpusDir string) *retrieval.Store {
	t.Helper()
	ctx := context.Background()
	store, err := retrieval.OpenStore(ctx, retrieval.StoreConfig{DataDir: t.TempDir(), CorpusDir: corpusDir,
		Embedder: retrieval.NewLocalEmbedder(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return store
}
