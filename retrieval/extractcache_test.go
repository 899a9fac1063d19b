package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/internal/pdftest"
)

// countingLoad loads a corpus through fakeExtractor with cache, and
// returns the documents by source and the files that were extracted (not
// read back from the cache).
func countingLoad(t *testing.T, dir string, cache *ExtractCache, lim ingest.Limits) (map[string]Document, []string) {
	t.Helper()
	var extracted []string
	opts := LoadOptions{
		Limits:    lim,
		Supported: fakeSupported,
		Cache:     cache,
		Extract: func(ctx context.Context, name string, data []byte, lim ingest.Limits) (ingest.Document, error) {
			extracted = append(extracted, name)
			return fakeExtractor(ctx, name, data, lim)
		},
	}
	docs, _, err := LoadCorpusWith(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string]Document{}
	for _, d := range docs {
		bySource[d.Info.Source] = d
	}
	sort.Strings(extracted)
	return bySource, extracted
}

// cacheEntries counts the entries kept in a cache folder.
func cacheEntries(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return len(entries)
}

func TestExtractCache(t *testing.T) {
	files := map[string]string{
		"a.fake":      "Page one of a.\fPage two of a.",
		"b.sec":       "Intro.\n## A Heading\nUnder it.",
		"broken.fake": "BROKEN",
		"plain.txt":   "Plain text is read as it stands.",
	}
	setUp := func(t *testing.T) (corpus, cacheDir string) {
		return writeCorpus(t, files), filepath.Join(t.TempDir(), "extracted")
	}
	first := func(t *testing.T, corpus, cacheDir string) map[string]Document {
		docs, extracted := countingLoad(t, corpus, newExtractCacheVersion(cacheDir, "v1"), ingest.Limits{})
		if want := []string{"a.fake", "b.sec", "broken.fake", "plain.txt"}; !reflect.DeepEqual(extracted, want) {
			t.Fatalf("first load extracted %v, want %v", extracted, want)
		}
		return docs
	}

	t.Run("an unchanged file is read back, the same document as extracted", func(t *testing.T) {
		corpus, cacheDir := setUp(t)
		before := first(t, corpus, cacheDir)
		after, extracted := countingLoad(t, corpus, newExtractCacheVersion(cacheDir, "v1"), ingest.Limits{})
		// The broken file is tried again (it may have been fixed).
		if want := []string{"broken.fake"}; !reflect.DeepEqual(extracted, want) {
			t.Errorf("second load extracted %v, want only %v", extracted, want)
		}
		if !reflect.DeepEqual(before, after) {
			t.Errorf("read back %+v\nwant as extracted %+v", after, before)
		}
		if n := cacheEntries(t, cacheDir); n != 3 {
			t.Errorf("%d cache entries, want 3 (all but the broken file)", n)
		}
	})
	t.Run("a changed file is extracted again", func(t *testing.T) {
		corpus, cacheDir := setUp(t)
		first(t, corpus, cacheDir)
		writeTestFile(t, filepath.Join(corpus, "a.fake"), "A new first page.\fAnd a second.")
		docs, extracted := countingLoad(t, corpus, newExtractCacheVersion(cacheDir, "v1"), ingest.Limits{})
		if want := []string{"a.fake", "broken.fake"}; !reflect.DeepEqual(extracted, want) {
			t.Errorf("extracted %v, want %v", extracted, want)
		}
		if got := docs["a.fake"].Text; got != "A new first page.\n\nAnd a second." {
			t.Errorf("a.fake reads %q, want its new text", got)
		}
		if n := cacheEntries(t, cacheDir); n != 3 {
			t.Errorf("%d cache entries, want 3: the old text of a.fake is no longer kept", n)
		}
	})
	t.Run("a new build of the program extracts everything again", func(t *testing.T) {
		corpus, cacheDir := setUp(t)
		first(t, corpus, cacheDir)
		_, extracted := countingLoad(t, corpus, newExtractCacheVersion(cacheDir, "v2"), ingest.Limits{})
		if len(extracted) != 4 {
			t.Errorf("extracted %v, want all four files", extracted)
		}
	})
	t.Run("other limits extract again", func(t *testing.T) {
		corpus, cacheDir := setUp(t)
		first(t, corpus, cacheDir)
		_, extracted := countingLoad(t, corpus, newExtractCacheVersion(cacheDir, "v1"), ingest.Limits{MaxPages: 1})
		if len(extracted) != 4 {
			t.Errorf("extracted %v, want all four files", extracted)
		}
	})
	t.Run("a removed file's entry is removed", func(t *testing.T) {
		corpus, cacheDir := setUp(t)
		first(t, corpus, cacheDir)
		if err := os.Remove(filepath.Join(corpus, "b.sec")); err != nil {
			t.Fatal(err)
		}
		countingLoad(t, corpus, newExtractCacheVersion(cacheDir, "v1"), ingest.Limits{})
		if n := cacheEntries(t, cacheDir); n != 2 {
			t.Errorf("%d cache entries, want 2", n)
		}
	})
	t.Run("a damaged entry is extracted again", func(t *testing.T) {
		corpus, cacheDir := setUp(t)
		before := first(t, corpus, cacheDir)
		entries, err := os.ReadDir(cacheDir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			writeTestFile(t, filepath.Join(cacheDir, e.Name()), "not json")
		}
		after, extracted := countingLoad(t, corpus, newExtractCacheVersion(cacheDir, "v1"), ingest.Limits{})
		if len(extracted) != 4 || !reflect.DeepEqual(before, after) {
			t.Errorf("extracted %v, want all four and the same documents", extracted)
		}
	})
	t.Run("without a known version nothing is cached", func(t *testing.T) {
		corpus, cacheDir := setUp(t)
		countingLoad(t, corpus, newExtractCacheVersion(cacheDir, ""), ingest.Limits{})
		if n := cacheEntries(t, cacheDir); n != 0 {
			t.Errorf("%d cache entries, want none", n)
		}
	})
}

func TestExecutableVersionIsStable(t *testing.T) {
	a, err := executableVersion()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := executableVersion()
	if a == "" || a != b {
		t.Errorf("versions %q and %q, want one non-empty version", a, b)
	}
}

// BenchmarkReindexPDFs reindexes a corpus of ten PDFs (the seeds laid
// out as PDFs, twice over) after one of them has changed, as an /add
// does: with the extraction cache only the changed file is extracted
// again, without it all ten are.
func BenchmarkReindexPDFs(b *testing.B) {
	ctx := context.Background()
	corpus := b.TempDir()
	entries, err := os.ReadDir("../seeds")
	if err != nil {
		b.Fatal(err)
	}
	for copyN := range 2 {
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".txt") {
				continue
			}
			data, err := os.ReadFile(filepath.Join("../seeds", e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			pdf, _, err := pdftest.FromText("Copy "+strconv.Itoa(copyN)+" of "+e.Name(), "A. Author", string(data))
			if err != nil {
				b.Fatal(err)
			}
			writeTestFile(b, filepath.Join(corpus, strconv.Itoa(copyN)+"-"+strings.TrimSuffix(e.Name(), ".txt")+".pdf"), string(pdf))
		}
	}
	engine := ingest.NewPDFEngine(filepath.Join(os.TempDir(), "lectern-bench-pdfium"))
	b.Cleanup(func() { engine.Close() })
	for _, cached := range []bool{false, true} {
		b.Run("cache="+strconv.FormatBool(cached), func(b *testing.B) {
			_ = os.Remove(filepath.Join(corpus, "changing.pdf"))
			dataDir := b.TempDir()
			load := LoadOptions{PDF: engine}
			if cached {
				load.Cache = NewExtractCache(filepath.Join(dataDir, "cache", "extracted"))
			}
			s, err := OpenStore(ctx, StoreConfig{DataDir: dataDir, CorpusDir: corpus, Embedder: NewLocalEmbedder(), Logger: quietLogger(), Load: load})
			if err != nil {
				b.Fatal(err)
			}
			if r, err := s.Reindex(ctx, nil); err != nil || r.Files != 10 {
				b.Fatalf("index the PDFs: %+v, %v", r, err)
			}
			round := 0
			for b.Loop() {
				b.StopTimer()
				round++ // one file changes between two reindexes
				pdf, _, err := pdftest.FromText("Round "+strconv.Itoa(round), "A. Author", "A new text for round "+strconv.Itoa(round)+".")
				if err != nil {
					b.Fatal(err)
				}
				writeTestFile(b, filepath.Join(corpus, "changing.pdf"), string(pdf))
				b.StartTimer()
				if _, err := s.Reindex(ctx, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
