package bot

import (
	"strings"
	"testing"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/retrieval"
)

func TestCitationsShowWhereTheQuoteStands(t *testing.T) {
	base := answer.Citation{N: 2, Source: "r.pdf", Title: "Vietnam's hedging", Authors: []string{"Le Hong Hiep"}}
	tests := []struct {
		name string
		loc  retrieval.Location
		want string
	}{
		{"a page", retrieval.Location{Page: 14}, "*Vietnam's hedging* — Le Hong Hiep, p. 14"},
		{"two pages", retrieval.Location{Page: 14, PageEnd: 15}, "*Vietnam's hedging* — Le Hong Hiep, pp. 14–15"},
		{"a section", retrieval.Location{Section: "The U.S. as a Hedge"}, "*Vietnam's hedging* — Le Hong Hiep, § The U.S. as a Hedge"},
		{"plain text", retrieval.Location{}, "*Vietnam's hedging* — Le Hong Hiep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			c.Location = tt.loc
			if got := citationLine(c); got != tt.want {
				t.Errorf("citationLine = %q, want %q", got, tt.want)
			}
			msgs := renderAnswer("Q?", answer.Answer{Text: "A [2].", Citations: []answer.Citation{c}}, "k")
			if src := msgs[len(msgs)-1].embeds[1].Description; src != "**[2]** "+tt.want {
				t.Errorf("Sources = %q, want %q", src, "**[2]** "+tt.want)
			}
		})
	}
	noAuthor := answer.Citation{N: 1, Source: "s.html", Title: "A *bold* title", Location: retrieval.Location{Page: 3}}
	if got, want := citationLine(noAuthor), `*A \*bold\* title* — p. 3`; got != want {
		t.Errorf("citationLine = %q, want %q", got, want)
	}
	if got, want := citationSource(noAuthor), "A *bold* title — p. 3"; got != want {
		t.Errorf("citationSource = %q, want %q", got, want)
	}
}

func TestSourcesShowPagesOrSections(t *testing.T) {
	msgs := renderSources([]retrieval.SourceStats{
		{SourceInfo: retrieval.SourceInfo{Source: "r.pdf", Title: "Report"}, Chunks: 61, Pages: 23},
		{SourceInfo: retrieval.SourceInfo{Source: "a.html", Title: "Article"}, Chunks: 5, Sections: 4},
		{SourceInfo: retrieval.SourceInfo{Source: "n.txt", Title: "Notes"}, Chunks: 2},
	})
	text := msgs[0].embeds[0].Description
	for _, want := range []string{"23 pages · 61 chunks · `r.pdf`", "4 sections · 5 chunks · `a.html`", "\n2 chunks · `n.txt`"} {
		if !strings.Contains(text, want) {
			t.Errorf("reading list %q lacks %q", text, want)
		}
	}
}
