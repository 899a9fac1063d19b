package answer

import (
	"log/slog"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestTheSupportCheckReadsSynonymsAsConfigured: with `[retrieval]
// synonyms = false` (an empty table), a sentence that only synonyms tie to
// its passage is not supported; by default (nil) the built-in table ties it.
func TestTheSupportCheckReadsSynonymsAsConfigured(t *testing.T) {
	const passage = "The ministers examined the proposal carefully."
	const sentence = "The ministers scrutinized the suggestion thoroughly."
	tests := []struct {
		name      string
		synonyms  retrieval.Synonyms
		supported bool
	}{
		{"the built-in table by default", nil, true},
		{"none when synonyms are off", retrieval.Synonyms{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := New(seedStore(t), Config{Logger: slog.New(slog.DiscardHandler), Synonyms: tt.synonyms})
			v := builtinSupportChecker(a.synonyms()).check(sentence, passage, "")
			if v.supported != tt.supported {
				t.Errorf("supported = %v (%s), want %v", v.supported, v.why, tt.supported)
			}
		})
	}
}
