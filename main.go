// Command lectern answers questions over a study group's reading list, with
// citations of the passages each answer stands on, from the command line or
// as a Discord bot.
//
//	lectern ask "What are the Three Nos?"    answer a question
//	lectern search "Three Nos" -k 5          show the best passages
//	lectern index                            (re)build the index of the corpus
//	lectern sources                          list the reading list
//	lectern add PATH|URL                     add a document to the reading list
//	lectern remove SOURCE                    take one out
//	lectern eval --questions FILE            measure retrieval on a question set
//	lectern serve                            run the Discord bot
//	lectern feedback                         summarise the votes given on Discord
//	lectern completion bash|zsh|fish         print a shell completion script
//
// The command line is built with github.com/spf13/cobra.
//
// # Adding a command
//
// A command is one file at the repository root (xxx.go) holding a
// constructor
//
//	func newXxxCmd(env *env) *cobra.Command
//
// and one line in [commandConstructors] below. The constructor fills in
// Use ("xxx ARG"), Short (one line for the list of commands), Long (what
// it does, what --json prints), Example (one command line or more), Args
// (noArgs, wordsArg or another validator that returns a usageError) and
// RunE, and defines the command's own flags on cmd.Flags(). The global
// flags (--config, -v, --log-format) are in env and work before or after
// the command's name. RunE
//
//   - opens what it needs with env.open or env.openIndexed (settings, logger,
//     store, answerer: see app.go), passing cmd.Context() and who reads
//     stderr (person, or service for a long-running command);
//   - writes its output to cmd.OutOrStdout() and sentences for people to
//     cmd.ErrOrStderr() (never log lines: the logger prints only with -v);
//   - returns usageErrorf(…) for a mistake in the command line (exit 2) and
//     any other error for a failure (exit 1), wrapped with what was being
//     done; run prints it as "lectern xxx: …".
//
// Help, flag parsing, suggestions for mistyped commands and shell
// completion come from cobra; cli_test.go checks every registered
// command's -h, so a new command is covered by adding its line.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// commandConstructors makes every command of lectern (the help lists them
// in alphabetical order). Adding a command is one line here (see the package comment).
var commandConstructors = []func(*env) *cobra.Command{
	newAskCmd,
	newSearchCmd,
	newIndexCmd,
	newSourcesCmd,
	newAddCmd,
	newRemoveCmd,
	newEvalCmd,
	newServeCmd,
	newFeedbackCmd,
	newQuizCmd,
	newSummaryCmd,
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes of lectern, documented in the README.
const (
	exitOK      = 0 // the command did what it was asked
	exitFailure = 1 // it could not (a file, the index, an endpoint failed)
	exitUsage   = 2 // the command line was wrong: nothing was done
)

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	root := newRootCmd(e)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	e.close()
	if err == nil {
		return exitOK
	}
	name := "lectern"
	if cmd != nil {
		name = cmd.CommandPath()
	}
	var usageErr usageError
	if errors.As(err, &usageErr) {
		if usageErr.error != nil {
			fmt.Fprintf(stderr, "%s: %v\nRun '%s -h' for help.\n", name, usageErr.error, name)
		}
		return exitUsage
	}
	fmt.Fprintf(stderr, "%s: %s\n", name, userMessage(err))
	if e.logger != nil {
		e.logger.Debug("command failed", "command", name, "err", err)
	}
	return exitFailure
}
