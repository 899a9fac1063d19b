package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/study"
)

// newSummaryCmd is `lectern summary SOURCE [--json]`: a short summary of
// one source, each sentence cited. SOURCE is a file name or a unique part
// of a title.
func newSummaryCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "summary SOURCE",
		Short: "A short summary of one source, each sentence cited",
		Long: `Summarises one source of the reading list in 4–8 sentences, each cited
with its passage (and page or section where known). Without a language
model they are the source's most central sentences, in reading order; with
[chat] configured the model writes the summary and its markers are checked.
SOURCE is a file name or a unique part of a title (see lectern sources).
--json prints {"summary", "citations"}.`,
		Example: `  lectern summary "Party-to-Party Ties"
  lectern summary 002_c44777ec8113f80d.txt --json`,
		Args: wordsArg("a source", `lectern summary "Party-to-Party Ties" (a file name or part of a title; see lectern sources)`),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := e.openIndexed(cmd.Context(), person)
			if err != nil {
				return err
			}
			return runSummary(cmd.Context(), a, strings.TrimSpace(strings.Join(args, " ")), asJSON, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// runSummary prints the summary of the source name resolves to.
func runSummary(ctx context.Context, a *app, name string, asJSON bool, stdout, stderr io.Writer) error {
	src, err := study.ResolveSource(a.store.Sources(), name)
	if err != nil {
		return usageError{err}
	}
	studier, err := newStudier(a)
	if err != nil {
		return err
	}
	sum, note := studier.Summarise(ctx, a.store.Passages(src.Source))
	if note != "" {
		fmt.Fprintln(stderr, note)
	}
	if asJSON {
		return writeJSON(stdout, sum)
	}
	fmt.Fprintf(stdout, "Summary of “%s”\n\n", src.Title)
	return writeAnswer(stdout, answer.Answer{Text: sum.Text, Citations: sum.Citations})
}
