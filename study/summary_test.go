package study

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/retrieval"
)

// TestTheSummaryOfEachSeedIsCitedCentralAndInReadingOrder: for every seed,
// 4–8 sentences, each the source's own (verbatim) with a marker whose
// citation quotes it, in the order the source has them, none a near
// repeat of another.
func TestTheSummaryOfEachSeedIsCitedCentralAndInReadingOrder(t *testing.T) {
	store := seedStore(t)
	for _, src := range store.Sources() {
		t.Run(src.Source, func(t *testing.T) {
			passages := store.Passages(src.Source)
			sum := Summarise(context.Background(), passages)
			if sum.Mode != answer.ModeExtractive {
				t.Errorf("mode %q", sum.Mode)
			}
			var whole string
			for _, p := range passages {
				whole += " " + strings.Join(strings.Fields(p.Text), " ")
			}
			if len(answer.ParseMarkers(sum.Text)) < minSummarySentences || len(answer.ParseMarkers(sum.Text)) > maxSummarySentences {
				t.Fatalf("%d markers in %q", len(answer.ParseMarkers(sum.Text)), sum.Text)
			}
			last := -1
			for _, m := range answer.ParseMarkers(sum.Text) {
				if m.Numbers[0] < 1 || m.Numbers[0] > len(sum.Citations) {
					t.Fatalf("marker %v has no citation", m.Numbers)
				}
			}
			for _, c := range sum.Citations {
				if c.Source != src.Source || c.Title != src.Title {
					t.Errorf("citation of %s (%s), want %s", c.Source, c.Title, src.Source)
				}
				for part := range strings.SplitSeq(c.Quote, " … ") {
					at := strings.Index(whole, part)
					if at < 0 {
						t.Errorf("quote %q is not the source's", part)
					}
				}
			}
			for _, sentence := range markerRe.Split(sum.Text, -1) {
				if sentence = strings.TrimSpace(sentence); sentence == "" {
					continue
				}
				at := strings.Index(whole, sentence)
				if at < 0 {
					t.Errorf("summary sentence %q is not in the source", sentence)
					continue
				}
				if at < last {
					t.Errorf("summary sentence %q comes before the one before it", sentence)
				}
				last = at
			}
		})
	}
}

func TestTheSummaryLeavesOutRepeatsAndSentencesThatCannotStandAlone(t *testing.T) {
	paragraphs := []string{
		"Vietnam and China signed a trade pact on rice and rubber exports.",
		"Vietnam and China signed a trade pact on rice and rubber exports last year.",
		"It was the largest pact of its kind in the region for a decade.",
		"Rice exports from Vietnam to China grew by a third after the pact.",
		"Rubber exports from Vietnam to China doubled after the trade pact.",
		"The pact also covers fishing rights in the gulf between the two countries.",
		"Fishing fleets of both countries now share the gulf under the pact.",
	}
	sum := Summarise(context.Background(), []retrieval.Passage{passage("a.txt", retrieval.SourceInfo{Title: "A"}, paragraphs...)})
	if strings.Contains(sum.Text, "It was") {
		t.Errorf("a sentence leaning on the one before is in %q", sum.Text)
	}
	if strings.Count(sum.Text, "signed a trade pact") > 1 {
		t.Errorf("a near repeat is in %q", sum.Text)
	}
	if n := len(answer.ParseMarkers(sum.Text)); n < minSummarySentences {
		t.Errorf("%d sentences, want at least %d: %q", n, minSummarySentences, sum.Text)
	}
	if got := Summarise(context.Background(), nil); got.Text != "" || got.Citations == nil {
		t.Errorf("no passages: %+v, want an empty summary with no citation", got)
	}
}

func TestALongSourceIsSummarisedSectionBySection(t *testing.T) {
	var paragraphs []string
	topics := []string{"rice harvests in the delta provinces", "naval patrols in the disputed gulf waters"}
	for half, topic := range topics {
		for i := range sectionSentences {
			paragraphs = append(paragraphs, "Report "+strings.Repeat("x", half+1)+" number "+strings.Repeat("i", i%7+1)+" covers "+topic+" and the officials who oversee "+topic+".")
		}
	}
	sum := Summarise(context.Background(), []retrieval.Passage{passage("long.txt", retrieval.SourceInfo{Title: "Long"}, paragraphs...)})
	for _, topic := range topics {
		if !strings.Contains(sum.Text, topic) {
			t.Errorf("the summary of two sections leaves out the section on %s: %q", topic, sum.Text)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := Summarise(ctx, []retrieval.Passage{passage("long.txt", retrieval.SourceInfo{Title: "Long"}, paragraphs...)}); slices.Contains([]string{got.Text}, sum.Text) {
		t.Errorf("a cancelled summary ran to the end")
	}
}

// markerRe ends each sentence of a summary: the sentence (without its
// full stop) is what comes before it.
var markerRe = regexp.MustCompile(` \[[0-9]+\]\.?`)
