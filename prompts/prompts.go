// Package prompts holds the prompts Lectern sends to a chat endpoint, one
// template file per prompt, embedded in the binary and rendered with
// text/template.
package prompts

import (
	"embed"
	"fmt"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var files embed.FS

// templates are parsed once; a template that does not parse is a bug in
// this package, caught by its tests.
var templates = template.Must(template.New("prompts").ParseFS(files, "*.tmpl"))

// SystemData fills the system prompt.
type SystemData struct {
	// NotFound is the exact sentence the model replies with when the
	// passages do not answer the question.
	NotFound string
}

// UserData fills the user prompt: the passages, the conversation so far and
// the question.
type UserData struct {
	Passages []Passage
	History  []Turn
	Question string
	// NotFound is the sentence to reply with when the passages do not
	// answer, restated after the passages.
	NotFound string
}

// Passage is one numbered passage of the user prompt.
type Passage struct {
	// N is the number the model cites the passage by: [N].
	N     int
	Title string
	// Authors is the authors' names joined for reading ("A and B"), or "".
	Authors string
	// Publisher and Date say where and when the document appeared, when
	// known ("Asia Times", "2022").
	Publisher string
	Date      string
	Text      string
}

// Turn is one earlier question and answer of the conversation.
type Turn struct {
	Question string
	Answer   string
}

// System renders the system prompt.
func System(data SystemData) (string, error) {
	return render("system.tmpl", data)
}

// User renders the user prompt.
func User(data UserData) (string, error) {
	return render("user.tmpl", data)
}

func render(name string, data any) (string, error) {
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render prompt %s: %w", name, err)
	}
	return strings.TrimSpace(b.String()) + "\n", nil
}

// TokenBudget is the most tokens the system and user prompts may take
// together, reply-chain history included: it leaves room for an answer of
// up to 1000 tokens in the 4096-token context that local servers give 8B
// models by default (Ollama's num_ctx). Tokens are estimated, not counted
// (EstimateTokens).
const TokenBudget = 3000

// EstimateTokens estimates the tokens of text for the tokenizers of
// today's 8B models (Llama 3, Qwen, Mistral), on the high side: one per
// four bytes, or four per three words, whichever is more.
func EstimateTokens(text string) int {
	byBytes := (len(text) + 3) / 4
	byWords := (4*len(strings.Fields(text)) + 2) / 3
	return max(byBytes, byWords)
}

// Fit drops what does not fit the budget from the user prompt's data,
// with system the system prompt: the oldest turns of the conversation
// first, then the passages ranked last. The question and the first passage
// always stay; so the prompt may go over the budget only with them alone.
func Fit(system string, data UserData, budget int) (UserData, error) {
	for {
		user, err := User(data)
		if err != nil {
			return data, err
		}
		if EstimateTokens(system)+EstimateTokens(user) <= budget {
			return data, nil
		}
		switch {
		case len(data.History) > 0:
			data.History = data.History[1:]
		case len(data.Passages) > 1:
			data.Passages = data.Passages[:len(data.Passages)-1]
		default:
			return data, nil
		}
	}
}
