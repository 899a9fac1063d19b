package retrieval

import (
	"testing"

	"github.com/lectern/lectern/internal/text"
)

func TestSentenceWindows(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"no text has no windows", "", nil},
		{"one sentence is one window", "Hanoi hosted Xi.", []string{"Hanoi hosted Xi."}},
		{"two sentences are one window", "Xi came. Trong met him.", []string{"Xi came. Trong met him."}},
		{"windows slide by one sentence", "Xi came. Trong met him. They signed deals. Then they dined.",
			[]string{"Xi came. Trong met him.", "Trong met him. They signed deals.", "They signed deals. Then they dined."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range sentenceWindows(tt.text) {
				got = append(got, tt.text[w.Start:w.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("sentenceWindows(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("window %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestCoverageNudge: among results that the fusion scores nearly alike, the
// one whose single window holds all of the question's words goes first; a
// clear lead in the fusion is kept.
func TestCoverageNudge(t *testing.T) {
	spread := "Trong visited Beijing. The weather was cold. Many people watched. A salute was fired."
	together := "Trong visited Beijing and a salute was fired. The weather was cold."
	var chunks []storedChunk
	for i, text := range []string{spread, together, "Hanoi hosted Xi.", "Other text here."} {
		chunks = append(chunks, storedChunk{Chunk: Chunk{ID: string(rune('a' + i)), Text: text, End: len(text)}, SearchText: text, Windows: sentenceWindows(text)})
	}
	ix := assemble(indexMeta{}, chunks, nil)
	tests := []struct {
		name      string
		scores    [2]float64 // fused scores of spread and together
		wantFirst int
	}{
		{"a near-tie goes to the passage that holds the question in one place", [2]float64{0.1050, 0.1049}, 1},
		{"a clear lead is kept", [2]float64{0.1100, 0.1000}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := []scored{{doc: 0, score: tt.scores[0]}, {doc: 1, score: tt.scores[1]}}
			ix.nudgeByCoverage(text.Terms("Which salute greeted Trong in Beijing?"), results)
			if results[0].doc != tt.wantFirst {
				t.Errorf("first = chunk %d (scores %v), want chunk %d", results[0].doc, results, tt.wantFirst)
			}
		})
	}
}
