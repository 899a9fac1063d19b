package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Script is a reply of the streaming chat endpoint written delta by delta,
// as local servers really send them (Ollama, llama.cpp's server, vLLM, LM
// Studio): reasoning in its own field, content cut at chosen places, a
// finish reason other than "stop", a stream that never sends [DONE].
type Script struct {
	// Reasoning are reasoning deltas, sent before the content in
	// ReasoningField.
	Reasoning []string
	// ReasoningField is the JSON field of the reasoning deltas:
	// "reasoning_content" (vLLM, llama.cpp, DeepSeek) when empty, or
	// "reasoning" (Ollama's and OpenRouter's OpenAI-compatible APIs).
	ReasoningField string
	// Content are the content deltas, sent exactly as they are, one per
	// chunk: a tag or a marker may be split between two.
	Content []string
	// FinishReason is the finish reason of the last chunk; empty means
	// "stop".
	FinishReason openai.FinishReason
	// NoDone ends the stream after its last chunk without "data: [DONE]",
	// as some servers do.
	NoDone bool
}

// Split cuts text into deltas at the given byte offsets (in increasing
// order), so that a test chooses where a tag or a marker is cut.
func Split(text string, at ...int) []string {
	var out []string
	last := 0
	for _, i := range at {
		if i <= last || i >= len(text) {
			continue
		}
		out = append(out, text[last:i])
		last = i
	}
	return append(out, text[last:])
}

// SetChatScript makes the streaming chat endpoint answer with the script
// that script returns for each request; nil goes back to SetChatReply's
// reply. A request that does not stream gets the script's content joined.
func (s *Server) SetChatScript(script func(req openai.ChatCompletionRequest) Script) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = script
}

// streamScript writes a script as server-sent events.
func (s *Server) streamScript(w http.ResponseWriter, r *http.Request, head streamChunk, sc Script) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "server_error", "", "openaitest: streaming unsupported", 0)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	field := sc.ReasoningField
	if field == "" {
		field = "reasoning_content"
	}
	send := func(delta map[string]any, finish openai.FinishReason) {
		choice := map[string]any{"index": 0, "delta": delta, "finish_reason": nil}
		if finish != "" {
			choice["finish_reason"] = finish
		}
		b, _ := json.Marshal(map[string]any{"id": head.ID, "object": head.Object, "created": head.Created, "model": head.Model, "choices": []any{choice}})
		_, _ = fmt.Fprintf(w, "data: %s\n\n", b)
		flusher.Flush()
	}
	send(map[string]any{"role": openai.ChatMessageRoleAssistant}, "")
	for _, p := range sc.Reasoning {
		send(map[string]any{field: p}, "")
	}
	for _, p := range sc.Content {
		if !s.wait(r.Context(), s.delay()) {
			abort()
		}
		send(map[string]any{"content": p}, "")
	}
	finish := sc.FinishReason
	if finish == "" {
		finish = openai.FinishReasonStop
	}
	send(map[string]any{}, finish)
	if !sc.NoDone {
		_, _ = fmt.Fprint(w, "data: [DONE]\n\n")
		flusher.Flush()
	}
}

// delay is the chunk delay now set.
func (s *Server) delay() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.chunkDelay
}

// joined is a script's content as one text.
func (sc Script) joined() string { return strings.Join(sc.Content, "") }
