package answer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/endpoint"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/prompts"
	"github.com/lectern/lectern/retrieval"
)

// newChatClient makes the endpoint client every call to the chat endpoint
// goes through, with the retry policy below.
func newChatClient(cfg Config) (*endpoint.Client, error) {
	return endpoint.New(endpoint.Config{
		BaseURL: cfg.ChatBaseURL,
		Model:   cfg.ChatModel,
		APIKey:  cfg.APIKey,
		Retry:   endpoint.Retry{Attempts: cfg.MaxAttempts, FirstWait: chatRetryWait, MaxWait: cfg.MaxRetryWait},
		Logger:  cfg.Logger,
		Sleep:   cfg.Sleep,
	})
}

// generate asks the chat endpoint to answer from the passages, streaming
// the text so far to onPartial, then checks the markers of the answer and
// builds its citations.
func (a *Answerer) generate(ctx context.Context, question string, history []Turn, passages []retrieval.Passage, onPartial func(string)) (Answer, error) {
	system, err := prompts.System(prompts.SystemData{NotFound: NotFoundText})
	if err != nil {
		return Answer{}, err
	}
	data, err := prompts.Fit(system, userData(question, history, passages), prompts.TokenBudget)
	if err != nil {
		return Answer{}, err
	}
	if len(data.Passages) < len(passages) || len(data.History) < len(history) {
		a.log.Debug("the prompt was cut to its token budget", "budget", prompts.TokenBudget, "passages", len(data.Passages), "turns", len(data.History))
	}
	passages = passages[:len(data.Passages)] // the model cites only those it was given
	user, err := prompts.User(data)
	if err != nil {
		return Answer{}, err
	}
	req := openai.ChatCompletionRequest{
		Model: a.cfg.ChatModel,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			{Role: openai.ChatMessageRoleUser, Content: user},
		},
		Temperature: wireTemperature(a.cfg.Temperature),
		Stream:      true,
	}
	if isReasoningModel(a.cfg.ChatModel) {
		req.MaxCompletionTokens = a.cfg.MaxTokens
	} else {
		req.MaxTokens = a.cfg.MaxTokens
	}

	started := time.Now()
	partial := onPartial
	if onPartial != nil {
		last := ""
		partial = func(text string) {
			if safe := partialReply(text, len(passages), isThinkingModel(a.cfg.ChatModel)); safe != last {
				last = safe
				onPartial(safe)
			}
		}
	}
	text, finish, err := a.stream(ctx, req, partial)
	if err != nil {
		return Answer{}, err
	}
	a.log.Debug("generated", "model", a.cfg.ChatModel, "chars", len(text), "finish", finish, "took", time.Since(started).Round(time.Millisecond))
	return a.checkGenerated(ctx, question, searchQuery(question, history), text, finish, passages), nil
}

// stream runs one streamed chat completion within the configured timeout
// and returns the text, the finish reason, and an *EndpointError on
// failure.
func (a *Answerer) stream(parent context.Context, req openai.ChatCompletionRequest, onPartial func(string)) (string, string, error) {
	ctx, cancel := context.WithTimeout(parent, a.cfg.Timeout)
	defer cancel()

	var text strings.Builder
	fail := func(err error) (string, string, error) {
		if parent.Err() != nil { // the asker gave up: not the endpoint's fault
			return "", "", fmt.Errorf("ask the language model: %w", parent.Err())
		}
		var e *EndpointError
		if !errors.As(err, &e) {
			e = a.client.Fail(ctx, "answer", err, text.Len() > 0)
		}
		a.log.Warn("the language model failed", "err", e)
		return "", "", e
	}

	var stream *openai.ChatCompletionStream
	reply, err := a.client.Call(ctx, "answer", func(ctx context.Context, api *openai.Client) error {
		var err error
		stream, err = api.CreateChatCompletionStream(ctx, req)
		return err
	})
	if err != nil {
		return fail(err)
	}
	defer stream.Close()
	finish := ""
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(fmt.Errorf("read the answer: %w", err))
		}
		grew := false
		for _, c := range resp.Choices {
			if c.Index != 0 {
				continue
			}
			if c.Delta.Content != "" {
				text.WriteString(c.Delta.Content)
				grew = true
			}
			if c.FinishReason != "" {
				finish = string(c.FinishReason)
			}
		}
		if grew && onPartial != nil {
			onPartial(text.String())
		}
	}
	if finish == "" && !reply.SawDone() {
		if text.Len() == 0 {
			return fail(endpoint.ErrNotAStream)
		}
		return fail(fmt.Errorf("read the answer: the stream ended after %d bytes without finishing: %w", text.Len(), io.ErrUnexpectedEOF))
	}
	return text.String(), finish, nil
}

// isNotFoundText reports whether an answer is the not-found sentence, give
// or take case, punctuation and markers.
func isNotFoundText(text string) bool {
	return normalise(text) == normalise(NotFoundText)
}

// normalise lower-cases text and keeps only its words, markers left out.
func normalise(answer string) string {
	var b strings.Builder
	last := 0
	for _, m := range ParseMarkers(answer) {
		b.WriteString(answer[last:m.Start] + " ")
		last = m.End
	}
	b.WriteString(answer[last:])
	return strings.Join(text.Words(b.String()), " ")
}

// claimsByMarker collects, for each marker number, the text of the answer
// sentences that carry it. A marker at the start of a sentence ("… ties.
// [1] Next …") belongs to the sentence before.
func (a *Answerer) claimsByMarker(text string) map[int]string {
	claims := map[int]string{}
	prev := ""
	for _, s := range splitSentences(text) {
		ms := ParseMarkers(s)
		for _, m := range ms {
			claim := s
			if m.Start == 0 || strings.TrimSpace(s[:m.Start]) == "" {
				claim = prev
			}
			for _, n := range m.Numbers {
				claims[n] += " " + claim
			}
		}
		prev = s
	}
	return claims
}

// maxQuoteChars is about the longest quote a citation shows.
const maxQuoteChars = 300

// quoteFor picks the sentence of a passage that best supports a claim;
// with none that shares a term with it, the start of the passage, cut at
// a sentence boundary near maxQuoteChars.
func (a *Answerer) quoteFor(p retrieval.Passage, claim string) string {
	sents := a.candidates([]retrieval.Passage{p}, false)
	scoreSentences(sents, newQuery(claim, ""), 1, cueNone)
	best := -1
	for i, s := range sents {
		if s.score > 0 && (best < 0 || s.score > sents[best].score) {
			best = i
		}
	}
	if best >= 0 {
		return trimQuote([]string{sents[best].text})
	}
	var texts []string
	for _, s := range sents {
		texts = append(texts, s.text)
	}
	return trimQuote(texts)
}

// trimQuote joins sentences up to about maxQuoteChars, ending at a
// sentence boundary; a first sentence longer than that is cut at a word
// and ends with "…".
func trimQuote(sents []string) string {
	var b strings.Builder
	for _, s := range sents {
		if b.Len() > 0 && b.Len()+1+len(s) > maxQuoteChars {
			break
		}
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(s)
	}
	q := b.String()
	if len(q) <= maxQuoteChars+maxQuoteChars/3 {
		return q
	}
	cut := strings.LastIndexByte(q[:maxQuoteChars], ' ')
	if cut <= 0 {
		cut = maxQuoteChars
		for cut > 0 && q[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
	}
	return strings.TrimRight(q[:cut], " ,;:") + " …"
}

// userData numbers the passages 1..k for the user prompt.
func userData(question string, history []Turn, passages []retrieval.Passage) prompts.UserData {
	d := prompts.UserData{Question: question, NotFound: NotFoundText}
	for i, p := range passages {
		title := p.Title
		if title == "" {
			title = p.Info.Title
		}
		d.Passages = append(d.Passages, prompts.Passage{N: i + 1, Title: title, Authors: text.JoinNames(p.Info.Authors),
			Publisher: p.Info.Publisher, Date: p.Info.Date, Text: strings.TrimSpace(p.Text)})
	}
	for _, t := range history {
		d.History = append(d.History, prompts.Turn{Question: t.Question, Answer: t.Answer})
	}
	return d
}

// isReasoningModel reports whether a model takes max_completion_tokens
// instead of max_tokens (OpenAI's o-series and GPT-5).
func isReasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// chatRetryWait is the first backoff before the chat client asks a busy,
// failing or unreachable endpoint again (internal/endpoint's policy), while
// none of the answer has come: at most Config.MaxAttempts requests, waiting
// what Retry-After asks, else a growing backoff, never past the call's
// timeout. A wait over Config.MaxRetryWait is not waited for: the asker
// hears that the endpoint is busy instead.
const chatRetryWait = 250 * time.Millisecond

// wireTemperature is the temperature to put in a request. go-openai leaves
// a temperature of 0 out of the JSON, so the server's default (often 0.7 or
// 0.8) would apply; the smallest positive float32 is sent instead, which
// every server treats as greedy decoding.
func wireTemperature(t float32) float32 {
	if t == 0 {
		return math.SmallestNonzeroFloat32
	}
	return t
}
