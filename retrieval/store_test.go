package retrieval

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/philippgille/chromem-go"
)

// countingEmbedder wraps the local embedder, counts the texts it embeds and
// can be told to fail once it has embedded failAfter texts.
type countingEmbedder struct {
	inner     Embedder
	id        string
	texts     atomic.Int64
	failAfter int64 // 0: never fail
	block     chan struct{}
	entered   chan struct{} // receives once per batch that waits on block
}

func (e *countingEmbedder) ID() string {
	if e.id != "" {
		return e.id
	}
	return e.inner.ID()
}

func (e *countingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if e.block != nil && len(texts) > 1 {
		if e.entered != nil {
			e.entered <- struct{}{}
		}
		select {
		case <-e.block:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if e.failAfter > 0 && e.texts.Load()+int64(len(texts)) > e.failAfter && len(texts) > 1 {
		return nil, errors.New("embedder broke down")
	}
	if len(texts) > 1 { // count index work, not questions
		e.texts.Add(int64(len(texts)))
	}
	return e.inner.Embed(ctx, texts)
}

// copySeeds copies the project's seeds into a fresh corpus folder.
func copySeeds(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../seeds", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openTestStore(t *testing.T, dataDir, corpus string, emb Embedder) *Store {
	t.Helper()
	s, err := OpenStore(context.Background(), StoreConfig{DataDir: dataDir, CorpusDir: corpus, Embedder: emb})
	if err != nil {
		t.Fatalf("OpenStore: %v", err)
	}
	return s
}

func mustSearch(t *testing.T, s *Store, q string) []Passage {
	t.Helper()
	got, err := s.Search(context.Background(), q, 5)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return got
}

func anyContains(ps []Passage, phrase string) bool {
	for _, p := range ps {
		if strings.Contains(strings.ToLower(p.Text), strings.ToLower(phrase)) {
			return true
		}
	}
	return false
}

func TestStoreEmbedsEachChunkOnce(t *testing.T) {
	ctx := context.Background()
	corpus, data := copySeeds(t), t.TempDir()
	emb := &countingEmbedder{inner: NewLocalEmbedder()}
	s := openTestStore(t, data, corpus, emb)
	if err := s.Ready(); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("a new store should have no index, Ready() = %v", err)
	}

	first, err := s.Reindex(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Files != 5 || first.Chunks == 0 || first.Embedded == 0 || first.Reused != 0 {
		t.Fatalf("cold build report = %+v", first)
	}

	t.Run("an unchanged corpus sends nothing to the embedder", func(t *testing.T) {
		before := emb.texts.Load()
		r, err := s.Reindex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Embedded != 0 || r.Reused != r.Chunks || emb.texts.Load() != before {
			t.Fatalf("report = %+v, embedder got %d texts", r, emb.texts.Load()-before)
		}
	})

	t.Run("nor after a restart", func(t *testing.T) {
		before := emb.texts.Load()
		s2 := openTestStore(t, data, corpus, emb)
		if err := s2.Ready(); err != nil {
			t.Fatalf("reopened store not ready: %v", err)
		}
		r, err := s2.Reindex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Embedded != 0 || emb.texts.Load() != before {
			t.Fatalf("report after restart = %+v", r)
		}
	})

	t.Run("changing one file embeds only its changed chunks", func(t *testing.T) {
		path := filepath.Join(corpus, "003_65777ad2d6f5eda8.txt")
		data, _ := os.ReadFile(path)
		changed := string(data) + "\n\nThe delegation also toured a lantern factory in Bac Ninh.\n"
		if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := s.Reindex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Embedded < 1 || r.Embedded > 2 {
			t.Fatalf("embedded %d texts after appending one paragraph, want 1 or 2 (report %+v)", r.Embedded, r)
		}
		if !anyContains(mustSearch(t, s, "lantern factory Bac Ninh"), "lantern factory") {
			t.Fatal("the new paragraph is not searchable")
		}
	})

	t.Run("a change of embedder re-embeds everything", func(t *testing.T) {
		other := &countingEmbedder{inner: NewLocalEmbedder(), id: "another-model"}
		s3 := openTestStore(t, data, corpus, other)
		if err := s3.Ready(); err == nil {
			t.Fatal("an index built by another embedder should not be served")
		}
		r, err := s3.Reindex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Reused != 0 || r.Embedded == 0 {
			t.Fatalf("report with a new embedder = %+v", r)
		}
	})
}

func TestFailedReindexKeepsTheOldIndex(t *testing.T) {
	ctx := context.Background()
	corpus, data := copySeeds(t), t.TempDir()
	s := openTestStore(t, data, corpus, &countingEmbedder{inner: NewLocalEmbedder()})
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// A new file, whose chunks must be embedded, and an embedder that breaks.
	extra := strings.Repeat("Lanterns were hung along the Red River for the state visit. ", 40)
	if err := os.WriteFile(filepath.Join(corpus, "zz_new.txt"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := &countingEmbedder{inner: NewLocalEmbedder(), failAfter: 1}
	s.cfg.Embedder = broken
	if _, err := s.Reindex(ctx, nil); err == nil || !strings.Contains(err.Error(), "embedder broke down") {
		t.Fatalf("Reindex with a broken embedder: err = %v", err)
	}

	for name, store := range map[string]*Store{
		"the running store": s,
		"after a restart":   openTestStore(t, data, corpus, &countingEmbedder{inner: NewLocalEmbedder()}),
	} {
		t.Run(name+" still answers from the old index", func(t *testing.T) {
			got := mustSearch(t, store, "What are the Three Nos?")
			if !anyContains(got, "Three Nos") {
				t.Fatalf("old index lost: %v", got)
			}
			if anyContains(mustSearch(t, store, "lanterns Red River"), "Lanterns were hung") {
				t.Fatal("half of the failed build is being served")
			}
		})
	}
}

func TestSearchesGoOnDuringAReindex(t *testing.T) {
	ctx := context.Background()
	corpus, data := copySeeds(t), t.TempDir()
	emb := &countingEmbedder{inner: NewLocalEmbedder()}
	s := openTestStore(t, data, corpus, emb)
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(corpus, "zz_new.txt"), []byte("A new note about ferries on Ha Long Bay. "+strings.Repeat("More words here. ", 20)+"\n\n"+strings.Repeat("A second paragraph about boats. ", 12)), 0o644)
	emb.block = make(chan struct{})
	emb.entered = make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() { _, err := s.Reindex(ctx, nil); done <- err }()
	<-emb.entered

	// The reindex is blocked in the embedder: a second one is refused,
	// and searches are served from the old index.
	if _, err := s.Reindex(ctx, nil); !errors.Is(err, ErrReindexRunning) {
		t.Fatalf("second Reindex: err = %v, want ErrReindexRunning", err)
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := s.Search(ctx, "Friendship Medal", 3); err != nil || len(got) == 0 {
				t.Errorf("search during reindex: %v, %d passages", err, len(got))
			}
		}()
	}
	wg.Wait()
	close(emb.block)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !anyContains(mustSearch(t, s, "ferries Ha Long Bay"), "ferries") {
		t.Fatal("the new index is not served after the reindex")
	}
}

// TestBylineChunkAnswersWhoWrote: a question on who wrote or published an
// article is answered first by the byline of the article it describes,
// whether by its title or by its subject.
func TestBylineChunkAnswersWhoWrote(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t, t.TempDir(), "../seeds", NewLocalEmbedder())
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ question, byline string }{
		{"Who wrote the article on party-to-party ties?", "Lye Liang Fook"},
		{"Who is the author of the piece about the warm communist embrace?", "Heydarian"},
		{"Who wrote Mr. Trong Goes to Beijing?", "Vincenzo Caporale"},
		{"Who wrote the article on the Three Nos?", "Heydarian"},
		{"Who wrote about Vietnam buying Russian arms?", "Heydarian"},
		{"Who published the article on the 36 agreements signed during Xi's visit?", "IRIA"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			got, err := s.Search(ctx, tt.question, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || !strings.Contains(got[0].Text, " is an article") || !strings.Contains(got[0].Text, tt.byline) {
				t.Errorf("the first passage is not the byline naming %s: %q", tt.byline, chunkTexts(passageChunks(got)))
			}
		})
	}
}

// passageChunks returns the chunks of passages.
func passageChunks(passages []Passage) []Chunk {
	out := make([]Chunk, len(passages))
	for i, p := range passages {
		out[i] = p.Chunk
	}
	return out
}

// quietLogger drops the store's logs in benchmarks.
func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestARestartedStoreSearchesAsBefore: an index loaded from disk ranks
// exactly as the one that was built (chunks.json leaves out a search text
// that repeats the chunk's text; loading must put it back).
func TestARestartedStoreSearchesAsBefore(t *testing.T) {
	corpus, data := copySeeds(t), t.TempDir()
	built := openTestStore(t, data, corpus, NewLocalEmbedder())
	if _, err := built.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	loaded := openTestStore(t, data, corpus, NewLocalEmbedder())
	for _, q := range []string{"What are the Three Nos?", "Who wrote the piece on party-to-party ties?", "twenty-one gun salute"} {
		want, got := mustSearch(t, built, q), mustSearch(t, loaded, q)
		if len(got) != len(want) {
			t.Fatalf("%q: %d passages after a restart, %d before", q, len(got), len(want))
		}
		for i := range want {
			if got[i].ID != want[i].ID || got[i].Score != want[i].Score {
				t.Errorf("%q: passage %d after a restart is %s (%.4f), before %s (%.4f)", q, i+1, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
			}
		}
	}
}

// TestAnIndexOfAnEarlierVersionStillLoads: indexes built before the
// vectors were exported to one file kept them in a persistent chromem-go
// DB, a file per chunk; they load and rank as before, and a damaged
// vectors file is an error naming it, not a panic.
func TestAnIndexOfAnEarlierVersionStillLoads(t *testing.T) {
	corpus, data := copySeeds(t), t.TempDir()
	built := openTestStore(t, data, corpus, NewLocalEmbedder())
	if _, err := built.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(data, indexesFolder, currentBuild(t, data))
	// Rewrite the index as the earlier version left it.
	old, err := chromem.NewPersistentDB(filepath.Join(dir, dbFolder), false)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.ImportFromFile(filepath.Join(dir, vectorsFile), ""); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, vectorsFile)); err != nil {
		t.Fatal(err)
	}
	loaded := openTestStore(t, data, corpus, NewLocalEmbedder())
	for _, q := range []string{"What are the Three Nos?", "twenty-one gun salute"} {
		want, got := mustSearch(t, built, q), mustSearch(t, loaded, q)
		if len(got) != len(want) || len(got) == 0 || got[0].ID != want[0].ID || got[0].Score != want[0].Score {
			t.Errorf("%q: the earlier index ranks %d passages differently from the one built", q, len(got))
		}
	}

	writeTestFile(t, filepath.Join(dir, vectorsFile), "not a gob")
	if _, err := loadIndex(dir, NewLocalEmbedder()); err == nil || !strings.Contains(err.Error(), vectorsFile) {
		t.Errorf("loading a damaged vectors file: %v, want an error naming %s", err, vectorsFile)
	}
}

// TestReindexRemovesOnlyWhatItReplaces: after a reindex, the index folders
// it replaced are gone (older finished builds, a crash's leftover, a
// folder that is no build), and what may belong to another lectern
// reindexing the same data folder stays (a build under way, a newer one).
func TestReindexRemovesOnlyWhatItReplaces(t *testing.T) {
	data := t.TempDir()
	root := filepath.Join(data, indexesFolder)
	now := time.Now()
	folders := []struct {
		name     string
		finished bool
		stays    bool
	}{
		{"1000", true, false}, // an old index, replaced
		{strconv.FormatInt(now.Add(-2*time.Hour).UnixNano(), 10), false, false}, // a crash's leftover
		{"scratch", false, false}, // no build of ours
		{strconv.FormatInt(now.Add(-time.Minute).UnixNano(), 10), false, true}, // another reindex under way
		{strconv.FormatInt(now.Add(time.Hour).UnixNano(), 10), true, true},     // another reindex's newer result
	}
	for _, f := range folders {
		if err := os.MkdirAll(filepath.Join(root, f.name), 0o755); err != nil {
			t.Fatal(err)
		}
		if f.finished {
			if err := os.WriteFile(filepath.Join(root, f.name, metaFile), []byte("{}"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := openTestStore(t, data, copySeeds(t), NewLocalEmbedder())
	if _, err := s.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	for _, f := range folders {
		_, err := os.Stat(filepath.Join(root, f.name))
		if stays := err == nil; stays != f.stays {
			t.Errorf("folder %s: still there %v, want %v", f.name, stays, f.stays)
		}
	}
	current, err := os.ReadFile(filepath.Join(data, currentFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, strings.TrimSpace(string(current)), metaFile)); err != nil {
		t.Errorf("the new index is not complete on disk: %v", err)
	}
}
