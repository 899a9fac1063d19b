package text

// AsksAboutAuthorship reports whether a question is about who wrote or
// published something: a word of IsAuthorshipWord's list in it. "Who"
// alone does not make one: "Who is Ge Hongliang?" asks about a person the
// text describes.
func AsksAboutAuthorship(question string) bool {
	for _, w := range Words(question) {
		if authorshipWords[w] {
			return true
		}
	}
	return false
}

// IsAuthorshipWord reports whether a lower-cased word makes a question one
// about authorship ("wrote", "author", "published").
func IsAuthorshipWord(word string) bool { return authorshipWords[word] }

// IsDocumentWord reports whether a lower-cased word names a kind of
// document ("article", "piece", "column"). In an authorship question it
// says nothing of which document is meant.
func IsDocumentWord(word string) bool { return documentWords[word] }

// authorshipWords are the words that make a question one about authorship.
var authorshipWords = wordSet(`author authors authored wrote written writer writers byline publish published publisher publication`)

// documentWords name a kind of document: "the piece on …", "the column
// about …".
var documentWords = wordSet(`article articles piece pieces column columns essay essays report paper commentary analysis op ed`)
