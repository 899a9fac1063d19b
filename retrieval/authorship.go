package retrieval

import "github.com/lectern/lectern/internal/text"

// QuestionTerms are the terms a question is searched and answered by: its
// Terms, except that a question about who wrote or published something is
// searched by its subject alone (see subjectTerms), since no passage but a
// byline says "wrote", and a byline says only that.
func QuestionTerms(question string) []string {
	if text.AsksAboutAuthorship(question) {
		return subjectTerms(question)
	}
	return text.Terms(question)
}

// subjectTerms are the terms of an authorship question that say which
// document it is about: its Terms without the authorship and document
// words. "Who wrote the piece on party-to-party ties?" → party, ties.
func subjectTerms(query string) []string {
	var kept []string
	for _, w := range text.Words(query) {
		if text.IsAuthorshipWord(w) || text.IsDocumentWord(w) || text.IsStopWord(w) {
			continue
		}
		kept = append(kept, text.Stem(w))
	}
	return kept
}
