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
}

// Passage is one numbered passage of the user prompt.
type Passage struct {
	// N is the number the model cites the passage by: [N].
	N     int
	Title string
	// Authors is the authors' names joined for reading ("A and B"), or "".
	Authors string
	Text    string
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
