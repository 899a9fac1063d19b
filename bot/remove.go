package bot

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/retrieval"
)

// maxChoices is how many suggestions an autocomplete reply may hold.
const maxChoices = 25

// beginChange starts a change of the reading list (/add, /remove) for
// interaction i: it takes the lock /reindex also takes, or refuses with
// who holds it, and defers the reply. finished lets go of the lock (once,
// however often it is called): call it once the reading list is changed,
// before the reply says so, so that a next change may start as soon as
// this one is reported. ok is false when the change must not go on.
func (b *Bot) beginChange(i *discordgo.Interaction, command string) (finished func(), ok bool) {
	started, by, since := b.reindex.begin(userOf(i).ID, time.Now())
	if !started {
		b.refuse(i, msgReindexRunning(by, since))
		return nil, false
	}
	finished = sync.OnceFunc(b.reindex.end)
	if err := b.deferReply(b.work, i, false); err != nil {
		b.log.Error("acknowledge "+command, "err", err)
		finished()
		return nil, false
	}
	return finished, true
}

// onRemove takes a document out of the reading list for a moderator.
func (b *Bot) onRemove(i *discordgo.Interaction, source string) {
	if !b.isModerator(i) {
		b.refuse(i, msgModeratorsOnly("take documents out of the reading list", b.cfg.ModeratorRole))
		return
	}
	source = strings.TrimSpace(source)
	if source == "" {
		b.refuse(i, "Name the document to remove: its title or file name.")
		return
	}
	finished, ok := b.beginChange(i, "/remove")
	if !ok {
		return
	}
	defer finished()
	ctx := b.work
	progress, stop := b.progressShower(ctx, i, "🔄 Removing "+inlineCode(source))
	removed, err := b.deps.Editor.Remove(ctx, source, progress)
	stop()
	finished()
	var amb *retrieval.AmbiguousError
	var sentence string
	switch {
	case errors.As(err, &amb) && len(amb.Matches) == 0:
		sentence = "⚠️ Nothing removed: no document of the reading list is called " + inlineCode(source) + ". /sources lists them."
	case errors.As(err, &amb):
		var names []string
		for _, m := range amb.Matches {
			names = append(names, "• *"+escapeMarkdown(m.Title)+"* ("+inlineCode(m.Source)+")")
		}
		sentence = "⚠️ Nothing removed: " + inlineCode(source) + " matches several documents; pick one:\n" + strings.Join(names, "\n")
	case errors.Is(err, retrieval.ErrReindexRunning):
		sentence = "⚠️ " + msgReindexRunning("", time.Now())
	case err != nil:
		b.log.Error("/remove", "source", source, "err", err)
		sentence = "⚠️ The removal failed; the details are in the log."
	default:
		b.log.Info("/remove", "source", removed.Source.Source)
		sentence = "🗑️ Removed *" + escapeMarkdown(removed.Source.Title) + "* (" + inlineCode(removed.Source.Source) + ")."
	}
	if err := b.editOriginal(ctx, i, outMessage{content: truncate(sentence, maxContent)}); err != nil {
		b.log.Error("send /remove result", "err", err)
	}
}

// onAutocomplete suggests the reading list's titles for the source of
// /remove, /quiz and /summary: those whose title or file name holds what
// has been typed.
func (b *Bot) onAutocomplete(i *discordgo.Interaction) {
	data := i.ApplicationCommandData()
	var choices []*discordgo.ApplicationCommandOptionChoice
	if data.Name == cmdRemove || data.Name == cmdQuiz || data.Name == cmdSummary {
		choices = sourceChoices(b.deps.Library.Sources(), focusedValue(data))
	}
	ctx, cancel := context.WithTimeout(context.Background(), reportTimeout)
	defer cancel()
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("send autocomplete choices", "err", err)
	}
}

// focusedValue is what the user has typed in the focused option.
func focusedValue(data discordgo.ApplicationCommandInteractionData) string {
	for _, o := range data.Options {
		if o.Focused {
			s, _ := o.Value.(string)
			return s
		}
	}
	return ""
}

// sourceChoices are up to maxChoices sources whose title or file name
// holds typed (any case), named by title, valued by file name.
func sourceChoices(list []retrieval.SourceStats, typed string) []*discordgo.ApplicationCommandOptionChoice {
	typed = strings.ToLower(strings.TrimSpace(typed))
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, s := range list {
		if len(choices) == maxChoices {
			break
		}
		if utf8.RuneCountInString(s.Source) > 100 {
			continue // a choice's value holds at most 100 characters
		}
		if typed != "" && !strings.Contains(strings.ToLower(s.Title), typed) && !strings.Contains(strings.ToLower(s.Source), typed) {
			continue
		}
		name := s.Title
		if name == "" {
			name = s.Source
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: truncate(oneLine(name), 100), Value: s.Source})
	}
	return choices
}
