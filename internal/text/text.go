// Package text is how Lectern reads text, in one place for every package:
// words and search terms (lower-cased, stemmed, with stop words dropped
// and diacritics folded), sentences, questions about authorship, and the
// one way a list of authors is written.
package text
