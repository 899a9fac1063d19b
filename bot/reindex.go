package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// reindexState says whether a reindex started from Discord is running.
type reindexState struct {
	mu      sync.Mutex
	running bool
	by      string
	since   time.Time
}

// begin marks a reindex as running; when one already is, it returns false
// with who started it and when.
func (r *reindexState) begin(userID string, now time.Time) (ok bool, by string, since time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.running {
		return false, r.by, r.since
	}
	r.running, r.by, r.since = true, userID, now
	return true, "", time.Time{}
}

func (r *reindexState) end() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.running = false
}

// msgReindexRunning refuses a second /reindex.
func msgReindexRunning(by string, since time.Time) string {
	s := "A reindex is already running"
	if by != "" {
		s += fmt.Sprintf(" (started by <@%s> %s ago)", by, time.Since(since).Round(time.Second))
	}
	return s + "; its reply will show the summary when it is done. Answers keep coming from the current index meanwhile."
}

// onReindex rebuilds the index for a moderator, editing its reply with
// progress and then a summary.
func (b *Bot) onReindex(i *discordgo.Interaction) {
	if !b.isModerator(i) {
		b.refuse(i, b.moderatorRefusal())
		return
	}
	user := userOf(i)
	ok, by, since := b.reindex.begin(user.ID, time.Now())
	if !ok {
		b.refuse(i, msgReindexRunning(by, since))
		return
	}
	defer b.reindex.end()
	started := time.Now()
	expires := started.Add(b.tokenLife) // the reply can be edited until then
	ctx, cancel := context.WithTimeout(b.work, b.cfg.ReindexTimeout.Duration)
	defer cancel()
	if err := b.deferReply(ctx, i, false); err != nil {
		b.log.Error("acknowledge /reindex", "err", err)
		return
	}
	var mu sync.Mutex
	var last retrieval.Progress
	stream := newStreamer(b.cfg.StreamInterval.Duration, func(string) {
		mu.Lock()
		p := last
		mu.Unlock()
		if time.Now().After(expires) {
			return // the reply can no longer be edited; the summary goes to the channel
		}
		if err := b.editOriginal(ctx, i, outMessage{content: renderProgress(p)}); err != nil {
			b.log.Warn("show reindex progress", "err", err)
		}
	})
	report, err := b.deps.Library.Reindex(ctx, func(p retrieval.Progress) {
		mu.Lock()
		last = p
		mu.Unlock()
		stream.update("")
	})
	stream.stop()
	var sentence string
	switch {
	case errors.Is(err, retrieval.ErrReindexRunning):
		sentence = msgReindexRunning("", time.Time{})
	case errors.Is(err, context.DeadlineExceeded) && b.work.Err() == nil:
		b.log.Error("reindex", "by", b.feedback.hashUser(user.ID), "err", err, "reindex_timeout", b.cfg.ReindexTimeout.Duration)
		sentence = fmt.Sprintf("⚠️ The reindex took longer than %s and was stopped; the current index keeps serving.", b.cfg.ReindexTimeout.Duration)
	case err != nil:
		b.log.Error("reindex", "by", b.feedback.hashUser(user.ID), "err", err)
		sentence = "⚠️ The reindex failed; the current index keeps serving. The details are in the log."
	default:
		b.log.Info("reindexed", "files", report.Files, "chunks", report.Chunks, "embedded", report.Embedded, "reused", report.Reused, "skipped", len(report.Skipped), "took", time.Since(started).Round(time.Millisecond))
		sentence = renderReport(report, time.Since(started))
	}
	// The reindex's own deadline may have passed: the summary gets its own.
	sendCtx, cancelSend := context.WithTimeout(b.work, 30*time.Second)
	defer cancelSend()
	if time.Now().After(expires) {
		// Discord no longer accepts edits of the reply: say it in the channel.
		m := outMessage{content: truncate(fmt.Sprintf("/reindex by <@%s>: %s", user.ID, sentence), maxContent)}
		if _, err := b.sendChannel(sendCtx, i.ChannelID, "", m); err != nil {
			b.log.Error("send reindex summary to the channel", "err", err)
		}
		return
	}
	if err := b.editOriginal(sendCtx, i, outMessage{content: sentence}); err != nil {
		b.log.Error("send reindex summary", "err", err)
	}
}

// interactionTokenLife is how long Discord accepts edits of an
// interaction's reply, less a margin for the last edit to arrive.
const interactionTokenLife = 15*time.Minute - 30*time.Second

// renderProgress is the reply while a reindex runs.
func renderProgress(p retrieval.Progress) string {
	stage := p.Stage
	if stage == "" {
		stage = "starting"
	}
	s := fmt.Sprintf("🔄 Reindexing (%s): %s, %s, %d embedded, %d reused", stage, text.Plural(p.Files, "file"), text.Plural(p.Chunks, "chunk"), p.Embedded, p.Reused)
	if p.Shared > 0 {
		s += fmt.Sprintf(", %d shared", p.Shared)
	}
	if p.Total > 0 {
		s += fmt.Sprintf(" of %d", p.Total)
	}
	return s + ". Answers keep coming from the current index."
}

// renderReport is the summary of a finished reindex, skipped files listed.
func renderReport(r retrieval.Report, took time.Duration) string {
	how := fmt.Sprintf("%d embedded, %d reused", r.Embedded, r.Reused)
	if r.Shared > 0 {
		how += fmt.Sprintf(", %d shared with an identical chunk", r.Shared)
	}
	s := fmt.Sprintf("✅ Reindexed in %s: %s, %s (%s).", took.Round(100*time.Millisecond), text.Plural(r.Files, "file"), text.Plural(r.Chunks, "chunk"), how)
	if len(r.Skipped) > 0 {
		var lines []string
		for _, sk := range r.Skipped {
			lines = append(lines, fmt.Sprintf("• `%s`: %s", sk.Path, sk.Reason))
		}
		s += "\nSkipped " + text.Plural(len(r.Skipped), "file") + ":\n" + strings.Join(lines, "\n")
	}
	return truncate(s, maxContent)
}
