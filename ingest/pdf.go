package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFEngine reads PDFs with PDFium (the engine of Chrome's PDF viewer)
// compiled to WebAssembly and run by wazero: no cgo, no system library.
// Creating one costs nothing; PDFium is compiled at the first PDF it reads
// (some seconds), and the compiled module is kept in the cache folder so
// that later runs load it in a fraction of a second. A program creates one
// engine, shares it (it is safe for concurrent use: up to three PDFium
// instances, a long PDF read by two at once when both are free) and closes
// it at exit.
type PDFEngine struct {
	cacheDir string

	mu     sync.Mutex // held while loading
	pool   pdfium.Pool
	cache  wazero.CompilationCache
	err    error // why loading failed, kept so that it is not retried per file
	closed bool
}

// NewPDFEngine returns an engine that will cache wazero's compiled module
// in cacheDir (created if missing; "" for no cache: every process then
// compiles PDFium again at its first PDF).
func NewPDFEngine(cacheDir string) *PDFEngine {
	return &PDFEngine{cacheDir: cacheDir}
}

// Loaded reports whether PDFium has been loaded (a PDF was read).
func (e *PDFEngine) Loaded() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.pool != nil
}

// Close releases PDFium, if it was loaded. The engine cannot be used after.
func (e *PDFEngine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	var errs []error
	if e.pool != nil {
		errs = append(errs, e.pool.Close())
		e.pool = nil
	}
	if e.cache != nil {
		errs = append(errs, e.cache.Close(context.Background()))
		e.cache = nil
	}
	return errors.Join(errs...)
}

// loaded returns PDFium's pool of instances, loading it the first time.
func (e *PDFEngine) loaded() (pdfium.Pool, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.load(); err != nil {
		return nil, err
	}
	return e.pool, nil
}

// load compiles (or loads from the cache) PDFium once. e.mu is held.
func (e *PDFEngine) load() error {
	if e.closed {
		return errors.New("PDF engine closed")
	}
	if e.pool != nil || e.err != nil {
		return e.err
	}
	cfg := wazero.NewRuntimeConfig().
		// The bundled PDFium lowers setjmp/longjmp to WebAssembly
		// exception handling.
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		// Not WithCloseOnContextDone: it makes PDFium five times slower
		// and its compilation six times longer; the timeout is checked
		// between pages instead (see Extract).
		// 1 GiB of memory at most for one document (64 KiB pages).
		WithMemoryLimitPages(16384)
	if e.cacheDir != "" {
		cache, err := wazero.NewCompilationCacheWithDir(e.cacheDir)
		if err != nil {
			e.err = fmt.Errorf("PDF engine: compilation cache %s: %w", e.cacheDir, err)
			return e.err
		}
		e.cache = cache
		cfg = cfg.WithCompilationCache(cache)
	}
	pool, err := webassembly.Init(webassembly.Config{
		// Up to three instances: a long PDF is read by two at once, and
		// one whose timeout has passed may still be finishing its page.
		MinIdle:       0,
		MaxIdle:       2,
		MaxTotal:      3,
		RuntimeConfig: cfg,
		// No file system at all: documents are passed as bytes.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard,
		Stderr:   io.Discard,
		// Instantiating PDFium anew for each PDF costs more than reading
		// a short one; documents are closed after use.
		ReuseWorkers: true,
	})
	if err != nil {
		e.err = fmt.Errorf("PDF engine: load PDFium: %w", err)
		return e.err
	}
	e.pool = pool
	return nil
}

// defaultPDFCacheDir is where an engine made for one file keeps PDFium's
// compiled module: lectern/pdfium in the user's cache folder, "" (no
// cache) if there is none.
func defaultPDFCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "lectern", "pdfium")
}

// extractPDF reads a PDF's text page by page with an engine for this file
// only (a Reader's engine serves many), its compiled module cached in the
// user's cache folder so that only the first use on this machine takes
// seconds.
func extractPDF(ctx context.Context, data []byte, lim Limits) (Document, error) {
	engine := NewPDFEngine(defaultPDFCacheDir())
	defer engine.Close()
	return engine.Extract(ctx, data, lim)
}

// Extract reads a PDF's text page by page (see Document), within the
// limits, and its info dictionary. A PDF whose pages hold no text returns
// ErrNoTextLayer; one over a limit, ErrTooLarge; a truncated or broken one,
// an error saying so. It never panics.
func (e *PDFEngine) Extract(ctx context.Context, data []byte, lim Limits) (doc Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = Document{}, fmt.Errorf("read PDF: internal error: %v", r)
		}
	}()
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return Document{}, fmt.Errorf("read PDF: %d bytes, over the limit of %d: %w", len(data), lim.MaxBytes, ErrTooLarge)
	}
	if err := checkPDFFrame(data); err != nil {
		return Document{}, fmt.Errorf("read PDF: %w", err)
	}
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	if err := ctx.Err(); err != nil {
		return Document{}, fmt.Errorf("read PDF: %w", err)
	}

	pool, err := e.loaded()
	if err != nil {
		return Document{}, err
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return Document{}, fmt.Errorf("read PDF: start PDFium: %w", err)
	}
	// PDFium runs in a goroutine of its own so that a timeout returns at
	// once: a call into PDFium cannot be interrupted (not without making
	// it five times slower), so the goroutine stops at the next page and
	// then releases the instance.
	type result struct {
		pages [][]glyph
		meta  Metadata
		err   error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{err: fmt.Errorf("internal error: %v", p)}
			}
			release(inst, len(data))
			done <- r
		}()
		r.pages, r.meta, r.err = readPDFGlyphs(ctx, inst, data, lim, func() pdfium.Pdfium {
			if runtime.NumCPU() < 2 {
				return nil
			}
			// Only an instance free now: none is waited for.
			now, cancel := context.WithTimeout(ctx, time.Millisecond)
			defer cancel()
			other, err := pool.GetInstanceWithContext(now)
			if err != nil {
				return nil
			}
			return other
		})
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		return Document{}, fmt.Errorf("read PDF: stopped: %w", ctx.Err())
	}
	if r.err != nil {
		if ctx.Err() != nil {
			return Document{}, fmt.Errorf("read PDF: stopped: %w", ctx.Err())
		}
		return Document{}, fmt.Errorf("read PDF: %w", r.err)
	}
	pages, meta := r.pages, r.meta
	doc = layoutDocument(pages)
	doc.Meta = meta
	if strings.TrimSpace(doc.Text) == "" {
		if len(pages) == 0 {
			return Document{}, fmt.Errorf("read PDF: no pages: %w", ErrNoText)
		}
		return Document{}, fmt.Errorf("read PDF: %d pages: %w", len(pages), ErrNoTextLayer)
	}
	return doc, nil
}

// bigPDF is the size above which the PDFium instance that read a file is
// dropped rather than kept for the next: WebAssembly memory, once grown,
// is never given back.
const bigPDF = 16 << 20

// release gives an instance back to the pool when done with a file of
// size bytes, or drops it after a big one.
func release(inst pdfium.Pdfium, size int) {
	if size > bigPDF {
		inst.Kill()
		return
	}
	inst.Close()
}

// checkPDFFrame refuses what is not a whole PDF: one must start with the
// "%PDF-" header and end with "%%EOF" (PDFium would otherwise rebuild a
// truncated file and silently read only part of it).
func checkPDFFrame(data []byte) error {
	head := data[:min(len(data), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return errors.New("not a PDF (no %PDF- header)")
	}
	tail := data[max(0, len(data)-1024):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return errors.New("truncated (no %%EOF at the end)")
	}
	return nil
}

// parallelPages is the fewest pages for which a second PDFium instance,
// if one is free, reads the second half of the document.
const parallelPages = 16

// readPDFGlyphs opens the document in PDFium and reads each page's glyphs
// with their boxes, and the info dictionary. For a long document it asks
// second() for another instance (nil if none is free) to read the second
// half of the pages at the same time.
func readPDFGlyphs(ctx context.Context, inst pdfium.Pdfium, data []byte, lim Limits, second func() pdfium.Pdfium) ([][]glyph, Metadata, error) {
	document, closeDocument, err := openPDF(inst, data)
	if err != nil {
		return nil, Metadata{}, err
	}
	defer closeDocument()
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: document})
	if err != nil {
		return nil, Metadata{}, fmt.Errorf("count pages: %w", err)
	}
	n := count.PageCount
	if lim.MaxPages > 0 && n > lim.MaxPages {
		return nil, Metadata{}, fmt.Errorf("%d pages, over the limit of %d: %w", n, lim.MaxPages, ErrTooLarge)
	}
	meta := readPDFMetadata(inst, document)
	split := n
	type half struct {
		pages [][]glyph
		err   error
	}
	var rest chan half
	if n >= parallelPages && second != nil {
		if other := second(); other != nil {
			split = n / 2
			rest = make(chan half, 1)
			go func() {
				var h half
				defer func() {
					if p := recover(); p != nil {
						h = half{err: fmt.Errorf("internal error: %v", p)}
					}
					release(other, len(data))
					rest <- h
				}()
				doc2, close2, err := openPDF(other, data)
				if err != nil {
					h.err = err
					return
				}
				defer close2()
				h.pages, h.err = readPages(ctx, other, doc2, split, n)
			}()
		}
	}
	pages, err := readPages(ctx, inst, document, 0, split)
	if rest != nil {
		h := <-rest
		if err == nil {
			pages, err = append(pages, h.pages...), h.err
		}
	}
	if err != nil {
		return nil, Metadata{}, err
	}
	return pages, meta, nil
}

// openPDF opens data in a PDFium instance.
func openPDF(inst pdfium.Pdfium, data []byte) (references.FPDF_DOCUMENT, func(), error) {
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return "", nil, fmt.Errorf("open: %w", err)
	}
	return opened.Document, func() {
		inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: opened.Document})
	}, nil
}

// readPages reads the glyphs of pages [from, to) (0-based) of an open
// document, stopping when ctx ends.
func readPages(ctx context.Context, inst pdfium.Pdfium, document references.FPDF_DOCUMENT, from, to int) ([][]glyph, error) {
	pages := make([][]glyph, 0, to-from)
	for i := from; i < to; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: document, Index: i}},
			Mode: requests.GetPageTextStructuredModeChars,
		})
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		page := make([]glyph, 0, len(text.Chars))
		for _, c := range text.Chars {
			if c == nil {
				continue
			}
			p := c.PointPosition
			page = append(page, glyph{text: c.Text, x0: p.Left, x1: p.Right, y0: p.Bottom, y1: p.Top, upright: c.Angle == 0})
		}
		pages = append(pages, page)
	}
	return pages, nil
}

// readPDFMetadata reads the title, author(s), subject and creation date
// of the info dictionary; what is missing or unreadable stays empty.
func readPDFMetadata(inst pdfium.Pdfium, document references.FPDF_DOCUMENT) Metadata {
	tag := func(name string) string {
		r, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: document, Tag: name})
		if err != nil {
			return ""
		}
		return strings.Join(strings.Fields(normalizeGlyphText(r.Value)), " ")
	}
	return Metadata{
		Title:   tag("Title"),
		Authors: pdfAuthors(tag("Author")),
		Date:    pdfDate(tag("CreationDate")),
	}
}

// pdfDate turns a PDF date ("D:20230611093000+02'00'") into "2023-06-11"
// (or "2023-06", "2023": as much as it states); "" if it is not one.
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	digits := 0
	for digits < len(s) && digits < 8 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	switch {
	case digits >= 8:
		if _, err := time.Parse("20060102", s[:8]); err != nil {
			return ""
		}
		return s[:4] + "-" + s[4:6] + "-" + s[6:8]
	case digits >= 6:
		if _, err := time.Parse("200601", s[:6]); err != nil {
			return ""
		}
		return s[:4] + "-" + s[4:6]
	case digits >= 4:
		return s[:4]
	}
	return ""
}

// pdfAuthors splits an Author entry into names: at semicolons, at " and "
// and " & ", and at commas when every part is a name of two words or more
// ("Ann Lee, Bo Chan", not "Lee, Ann").
func pdfAuthors(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		part = strings.NewReplacer(" and ", ";", " & ", ";").Replace(part)
		for _, name := range strings.Split(part, ";") {
			names := strings.Split(name, ",")
			whole := len(names) > 1
			for _, n := range names {
				if len(strings.Fields(n)) < 2 {
					whole = false
				}
			}
			if !whole {
				names = []string{name}
			}
			for _, n := range names {
				if n = strings.Join(strings.Fields(n), " "); n != "" {
					out = append(out, n)
				}
			}
		}
	}
	return out
}
