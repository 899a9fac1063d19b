package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/retrieval"
)

// addOptions are what `lectern add` is told about the document beside
// where it is.
type addOptions struct {
	Title   string
	Authors []string
}

// fetchFunc downloads a document; ingest.Fetch is the one used.
type fetchFunc func(ctx context.Context, rawURL string, opts ingest.FetchOptions) (ingest.FetchedFile, error)

// runAdd adds a file or the document at a URL to the reading list and
// reindexes, embedding only the new document; it prints what was added.
func runAdd(ctx context.Context, a *app, target string, opts addOptions, stdout io.Writer) error {
	return addDocument(ctx, a, target, opts, ingest.Fetch, stdout)
}

// addDocument is runAdd with the fetcher given.
func addDocument(ctx context.Context, a *app, target string, opts addOptions, fetch fetchFunc, stdout io.Writer) error {
	target = strings.TrimSpace(target)
	entry := retrieval.ManifestEntry{Title: strings.TrimSpace(opts.Title)}
	for _, au := range opts.Authors {
		if au = strings.TrimSpace(au); au != "" {
			entry.Authors = append(entry.Authors, au)
		}
	}
	var name string
	var data []byte
	if scheme, _, ok := strings.Cut(target, "://"); ok && !isURL(target) && !strings.ContainsAny(scheme, `/\`) {
		return fmt.Errorf("not added: %s: only http and https URLs are fetched", target)
	}
	if isURL(target) {
		f, err := fetch(ctx, target, fetchOptions(a.cfg.Ingest))
		if err != nil {
			return fmt.Errorf("fetch %s: %w", target, err)
		}
		name, data, entry.URL = f.Name, f.Data, f.URL
		if entry.URL == "" {
			entry.URL = target
		}
	} else {
		var err error
		if name, data, err = readLocalFile(target, a.cfg.Ingest.MaxFileBytes()); err != nil {
			return err
		}
	}
	added, err := a.store.Add(ctx, name, data, entry, nil)
	if err != nil {
		var refused *retrieval.RefusedError
		if errors.As(err, &refused) {
			return fmt.Errorf("not added: %w", err)
		}
		return err
	}
	_, err = fmt.Fprintf(stdout, "Added %s (%s): %s.\n", quoted(added.Source.Title), added.Source.Source, addedExtent(added.Source))
	return err
}

// addedExtent is "23 pages, 61 passages" or "61 passages".
func addedExtent(s retrieval.SourceStats) string {
	passages := fmt.Sprintf("%d passages", s.Chunks)
	if s.Chunks == 1 {
		passages = "1 passage"
	}
	return joinNonEmpty(s.Extent(), passages)
}

// quoted puts a title in typographic quotes.
func quoted(title string) string { return "“" + title + "”" }

// isURL reports whether target is an http or https URL rather than a path.
func isURL(target string) bool {
	u, err := url.Parse(target)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// readLocalFile reads a file to add, refusing what is not a regular file
// or is over the size limit before reading it.
func readLocalFile(path string, maxBytes int64) (string, []byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", nil, fmt.Errorf("add %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return "", nil, fmt.Errorf("add %s: not a regular file", path)
	}
	if st.Size() > maxBytes {
		return "", nil, fmt.Errorf("not added: %s: too large (%d bytes; the limit is %d, [ingest] max_file_mb)", filepath.Base(path), st.Size(), maxBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, fmt.Errorf("add %s: %w", path, err)
	}
	return filepath.Base(path), data, nil
}

// runRemove takes a document out of the reading list and reindexes.
func runRemove(ctx context.Context, a *app, source string, stdout io.Writer) error {
	if err := a.ensureIndex(ctx); err != nil { // the titles to match are the index's
		return err
	}
	removed, err := a.store.Remove(ctx, source, nil)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "Removed %s (%s).\n", quoted(removed.Source.Title), removed.Source.Source)
	return err
}

// ingestLimits are the extraction limits the [ingest] section sets.
func ingestLimits(cfg config.Ingest) ingest.Limits {
	lim := ingest.DefaultLimits()
	lim.MaxBytes = cfg.MaxFileBytes()
	lim.MaxPages = cfg.MaxPages
	return lim
}

// fetchOptions are the download limits the [ingest] section sets.
func fetchOptions(cfg config.Ingest) ingest.FetchOptions {
	return ingest.FetchOptions{
		AllowPrivate: cfg.AllowPrivateURLs,
		MaxBytes:     cfg.MaxFileBytes(),
		Timeout:      cfg.FetchTimeout.Duration,
		UserAgent:    "Lectern (+https://github.com/lectern/lectern)",
		MaxRedirects: 5,
	}
}

// newAddCmd is `lectern add PATH|URL [--title T] [--author A]…`.
func newAddCmd(e *env) *cobra.Command {
	var (
		title   string
		authors []string
	)
	cmd := &cobra.Command{
		Use:   "add PATH|URL",
		Short: "Add a document (a file or a web page) to the reading list",
		Long: `Adds a document to the reading list: a file, or the document at an http or
https URL, is saved into the corpus folder under a free name, given an entry
in sources.toml (with --title and --author when given), and indexed; only it
is embedded. A file Lectern cannot read is refused with the reason, and
nothing is written.`,
		Example: `  lectern add report.pdf --title "Vietnam's Bamboo Diplomacy" --author "Nguyen Van A"
  lectern add https://example.org/article.html`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageErrorf("give one file or URL: lectern add report.pdf --title \"…\" --author \"…\"")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := e.open(cmd.Context(), person)
			if err != nil {
				return err
			}
			return runAdd(cmd.Context(), a, args[0], addOptions{Title: title, Authors: authors}, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&title, "title", "", "the document's title (else its own, else its first line)")
	cmd.Flags().StringArrayVar(&authors, "author", nil, "an author (repeat for more)")
	return cmd
}

// newRemoveCmd is `lectern remove SOURCE`.
func newRemoveCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "remove SOURCE",
		Short: "Take a document out of the reading list",
		Long: `Takes a document out of the reading list: SOURCE is its file name or part of
its title, which must match one document only. The file and its entry in
sources.toml are removed and the index rebuilt.`,
		Example: `  lectern remove 004_8e1c7fdfb2e44626.txt
  lectern remove "Mr. Trong Goes to Beijing"`,
		Args: wordsArg("a file name or part of a title", "lectern remove report.pdf"),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := e.open(cmd.Context(), person)
			if err != nil {
				return err
			}
			return runRemove(cmd.Context(), a, strings.TrimSpace(strings.Join(args, " ")), cmd.OutOrStdout())
		},
	}
}
