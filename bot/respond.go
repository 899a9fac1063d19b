package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// reportTimeout bounds a reply sent after the work context may have ended
// (an error sentence, a refusal during shutdown).
const reportTimeout = 5 * time.Second

// webhookEdit is the body of an edit: every field set, so an edit replaces
// the whole message, and never a ping.
func webhookEdit(m outMessage) *discordgo.WebhookEdit {
	content := m.content
	embeds := m.embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	components := m.components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &components, AllowedMentions: noMentions()}
}

// respond answers an interaction at once with a message.
func (b *Bot) respond(ctx context.Context, i *discordgo.Interaction, m outMessage, ephemeral bool) error {
	data := &discordgo.InteractionResponseData{
		Content:         m.content,
		Embeds:          m.embeds,
		Components:      m.components,
		AllowedMentions: noMentions(),
	}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("respond to interaction %s: %w", i.ID, err)
	}
	return nil
}

// refuse answers an interaction with one ephemeral sentence.
func (b *Bot) refuse(i *discordgo.Interaction, sentence string) {
	ctx, cancel := context.WithTimeout(context.Background(), reportTimeout)
	defer cancel()
	if err := b.respond(ctx, i, outMessage{content: sentence}, true); err != nil {
		b.log.Warn("send refusal", "interaction", i.ID, "err", err)
	}
}

// deferReply acknowledges an interaction within Discord's 3 seconds; the
// reply is written later by editing it.
func (b *Bot) deferReply(ctx context.Context, i *discordgo.Interaction, ephemeral bool) error {
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()}}
	if ephemeral {
		resp.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	if err := b.session.InteractionRespond(i, resp, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("defer interaction %s: %w", i.ID, err)
	}
	return nil
}

// editOriginal replaces the interaction's reply.
func (b *Bot) editOriginal(ctx context.Context, i *discordgo.Interaction, m outMessage) error {
	if _, err := b.session.InteractionResponseEdit(i, webhookEdit(m), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("edit reply to interaction %s: %w", i.ID, err)
	}
	return nil
}

// followup sends one more message after the interaction's reply.
func (b *Bot) followup(ctx context.Context, i *discordgo.Interaction, m outMessage, ephemeral bool) error {
	params := &discordgo.WebhookParams{Content: m.content, Embeds: m.embeds, Components: m.components, AllowedMentions: noMentions()}
	if ephemeral {
		params.Flags = discordgo.MessageFlagsEphemeral
	}
	if _, err := b.session.FollowupMessageCreate(i, true, params, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("send follow-up to interaction %s: %w", i.ID, err)
	}
	return nil
}

// sendAll writes msgs as the interaction's reply: the first edits the
// deferred reply, the rest follow.
func (b *Bot) sendAll(ctx context.Context, i *discordgo.Interaction, msgs []outMessage, ephemeral bool) error {
	for n, m := range msgs {
		var err error
		if n == 0 {
			err = b.editOriginal(ctx, i, m)
		} else {
			err = b.followup(ctx, i, m, ephemeral)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// respondAll answers an interaction at once with msgs (the rest as
// follow-ups).
func (b *Bot) respondAll(ctx context.Context, i *discordgo.Interaction, msgs []outMessage, ephemeral bool) error {
	for n, m := range msgs {
		var err error
		if n == 0 {
			err = b.respond(ctx, i, m, ephemeral)
		} else {
			err = b.followup(ctx, i, m, ephemeral)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// failInteraction replaces a deferred public reply by an ephemeral
// sentence: the original is deleted and the sentence follows, seen only
// by the asker.
func (b *Bot) failInteraction(i *discordgo.Interaction, sentence string) {
	ctx, cancel := context.WithTimeout(context.Background(), reportTimeout)
	defer cancel()
	if err := b.session.InteractionResponseDelete(i, discordgo.WithContext(ctx)); err != nil {
		b.log.Warn("delete failed reply", "interaction", i.ID, "err", err)
	}
	if err := b.followup(ctx, i, outMessage{content: sentence}, true); err != nil {
		b.log.Warn("send error sentence", "interaction", i.ID, "err", err)
	}
}

// sendChannel posts a message in a channel, as a reply to replyTo when set.
func (b *Bot) sendChannel(ctx context.Context, channelID, replyTo string, m outMessage) (*discordgo.Message, error) {
	send := &discordgo.MessageSend{Content: m.content, Embeds: m.embeds, Components: m.components, AllowedMentions: noMentions()}
	if replyTo != "" {
		fail := false
		send.Reference = &discordgo.MessageReference{MessageID: replyTo, ChannelID: channelID, FailIfNotExists: &fail}
	}
	msg, err := b.session.ChannelMessageSendComplex(channelID, send, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("send message in channel %s: %w", channelID, err)
	}
	return msg, nil
}

// editChannel replaces a message the bot sent in a channel.
func (b *Bot) editChannel(ctx context.Context, channelID, messageID string, m outMessage) error {
	e := webhookEdit(m)
	edit := &discordgo.MessageEdit{ID: messageID, Channel: channelID, Content: e.Content, Embeds: e.Embeds, Components: e.Components, AllowedMentions: e.AllowedMentions}
	if _, err := b.session.ChannelMessageEditComplex(edit, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("edit message %s: %w", messageID, err)
	}
	return nil
}
