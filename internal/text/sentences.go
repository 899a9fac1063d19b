package text

import (
	"fmt"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// SentenceSpans splits text into sentences, knowing that "U.S.", "Mr.",
// "Dec. 12" and "56.9" end none. Each span is a byte range of text, trimmed
// of white space. It is Lectern's one model of where a sentence ends.
func SentenceSpans(text string) []Span {
	tok, err := sentenceTokenizer()
	var out []Span
	if err != nil { // the tokenizer's data is built in; fall back to one sentence
		if s := TrimSpan(text, Span{0, len(text)}); s.End > s.Start {
			out = append(out, s)
		}
		return out
	}
	for _, s := range tok.Tokenize(text) {
		if sp := TrimSpan(text, Span{s.Start, s.End}); sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	return out
}

// TrimSpan moves the ends of a span of text inward past white space.
func TrimSpan(text string, s Span) Span {
	for s.Start < s.End && IsSpaceByte(text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && IsSpaceByte(text[s.End-1]) {
		s.End--
	}
	return s
}

// IsSpaceByte reports whether b is a space, tab or line break.
func IsSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// sentenceTokenizer returns the English sentence model built into the
// sentences package. Loading it costs milliseconds, so it is loaded once and
// shared: it is read-only after loading.
var sentenceTokenizer = sync.OnceValues(func() (*sentences.DefaultSentenceTokenizer, error) {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("load the English sentence model: %w", err)
	}
	return tok, nil
})
