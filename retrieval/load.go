package retrieval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/internal/text"
)

// MaxFileSize is the largest corpus file that is indexed unless the
// limits say otherwise; larger ones are skipped and named.
const MaxFileSize = 50 << 20

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

// LoadOptions say how corpus files are read.
type LoadOptions struct {
	// Limits bound each extraction; a zero MaxBytes means MaxFileSize and
	// the other zero fields ingest.DefaultLimits' values.
	Limits ingest.Limits
	// PDF is the engine that reads PDFs, shared by every load of the
	// process (nil: each PDF loads PDFium anew; see ingest.Reader).
	PDF *ingest.PDFEngine
	// Extract turns a file's bytes into a Document and Supported says
	// which files it reads; nil means an ingest.Reader with PDF, and
	// ingest.Supported (tests put a fake extractor here).
	Extract   func(ctx context.Context, name string, data []byte, lim ingest.Limits) (ingest.Document, error)
	Supported func(name string) bool
	// Cache, if not nil, keeps what was extracted from the files that are
	// slow to read (PDF, EPUB, DOCX, HTML) for the next load.
	Cache *ExtractCache
}

// withDefaults fills the zero fields of o.
func (o LoadOptions) withDefaults() LoadOptions {
	def := ingest.DefaultLimits()
	if o.Limits.MaxBytes <= 0 {
		o.Limits.MaxBytes = MaxFileSize
	}
	if o.Limits.MaxPages <= 0 {
		o.Limits.MaxPages = def.MaxPages
	}
	if o.Limits.MaxUncompressed <= 0 {
		o.Limits.MaxUncompressed = def.MaxUncompressed
	}
	if o.Limits.MaxEntries <= 0 {
		o.Limits.MaxEntries = def.MaxEntries
	}
	if o.Limits.MaxDepth <= 0 {
		o.Limits.MaxDepth = def.MaxDepth
	}
	if o.Limits.Timeout <= 0 {
		o.Limits.Timeout = def.Timeout
	}
	if o.Extract == nil {
		pdf := o.PDF
		o.Extract = func(ctx context.Context, name string, data []byte, lim ingest.Limits) (ingest.Document, error) {
			return ingest.Reader{Limits: lim, PDF: pdf}.Extract(ctx, name, data)
		}
	}
	if o.Supported == nil {
		o.Supported = ingest.Supported
	}
	return o
}

// LoadCorpus is LoadCorpusWith with the default LoadOptions.
func LoadCorpus(ctx context.Context, dir string) ([]Document, []Skipped, error) {
	return LoadCorpusWith(ctx, dir, LoadOptions{})
}

// LoadCorpusWith reads every supported file directly in dir as LoadCorpus
// does, with the limits, extractor and cache of opts.
func LoadCorpusWith(ctx context.Context, dir string, opts LoadOptions) ([]Document, []Skipped, error) {
	opts = opts.withDefaults()
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
	infos, skipped := readManifest(filepath.Join(root, ManifestFile))
	present := map[string]bool{}
	used := map[string]bool{} // the cache entries this corpus still needs
	var docs []Document
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("load corpus %s: %w", dir, err)
		}
		name := e.Name()
		present[name] = true
		switch {
		case strings.HasPrefix(name, ".") || name == ManifestFile:
			continue
		case e.IsDir():
			skipped = append(skipped, Skipped{Path: name, Reason: "a folder: only the files directly in the corpus folder are read"})
			continue
		case !opts.Supported(name):
			skipped = append(skipped, Skipped{Path: name, Reason: "only " + supportedKinds() + " files are read"})
			continue
		}
		doc, reason := loadFile(ctx, root, name, opts, used)
		if reason != "" {
			skipped = append(skipped, Skipped{Path: name, Reason: reason})
			continue
		}
		doc.Info = withDocumentMeta(infos[name], doc.Info)
		if doc.Info.Title == "" {
			doc.Info.Title = firstLine(doc.Text)
		}
		doc.Info.Source = name
		docs = append(docs, doc)
	}
	for _, file := range slices.Sorted(maps.Keys(infos)) {
		if !present[file] {
			skipped = append(skipped, Skipped{Path: file, Reason: "listed in " + ManifestFile + " but not in the corpus folder"})
		}
	}
	if opts.Cache != nil {
		opts.Cache.keepOnly(used)
	}
	slices.SortFunc(docs, func(a, b Document) int { return strings.Compare(a.Info.Source, b.Info.Source) })
	return docs, skipped, nil
}

// supportedKinds lists the extensions ingest reads: ".md, .pdf and .txt".
func supportedKinds() string {
	exts := slices.Clone(ingest.Extensions())
	slices.Sort(exts)
	return text.JoinNames(exts)
}

// isPlainText reports whether a file is read as text as it stands (.txt,
// .md), whose bytes the loader checks itself, as it always has.
func isPlainText(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".md"
}

// loadFile reads, extracts and cleans one file, or says why it cannot be
// used. Its Info holds what the document says about itself. A document
// found in opts.Cache is not extracted again; the key of every cache entry
// read or written is added to used.
func loadFile(ctx context.Context, root, name string, opts LoadOptions, used map[string]bool) (Document, string) {
	data, reason := readCorpusFile(root, name, opts.Limits.MaxBytes)
	if reason != "" {
		return Document{}, reason
	}
	cache := opts.Cache
	if !cache.cacheable(name) {
		return ExtractDocument(ctx, name, data, opts)
	}
	key := cache.key(name, data, opts)
	if doc, ok := cache.get(key); ok {
		used[key] = true
		return doc, ""
	}
	doc, reason := ExtractDocument(ctx, name, data, opts)
	if reason != "" {
		return Document{}, reason // a broken file is tried again next time
	}
	cache.put(key, doc)
	used[key] = true
	return doc, ""
}

// ExtractDocument extracts and cleans one file's bytes as LoadCorpus does,
// or says why it cannot be used: the Document has its cleaned text, its
// pages or sections and, in Info, the metadata the file states (no Source).
func ExtractDocument(ctx context.Context, name string, data []byte, opts LoadOptions) (Document, string) {
	opts = opts.withDefaults()
	lim := opts.Limits
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return Document{}, "empty"
	case isPlainText(name) && bytes.IndexByte(data, 0) >= 0:
		return Document{}, "binary (contains NUL bytes)"
	case isPlainText(name) && !utf8.Valid(data):
		return Document{}, "not UTF-8 text"
	case lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes:
		return Document{}, fmt.Sprintf("too large (%d bytes; the limit is %d)", len(data), lim.MaxBytes)
	}
	if !opts.Supported(name) {
		return Document{}, "only " + supportedKinds() + " files are read"
	}
	extracted, err := opts.Extract(ctx, name, data, lim)
	if err != nil {
		return Document{}, err.Error()
	}
	text, pages, sections := cleanDocument(extracted)
	if strings.TrimSpace(text) == "" {
		return Document{}, "no text left after cleaning"
	}
	m := extracted.Meta
	info := SourceInfo{Title: firstLine(m.Title), Authors: m.Authors, Publisher: m.Publisher, Date: m.Date, URL: m.URL}
	return Document{Info: info, Text: text, Pages: pages, Sections: sections}, ""
}

// withDocumentMeta fills what the manifest entry leaves empty from what the
// document says about itself.
func withDocumentMeta(entry, doc SourceInfo) SourceInfo {
	if entry.Title == "" {
		entry.Title = doc.Title
	}
	if len(entry.Authors) == 0 {
		entry.Authors = doc.Authors
	}
	if entry.Publisher == "" {
		entry.Publisher = doc.Publisher
	}
	if entry.Date == "" {
		entry.Date = doc.Date
	}
	if entry.URL == "" {
		entry.URL = doc.URL
	}
	return entry
}

// readCorpusFile returns the bytes of one file, or why it cannot be used.
func readCorpusFile(root, name string, maxBytes int64) ([]byte, string) {
	path := filepath.Join(root, name)
	resolved, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, fmt.Sprintf("cannot follow link: %v", unwrapPathError(err))
	}
	if rel, err := filepath.Rel(root, resolved); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, "link leads outside the corpus folder"
	}
	st, err := os.Stat(resolved)
	if err != nil {
		return nil, fmt.Sprintf("unreadable: %v", unwrapPathError(err))
	}
	if !st.Mode().IsRegular() {
		return nil, "not a regular file"
	}
	if st.Size() > maxBytes {
		return nil, fmt.Sprintf("too large (%d bytes; the limit is %d)", st.Size(), maxBytes)
	}
	data, err := os.ReadFile(resolved)
	if err != nil {
		return nil, fmt.Sprintf("unreadable: %v", unwrapPathError(err))
	}
	return data, ""
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

// manifestKeys are the keys a manifest entry may have.
var manifestKeys = []string{"file", "title", "authors", "publisher", "date", "url"}

// readManifest reads sources.toml into SourceInfos by file name. A missing
// manifest is no error. What is wrong with it is returned as Skipped
// entries: a manifest that cannot be read at all, and each unknown key (a
// typo such as "titel"), named with the entry it is in.
func readManifest(path string) (map[string]SourceInfo, []Skipped) {
	infos := map[string]SourceInfo{}
	var m manifest
	md, err := toml.DecodeFile(path, &m)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return infos, nil
		}
		return infos, []Skipped{{Path: ManifestFile, Reason: fmt.Sprintf("broken manifest, titles taken from the texts: %v", unwrapPathError(err))}}
	}
	problems := unknownKeys(path, md)
	for _, e := range m.Sources {
		if e.File == "" {
			continue
		}
		infos[e.File] = SourceInfo{Source: e.File, Title: strings.TrimSpace(e.Title), Authors: e.Authors,
			Publisher: e.Publisher, Date: e.Date, URL: e.URL}
	}
	return infos, problems
}

// unknownKeys names each key of the manifest that is not one of
// manifestKeys (a typo such as "titel"), with the entry it is in.
func unknownKeys(path string, md toml.MetaData) []Skipped {
	undecoded := md.Undecoded()
	if len(undecoded) == 0 {
		return nil
	}
	known := "an entry's keys are " + strings.Join(manifestKeys, ", ")
	var out []Skipped
	for _, key := range undecoded {
		if len(key) > 0 && key[0] == "source" {
			continue // named below, with their entries
		}
		out = append(out, Skipped{Path: ManifestFile, Reason: fmt.Sprintf("unknown key %q (a typo?): the manifest holds [[source]] entries; %s", key.String(), known)})
	}
	// toml.Key names no array index: the raw entries say which one holds it.
	var raw struct {
		Sources []map[string]any `toml:"source"`
	}
	if _, err := toml.DecodeFile(path, &raw); err != nil {
		return out
	}
	for i, entry := range raw.Sources {
		which := fmt.Sprintf("entry %d", i+1)
		if file, ok := entry["file"].(string); ok && file != "" {
			which = "the entry for " + file
		}
		for _, k := range slices.Sorted(maps.Keys(entry)) {
			if !slices.Contains(manifestKeys, k) {
				out = append(out, Skipped{Path: ManifestFile, Reason: fmt.Sprintf("unknown key %q in %s (a typo?): %s", k, which, known)})
			}
		}
	}
	return out
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
