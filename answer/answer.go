package answer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/endpoint"
	"github.com/lectern/lectern/internal/text"
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
	// zero means config.Default's, like every zero here.
	Timeout time.Duration
	// TopK is how many passages are retrieved and shown.
	TopK int
	// Temperature is the sampling temperature sent to the endpoint.
	Temperature float32
	// MaxTokens bounds the length of a generated answer; zero leaves it to
	// the endpoint.
	MaxTokens int
	// VerifyBaseURL is an OpenAI-compatible endpoint serving a
	// fact-checking model (bespoke-minicheck on Ollama, say) asked whether
	// each sentence of a generated answer is supported by the passages it
	// cites; empty means the model-free support check.
	VerifyBaseURL string
	// VerifyModel is the fact-checking model.
	VerifyModel string
	// VerifyAPIKey is sent to the fact-checking endpoint when not empty.
	VerifyAPIKey string
	// VerifyTimeout bounds the model check of one answer, and is never over
	// Timeout; zero means DefaultVerifyTimeout.
	VerifyTimeout time.Duration
	// Logger receives what the answerer does; nil means nowhere.
	Logger *slog.Logger
	// MaxAttempts is the most requests sent for one answer while the
	// endpoint is busy or failing, MaxRetryWait the longest wait between
	// two.
	MaxAttempts  int
	MaxRetryWait time.Duration
	// Sleep waits between two attempts at a busy endpoint; nil means a
	// timer. Tests replace it, so that no retry spec waits on the clock.
	Sleep func(ctx context.Context, d time.Duration) error
	// Synonyms is the synonym table the support check and the focus rules
	// read: nil means the built-in WordNet table, an empty table none (as
	// `[retrieval] synonyms = false` asks of the search too).
	Synonyms retrieval.Synonyms
}

// ErrEmptyQuestion is returned by Ask for a question with no words.
var ErrEmptyQuestion = errors.New("the question is empty")

// Answerer answers questions over the passages a Searcher finds. It is safe
// for concurrent use.
type Answerer struct {
	search Searcher
	cfg    Config
	log    *slog.Logger
	client *endpoint.Client // nil: extractive answers
	// verifier is the fact-checking model, nil for the model-free check.
	verifier *verifier
}

// New returns an Answerer that searches with search and answers as cfg says.
func New(search Searcher, cfg Config) *Answerer {
	if cfg.Timeout <= 0 {
		cfg.Timeout = config.Default().Chat.Timeout.Duration
	}
	if cfg.TopK <= 0 {
		cfg.TopK = config.Default().Retrieval.TopK
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = config.Default().Chat.MaxAttempts
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = config.Default().Chat.MaxRetryWait.Duration
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	a := &Answerer{search: search, cfg: cfg, log: cfg.Logger}
	a.warnOfUnreadableTables()
	if cfg.ChatBaseURL != "" {
		client, err := newChatClient(cfg)
		if err != nil { // config.Validate refuses such a URL first
			a.log.Error("the chat endpoint is unusable; answering extractively", "err", err)
		}
		a.client = client
		a.verifier = newVerifier(cfg)
	}
	return a
}

// warnOfUnreadableTables logs each built-in WordNet table that cannot be
// read: the rules that use it then go without it, which only the log says.
func (a *Answerer) warnOfUnreadableTables() {
	tables := []struct {
		name string
		read func() (retrieval.Synonyms, error)
	}{
		{"synonyms", retrieval.WordNetSynonyms},
		{"verb synonyms", retrieval.WordNetVerbSynonyms},
		{"verb kinds", retrieval.WordNetVerbKinds},
	}
	for _, t := range tables {
		if _, err := t.read(); err != nil {
			a.log.Warn("a built-in WordNet table cannot be read; the rules that use it go without it", "table", t.name, "err", err)
		}
	}
	if _, err := retrieval.WordNetSupportWords(); err != nil {
		a.log.Warn("a built-in WordNet table cannot be read; the rules that use it go without it", "table", "support words", "err", err)
	}
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
// streams in; the returned Answer is the checked, final one. When the
// endpoint fails, the answer is made from the reading list as without one,
// and its Note says why (NoteModelDown). UserMessage turns any error into a sentence
// for the asker.
func (a *Answerer) Ask(ctx context.Context, req Request, onPartial func(text string)) (Answer, error) {
	question := strings.TrimSpace(req.Question)
	if len(text.Words(question)) == 0 {
		return Answer{}, ErrEmptyQuestion
	}
	query := searchQuery(question, req.History)
	passages, err := a.search.Search(ctx, query, a.cfg.TopK)
	if err != nil {
		return Answer{}, fmt.Errorf("search the reading list for %q: %w", query, err)
	}
	if a.client == nil {
		ans := a.confirmNotMentioned(ctx, question, a.extractive(question, query, passages))
		return withLocations(ans, passages), nil
	}
	sents := a.candidates(passages, questionCue(question) == cueAuthor)
	rel := relevance(query, passages, sents)
	a.log.Debug("retrieved", "query", query, "passages", len(passages), "coverage", rel.coverage, "missing", rel.missing, "best_sentence", rel.bestSentence)
	if !rel.worthAsking() {
		return notFound(), nil
	}
	ans, err := a.generate(ctx, question, req.History, passages, onPartial)
	var down *EndpointError
	if errors.As(err, &down) && ctx.Err() == nil {
		// The model is down, but the reading list can still answer.
		ans = a.confirmNotMentioned(ctx, question, a.extractive(question, query, passages))
		ans.Note, ans.endpointErr = NoteModelDown(down), down
		a.log.Debug("answered from the reading list: the endpoint failed", "kind", down.Kind, "err", down)
		return withLocations(ans, passages), nil
	}
	return withLocations(ans, passages), err
}

// extractive answers a question from the passages without a model: the
// best sentences, when the passages cover the question, else not found.
func (a *Answerer) extractive(question, query string, passages []retrieval.Passage) Answer {
	sents := a.candidates(passages, questionCue(question) == cueAuthor)
	rel := relevance(query, passages, sents)
	a.log.Debug("retrieved", "query", query, "passages", len(passages), "coverage", rel.coverage, "missing", rel.missing, "best_sentence", rel.bestSentence)
	f := readFocus(question)
	texts := make([]focusText, len(passages))
	for i, p := range passages {
		texts[i] = readFocusText(p.Text + "\n\n" + documentLine(p))
	}
	if what := f.unmentioned(texts); what != "" {
		a.log.Debug("the question's focus is in no passage", "focus", what)
		if !rel.worthAsking() {
			return notFound() // a question about something else altogether
		}
		return Answer{Text: notMentionedText(what), Mode: ModeNotFound, Citations: []Citation{}}
	}
	if !rel.answerable() && !looseRelevance(query, passages, sents, a.synonyms()).answerable() {
		a.log.Debug("no sentence of the passages holds enough of the question", "coverage", rel.coverage, "best_sentence", rel.bestSentence)
		return notFound()
	}
	if countedInNoPassage(question, passages, a.synonyms()) {
		a.log.Debug("what the question counts is in no passage", "noun", countedNoun(question))
		return notFound()
	}
	return a.extract(question, query, passages, sents)
}

// synonyms is the synonym table the support check and the focus rules
// use: Config.Synonyms, else the built-in one, or nil when it cannot be
// read (they then go without).
func (a *Answerer) synonyms() retrieval.Synonyms {
	if a.cfg.Synonyms != nil {
		return a.cfg.Synonyms
	}
	table, err := retrieval.WordNetSynonyms()
	if err != nil {
		a.log.Warn("the support check goes without synonyms", "err", err)
		return nil
	}
	return table
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
	if len(history) == 0 || len(text.Terms(question)) > maxFollowUpTerms {
		return question
	}
	words := text.Words(question)
	followUp := len(text.Terms(question)) == 0
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
