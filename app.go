package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// env is what every command is given: the global flags, as parsed, and
// where output goes. A command opens the rest (settings, store, answerer)
// with open or openIndexed when it runs.
type env struct {
	configPath string
	verbose    bool
	logFormat  string
	stdout     io.Writer
	stderr     io.Writer
	// logger is set by open; run logs a failure's details to it.
	logger *slog.Logger
	// pdf reads PDFs: made by open, loaded at the first PDF a command
	// meets, closed by run when the command ends.
	pdf *ingest.PDFEngine
}

// close lets go of what open made (the PDF engine, once loaded).
func (e *env) close() {
	if e.pdf == nil {
		return
	}
	if err := e.pdf.Close(); err != nil && e.logger != nil {
		e.logger.Debug("closing the PDF engine", "err", err)
	}
}

// Log formats of --log-format.
const (
	logText = "text"
	logJSON = "json"
)

// newRootCmd makes the lectern command: the global flags and every
// command of commandConstructors.
func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "lectern",
		Short: "Answers questions over your reading list, citing its passages",
		Long: `Lectern answers questions over your study group's reading list (the files
of the corpus folder, seeds/ by default), citing the passages each answer
stands on, on the command line or as a Discord bot.

Settings are read from --config FILE, else $LECTERN_CONFIG, else
./config.toml if present, else the built-in defaults (local embedder, no
language model, corpus seeds/, data in .lectern/).

Exit codes: 0 done, 1 failed, 2 a mistake in the command line.`,
		Example: `  lectern ask "What are the Three Nos?"
  lectern search -k 3 "Friendship Medal"
  lectern -v --config my.toml index`,
		// Runnable, so that a mistyped command reaches RunE and is a
		// usage error with suggestions, rather than cobra's help.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				fmt.Fprint(cmd.ErrOrStderr(), cmd.UsageString())
				return usageError{}
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, " or "))
			}
			return usageError{errors.New(msg)}
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if e.logFormat != logText && e.logFormat != logJSON {
				return usageErrorf("--log-format is %q: use text or json", e.logFormat)
			}
			return nil
		},
		SuggestionsMinimumDistance: 2,
		SilenceErrors:              true, // run prints them, as sentences
		SilenceUsage:               true,
	}
	// The root runs only to report a mistyped command: its usage line is
	// "lectern [command]" alone, not "lectern [flags]" too.
	root.SetUsageTemplate(strings.Replace(root.UsageTemplate(), "{{if .Runnable}}", "{{if and .Runnable .HasParent}}", 1))
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{err} })
	flags := root.PersistentFlags()
	flags.StringVar(&e.configPath, "config", "", "settings file (default $LECTERN_CONFIG, else ./config.toml if present)")
	flags.BoolVarP(&e.verbose, "verbose", "v", false, "print debug logs on stderr")
	flags.StringVar(&e.logFormat, "log-format", logText, "format of log lines: text or json (for a service's log collector)")
	_ = root.MarkPersistentFlagFilename("config", "toml")
	_ = root.RegisterFlagCompletionFunc("log-format", cobra.FixedCompletions([]string{logText, logJSON}, cobra.ShellCompDirectiveNoFileComp))
	for _, newCmd := range commandConstructors {
		root.AddCommand(newCmd(e))
	}
	addCompletionCmd(root)
	return root
}

// addCompletionCmd adds cobra's `completion bash|zsh|fish|powershell`,
// with an example, and makes a shell it has no script for a usage error
// (cobra's own prints the help and exits 0).
func addCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, cmd := range root.Commands() {
		if cmd.Name() != "completion" {
			continue
		}
		cmd.Example = `  lectern completion fish > ~/.config/fish/completions/lectern.fish
  source <(lectern completion bash)     # in this bash only; zsh alike`
		cmd.Args = cobra.ArbitraryArgs
		cmd.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				fmt.Fprint(cmd.ErrOrStderr(), cmd.UsageString())
				return usageError{}
			}
			return usageErrorf("no completion script for %q: use bash, zsh, fish or powershell", args[0])
		}
	}
}

// usageError is a mistake in the command line: exit code 2. A nil error
// means the usage has been printed already.
type usageError struct{ error }

// usageErrorf makes a usageError from a message.
func usageErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// noArgs is the Args of a command that takes no positional argument.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("unexpected argument %q", args[0])
	}
	return nil
}

// wordsArg is the Args of a command that takes a text of one or more
// words (a question, a query); what names it in the error ("a question").
func wordsArg(what, example string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if strings.TrimSpace(strings.Join(args, " ")) == "" {
			return usageErrorf("give %s: %s", what, example)
		}
		return nil
	}
}

// audience says who reads a command's stderr.
type audience int

const (
	// person: sentences only; log lines with -v.
	person audience = iota
	// service: a log (lectern serve), from level Info; Debug with -v.
	service
)

// newLogger makes the logger of a command run for who: it writes to
// stderr in the --log-format, or nowhere when a person runs a command
// without -v (what they need to know is said in sentences).
func (e *env) newLogger(who audience) *slog.Logger {
	level := slog.LevelInfo
	switch {
	case e.verbose:
		level = slog.LevelDebug
	case who == person:
		return slog.New(slog.DiscardHandler)
	}
	opts := &slog.HandlerOptions{Level: level}
	if e.logFormat == logJSON {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

// app is what the commands share: settings, logger, the store and the answerer.
type app struct {
	cfg      config.Config
	log      *slog.Logger
	store    *retrieval.Store
	answerer *answer.Answerer
	stderr   io.Writer
}

// open reads the settings and opens the store, for a command run for who.
func (e *env) open(ctx context.Context, who audience) (*app, error) {
	logger := e.newLogger(who)
	e.logger = logger
	cfg, err := config.Load(config.Find(e.configPath))
	if err != nil {
		return nil, err
	}
	if dir := os.Getenv("LECTERN_DATA_DIR"); dir != "" {
		cfg.DataDir = dir
	}
	for _, w := range cfg.Warnings(config.APIKey) {
		fmt.Fprintln(e.stderr, "Warning: "+w+".")
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
	if e.pdf == nil {
		e.pdf = ingest.NewPDFEngine(filepath.Join(cfg.DataDir, "pdfium"))
	}
	limits := ingestLimits(cfg.Ingest)
	store, err := retrieval.OpenStore(ctx, retrieval.StoreConfig{
		DataDir:   cfg.DataDir,
		CorpusDir: cfg.Corpus.Dir,
		Embedder:  embedder,
		Logger:    logger,
		Synonyms:  synonyms,
		// What was extracted from PDFs and the like is read back by the
		// next reindex while the file and the program are unchanged.
		Load: retrieval.LoadOptions{Limits: limits, PDF: e.pdf, Cache: retrieval.NewExtractCache(filepath.Join(cfg.DataDir, "cache", "extracted"))},
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
		Synonyms:     synonyms, // the support check reads as the search does
		// The fact-checking model of [verify], if any.
		VerifyBaseURL: cfg.Verify.BaseURL,
		VerifyModel:   cfg.Verify.Model,
		VerifyAPIKey:  config.APIKey(cfg.Verify.APIKeyEnv),
		VerifyTimeout: cfg.Verify.Timeout.Duration,
	})
	return &app{cfg: cfg, log: logger, store: store, answerer: answerer, stderr: e.stderr}, nil
}

// openIndexed is open for the commands that search: it also builds the
// index when there is none yet.
func (e *env) openIndexed(ctx context.Context, who audience) (*app, error) {
	a, err := e.open(ctx, who)
	if err != nil {
		return nil, err
	}
	if err := a.ensureIndex(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

// newEmbedder builds the configured embedder, which logs its retries to logger.
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

// requireDocuments fails when the index holds no document, so that a
// question to an empty reading list is told so rather than "couldn't find".
func (a *app) requireDocuments() error {
	if len(a.store.Sources()) > 0 {
		return nil
	}
	return fmt.Errorf("the reading list is empty: there are no files to read in %s (add .txt or .md files there; `lectern index` names any it skipped)", a.cfg.Corpus.Dir)
}

// reindex rebuilds the index, with a progress bar when stderr is a terminal.
func (a *app) reindex(ctx context.Context) (retrieval.Report, error) {
	var bar *progressbar.ProgressBar
	f, ok := a.stderr.(*os.File)
	if ok && term.IsTerminal(int(f.Fd())) {
		bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("indexing"),
		)
	}
	report, err := a.store.Reindex(ctx, func(p retrieval.Progress) {
		if bar == nil {
			return
		}
		if p.Total > 0 {
			bar.ChangeMax(p.Total)
			// Every chunk is embedded, reused or shares the vector of an
			// identical one: the bar reaches 100% when embedding ends.
			bar.Set(p.Embedded + p.Reused + p.Shared)
		}
		bar.Describe(fmt.Sprintf("%s: %s, %s", p.Stage, text.Plural(p.Files, "file"), text.Plural(p.Chunks, "chunk")))
	})
	if bar != nil {
		// The bar stays, at 100% once every chunk has its vector, and what
		// follows starts on a line of its own.
		bar.Finish()
		fmt.Fprintln(f)
	}
	return report, err
}
