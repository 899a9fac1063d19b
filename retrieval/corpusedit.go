package retrieval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// ManifestEntry is what `lectern add` writes into sources.toml for a new
// document: its file and whatever the person adding it said about it.
type ManifestEntry struct {
	File      string   `toml:"file"`
	Title     string   `toml:"title,omitempty"`
	Authors   []string `toml:"authors,omitempty"`
	Publisher string   `toml:"publisher,omitempty"`
	Date      string   `toml:"date,omitempty"`
	URL       string   `toml:"url,omitempty"`
}

// RefusedError is a document that Add would not take, and why: a sentence
// to show whoever tried to add it.
type RefusedError struct {
	Name   string
	Reason string
}

// Error is "name: reason".
func (e *RefusedError) Error() string { return e.Name + ": " + e.Reason }

// AmbiguousError is a Remove whose SOURCE names no document of the reading
// list, or more than one.
type AmbiguousError struct {
	Query   string
	Matches []SourceStats // empty: none matched
}

// Error names the query and lists what it matched.
func (e *AmbiguousError) Error() string {
	if len(e.Matches) == 0 {
		return fmt.Sprintf("no source of the reading list is %q or has it in its title", e.Query)
	}
	var names []string
	for _, m := range e.Matches {
		names = append(names, fmt.Sprintf("%s (%s)", m.Title, m.Source))
	}
	return fmt.Sprintf("%q matches %d sources: %s; give the file name", e.Query, len(e.Matches), strings.Join(names, "; "))
}

// Added is what Add added: the source as indexed, and the reindex's report.
type Added struct {
	Source SourceStats
	Report Report
}

// Add puts a document into the reading list: it extracts data first (a
// file ingest cannot read, or one without text, is refused with a
// *RefusedError before anything is written), saves it in the corpus folder
// under name (or name-2, name-3 … when another file has that name), writes
// its manifest entry when entry says more than the file, and reindexes.
// Only the new document's chunks are embedded: every other chunk's vector
// comes from the embedding cache. Searches go on from the old index
// meanwhile. If the reindex fails, the file and its entry are taken out
// again.
func (s *Store) Add(ctx context.Context, name string, data []byte, entry ManifestEntry, progress func(Progress)) (Added, error) {
	s.editMu.Lock()
	defer s.editMu.Unlock()
	name = filepath.Base(strings.TrimSpace(name))
	switch {
	case name == "." || name == string(filepath.Separator) || name == "":
		return Added{}, &RefusedError{Name: "(no name)", Reason: "the document has no file name"}
	case strings.HasPrefix(name, ".") || name == ManifestFile:
		return Added{}, &RefusedError{Name: name, Reason: "a hidden file or the manifest cannot be added"}
	}
	opts := s.cfg.Load.withDefaults()
	if !opts.Supported(name) {
		return Added{}, &RefusedError{Name: name, Reason: "unsupported file type: only " + supportedKinds() + " files are read"}
	}
	if _, reason := ExtractDocument(ctx, name, data, opts); reason != "" {
		return Added{}, &RefusedError{Name: name, Reason: reason}
	}
	if err := os.MkdirAll(s.cfg.CorpusDir, 0o755); err != nil {
		return Added{}, fmt.Errorf("add %s: %w", name, err)
	}
	name, err := s.freeName(name, data)
	if err != nil {
		return Added{}, err
	}
	path := filepath.Join(s.cfg.CorpusDir, name)
	if err := writeHiddenThenRename(path, data); err != nil {
		return Added{}, fmt.Errorf("add %s: %w", name, err)
	}
	entry.File = name
	wroteEntry := false
	if entry.Title != "" || len(entry.Authors) > 0 || entry.Publisher != "" || entry.Date != "" || entry.URL != "" {
		if err := appendManifestEntry(filepath.Join(s.cfg.CorpusDir, ManifestFile), entry); err != nil {
			os.Remove(path)
			return Added{}, fmt.Errorf("add %s: %w", name, err)
		}
		wroteEntry = true
	}
	report, err := s.Reindex(ctx, progress)
	if err != nil {
		os.Remove(path)
		if wroteEntry {
			if _, rerr := removeManifestEntry(filepath.Join(s.cfg.CorpusDir, ManifestFile), name); rerr != nil {
				s.log.Warn("could not take the entry of a document not added out of the manifest", "file", name, "err", rerr)
			}
		}
		return Added{}, fmt.Errorf("add %s: %w", name, err)
	}
	for _, st := range s.Sources() {
		if st.Source == name {
			return Added{Source: st, Report: report}, nil
		}
	}
	reason := "it was not indexed"
	for _, sk := range report.Skipped {
		if sk.Path == name {
			reason = sk.Reason
		}
	}
	return Added{Report: report}, &RefusedError{Name: name, Reason: reason}
}

// freeName is name, or name-2, name-3 … when the corpus folder has another
// file of that name; the same bytes under that name already are an error.
func (s *Store) freeName(name string, data []byte) (string, error) {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 1000; n++ {
		candidate := name
		if n > 1 {
			candidate = stem + "-" + strconv.Itoa(n) + ext
		}
		existing, err := os.ReadFile(filepath.Join(s.cfg.CorpusDir, candidate))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return candidate, nil
		case err == nil && bytes.Equal(existing, data):
			return "", &RefusedError{Name: name, Reason: "already in the reading list as " + candidate}
		}
	}
	return "", &RefusedError{Name: name, Reason: "too many files of that name in the corpus folder"}
}

// Removed is what Remove took out.
type Removed struct {
	Source SourceStats
	Report Report
}

// Remove takes a document out of the reading list: its file and its
// manifest entry, then reindexes. source is the file name or a part of
// its title (any case) that only one document's title holds; anything else
// is an *AmbiguousError listing the matches.
func (s *Store) Remove(ctx context.Context, source string, progress func(Progress)) (Removed, error) {
	s.editMu.Lock()
	defer s.editMu.Unlock()
	match, err := s.FindSource(source)
	if err != nil {
		return Removed{}, err
	}
	path := filepath.Join(s.cfg.CorpusDir, match.Source)
	if filepath.Base(match.Source) != match.Source || strings.HasPrefix(match.Source, ".") {
		return Removed{}, fmt.Errorf("remove %s: not a file of the corpus folder", match.Source)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Removed{}, fmt.Errorf("remove %s: %w", match.Source, unwrapPathError(err))
	}
	if _, err := removeManifestEntry(filepath.Join(s.cfg.CorpusDir, ManifestFile), match.Source); err != nil {
		return Removed{}, fmt.Errorf("remove %s from %s: %w", match.Source, ManifestFile, err)
	}
	report, err := s.Reindex(ctx, progress)
	if err != nil {
		return Removed{Source: match}, fmt.Errorf("remove %s: the file is gone but the index still holds it: %w", match.Source, err)
	}
	return Removed{Source: match, Report: report}, nil
}

// FindSource finds the document of the reading list that source names: by
// its file name, else by a part of its title held by one title only.
func (s *Store) FindSource(source string) (SourceStats, error) {
	query := strings.TrimSpace(source)
	list := s.Sources()
	for _, st := range list {
		if st.Source == query {
			return st, nil
		}
	}
	if query != "" {
		// A file of the folder that is not indexed (skipped) can go too.
		if st, err := os.Stat(filepath.Join(s.cfg.CorpusDir, query)); err == nil && st.Mode().IsRegular() &&
			filepath.Base(query) == query && !strings.HasPrefix(query, ".") && query != ManifestFile {
			return SourceStats{SourceInfo: SourceInfo{Source: query, Title: query}}, nil
		}
	}
	var matches []SourceStats
	if q := strings.ToLower(query); q != "" {
		for _, st := range list {
			if strings.Contains(strings.ToLower(st.Title), q) || strings.Contains(strings.ToLower(st.Source), q) {
				matches = append(matches, st)
			}
		}
	}
	if len(matches) == 1 {
		return matches[0], nil
	}
	return SourceStats{}, &AmbiguousError{Query: query, Matches: matches}
}

// writeHiddenThenRename writes data to path through a hidden temporary file
// in the same folder (which LoadCorpus passes over), so that the file
// appears whole or not at all.
func writeHiddenThenRename(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".lectern-tmp-*")
	if err != nil {
		return fmt.Errorf("create temporary file for %s: %w", filepath.Base(path), err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("sync %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s: %w", filepath.Base(path), err)
	}
	return nil
}

// appendManifestEntry adds an entry at the end of the manifest, leaving
// the rest of the file (its comments too) as it was.
func appendManifestEntry(path string, entry ManifestEntry) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read %s: %w", ManifestFile, unwrapPathError(err))
	}
	var b bytes.Buffer
	b.Write(old)
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		b.WriteString("\n")
	}
	if len(old) > 0 {
		b.WriteString("\n")
	}
	var enc bytes.Buffer
	if err := toml.NewEncoder(&enc).Encode(struct {
		Source []ManifestEntry `toml:"source"`
	}{[]ManifestEntry{entry}}); err != nil {
		return fmt.Errorf("write the entry for %s: %w", entry.File, err)
	}
	for line := range strings.SplitSeq(strings.TrimSpace(enc.String()), "\n") {
		b.WriteString(strings.TrimSpace(line) + "\n")
	}
	if err := checkManifest(b.Bytes()); err != nil {
		return err
	}
	return writeHiddenThenRename(path, b.Bytes())
}

// entryHeader matches the line that starts a manifest entry.
var entryHeader = regexp.MustCompile(`(?m)^[ \t]*\[\[[ \t]*source[ \t]*\]\][ \t]*(#.*)?$`)

// removeManifestEntry takes the entries for file out of the manifest: each
// runs from its [[source]] line to the next one (or the end), comments
// included; the rest of the file stays as it was. It reports whether there
// was one.
func removeManifestEntry(path, file string) (bool, error) {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", ManifestFile, unwrapPathError(err))
	}
	starts := entryHeader.FindAllIndex(old, -1)
	var out []byte
	removed := false
	last := 0
	for i, st := range starts {
		end := len(old)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		var one manifest
		if _, err := toml.Decode(string(old[st[0]:end]), &one); err != nil || len(one.Sources) != 1 || one.Sources[0].File != file {
			continue
		}
		out = append(out, old[last:st[0]]...)
		last = end
		removed = true
	}
	if !removed {
		return false, nil
	}
	out = append(out, old[last:]...)
	out = append(bytes.TrimRight(out, "\n"), '\n')
	if err := checkManifest(out); err != nil {
		return false, err
	}
	return true, writeHiddenThenRename(path, out)
}

// checkManifest refuses to write a manifest that does not parse.
func checkManifest(data []byte) error {
	var m manifest
	if _, err := toml.Decode(string(data), &m); err != nil {
		return fmt.Errorf("the edited %s would not parse, left as it was: %w", ManifestFile, err)
	}
	return nil
}
