package answer

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// Dropped is a sentence of a generated answer that the support check
// removed: what it said, the passages it cited (as numbered in the prompt)
// and why none of them supports it.
type Dropped struct {
	Sentence string `json:"sentence"`
	Cited    []int  `json:"cited"`
	Why      string `json:"why"`
}

// Notes that go with an answer the model did not write.
const (
	// NoteModelFailed: the model's reply had nothing usable in it (when
	// the endpoint fails, the note is NoteModelDown's).
	NoteModelFailed = "The language model gave no usable answer, so this answer is quoted from the reading list."
	// NoteNothingSupported: every sentence of the model's reply was dropped.
	NoteNothingSupported = "None of the language model's answer could be checked against the reading list, so this answer is quoted from it instead."
)

// checkGenerated turns the model's reply into the Answer shown: reasoning,
// links and source lists removed, citation styles read, and every
// sentence kept only if a passage it cites supports it. A reply with
// nothing usable (empty, only reasoning, cut before its first sentence) or
// with no supported sentence gets the extractive answer with a note; the
// not-found sentence is not found.
func (a *Answerer) checkGenerated(ctx context.Context, question, query, reply, finish string, passages []retrieval.Passage) Answer {
	body, unclosed := cleanReply(reply, len(passages))
	if unclosed {
		a.log.Info("the model's reply ended inside its reasoning", "model", a.cfg.ChatModel, "finish", finish)
		return a.fallback(question, query, passages, NoteModelFailed, nil)
	}
	if finish == "length" {
		a.log.Info("the answer reached max_tokens; its last, unfinished sentence is left out", "model", a.cfg.ChatModel, "max_tokens", a.cfg.MaxTokens)
		body = withoutUnfinishedSentence(body)
	}
	if strings.TrimSpace(withoutMarkers(body)) == "" || len(text.Words(body)) == 0 {
		a.log.Info("the model's reply has no answer in it", "model", a.cfg.ChatModel, "finish", finish, "chars", len(reply))
		return a.fallback(question, query, passages, NoteModelFailed, nil)
	}
	if isNotFoundText(body) {
		return notFound()
	}
	kept, dropped := a.keepSupported(ctx, body, passages)
	for _, d := range dropped {
		a.log.Info("a sentence of the generated answer was dropped", "sentence", d.Sentence, "cited", d.Cited, "why", d.Why)
	}
	out, cited := RenumberCitations(kept, len(passages))
	if len(cited) == 0 {
		return a.fallback(question, query, passages, NoteNothingSupported, dropped)
	}
	claims := a.claimsByMarker(out)
	citations := make([]Citation, len(cited))
	for i, orig := range cited {
		p := passages[orig-1]
		c := citationFor(i+1, p)
		c.Quote = a.quoteFor(p, claims[i+1]+" "+question)
		citations[i] = c
	}
	return Answer{Text: strings.TrimSpace(out), Mode: ModeGenerated, Citations: citations, Dropped: dropped}
}

// NoteModelDown is an answer's note when the chat endpoint failed and the
// answer was made from the reading list instead: what failed, in the
// asker's words, without its advice to wait ("try again in a minute"):
// the answer follows at once.
func NoteModelDown(err *EndpointError) string {
	msg := err.Message()
	if i := strings.Index(msg, ";"); i >= 0 {
		msg = msg[:i]
	}
	return strings.TrimSuffix(msg, ".") + "; answering from the reading list instead."
}

// fallback is the extractive answer given instead of the model's, with a
// note that says why.
func (a *Answerer) fallback(question, query string, passages []retrieval.Passage, note string, dropped []Dropped) Answer {
	ans := a.extractive(question, query, passages)
	ans.Note = note
	ans.Dropped = dropped
	return ans
}

// withoutUnfinishedSentence drops the end of a reply cut by max_tokens
// after its last finished sentence (one ending in ".", "!" or "?", with
// any markers and quotes after).
func withoutUnfinishedSentence(body string) string {
	trimmed := strings.TrimRight(body, " \t\n")
	if finishedSentence.MatchString(trimmed) {
		return trimmed
	}
	spans := text.SentenceSpans(trimmed)
	if len(spans) == 0 {
		return ""
	}
	return strings.TrimRight(trimmed[:spans[len(spans)-1].Start], " \t\n")
}

// finishedSentence matches text that ends a sentence.
var finishedSentence = regexp.MustCompile(`[.!?…]["”’')*_]*(?:\s*\[[0-9, ]+\])*["”’')*_]*$`)

// spaceBeforePunct is a space left before punctuation by a removed marker.
var spaceBeforePunct = regexp.MustCompile(` +([.,;:!?])`)

// listPrefix is what a line may start with that is not a sentence: a
// bullet, a number of a list, a heading's hashes, a block quote.
var listPrefix = regexp.MustCompile(`^\s*(?:[-*•+]\s+|\d{1,2}[.)]\s+|#{1,6}\s+|>\s*)?`)

// answerSentence is one sentence of a generated answer.
type answerSentence struct {
	line, index int
	text        string
	cited       []int // valid passage numbers its markers name
	named       []int // every number its markers name, valid or not
}

// keepSupported keeps the sentences of the answer that a passage they cite
// supports, keeping the answer's lines (paragraphs, bullets, headings),
// and lists the others. A sentence with no marker is covered by the
// markers of the next sentence of its line; a marker that opens a
// sentence belongs to the one before.
func (a *Answerer) keepSupported(ctx context.Context, body string, passages []retrieval.Passage) (string, []Dropped) {
	lines := strings.Split(body, "\n")
	prefixes := make([]string, len(lines))
	var sents []answerSentence
	for li, line := range lines {
		if isHeading(line) {
			continue
		}
		prefix := listPrefix.FindString(line)
		prefixes[li] = prefix
		body := line[len(prefix):]
		for _, sp := range text.SentenceSpans(body) {
			for _, part := range splitMissedBreaks(body[sp.Start:sp.End]) {
				part = strings.TrimSpace(part)
				if part == "" {
					continue
				}
				// A marker opening this sentence belongs to the one before.
				if ms := ParseMarkers(part); len(ms) > 0 && ms[0].Start == 0 && len(sents) > 0 && sents[len(sents)-1].line == li {
					end := 0
					for _, m := range ms {
						if strings.TrimSpace(part[end:m.Start]) != "" {
							break
						}
						end = m.End
					}
					sents[len(sents)-1].text += " " + strings.TrimSpace(part[:end])
					part = strings.TrimSpace(part[end:])
					if part == "" {
						continue
					}
				}
				sents = append(sents, answerSentence{line: li, index: len(sents), text: part})
			}
		}
	}
	for i := range sents {
		for _, m := range ParseMarkers(sents[i].text) {
			for _, n := range m.Numbers {
				if !slices.Contains(sents[i].named, n) {
					sents[i].named = append(sents[i].named, n)
				}
				if n >= 1 && n <= len(passages) && !slices.Contains(sents[i].cited, n) {
					sents[i].cited = append(sents[i].cited, n)
				}
			}
		}
	}
	// An uncited sentence is covered by the next cited one of its line.
	cover := make([][]int, len(sents))
	for i := len(sents) - 1; i >= 0; i-- {
		cover[i] = sents[i].cited
		if len(cover[i]) == 0 && i+1 < len(sents) && sents[i+1].line == sents[i].line {
			cover[i] = cover[i+1]
		}
	}
	verdicts := a.checkSupport(ctx, sents, cover, passages)
	var dropped []Dropped
	keptLines := make([][]string, len(lines))
	for i, s := range sents {
		if !hasWords(s.text) {
			continue
		}
		if verdicts[i].supported {
			keptLines[s.line] = append(keptLines[s.line], s.text)
			continue
		}
		named := s.named
		if len(named) == 0 {
			named = cover[i]
		}
		dropped = append(dropped, Dropped{Sentence: withoutMarkers(s.text), Cited: append([]int{}, named...), Why: verdicts[i].why})
	}
	var out []string
	for li, kept := range keptLines {
		if len(kept) == 0 {
			if isHeading(lines[li]) && followedByKept(keptLines, li) {
				out = append(out, lines[li])
			} else if strings.TrimSpace(lines[li]) == "" && len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			continue
		}
		out = append(out, prefixes[li]+strings.Join(kept, " "))
	}
	for i := range dropped {
		dropped[i].Sentence = spaceBeforePunct.ReplaceAllString(strings.Join(strings.Fields(dropped[i].Sentence), " "), "$1")
	}
	return strings.TrimSpace(strings.Join(out, "\n")), dropped
}

// checkSupport finds, for each sentence, whether a passage it is covered
// by supports it: with the model check when one is configured, else (or
// when it fails) with the model-free check. The model's "Yes" also needs
// the passage to hold the sentence's facts (factsHeld).
func (a *Answerer) checkSupport(ctx context.Context, sents []answerSentence, cover [][]int, passages []retrieval.Passage) []supportVerdict {
	verdicts := make([]supportVerdict, len(sents))
	checker, err := newSupportChecker(a.synonyms())
	if err != nil {
		a.log.Warn("the support check goes without WordNet's word table", "err", err)
	}
	var remote []int
	for i, s := range sents {
		switch {
		case !hasWords(s.text):
			verdicts[i] = supportVerdict{supported: true}
		case len(cover[i]) == 0 && len(s.named) > 0:
			verdicts[i].why = "it cites no passage that was given"
		case len(cover[i]) == 0:
			verdicts[i].why = "it cites no passage"
		case a.verifier != nil:
			remote = append(remote, i)
		default:
			verdicts[i] = checkAgainst(checker, s.text, cover[i], passages)
		}
	}
	if len(remote) > 0 {
		a.verifier.verifyAll(ctx, a.log, sents, cover, passages, remote, verdicts, func(i int) supportVerdict {
			return checkAgainst(checker, sents[i].text, cover[i], passages)
		})
		// The model's "Yes" stands only where the cited passage holds the
		// sentence's facts (facts.go).
		for _, i := range remote {
			if verdicts[i].supported {
				verdicts[i] = factsHeldByAny(checker, sents[i].text, cover[i], passages)
			}
		}
	}
	return verdicts
}

// checkAgainst runs the model-free check of a sentence against each passage
// it cites, supported when one supports it.
func checkAgainst(checker supportChecker, sentence string, cited []int, passages []retrieval.Passage) supportVerdict {
	return firstSupporting(cited, passages, func(passage, title string) supportVerdict {
		return checker.check(sentence, passage, title)
	})
}

// firstSupporting runs check on each cited passage (numbered from 1) and
// its document's title: the first verdict that supports, else the first
// passage's.
func firstSupporting(cited []int, passages []retrieval.Passage, check func(passage, title string) supportVerdict) supportVerdict {
	var first supportVerdict
	for j, n := range cited {
		p := passages[n-1]
		v := check(p.Text, passageTitle(p))
		if v.supported {
			return v
		}
		if j == 0 {
			first = v
		}
	}
	return first
}

// passageTitle is the title of a passage's document.
func passageTitle(p retrieval.Passage) string {
	if p.Title != "" {
		return p.Title
	}
	return p.Info.Title
}

// hasWords reports whether text, its markers left out, has a word.
func hasWords(body string) bool { return len(text.Words(withoutMarkers(body))) > 0 }

// isHeading reports whether a line is a markdown heading.
func isHeading(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), "#") }

// followedByKept reports whether some line after li keeps a sentence.
func followedByKept(kept [][]string, li int) bool {
	for _, k := range kept[li+1:] {
		if len(k) > 0 {
			return true
		}
	}
	return false
}
