// Package retrieval turns the reading list into searchable passages:
// load → clean → chunk → embed → store (chromem-go) → hybrid search.
package retrieval

import (
	"context"
	"errors"

	"github.com/lectern/lectern/ingest"
)

// SourceInfo is what a reader of a citation needs to know about one file of
// the corpus. It comes from the manifest (seeds/sources.toml) when the file
// has an entry there, else from the text itself (its first line as title).
type SourceInfo struct {
	// Source is the file name relative to the corpus folder, e.g. "000_2fcd0d9d62d4afb9.txt".
	Source    string   `json:"source"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	Date      string   `json:"date,omitempty"`
	URL       string   `json:"url,omitempty"`
}

// Document is one file of the corpus after loading and cleaning.
type Document struct {
	Info SourceInfo
	// Text is the cleaned text: boilerplate dropped, hard-wrapped lines
	// re-flowed, paragraphs separated by one blank line.
	Text string
	// Pages locate the pages of a paged document (PDF) in Text; Sections
	// its headings (other formats). Either may be empty.
	Pages    []ingest.Page
	Sections []ingest.Section
}

// Skipped names a corpus file that was not indexed and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Chunk is a piece of a document's cleaned text, the unit that is embedded,
// searched and cited.
type Chunk struct {
	// ID is stable for the same source and text.
	ID     string `json:"id"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	// Start and End are byte offsets of Text in the document's cleaned text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Location is the page the chunk starts on (and ends on, when later)
	// or the nearest heading before it.
	Location
	// Breaks are the page and section starts inside Text, for locating a
	// quote from it (Passage.LocationOf); kept in the index, not shown.
	Breaks []Break `json:"-"`
}

// Passage is a chunk returned by a search, with what is needed to cite it.
type Passage struct {
	Chunk
	Info  SourceInfo `json:"info"`
	Score float64    `json:"score"`
}

// Embedder turns texts into vectors.
type Embedder interface {
	// ID names the embedder and its model; when it changes, every chunk is
	// embedded again.
	ID() string
	// Embed returns one vector per text, in order.
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// Progress reports how far a reindex has got.
type Progress struct {
	Stage    string `json:"stage"` // "loading", "embedding", "storing", "done"
	Files    int    `json:"files"`
	Chunks   int    `json:"chunks"`
	Embedded int    `json:"embedded"` // texts sent to the embedder so far
	Reused   int    `json:"reused"`   // chunks whose vectors came from the cache
	Shared   int    `json:"shared"`   // chunks sharing the vector of an identical one embedded in this run
	Total    int    `json:"total"`    // chunks to embed or reuse in all
}

// Report sums up a finished reindex. Every chunk is embedded (sent to the
// embedder), reused (its vector cached by an earlier run) or shared (the
// same text as another chunk embedded in this run, the same paragraph in
// two files, whose vector it shares): Embedded + Reused + Shared = Chunks.
type Report struct {
	Files    int       `json:"files"`
	Chunks   int       `json:"chunks"`
	Embedded int       `json:"embedded"`
	Reused   int       `json:"reused"`
	Shared   int       `json:"shared"`
	Skipped  []Skipped `json:"skipped"`
}

// SourceStats is one entry of the reading list as indexed.
type SourceStats struct {
	SourceInfo
	Chunks int `json:"chunks"`
	// Pages is how many pages a paged document (PDF) has; Sections how
	// many headings another one has. Zero for plain text.
	Pages    int `json:"pages,omitempty"`
	Sections int `json:"sections,omitempty"`
}

// ErrReindexRunning is returned by Reindex while another reindex is under way.
var ErrReindexRunning = errors.New("a reindex is already running")

// ErrNoIndex is returned by Search before any index has been built.
var ErrNoIndex = errors.New("no index has been built yet: run `lectern index`")
