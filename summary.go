package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/study"
)

// cmdSummary summarises one source: `lectern summary SOURCE [--json]`.
// SOURCE is a file name or a unique part of a title.
func cmdSummary(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("summary", &common)
	asJSON := fs.Bool("json", false, "print JSON")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(strings.Join(words, " "))
	if name == "" {
		return usageError{errors.New("name a source: lectern summary \"Party-to-Party Ties\" (a file name or part of a title; see lectern sources)")}
	}
	a, err := newIndexedApp(ctx, common, slog.LevelWarn, stderr)
	if err != nil {
		return err
	}
	defer a.close()
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
	if *asJSON {
		return writeJSON(stdout, sum)
	}
	fmt.Fprintf(stdout, "Summary of “%s”\n\n", src.Title)
	return writeAnswer(stdout, answer.Answer{Text: sum.Text, Citations: sum.Citations})
}
