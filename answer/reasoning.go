package answer

import (
	"regexp"
	"strings"
)

// reasoningTagNames are the tags reasoning models wrap their thinking in
// when the server has no reasoning parser: deepseek-r1 and qwen3 write
// <think>, others <thinking> or <reasoning>.
var reasoningTagNames = []string{"think", "thinking", "reasoning"}

// reasoningTag matches an opening or closing reasoning tag, any case.
var reasoningTag = regexp.MustCompile(`(?i)<(/?)(think|thinking|reasoning)\s*>`)

// stripReasoning removes the reasoning of a reply: every block between an
// opening and a closing reasoning tag, and everything before a closing tag
// that has no opening one (a chat template that opens the block in the
// prompt, as qwen3's does). unclosed reports that the reply ended inside
// its reasoning: what it returns then is only the answer written before.
func stripReasoning(text string) (answer string, unclosed bool) {
	var b strings.Builder
	open := "" // the name of the block being skipped
	last := 0
	for _, m := range reasoningTag.FindAllStringSubmatchIndex(text, -1) {
		closing := m[3] > m[2]
		name := strings.ToLower(text[m[4]:m[5]])
		switch {
		case open == "" && !closing:
			b.WriteString(text[last:m[0]])
			open = name
		case open == "" && closing:
			// Reasoning whose opening tag was in the prompt: all before it.
			b.Reset()
		case open == name && closing:
			open = ""
		default:
			continue // a tag inside the reasoning
		}
		last = m[1]
	}
	if open != "" {
		return b.String(), true
	}
	b.WriteString(text[last:])
	return b.String(), false
}

// holdBackPartialTag cuts from text a trailing "<" that may be the start of
// a reasoning tag still streaming in ("<thi"), so that no part of a tag, nor
// the reasoning after it, is shown before the tag is complete.
func holdBackPartialTag(text string) string {
	i := strings.LastIndexByte(text, '<')
	if i < 0 {
		return text
	}
	rest := strings.ToLower(strings.TrimPrefix(text[i+1:], "/"))
	for _, name := range reasoningTagNames {
		if strings.HasPrefix(name+">", rest) || strings.HasPrefix(rest, name) && !strings.Contains(rest, ">") {
			return text[:i]
		}
	}
	return text
}

// thinkingModels are name parts of models that reason before they answer
// and may write their reasoning into the content, with a chat template
// that opens the block in the prompt: their streamed text is held back
// until the reasoning is closed.
var thinkingModels = []string{"deepseek-r1", "qwen3", "qwq", "r1-", "-r1", "think", "reason", "magistral", "gpt-oss", "exaone-deep", "cogito"}

// isThinkingModel reports whether model may write reasoning with only its
// closing tag.
func isThinkingModel(model string) bool {
	model = strings.ToLower(model)
	for _, p := range thinkingModels {
		if strings.Contains(model, p) {
			return true
		}
	}
	return false
}
