package bot

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/retrieval"
)

// Names of the commands that change the reading list, and of their options.
const (
	cmdAdd    = "add"
	cmdRemove = "remove"

	optFile   = "file"
	optURL    = "url"
	optSource = "source"
)

// Editor changes the reading list; *retrieval.Store is one. Add and Remove
// reindex, and the index in use keeps serving until the new one is complete.
type Editor interface {
	Add(ctx context.Context, name string, data []byte, entry retrieval.ManifestEntry, progress func(retrieval.Progress)) (retrieval.Added, error)
	Remove(ctx context.Context, source string, progress func(retrieval.Progress)) (retrieval.Removed, error)
}

// FetchFunc downloads a document; ingest.Fetch is the one used unless
// Deps says otherwise.
type FetchFunc func(ctx context.Context, rawURL string, opts ingest.FetchOptions) (ingest.FetchedFile, error)

// editCommands are /add and /remove, for moderators only (hidden from the
// others by default member permissions, and checked again when used).
func (b *Bot) editCommands() []*discordgo.ApplicationCommand {
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	manageGuild := int64(discordgo.PermissionManageGuild)
	return []*discordgo.ApplicationCommand{
		{
			Name:                     cmdAdd,
			Description:              "Add a document to the reading list: a file or a URL (moderators).",
			Contexts:                 &guildOnly,
			DefaultMemberPermissions: &manageGuild,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionAttachment, Name: optFile, Description: "A PDF, web page, EPUB, DOCX, Markdown or text file"},
				{Type: discordgo.ApplicationCommandOptionString, Name: optURL, Description: "The address of a web page or a PDF (http or https)", MaxLength: 2000},
			},
		},
		{
			Name:                     cmdRemove,
			Description:              "Take a document out of the reading list (moderators).",
			Contexts:                 &guildOnly,
			DefaultMemberPermissions: &manageGuild,
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: optSource, Description: "The document's title or file name",
				Required: true, Autocomplete: true, MaxLength: 200,
			}},
		},
	}
}

// attachmentOption returns the attachment given to the named option.
func attachmentOption(data discordgo.ApplicationCommandInteractionData, name string) *discordgo.MessageAttachment {
	for _, o := range data.Options {
		if o.Name != name || o.Type != discordgo.ApplicationCommandOptionAttachment || data.Resolved == nil {
			continue
		}
		id, _ := o.Value.(string)
		return data.Resolved.Attachments[id]
	}
	return nil
}

// onAdd adds the attached file, or the document at the URL given, to the
// reading list for a moderator; its reply shows progress and ends with
// what was added or why not.
func (b *Bot) onAdd(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	if !b.isModerator(i) {
		b.refuse(i, msgModeratorsOnly("add documents to the reading list", b.cfg.ModeratorRole))
		return
	}
	att := attachmentOption(data, optFile)
	rawURL := strings.TrimSpace(stringOption(data, optURL))
	switch {
	case att == nil && rawURL == "":
		b.refuse(i, "Give a file (`file:`) or a URL (`url:`) to add.")
		return
	case att != nil && rawURL != "":
		b.refuse(i, "Give a file or a URL, not both: one document at a time.")
		return
	}
	limits := b.deps.FetchOptions
	if att != nil && limits.MaxBytes > 0 && int64(att.Size) > limits.MaxBytes {
		b.refuse(i, fmt.Sprintf("Not added: %s is too large (%s; the limit is %s).", att.Filename, megabytes(int64(att.Size)), megabytes(limits.MaxBytes)))
		return
	}
	finished, ok := b.beginChange(i, "/add")
	if !ok {
		return
	}
	defer finished()
	ctx := b.work
	show := func(s string) {
		if err := b.editOriginal(ctx, i, outMessage{content: truncate(s, maxContent)}); err != nil {
			b.log.Warn("show /add progress", "err", err)
		}
	}
	var name, source string
	entry := retrieval.ManifestEntry{}
	if att != nil {
		name, source = filepath.Base(att.Filename), att.URL
		show("📥 Downloading " + inlineCode(name) + "…")
	} else {
		source = rawURL
		entry.URL = rawURL
		show("📥 Fetching <" + rawURL + ">…")
	}
	// An attachment is downloaded from the URL Discord gives, and no other,
	// with the same limits as any URL.
	f, err := b.fetch(ctx, source, limits)
	if err != nil {
		b.log.Info("/add: fetch failed", "url", source, "err", err)
		show("⚠️ Not added: the download failed (" + oneLine(err.Error()) + ").")
		return
	}
	if name == "" {
		name = f.Name
		if f.URL != "" {
			entry.URL = f.URL
		}
	}
	show("📖 Reading " + inlineCode(name) + " and indexing it; answers keep coming from the current index.")
	progress, stop := b.progressShower(ctx, i, "🔄 Adding "+inlineCode(name))
	added, err := b.deps.Editor.Add(ctx, name, f.Data, entry, progress)
	stop()
	finished()
	var refused *retrieval.RefusedError
	switch {
	case errors.As(err, &refused):
		show("⚠️ Not added: " + refused.Name + ": " + refused.Reason + ".")
	case errors.Is(err, retrieval.ErrReindexRunning):
		show("⚠️ Not added: " + msgReindexRunning("", time.Time{}))
	case err != nil:
		b.log.Error("/add", "name", name, "err", err)
		show("⚠️ Not added: indexing failed; the reading list is as it was. The details are in the log.")
	default:
		b.log.Info("/add", "source", added.Source.Source, "chunks", added.Source.Chunks, "embedded", added.Report.Embedded)
		show(msgAdded(added.Source))
	}
}

// fetch downloads with the fetcher of Deps, else ingest.Fetch.
func (b *Bot) fetch(ctx context.Context, rawURL string, opts ingest.FetchOptions) (ingest.FetchedFile, error) {
	if b.deps.Fetch != nil {
		return b.deps.Fetch(ctx, rawURL, opts)
	}
	return ingest.Fetch(ctx, rawURL, opts)
}

// progressShower returns a progress callback that edits the reply at most
// once per stream interval, and a stop function.
func (b *Bot) progressShower(ctx context.Context, i *discordgo.Interaction, what string) (func(retrieval.Progress), func()) {
	var mu sync.Mutex
	var last retrieval.Progress
	stream := newStreamer(b.cfg.StreamInterval.Duration, func(string) {
		mu.Lock()
		p := last
		mu.Unlock()
		s := fmt.Sprintf("%s (%s: %d files, %d passages, %d embedded). Answers keep coming from the current index.", what, p.Stage, p.Files, p.Chunks, p.Embedded)
		if err := b.editOriginal(ctx, i, outMessage{content: truncate(s, maxContent)}); err != nil {
			b.log.Warn("show progress", "err", err)
		}
	})
	return func(p retrieval.Progress) {
		mu.Lock()
		last = p
		mu.Unlock()
		stream.update("")
	}, stream.stop
}

// msgAdded is the end of a successful /add: "✅ Added *Title* — 23 pages,
// 61 passages."
func msgAdded(s retrieval.SourceStats) string {
	title := s.Title
	if title == "" {
		title = s.Source
	}
	passages := fmt.Sprintf("%d passages", s.Chunks)
	if s.Chunks == 1 {
		passages = "1 passage"
	}
	if extent := s.Extent(); extent != "" {
		passages = extent + ", " + passages
	}
	return "✅ Added *" + escapeMarkdown(title) + "* — " + passages + "."
}

// msgModeratorsOnly refuses a moderator's command to someone else.
func msgModeratorsOnly(what, role string) string {
	s := "Only moderators can " + what + ": it needs the Manage Server permission"
	if role != "" {
		if _, err := fmt.Sscan(role, new(uint64)); err == nil {
			role = "<@&" + role + ">"
		}
		s += " or the " + role + " role"
	}
	return s + "."
}

// megabytes writes a size as "3.2 MB".
func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// inlineCode shows a file name as code, without breaking out of it.
func inlineCode(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }
