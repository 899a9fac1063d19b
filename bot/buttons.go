package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// onButton handles "Show passages", 👍 and 👎 under an answer.
func (b *Bot) onButton(i *discordgo.Interaction) {
	id := i.MessageComponentData().CustomID
	ctx, cancel := context.WithTimeout(b.work, 30*time.Second)
	defer cancel()
	switch {
	case strings.HasPrefix(id, idPassages):
		a, ok := b.answers.get(strings.TrimPrefix(id, idPassages))
		if !ok {
			b.refuse(i, "I no longer have the passages of this answer (Lectern restarted since); ask again to see them.")
			return
		}
		if err := b.respondAll(ctx, i, renderPassages(a.answer.Citations), true); err != nil {
			b.log.Error("show passages", "err", err)
		}
	case strings.HasPrefix(id, idVoteUp):
		b.vote(i, strings.TrimPrefix(id, idVoteUp), "up")
	case strings.HasPrefix(id, idVoteDown):
		b.vote(i, strings.TrimPrefix(id, idVoteDown), "down")
	case strings.HasPrefix(id, idQuiz):
		b.onQuizButton(i, id)
	default:
		b.refuse(i, "That button no longer works; ask again.")
	}
}

// vote records a 👍 or 👎 and thanks the voter, privately.
func (b *Bot) vote(i *discordgo.Interaction, key, vote string) {
	v := Vote{Time: time.Now().UTC(), AnswerID: key, Vote: vote, User: b.feedback.hashUser(userOf(i).ID)}
	if a, ok := b.answers.get(key); ok {
		v.Question, v.Answer = a.question, a.answer.Text
		for _, c := range a.answer.Citations {
			v.Sources = append(v.Sources, "["+strconv.Itoa(c.N)+"] "+citationSource(c))
		}
	} else if i.Message != nil {
		// Forgotten since a restart: read the answer back from the message.
		v.Question, v.Answer, v.Sources = readAnswerMessage(i.Message)
	}
	if err := b.feedback.record(v); err != nil {
		b.log.Error("record feedback", "err", err)
		b.refuse(i, "I couldn't record your vote; the details are in the log.")
		return
	}
	thanks := "Thanks — your 👍 is noted."
	if vote == "down" {
		thanks = "Thanks — your 👎 is noted; it helps improve the answers. You can reply to the answer to ask more precisely."
	}
	b.refuse(i, thanks)
}
