package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/lectern/lectern/bot"
)

// newServeCmd is `lectern serve`: the Discord bot, until SIGINT or SIGTERM.
func newServeCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "serve",
		Short: "Run the Discord bot",
		Long: `Runs Lectern as a Discord bot (/ask, /search, /sources, /reindex and
/quiz, /summary, /add, /remove and mentions) until Ctrl-C or SIGTERM, which lets answers in flight finish. The
bot token is read from $DISCORD_TOKEN (or the variable named by [discord]
token_env); the index is built first if there is none. It logs from level
info on stderr (debug with -v), as JSON with --log-format json.`,
		Example: `  lectern serve --config config.toml     # the token in $DISCORD_TOKEN
  lectern serve -v --log-format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := e.openIndexed(cmd.Context(), service)
			if err != nil {
				return err
			}
			b, err := bot.New(a.cfg.Discord, bot.Deps{Asker: a.answerer, Searcher: a.store, Library: a.store, DataDir: a.cfg.DataDir,
				Editor: a.store, FetchOptions: fetchOptions(a.cfg.Ingest)}, a.log)
			if err != nil {
				return err
			}
			if err := b.EnableStudy(bot.StudyDeps{Studier: newStoreStudier(a), Passages: a.store}); err != nil {
				return err
			}
			// A `lectern index` run beside the bot switches it to the new index.
			ctx := cmd.Context()
			watchCtx, stopWatch := context.WithCancel(ctx)
			watched := make(chan struct{})
			go func() {
				defer close(watched)
				if err := a.store.Watch(watchCtx); err != nil {
					a.log.Warn("a `lectern index` run beside the bot will not be noticed until it restarts", "err", err)
				}
			}()
			defer func() { stopWatch(); <-watched }()
			return b.Run(ctx)
		},
	}
}

// newFeedbackCmd is `lectern feedback`: a summary of the votes given on Discord.
func newFeedbackCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "feedback",
		Short: "Summarise the 👍/👎 votes given on Discord",
		Long: `Summarises the 👍/👎 votes given on answers on Discord (feedback.jsonl in
the data folder): the totals, the votes per question and the latest
downvotes.`,
		Example: `  lectern feedback
  lectern feedback --config config.toml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := e.open(cmd.Context(), person)
			if err != nil {
				return err
			}
			sum, err := bot.SummarizeFeedback(bot.FeedbackPath(a.cfg.DataDir, a.cfg.Discord))
			if errors.Is(err, os.ErrNotExist) {
				_, err = fmt.Fprintln(cmd.OutOrStdout(), "No feedback yet.")
				return err
			}
			if err != nil {
				return err
			}
			return sum.Write(cmd.OutOrStdout())
		},
	}
}
