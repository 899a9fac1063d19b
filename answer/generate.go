package answer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/cenkalti/backoff/v4"
	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/retryafter"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/prompts"
	"github.com/lectern/lectern/retrieval"
)

// newChatClient makes the go-openai client every call to the endpoint goes
// through. Its HTTP client watches streams for their closing "[DONE]", so
// that a stream cut short is told apart from a finished one.
func newChatClient(cfg Config) *openai.Client {
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = strings.TrimRight(cfg.ChatBaseURL, "/")
	oc.HTTPClient = doneWatcher{client: &http.Client{}}
	return openai.NewClientWithConfig(oc)
}

// generate asks the chat endpoint to answer from the passages, streaming
// the text so far to onPartial, then checks the markers of the answer and
// builds its citations.
func (a *Answerer) generate(ctx context.Context, question string, history []Turn, passages []retrieval.Passage, onPartial func(string)) (Answer, error) {
	system, err := prompts.System(prompts.SystemData{NotFound: NotFoundText})
	if err != nil {
		return Answer{}, err
	}
	user, err := prompts.User(userData(question, history, passages))
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
	text, finish, err := a.stream(ctx, req, onPartial)
	if err != nil {
		return Answer{}, err
	}
	a.log.Debug("generated", "model", a.cfg.ChatModel, "chars", len(text), "finish", finish, "took", time.Since(started).Round(time.Millisecond))
	if finish == "length" {
		// Cut by max_tokens: keep the sentences that were finished.
		a.log.Warn("the answer reached max_tokens and was cut to its last full sentence", "model", a.cfg.ChatModel, "max_tokens", a.cfg.MaxTokens)
		text = lastFullSentence(text)
	}
	return a.checkGenerated(question, text, passages), nil
}

// stream runs one streamed chat completion within the configured timeout
// and returns the text, the finish reason, and an *EndpointError on
// failure.
func (a *Answerer) stream(parent context.Context, req openai.ChatCompletionRequest, onPartial func(string)) (string, string, error) {
	done := &streamDone{}
	ctx, cancel := context.WithTimeout(context.WithValue(parent, streamDoneKey{}, done), a.cfg.Timeout)
	defer cancel()

	var text strings.Builder
	fail := func(err error) (string, string, error) {
		if parent.Err() != nil { // the asker gave up: not the endpoint's fault
			return "", "", fmt.Errorf("ask the language model: %w", parent.Err())
		}
		kind, status := classify(err, ctx.Err() != nil, text.Len() > 0)
		e := &EndpointError{URL: displayURL(a.cfg.ChatBaseURL), Model: a.cfg.ChatModel, Kind: kind, Status: status, Err: redact(err, a.cfg.APIKey)}
		a.log.Warn("the language model failed", "err", e)
		return "", "", e
	}

	stream, err := a.startStream(ctx, req, done)
	if err != nil {
		return fail(fmt.Errorf("start the answer: %w", err))
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
	if finish == "" && !done.seen.Load() {
		if text.Len() == 0 {
			return fail(errNotAStream)
		}
		return fail(fmt.Errorf("read the answer: the stream ended after %d bytes without finishing: %w", text.Len(), io.ErrUnexpectedEOF))
	}
	return text.String(), finish, nil
}

// errNotAStream: the reply ended with no chunk and no end of stream.
var errNotAStream = errors.New("the reply is not an event stream of chat completion chunks")

// checkGenerated turns the model's text into an Answer: markers checked
// against the passages given and renumbered, citations built; an answer
// that is the not-found sentence, or cites no passage, is not found.
func (a *Answerer) checkGenerated(question, text string, passages []retrieval.Passage) Answer {
	text = strings.TrimSpace(text)
	if isNotFoundText(text) {
		return notFound()
	}
	out, cited := RenumberCitations(text, len(passages))
	if len(cited) == 0 {
		a.log.Info("the generated answer cites no passage given; answering not found", "answer", text)
		return notFound()
	}
	claims := a.claimsByMarker(out)
	citations := make([]Citation, len(cited))
	for i, orig := range cited {
		p := passages[orig-1]
		c := citationFor(i+1, p)
		c.Quote = a.quoteFor(p, claims[i+1]+" "+question)
		citations[i] = c
	}
	return Answer{Text: strings.TrimSpace(out), Mode: ModeGenerated, Citations: citations}
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

// lastFullSentence cuts an answer after its last full stop, question or
// exclamation mark, or marker; with none, it is returned as it is.
func lastFullSentence(text string) string {
	cut := strings.LastIndexAny(text, ".!?]")
	if cut < 0 {
		return text
	}
	return text[:cut+1]
}

// userData numbers the passages 1..k for the user prompt.
func userData(question string, history []Turn, passages []retrieval.Passage) prompts.UserData {
	d := prompts.UserData{Question: question}
	for i, p := range passages {
		title := p.Title
		if title == "" {
			title = p.Info.Title
		}
		d.Passages = append(d.Passages, prompts.Passage{N: i + 1, Title: title, Authors: text.JoinNames(p.Info.Authors), Text: strings.TrimSpace(p.Text)})
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

// How the chat client asks again when the endpoint is busy or failing
// (429, 500, 502, 503, 504) before any of the answer has come: at most
// chatAttempts requests, waiting what Retry-After asks, else an exponential
// backoff from chatRetryWait, and never past the call's timeout. A wait
// over maxChatRetryWait is not waited for: the asker hears that the
// endpoint is busy instead.
const (
	chatAttempts     = 3
	chatRetryWait    = 250 * time.Millisecond
	maxChatRetryWait = 10 * time.Second
)

// startStream sends the chat request, asking again as the constants above
// say, and returns the open stream or the last error.
func (a *Answerer) startStream(ctx context.Context, req openai.ChatCompletionRequest, done *streamDone) (*openai.ChatCompletionStream, error) {
	policy := backoff.NewExponentialBackOff(backoff.WithInitialInterval(chatRetryWait), backoff.WithMaxElapsedTime(0))
	for attempt := 1; ; attempt++ {
		stream, err := a.client.CreateChatCompletionStream(ctx, req)
		if err == nil || attempt == chatAttempts || !retryable(err) {
			return stream, err
		}
		wait, asked := retryafter.Parse(done.header(), time.Now())
		if !asked {
			wait = policy.NextBackOff()
		}
		if deadline, ok := ctx.Deadline(); wait > maxChatRetryWait || (ok && time.Until(deadline) <= wait) {
			return stream, err
		}
		a.log.Info("the language model is busy; asking again", "wait", wait, "attempt", attempt+1, "err", redact(err, a.cfg.APIKey))
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return stream, err
		}
	}
}

// retryable reports whether a failed request is worth sending again: the
// endpoint said it is busy or failing, rather than that the request is
// wrong.
func retryable(err error) bool {
	switch httpStatus(err) {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// streamDone records what the HTTP client saw of one request's latest
// reply: its headers (for Retry-After) and whether the stream sent its
// closing "data: [DONE]".
type streamDone struct {
	seen    atomic.Bool
	headers atomic.Pointer[http.Header]
}

// header returns the headers of the latest reply, or nil.
func (d *streamDone) header() http.Header {
	if h := d.headers.Load(); h != nil {
		return *h
	}
	return nil
}

// streamDoneKey is the context key of the *streamDone of a request.
type streamDoneKey struct{}

// doneWatcher is the HTTP client of the chat client: it wraps the body of
// each reply to a request whose context holds a *streamDone.
type doneWatcher struct{ client *http.Client }

// Do sends the request and watches the reply's body.
func (w doneWatcher) Do(req *http.Request) (*http.Response, error) {
	resp, err := w.client.Do(req)
	if err != nil {
		return resp, err
	}
	if d, ok := req.Context().Value(streamDoneKey{}).(*streamDone); ok {
		d.headers.Store(&resp.Header)
		resp.Body = &doneBody{ReadCloser: resp.Body, done: d}
	}
	return resp, nil
}

// doneBody sets done when the bytes read hold a "[DONE]" event.
type doneBody struct {
	io.ReadCloser
	done *streamDone
	tail []byte // the last bytes read, for a marker split between reads
}

var doneEvent = []byte("[DONE]")

func (b *doneBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 && !b.done.seen.Load() {
		window := append(b.tail, p[:n]...)
		if i := bytes.Index(window, doneEvent); i >= 0 && isDataLine(window[:i]) {
			b.done.seen.Store(true)
		}
		b.tail = append(b.tail[:0], window[max(0, len(window)-len("data: [DONE]")):]...)
	}
	return n, err
}

// isDataLine reports whether what precedes "[DONE]" ends with "data:" and
// optional spaces.
func isDataLine(before []byte) bool {
	return bytes.HasSuffix(bytes.TrimRight(before, " "), []byte("data:"))
}

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
