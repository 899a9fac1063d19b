// Package ingest turns the files of a reading list (and documents fetched
// from URLs) into Documents: their text, where each page or section of it
// starts, and the metadata the file itself states. One file per format;
// adding a format is one new file and one line in extractorFor.
//
// Everything here reads untrusted input: every extractor honours Limits
// (bytes, pages, uncompressed size, nesting, time) and returns an error,
// never panics or hangs, on a broken file.
package ingest

import (
	"errors"
	"time"
)

// Metadata is what a document says about itself (a PDF's info dictionary,
// a web page's og: tags or JSON-LD, an EPUB's OPF, a DOCX's core.xml). The
// corpus manifest, when it has an entry, wins over all of it.
type Metadata struct {
	Title     string
	Authors   []string
	Publisher string
	Date      string
	URL       string // canonical URL, for web pages
}

// Page locates one page of a paged document (PDF) in Document.Text:
// Text[Start:End] is the text of page Number (1-based).
type Page struct {
	Number     int
	Start, End int
}

// Section locates one heading of a document in Document.Text: the section
// runs from Start to the next section's Start (or the end of the text).
type Section struct {
	Heading string
	Start   int
}

// Document is one file's text as extracted, before Lectern's cleaning.
// Paragraphs are separated by a blank line. Pages are in order and do not
// overlap; so are Sections. Either may be empty.
type Document struct {
	Text     string
	Pages    []Page
	Sections []Section
	Meta     Metadata
}

// Limits bound what one extraction may read and how long it may take.
type Limits struct {
	// MaxBytes is the largest file accepted.
	MaxBytes int64
	// MaxPages is the most pages of a PDF that are read.
	MaxPages int
	// MaxUncompressed is the most bytes all the entries of a zip (EPUB,
	// DOCX) may unpack to, together; more is refused as a zip bomb.
	MaxUncompressed int64
	// MaxEntries is the most entries a zip may have.
	MaxEntries int
	// MaxDepth is the deepest element nesting accepted in HTML and XML.
	MaxDepth int
	// Timeout is the most time one file may take.
	Timeout time.Duration
}

// DefaultLimits are the limits Lectern uses unless the config says
// otherwise.
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:        50 << 20,
		MaxPages:        2000,
		MaxUncompressed: 200 << 20,
		MaxEntries:      10000,
		MaxDepth:        512,
		Timeout:         60 * time.Second,
	}
}

// Errors an extraction can return; the reason shown for a skipped file
// wraps one of them where it fits.
var (
	// ErrUnsupported: no extractor reads this kind of file.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrTooLarge: the file, or what it unpacks to, is over a limit.
	ErrTooLarge = errors.New("too large")
	// ErrNoTextLayer: a PDF with pages but no text (a scan).
	ErrNoTextLayer = errors.New("no text layer (a scanned PDF?): run OCR on it first")
	// ErrNoText: the file holds no text at all.
	ErrNoText = errors.New("no text")
)
