package retrieval

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
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

// ChunkDocument cuts a document's cleaned text into chunks along paragraph
// and sentence boundaries. Every chunk's Text is doc.Text[Start:End]; its
// Location is where that span starts (and ends) in the document's pages or
// sections.
func ChunkDocument(doc Document, opts ChunkOptions) []Chunk {
	if opts.MaxChars <= 0 {
		opts = DefaultChunkOptions()
	}
	body := doc.Text
	var spans []text.Span
	pending := text.Span{Start: -1, End: -1}
	for _, p := range paragraphSpans(body) {
		if pending.Start >= 0 {
			if p.End-pending.Start <= opts.MaxChars {
				pending.End = p.End
				if pending.End-pending.Start >= opts.MinChars {
					spans = append(spans, pending)
					pending = text.Span{Start: -1, End: -1}
				}
				continue
			}
			spans = append(spans, pending)
			pending = text.Span{Start: -1, End: -1}
		}
		switch {
		case p.End-p.Start > opts.MaxChars:
			spans = append(spans, splitLongParagraph(body, p, opts)...)
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
		s = text.TrimSpan(body, s)
		if s.End <= s.Start {
			continue
		}
		t := body[s.Start:s.End]
		chunks = append(chunks, Chunk{ID: chunkID(doc.Info.Source, t), Source: doc.Info.Source, Title: doc.Info.Title, Text: t, Start: s.Start, End: s.End,
			Location: locate(doc, s.Start, s.End), Breaks: breaksWithin(doc, s.Start, s.End)})
	}
	return chunks
}

// chunkID is stable for the same source and text.
func chunkID(source, body string) string {
	sum := sha256.Sum256([]byte(source + "\x00" + body))
	return hex.EncodeToString(sum[:8])
}

// paragraphSpans finds the paragraphs of text: runs separated by blank lines.
func paragraphSpans(body string) []text.Span {
	var out []text.Span
	start := 0
	for start < len(body) {
		i := strings.Index(body[start:], "\n\n")
		end := len(body)
		if i >= 0 {
			end = start + i
		}
		if s := text.TrimSpan(body, text.Span{Start: start, End: end}); s.End > s.Start {
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
func splitLongParagraph(body string, p text.Span, opts ChunkOptions) []text.Span {
	var sents []text.Span
	for _, s := range text.SentenceSpans(body[p.Start:p.End]) {
		s = text.Span{Start: p.Start + s.Start, End: p.Start + s.End}
		if s.End-s.Start > opts.MaxChars {
			sents = append(sents, splitAtWords(body, s, opts.MaxChars)...)
		} else {
			sents = append(sents, s)
		}
	}
	var out []text.Span
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
		out = append(out, text.Span{Start: sents[first].Start, End: sents[last].End})
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
func splitAtWords(body string, s text.Span, max int) []text.Span {
	var out []text.Span
	for s.End-s.Start > max {
		cut := s.Start + max
		for cut > s.Start && !text.IsSpaceByte(body[cut]) {
			cut--
		}
		if cut == s.Start { // one word longer than max: cut it at a rune boundary
			cut = s.Start + max
			for cut > s.Start && !utf8.RuneStart(body[cut]) {
				cut--
			}
		}
		if cut == s.Start { // not one whole rune fits: take the first rune
			_, size := utf8.DecodeRuneInString(body[s.Start:s.End])
			cut = s.Start + size
		}
		out = append(out, text.Span{Start: s.Start, End: cut})
		s.Start = cut
		for s.Start < s.End && text.IsSpaceByte(body[s.Start]) {
			s.Start++
		}
	}
	if s.End > s.Start {
		out = append(out, s)
	}
	return out
}
