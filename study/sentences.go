package study

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// sentence is one sentence of the reading list, once: chunks that repeat a
// sentence of the one before (their overlap) yield it once.
type sentence struct {
	passage retrieval.Passage
	// text is the sentence as written, white space collapsed: the quote.
	text string
	// plain is text without its parenthetical references ("(Pollard,
	// 2022)"): what questions are made from.
	plain string
	// offset is where the sentence starts in its document's cleaned text.
	offset int
	// pos is the index of the sentence in its source, in reading order.
	pos int
	// usable: a sentence of prose a question may be made from (no heading,
	// caption, byline, author's note or publisher's blurb).
	usable bool
}

// splitSentences cuts passages into the sentences of their documents, in
// reading order, each once. Paragraph breaks always end a sentence (a
// heading has no full stop).
func splitSentences(passages []retrieval.Passage) []sentence {
	type key struct {
		source string
		offset int
	}
	seen := map[key]bool{}
	var out []sentence
	for _, p := range passages {
		paraStart := 0
		for para := range strings.SplitSeq(p.Text, "\n\n") {
			for _, sp := range text.SentenceSpans(para) {
				for _, part := range splitMissedBreaks(para[sp.Start:sp.End], sp.Start) {
					k := key{p.Source, p.Start + paraStart + part.Start}
					text := strings.Join(strings.Fields(part.text), " ")
					if text == "" || seen[k] {
						continue
					}
					seen[k] = true
					out = append(out, sentence{passage: p, text: text, plain: withoutReferences(text), offset: k.offset})
				}
			}
			paraStart += len(para) + 2
		}
	}
	slices.SortStableFunc(out, func(a, b sentence) int {
		if c := strings.Compare(a.passage.Source, b.passage.Source); c != 0 {
			return c
		}
		return a.offset - b.offset
	})
	markUsable(out)
	return out
}

// piece is a part of a sentence and where it starts in the paragraph.
type piece struct {
	text  string
	Start int
}

// splitMissedBreaks cuts a sentence where the sentence model missed a
// break (see text.MissedBreaks); at is where s starts in its paragraph.
func splitMissedBreaks(s string, at int) []piece {
	var out []piece
	for _, sp := range text.MissedBreaks(s) {
		out = append(out, piece{s[sp.Start:sp.End], at + sp.Start})
	}
	return out
}

// reference matches a parenthetical reference to a work: "(Pollard,
// 2022)", "(CGTN,2022)", "(Ministry of Foreign Affairs of Vietnam, 2022)".
var reference = regexp.MustCompile(`\s*\([^()]*\b(1[5-9]|20)[0-9]{2}[a-z]?\)`)

// withoutReferences drops a sentence's parenthetical references.
func withoutReferences(s string) string {
	return strings.TrimSpace(strings.Join(strings.Fields(reference.ReplaceAllString(s, "")), " "))
}

// Words and phrases that mark a sentence no question is made from.
var (
	// boilerplate: web furniture, contact lines, credits.
	// It is matched against the lower-cased sentence.
	boilerplate = regexp.MustCompile(`@|https?:|www\.|\bcontact\b|\bsubscribe\b|\bfollow (him|her|us|his work)\b|\breach (him|her|us)\b|©|\bphoto\b|\bimage:|\bcredit:|\bupdated:|\bclick\b|\bnewsletter\b|\bcopyright\b|\ball rights reserved\b`)
	// authorsNote opens the notes about the authors at the end of a text.
	authorsNote = regexp.MustCompile(`(?i)^about the authors?:?$`)
)

// markUsable decides which sentences questions may be made from: prose
// ending in a full stop, of a sensible length, not boilerplate, not in the
// notes about the authors that close a text, not naming the document's
// own authors or publisher (bylines, bios, blurbs).
func markUsable(sents []sentence) {
	inNotes := ""
	for i := range sents {
		s := &sents[i]
		if authorsNote.MatchString(s.text) {
			inNotes = s.passage.Source
		}
		if inNotes != "" && inNotes == s.passage.Source {
			continue
		}
		inNotes = ""
		words := len(text.Words(s.plain))
		if words < 8 || words > 60 || !endsProse(s.text) || boilerplate.MatchString(strings.ToLower(s.text)) || namesItsMakers(s.text, s.passage.Info) {
			continue
		}
		if isUpper(s.text) { // "BY RICHARD JAVAD HEYDARIAN"
			continue
		}
		s.usable = true
	}
	pos := map[string]int{}
	for i := range sents {
		sents[i].pos = pos[sents[i].passage.Source]
		pos[sents[i].passage.Source]++
	}
}

// endsProse reports whether a sentence ends as prose does: with a full
// stop (maybe inside a closing quote), not a question mark, colon or
// nothing (a heading, a caption).
func endsProse(s string) bool {
	s = strings.TrimRight(s, "”’\"' ")
	return strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...")
}

// namesItsMakers reports whether a sentence names one of its document's
// authors or its publisher: a byline, an author's biography, a blurb.
func namesItsMakers(s string, info retrieval.SourceInfo) bool {
	lower := strings.ToLower(s)
	for _, a := range info.Authors {
		for _, part := range strings.Fields(a) {
			if len(part) > 2 && containsWord(lower, strings.ToLower(part)) {
				return true
			}
		}
	}
	if info.Publisher != "" {
		// The publisher's name, or its short name before " - " ("IRIA -
		// International Relations Insights & Analysis").
		short, _, _ := strings.Cut(info.Publisher, " - ")
		for _, name := range []string{info.Publisher, short} {
			if len(name) > 2 && containsWord(lower, strings.ToLower(strings.TrimSpace(name))) {
				return true
			}
		}
	}
	return false
}

// containsWord reports whether word occurs in text as a whole word.
func containsWord(text, word string) bool {
	if word == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after)) {
			return true
		}
		i = start + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isUpper reports whether all the letters of s are capitals.
func isUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return letters > 0
}

// isStop reports whether a lower-cased word is an English function word.
func isStop(w string) bool { return text.IsStopWord(w) }
