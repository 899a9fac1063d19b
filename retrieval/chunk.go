package retrieval

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// ChunkOptions sizes the chunks of a document.
type ChunkOptions struct {
	// MaxChars is the most bytes of text in one chunk. A paragraph that fits
	// is one chunk; a longer one is split between sentences.
	MaxChars int
	// MinChars: a paragraph shorter than this (a heading, a byline) is joined
	// to the next one when both fit in MaxChars.
	MinChars int
	// OverlapSentences is how many sentences a chunk cut from a long
	// paragraph repeats from the end of the previous one.
	OverlapSentences int
}

// DefaultChunkOptions returns the chunk sizes Lectern uses: paragraph-sized
// chunks, which is what the retrieval evaluation favours.
func DefaultChunkOptions() ChunkOptions {
	return ChunkOptions{MaxChars: 1400, MinChars: 300, OverlapSentences: 1}
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// ChunkDocument cuts a document's cleaned text into chunks along paragraph
// and sentence boundaries. Every chunk's Text is doc.Text[Start:End]; its
// Location is where that span starts (and ends) in the document's pages or
// sections.
func ChunkDocument(doc Document, opts ChunkOptions) []Chunk {
	if opts.MaxChars <= 0 {
		opts = DefaultChunkOptions()
	}
	text := doc.Text
	var spans []Span
	pending := Span{-1, -1}
	for _, p := range paragraphSpans(text) {
		if pending.Start >= 0 {
			if p.End-pending.Start <= opts.MaxChars {
				pending.End = p.End
				if pending.End-pending.Start >= opts.MinChars {
					spans = append(spans, pending)
					pending = Span{-1, -1}
				}
				continue
			}
			spans = append(spans, pending)
			pending = Span{-1, -1}
		}
		switch {
		case p.End-p.Start > opts.MaxChars:
			spans = append(spans, splitLongParagraph(text, p, opts)...)
		case p.End-p.Start < opts.MinChars:
			pending = p
		default:
			spans = append(spans, p)
		}
	}
	if pending.Start >= 0 {
		spans = append(spans, pending)
	}
	chunks := make([]Chunk, 0, len(spans))
	for _, s := range spans {
		s = trimSpan(text, s)
		if s.End <= s.Start {
			continue
		}
		t := text[s.Start:s.End]
		chunks = append(chunks, Chunk{ID: chunkID(doc.Info.Source, t), Source: doc.Info.Source, Title: doc.Info.Title, Text: t, Start: s.Start, End: s.End,
			Location: locate(doc, s.Start, s.End), Breaks: breaksWithin(doc, s.Start, s.End)})
	}
	return chunks
}

// chunkID is stable for the same source and text.
func chunkID(source, text string) string {
	sum := sha256.Sum256([]byte(source + "\x00" + text))
	return hex.EncodeToString(sum[:8])
}

// paragraphSpans finds the paragraphs of text: runs separated by blank lines.
func paragraphSpans(text string) []Span {
	var out []Span
	start := 0
	for start < len(text) {
		i := strings.Index(text[start:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if s := trimSpan(text, Span{start, end}); s.End > s.Start {
			out = append(out, s)
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	return out
}

// splitLongParagraph groups the sentences of a paragraph into chunks of at
// most MaxChars, each repeating the last OverlapSentences sentences of the
// one before.
func splitLongParagraph(text string, p Span, opts ChunkOptions) []Span {
	var sents []Span
	for _, s := range SentenceSpans(text[p.Start:p.End]) {
		s = Span{p.Start + s.Start, p.Start + s.End}
		if s.End-s.Start > opts.MaxChars {
			sents = append(sents, splitAtWords(text, s, opts.MaxChars)...)
		} else {
			sents = append(sents, s)
		}
	}
	var out []Span
	previousLast := -1
	for first := 0; first < len(sents); {
		last := first
		for last+1 < len(sents) && sents[last+1].End-sents[first].Start <= opts.MaxChars {
			last++
		}
		if last <= previousLast { // the overlap leaves no room for new text: start after it
			first = previousLast + 1
			continue
		}
		out = append(out, Span{sents[first].Start, sents[last].End})
		previousLast = last
		if last == len(sents)-1 {
			break
		}
		next := last + 1 - opts.OverlapSentences
		if next <= first {
			next = first + 1
		}
		first = next
	}
	return out
}

// splitAtWords cuts a span longer than max at word boundaries; a word
// longer than max is cut between two runes, and a rune longer than max is
// kept whole.
func splitAtWords(text string, s Span, max int) []Span {
	var out []Span
	for s.End-s.Start > max {
		cut := s.Start + max
		for cut > s.Start && !isSpaceByte(text[cut]) {
			cut--
		}
		if cut == s.Start { // one word longer than max: cut it at a rune boundary
			cut = s.Start + max
			for cut > s.Start && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		if cut == s.Start { // not one whole rune fits: take the first rune
			_, size := utf8.DecodeRuneInString(text[s.Start:s.End])
			cut = s.Start + size
		}
		out = append(out, Span{s.Start, cut})
		s.Start = cut
		for s.Start < s.End && isSpaceByte(text[s.Start]) {
			s.Start++
		}
	}
	if s.End > s.Start {
		out = append(out, s)
	}
	return out
}

// trimSpan moves the ends of a span inward past white space.
func trimSpan(text string, s Span) Span {
	for s.Start < s.End && isSpaceByte(text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpaceByte(text[s.End-1]) {
		s.End--
	}
	return s
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// SentenceSpans splits text into sentences, knowing that "U.S.", "Mr.",
// "Dec. 12" and "56.9" end none. Each span is a byte range of text, trimmed
// of white space.
func SentenceSpans(text string) []Span {
	tok, err := newSentenceTokenizer()
	var out []Span
	if err != nil { // the tokenizer's data is built in; fall back to one sentence
		s := trimSpan(text, Span{0, len(text)})
		return append(out, s)
	}
	for _, s := range tok.Tokenize(text) {
		if sp := trimSpan(text, Span{s.Start, s.End}); sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	return out
}

// newSentenceTokenizer returns the English sentence model built into the
// sentences package. Loading it costs milliseconds, so it is loaded once and
// shared: it is read-only after loading.
var newSentenceTokenizer = sync.OnceValues(func() (*sentences.DefaultSentenceTokenizer, error) {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("load the English sentence model: %w", err)
	}
	return tok, nil
})
