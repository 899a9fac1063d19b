package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/evaluation"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// userMessage is what the command line says of a failed command: for an
// endpoint that fails, the sentence a Discord user would get and the
// details; else the error itself, which names what was being done.
func userMessage(err error) string {
	var endpoint *answer.EndpointError
	switch {
	case errors.As(err, &endpoint):
		return endpoint.Message() + "\n  (" + err.Error() + ")"
	case errors.Is(err, context.Canceled):
		return "interrupted"
	}
	return err.Error() // errors name what was being done, and never hold a key
}

// cmdAsk answers one question: `lectern ask QUESTION [--json]`. When the
// chat endpoint fails, it says so on stderr and answers extractively.
func cmdAsk(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("ask", &common)
	asJSON := fs.Bool("json", false, "print JSON")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(words, " "))
	if question == "" {
		return usageError{errors.New("give a question: lectern ask \"What are the Three Nos?\"")}
	}
	a, err := newIndexedApp(ctx, common, slog.LevelWarn, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	ans, err := a.answerer.Ask(ctx, answer.Request{Question: question}, nil)
	if ans.ModelDown != nil {
		// The answerer answered from the reading list: say what failed.
		fmt.Fprintf(stderr, "%s\nAnswering from the reading list instead.\n\n", userMessage(ans.ModelDown))
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, ans)
	}
	return writeAnswer(stdout, ans)
}

// writeAnswer prints an answer and its sources for a terminal.
func writeAnswer(w io.Writer, ans answer.Answer) error {
	var b strings.Builder
	b.WriteString(ans.Text)
	b.WriteString("\n")
	if len(ans.Citations) > 0 {
		b.WriteString("\nSources\n")
	}
	for _, c := range ans.Citations {
		fmt.Fprintf(&b, "[%d] %s", c.N, c.Title)
		if by := withLocation(text.Byline(c.Authors, c.Publisher, ""), c.Location); by != "" {
			fmt.Fprintf(&b, " — %s", by)
		}
		fmt.Fprintf(&b, " (%s)\n", c.Source)
		if c.Quote != "" {
			fmt.Fprintf(&b, "    “%s”\n", c.Quote)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cmdSearch shows the best passages: `lectern search QUERY [-k N] [--json]`.
func cmdSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("search", &common)
	asJSON := fs.Bool("json", false, "print JSON")
	k := fs.Int("k", 0, "number of passages (default: [retrieval] top_k)")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return usageError{errors.New("give a query: lectern search \"Three Nos\"")}
	}
	if *k < 0 || *k > 50 {
		return usageError{fmt.Errorf("-k must be between 1 and 50, not %d", *k)}
	}
	a, err := newApp(ctx, common, slog.LevelWarn, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	if *k == 0 {
		*k = a.cfg.Retrieval.TopK
	}
	if err := a.ensureIndex(ctx); err != nil {
		return err
	}
	passages, err := a.store.Search(ctx, query, *k)
	if err != nil {
		return err
	}
	if *asJSON {
		if passages == nil {
			passages = []retrieval.Passage{}
		}
		return writeJSON(stdout, passages)
	}
	if len(passages) == 0 {
		_, err := fmt.Fprintln(stdout, "No passage matches that query.")
		return err
	}
	for i, p := range passages {
		fmt.Fprintf(stdout, "[%d] %s (%s, score %.4f)\n%s\n\n", i+1, p.Info.Title, withLocation(p.Source, p.Location), p.Score, p.Text)
	}
	return nil
}

// cmdIndex rebuilds the index: `lectern index`.
func cmdIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("index", &common)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	a, err := newApp(ctx, common, slog.LevelWarn, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	report, err := a.reindex(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, report)
	}
	fmt.Fprintf(stdout, "Indexed %d files into %d chunks: %d texts embedded, %d reused.\n",
		report.Files, report.Chunks, report.Embedded, report.Reused)
	if len(report.Skipped) > 0 {
		fmt.Fprintf(stdout, "Skipped %d files:\n", len(report.Skipped))
		for _, s := range report.Skipped {
			fmt.Fprintf(stdout, "  %s: %s\n", s.Path, s.Reason)
		}
	}
	return nil
}

// cmdSources lists the reading list: `lectern sources [--json]`.
func cmdSources(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("sources", &common)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	a, err := newIndexedApp(ctx, common, slog.LevelWarn, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	sources := a.store.Sources()
	if *asJSON {
		return writeJSON(stdout, sources)
	}
	for _, s := range sources {
		fmt.Fprintf(stdout, "%s\n", s.Title)
		if by := text.Byline(s.Authors, s.Publisher, ""); by != "" {
			fmt.Fprintf(stdout, "  by %s\n", by)
		}
		if s.Date != "" {
			fmt.Fprintf(stdout, "  %s\n", s.Date)
		}
		fmt.Fprintf(stdout, "  %s, %d chunks\n\n", withExtent(s.Source, s), s.Chunks)
	}
	return nil
}

// cmdEval measures retrieval: `lectern eval --questions FILE [--json]`.
func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var common commonFlags
	fs := newFlagSet("eval", &common)
	asJSON := fs.Bool("json", false, "print JSON")
	path := fs.String("questions", "", "JSON Lines file of questions")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	if *path == "" {
		return usageError{errors.New("--questions FILE is required")}
	}
	f, err := os.Open(*path)
	if err != nil {
		return fmt.Errorf("open questions: %w", err)
	}
	defer f.Close()
	questions, err := evaluation.ReadQuestions(f)
	if err != nil {
		return err
	}
	a, err := newIndexedApp(ctx, common, slog.LevelWarn, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	report, err := evaluation.Run(ctx, a.store, questions)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, report)
	}
	return report.WriteText(stdout)
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
