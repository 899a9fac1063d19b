package retrieval

import "github.com/lectern/lectern/internal/text"

// windowSentences is how many consecutive sentences a search window holds.
// Two did best on the evaluation sets: one loses questions whose words
// span a sentence break, three dilutes as whole chunks do.
const windowSentences = 2

// sentenceWindows returns the spans of text's search windows: every run of
// windowSentences consecutive sentences, sliding by one. A text of one
// sentence is one window.
func sentenceWindows(body string) []text.Span {
	sentences := text.SentenceSpans(body)
	if len(sentences) == 0 {
		return nil
	}
	windows := make([]text.Span, 0, max(1, len(sentences)-windowSentences+1))
	for i := range sentences {
		last := min(i+windowSentences, len(sentences)) - 1
		windows = append(windows, text.Span{Start: sentences[i].Start, End: sentences[last].End})
		if last == len(sentences)-1 {
			break
		}
	}
	return windows
}
