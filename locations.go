package main

import "github.com/lectern/lectern/retrieval"

// withLocation adds a location's label ("p. 14", "§ Heading") to a
// description: "Lye Liang Fook, p. 14".
func withLocation(description string, loc retrieval.Location) string {
	return joinNonEmpty(description, loc.Label())
}

// withExtent adds a source's pages or sections to a description:
// "report.pdf, 23 pages".
func withExtent(description string, s retrieval.SourceStats) string {
	return joinNonEmpty(description, s.Extent())
}

// joinNonEmpty joins the parts that are not empty with ", ".
func joinNonEmpty(parts ...string) string {
	out := ""
	for _, p := range parts {
		switch {
		case p == "":
		case out == "":
			out = p
		default:
			out += ", " + p
		}
	}
	return out
}
