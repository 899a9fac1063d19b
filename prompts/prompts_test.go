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

// TestUserRestatesTheFormatAfterThePassages: a small model reads the end
// of the prompt best, so the citation format, an example and the
// not-found sentence come after the passages and the question; each
// passage says who published it and when.
func TestUserRestatesTheFormatAfterThePassages(t *testing.T) {
	const notFound = "I couldn't find that in the reading list."
	got, err := User(UserData{
		Passages: []Passage{{N: 1, Title: "China-Vietnam in warm, new communist embrace", Authors: "Richard Javad Heydarian", Publisher: "Asia Times", Date: "2022", Text: "x"},
			{N: 2, Title: "China and Vietnam agree", Publisher: "IRIA", Text: "y"}, {N: 3, Title: "T", Date: "2023-12", Text: "z"}},
		Question: "What are the Three Nos?",
		NotFound: notFound,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"[1] (China-Vietnam in warm, new communist embrace — Richard Javad Heydarian; Asia Times, 2022) x",
		"[2] (China and Vietnam agree; IRIA) y",
		"[3] (T; 2023-12) z",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("user prompt lacks %q:\n%s", want, got)
		}
	}
	question := strings.Index(got, "Question:")
	for _, after := range []string{"square brackets", "[2]. It carries", "reply with exactly this sentence and nothing else:\n" + notFound} {
		if i := strings.Index(got, after); i < question {
			t.Errorf("%q is not restated after the question:\n%s", after, got)
		}
	}
}

// TestFitKeepsThePromptWithinItsBudget: history goes first, then the
// passages ranked last; the question and the first passage stay.
func TestFitKeepsThePromptWithinItsBudget(t *testing.T) {
	long := strings.Repeat("The passage says a great deal about the visit. ", 60) // about 700 tokens
	data := UserData{Question: "What are the Three Nos?", NotFound: "Not found."}
	for i := 1; i <= 8; i++ {
		data.Passages = append(data.Passages, Passage{N: i, Title: "T", Text: long})
		data.History = append(data.History, Turn{Question: "Q?", Answer: long})
	}
	system, err := System(SystemData{NotFound: "Not found."})
	if err != nil {
		t.Fatal(err)
	}
	fit, err := Fit(system, data, TokenBudget)
	if err != nil {
		t.Fatal(err)
	}
	user, _ := User(fit)
	if n := EstimateTokens(system) + EstimateTokens(user); n > TokenBudget {
		t.Errorf("the prompt takes %d tokens, over the budget of %d", n, TokenBudget)
	}
	if len(fit.History) != 0 || len(fit.Passages) == 0 || len(fit.Passages) == len(data.Passages) || fit.Passages[0].N != 1 {
		t.Errorf("fit kept %d turns and %d passages (first %d)", len(fit.History), len(fit.Passages), fit.Passages[0].N)
	}
	small := UserData{Question: "Q?", Passages: data.Passages[:1], History: []Turn{{Question: "Q?", Answer: "A."}}}
	if got, _ := Fit(system, small, TokenBudget); len(got.History) != 1 || len(got.Passages) != 1 {
		t.Errorf("a prompt within the budget was cut: %+v", got)
	}
	alone := UserData{Question: "Q?", Passages: []Passage{{N: 1, Text: strings.Repeat(long, 10)}}}
	if got, _ := Fit(system, alone, TokenBudget); len(got.Passages) != 1 {
		t.Errorf("the first passage was dropped")
	}
}
