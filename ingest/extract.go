package ingest

// A stand-in, in the corpus branch only, for the extractors the web and pdf
// helpers write: .txt and .md as plain text. It is replaced at merge.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// FetchOptions bound what Fetch downloads.
type FetchOptions struct {
	AllowPrivate bool
	MaxBytes     int64
	Timeout      time.Duration
	UserAgent    string
	MaxRedirects int
}

// FetchedFile is a document downloaded by Fetch.
type FetchedFile struct {
	Name, URL, ContentType string
	Data                   []byte
}

// Extract turns a file's bytes into a Document by the kind its name says.
func Extract(ctx context.Context, name string, data []byte, lim Limits) (Document, error) {
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
	if !Supported(name) {
		return Document{}, fmt.Errorf("%s: %w", name, ErrUnsupported)
	}
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return Document{}, fmt.Errorf("%w (%d bytes; the limit is %d)", ErrTooLarge, len(data), lim.MaxBytes)
	}
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return Document{}, fmt.Errorf("empty: %w", ErrNoText)
	case bytes.IndexByte(data, 0) >= 0:
		return Document{}, errors.New("binary (contains NUL bytes)")
	case !utf8.Valid(data):
		return Document{}, errors.New("not UTF-8 text")
	}
	return Document{Text: string(data)}, nil
}

// Supported reports whether Extract reads files of this name.
func Supported(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".md"
}

// Extensions lists the extensions Extract reads.
func Extensions() []string { return []string{".md", ".txt"} }

// Fetch downloads a document.
func Fetch(ctx context.Context, rawURL string, opts FetchOptions) (FetchedFile, error) {
	return FetchedFile{}, fmt.Errorf("fetch %s: not available in this build", rawURL)
}
