package openaitest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"
)

// TestScriptedRepliesReachGoOpenAIAsWritten: a script's deltas arrive one
// by one, cut where the script cut them, reasoning in its field, with the
// script's finish reason, and without [DONE] when it says so.
func TestScriptedRepliesReachGoOpenAIAsWritten(t *testing.T) {
	tests := []struct {
		name   string
		script Script
	}{
		{"content cut inside a tag", Script{Content: Split("<think>hmm [3]</think>Xi went [1].", 3, 10, 20)}},
		{"reasoning_content", Script{Reasoning: []string{"Let me ", "think."}, Content: []string{"Xi went [1]."}}},
		{"reasoning field", Script{Reasoning: []string{"Thinking."}, ReasoningField: "reasoning", Content: []string{"Xi went [1]."}}},
		{"cut by max_tokens", Script{Content: []string{"Xi went [1]. He also"}, FinishReason: openai.FinishReasonLength}},
		{"no [DONE]", Script{Content: []string{"Xi ", "went [1]."}, NoDone: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			s.SetChatScript(func(openai.ChatCompletionRequest) Script { return tt.script })
			stream, err := s.Client("").CreateChatCompletionStream(context.Background(), openai.ChatCompletionRequest{
				Model: ChatModel, Stream: true, Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hi"}}})
			if err != nil {
				t.Fatal(err)
			}
			defer stream.Close()
			var content, reasoning []string
			var finish openai.FinishReason
			for {
				resp, err := stream.Recv()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range resp.Choices {
					if c.Delta.Content != "" {
						content = append(content, c.Delta.Content)
					}
					if c.Delta.ReasoningContent != "" {
						reasoning = append(reasoning, c.Delta.ReasoningContent)
					}
					if c.FinishReason != "" {
						finish = c.FinishReason
					}
				}
			}
			if strings.Join(content, "|") != strings.Join(tt.script.Content, "|") {
				t.Errorf("content deltas %q, want %q", content, tt.script.Content)
			}
			wantReasoning := tt.script.Reasoning
			if tt.script.ReasoningField == "reasoning" {
				wantReasoning = nil // go-openai reads only reasoning_content
			}
			if strings.Join(reasoning, "|") != strings.Join(wantReasoning, "|") {
				t.Errorf("reasoning deltas %q, want %q", reasoning, wantReasoning)
			}
			want := tt.script.FinishReason
			if want == "" {
				want = openai.FinishReasonStop
			}
			if finish != want {
				t.Errorf("finish %q, want %q", finish, want)
			}
		})
	}
}

// TestScriptWithoutDoneEndsTheBodyWithoutIt reads the raw stream.
func TestScriptWithoutDoneEndsTheBodyWithoutIt(t *testing.T) {
	for _, noDone := range []bool{false, true} {
		s := New(t)
		s.SetChatScript(func(openai.ChatCompletionRequest) Script { return Script{Content: []string{"a"}, NoDone: noDone} })
		resp, err := http.Post(s.URL()+"/chat/completions", "application/json",
			strings.NewReader(`{"model":"`+ChatModel+`","stream":true,"messages":[{"role":"user","content":"hi"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if got := strings.Contains(string(body), "[DONE]"); got == noDone {
			t.Errorf("NoDone %v: body holds [DONE]: %v\n%s", noDone, got, body)
		}
	}
}

// TestSplitCutsAtTheOffsets: Split's pieces join back to the text.
func TestSplitCutsAtTheOffsets(t *testing.T) {
	got := Split("<think>x</think>", 2, 9, 100)
	if strings.Join(got, "|") != "<t|hink>x<|/think>" {
		t.Errorf("Split = %q", got)
	}
}
