package retrieval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lectern/lectern/internal/text"
)

// embedBatchSize is how many texts go to the embedder between two progress
// reports and two saves of the embedding cache.
const embedBatchSize = 64

// Reindex builds a new index of the corpus folder beside the current one and
// switches to it once it is complete. Searches go on from the current index
// meanwhile; if the build fails, the current index stays in use, on disk as
// in memory. Unchanged chunks reuse their cached vectors: only new or changed
// text is sent to the embedder. progress, if not nil, is called as work
// advances. A second Reindex while one runs returns ErrReindexRunning.
func (s *Store) Reindex(ctx context.Context, progress func(Progress)) (Report, error) {
	if !s.reindexMu.TryLock() {
		return Report{}, ErrReindexRunning
	}
	defer s.reindexMu.Unlock()
	if progress == nil {
		progress = func(Progress) {}
	}
	started := time.Now()

	p := Progress{Stage: "loading"}
	progress(p)
	docs, skipped, err := LoadCorpusWith(ctx, s.cfg.CorpusDir, s.cfg.Load)
	if err != nil {
		return Report{}, fmt.Errorf("reindex: %w", err)
	}
	for _, sk := range skipped {
		// The report names every skipped file for whoever reindexed.
		s.log.Debug("file skipped", "path", sk.Path, "reason", sk.Reason)
	}
	chunks, sources := s.chunkAll(docs)
	p.Files, p.Chunks, p.Total = len(docs), len(chunks), len(chunks)
	progress(p)

	vectors, err := s.embedAll(ctx, chunks, &p, progress)
	if err != nil {
		return Report{}, fmt.Errorf("reindex: %w", err)
	}
	report := Report{Files: len(docs), Chunks: len(chunks), Embedded: p.Embedded, Reused: p.Reused, Shared: p.Shared, Skipped: skipped}
	if report.Skipped == nil {
		report.Skipped = []Skipped{}
	}

	name := strconv.FormatInt(time.Now().UnixNano(), 10)
	dir := filepath.Join(s.cfg.DataDir, indexesFolder, name)
	// Locked from its creation until it is in use: should this process
	// die meanwhile, the next one knows the folder for garbage.
	lock, err := lockBuild(dir)
	if err != nil {
		return Report{}, fmt.Errorf("reindex: %w", err)
	}
	defer lock.release()
	p.Stage = "storing" // in the build folder, which is locked by now
	progress(p)
	meta := indexMeta{EmbedderID: s.cfg.Embedder.ID(), BuiltAt: time.Now().UTC(), Build: s.build(), Sources: sources, Report: report}
	ix, err := newIndex(ctx, dir, s.cfg.Embedder, chunks, vectors, meta)
	if err != nil {
		lock.release()
		os.RemoveAll(dir)
		return Report{}, fmt.Errorf("reindex: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(s.cfg.DataDir, currentFile), func(f *os.File) error {
		_, err := f.WriteString(name + "\n")
		return err
	}); err != nil {
		lock.release()
		os.RemoveAll(dir)
		return Report{}, fmt.Errorf("reindex: switch to the new index: %w", err)
	}
	s.use(ix, name)
	lock.release()
	s.removeOldIndexes(name)

	p.Stage = "done"
	progress(p)
	s.log.Info("reindex done", "files", report.Files, "chunks", report.Chunks, "embedded", report.Embedded,
		"reused", report.Reused, "skipped", len(report.Skipped), "took", time.Since(started).Round(time.Millisecond))
	return report, nil
}

// chunkAll chunks every document and adds its byline chunk, and lists the
// sources with their chunk counts.
func (s *Store) chunkAll(docs []Document) ([]storedChunk, []SourceStats) {
	var chunks []storedChunk
	sources := make([]SourceStats, 0, len(docs))
	seen := map[string]bool{}
	known := s.knownWindows()
	for _, doc := range docs {
		n := 0
		if b, ok := bylineChunk(doc.Info); ok {
			chunks = append(chunks, b)
			n++
		}
		for _, c := range ChunkDocument(doc, s.cfg.Chunking) {
			if seen[c.ID] {
				continue // the same text twice in one file: once is enough
			}
			seen[c.ID] = true
			windows, ok := known[c.Text]
			if !ok {
				windows = sentenceWindows(c.Text)
			}
			chunks = append(chunks, storedChunk{Chunk: c, SearchText: c.Text, Windows: windows, Breaks: c.Breaks})
			n++
		}
		sources = append(sources, SourceStats{SourceInfo: doc.Info, Chunks: n, Pages: len(doc.Pages), Sections: len(doc.Sections)})
	}
	return chunks, sources
}

// knownWindows returns the search windows of the chunks of the index in
// use, by their text, when this same build of the program made it:
// splitting every chunk into sentences again is a third of a reindex.
func (s *Store) knownWindows() map[string][]text.Span {
	ix := s.current.Load()
	if ix == nil || ix.meta.Build == "" || ix.meta.Build != s.build() {
		return nil
	}
	known := make(map[string][]text.Span, len(ix.chunks))
	for _, c := range ix.chunks {
		if !c.Byline && c.SearchText == c.Text {
			known[c.Text] = c.Windows
		}
	}
	return known
}

// bylineChunk makes a short passage that states a document's title, authors,
// publisher and date, from its manifest entry, so that "Who wrote the
// article on …?" finds the author. It has no offsets in the text (Start and
// End are 0). Documents with no authors, publisher or date get none: their
// title alone is in their first chunk already.
func bylineChunk(info SourceInfo) (storedChunk, bool) {
	if len(info.Authors) == 0 && info.Publisher == "" && info.Date == "" {
		return storedChunk{}, false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "“%s”", info.Title)
	if len(info.Authors) > 0 {
		fmt.Fprintf(&b, " is an article by %s", text.JoinNames(info.Authors))
	} else {
		b.WriteString(" is an article")
	}
	if info.Publisher != "" {
		fmt.Fprintf(&b, ", published by %s", info.Publisher)
	}
	if info.Date != "" {
		fmt.Fprintf(&b, " (%s)", info.Date)
	}
	b.WriteString(".")
	text := b.String()
	// Searched with the words people use to ask for a byline.
	search := text + " Author, writer, written by, wrote, byline, publisher."
	return storedChunk{Chunk: Chunk{ID: chunkID(info.Source, text), Source: info.Source, Title: info.Title, Text: text}, SearchText: search, Byline: true}, true
}

// embedAll returns one vector per chunk, from the cache where the text was
// embedded before, else from the embedder, in batches. The cache is saved
// even when embedding fails half-way, so the work done is not lost.
func (s *Store) embedAll(ctx context.Context, chunks []storedChunk, p *Progress, progress func(Progress)) ([][]float32, error) {
	cache, err := loadEmbeddingCache(cachePath(s.cfg.DataDir, s.cfg.Embedder.ID()))
	if err != nil {
		s.log.Warn("embedding cache unreadable; texts will be embedded again", "err", err)
	}
	vectors := make([][]float32, len(chunks))
	var missing []string // distinct texts to embed
	wanted := map[string]bool{}
	texts := make([]string, len(chunks))
	for i, c := range chunks {
		texts[i] = c.SearchText
		if v, ok := cache.get(c.SearchText); ok {
			vectors[i] = v
			p.Reused++
			continue
		}
		if wanted[c.SearchText] {
			p.Shared++ // the same text as a chunk before it: one vector for both
			continue
		}
		wanted[c.SearchText] = true
		missing = append(missing, c.SearchText)
	}
	p.Stage = "embedding"
	progress(*p)
	for start := 0; start < len(missing); start += embedBatchSize {
		batch := missing[start:min(start+embedBatchSize, len(missing))]
		got, err := s.cfg.Embedder.Embed(ctx, batch)
		if err == nil && len(got) != len(batch) {
			err = fmt.Errorf("the embedder returned %d vectors for %d texts", len(got), len(batch))
		}
		if err != nil {
			if saveErr := cache.save(); saveErr != nil {
				s.log.Warn("could not save the embedding cache", "err", saveErr)
			}
			return nil, fmt.Errorf("embed chunks %d–%d of %d new: %w", start+1, start+len(batch), len(missing), err)
		}
		for i, text := range batch {
			cache.put(text, got[i])
		}
		p.Embedded += len(batch)
		progress(*p)
	}
	for i := range chunks {
		if vectors[i] == nil {
			vectors[i], _ = cache.get(texts[i])
		}
	}
	cache.keepOnly(texts)
	if err := cache.save(); err != nil {
		s.log.Warn("could not save the embedding cache", "err", err)
	}
	return vectors, nil
}

// staleBuildAge is how old an unfinished build must be to be taken for
// the leftover of a crash rather than another process's reindex under way.
const staleBuildAge = time.Hour

// removeOldIndexes deletes the index folders that keep replaces: finished
// builds started before it, and builds left by a crash (see
// removeAbandonedBuilds). Index folders are named by the time their build
// started. An unfinished build whose owner lives is another lectern's
// reindex of the same data folder (a `lectern index` beside a `lectern
// serve`), and a newer finished one that reindex's result: both stay, until
// a later reindex replaces them. An unfinished build that no live process
// holds the lock of but with no PID in its lock file, or with no lock file
// (made before builds had locks), is taken for a crash's once an hour old.
func (s *Store) removeOldIndexes(keep string) {
	s.removeAbandonedBuilds(keep)
	root := filepath.Join(s.cfg.DataDir, indexesFolder)
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	kept, _ := strconv.ParseInt(keep, 10, 64)
	for _, e := range entries {
		if e.Name() == keep {
			continue
		}
		started, err := strconv.ParseInt(e.Name(), 10, 64)
		_, statErr := os.Stat(filepath.Join(root, e.Name(), metaFile))
		finished := statErr == nil
		switch {
		case err != nil: // not a build's name: nothing of ours to keep
		case finished && started > kept:
			continue
		case !finished && ownerAlive(filepath.Join(root, e.Name())):
			continue
		case !finished && time.Since(time.Unix(0, started)) < staleBuildAge:
			continue
		}
		if err := os.RemoveAll(filepath.Join(root, e.Name())); err != nil {
			s.log.Warn("could not remove an old index", "dir", e.Name(), "err", err)
		}
	}
}
