package study

import (
	"fmt"
	"strings"

	"github.com/lectern/lectern/retrieval"
)

// ResolveSource finds the source a user means: its file name, or a part of
// its title (case, quotes and spacing aside) that only it has. An unknown
// or ambiguous name is an error that lists the matches (or the reading
// list).
func ResolveSource(sources []retrieval.SourceStats, name string) (retrieval.SourceStats, error) {
	want := normal(strings.TrimSpace(name))
	if want == "" {
		return retrieval.SourceStats{}, fmt.Errorf("name a source: a file name or part of a title")
	}
	var matches []retrieval.SourceStats
	for _, s := range sources {
		if normal(s.Source) == want || normal(s.Title) == want {
			return s, nil
		}
		if strings.Contains(normal(s.Title), want) || strings.Contains(normal(s.Source), want) {
			matches = append(matches, s)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return retrieval.SourceStats{}, fmt.Errorf("no source of the reading list is called %q; the reading list:%s", name, listSources(sources))
	}
	return retrieval.SourceStats{}, fmt.Errorf("%q matches %d sources; say which:%s", name, len(matches), listSources(matches))
}

// listSources writes one "file: title" line per source.
func listSources(sources []retrieval.SourceStats) string {
	var b strings.Builder
	for _, s := range sources {
		fmt.Fprintf(&b, "\n  %s: %s", s.Source, s.Title)
	}
	return b.String()
}
