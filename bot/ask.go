package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/answer"
)

// surface is where an answer is shown: the reply to a slash command or a
// reply message in a channel.
type surface interface {
	// show replaces the reply with m (queued note, partial answer).
	show(ctx context.Context, m outMessage) error
	// finish writes the final messages.
	finish(ctx context.Context, msgs []outMessage) error
	// fail tells the asker what went wrong, in one sentence.
	fail(sentence string)
}

// question is one question to answer, from a command or a message.
type question struct {
	key     string // the ID that names the answer in button custom IDs
	userID  string
	text    string
	history []answer.Turn
}

// answered is what the bot remembers of an answer, for its buttons.
type answered struct {
	question string
	answer   answer.Answer
}

// answerCache remembers the latest answers by key, the oldest forgotten
// first.
type answerCache struct {
	mu    sync.Mutex
	max   int
	order []string
	byKey map[string]answered
}

func newAnswerCache(max int) *answerCache {
	return &answerCache{max: max, byKey: map[string]answered{}}
}

func (c *answerCache) put(key string, a answered) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; !ok {
		c.order = append(c.order, key)
	}
	c.byKey[key] = a
	for len(c.order) > c.max {
		delete(c.byKey, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *answerCache) get(key string) (answered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.byKey[key]
	return a, ok
}

// queuedNote is the reply while a question waits for a free slot.
func queuedNote(ahead int) outMessage {
	text := "⏳ Many questions at once — yours is next in line."
	if ahead > 0 {
		text = fmt.Sprintf("⏳ Many questions at once — yours is queued behind %d more.", ahead)
	}
	return outMessage{content: text}
}

// Refusals, one sentence each.
const (
	msgQueueFull  = "I'm answering as many questions as I can right now and the queue is full; please ask again in a minute."
	msgRestarting = "Lectern is restarting; please ask again in a minute."
	msgNoDMs      = "I don't answer in direct messages; ask me in your study group's server."
)

func msgTooFast(wait time.Duration) string {
	secs := int(wait.Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	return fmt.Sprintf("You're asking faster than I can keep up; try again in %d s.", secs)
}

func msgTooLong(n, limit int) string {
	return fmt.Sprintf("That question is %d characters long; please keep it under %d.", n, limit)
}

// answerQuestion runs one question through the gate and the Asker and
// shows the answer on surf. t is the ticket from b.gate.enter.
func (b *Bot) answerQuestion(ctx context.Context, surf surface, q question, t *ticket) {
	if t.queued() {
		if err := surf.show(ctx, queuedNote(t.ahead)); err != nil {
			b.log.Warn("show queued note", "err", err)
		}
		if err := b.gate.wait(ctx, t); err != nil {
			surf.fail(b.deps.UserMessage(err))
			return
		}
	}
	defer b.gate.leave()

	started := time.Now()
	stream := newStreamer(b.cfg.StreamInterval.Duration, func(text string) {
		if err := surf.show(ctx, renderPartial(q.text, text)); err != nil {
			b.log.Warn("stream answer", "err", err)
		}
	})
	a, err := b.deps.Asker.Ask(ctx, answer.Request{Question: q.text, History: q.history}, stream.update)
	stream.stop()
	if err != nil {
		level := b.log.Error
		if errors.Is(err, context.Canceled) {
			level = b.log.Warn
		}
		level("answer a question", "user", b.feedback.hashUser(q.userID), "question", q.text, "err", err)
		surf.fail(b.deps.UserMessage(err))
		return
	}
	b.answers.put(q.key, answered{question: q.text, answer: a})
	if err := surf.finish(ctx, renderAnswer(q.text, a, q.key)); err != nil {
		b.log.Error("send answer", "err", err)
		return
	}
	b.log.Info("answered", "mode", a.Mode, "citations", len(a.Citations), "took", time.Since(started).Round(time.Millisecond), "history", len(q.history))
}

// interactionSurface shows an answer as the reply to a slash command.
type interactionSurface struct {
	b *Bot
	i *discordgo.Interaction
}

func (s interactionSurface) show(ctx context.Context, m outMessage) error {
	return s.b.editOriginal(ctx, s.i, m)
}

func (s interactionSurface) finish(ctx context.Context, msgs []outMessage) error {
	return s.b.sendAll(ctx, s.i, msgs, false)
}

func (s interactionSurface) fail(sentence string) { s.b.failInteraction(s.i, sentence) }

// messageSurface shows an answer as a reply to a message in a channel.
type messageSurface struct {
	b         *Bot
	channelID string
	replyTo   string

	mu    sync.Mutex
	reply string // ID of the bot's reply, once sent
}

func (s *messageSurface) show(ctx context.Context, m outMessage) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reply == "" {
		msg, err := s.b.sendChannel(ctx, s.channelID, s.replyTo, m)
		if err != nil {
			return err
		}
		s.reply = msg.ID
		return nil
	}
	return s.b.editChannel(ctx, s.channelID, s.reply, m)
}

func (s *messageSurface) finish(ctx context.Context, msgs []outMessage) error {
	if err := s.show(ctx, msgs[0]); err != nil {
		return err
	}
	s.mu.Lock()
	prev := s.reply
	s.mu.Unlock()
	for _, m := range msgs[1:] {
		msg, err := s.b.sendChannel(ctx, s.channelID, prev, m)
		if err != nil {
			return err
		}
		prev = msg.ID
	}
	return nil
}

func (s *messageSurface) fail(sentence string) {
	ctx, cancel := context.WithTimeout(context.Background(), reportTimeout)
	defer cancel()
	if err := s.show(ctx, outMessage{content: "⚠️ " + sentence}); err != nil {
		s.b.log.Warn("send error sentence", "channel", s.channelID, "err", err)
	}
}

// cleanQuestion trims a question; it reports the refusal sentence for an
// unusable one.
func (b *Bot) cleanQuestion(text string) (string, string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", "Ask me a question about the reading list, for example: What are the Three Nos?"
	}
	if n := textLen(text); n > b.cfg.MaxQuestionChars {
		return "", msgTooLong(n, b.cfg.MaxQuestionChars)
	}
	return text, ""
}
