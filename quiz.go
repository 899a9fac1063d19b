package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
	"github.com/lectern/lectern/study"
)

// topicPassages is how many of the best passages for a topic questions
// come from.
const topicPassages = 4

// newQuizCmd is `lectern quiz [--source S] [--topic T] [--count N]
// [--seed K] [--json] [--anki FILE]`: on a terminal it asks the questions
// one by one; with --json it prints them; with --anki it writes them as
// an Anki deck.
func newQuizCmd(e *env) *cobra.Command {
	var (
		source, topic, anki string
		count               int
		seed                uint64
		asJSON              bool
	)
	cmd := &cobra.Command{
		Use:   "quiz",
		Short: "A multiple-choice quiz on the reading list, each question citing its passage",
		Long: `Makes a round of multiple-choice questions from the reading list, each with
the passage it comes from. Without a language model the questions are made
from the reading list's sentences; with [chat] configured the model writes
them and every one is checked against its passage. On a terminal it asks
them one by one (type A–D); --json prints them as
[{"question", "options", "answer" (0-based), "kind", "citation"}]; --anki
writes a tab-separated deck Anki imports.`,
		Example: `  lectern quiz
  lectern quiz --source "Party-to-Party" --count 3
  lectern quiz --topic "South China Sea" --json
  lectern quiz --count 10 --anki vietnam.tsv`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if count < 1 || count > study.MaxCount {
				return usageErrorf("--count must be between 1 and %d, not %d", study.MaxCount, count)
			}
			if seed == 0 {
				seed = uint64(time.Now().UnixNano())
			}
			ctx, stdout, stderr := cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			a, err := e.openIndexed(ctx, person)
			if err != nil {
				return err
			}
			return runQuiz(ctx, a, quizOptions{source: source, topic: topic, count: count, seed: seed, asJSON: asJSON, anki: anki}, stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.StringVar(&source, "source", "", "a file name or a unique part of a title")
	f.StringVar(&topic, "topic", "", "questions from the passages a search for this ranks best")
	f.IntVar(&count, "count", study.DefaultCount, "number of questions")
	f.Uint64Var(&seed, "seed", 0, "makes the round (default: a new round each time)")
	f.BoolVar(&asJSON, "json", false, "print the questions as JSON")
	f.StringVar(&anki, "anki", "", "write the questions to FILE as an Anki deck (tab-separated)")
	return cmd
}

// quizOptions are the flags of `lectern quiz`.
type quizOptions struct {
	source, topic, anki string
	count               int
	seed                uint64
	asJSON              bool
}

// runQuiz makes a round and asks, prints or writes it.
func runQuiz(ctx context.Context, a *app, o quizOptions, stdout, stderr io.Writer) error {
	studier, err := newStudier(a)
	if err != nil {
		return err
	}
	opts := study.RoundOptions{Count: o.count, Seed: o.seed}
	passages, err := quizPassages(ctx, a.store, &opts, o.source, o.topic)
	if err != nil {
		return err
	}
	round, err := studier.Round(ctx, passages, opts)
	if err != nil {
		return err
	}
	if round.Note != "" {
		fmt.Fprintln(stderr, round.Note)
	}
	switch {
	case o.anki != "":
		if err := writeAnkiFile(o.anki, round.Questions); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote %d questions to %s.\n", len(round.Questions), o.anki)
		return nil
	case o.asJSON:
		return writeJSON(stdout, round.Questions)
	}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) && term.IsTerminal(int(os.Stdin.Fd())) {
		return playRound(os.Stdin, stdout, round.Questions)
	}
	return writeQuestions(stdout, round.Questions)
}

// newStudier makes the quiz and summary maker of the app: over all the
// passages of the index, with the configured chat endpoint.
func newStudier(a *app) (*study.Studier, error) {
	return studierOver(a, a.store.Passages(""))
}

// studierOver makes a Studier over passages with the app's chat endpoint.
func studierOver(a *app, passages []retrieval.Passage) (*study.Studier, error) {
	return study.NewStudier(study.NewGenerator(passages), study.ChatConfig{
		BaseURL:      a.cfg.Chat.BaseURL,
		Model:        a.cfg.Chat.Model,
		APIKey:       config.APIKey(a.cfg.Chat.APIKeyEnv),
		Timeout:      a.cfg.Chat.Timeout.Duration,
		MaxAttempts:  a.cfg.Chat.MaxAttempts,
		MaxRetryWait: a.cfg.Chat.MaxRetryWait.Duration,
		Temperature:  a.cfg.Chat.Temperature,
		Logger:       a.log,
	})
}

// storeStudier is the Studier of a running bot: made again over the new
// passages after a reindex, so that questions never come from an old
// index.
type storeStudier struct {
	a       *app
	mu      sync.Mutex
	key     string
	studier *study.Studier
}

func newStoreStudier(a *app) *storeStudier { return &storeStudier{a: a} }

// current returns the Studier over the index's passages now, made again
// only when the store has switched to another index.
func (s *storeStudier) current() *study.Studier {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := s.a.store.IndexName()
	if s.studier == nil || key != s.key {
		passages := s.a.store.Passages("")
		studier, err := studierOver(s.a, passages)
		if err != nil {
			// config.Validate has checked the endpoint's URL already; should
			// it still be refused, the bot goes on without a model.
			s.a.log.Warn("study aids are made without the language model", "err", err)
			studier, _ = study.NewStudier(study.NewGenerator(passages), study.ChatConfig{Logger: s.a.log})
		}
		s.studier, s.key = studier, key
	}
	return s.studier
}

// Round makes a round with the current Studier.
func (s *storeStudier) Round(ctx context.Context, passages []retrieval.Passage, opts study.RoundOptions) (study.Round, error) {
	return s.current().Round(ctx, passages, opts)
}

// Summarise summarises with the current Studier.
func (s *storeStudier) Summarise(ctx context.Context, passages []retrieval.Passage) (study.Summary, string) {
	return s.current().Summarise(ctx, passages)
}

// quizPassages narrows a round to a source or a topic (opts says which to
// the generator) and returns the passages a model would be shown: the
// source's, the topic's best, or a spread of the reading list.
func quizPassages(ctx context.Context, store *retrieval.Store, opts *study.RoundOptions, source, topic string) ([]retrieval.Passage, error) {
	var passages []retrieval.Passage
	if source != "" {
		s, err := study.ResolveSource(store.Sources(), source)
		if err != nil {
			return nil, usageError{err}
		}
		opts.Source = s.Source
		passages = store.Passages(s.Source)
	}
	if strings.TrimSpace(topic) != "" {
		found, err := store.Search(ctx, topic, topicPassages)
		if err != nil {
			return nil, err
		}
		opts.Passages = map[string]bool{}
		passages = passages[:0]
		for _, p := range found {
			if opts.Source == "" || p.Source == opts.Source {
				opts.Passages[p.ID] = true
				passages = append(passages, p)
			}
		}
	}
	if source == "" && topic == "" {
		passages = store.Passages("")
		rng := rand.New(rand.NewPCG(opts.Seed, 1))
		rng.Shuffle(len(passages), func(i, j int) { passages[i], passages[j] = passages[j], passages[i] })
	}
	return passages, nil
}

// optionLetters name the options.
const optionLetters = "ABCD"

// writeQuestions prints a round for reading: each question, its options,
// the answer and the passage.
func writeQuestions(w io.Writer, questions []study.Question) error {
	var b strings.Builder
	for i, q := range questions {
		fmt.Fprintf(&b, "%d. %s\n", i+1, q.Question)
		for j, o := range q.Options {
			fmt.Fprintf(&b, "   %c. %s\n", optionLetters[j], o)
		}
		fmt.Fprintf(&b, "   Answer: %c. %s\n   “%s” — %s\n\n", optionLetters[q.Answer], q.Correct(), q.Citation.Quote, citationLine(q.Citation))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// citationLine names where a quote comes from: title, authors, page or
// section, file.
func citationLine(c study.Citation) string {
	s := c.Title
	if by := text.Byline(c.Authors, c.Publisher, ""); by != "" {
		s += ", " + by
	}
	if where := c.Where(); where != "" {
		s += ", " + where
	}
	return s + " (" + c.Source + ")"
}

// playRound asks the questions one by one: the player types A–D, sees
// right or wrong and the passage, and the score at the end.
func playRound(in io.Reader, out io.Writer, questions []study.Question) error {
	lines := bufio.NewScanner(in)
	right := 0
	for i, q := range questions {
		fmt.Fprintf(out, "\nQuestion %d of %d\n%s\n", i+1, len(questions), q.Question)
		for j, o := range q.Options {
			fmt.Fprintf(out, "  %c. %s\n", optionLetters[j], o)
		}
		choice := -1
		for choice < 0 {
			fmt.Fprint(out, "Your answer (A–D): ")
			if !lines.Scan() {
				fmt.Fprintf(out, "\nScore: %d of %d.\n", right, i)
				return lines.Err()
			}
			if t := strings.ToUpper(strings.TrimSpace(lines.Text())); len(t) == 1 {
				choice = strings.IndexByte(optionLetters[:len(q.Options)], t[0])
			}
		}
		if choice == q.Answer {
			right++
			fmt.Fprintf(out, "✅ Right: %c. %s\n", optionLetters[q.Answer], q.Correct())
		} else {
			fmt.Fprintf(out, "❌ Not quite — the answer is %c. %s\n", optionLetters[q.Answer], q.Correct())
		}
		fmt.Fprintf(out, "   “%s”\n   — %s\n", q.Citation.Quote, citationLine(q.Citation))
	}
	fmt.Fprintf(out, "\nScore: %d of %d.\n", right, len(questions))
	return nil
}

// writeAnkiFile writes the questions as an Anki deck: tab-separated, HTML
// fields, front the question and its options, back the answer, the quote
// and its source.
func writeAnkiFile(path string, questions []study.Question) error {
	if len(questions) == 0 {
		return errors.New("no questions to write")
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write the Anki deck: %w", err)
	}
	if err := writeAnki(f, questions); err != nil {
		f.Close()
		return fmt.Errorf("write the Anki deck %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write the Anki deck %s: %w", path, err)
	}
	return nil
}

// writeAnki writes the deck's lines: two header lines Anki reads, then
// one note per question.
func writeAnki(w io.Writer, questions []study.Question) error {
	var b strings.Builder
	b.WriteString("#separator:tab\n#html:true\n")
	for _, q := range questions {
		front := ankiField(q.Question)
		for j, o := range q.Options {
			front += fmt.Sprintf("<br>%c. %s", optionLetters[j], ankiField(o))
		}
		back := fmt.Sprintf("%c. %s<br><br>“%s”<br>— %s", optionLetters[q.Answer], ankiField(q.Correct()), ankiField(q.Citation.Quote), ankiField(citationLine(q.Citation)))
		b.WriteString(front + "\t" + back + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ankiField escapes text for an HTML field of a tab-separated line.
func ankiField(s string) string {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\t", " ", "\r", " ", "\n", "<br>").Replace(s)
	return s
}
