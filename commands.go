package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/evaluation"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// userMessage is what the command line says of a failed command: for an
// endpoint that fails, the sentence a Discord user would get (the details
// are logged with -v); else the error itself, which names what was being
// done.
func userMessage(err error) string {
	var endpoint *answer.EndpointError
	switch {
	case errors.As(err, &endpoint):
		return endpoint.Message()
	case errors.Is(err, context.Canceled):
		return "interrupted"
	}
	return err.Error() // errors name what was being done, and never hold a key
}

// newAskCmd is `lectern ask QUESTION [--json]`. When the chat endpoint
// fails, it says so in one sentence on stderr and answers extractively.
func newAskCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ask QUESTION",
		Short: "Answer a question from the reading list, with citations",
		Long: `Answers a question from the reading list. Each sentence of the answer cites
the passages it stands on as [n]; the sources follow, with the quoted
passage. With a language model configured ([chat] in the settings) the
model writes the answer; without one, or when it is not answering, the
best sentences of the best passages are quoted. A question the reading
list does not answer gets "I couldn't find that in the reading list."

--json prints {"answer", "mode", "citations": [{"n", "source", "title",
"quote"}]}; mode is generated, extractive or not_found. A generated answer
shows only sentences a passage they cite supports; the others are listed
under "dropped" ([{"sentence", "cited", "why"}]; -v logs them). When the
model gives no usable answer, the answer is quoted from the reading list
and "note" (also on stderr) says so.`,
		Example: `  lectern ask "What are the Three Nos?"
  lectern ask --json Who wrote the piece on party-to-party ties?`,
		Args: wordsArg("a question", `lectern ask "What are the Three Nos?"`),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			question := strings.TrimSpace(strings.Join(args, " "))
			if len(text.Words(question)) == 0 {
				return usageErrorf("%q has no words: ask in words, for example lectern ask \"What are the Three Nos?\"", question)
			}
			a, err := e.openIndexed(ctx, person)
			if err != nil {
				return err
			}
			if err := a.requireDocuments(); err != nil {
				return err
			}
			ans, err := a.answerer.Ask(ctx, answer.Request{Question: question}, nil)
			if err != nil {
				return err
			}
			if ans.Note != "" {
				// Why this is not the model's answer (it failed, gave
				// nothing usable, or none of it was supported), once.
				fmt.Fprintln(cmd.ErrOrStderr(), ans.Note)
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), ans)
			}
			return writeAnswer(cmd.OutOrStdout(), ans)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the answer and its citations as JSON")
	return cmd
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

// maxPassages is the most passages search shows (-k).
const maxPassages = 50

// newSearchCmd is `lectern search QUERY [-k N] [--json]`.
func newSearchCmd(e *env) *cobra.Command {
	var (
		asJSON bool
		k      int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Show the passages that best match a query (no model involved)",
		Long: `Shows the passages of the reading list that best match a query, best first:
vector similarity and BM25 over the chunks and over their sentence
windows, fused by rank. No language model is involved.

--json prints an array of passages: {"id", "source", "title", "text",
"start", "end", "info", "score"}.`,
		Example: `  lectern search "Friendship Medal"
  lectern search -k 3 --json Three Nos`,
		Args: wordsArg("a query", `lectern search "Three Nos"`),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			query := strings.TrimSpace(strings.Join(args, " "))
			if cmd.Flags().Changed("k") && (k < 1 || k > maxPassages) {
				return usageErrorf("-k must be between 1 and %d, not %d", maxPassages, k)
			}
			if !retrieval.Searchable(query) {
				return usageErrorf("%q has no words to search for (only punctuation, or words as common as \"the\")", query)
			}
			a, err := e.openIndexed(ctx, person)
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("k") {
				k = a.cfg.Retrieval.TopK
			}
			if err := a.requireDocuments(); err != nil {
				return err
			}
			passages, err := a.store.Search(ctx, query, k)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				if passages == nil {
					passages = []retrieval.Passage{}
				}
				return writeJSON(out, passages)
			}
			if len(passages) == 0 {
				_, err := fmt.Fprintln(out, "No passage matches that query.")
				return err
			}
			for i, p := range passages {
				fmt.Fprintf(out, "[%d] %s (%s, score %.4f)\n%s\n\n", i+1, p.Info.Title, withLocation(p.Source, p.Location), p.Score, p.Text)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the passages as JSON")
	cmd.Flags().IntVarP(&k, "k", "k", 0, fmt.Sprintf("how many passages, 1 to %d (default [retrieval] top_k of the settings, 5)", maxPassages))
	return cmd
}

// newIndexCmd is `lectern index [--json]`.
func newIndexCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Rebuild the index of the reading list",
		Long: `Rebuilds the index of the corpus folder (seeds/ by default) beside the current
one, which answers meanwhile, and switches to it once complete. Only new or
changed passages are embedded; the others reuse their vectors. Files that
cannot be read are skipped and named, with the reason.

It prints the files and chunks indexed, and of the chunks how many were
embedded, reused from earlier runs, or share the vector of an identical
chunk. --json prints {"files", "chunks", "embedded", "reused", "shared",
"skipped": [{"path", "reason"}]}.`,
		Example: `  lectern index
  lectern index --json --config my.toml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := e.open(cmd.Context(), person)
			if err != nil {
				return err
			}
			report, err := a.reindex(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), report)
			}
			return writeReport(cmd.OutOrStdout(), report, a.cfg.Corpus.Dir)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

// writeReport prints the report of a reindex of the folder dir.
func writeReport(w io.Writer, r retrieval.Report, dir string) error {
	var b strings.Builder
	if r.Files == 0 {
		fmt.Fprintf(&b, "No files to index in %s: the reading list is empty (add .txt or .md files there).\n", dir)
	} else {
		fmt.Fprintf(&b, "Indexed %s into %s: %d embedded, %d reused", text.Plural(r.Files, "file"), text.Plural(r.Chunks, "chunk"), r.Embedded, r.Reused)
		if r.Shared > 0 {
			fmt.Fprintf(&b, ", %d identical to another chunk (sharing its vector)", r.Shared)
		}
		b.WriteString(".\n")
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "Skipped %s:\n", text.Plural(len(r.Skipped), "file"))
		for _, s := range r.Skipped {
			fmt.Fprintf(&b, "  %s: %s\n", s.Path, s.Reason)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// newSourcesCmd is `lectern sources [--json]`.
func newSourcesCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List the reading list: title, authors, publisher, date, chunks",
		Long: `Lists the documents of the index: title, authors, publisher and date (from
seeds/sources.toml where it has an entry), file and number of chunks.
--json prints an array of {"source", "title", "authors", "publisher",
"date", "url", "chunks"}.`,
		Example: `  lectern sources
  lectern sources --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := e.openIndexed(cmd.Context(), person)
			if err != nil {
				return err
			}
			sources := a.store.Sources()
			if asJSON {
				if sources == nil {
					sources = []retrieval.SourceStats{}
				}
				return writeJSON(cmd.OutOrStdout(), sources)
			}
			if err := a.requireDocuments(); err != nil {
				return err
			}
			return writeSources(cmd.OutOrStdout(), sources)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the reading list as JSON")
	return cmd
}

// writeSources prints the reading list for a terminal: the authors after
// "by", the publisher on a line of its own (it is not an author).
func writeSources(w io.Writer, sources []retrieval.SourceStats) error {
	var b strings.Builder
	for _, s := range sources {
		fmt.Fprintf(&b, "%s\n", s.Title)
		if len(s.Authors) > 0 {
			fmt.Fprintf(&b, "  by %s\n", strings.Join(s.Authors, ", "))
		}
		if s.Publisher != "" {
			fmt.Fprintf(&b, "  published by %s\n", s.Publisher)
		}
		if s.Date != "" {
			fmt.Fprintf(&b, "  %s\n", s.Date)
		}
		fmt.Fprintf(&b, "  %s, %s\n\n", withExtent(s.Source, s), text.Plural(s.Chunks, "chunk"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// newEvalCmd is `lectern eval --questions FILE [--json]`.
func newEvalCmd(e *env) *cobra.Command {
	var (
		asJSON bool
		path   string
	)
	cmd := &cobra.Command{
		Use:   "eval --questions FILE",
		Short: "Measure retrieval on a question set (recall@1/3/5, MRR@10)",
		Long: `Measures retrieval on a JSON Lines question set, one question per line
(blank lines and lines starting with # are skipped):

  {"id": "q01", "question": "What are the Three Nos?", "expect": ["no military alliance"]}

A question is a hit at rank r when the r-th passage contains one of its
expect phrases (lower-cased, runs of other than ASCII letters and digits
made one space). It prints recall@1, @3, @5, MRR@10 and the misses; --json
prints {"questions", "recall": {"1", "3", "5"}, "mrr", "results": [{"id",
"rank"}]}, rank 0 for a miss.`,
		Example: `  lectern eval --questions testdata/questions.jsonl
  lectern eval --questions testdata/holdout.jsonl --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if path == "" {
				return usageErrorf("--questions FILE is required")
			}
			f, err := os.Open(path)
			if err != nil {
				return fmt.Errorf("open questions: %w", err)
			}
			defer f.Close()
			questions, err := evaluation.ReadQuestions(f)
			if err != nil {
				return err
			}
			a, err := e.openIndexed(cmd.Context(), person)
			if err != nil {
				return err
			}
			if err := a.requireDocuments(); err != nil {
				return err
			}
			report, err := evaluation.Run(cmd.Context(), a.store, questions)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), report)
			}
			return report.WriteText(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().StringVar(&path, "questions", "", "JSON Lines file of questions (required)")
	_ = cmd.MarkFlagFilename("questions", "jsonl")
	return cmd
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
