package study

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/endpoint"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/prompts"
	"github.com/lectern/lectern/retrieval"
)

// ChatConfig says how to reach the chat endpoint that writes questions and
// summaries; an empty BaseURL means none (questions and summaries are
// made without a model).
type ChatConfig struct {
	// BaseURL is the OpenAI-compatible endpoint, with its /v1.
	BaseURL string
	Model   string
	// APIKey is sent as a bearer token when not empty.
	APIKey string
	// Timeout bounds one call, retries included; zero means the default
	// of [chat] timeout.
	Timeout time.Duration
	// MaxAttempts and MaxRetryWait are the retry policy ([chat]
	// max_attempts, max_retry_wait).
	MaxAttempts  int
	MaxRetryWait time.Duration
	Temperature  float32
	// Logger receives what the model did (items dropped and why); nil
	// means slog.Default().
	Logger *slog.Logger
}

// Bounds of what is sent to the model.
const (
	// modelPassageChars is about the most passage text one call carries.
	modelPassageChars = 6000
	// maxSummarySections is the most calls one summary makes; the rest of
	// a longer source is left out (the summary says so).
	maxSummarySections = 3
)

// Studier makes rounds and summaries: with a chat endpoint when one is
// configured (every item it writes checked against the passages), and
// without one from the generator. It is safe for concurrent use.
type Studier struct {
	gen    *Generator
	cfg    ChatConfig
	log    *slog.Logger
	client *endpoint.Client // nil: no model
}

// NewStudier returns a Studier over gen's reading list that asks the
// endpoint of cfg, if any.
func NewStudier(gen *Generator, cfg ChatConfig) (*Studier, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = config.Default().Chat.Timeout.Duration
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Studier{gen: gen, cfg: cfg, log: cfg.Logger}
	if cfg.BaseURL != "" {
		client, err := endpoint.New(endpoint.Config{
			BaseURL: cfg.BaseURL,
			Model:   cfg.Model,
			APIKey:  cfg.APIKey,
			Retry:   endpoint.Retry{Attempts: cfg.MaxAttempts, MaxWait: cfg.MaxRetryWait},
			Logger:  cfg.Logger,
		})
		if err != nil {
			return nil, fmt.Errorf("set up the chat endpoint for study aids: %w", err)
		}
		s.client = client
	}
	return s, nil
}

// Generator returns the model-free generator the Studier falls back on.
func (s *Studier) Generator() *Generator { return s.gen }

// UsesModel reports whether a chat endpoint is configured.
func (s *Studier) UsesModel() bool { return s.client != nil }

// NoteModelDown is the sentence a round or summary carries when the model
// failed and the reading list was used without it.
const NoteModelDown = "The language model is not answering, so this was made from the reading list without it."

// Round makes a round: without a model, the generator's; with one, the
// model's questions over passages (the best for the topic, or those of
// the source, or a spread of the reading list), each checked, the round
// filled with the generator's questions when too few survive. A model
// that fails leaves the generator's round with NoteModelDown.
func (s *Studier) Round(ctx context.Context, passages []retrieval.Passage, opts RoundOptions) (Round, error) {
	fallback, err := s.gen.Round(opts)
	if s.client == nil || len(passages) == 0 {
		return fallback, err
	}
	count := opts.Count
	if count <= 0 {
		count = DefaultCount
	}
	chosen := budget(passages, modelPassageChars)
	prompt, err := quizPrompt(chosen, count)
	if err != nil {
		return fallback, err
	}
	reply, err := s.complete(ctx, "questions", prompt, true)
	if err != nil {
		s.log.Warn("the language model could not write questions; using the reading list without it", "err", err)
		fallback.Note = strings.TrimSpace(NoteModelDown + " " + fallback.Note)
		return fallback, nil
	}
	items, err := parseItems(reply)
	if err != nil {
		s.log.Warn("the language model's questions are not JSON; using the reading list without it", "err", err, "reply", clip(reply))
	}
	var round Round
	for i, it := range items {
		q, problems := it.check(chosen)
		if len(problems) > 0 {
			s.log.Info("dropped a question of the language model", "item", i, "problems", problems)
			continue
		}
		if len(round.Questions) < count && !givesAway(round.Questions, q) {
			round.Questions = append(round.Questions, q)
		}
	}
	for _, q := range fallback.Questions {
		if len(round.Questions) == count {
			break
		}
		if !givesAway(round.Questions, q) {
			round.Questions = append(round.Questions, q)
		}
	}
	if len(round.Questions) == 0 {
		return fallback, err
	}
	if len(round.Questions) < count {
		round.Note = fallback.Note
	}
	return round, nil
}

// complete makes one non-streamed chat completion for what (for the
// error); asJSON asks for a JSON object, and when the endpoint refuses
// that, asks again without.
func (s *Studier) complete(parent context.Context, what string, prompt [2]string, asJSON bool) (string, error) {
	ctx, cancel := context.WithTimeout(parent, s.cfg.Timeout)
	defer cancel()
	req := openai.ChatCompletionRequest{
		Model: s.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: prompt[0]},
			{Role: openai.ChatMessageRoleUser, Content: prompt[1]},
		},
		Temperature: s.cfg.Temperature,
	}
	if asJSON {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	var resp openai.ChatCompletionResponse
	send := func(ctx context.Context, api *openai.Client) (err error) {
		resp, err = api.CreateChatCompletion(ctx, req)
		return err
	}
	_, err := s.client.Call(ctx, "ask for "+what, send)
	var fail *endpoint.Error
	if asJSON && errors.As(err, &fail) && fail.Status == http.StatusBadRequest {
		req.ResponseFormat = nil // an endpoint without JSON mode
		_, err = s.client.Call(ctx, "ask for "+what, send)
	}
	if err != nil {
		return "", fmt.Errorf("ask %s for %s: %w", s.cfg.Model, what, err)
	}
	if len(resp.Choices) == 0 {
		return "", errors.New("the language model replied with no choice")
	}
	return resp.Choices[0].Message.Content, nil
}

// budget keeps the passages, in order, up to about chars of text.
func budget(passages []retrieval.Passage, chars int) []retrieval.Passage {
	var out []retrieval.Passage
	total := 0
	for _, p := range passages {
		if total > 0 && total+len(p.Text) > chars {
			break
		}
		out = append(out, p)
		total += len(p.Text)
	}
	return out
}

// quizPrompt asks for count questions over numbered passages, as JSON.
func quizPrompt(passages []retrieval.Passage, count int) ([2]string, error) {
	system, err := prompts.QuizSystem()
	if err != nil {
		return [2]string{}, err
	}
	user, err := prompts.QuizUser(prompts.QuizData{Count: count, Passages: promptPassages(passages)})
	return [2]string{system, user}, err
}

// promptPassages numbers passages for a prompt.
func promptPassages(passages []retrieval.Passage) []prompts.Passage {
	out := make([]prompts.Passage, len(passages))
	for i, p := range passages {
		out[i] = prompts.Passage{N: i + 1, Title: p.Info.Title, Authors: strings.Join(p.Info.Authors, " and "), Text: p.Text}
	}
	return out
}

// item is one question as the model writes it.
type item struct {
	Question string          `json:"question"`
	Options  []string        `json:"options"`
	Answer   json.RawMessage `json:"answer"`
	Kind     string          `json:"kind"`
	Passage  json.RawMessage `json:"passage"`
	Evidence string          `json:"evidence"`
}

// parseItems reads the model's reply: a JSON object with "questions", or
// a bare array, maybe inside a code fence or between sentences of prose.
func parseItems(reply string) ([]item, error) {
	text := strings.TrimSpace(reply)
	if i := strings.Index(text, "```"); i >= 0 {
		rest := text[i+3:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[nl+1:]
		}
		if j := strings.Index(rest, "```"); j >= 0 {
			rest = rest[:j]
		}
		text = rest
	}
	start := strings.IndexAny(text, "{[")
	if start < 0 {
		return nil, errors.New("no JSON in the reply")
	}
	end := strings.LastIndexAny(text, "}]")
	if end < start {
		return nil, errors.New("the JSON of the reply is not closed")
	}
	text = text[start : end+1]
	var wrapped struct {
		Questions []item `json:"questions"`
	}
	if text[0] == '{' {
		if err := json.Unmarshal([]byte(text), &wrapped); err != nil {
			return nil, fmt.Errorf("read the questions: %w", err)
		}
		return wrapped.Questions, nil
	}
	var items []item
	if err := json.Unmarshal([]byte(text), &items); err != nil {
		return nil, fmt.Errorf("read the questions: %w", err)
	}
	return items, nil
}

// number reads a JSON number that may have been written as a string.
func number(raw json.RawMessage) (int, bool) {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// check turns an item into a question, or says why it is dropped: the
// passage must exist, the evidence be verbatim in it, the correct option
// be written in the evidence and no distractor be, and the rules of every
// question hold.
func (it item) check(passages []retrieval.Passage) (Question, []string) {
	n, ok := number(it.Passage)
	if !ok || n < 1 || n > len(passages) {
		return Question{}, []string{fmt.Sprintf("passage %s is not one of the %d given", string(it.Passage), len(passages))}
	}
	answerIndex, ok := number(it.Answer)
	if !ok {
		return Question{}, []string{fmt.Sprintf("the answer %s is not an index", string(it.Answer))}
	}
	p := passages[n-1]
	evidence := strings.Join(strings.Fields(it.Evidence), " ")
	if evidence == "" || !strings.Contains(normal(p.Text), normal(evidence)) {
		return Question{}, []string{"the evidence is not verbatim in the passage"}
	}
	q := Question{Question: strings.TrimSpace(it.Question), Answer: answerIndex, Kind: modelKind(it.Kind), Citation: citationOf(p, evidence), FromModel: true}
	for _, o := range it.Options {
		q.Options = append(q.Options, strings.TrimSpace(o))
	}
	q.fact = "model:" + normal(q.Correct())
	return q, Problems(q)
}

// modelKind maps the model's kind to one of the kinds, else "fact".
func modelKind(kind string) Kind {
	k := Kind(strings.ToLower(strings.TrimSpace(kind)))
	switch k {
	case KindYear, KindDate, KindNumber, KindOrdinal, KindPercent, KindAmount, KindPerson, KindOrganisation, KindCountry, KindPlace, KindAgreement:
		return k
	case "organization":
		return KindOrganisation
	case "doctrine", "policy", "treaty":
		return KindAgreement
	}
	return "fact"
}

// clip shortens a reply for the log.
func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// Summarise summarises one source's passages: without a model, the
// central sentences; with one, the model's summary, section by section
// for a long source (at most maxSummarySections calls), every sentence
// without a valid marker dropped. A model that fails leaves the summary
// without it, with NoteModelDown in note.
func (s *Studier) Summarise(ctx context.Context, passages []retrieval.Passage) (sum Summary, note string) {
	if s.client == nil || len(passages) == 0 {
		return Summarise(ctx, passages), ""
	}
	var parts []string
	var cited []retrieval.Passage
	for start, sec := 0, 0; start < len(passages) && sec < maxSummarySections; sec++ {
		section := budget(passages[start:], modelPassageChars)
		prompt, err := summaryPrompt(section)
		if err != nil {
			s.log.Error("render the summary prompt", "err", err)
			return Summarise(ctx, passages), ""
		}
		reply, err := s.complete(ctx, "a summary", prompt, false)
		if err != nil {
			s.log.Warn("the language model could not summarise; using the reading list without it", "err", err)
			return Summarise(ctx, passages), NoteModelDown
		}
		text, local := answer.RenumberCitations(strings.TrimSpace(reply), len(section))
		if len(local) > 0 {
			parts = append(parts, shiftMarkers(keepCited(text), len(cited)))
			for _, l := range local {
				cited = append(cited, section[l-1])
			}
		}
		start += len(section)
	}
	if len(cited) == 0 {
		s.log.Info("the language model's summary cites no passage; summarising without it")
		return Summarise(ctx, passages), ""
	}
	sum = Summary{Text: strings.Join(parts, " "), Mode: answer.ModeGenerated}
	for i, p := range cited {
		c := citationOf(p, "")
		quote := quoteOf(p)
		sum.Citations = append(sum.Citations, answer.Citation{N: i + 1, Source: c.Source, Title: c.Title, Authors: c.Authors, Publisher: c.Publisher, Quote: quote, Location: p.LocationOf(quote)})
	}
	return sum, ""
}

// summaryPrompt asks for a cited summary of numbered passages.
func summaryPrompt(passages []retrieval.Passage) ([2]string, error) {
	system, err := prompts.SummarySystem()
	if err != nil {
		return [2]string{}, err
	}
	user, err := prompts.SummaryUser(promptPassages(passages))
	return [2]string{system, user}, err
}

// keepCited drops the sentences of a summary that carry no marker.
func keepCited(summary string) string {
	var kept []string
	for _, sent := range text.SentenceSpans(summary) {
		s := summary[sent.Start:sent.End]
		if len(answer.ParseMarkers(s)) > 0 {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " ")
}

// shiftMarkers adds offset to every marker number of text.
func shiftMarkers(text string, offset int) string {
	var b strings.Builder
	last := 0
	for _, m := range answer.ParseMarkers(text) {
		b.WriteString(text[last:m.Start])
		for _, n := range m.Numbers {
			b.WriteString("[" + strconv.Itoa(n+offset) + "]")
		}
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// quoteOf is the start of a passage, up to a sentence end, for a citation.
func quoteOf(p retrieval.Passage) string {
	spans := text.SentenceSpans(p.Text)
	if len(spans) == 0 {
		return ""
	}
	return strings.Join(strings.Fields(p.Text[spans[0].Start:spans[0].End]), " ")
}
