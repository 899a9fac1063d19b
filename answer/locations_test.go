package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// pagedThreeNos is threeNosPassages with the passage that states the Three
// Nos made a PDF's: it starts on page 3 with a sentence of its own, and
// page 4 starts at the sentence that says "no military alliance"; the hedge
// passage is in a section.
func pagedThreeNos(t *testing.T) fixedSearcher {
	passages := threeNosPassages(t)
	p := &passages[1]
	// The passage runs from page 3 onto page 4, where its sentence on the
	// Three Nos stands.
	earlier := "Hanoi weighs its neighbours with care, as it has for decades. "
	p.Text = earlier + p.Text
	at := len(earlier)
	p.Source, p.Info.Source = "three-nos.pdf", "three-nos.pdf"
	p.Location = retrieval.Location{Page: 3, PageEnd: 4}
	p.Breaks = []retrieval.Break{{At: at, Page: 4}}
	passages[2].Location = retrieval.Location{Section: "The U.S. as a Hedge"}
	return passages
}

func TestCitationsCarryTheirQuotesLocation(t *testing.T) {
	passages := pagedThreeNos(t)
	chat := newChatServer(t, "The Three Nos are no military alliance, no foreign bases and no siding with one power against another [2]. "+
		"Vietnam keeps the United States as a hedge [3].")
	askers := map[string]*Answerer{
		"extractive": New(passages, Config{TopK: 3}),
		"generated":  newGenerating(t, chat.URL(), passages),
	}
	for name, a := range askers {
		t.Run(name, func(t *testing.T) {
			ans, err := a.Ask(context.Background(), Request{Question: "What are the Three Nos? Is the United States a hedge?"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkAnswer(t, ans, passages)
			var sawPage, quotedPageFour bool
			for _, c := range ans.Citations {
				switch c.Source {
				case "three-nos.pdf":
					sawPage = true
					// Page 3 holds only the earlier sentence; the Three Nos
					// sentence is on page 4. The citation names the page
					// the quote starts on, not the chunk's first page.
					onThree := strings.Contains(c.Quote, "weighs its neighbours")
					onFour := strings.Contains(c.Quote, "no military alliance")
					want := retrieval.Location{Page: 4}
					switch {
					case onThree && onFour:
						want = retrieval.Location{Page: 3, PageEnd: 4}
					case onThree:
						want = retrieval.Location{Page: 3}
					}
					if c.Location != want {
						t.Errorf("citation %q: %+v, want %+v", c.Quote, c.Location, want)
					}
					if onFour && !onThree {
						quotedPageFour = true
					}
				case passages[2].Source:
					if c.Section != "The U.S. as a Hedge" || c.Page != 0 {
						t.Errorf("citation %q: %+v, want the section", c.Quote, c.Location)
					}
				}
			}
			if !sawPage || !quotedPageFour {
				t.Errorf("answer %q does not quote the Three Nos sentence of page 4: %+v", ans.Text, ans.Citations)
			}
		})
	}
}

func TestLocationOfACitationWhoseQuoteIsInNoPassage(t *testing.T) {
	passages := pagedThreeNos(t)
	c := Citation{Source: "three-nos.pdf", Quote: "A sentence no passage holds."}
	if got := locationOf(c, passages); got != passages[1].Location {
		t.Errorf("location %+v, want the passage's own %+v", got, passages[1].Location)
	}
	if got := locationOf(Citation{Source: "elsewhere.txt", Quote: "x"}, passages); got != (retrieval.Location{}) {
		t.Errorf("a citation of no passage's source located at %+v", got)
	}
}
