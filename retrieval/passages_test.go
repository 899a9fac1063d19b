package retrieval

import (
	"context"
	"log/slog"
	"strings"
	"testing"
)

func TestPassagesListsEachSourceInReadingOrderWithoutBylines(t *testing.T) {
	ctx := context.Background()
	store, err := OpenStore(ctx, StoreConfig{DataDir: t.TempDir(), CorpusDir: "../seeds", Embedder: NewLocalEmbedder(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if got := store.Passages(""); got != nil {
		t.Fatalf("before an index is built: got %d passages, want none", len(got))
	}
	report, err := store.Reindex(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := store.Passages("")
	total := 0
	for _, src := range store.Sources() {
		ps := store.Passages(src.Source)
		if len(ps) == 0 {
			t.Errorf("%s: no passages", src.Source)
		}
		for i, p := range ps {
			if p.Source != src.Source || p.Info.Title != src.Title {
				t.Errorf("%s: passage %d is from %q (%q)", src.Source, i, p.Source, p.Info.Title)
			}
			if i > 0 && p.Start < ps[i-1].Start {
				t.Errorf("%s: passage %d starts at %d, before the one before it (%d)", src.Source, i, p.Start, ps[i-1].Start)
			}
			if strings.Contains(p.Text, "is an article by") {
				t.Errorf("%s: a byline passage is listed: %q", src.Source, p.Text)
			}
		}
		total += len(ps)
	}
	if len(all) != total || total > report.Chunks {
		t.Errorf("all sources: %d passages, per source %d, chunks %d", len(all), total, report.Chunks)
	}
	if got := store.Passages("no-such-file.txt"); len(got) != 0 {
		t.Errorf("unknown source: got %d passages", len(got))
	}
}
