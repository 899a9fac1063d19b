package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/lectern/lectern/internal/discordtest"
)

// TestEventsDuringOpenAreAnswered: a message that mentions the bot and
// arrives right behind READY, while Open may still be returning, is
// answered like any other. Run with -race: the handler reads the bot's ID
// as Run sets up, so the ID must be set before the gateway opens.
func TestEventsDuringOpenAreAnswered(t *testing.T) {
	t.Parallel()
	var asked string
	h := start(t, setup{beforeRun: func(srv *discordtest.Server) {
		bot := srv.BotUser()
		m := discordtest.Message{ChannelID: testChannel, GuildID: testGuild, Author: ada, Content: "<@" + bot.ID + "> What are the Three Nos?", Mentions: []discordtest.User{bot}}
		m.ID = srv.AddMessage(m)
		asked = m.ID
		srv.SendAfterReady(discordtest.Event{Name: "MESSAGE_CREATE", Data: map[string]any{
			"id": m.ID, "channel_id": m.ChannelID, "guild_id": m.GuildID, "author": m.Author, "content": m.Content,
			"mentions": m.Mentions, "embeds": []any{}, "attachments": []any{}, "type": 0,
			"timestamp": time.Now().UTC().Format(time.RFC3339),
		}})
	}})
	bot := h.srv.BotUser()
	err := waitUntil(h.ctx(), func() bool {
		for _, m := range h.srv.ChannelMessages(testChannel) {
			if m.Reference != nil && m.Reference.MessageID == asked && m.Author.ID == bot.ID && len(m.CustomIDs()) > 0 {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("the message sent during Open was not answered: %v\nlogs:\n%s", err, h.logs)
	}
	if reqs := h.asker.requests(); len(reqs) != 1 || !strings.Contains(reqs[0].Question, "Three Nos") {
		t.Errorf("asker got %+v, want the one question", reqs)
	}
}
