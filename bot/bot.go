// Package bot is Lectern's Discord front end: slash commands (/ask,
// /search, /sources, /reindex), answers to mentions and replies, streamed
// answers with their citations, feedback buttons, and the limits that keep
// one laptop serving a study group.
//
// Everything Discord goes through discordgo; the answering and the index
// are behind the small interfaces Asker, Searcher and Library.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/retrieval"
)

// Asker answers a question; *answer.Answerer is one. onPartial receives the
// answer text so far while it streams in.
type Asker interface {
	Ask(ctx context.Context, req answer.Request, onPartial func(text string)) (answer.Answer, error)
}

// Searcher finds passages; *retrieval.Store is one.
type Searcher interface {
	Search(ctx context.Context, query string, k int) ([]retrieval.Passage, error)
}

// Library is the indexed reading list; *retrieval.Store is one. Reindex
// must keep Search serving the old index until the new one is complete,
// and return retrieval.ErrReindexRunning while another reindex runs.
type Library interface {
	Reindex(ctx context.Context, progress func(retrieval.Progress)) (retrieval.Report, error)
	Sources() []retrieval.SourceStats
}

// Deps is what the bot serves.
type Deps struct {
	Asker    Asker
	Searcher Searcher
	Library  Library
	// Token is the bot token; when empty it is read from the environment
	// variable named by config.Discord.TokenEnv.
	Token string
	// DataDir is where the feedback file and its salt are kept.
	DataDir string
	// UserMessage turns an error of Ask, Search or Reindex into a sentence
	// for the user; answer.UserMessage when nil.
	UserMessage func(error) string
	// Editor, when set, adds and removes documents: /add and /remove are
	// registered only then. Fetch downloads attachments and URLs for /add
	// (ingest.Fetch when nil), with FetchOptions' limits.
	Editor       Editor
	Fetch        FetchFunc
	FetchOptions ingest.FetchOptions
}

// Errors of New and Run that a user can act on. Their text never holds the
// token.
var (
	// ErrMissingToken: no token in the environment.
	ErrMissingToken = errors.New("no Discord bot token")
	// ErrBadToken: Discord refused the token.
	ErrBadToken = errors.New("Discord rejected the bot token")
	// ErrDisallowedIntents: the gateway closed with 4014.
	ErrDisallowedIntents = errors.New("Discord refused the gateway intents")
	// ErrUnreachable: Discord could not be reached.
	ErrUnreachable = errors.New("cannot reach Discord")
)

// Bot is a running or runnable Discord bot. Create it with New, start it
// with Run.
type Bot struct {
	cfg     config.Discord
	deps    Deps
	log     *slog.Logger
	session *discordgo.Session
	rewrite *rewriteTransport

	limits   *userLimits
	gate     *gate
	answers  *answerCache
	feedback *feedbackLog
	reindex  reindexState
	study    *studyState // nil until EnableStudy: no /quiz nor /summary

	// work is the context of in-flight answers and reindexes; cancelled
	// when shutdown's grace period ends.
	work       context.Context
	cancelWork context.CancelFunc

	mu           sync.Mutex
	closing      bool          // no new work is taken
	disconnected bool          // the session is closed
	active       int           // handlers running
	idle         chan struct{} // closed when active drops to 0 while closing

	botID string // the bot user's ID, set before the gateway opens
	// tokenLife is how long an interaction's reply can be edited
	// (interactionTokenLife; tests shorten it).
	tokenLife time.Duration
	appID     string
}

// New checks cfg and the token and prepares a Bot; nothing is sent to
// Discord until Run.
func New(cfg config.Discord, deps Deps, logger *slog.Logger) (*Bot, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	token := strings.TrimSpace(deps.Token)
	if token == "" && cfg.TokenEnv != "" {
		token = strings.TrimSpace(os.Getenv(cfg.TokenEnv))
	}
	if token == "" {
		env := cfg.TokenEnv
		if env == "" {
			env = "DISCORD_TOKEN"
		}
		return nil, fmt.Errorf("%w: set %s to the token of your application's bot (Discord Developer Portal → your application → Bot → Reset Token)", ErrMissingToken, env)
	}
	token = strings.TrimPrefix(token, "Bot ")
	if deps.Asker == nil || deps.Searcher == nil || deps.Library == nil {
		return nil, errors.New("start the Discord bot: Asker, Searcher and Library are all needed")
	}
	if deps.UserMessage == nil {
		deps.UserMessage = answer.UserMessage
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("start the Discord bot: %w", err)
	}
	session, rt, err := newSession(cfg, token)
	if err != nil {
		return nil, err
	}
	fb, err := openFeedback(deps.DataDir, cfg.FeedbackFile)
	if err != nil {
		return nil, err
	}
	work, cancel := context.WithCancel(context.Background())
	b := &Bot{
		cfg:        cfg,
		deps:       deps,
		log:        logger,
		session:    session,
		rewrite:    rt,
		limits:     newUserLimits(cfg.UserRatePerMin, cfg.UserBurst),
		gate:       newGate(cfg.MaxInFlight, cfg.MaxQueue),
		answers:    newAnswerCache(1000),
		feedback:   fb,
		work:       work,
		cancelWork: cancel,
		tokenLife:  interactionTokenLife,
	}
	session.AddHandler(b.onInteraction)
	session.AddHandler(b.onMessage)
	return b, nil
}

// FeedbackPath is where the votes of a bot with this data directory and
// config are written; `lectern feedback` reads it.
func FeedbackPath(dataDir string, cfg config.Discord) string {
	name := cfg.FeedbackFile
	if name == "" {
		name = config.Default().Discord.FeedbackFile
	}
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(dataDir, name)
}

// Run connects to Discord, registers the slash commands and serves until
// ctx is cancelled; then it takes no new work, lets answers in flight
// finish within [discord] shutdown_timeout, and disconnects. It returns nil
// after a shutdown asked for by ctx, and an error (ErrBadToken,
// ErrDisallowedIntents, ErrUnreachable, ...) when it cannot start.
func (b *Bot) Run(ctx context.Context) error {
	defer b.rewrite.closeIdle()
	defer b.cancelWork()
	if err := b.start(ctx); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting: not a failure
		}
		return err
	}
	b.log.Info("lectern is serving Discord", "bot", b.botID, "application", b.appID, "guild", b.cfg.GuildID)
	<-ctx.Done()
	b.shutdown()
	return nil
}

// start checks the token, opens the gateway and registers the commands.
func (b *Bot) start(ctx context.Context) error {
	me, err := b.session.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return b.startError("check the bot token", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Set before Open: discordgo dispatches events (a message that mentions
	// the bot) from its own goroutine as soon as the gateway is open, and
	// the handlers read botID. It is not written again.
	b.botID = me.ID
	if err := b.session.Open(); err != nil {
		return b.startError("connect to the Discord gateway", err)
	}
	b.session.State.RLock()
	if app := b.session.State.Application; app != nil {
		b.appID = app.ID // read by registerCommands alone, below
	}
	b.session.State.RUnlock()
	if b.appID == "" {
		b.appID = me.ID // a bot's user ID is its application's ID
	}
	if err := b.registerCommands(ctx); err != nil {
		_ = b.disconnect()
		return err
	}
	return nil
}

// track registers a running handler; done must be called when it ends,
// and is nil once disconnected (the handler then does nothing).
// accepting is false while shutting down: the handler should then only
// tell the user to come back later.
func (b *Bot) track() (done func(), accepting bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.disconnected {
		return nil, false
	}
	b.active++
	return b.release, !b.closing
}

func (b *Bot) release() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.active--
	if b.active == 0 && b.idle != nil {
		close(b.idle)
		b.idle = nil
	}
}

// shutdown stops taking work, waits for work in flight within the
// configured bound, cancels what is left and disconnects.
func (b *Bot) shutdown() {
	b.mu.Lock()
	b.closing = true
	idle := make(chan struct{})
	if b.active == 0 {
		close(idle)
	} else {
		b.idle = idle
	}
	b.mu.Unlock()
	b.log.Info("shutting down: finishing answers in flight", "timeout", b.cfg.ShutdownTimeout.Duration)
	select {
	case <-idle:
	case <-time.After(b.cfg.ShutdownTimeout.Duration):
		b.log.Warn("shutdown timeout: cancelling answers still in flight")
		b.cancelWork()
		select {
		case <-idle:
		case <-time.After(5 * time.Second):
			b.log.Error("work still running after cancellation; disconnecting anyway")
		}
	}
	b.cancelWork()
	b.mu.Lock()
	b.disconnected = true
	b.mu.Unlock()
	if err := b.disconnect(); err != nil {
		b.log.Warn("disconnect from Discord", "err", err)
	}
	b.log.Info("disconnected from Discord")
}

// disconnect closes the gateway connection for good. discordgo's Close
// waits a second after its close frame; a heartbeat sent in that second
// fails, and discordgo would then reconnect, for ever, unless told not to.
func (b *Bot) disconnect() error {
	b.session.Lock()
	b.session.ShouldReconnectOnError = false
	b.session.Unlock()
	return b.session.Close()
}
