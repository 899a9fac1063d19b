package retrieval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// StoreConfig says where a Store keeps its data and how it builds indexes.
type StoreConfig struct {
	// DataDir holds the indexes and the embedding cache.
	DataDir string
	// CorpusDir is the folder of files to index (those ingest reads).
	CorpusDir string
	// Embedder turns chunks and questions into vectors.
	Embedder Embedder
	// Chunking sizes the chunks; the zero value means DefaultChunkOptions().
	Chunking ChunkOptions
	// Load says how the corpus files are read: limits and extractor.
	Load LoadOptions
	// Logger receives what the store does; nil means nowhere.
	Logger *slog.Logger
	// Synonyms stand in for question words that no passage uses; nil
	// means the built-in table (WordNetSynonyms, parsed at the first
	// search), an empty table none.
	Synonyms Synonyms
}

// Store serves searches from the current index and builds new ones. A new
// index is built beside the current one and replaces it only once complete,
// so searches never see half an index and a failed reindex changes nothing.
// A Store is safe for concurrent use.
type Store struct {
	cfg     StoreConfig
	log     *slog.Logger
	current atomic.Pointer[index]
	// currentName is the folder under indexes/ of the current index.
	currentName atomic.Pointer[string]
	notReady    atomic.Pointer[error] // why there is no current index, when there is none
	reindexMu   sync.Mutex
	editMu      sync.Mutex // one Add or Remove at a time
	// build identifies this program (executableVersion), read at the first
	// reindex; "" when unknown.
	build func() string
}

// Files and folders under the data directory.
const (
	currentFile   = "current" // names the folder of the index in use
	indexesFolder = "indexes"
)

// OpenStore opens the index in cfg.DataDir, if one was built. A store with
// no usable index still opens: Ready says why, and Reindex builds one.
func OpenStore(ctx context.Context, cfg StoreConfig) (*Store, error) {
	if cfg.Embedder == nil {
		return nil, errors.New("open store: no embedder configured")
	}
	if cfg.DataDir == "" {
		return nil, errors.New("open store: no data directory configured")
	}
	if cfg.Chunking == (ChunkOptions{}) {
		cfg.Chunking = DefaultChunkOptions()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Store{cfg: cfg, log: cfg.Logger, build: sync.OnceValue(func() string {
		v, _ := executableVersion()
		return v
	})}
	if cache := cfg.Load.Cache; cache != nil {
		s.build = cache.programVersion // the executable is hashed once, not twice
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: create data directory: %w", err)
	}
	s.setNotReady(ErrNoIndex)
	// Builds left by a process that died (a crash loop) go now, not at
	// the next successful reindex.
	inUse := ""
	if raw, err := os.ReadFile(filepath.Join(cfg.DataDir, currentFile)); err == nil {
		inUse = filepath.Base(strings.TrimSpace(string(raw)))
	}
	if n := s.removeAbandonedBuilds(inUse); n > 0 {
		s.log.Info("removed builds left by processes that are gone", "builds", n)
	}
	if _, err := s.Reload(); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}

// Reload switches to the index that the data directory's current file
// names, when it is not the one in use: another process (`lectern index`
// beside a running `lectern serve`) built it. It reports whether it
// switched. An index that cannot be used is logged and left alone; the
// one in use stays. Only a current file that cannot be read is an error.
func (s *Store) Reload() (bool, error) {
	raw, err := os.ReadFile(filepath.Join(s.cfg.DataDir, currentFile))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read current index name: %w", err)
	}
	name := filepath.Base(strings.TrimSpace(string(raw)))
	if loaded := s.currentName.Load(); loaded != nil && *loaded == name && s.current.Load() != nil {
		return false, nil
	}
	dir := filepath.Join(s.cfg.DataDir, indexesFolder, name)
	ix, err := loadIndex(dir, s.cfg.Embedder)
	if err != nil {
		s.log.Warn("the index on disk cannot be loaded; reindex to rebuild it", "dir", dir, "err", err)
		if s.current.Load() == nil {
			s.setNotReady(fmt.Errorf("the index on disk cannot be loaded (%v): run `lectern index`", err))
		}
		return false, nil
	}
	if ix.meta.EmbedderID != s.cfg.Embedder.ID() {
		s.log.Warn("the index on disk was built with another embedder; reindex to rebuild it", "dir", dir, "built_with", ix.meta.EmbedderID, "configured", s.cfg.Embedder.ID())
		if s.current.Load() == nil {
			s.setNotReady(fmt.Errorf("the index was built with embedder %q but %q is configured: run `lectern index`", ix.meta.EmbedderID, s.cfg.Embedder.ID()))
		}
		return false, nil
	}
	s.use(ix, name)
	s.log.Debug("index loaded", "dir", dir, "chunks", len(ix.chunks))
	return true, nil
}

// use makes ix, stored under indexes/name, the index searched.
func (s *Store) use(ix *index, name string) {
	s.current.Store(ix)
	s.currentName.Store(&name)
}

// IndexName names the index searched now (its folder under indexes/), or
// is "" before any index is built: it changes whenever a reindex, an add,
// a remove or a reload switches the store to another index.
func (s *Store) IndexName() string {
	if name := s.currentName.Load(); name != nil {
		return *name
	}
	return ""
}

func (s *Store) setNotReady(err error) { s.notReady.Store(&err) }

// Ready returns nil when the store has an index to search, else why not.
func (s *Store) Ready() error {
	if s.current.Load() != nil {
		return nil
	}
	return *s.notReady.Load()
}

// Search returns the k passages that best match query, best first: vector
// similarity and BM25 over the same chunks, fused by reciprocal rank. A
// query with no searchable terms (see Searchable) finds none.
func (s *Store) Search(ctx context.Context, query string, k int) ([]Passage, error) {
	ix := s.current.Load()
	if ix == nil {
		return nil, s.Ready()
	}
	if !Searchable(query) {
		return nil, nil // nothing to embed either (see index.search)
	}
	vectors, err := s.cfg.Embedder.Embed(ctx, []string{query})
	if err != nil {
		return nil, fmt.Errorf("embed the question: %w", err)
	}
	if len(vectors) != 1 {
		return nil, fmt.Errorf("embed the question: got %d vectors for 1 text", len(vectors))
	}
	synonyms := s.cfg.Synonyms
	if synonyms == nil {
		// Parsed at the first search of the process, not when the store
		// opens: `lectern index` and `lectern sources` never need it.
		if synonyms, err = WordNetSynonyms(); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	return ix.search(ctx, query, vectors[0], k, synonyms)
}

// Sources lists the documents of the current index, in file name order.
func (s *Store) Sources() []SourceStats {
	ix := s.current.Load()
	if ix == nil {
		return nil
	}
	return append([]SourceStats(nil), ix.meta.Sources...)
}
