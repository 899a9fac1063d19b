package answer

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/evaluation"
)

// TestNotFoundGatesOnTheQuestionSets measures the two gates of relevance.go
// over every question set of testdata/ (about the reading list) and
// questions about other things (notFoundQuestions and
// testdata/outside.txt), with the real index of the seeds: the extractive
// gate lets through nearly every question worded near the text and few
// about other things; the looser gate before the model lets through nearly
// every question about the reading list, however worded.
func TestNotFoundGatesOnTheQuestionSets(t *testing.T) {
	ctx := context.Background()
	store := seedStore(t)
	a := New(store, Config{Logger: slog.New(slog.DiscardHandler)})
	// passed counts the questions each gate lets through.
	passed := func(questions []string) (extractive, model int) {
		for _, q := range questions {
			ps, err := store.Search(ctx, q, config.Default().Retrieval.TopK)
			if err != nil {
				t.Fatal(err)
			}
			sents := a.candidates(ps, questionCue(q) == cueAuthor)
			r := relevance(q, ps, sents)
			if r.answerable() || looseRelevance(q, ps, sents, a.synonyms()).answerable() {
				extractive++
			}
			if r.worthAsking() {
				model++
			}
		}
		return extractive, model
	}
	var near, about []string
	for _, set := range []string{"literal", "blind_near", "blind2_open", "questions", "holdout", "fresh", "blind_paraphrased", "blind2_memory"} {
		qs := readQuestions(t, "../testdata/"+set+".jsonl")
		about = append(about, qs...)
		if set == "literal" || set == "blind_near" || set == "blind2_open" {
			near = append(near, qs...)
		}
	}
	outside := append(readLines(t, "../testdata/outside.txt"), notFoundQuestions...)

	nearExtractive, _ := passed(near)
	aboutExtractive, aboutModel := passed(about)
	outsideExtractive, outsideModel := passed(outside)
	t.Logf("extractive gate: %d of %d worded near the text, %d of %d about the reading list, %d of %d about other things",
		nearExtractive, len(near), aboutExtractive, len(about), outsideExtractive, len(outside))
	t.Logf("model gate: %d of %d about the reading list, %d of %d about other things", aboutModel, len(about), outsideModel, len(outside))
	share := func(n, of int) float64 { return float64(n) / float64(of) }
	if share(nearExtractive, len(near)) < 0.95 {
		t.Errorf("the extractive gate turns away %d of %d questions worded near the text", len(near)-nearExtractive, len(near))
	}
	if share(outsideExtractive, len(outside)) > 0.10 {
		t.Errorf("the extractive gate lets through %d of %d questions about other things", outsideExtractive, len(outside))
	}
	if share(aboutModel, len(about)) < 0.95 {
		t.Errorf("the model gate turns away %d of %d questions about the reading list", len(about)-aboutModel, len(about))
	}
	if share(outsideModel, len(outside)) > 0.5 {
		t.Errorf("the model gate lets through %d of %d questions about other things", outsideModel, len(outside))
	}
}

// readQuestions returns the questions of a question file.
func readQuestions(t *testing.T, path string) []string {
	t.Helper()
	qs, err := evaluation.ReadQuestions(strings.NewReader(readFile(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Question
	}
	return out
}

// readLines returns the lines of a file but blank ones and # comments.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	for line := range strings.Lines(readFile(t, path)) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// readFile returns the text of a file or fails the test.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
