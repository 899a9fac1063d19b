// Command lectern answers questions over a study group's reading list, with
// citations of the passages each answer stands on, from the command line or
// as a Discord bot.
//
//	lectern ask "What are the Three Nos?"    answer a question
//	lectern search "Three Nos" -k 5          show the best passages
//	lectern index                            (re)build the index of the corpus
//	lectern sources                          list the reading list
//	lectern eval --questions FILE            measure retrieval on a question set
//	lectern serve                            run the Discord bot
//	lectern feedback                         summarise the votes given on Discord
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

const usage = `Lectern answers questions over your reading list, citing its passages.

Usage:
  lectern ask QUESTION [--json]
  lectern search QUERY [-k N] [--json]
  lectern index
  lectern sources [--json]
  lectern add PATH|URL [--title T] [--author A]...
  lectern remove SOURCE
  lectern eval --questions FILE [--json]
  lectern serve
  lectern feedback

Every command takes --config FILE (default: $LECTERN_CONFIG, else
./config.toml if present, else the built-in defaults) and -v for debug logs.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command and returns the process exit code: 0 for
// success, 1 for a failure, 2 for a usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "lectern: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := cmd(ctx, args[1:], stdout, stderr)
	var usageErr usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "lectern %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(stderr, "lectern %s: %s\n", args[0], userMessage(err))
		slog.Debug("command failed", "command", args[0], "err", err)
		return 1
	}
}

// commands maps each command name to what runs it.
var commands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"ask":      cmdAsk,
	"search":   cmdSearch,
	"index":    cmdIndex,
	"sources":  cmdSources,
	"eval":     cmdEval,
	"serve":    cmdServe,
	"feedback": cmdFeedback,
	"add":      cmdAdd, "remove": cmdRemove,
}

// usageError is a mistake in the command line.
type usageError struct{ error }
