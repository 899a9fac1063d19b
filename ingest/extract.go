package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

// extractor turns the bytes of one file into a Document, honouring lim and
// stopping when ctx is done.
type extractor func(ctx context.Context, data []byte, lim Limits) (Document, error)

// extractorFor returns the extractor for a file extension (lower case, with
// its dot) and the name of the file kind it reads, or nil. Adding a format
// is one new file and one line here.
func extractorFor(ext string) (extractor, string) {
	switch ext {
	case ".txt":
		return extractText, "text"
	case ".md", ".markdown":
		return extractMarkdown, "Markdown"
	case ".html", ".htm":
		return extractHTML, "HTML"
	case ".epub":
		return extractEPUB, "EPUB"
	case ".docx":
		return extractDOCX, "DOCX"
	case ".pdf":
		return extractPDF, "PDF"
	}
	return nil, ""
}

// extensions lists every extension extractorFor knows, for Extensions.
var extensions = []string{".txt", ".md", ".markdown", ".html", ".htm", ".epub", ".docx", ".pdf"}

// Extensions returns the file extensions (lower case, with the dot) that
// Extract reads, in a fixed order.
func Extensions() []string {
	var out []string
	for _, ext := range extensions {
		if fn, _ := extractorFor(ext); fn != nil {
			out = append(out, ext)
		}
	}
	return out
}

// Supported reports whether Extract reads files named like name (by its
// extension, in any case).
func Supported(name string) bool {
	fn, _ := extractorFor(strings.ToLower(filepath.Ext(name)))
	return fn != nil
}

// Reader reads files within its Limits. Its PDF engine is created once by
// the program (NewPDFEngine) so that PDFium is loaded at most once and only
// when a PDF is read; nil: each PDF loads PDFium anew (a quarter of a
// second with its compiled module cached in the user's cache folder, some
// seconds the first time on a machine).
type Reader struct {
	Limits Limits
	PDF    *PDFEngine
}

// Extract is the package's Extract, within r's limits and with r's PDF
// engine.
func (r Reader) Extract(ctx context.Context, name string, data []byte) (Document, error) {
	fn := extractor(nil)
	if r.PDF != nil && strings.EqualFold(filepath.Ext(name), ".pdf") {
		fn = r.PDF.Extract
	}
	return extract(ctx, name, data, r.Limits, fn)
}

// Extract reads the file called name (only its extension matters) from
// data. Limits are enforced here for every format: a file over
// lim.MaxBytes is refused with ErrTooLarge, an extraction that takes over
// lim.Timeout is abandoned with an error wrapping
// context.DeadlineExceeded, and an extractor that panics on a broken file
// yields an error naming the file kind instead of crashing the caller.
// Zero fields of lim take DefaultLimits' values.
func Extract(ctx context.Context, name string, data []byte, lim Limits) (Document, error) {
	return extract(ctx, name, data, lim, nil)
}

// extract is Extract with the extractor given by the caller, or the
// extension's when nil.
func extract(ctx context.Context, name string, data []byte, lim Limits, given extractor) (Document, error) {
	lim = lim.withDefaults()
	ext := strings.ToLower(filepath.Ext(name))
	fn, kind := extractorFor(ext)
	if fn != nil && given != nil {
		fn = given
	}
	if fn == nil {
		if ext == "" {
			return Document{}, fmt.Errorf("%w: the name has no extension (Lectern reads %s)", ErrUnsupported, strings.Join(Extensions(), ", "))
		}
		return Document{}, fmt.Errorf("%w %q (Lectern reads %s)", ErrUnsupported, ext, strings.Join(Extensions(), ", "))
	}
	if int64(len(data)) > lim.MaxBytes {
		return Document{}, fmt.Errorf("%w (%d bytes; the limit is %d)", ErrTooLarge, len(data), lim.MaxBytes)
	}
	return runExtractor(ctx, kind, fn, data, lim)
}

// runExtractor runs fn on data within lim.Timeout, turning a panic into
// an error that names the file kind.
func runExtractor(ctx context.Context, kind string, fn extractor, data []byte, lim Limits) (Document, error) {
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()

	type result struct {
		doc Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("the %s reader failed on this file (%v); it is probably broken", kind, p)}
			}
		}()
		doc, err := fn(ctx, data, lim)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return Document{}, r.err
		}
		if strings.TrimSpace(r.doc.Text) == "" {
			return Document{}, fmt.Errorf("%w: the %s file holds no readable text", ErrNoText, kind)
		}
		return r.doc, nil
	case <-ctx.Done():
		// The extractor checks ctx as it goes and returns soon; its result
		// is dropped (done is buffered, so it does not block).
		if ctx.Err() == context.DeadlineExceeded {
			return Document{}, fmt.Errorf("reading the %s file took over %v: %w", kind, lim.Timeout, ctx.Err())
		}
		return Document{}, fmt.Errorf("reading the %s file: %w", kind, ctx.Err())
	}
}

// withDefaults fills the zero fields of lim from DefaultLimits.
func (lim Limits) withDefaults() Limits {
	d := DefaultLimits()
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = d.MaxBytes
	}
	if lim.MaxPages <= 0 {
		lim.MaxPages = d.MaxPages
	}
	if lim.MaxUncompressed <= 0 {
		lim.MaxUncompressed = d.MaxUncompressed
	}
	if lim.MaxEntries <= 0 {
		lim.MaxEntries = d.MaxEntries
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = d.MaxDepth
	}
	if lim.Timeout <= 0 {
		lim.Timeout = d.Timeout
	}
	return lim
}
