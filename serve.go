package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/lectern/lectern/bot"
)

// cmdServe runs the Discord bot until SIGINT or SIGTERM: `lectern serve`.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("serve", &common)
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	a, err := newIndexedApp(ctx, common, slog.LevelInfo, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	b, err := bot.New(a.cfg.Discord, bot.Deps{Asker: a.answerer, Searcher: a.store, Library: a.store, DataDir: a.cfg.DataDir,
		Editor: a.store, FetchOptions: fetchOptions(a.cfg.Ingest)}, a.log)
	if err != nil {
		return err
	}
	if err := b.EnableStudy(bot.StudyDeps{Studier: newStoreStudier(a), Passages: a.store}); err != nil {
		return err
	}
	// A `lectern index` run beside the bot switches it to the new index.
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
}

// cmdFeedback summarises the votes given on Discord: `lectern feedback`.
func cmdFeedback(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("feedback", &common)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	a, err := newApp(ctx, common, slog.LevelWarn, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	sum, err := bot.SummarizeFeedback(bot.FeedbackPath(a.cfg.DataDir, a.cfg.Discord))
	if errors.Is(err, os.ErrNotExist) {
		_, err = fmt.Fprintln(stdout, "No feedback yet.")
		return err
	}
	if err != nil {
		return err
	}
	return sum.Write(stdout)
}
