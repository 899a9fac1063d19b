package ingest

import (
	"bytes"
	"context"
	"unicode/utf8"
)

// reasonError is an error whose message is a short reason for skipping a
// file ("empty"), kept word for word from the loader's reports, while
// errors.Is still finds the sentinel it stands for.
type reasonError struct {
	reason string
	err    error
}

func (e *reasonError) Error() string { return e.reason }
func (e *reasonError) Unwrap() error { return e.err }

var (
	errEmpty   = &reasonError{"empty", ErrNoText}
	errBinary  = &reasonError{"binary (contains NUL bytes)", ErrUnsupported}
	errNotUTF8 = &reasonError{"not UTF-8 text", ErrUnsupported}
)

// checkPlainText refuses what cannot be read as UTF-8 text: an empty (or
// all-blank) file, one with NUL bytes (binary), one that is not UTF-8.
func checkPlainText(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return errEmpty
	case bytes.IndexByte(data, 0) >= 0:
		return errBinary
	case !utf8.Valid(data):
		return errNotUTF8
	}
	return nil
}

// extractText reads a plain text file: its text unchanged (Lectern's
// cleaning comes later), with no pages, sections or metadata.
func extractText(_ context.Context, data []byte, _ Limits) (Document, error) {
	if err := checkPlainText(data); err != nil {
		return Document{}, err
	}
	return Document{Text: string(data)}, nil
}
