package bot

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/answer"
)

// onMessage answers a message that mentions the bot, replies to one of its
// answers, or (when allowed) comes in a direct message.
func (b *Bot) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	m := mc.Message
	if m == nil || m.Author == nil || m.Author.Bot || b.botID == "" {
		return
	}
	dm := m.GuildID == ""
	mentioned := slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u.ID == b.botID })
	replyToBot := m.MessageReference != nil && m.ReferencedMessage != nil &&
		m.ReferencedMessage.Author != nil && m.ReferencedMessage.Author.ID == b.botID
	switch {
	case dm && !b.cfg.AllowDMs:
		return
	case !dm && !mentioned && !replyToBot && (m.MessageReference == nil || m.ReferencedMessage != nil):
		return
	case !dm && !b.channelAllowed(m.ChannelID):
		return
	}
	done, accepting := b.track()
	if done == nil {
		return
	}
	defer done()
	ctx := b.work
	if !dm && !mentioned && !replyToBot {
		// A reply whose referenced message the gateway left out: look.
		ref, err := b.session.ChannelMessage(m.ChannelID, m.MessageReference.MessageID, discordgo.WithContext(ctx))
		if err != nil || ref.Author == nil || ref.Author.ID != b.botID {
			return
		}
		replyToBot = true
	}
	surf := &messageSurface{b: b, channelID: m.ChannelID, replyTo: m.ID}
	if !accepting {
		surf.fail(msgRestarting)
		return
	}
	text, refusal := b.cleanQuestion(b.stripMention(m.Content))
	if refusal != "" {
		surf.fail(refusal)
		return
	}
	t, refusal := b.admit(m.Author.ID)
	if refusal != "" {
		surf.fail(refusal)
		return
	}
	var history []answer.Turn
	if m.MessageReference != nil {
		history = b.history(ctx, m.ChannelID, m.MessageReference.MessageID)
	}
	_ = b.session.ChannelTyping(m.ChannelID, discordgo.WithContext(ctx))
	b.answerQuestion(ctx, surf, question{key: m.ID, userID: m.Author.ID, text: text, history: history}, t)
}

// mentionPattern matches a user mention, <@id> or <@!id>.
var mentionPattern = regexp.MustCompile(`<@!?(\d+)>`)

// stripMention removes the mentions of the bot from a message's text.
func (b *Bot) stripMention(text string) string {
	text = mentionPattern.ReplaceAllStringFunc(text, func(s string) string {
		if mentionPattern.FindStringSubmatch(s)[1] == b.botID {
			return ""
		}
		return s
	})
	return strings.TrimSpace(text)
}

// historyFetchTimeout bounds the fetching of a reply chain.
const historyFetchTimeout = 10 * time.Second

// history walks the reply chain up from the message with id (one of the
// bot's answers) and returns its earlier questions and answers, oldest
// first, at most [discord] history_turns of them and history_chars in all.
func (b *Bot) history(ctx context.Context, channelID, id string) []answer.Turn {
	if b.cfg.HistoryTurns == 0 || b.cfg.HistoryChars == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, historyFetchTimeout)
	defer cancel()
	var turns []answer.Turn // newest first
	var pending []string    // answer pages, newest first
	maxFetches := 4*b.cfg.HistoryTurns + 4
	for fetches := 0; id != "" && len(turns) < b.cfg.HistoryTurns && fetches < maxFetches; fetches++ {
		msg, err := b.session.ChannelMessage(channelID, id, discordgo.WithContext(ctx))
		if err != nil {
			b.log.Warn("fetch message of a reply chain", "message", id, "err", err)
			break
		}
		id = ""
		if msg.MessageReference != nil {
			id = msg.MessageReference.MessageID
		}
		if msg.Author != nil && msg.Author.ID == b.botID {
			q, a, _ := readAnswerMessage(msg)
			pending = append(pending, a)
			if id == "" { // an answer to /ask: the question is on the answer
				if len(pending) > 0 && q != "" {
					turns = append(turns, turnOf(q, pending))
				}
				break
			}
			continue
		}
		if len(pending) == 0 {
			break // a human replying to a human: not the bot's conversation
		}
		turns = append(turns, turnOf(b.stripMention(msg.Content), pending))
		pending = nil
	}
	slices.Reverse(turns)
	return boundHistory(turns, b.cfg.HistoryChars)
}

// turnOf joins the pages of an answer, given newest first.
func turnOf(q string, pages []string) answer.Turn {
	p := slices.Clone(pages)
	slices.Reverse(p)
	return answer.Turn{Question: q, Answer: strings.TrimSpace(strings.Join(p, "\n\n"))}
}

// boundHistory keeps the newest turns that fit in limit characters; an
// answer too long on its own is cut.
func boundHistory(turns []answer.Turn, limit int) []answer.Turn {
	total := 0
	for i := len(turns) - 1; i >= 0; i-- {
		n := textLen(turns[i].Question) + textLen(turns[i].Answer)
		if total+n > limit {
			room := limit - total - textLen(turns[i].Question)
			if room < 200 || i < len(turns)-1 {
				return turns[i+1:]
			}
			turns[i].Answer = truncate(turns[i].Answer, room)
			return turns[i:]
		}
		total += n
	}
	return turns
}

// readAnswerMessage reads the question, answer and sources back from one
// of the bot's answer messages.
func readAnswerMessage(m *discordgo.Message) (question, text string, sources []string) {
	var pages []string
	for _, e := range m.Embeds {
		switch {
		case e.Author != nil && strings.HasPrefix(e.Author.Name, questionPrefix):
			question = strings.TrimPrefix(e.Author.Name, questionPrefix)
			pages = append(pages, e.Description)
		case e.Title == "Sources":
			for _, l := range strings.Split(e.Description, "\n") {
				sources = append(sources, strings.ReplaceAll(l, "**", ""))
			}
		}
	}
	if len(pages) == 0 {
		pages = append(pages, m.Content)
	}
	return question, strings.TrimSpace(strings.Join(pages, "\n\n")), sources
}
