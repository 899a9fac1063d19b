package text

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

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

// MissedBreaks cuts a sentence where the sentence model missed a break: a
// full stop, question or exclamation mark after two lower-case letters or
// digits ("since 2018. Meanwhile"), then a space and a capital letter. It
// returns the spans of s's parts, in order, covering s but the spaces at
// the cuts. Abbreviations ("Mr. Trong", "U.S. President", "Dec. 12") do
// not match.
func MissedBreaks(s string) []Span {
	var out []Span
	start := 0
	for i := 2; i+2 < len(s); i++ {
		if c := s[i]; c != '.' && c != '?' && c != '!' {
			continue
		}
		if !isLowerOrDigit(s[i-1]) || !isLowerOrDigit(s[i-2]) || s[i+1] != ' ' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(r) {
			out = append(out, Span{start, i + 1})
			start = i + 2
		}
	}
	return append(out, Span{start, len(s)})
}

// isLowerOrDigit reports whether c is an ASCII lower-case letter or digit.
func isLowerOrDigit(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
