package study

import (
	"context"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// FuzzParseItems: whatever the model replies, reading it neither panics
// nor hangs, and every item it yields goes through the checks without
// panicking.
func FuzzParseItems(f *testing.F) {
	f.Add(`{"questions": [{"question": "Q?", "options": ["a", "b", "c", "d"], "answer": 0, "passage": 1, "evidence": "a b"}]}`)
	f.Add("```json\n[{\"question\": \"Q\"}]\n```")
	f.Add(`prose {"questions": [ unclosed`)
	f.Add(`[]} {`)
	f.Fuzz(func(t *testing.T, reply string) {
		items, err := parseItems(reply)
		if err != nil {
			return
		}
		for _, it := range items {
			_, _ = it.check(modelPassages)
		}
	})
}

// FuzzGenerator: whatever a document of the reading list holds, reading
// it, making a round and a summary of it neither panics nor hangs, and
// every question made keeps the rules.
func FuzzGenerator(f *testing.F) {
	f.Add("In 1979, China invaded Vietnam in a brief border war that lasted weeks.\n\nThe two countries normalized relations in 1991 after long talks.\n\nVietnam joined the WTO in 2007 and ASEAN in 1995, long after the war.")
	f.Add("President Xi Jinping met Prime Minister Pham Minh Chinh in Hanoi on December 12, 2023, and signed 36 agreements.")
	f.Add("About the Author:\n\nJane Roe wrote this in 2020 for the Belt and Road Initiative (BRI) forum.")
	f.Add("U.S.-Vietnam ties (Smith, 2022) rose 56.9 percent; $60 million (US$10 billion) in aid came on October 30th.")
	f.Add("Germany invaded Poland in 1939, and the war followed.\n\nRussia invaded Ukraine in 2022.\n\nWhen Finland joined NATO in 2023 after years of talks, Sweden waited.\n\nIn its report, the agency counted 14 pipelines.\n\nDuring the visit, Norway and Italy signed at least 36 agreements in Rome.")
	f.Add("Japan and China quarrel over islands in the East China Sea.\n\nAustralian warships sailed through the Coral Sea in 2021.\n\nAfter the crisis of 2014, Hanoi sent an envoy to Beijing in August 2014, as had happened in 2011.\n\nBesides the ASEAN countries, the pact includes China, Japan and Australia, and Prime Minister Pham Minh Chinh signed it.")
	f.Fuzz(func(t *testing.T, text string) {
		p := passage("f.txt", retrieval.SourceInfo{Title: "F", Authors: []string{"Jane Roe"}}, text)
		g := NewGenerator([]retrieval.Passage{p})
		round, err := g.Round(RoundOptions{Count: 5, Seed: 1})
		if err != nil && err != ErrNoQuestions {
			t.Fatal(err)
		}
		for _, q := range round.Questions {
			if problems := Problems(q); len(problems) > 0 {
				t.Errorf("%q: %q", q.Question, problems)
			}
		}
		_ = Summarise(context.Background(), []retrieval.Passage{p})
	})
}

// FuzzGeneratorWithADate: whatever a document's date says (the
// manifest's words), reading it to date a question about a person
// neither panics nor hangs, a year read from it is a plausible one, and
// every question made keeps the rules.
func FuzzGeneratorWithADate(f *testing.F) {
	f.Add("2023-12", "U.S. President Joe Biden visited Hanoi and spoke about trade with Vietnam's leaders.\n\nChinese President Xi Jinping met the Vietnamese leaders in Hanoi after that.")
	f.Add("199", "In 2013, Hanoi and Washington signed a partnership, and three years after that, U.S. President Barack Obama ended the arms embargo.")
	f.Add("９９９９-01", "Russian President Vladimir Putin told reporters in Moscow that the treaty with Vietnam would be kept in force.")
	f.Fuzz(func(t *testing.T, date, text string) {
		if y := documentYear(date); y != 0 && (y < 1800 || y > 2200) {
			t.Errorf("documentYear(%q) = %d", date, y)
		}
		p := passage("f.txt", retrieval.SourceInfo{Title: "F", Date: date}, text)
		g := NewGenerator([]retrieval.Passage{p})
		round, err := g.Round(RoundOptions{Count: 5, Seed: 1})
		if err != nil && err != ErrNoQuestions {
			t.Fatal(err)
		}
		for _, q := range round.Questions {
			if problems := Problems(q); len(problems) > 0 {
				t.Errorf("%q: %q", q.Question, problems)
			}
		}
	})
}
