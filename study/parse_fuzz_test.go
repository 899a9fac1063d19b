package study

import (
	"testing"
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
