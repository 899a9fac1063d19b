package retrieval

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// embeddingCache remembers the vector of every text one embedder has
// embedded, so that an unchanged chunk is never sent to the embedder again,
// across reindexes and restarts. There is one cache file per embedder ID:
// a change of embedder or model starts from an empty cache.
type embeddingCache struct {
	path    string
	mu      sync.Mutex
	vectors map[string][]float32 // by textKey
}

// cachePath names the cache file of one embedder under the data directory.
func cachePath(dataDir, embedderID string) string {
	sum := sha256.Sum256([]byte(embedderID))
	return filepath.Join(dataDir, "cache", "embeddings-"+hex.EncodeToString(sum[:8])+".gob")
}

// textKey identifies a text in the cache.
func textKey(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// loadEmbeddingCache reads the cache at path; a missing file is an empty
// cache, and so is an unreadable one (it is only a cache: the loss costs
// one re-embedding, and the error is returned for the log).
func loadEmbeddingCache(path string) (*embeddingCache, error) {
	c := &embeddingCache{path: path, vectors: map[string][]float32{}}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("open embedding cache %s: %w", path, err)
	}
	defer f.Close()
	if err := gob.NewDecoder(f).Decode(&c.vectors); err != nil {
		c.vectors = map[string][]float32{}
		return c, fmt.Errorf("read embedding cache %s (starting afresh): %w", path, err)
	}
	return c, nil
}

// get returns the cached vector of text.
func (c *embeddingCache) get(text string) ([]float32, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vectors[textKey(text)]
	return v, ok
}

// put remembers the vector of text.
func (c *embeddingCache) put(text string, v []float32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.vectors[textKey(text)] = v
}

// keepOnly drops every vector whose text is not in texts, so the cache does
// not grow without bound as the corpus changes.
func (c *embeddingCache) keepOnly(texts []string) {
	keep := make(map[string]struct{}, len(texts))
	for _, t := range texts {
		keep[textKey(t)] = struct{}{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.vectors {
		if _, ok := keep[k]; !ok {
			delete(c.vectors, k)
		}
	}
}

// save writes the cache atomically: to a temporary file, then renamed.
func (c *embeddingCache) save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return writeFileAtomic(c.path, func(f *os.File) error {
		return gob.NewEncoder(f).Encode(c.vectors)
	})
}

// writeFileAtomic writes path through a temporary file in the same folder
// that is synced and renamed over path, so readers see the old file or the
// whole new one, never half of it.
func writeFileAtomic(path string, write func(f *os.File) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create folder for %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create temporary file for %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return nil
}
