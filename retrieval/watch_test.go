package retrieval

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWatchSwitchesToAnIndexBuiltBeside: two stores on one data folder, as
// `lectern serve` and `lectern index` are; the one watching switches to
// the index the other built, and searches find the new file.
func TestWatchSwitchesToAnIndexBuiltBeside(t *testing.T) {
	data, corpus := t.TempDir(), t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Xi in Hanoi\n\n"+strings.Repeat("Xi Jinping visited Hanoi in December 2023 and signed agreements. ", 5))
	open := func() *Store {
		t.Helper()
		s, err := OpenStore(context.Background(), StoreConfig{DataDir: data, CorpusDir: corpus, Embedder: NewLocalEmbedder(), Logger: slog.New(slog.DiscardHandler), Synonyms: Synonyms{}})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	indexer := open()
	if _, err := indexer.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	server := open()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Watch(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Watch = %v", err)
		}
	}()
	write("b.txt", "Ferries\n\n"+strings.Repeat("The ferries of Ha Long Bay carry tourists between the islands. ", 5))
	if _, err := indexer.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		ps, err := server.Search(context.Background(), "ferries Ha Long Bay", 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) > 0 && ps[0].Source == "b.txt" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the watching store never switched: best passage %+v", ps)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestReloadKeepsAnUnusableIndexOut: a current file naming an index that
// cannot be loaded leaves the index in use serving.
func TestReloadKeepsAnUnusableIndexOut(t *testing.T) {
	data, corpus := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(corpus, "a.txt"), []byte("Title\n\n"+strings.Repeat("Some words about the Three Nos. ", 5)), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(context.Background(), StoreConfig{DataDir: data, CorpusDir: corpus, Embedder: NewLocalEmbedder(), Logger: slog.New(slog.DiscardHandler), Synonyms: Synonyms{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, currentFile), []byte("no-such-index\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	switched, err := s.Reload()
	if err != nil || switched {
		t.Fatalf("Reload = %v, %v; want no switch and no error", switched, err)
	}
	if ps, err := s.Search(context.Background(), "Three Nos", 1); err != nil || len(ps) == 0 {
		t.Errorf("Search after a failed reload = %v, %v", ps, err)
	}
}
