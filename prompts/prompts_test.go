package prompts

import (
	"strings"
	"testing"
)

func TestSystemStatesTheRules(t *testing.T) {
	const notFound = "I couldn't find that in the reading list."
	got, err := System(SystemData{NotFound: notFound})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"only from the numbered passages",
		"concise",
		"[1]",
		"reply with exactly this sentence and nothing else:\n" + notFound,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("system prompt lacks %q:\n%s", want, got)
		}
	}
}

func TestUser(t *testing.T) {
	tests := []struct {
		name    string
		data    UserData
		want    []string
		notWant []string
	}{
		{
			name: "numbered passages and the question",
			data: UserData{
				Passages: []Passage{
					{N: 1, Title: "China-Vietnam in warm, new communist embrace", Authors: "Richard Javad Heydarian", Text: "The country’s constitution commits the ruling party to a so-called “Three Nos”."},
					{N: 2, Title: "China and Vietnam agree to strengthen ties as Xi visits Hanoi", Text: "Xi visited Hanoi."},
				},
				Question: "What are the Three Nos?",
			},
			want: []string{
				"[1] (China-Vietnam in warm, new communist embrace — Richard Javad Heydarian) The country’s constitution commits",
				"[2] (China and Vietnam agree to strengthen ties as Xi visits Hanoi) Xi visited Hanoi.",
				"Question: What are the Three Nos?",
			},
			notWant: []string{"Conversation so far", "<no value>"},
		},
		{
			name: "history comes before the question, marked as context",
			data: UserData{
				Passages: []Passage{{N: 1, Title: "T", Text: "x"}},
				History:  []Turn{{Question: "What are the Three Nos?", Answer: "No alliances [1]."}},
				Question: "And who wrote it?",
			},
			want: []string{
				"Conversation so far (context only, not evidence):\n\nQ: What are the Three Nos?\nA: No alliances [1].\n",
				"\nQuestion: And who wrote it?\n",
			},
		},
		{
			name: "text is not HTML-escaped",
			data: UserData{Passages: []Passage{{N: 1, Title: "A & B", Text: "<b>“x”</b>"}}, Question: "Q & A?"},
			want: []string{"(A & B) <b>“x”</b>", "Question: Q & A?"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := User(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("user prompt lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("user prompt has %q:\n%s", w, got)
				}
			}
			if strings.Index(got, "Question:") < strings.LastIndex(got, "[1]") {
				t.Errorf("the question should come after the passages:\n%s", got)
			}
		})
	}
}
