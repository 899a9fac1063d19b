package answer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/retrieval"
)

// Config says how an Answerer answers.
type Config struct {
	// ChatBaseURL is the OpenAI-compatible endpoint, with its /v1, e.g.
	// "http://127.0.0.1:11434/v1". Empty means extractive answers.
	ChatBaseURL string
	// ChatModel is the model the endpoint is asked for.
	ChatModel string
	// APIKey is sent as a bearer token when not empty.
	APIKey string
	// Timeout bounds one call to the endpoint, from request to last word;
	// zero means DefaultTimeout.
	Timeout time.Duration
	// TopK is how many passages are retrieved and shown; zero means
	// DefaultTopK.
	TopK int
	// Temperature is the sampling temperature sent to the endpoint.
	Temperature float32
	// MaxTokens bounds the length of a generated answer; zero leaves it to
	// the endpoint.
	MaxTokens int
	// Logger receives what the answerer does; nil means slog.Default().
	Logger *slog.Logger
}

// Defaults for the zero values of Config.
const (
	DefaultTimeout = 120 * time.Second
	DefaultTopK    = 5
)

// ErrEmptyQuestion is returned by Ask for a question with no words.
var ErrEmptyQuestion = errors.New("the question is empty")

// Answerer answers questions over the passages a Searcher finds. It is safe
// for concurrent use.
type Answerer struct {
	search Searcher
	cfg    Config
	log    *slog.Logger
	client *openai.Client // nil: extractive answers
}

// New returns an Answerer that searches with search and answers as cfg says.
func New(search Searcher, cfg Config) *Answerer {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.TopK <= 0 {
		cfg.TopK = DefaultTopK
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	a := &Answerer{search: search, cfg: cfg, log: cfg.Logger}
	if cfg.ChatBaseURL != "" {
		a.client = newChatClient(cfg)
	}
	return a
}

// Mode says how the answerer answers questions that the reading list
// answers: ModeGenerated with a chat endpoint, else ModeExtractive.
func (a *Answerer) Mode() Mode {
	if a.client != nil {
		return ModeGenerated
	}
	return ModeExtractive
}

// Ask answers a question. Passages are searched for the question (and, for
// a short follow-up such as "and who wrote it?", the words of the previous
// question too). A question the passages do not answer gets NotFoundText in
// ModeNotFound, without the endpoint being asked. With an endpoint,
// onPartial (which may be nil) receives the answer text so far as it
// streams in; the returned Answer is the checked, final one. Errors of the
// endpoint are *EndpointError; UserMessage turns any error into a sentence
// for the asker.
func (a *Answerer) Ask(ctx context.Context, req Request, onPartial func(text string)) (Answer, error) {
	question := strings.TrimSpace(req.Question)
	if len(retrieval.Words(question)) == 0 {
		return Answer{}, ErrEmptyQuestion
	}
	query := searchQuery(question, req.History)
	passages, err := a.search.Search(ctx, query, a.cfg.TopK)
	if err != nil {
		return Answer{}, fmt.Errorf("search the reading list for %q: %w", query, err)
	}
	sents := a.candidates(passages, questionCue(question) == cueAuthor)
	rel := relevance(query, passages, sents)
	a.log.Debug("retrieved", "query", query, "passages", len(passages), "coverage", rel.coverage, "missing", rel.missing, "best_sentence", rel.bestSentence)
	if a.client == nil {
		if !rel.answerable() {
			return notFound(), nil
		}
		return withLocations(a.extract(question, query, passages, sents), passages), nil
	}
	if !rel.worthAsking() {
		return notFound(), nil
	}
	ans, err := a.generate(ctx, question, req.History, passages, onPartial)
	return withLocations(ans, passages), err
}

// notFound is the answer to a question the reading list does not answer.
func notFound() Answer {
	return Answer{Text: NotFoundText, Mode: ModeNotFound, Citations: []Citation{}}
}

// followUpWords mark a question that leans on the one before it.
var followUpWords = map[string]bool{
	"it": true, "its": true, "they": true, "them": true, "their": true, "this": true, "that": true,
	"these": true, "those": true, "he": true, "him": true, "his": true, "she": true, "her": true,
	"there": true, "then": true, "and": true, "also": true, "else": true,
}

// maxFollowUpTerms is the most content words a question may have and still
// be read as a follow-up.
const maxFollowUpTerms = 3

// searchQuery is what is searched for a question: the question itself, and
// for a short follow-up ("and who wrote it?") the previous question too.
func searchQuery(question string, history []Turn) string {
	if len(history) == 0 || len(retrieval.Terms(question)) > maxFollowUpTerms {
		return question
	}
	words := retrieval.Words(question)
	followUp := len(retrieval.Terms(question)) == 0
	for i, w := range words {
		if followUpWords[w] || i == 0 && w == "what" && len(words) > 1 && words[1] == "about" {
			followUp = true
		}
	}
	if !followUp {
		return question
	}
	return question + " " + strings.TrimSpace(history[len(history)-1].Question)
}
