package text

import (
	"strconv"
	"strings"
)

// JoinNames writes a list of names as a sentence does: "A", "A and B",
// "A, B and C". It is the one way Lectern writes authors, in answers,
// bylines and citations alike.
func JoinNames(names []string) string {
	if len(names) <= 2 {
		return strings.Join(names, " and ")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Byline writes what is known of who made a source and when, the parts
// that are known joined by " · ": "Le Hong Hiep · ISEAS · 2023",
// "Alice Colantoni and Giulia Alessandra Foti", "Asia Times". Authors are
// written by JoinNames.
func Byline(authors []string, publisher, date string) string {
	var parts []string
	if len(authors) > 0 {
		parts = append(parts, JoinNames(authors))
	}
	if publisher != "" {
		parts = append(parts, publisher)
	}
	if date != "" {
		parts = append(parts, date)
	}
	return strings.Join(parts, " · ")
}

// Plural writes a count and its noun, the noun in the plural unless the
// count is one: "1 file", "2 files". Nouns whose plural is not noun+"s"
// are not for it.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
