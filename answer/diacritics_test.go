package answer

import (
	"context"
	"testing"

	"github.com/lectern/lectern/internal/text"
)

// TestDiacriticsAnswerAsTheirPlainTwins: a question written with
// Vietnamese diacritics gets the answer its plain-letter twin gets, from
// the seeds, which write the names without them; the text quoted is the
// passage's own.
func TestDiacriticsAnswerAsTheirPlainTwins(t *testing.T) {
	a := New(newSeedSearcher(t), Config{})
	for _, q := range []string{
		"Who is Nguyễn Phú Trọng?",
		"Trọng",
		"What did Trọng receive from Xi?",
		"Whom did Nguyễn Phú Trọng dispatch to Beijing after the oil-rig standoff?",
		"Who greeted Xi at the airport, Phạm Minh Chính?",
	} {
		t.Run(q, func(t *testing.T) {
			marked, err := a.Ask(context.Background(), Request{Question: q}, nil)
			if err != nil {
				t.Fatal(err)
			}
			plain, err := a.Ask(context.Background(), Request{Question: text.Fold(q)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if marked.Mode == ModeNotFound {
				t.Errorf("%q is not found", q)
			}
			if marked.Text != plain.Text || marked.Mode != plain.Mode {
				t.Errorf("%q answered\n  %s (%s)\nits twin %q\n  %s (%s)", q, marked.Text, marked.Mode, text.Fold(q), plain.Text, plain.Mode)
			}
		})
	}
}
