package retrieval

// asksAboutAuthorship reports whether a question is about who wrote or
// published something, the only questions a byline passage should answer.
// Elsewhere a byline, which repeats its document's title, would outrank
// the passages that answer. "Who" alone does not make one: "Who is Ge
// Hongliang?" asks about a person the text describes.
func asksAboutAuthorship(query string) bool {
	for _, w := range Words(query) {
		if authorshipWords[w] {
			return true
		}
	}
	return false
}

// authorshipWords are the words that make a question one about authorship.
var authorshipWords = wordSet(`author authors authored wrote written writer writers byline publish published publisher publication`)

// documentWords name a kind of document: "the piece on …", "the column
// about …". In an authorship question they say nothing of which document
// is meant, and in the text they match any passage that cites another
// article.
var documentWords = wordSet(`article articles piece pieces column columns essay essays report paper commentary analysis op ed`)

// QuestionTerms are the terms a question is searched and answered by: its
// Terms, except that a question about who wrote or published something is
// searched by its subject alone (see subjectTerms), since no passage but a
// byline says "wrote", and a byline says only that.
func QuestionTerms(question string) []string {
	if asksAboutAuthorship(question) {
		return subjectTerms(question)
	}
	return Terms(question)
}

// subjectTerms are the terms of an authorship question that say which
// document it is about: its Terms without the authorship and document
// words. "Who wrote the piece on party-to-party ties?" → party, ties.
func subjectTerms(query string) []string {
	var kept []string
	for _, w := range Words(query) {
		if authorshipWords[w] || documentWords[w] || IsStopWord(w) {
			continue
		}
		kept = append(kept, Stem(w))
	}
	return kept
}
