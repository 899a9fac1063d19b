package retrieval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// newDocument is a Markdown document of three paragraphs, none of which
// the seeds hold.
const newDocument = "# Mekong water diplomacy\n\n" +
	"The Mekong River Commission publishes the flow data that downstream farmers in the delta depend on for planting. " +
	"Upstream dams hold back silt as well as water, and the delta is sinking as a result of both.\n\n" +
	"Hanoi has asked for a joint early warning system so that releases from the reservoirs are announced days in advance. " +
	"The request was repeated at three ministerial meetings without an agreement being reached.\n\n" +
	"Researchers measured salinity intrusion reaching sixty kilometres inland during the dry season of that year."

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestAddThenRemoveEmbedsOnlyTheNewDocument(t *testing.T) {
	ctx := context.Background()
	corpus := copySeeds(t)
	manifestBefore := readString(t, filepath.Join(corpus, ManifestFile))
	emb := &countingEmbedder{inner: NewLocalEmbedder()}
	s := openTestStore(t, t.TempDir(), corpus, emb)
	first, err := s.Reindex(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := emb.texts.Load()

	added, err := s.Add(ctx, "mekong.md", []byte(newDocument), ManifestEntry{Title: "Mekong Water Diplomacy", Authors: []string{"Nguyen Van A"}}, nil)
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	if added.Source.Source != "mekong.md" || added.Source.Title != "Mekong Water Diplomacy" || added.Source.Chunks < 2 {
		t.Fatalf("added %+v, want mekong.md with its title and a byline and passages", added.Source)
	}
	if got := emb.texts.Load() - before; got != int64(added.Source.Chunks) || added.Report.Embedded != added.Source.Chunks {
		t.Errorf("the embedder got %d texts, the report says %d embedded; want only the new document's %d chunks",
			got, added.Report.Embedded, added.Source.Chunks)
	}
	if added.Report.Reused != first.Chunks {
		t.Errorf("reused %d, want every chunk of before (%d)", added.Report.Reused, first.Chunks)
	}
	manifest := readString(t, filepath.Join(corpus, ManifestFile))
	if !strings.HasPrefix(manifest, manifestBefore) || !strings.Contains(manifest, `file = "mekong.md"`) || !strings.Contains(manifest, `"Nguyen Van A"`) {
		t.Errorf("the manifest does not keep its entries and add the new one:\n%s", manifest)
	}
	if got := mustSearch(t, s, "salinity intrusion in the delta"); len(got) == 0 || got[0].Source != "mekong.md" {
		t.Errorf("search does not find the new document: %+v", got)
	}

	before = emb.texts.Load()
	removed, err := s.Remove(ctx, "water diplomacy", nil)
	if err != nil {
		t.Fatalf("Remove: %v", err)
	}
	if removed.Source.Source != "mekong.md" || removed.Report.Embedded != 0 || emb.texts.Load() != before {
		t.Errorf("removed %+v with %d embedded; want mekong.md and nothing embedded", removed.Source, removed.Report.Embedded)
	}
	if got := readString(t, filepath.Join(corpus, ManifestFile)); got != manifestBefore {
		t.Errorf("the manifest after remove differs from before add:\n%s", got)
	}
	if slices.Contains(dirNames(t, corpus), "mekong.md") {
		t.Error("mekong.md is still in the corpus folder")
	}
	for _, st := range s.Sources() {
		if st.Source == "mekong.md" {
			t.Error("mekong.md is still in the index")
		}
	}
	if got := s.Sources(); len(got) != first.Files {
		t.Errorf("%d sources after the round trip, want %d", len(got), first.Files)
	}
}

func TestAddRefusesBeforeWritingAnything(t *testing.T) {
	ctx := context.Background()
	corpus := writeCorpus(t, map[string]string{"a.txt": "A text about the border.", ManifestFile: "[[source]]\nfile = \"a.txt\"\n"})
	s := openTestStore(t, t.TempDir(), corpus, NewLocalEmbedder())
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, data string
		reason           string
	}{
		{"an unsupported kind", "setup.exe", "MZ\x90\x00", "unsupported file type"},
		{"an empty file", "empty.txt", " \n", "empty"},
		{"a binary file", "image.txt", "\x89PNG\r\n\x1a\n\x00\x00", "binary"},
		{"a file that is not UTF-8", "latin1.md", "caf\xe9", "UTF-8"},
		{"furniture only", "nav.txt", "Top of page\nSubscribe\n", "no text left"},
		{"a hidden file", ".env", "SECRET=1", "hidden"},
		{"the manifest", ManifestFile, "[[source]]", "manifest"},
		{"the same file again", "a.txt", "A text about the border.", "already in the reading list as a.txt"},
	}
	names := dirNames(t, corpus)
	manifest := readString(t, filepath.Join(corpus, ManifestFile))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Add(ctx, tt.file, []byte(tt.data), ManifestEntry{Title: "T"}, nil)
			var refused *RefusedError
			if !errors.As(err, &refused) || !strings.Contains(refused.Reason, tt.reason) {
				t.Fatalf("Add = %v, want it refused as %q", err, tt.reason)
			}
			if got := dirNames(t, corpus); !slices.Equal(got, names) {
				t.Errorf("the corpus folder changed: %v, was %v", got, names)
			}
			if got := readString(t, filepath.Join(corpus, ManifestFile)); got != manifest {
				t.Errorf("the manifest changed:\n%s", got)
			}
		})
	}
}

func TestAddNamesAndLocations(t *testing.T) {
	ctx := context.Background()
	corpus := writeCorpus(t, map[string]string{"a.txt": "A text about the border."})
	s, err := OpenStore(ctx, StoreConfig{DataDir: t.TempDir(), CorpusDir: corpus, Embedder: NewLocalEmbedder(),
		Load: LoadOptions{Extract: fakeExtractor, Supported: fakeSupported}})
	if err != nil {
		t.Fatal(err)
	}
	// Another file of the same name: saved beside it, not over it.
	added, err := s.Add(ctx, "/somewhere/else/a.txt", []byte("Another text about the sea."), ManifestEntry{}, nil)
	if err != nil || added.Source.Source != "a-2.txt" {
		t.Fatalf("Add = %+v, %v; want a-2.txt", added.Source, err)
	}
	if readString(t, filepath.Join(corpus, "a.txt")) != "A text about the border." {
		t.Error("a.txt was overwritten")
	}
	if _, err := os.Stat(filepath.Join(corpus, ManifestFile)); err == nil {
		t.Error("a manifest was written for an entry that says nothing but the file")
	}
	added, err = s.Add(ctx, "report.fake", []byte("Page one.\fPage two."), ManifestEntry{}, nil)
	if err != nil || added.Source.Pages != 2 || added.Source.Title != "Title From The File" {
		t.Errorf("Add(report.fake) = %+v, %v; want 2 pages and the file's title", added.Source, err)
	}
	_, err = s.Add(ctx, "broken.fake", []byte("BROKEN"), ManifestEntry{}, nil)
	var refused *RefusedError
	if !errors.As(err, &refused) || !strings.Contains(refused.Reason, "broken fake: no trailer") {
		t.Errorf("Add(broken.fake) = %v, want it refused with the extractor's error", err)
	}
}

func TestAddIsUndoneWhenTheReindexFails(t *testing.T) {
	ctx := context.Background()
	corpus := writeCorpus(t, map[string]string{"a.txt": "A text about the border.", ManifestFile: "# the list\n"})
	broken := &countingEmbedder{inner: NewLocalEmbedder(), failAfter: 1}
	s := openTestStore(t, t.TempDir(), corpus, broken)
	names := dirNames(t, corpus)
	_, err := s.Add(ctx, "mekong.md", []byte(newDocument), ManifestEntry{Title: "Mekong", Authors: []string{"X"}}, nil)
	if err == nil || !strings.Contains(err.Error(), "embedder broke down") {
		t.Fatalf("Add = %v, want the embedder's failure", err)
	}
	if got := dirNames(t, corpus); !slices.Equal(got, names) {
		t.Errorf("the corpus folder is %v, want it as before: %v", got, names)
	}
	if got := readString(t, filepath.Join(corpus, ManifestFile)); got != "# the list\n" {
		t.Errorf("the manifest is %q, want it as before", got)
	}
}

func TestRemoveNeedsOneMatch(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t, t.TempDir(), copySeeds(t), NewLocalEmbedder())
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query   string
		matches int // of an *AmbiguousError; -1: found
	}{
		{"China", 5},
		{"no such title", 0},
		{"", 0},
		{"001_40f7c5eb71c4bfad.txt", -1},
		{"PARTY-TO-PARTY", -1},
	}
	for _, tt := range tests {
		st, err := s.FindSource(tt.query)
		var amb *AmbiguousError
		switch {
		case tt.matches < 0 && err != nil:
			t.Errorf("FindSource(%q): %v", tt.query, err)
		case tt.matches < 0 && st.Source != "001_40f7c5eb71c4bfad.txt":
			t.Errorf("FindSource(%q) = %s, want the party-to-party ties article", tt.query, st.Source)
		case tt.matches >= 0 && (!errors.As(err, &amb) || len(amb.Matches) != tt.matches):
			t.Errorf("FindSource(%q) = %+v, %v; want %d matches listed", tt.query, st, err, tt.matches)
		}
	}
	_, err := s.Remove(ctx, "China", nil)
	if err == nil || !strings.Contains(err.Error(), "matches 5 sources") {
		t.Errorf("Remove(China) = %v, want the matches listed", err)
	}
}

func TestRemoveManifestEntryKeepsTheRest(t *testing.T) {
	const manifest = "# The reading list.\n\n[[source]]\nfile = \"a.txt\"\ntitle = \"A\"\n# a note on a\n\n[[source]] # b\nfile = \"b.txt\"\n\n[[source]]\nfile = \"c.txt\"\n"
	tests := []struct{ file, want string }{
		{"a.txt", "# The reading list.\n\n[[source]] # b\nfile = \"b.txt\"\n\n[[source]]\nfile = \"c.txt\"\n"},
		{"b.txt", "# The reading list.\n\n[[source]]\nfile = \"a.txt\"\ntitle = \"A\"\n# a note on a\n\n[[source]]\nfile = \"c.txt\"\n"},
		{"c.txt", "# The reading list.\n\n[[source]]\nfile = \"a.txt\"\ntitle = \"A\"\n# a note on a\n\n[[source]] # b\nfile = \"b.txt\"\n"},
		{"d.txt", manifest},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), ManifestFile)
		if err := os.WriteFile(path, []byte(manifest), 0o644); err != nil {
			t.Fatal(err)
		}
		removed, err := removeManifestEntry(path, tt.file)
		if err != nil || removed != (tt.file != "d.txt") {
			t.Errorf("removeManifestEntry(%s) = %v, %v", tt.file, removed, err)
		}
		if got := readString(t, path); got != tt.want {
			t.Errorf("without %s:\n%s\nwant\n%s", tt.file, got, tt.want)
		}
	}
}

// hundredDocuments writes a corpus of 100 documents: the seeds 20 times
// over, each copy made distinct.
func hundredDocuments(b *testing.B) string {
	corpus := b.TempDir()
	entries, err := os.ReadDir("../seeds")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for copyN := range 20 {
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".txt") {
				continue
			}
			data, err := os.ReadFile(filepath.Join("../seeds", e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			text := strings.ReplaceAll(string(data), "Vietnam", "Vietnam ("+strconv.Itoa(copyN)+")")
			if err := os.WriteFile(filepath.Join(corpus, strconv.Itoa(copyN)+"-"+e.Name()), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	if n != 100 {
		b.Fatalf("wrote %d documents, want 100", n)
	}
	return corpus
}

// BenchmarkOpenAHundredDocuments opens the index of 100 documents, as
// every `lectern ask` and a restarted bot do.
func BenchmarkOpenAHundredDocuments(b *testing.B) {
	ctx := context.Background()
	corpus, data := hundredDocuments(b), b.TempDir()
	cfg := StoreConfig{DataDir: data, CorpusDir: corpus, Embedder: NewLocalEmbedder(), Logger: quietLogger()}
	s, err := OpenStore(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Reindex(ctx, nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := OpenStore(ctx, cfg)
		if err != nil || s.IndexName() == "" {
			b.Fatalf("open the index: %v", err)
		}
	}
}

// BenchmarkAddToAHundredDocuments adds one document to a corpus of 100
// (the seeds 20 times over, each copy made distinct) and takes it out
// again: embedded/op is how many texts Add sent to the embedder, which
// must be the new document's chunks and no more.
func BenchmarkAddToAHundredDocuments(b *testing.B) {
	ctx := context.Background()
	corpus := hundredDocuments(b)
	n := 100
	emb := &countingEmbedder{inner: NewLocalEmbedder()}
	data := b.TempDir()
	// With the extraction cache, as lectern sets it.
	load := LoadOptions{Cache: NewExtractCache(filepath.Join(data, "cache", "extracted"))}
	s, err := OpenStore(ctx, StoreConfig{DataDir: data, CorpusDir: corpus, Embedder: emb, Logger: quietLogger(), Load: load})
	if err != nil {
		b.Fatal(err)
	}
	if r, err := s.Reindex(ctx, nil); err != nil || r.Files != n || n != 100 {
		b.Fatalf("index the corpus: %+v, %v (%d files written)", r, err, n)
	}
	embedded, chunks, round := 0, 0, 0
	for b.Loop() {
		round++
		doc := strings.ReplaceAll(newDocument, "Mekong", "Mekong (round "+strconv.Itoa(round)+")")
		added, err := s.Add(ctx, "mekong.md", []byte(doc), ManifestEntry{Authors: []string{"Nguyen Van A"}}, nil)
		if err != nil {
			b.Fatal(err)
		}
		embedded, chunks = added.Report.Embedded, added.Source.Chunks
		if embedded != chunks {
			b.Fatalf("Add embedded %d texts for a document of %d chunks", embedded, chunks)
		}
		b.StopTimer()
		if _, err := s.Remove(ctx, "mekong.md", nil); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(embedded), "embedded/op")
	b.ReportMetric(float64(chunks), "new-chunks/op")
}

// FuzzManifestEdit removes an entry from an arbitrary manifest: it never
// panics, writes only a manifest that parses, and keeps every entry for
// another file.
func FuzzManifestEdit(f *testing.F) {
	f.Add("[[source]]\nfile = \"a.txt\"\n\n[[source]]\nfile = \"b.txt\"\n", "a.txt")
	f.Add("top = 1\n[[source]] # c\nfile = \"a.txt\"\n", "a.txt")
	f.Add("[[source]]\nfile = \"a.txt\"\ntitle = \"\"\"\n[[source]]\n\"\"\"\n", "a.txt")
	f.Add("not toml at all [[", "x")
	f.Fuzz(func(t *testing.T, manifestText, file string) {
		path := filepath.Join(t.TempDir(), ManifestFile)
		if err := os.WriteFile(path, []byte(manifestText), 0o644); err != nil {
			t.Fatal(err)
		}
		var before manifest
		_, parseErr := toml.Decode(manifestText, &before)
		removed, err := removeManifestEntry(path, file)
		after := readString(t, path)
		if err != nil || !removed {
			if after != manifestText {
				t.Fatalf("the manifest changed without an entry removed (%v)", err)
			}
			return
		}
		var got manifest
		if _, err := toml.Decode(after, &got); err != nil {
			t.Fatalf("wrote a manifest that does not parse: %v\n%s", err, after)
		}
		if parseErr != nil {
			return
		}
		var want []string
		for _, e := range before.Sources {
			if e.File != file {
				want = append(want, e.File)
			}
		}
		var kept []string
		for _, e := range got.Sources {
			if e.File == file {
				t.Fatalf("the entry for %q is still there:\n%s", file, after)
			}
			kept = append(kept, e.File)
		}
		if !slices.Equal(kept, want) {
			t.Fatalf("entries %q after removing %q, want %q", kept, file, want)
		}
	})
}
