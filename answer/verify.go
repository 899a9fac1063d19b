package answer

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/endpoint"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// DefaultVerifyTimeout bounds the model check of one answer when
// Config.VerifyTimeout is zero.
const DefaultVerifyTimeout = 30 * time.Second

// maxParallelChecks is how many questions are put to the fact-checking
// model at once.
const maxParallelChecks = 4

// verifier asks a fact-checking model (bespoke-minicheck on Ollama, say)
// whether a passage supports a sentence: "Document: …\nClaim: …", answered
// "Yes" or "No".
type verifier struct {
	client  *openai.Client
	model   string
	apiKey  string
	timeout time.Duration
}

// newVerifier makes the verifier of cfg, or nil when none is configured.
func newVerifier(cfg Config) *verifier {
	if cfg.VerifyBaseURL == "" {
		return nil
	}
	oc := openai.DefaultConfig(cfg.VerifyAPIKey)
	oc.BaseURL = strings.TrimRight(cfg.VerifyBaseURL, "/")
	timeout := cfg.VerifyTimeout
	if timeout <= 0 {
		timeout = DefaultVerifyTimeout
	}
	return &verifier{client: openai.NewClientWithConfig(oc), model: cfg.VerifyModel, apiKey: cfg.VerifyAPIKey, timeout: min(timeout, cfg.Timeout)}
}

// verifyAll sets verdicts[i] for each sentence i of which: supported when
// the model says one of the passages the sentence is covered by supports
// it. The questions run in parallel within the verifier's timeout; a
// sentence the model could not judge (it failed, timed out or answered
// neither yes nor no) gets the model-free verdict local(i).
func (v *verifier) verifyAll(ctx context.Context, log *slog.Logger, sents []answerSentence, cover [][]int, passages []retrieval.Passage, which []int, verdicts []supportVerdict, local func(int) supportVerdict) {
	ctx, cancel := context.WithTimeout(ctx, v.timeout)
	defer cancel()
	type job struct{ sentence, passage int }
	var jobs []job
	for _, i := range which {
		for _, n := range cover[i] {
			jobs = append(jobs, job{i, n})
		}
	}
	results := make([]struct {
		supported bool
		err       error
	}, len(jobs))
	slots := make(chan struct{}, maxParallelChecks)
	var wg sync.WaitGroup
	for j, jb := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				results[j].err = ctx.Err()
				return
			}
			defer func() { <-slots }()
			results[j].supported, results[j].err = v.supports(ctx, withoutMarkers(sents[jb.sentence].text), passages[jb.passage-1].Text)
		}()
	}
	wg.Wait()
	failed := map[int]error{}
	supported := map[int]bool{}
	for j, jb := range jobs {
		switch {
		case results[j].err != nil:
			failed[jb.sentence] = results[j].err
		case results[j].supported:
			supported[jb.sentence] = true
		}
	}
	for _, i := range which {
		switch {
		case supported[i]:
			verdicts[i] = supportVerdict{supported: true}
		case failed[i] != nil:
			log.Warn("the fact-checking model gave no verdict; checking without it", "model", v.model, "sentence", sents[i].text, "err", endpoint.RedactError(failed[i], v.apiKey))
			verdicts[i] = local(i)
		default:
			verdicts[i] = supportVerdict{why: "the fact-checking model found no cited passage that supports it"}
		}
	}
}

// supports asks the model whether passage supports claim.
func (v *verifier) supports(ctx context.Context, claim, passage string) (bool, error) {
	resp, err := v.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:       v.model,
		Messages:    []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Document: " + strings.TrimSpace(passage) + "\nClaim: " + strings.TrimSpace(claim)}},
		Temperature: wireTemperature(0),
		MaxTokens:   verifyMaxTokens,
	})
	if err != nil {
		return false, fmt.Errorf("ask the fact-checking model: %w", err)
	}
	if len(resp.Choices) == 0 {
		return false, fmt.Errorf("ask the fact-checking model: the reply has no choice")
	}
	body, _ := stripReasoning(resp.Choices[0].Message.Content)
	words := text.Words(body)
	switch {
	case len(words) > 0 && words[0] == "yes":
		return true, nil
	case len(words) > 0 && words[0] == "no":
		return false, nil
	}
	return false, fmt.Errorf("ask the fact-checking model: the reply %q is neither yes nor no", truncateForLog(body))
}

// verifyMaxTokens leaves room for "Yes"/"No" and little else.
const verifyMaxTokens = 8

// truncateForLog shortens s for a log line.
func truncateForLog(s string) string {
	if len(s) <= 80 {
		return s
	}
	cut := 80
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
