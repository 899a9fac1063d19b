package retrieval

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// ExtractCache keeps the cleaned text of the documents a reindex read, so
// that the next reindex (after an /add, a /remove or an edit of another
// file) reads unchanged files back instead of extracting and cleaning them
// again (a PDF's pages, but also a text file's cleaning, a fifth of a
// reindex at a hundred text files). An entry is found by the file's bytes,
// its extension, the limits it was read under and the version of the
// program that made it: a new build of Lectern, whose extraction or
// cleaning may differ, starts from an empty cache.
//
// It is only a cache: an entry that cannot be read or written is extracted
// again, never an error.
type ExtractCache struct {
	dir string

	versionOnce sync.Once
	version     string // "" when the program's version is unknown: no caching
	readVersion func() (string, error)
}

// NewExtractCache returns the cache kept in dir, with this program's
// executable as its version.
func NewExtractCache(dir string) *ExtractCache {
	return &ExtractCache{dir: dir, readVersion: executableVersion}
}

// newExtractCacheVersion returns a cache in dir whose entries belong to the
// given version (specs use it to stand for a new build).
func newExtractCacheVersion(dir, version string) *ExtractCache {
	return &ExtractCache{dir: dir, readVersion: func() (string, error) { return version, nil }}
}

// executableVersion identifies this build by the hash of its executable.
func executableVersion() (string, error) {
	path, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("find the program's executable: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read the program's executable: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hash the program's executable %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// cacheable reports whether documents are cached.
func (c *ExtractCache) cacheable(name string) bool {
	return c != nil && c.programVersion() != ""
}

// programVersion is the version the entries are made for, read once.
func (c *ExtractCache) programVersion() string {
	c.versionOnce.Do(func() {
		if v, err := c.readVersion(); err == nil {
			c.version = v
		}
	})
	return c.version
}

// key names the entry of one file's bytes read under opts.
func (c *ExtractCache) key(name string, data []byte, opts LoadOptions) string {
	lim := opts.Limits
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", c.programVersion(), strings.ToLower(filepath.Ext(name)))
	for _, n := range []int64{lim.MaxBytes, int64(lim.MaxPages), lim.MaxUncompressed, int64(lim.MaxEntries), int64(lim.MaxDepth)} {
		h.Write([]byte(strconv.FormatInt(n, 10) + "\x00"))
	}
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// path is where the entry of key is kept.
func (c *ExtractCache) path(key string) string {
	return filepath.Join(c.dir, key+".json")
}

// get returns the document kept under key.
func (c *ExtractCache) get(key string) (Document, bool) {
	f, err := os.Open(c.path(key))
	if err != nil {
		return Document{}, false
	}
	defer f.Close()
	var doc Document
	if err := json.NewDecoder(f).Decode(&doc); err != nil || doc.Text == "" {
		return Document{}, false
	}
	return doc, true
}

// put keeps doc under key, written whole or not at all.
func (c *ExtractCache) put(key string, doc Document) {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, key+".*.tmp")
	if err != nil {
		return
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := json.NewEncoder(tmp).Encode(doc); err != nil {
		tmp.Close()
		return
	}
	if err := tmp.Close(); err != nil {
		return
	}
	_ = os.Rename(tmp.Name(), c.path(key))
}

// keepOnly removes every entry but those of keys, so that the cache holds
// no more than the corpus does.
func (c *ExtractCache) keepOnly(keys map[string]bool) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		key, _ := strings.CutSuffix(e.Name(), ".json")
		if !keys[key] { // also the temporary file of a write cut short
			_ = os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}
