package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	openai "github.com/sashabaranov/go-openai"
)

func (s *Server) chat(w http.ResponseWriter, r *http.Request, fault *Fault) {
	var req openai.ChatCompletionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_request_error", "",
			"We could not parse the JSON body of your request: "+err.Error(), 0)
		return
	}
	s.mu.Lock()
	s.chats = append(s.chats, req)
	reply, delay, script := s.reply, s.chunkDelay, s.script
	s.mu.Unlock()

	if fault != nil {
		f := *fault
		if f.kind == kindStatus && f.Code == "model_not_found" && f.Message == "" {
			f.Message = modelNotFound(req.Model)
		}
		switch {
		case req.Stream && f.kind == kindMalformed:
			w.Header().Set("Content-Type", "text/event-stream")
			_, _ = fmt.Fprint(w, "data: {\"id\": \"chatcmpl-bad\", \"choices\": [oops\n\n")
			return
		case !req.Stream && f.kind == kindStall:
			s.wait(r.Context(), time.Hour)
			abort()
		case !req.Stream && f.kind == kindStreamError:
			f.kind = kindStatus
		}
		if s.applyHTTPFault(w, r, f) {
			return
		}
	}
	if !s.knows(req.Model) {
		writeError(w, http.StatusNotFound, "invalid_request_error", "model_not_found", modelNotFound(req.Model), 0)
		return
	}
	if len(req.Messages) == 0 {
		writeError(w, http.StatusBadRequest, "invalid_request_error", "", "'messages' must contain at least one message", 0)
		return
	}

	var sc *Script
	if script != nil {
		v := script(req)
		sc = &v
		reply = func(openai.ChatCompletionRequest) string { return v.joined() }
	}
	text := reply(req)
	id := "chatcmpl-openaitest-" + strconv.FormatInt(s.completions.Add(1), 10)
	created := time.Now().Unix()
	promptTokens := 0
	for _, m := range req.Messages {
		promptTokens += len(strings.Fields(m.Content))
	}
	usage := openai.Usage{PromptTokens: promptTokens, CompletionTokens: len(strings.Fields(text))}
	usage.TotalTokens = usage.PromptTokens + usage.CompletionTokens

	if !req.Stream {
		resp := openai.ChatCompletionResponse{
			ID: id, Object: "chat.completion", Created: created, Model: req.Model,
			Choices: []openai.ChatCompletionChoice{{
				Index:        0,
				Message:      openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: text},
				FinishReason: openai.FinishReasonStop,
			}},
			Usage: usage,
		}
		if fault != nil && fault.kind == kindCut {
			b, _ := json.Marshal(resp)
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", strconv.Itoa(len(b)))
			_, _ = w.Write(b[:len(b)/2])
			w.(http.Flusher).Flush()
			abort()
		}
		writeJSON(w, resp)
		return
	}
	if sc != nil && fault == nil {
		s.streamScript(w, r, streamChunk{ID: id, Object: "chat.completion.chunk", Created: created, Model: req.Model}, *sc)
		return
	}
	s.stream(w, r, fault, req, streamChunk{ID: id, Object: "chat.completion.chunk", Created: created, Model: req.Model},
		Pieces(text), delay, usage)
}

// streamChunk is one chat.completion.chunk; Usage is written as null on
// every chunk but the last when the client asked for usage.
type streamChunk struct {
	ID      string                              `json:"id"`
	Object  string                              `json:"object"`
	Created int64                               `json:"created"`
	Model   string                              `json:"model"`
	Choices []openai.ChatCompletionStreamChoice `json:"choices"`
	Usage   *openai.Usage                       `json:"usage,omitempty"`
}

// stream writes the reply as server-sent events: the role, the content
// pieces, the finish reason, the usage if asked for, and [DONE].
func (s *Server) stream(w http.ResponseWriter, r *http.Request, fault *Fault, req openai.ChatCompletionRequest,
	head streamChunk, pieces []string, delay time.Duration, usage openai.Usage) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "server_error", "", "openaitest: streaming unsupported", 0)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)

	send := func(delta openai.ChatCompletionStreamChoiceDelta, finish openai.FinishReason) {
		c := head
		c.Choices = []openai.ChatCompletionStreamChoice{{Index: 0, Delta: delta, FinishReason: finish}}
		b, _ := json.Marshal(c)
		_, _ = fmt.Fprintf(w, "data: %s\n\n", b)
		flusher.Flush()
	}
	send(openai.ChatCompletionStreamChoiceDelta{Role: openai.ChatMessageRoleAssistant}, "")
	// breaks ends the stream as the fault says once fault.After deltas (or
	// all there are) have been sent, and reports whether it did.
	breaks := func(sent int) bool {
		if fault == nil || sent != min(fault.After, len(pieces)) {
			return false
		}
		switch fault.kind {
		case kindCut:
			abort()
		case kindStall:
			s.wait(r.Context(), time.Hour)
			abort()
		case kindStreamError:
			b, _ := json.Marshal(apiError{Error: apiErrorBody{Message: fault.Message, Type: fault.Type}})
			_, _ = fmt.Fprintf(w, "data: %s\n\n", b)
			flusher.Flush()
			return true
		}
		return false
	}
	for i, p := range pieces {
		if breaks(i) {
			return
		}
		if !s.wait(r.Context(), delay) {
			abort()
		}
		send(openai.ChatCompletionStreamChoiceDelta{Content: p}, "")
	}
	if breaks(len(pieces)) {
		return
	}
	send(openai.ChatCompletionStreamChoiceDelta{}, openai.FinishReasonStop)
	if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
		c := head
		c.Choices = []openai.ChatCompletionStreamChoice{}
		c.Usage = &usage
		b, _ := json.Marshal(c)
		_, _ = fmt.Fprintf(w, "data: %s\n\n", b)
	}
	_, _ = fmt.Fprint(w, "data: [DONE]\n\n")
	flusher.Flush()
}

// Pieces splits a reply into the content deltas the streaming endpoint
// sends: each word with the spaces that follow it. Joined, they give the
// reply back exactly.
func Pieces(text string) []string {
	var pieces []string
	start := 0
	inSpace := true
	for i, r := range text {
		if !unicode.IsSpace(r) && inSpace && i > start {
			// a word begins after spaces: close the previous piece
			if strings.TrimSpace(text[start:i]) != "" {
				pieces = append(pieces, text[start:i])
				start = i
			}
		}
		inSpace = unicode.IsSpace(r)
	}
	if start < len(text) {
		pieces = append(pieces, text[start:])
	}
	return pieces
}
