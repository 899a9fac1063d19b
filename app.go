package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/retrieval"
)

// commonFlags are the flags every command takes.
type commonFlags struct {
	configPath string
	verbose    bool
}

// newFlagSet makes a command's flag set with the common flags defined.
func newFlagSet(name string, common *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&common.configPath, "config", "", "config file")
	fs.BoolVar(&common.verbose, "v", false, "debug logs")
	return fs
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("ask QUESTION --json" as well as "ask --json QUESTION").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// parseFlagsOnly parses the flags of a command that takes no positional
// argument.
func parseFlagsOnly(fs *flag.FlagSet, args []string) error {
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	return nil
}

// app is what the commands share: settings, logger, the store and the answerer.
type app struct {
	cfg      config.Config
	log      *slog.Logger
	store    *retrieval.Store
	answerer *answer.Answerer
	stderr   io.Writer
	// pdf reads PDFs; its engine loads at the first PDF a command meets.
	pdf *ingest.PDFEngine
}

// close lets go of what the app holds (the PDF engine, once loaded).
func (a *app) close() {
	if a.pdf == nil {
		return
	}
	if err := a.pdf.Close(); err != nil {
		a.log.Debug("closing the PDF engine", "err", err)
	}
}

// newApp reads the settings and opens the store.
func newApp(ctx context.Context, common commonFlags, logLevel slog.Level, stderr io.Writer) (*app, error) {
	cfg, err := config.Load(config.Find(common.configPath))
	if err != nil {
		return nil, err
	}
	if dir := os.Getenv("LECTERN_DATA_DIR"); dir != "" {
		cfg.DataDir = dir
	}
	if common.verbose {
		logLevel = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel}))
	slog.SetDefault(logger)
	for _, w := range cfg.Warnings(config.APIKey) {
		fmt.Fprintln(stderr, "Warning: "+w+".")
	}

	embedder, err := newEmbedder(cfg.Embeddings, logger)
	if err != nil {
		return nil, err
	}
	var synonyms retrieval.Synonyms // nil: the built-in table
	if !cfg.Retrieval.Synonyms {
		synonyms = retrieval.Synonyms{}
	}
	// The PDF engine's compiled module is cached in the data folder, so
	// only the first PDF on a machine pays for compiling PDFium.
	pdf := ingest.NewPDFEngine(filepath.Join(cfg.DataDir, "pdfium"))
	limits := ingestLimits(cfg.Ingest)
	limits.PDF = pdf
	store, err := retrieval.OpenStore(ctx, retrieval.StoreConfig{
		DataDir:   cfg.DataDir,
		CorpusDir: cfg.Corpus.Dir,
		Embedder:  embedder,
		Logger:    logger,
		Synonyms:  synonyms,
		Load:      retrieval.LoadOptions{Limits: limits},
	})
	if err != nil {
		return nil, err
	}
	answerer := answer.New(store, answer.Config{
		ChatBaseURL:  cfg.Chat.BaseURL,
		ChatModel:    cfg.Chat.Model,
		APIKey:       config.APIKey(cfg.Chat.APIKeyEnv),
		Timeout:      cfg.Chat.Timeout.Duration,
		TopK:         cfg.Retrieval.TopK,
		Temperature:  cfg.Chat.Temperature,
		MaxTokens:    cfg.Chat.MaxTokens,
		MaxAttempts:  cfg.Chat.MaxAttempts,
		MaxRetryWait: cfg.Chat.MaxRetryWait.Duration,
		Logger:       logger,
	})
	return &app{cfg: cfg, log: logger, store: store, answerer: answerer, stderr: stderr, pdf: pdf}, nil
}

// newIndexedApp is newApp for the commands that search: it also builds the
// index when there is none yet.
func newIndexedApp(ctx context.Context, common commonFlags, logLevel slog.Level, stderr io.Writer) (*app, error) {
	a, err := newApp(ctx, common, logLevel, stderr)
	if err != nil {
		return nil, err
	}
	if err := a.ensureIndex(ctx); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

// newEmbedder builds the configured embedder.
func newEmbedder(cfg config.Embeddings, logger *slog.Logger) (retrieval.Embedder, error) {
	switch cfg.Provider {
	case "openai":
		return retrieval.NewOpenAIEmbedder(retrieval.OpenAIEmbedderConfig{
			BaseURL:      cfg.BaseURL,
			Model:        cfg.Model,
			APIKey:       config.APIKey(cfg.APIKeyEnv),
			BatchSize:    cfg.BatchSize,
			Timeout:      cfg.Timeout.Duration,
			MaxRetries:   cmp.Or(cfg.MaxAttempts-1, -1), // one attempt: no retry
			MaxRetryWait: cfg.MaxRetryWait.Duration,
			Logger:       logger,
		})
	default:
		return retrieval.NewLocalEmbedder(), nil
	}
}

// ensureIndex builds the index on first use, so that the first `ask` on a
// fresh machine works without a separate `index`.
func (a *app) ensureIndex(ctx context.Context) error {
	if a.store.Ready() == nil {
		return nil
	}
	fmt.Fprintf(a.stderr, "Building the index of %s (first run)…\n", a.cfg.Corpus.Dir)
	_, err := a.reindex(ctx)
	return err
}

// reindex rebuilds the index, with a progress bar when stderr is a terminal.
func (a *app) reindex(ctx context.Context) (retrieval.Report, error) {
	var bar *progressbar.ProgressBar
	if f, ok := a.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("indexing"),
			progressbar.OptionClearOnFinish(),
		)
	}
	report, err := a.store.Reindex(ctx, func(p retrieval.Progress) {
		if bar == nil {
			return
		}
		if p.Total > 0 {
			bar.ChangeMax(p.Total)
			bar.Set(p.Embedded + p.Reused)
		}
		bar.Describe(fmt.Sprintf("%s: %d files, %d chunks, %d embedded, %d reused", p.Stage, p.Files, p.Chunks, p.Embedded, p.Reused))
	})
	if bar != nil {
		bar.Finish()
	}
	return report, err
}
