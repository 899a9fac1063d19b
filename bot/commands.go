package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Names of the slash commands.
const (
	cmdAsk     = "ask"
	cmdSearch  = "search"
	cmdSources = "sources"
	cmdReindex = "reindex"
)

// moderatorPermissions are the permissions that make a member a moderator.
const moderatorPermissions = discordgo.PermissionManageGuild | discordgo.PermissionAdministrator

// commands are the slash commands, registered at start in one bulk
// overwrite.
func (b *Bot) commands() []*discordgo.ApplicationCommand {
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	if b.cfg.AllowDMs {
		contexts = append(contexts, discordgo.InteractionContextBotDM)
	}
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	manageGuild := int64(discordgo.PermissionManageGuild)
	minLen := 1
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question about the reading list; the answer cites its passages.",
			Contexts:    &contexts,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        "question",
				Description: "Your question, e.g. What are the Three Nos?",
				Required:    true,
				MinLength:   &minLen,
				MaxLength:   b.cfg.MaxQuestionChars,
			}},
		},
		{
			Name:        cmdSearch,
			Description: "Show the passages of the reading list that best match a query.",
			Contexts:    &contexts,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        "query",
				Description: "Words to look for",
				Required:    true,
				MinLength:   &minLen,
				MaxLength:   b.cfg.MaxQuestionChars,
			}},
		},
		{
			Name:        cmdSources,
			Description: "List the reading list: titles, authors, publishers, dates.",
			Contexts:    &contexts,
		},
		{
			Name:                     cmdReindex,
			Description:              "Rebuild the index of the reading list (moderators).",
			Contexts:                 &guildOnly,
			DefaultMemberPermissions: &manageGuild,
		},
	}
	if b.deps.Editor != nil {
		cmds = append(cmds, b.editCommands()...)
	}
	return append(cmds, b.studyCommands(&contexts)...)
}

// registerCommands overwrites the application's commands in one call: in
// the configured guild (available at once) or globally.
func (b *Bot) registerCommands(ctx context.Context) error {
	cmds, err := b.session.ApplicationCommandBulkOverwrite(b.appID, b.cfg.GuildID, b.commands(), discordgo.WithContext(ctx))
	if err != nil {
		where := "globally"
		if b.cfg.GuildID != "" {
			where = "in guild " + b.cfg.GuildID
		}
		return b.startError("register slash commands "+where, err)
	}
	b.log.Info("registered slash commands", "count", len(cmds), "guild", b.cfg.GuildID)
	return nil
}

// onInteraction routes a slash command or a button press.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	done, accepting := b.track()
	if done == nil {
		return
	}
	defer done()
	i := ic.Interaction
	if !accepting {
		b.refuse(i, msgRestarting)
		return
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		if sentence := b.placeRefusal(i); sentence != "" {
			b.refuse(i, sentence)
			return
		}
		switch data.Name {
		case cmdAsk:
			b.onAsk(i, stringOption(data, "question"))
		case cmdSearch:
			b.onSearch(i, stringOption(data, "query"))
		case cmdSources:
			b.onSources(i)
		case cmdReindex:
			b.onReindex(i)
		case cmdQuiz:
			b.onQuiz(i)
		case cmdSummary:
			b.onSummary(i)
		case cmdAdd, cmdRemove:
			if b.deps.Editor == nil {
				b.refuse(i, "This bot cannot change the reading list.")
			} else if data.Name == cmdAdd {
				b.onAdd(i, data)
			} else {
				b.onRemove(i, stringOption(data, optSource))
			}
		default:
			b.refuse(i, "I don't know that command; try /ask.")
		}
	case discordgo.InteractionMessageComponent:
		b.onButton(i)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.onAutocomplete(i)
	}
}

// stringOption returns the value of the named string option.
func stringOption(data discordgo.ApplicationCommandInteractionData, name string) string {
	for _, o := range data.Options {
		if o.Name == name && o.Type == discordgo.ApplicationCommandOptionString {
			return o.StringValue()
		}
	}
	return ""
}

// userOf is the user behind an interaction, in a guild or a DM.
func userOf(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	if i.User != nil {
		return i.User
	}
	return &discordgo.User{}
}

// placeRefusal says why the bot does not answer where the interaction
// comes from, or "" when it does.
func (b *Bot) placeRefusal(i *discordgo.Interaction) string {
	if i.GuildID == "" {
		if !b.cfg.AllowDMs {
			return msgNoDMs
		}
		return ""
	}
	if !b.channelAllowed(i.ChannelID) {
		var names []string
		for _, c := range b.cfg.AllowedChannels {
			names = append(names, "<#"+c+">")
		}
		return "I only answer in " + strings.Join(names, ", ") + "."
	}
	return ""
}

// channelAllowed reports whether the bot answers in a guild channel.
func (b *Bot) channelAllowed(channelID string) bool {
	return len(b.cfg.AllowedChannels) == 0 || slices.Contains(b.cfg.AllowedChannels, channelID)
}

// admit applies the per-user rate limit and the in-flight cap; it returns
// a ticket, or the sentence refusing the question.
func (b *Bot) admit(userID string) (*ticket, string) {
	if ok, wait := b.limits.allow(userID, time.Now()); !ok {
		return nil, msgTooFast(wait)
	}
	t, err := b.gate.enter()
	if err != nil {
		return nil, msgQueueFull
	}
	return t, ""
}

// onAsk answers /ask: defer, stream the answer into the reply, finish with
// sources and buttons.
func (b *Bot) onAsk(i *discordgo.Interaction, text string) {
	text, refusal := b.cleanQuestion(text)
	if refusal != "" {
		b.refuse(i, refusal)
		return
	}
	user := userOf(i)
	t, refusal := b.admit(user.ID)
	if refusal != "" {
		b.refuse(i, refusal)
		return
	}
	ctx := b.work
	if err := b.deferReply(ctx, i, false); err != nil {
		b.log.Error("acknowledge /ask", "err", err)
		b.releaseTicket(t)
		return
	}
	b.answerQuestion(ctx, interactionSurface{b: b, i: i}, question{key: i.ID, userID: user.ID, text: text}, t)
}

// releaseTicket gives up a ticket that will not be used.
func (b *Bot) releaseTicket(t *ticket) {
	if !t.queued() {
		b.gate.leave()
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = b.gate.wait(ctx, t)
}

// onSearch answers /search with the top passages, quoted; no model.
func (b *Bot) onSearch(i *discordgo.Interaction, query string) {
	query, refusal := b.cleanQuestion(query)
	if refusal != "" {
		b.refuse(i, refusal)
		return
	}
	if ok, wait := b.limits.allow(userOf(i).ID, time.Now()); !ok {
		b.refuse(i, msgTooFast(wait))
		return
	}
	ctx, cancel := context.WithTimeout(b.work, b.cfg.SearchTimeout.Duration)
	defer cancel()
	if err := b.deferReply(ctx, i, false); err != nil {
		b.log.Error("acknowledge /search", "err", err)
		return
	}
	ps, err := b.deps.Searcher.Search(ctx, query, b.cfg.SearchResults)
	if err != nil {
		b.log.Error("search", "query", query, "err", err)
		sentence := b.deps.UserMessage(err)
		if errors.Is(err, context.DeadlineExceeded) && b.work.Err() == nil {
			sentence = "The search took too long; try again in a minute."
		}
		b.failInteraction(i, sentence)
		return
	}
	if err := b.sendAll(ctx, i, renderSearch(query, ps), false); err != nil {
		b.log.Error("send search results", "err", err)
	}
}

// onSources answers /sources with the reading list.
func (b *Bot) onSources(i *discordgo.Interaction) {
	ctx, cancel := context.WithTimeout(b.work, 30*time.Second)
	defer cancel()
	if err := b.respondAll(ctx, i, renderSources(b.deps.Library.Sources()), false); err != nil {
		b.log.Error("send reading list", "err", err)
	}
}

// isModerator reports whether the member may reindex: Manage Server,
// Administrator, or the configured moderator role (by ID or name).
func (b *Bot) isModerator(i *discordgo.Interaction) bool {
	m := i.Member
	if m == nil {
		return false
	}
	if m.Permissions&moderatorPermissions != 0 {
		return true
	}
	role := b.cfg.ModeratorRole
	if role == "" {
		return false
	}
	for _, id := range m.Roles {
		if id == role {
			return true
		}
		if r, err := b.session.State.Role(i.GuildID, id); err == nil && strings.EqualFold(r.Name, role) {
			return true
		}
	}
	return false
}

// moderatorRefusal is the polite no to a non-moderator's /reindex.
func (b *Bot) moderatorRefusal() string {
	s := "Only moderators can rebuild the index: it needs the Manage Server permission"
	if b.cfg.ModeratorRole != "" {
		role := b.cfg.ModeratorRole
		if _, err := fmt.Sscan(role, new(uint64)); err == nil {
			role = "<@&" + role + ">"
		}
		s += " or the " + role + " role"
	}
	return s + ". Ask one of them if the reading list has changed."
}
