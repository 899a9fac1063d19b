package retrieval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxFileSize is the largest corpus file that is indexed; larger ones are
// skipped and named.
const MaxFileSize = 5 << 20

// ManifestFile is the optional file, beside the texts, that gives each
// text's title, authors, publisher and date.
const ManifestFile = "sources.toml"

// manifest is the content of sources.toml.
type manifest struct {
	Sources []manifestEntry `toml:"source"`
}

// manifestEntry describes one file of the corpus.
type manifestEntry struct {
	File      string   `toml:"file"`
	Title     string   `toml:"title"`
	Authors   []string `toml:"authors"`
	Publisher string   `toml:"publisher"`
	Date      string   `toml:"date"`
	URL       string   `toml:"url"`
}

// LoadCorpus reads and cleans every .txt and .md file in dir, in name order.
// A file that cannot be used (not UTF-8, empty, binary, over MaxFileSize, a
// link leading outside dir, unreadable), a file of another kind and a
// folder are skipped and named with the reason, never fatal (hidden files
// and the manifest are passed over without a word); so is a broken
// manifest, whose files then take their titles from their text. Only a
// missing or unreadable dir is an error.
func LoadCorpus(ctx context.Context, dir string) ([]Document, []Skipped, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("load corpus %s: %w", dir, err)
	}
	// Links are judged against the folder's real path: a corpus reached
	// through a link (or under one, as macOS's /var is) holds its own files.
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, nil, fmt.Errorf("load corpus %s: %w", dir, err)
	}
	var skipped []Skipped
	infos, err := readManifest(filepath.Join(root, ManifestFile))
	if err != nil {
		skipped = append(skipped, Skipped{Path: ManifestFile, Reason: err.Error()})
	}
	var docs []Document
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("load corpus %s: %w", dir, err)
		}
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		switch {
		case strings.HasPrefix(name, ".") || name == ManifestFile:
			continue
		case e.IsDir():
			skipped = append(skipped, Skipped{Path: name, Reason: "a folder: only the files directly in the corpus folder are read"})
			continue
		case ext != ".txt" && ext != ".md":
			skipped = append(skipped, Skipped{Path: name, Reason: "only .txt and .md files are read"})
			continue
		}
		text, reason := readCorpusFile(root, name)
		if reason != "" {
			skipped = append(skipped, Skipped{Path: name, Reason: reason})
			continue
		}
		cleaned := Clean(text)
		if strings.TrimSpace(cleaned) == "" {
			skipped = append(skipped, Skipped{Path: name, Reason: "no text left after cleaning"})
			continue
		}
		info, ok := infos[name]
		if !ok || info.Title == "" {
			info.Title = firstLine(cleaned)
		}
		info.Source = name
		docs = append(docs, Document{Info: info, Text: cleaned})
	}
	slices.SortFunc(docs, func(a, b Document) int { return strings.Compare(a.Info.Source, b.Info.Source) })
	return docs, skipped, nil
}

// readCorpusFile returns the text of one file, or why it cannot be used.
func readCorpusFile(root, name string) (string, string) {
	path := filepath.Join(root, name)
	resolved, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Sprintf("cannot follow link: %v", unwrapPathError(err))
	}
	if rel, err := filepath.Rel(root, resolved); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", "link leads outside the corpus folder"
	}
	st, err := os.Stat(resolved)
	if err != nil {
		return "", fmt.Sprintf("unreadable: %v", unwrapPathError(err))
	}
	if !st.Mode().IsRegular() {
		return "", "not a regular file"
	}
	if st.Size() > MaxFileSize {
		return "", fmt.Sprintf("too large (%d bytes; the limit is %d)", st.Size(), MaxFileSize)
	}
	data, err := os.ReadFile(resolved)
	if err != nil {
		return "", fmt.Sprintf("unreadable: %v", unwrapPathError(err))
	}
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", "empty"
	case bytes.IndexByte(data, 0) >= 0:
		return "", "binary (contains NUL bytes)"
	case !utf8.Valid(data):
		return "", "not UTF-8 text"
	}
	return string(data), ""
}

// unwrapPathError drops the path from an *fs.PathError, which the report
// names already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readManifest reads sources.toml into SourceInfos by file name. A missing
// manifest is no error.
func readManifest(path string) (map[string]SourceInfo, error) {
	infos := map[string]SourceInfo{}
	var m manifest
	if _, err := toml.DecodeFile(path, &m); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return infos, nil
		}
		return infos, fmt.Errorf("broken manifest, titles taken from the texts: %w", unwrapPathError(err))
	}
	for _, e := range m.Sources {
		if e.File == "" {
			continue
		}
		infos[e.File] = SourceInfo{Source: e.File, Title: strings.TrimSpace(e.Title), Authors: e.Authors,
			Publisher: e.Publisher, Date: e.Date, URL: e.URL}
	}
	return infos, nil
}

// firstLine is the first non-empty line of text, cut to 120 characters at
// a word boundary: the title of a document without a manifest entry.
func firstLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) <= 120 {
			return line
		}
		runes := []rune(line)[:120]
		cut := string(runes)
		if i := strings.LastIndexByte(cut, ' '); i > 40 {
			cut = cut[:i]
		}
		return cut + "…"
	}
	return ""
}
