package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// ferriesCorpus makes a corpus folder of one file and a config file that
// reads it, and returns the config file's path and the folder.
func ferriesCorpus(t *testing.T) (config, corpus string) {
	t.Helper()
	corpus = t.TempDir()
	writeFile(t, filepath.Join(corpus, "ferries.txt"), "Ferries on Ha Long Bay\n\n"+strings.Repeat("The ferries of Ha Long Bay carry tourists between the islands every morning. ", 4))
	config = filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, config, "[corpus]\ndir = \""+filepath.ToSlash(corpus)+"\"\n")
	return config, corpus
}

// TestEveryCommandHasHelp: `lectern CMD -h`, `--help` and `lectern help
// CMD` print, on stdout and with exit 0, the command's usage, its own
// flags, the global flags and an example, for every command registered in
// commandConstructors (a new command is checked by being registered).
func TestEveryCommandHasHelp(t *testing.T) {
	root := newRootCmd(&env{stdout: io.Discard, stderr: io.Discard})
	var commands []*cobra.Command
	for _, cmd := range root.Commands() {
		if cmd.Name() != "completion" {
			commands = append(commands, cmd)
		}
	}
	if len(commands) != len(commandConstructors) {
		t.Fatalf("%d commands for %d constructors", len(commands), len(commandConstructors))
	}
	for _, cmd := range append(commands, completionCmd(t, root)) {
		if cmd.Short == "" || cmd.Example == "" || cmd.Args == nil || cmd.RunE == nil {
			t.Errorf("%s lacks its Short, Example, Args or RunE", cmd.Name())
		}
		var want []string
		cmd.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) { want = append(want, "--"+f.Name) })
		want = append(want, "Usage:\n  lectern "+cmd.Name(), "Examples:\n  lectern ", "Global Flags:", "--config string", "-v, --verbose", "--log-format")
		for _, args := range [][]string{{cmd.Name(), "-h"}, {cmd.Name(), "--help"}, {"help", cmd.Name()}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				code, stdout, stderr := lectern(t, t.TempDir(), args...)
				if code != 0 || stderr != "" {
					t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
				}
				for _, w := range want {
					if !strings.Contains(stdout, w) {
						t.Errorf("help lacks %q:\n%s", w, stdout)
					}
				}
			})
		}
	}

	t.Run("lectern -h lists every command and the exit codes", func(t *testing.T) {
		code, stdout, _ := lectern(t, t.TempDir(), "-h")
		if code != 0 {
			t.Errorf("exit %d", code)
		}
		for _, cmd := range append(commands, root) {
			if cmd != root && !strings.Contains(stdout, "\n  "+cmd.Name()+" ") {
				t.Errorf("the list of commands lacks %s:\n%s", cmd.Name(), stdout)
			}
		}
		for _, w := range []string{"completion", "Exit codes: 0 done, 1 failed, 2 a mistake in the command line"} {
			if !strings.Contains(stdout, w) {
				t.Errorf("lectern -h lacks %q:\n%s", w, stdout)
			}
		}
	})
	t.Run("the usage of index names --json", func(t *testing.T) {
		_, stdout, _ := lectern(t, t.TempDir(), "index", "-h")
		if !strings.Contains(stdout, "--json") || !strings.Contains(stdout, "lectern index --json") {
			t.Errorf("index -h:\n%s", stdout)
		}
	})
}

// completionCmd is the completion command of root.
func completionCmd(t *testing.T, root *cobra.Command) *cobra.Command {
	t.Helper()
	for _, cmd := range root.Commands() {
		if cmd.Name() == "completion" {
			return cmd
		}
	}
	t.Fatal("no completion command")
	return nil
}

// TestGlobalFlagsBeforeOrAfterTheCommand: --config, -v and --log-format
// work on either side of the command's name; without -v a person sees no
// log line.
func TestGlobalFlagsBeforeOrAfterTheCommand(t *testing.T) {
	config, _ := ferriesCorpus(t)
	data := t.TempDir()
	if code, _, stderr := lectern(t, data, "index", "--config", config); code != 0 {
		t.Fatalf("index: exit %d: %s", code, stderr)
	}
	tests := []struct {
		name    string
		args    []string
		wantLog string // "" for none
	}{
		{"--config before", []string{"--config", config, "sources"}, ""},
		{"--config after", []string{"sources", "--config", config}, ""},
		{"--config= before", []string{"--config=" + config, "sources"}, ""},
		{"-v before", []string{"-v", "--config", config, "sources"}, "level=DEBUG"},
		{"-v after", []string{"sources", "--config", config, "-v"}, "level=DEBUG"},
		{"--verbose between", []string{"--config", config, "--verbose", "sources"}, "level=DEBUG"},
		{"--log-format json before, -v after", []string{"--log-format", "json", "sources", "-v", "--config", config}, `"level":"DEBUG"`},
		{"--log-format json without -v logs nothing", []string{"--log-format=json", "sources", "--config", config}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := lectern(t, data, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, "Ferries on Ha Long Bay") {
				t.Errorf("the config's corpus was not read; stdout:\n%s", stdout)
			}
			switch {
			case tt.wantLog == "" && stderr != "":
				t.Errorf("a run without -v wrote on stderr:\n%s", stderr)
			case tt.wantLog != "" && !strings.Contains(stderr, tt.wantLog):
				t.Errorf("stderr lacks %s:\n%s", tt.wantLog, stderr)
			}
		})
	}
}

// TestRunLeavesTheDefaultLoggerAlone: loggers are passed in; running a
// command, with -v or without, never replaces the process's default.
func TestRunLeavesTheDefaultLoggerAlone(t *testing.T) {
	before := slog.Default()
	data := t.TempDir()
	for _, args := range [][]string{{"sources"}, {"-v", "sources"}, {"--log-format", "json", "-v", "search", "Three Nos"}} {
		if code, _, stderr := lectern(t, data, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if slog.Default() != before {
			t.Fatalf("%v replaced the default logger", args)
		}
	}
}

// TestANormalRunPrintsNoLogLines: the commands a person runs say what
// they must in sentences, with no log line, on a fresh data folder (the
// first run builds the index) as on a built one.
func TestANormalRunPrintsNoLogLines(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{
		{"ask", "What are the Three Nos?"},
		{"ask", "Who won the 2018 FIFA World Cup?"},
		{"search", "Friendship Medal"},
		{"index"},
		{"sources"},
		{"feedback"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, stderr := lectern(t, data, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			stderr = strings.TrimPrefix(stderr, "Building the index of seeds (first run)…\n")
			if stderr != "" {
				t.Errorf("stderr:\n%s\nwant nothing", stderr)
			}
		})
	}
}

// TestCompletion: `lectern completion SHELL` prints a script for each
// shell, and the completion it drives knows the commands.
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		t.Run(shell, func(t *testing.T) {
			code, stdout, stderr := lectern(t, t.TempDir(), "completion", shell)
			if code != 0 || stderr != "" || len(stdout) < 500 || !strings.Contains(stdout, "lectern") {
				t.Errorf("exit %d, stderr %q, %d bytes of script", code, stderr, len(stdout))
			}
		})
	}
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}} {
		t.Run(strings.Join(args, " ")+" is a usage error", func(t *testing.T) {
			code, stdout, stderr := lectern(t, t.TempDir(), args...)
			if code != 2 || stdout != "" || !strings.Contains(stderr, "bash") {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and the shells named on stderr", code, stdout, stderr)
			}
		})
	}
	t.Run("the script's completions name the commands", func(t *testing.T) {
		_, stdout, _ := lectern(t, t.TempDir(), "__complete", "se")
		for _, want := range []string{"search\t", "serve\t"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("completing %q lacks %q:\n%s", "se", want, stdout)
			}
		}
	})
}

// TestSearchK: -k gives that many passages, from 1 to 50; without it,
// [retrieval] top_k (5).
func TestSearchK(t *testing.T) {
	data := t.TempDir()
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"-k", "1"}, 1},
		{[]string{"-k=3"}, 3},
		{nil, 5},
		{[]string{"-k", "50"}, 50},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append([]string{"search", "--json", "China and Vietnam"}, tt.args...)
			code, stdout, stderr := lectern(t, data, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got []json.RawMessage
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("%d passages, want %d", len(got), tt.want)
			}
		})
	}
}

// TestCountsInSentences: counts of one are singular, and counts that are
// reported add up.
func TestCountsInSentences(t *testing.T) {
	config, corpus := ferriesCorpus(t)
	writeFile(t, filepath.Join(corpus, "empty.txt"), "")
	data := t.TempDir()
	code, stdout, stderr := lectern(t, data, "index", "--config", config)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "Indexed 1 file into 1 chunk: 1 embedded, 0 reused.\nSkipped 1 file:\n  empty.txt: empty\n"
	if stdout != want {
		t.Errorf("index printed\n%s\nwant\n%s", stdout, want)
	}
	_, stdout, _ = lectern(t, data, "sources", "--config", config)
	if !strings.Contains(stdout, "ferries.txt, 1 chunk\n") {
		t.Errorf("sources printed\n%s", stdout)
	}

	writeFile(t, filepath.Join(data, "feedback.jsonl"), "{not a vote\n")
	if _, stdout, _ = lectern(t, data, "feedback", "--config", config); !strings.Contains(stdout, "(1 unreadable line skipped)") {
		t.Errorf("feedback printed\n%s", stdout)
	}

	// The same file twice: its chunk is embedded once, and said to be shared.
	writeFile(t, filepath.Join(corpus, "ferries_again.txt"), "Ferries on Ha Long Bay\n\n"+strings.Repeat("The ferries of Ha Long Bay carry tourists between the islands every morning. ", 4))
	_, stdout, _ = lectern(t, t.TempDir(), "index", "--config", config)
	if want := "Indexed 2 files into 2 chunks: 1 embedded, 0 reused, 1 identical to another chunk (sharing its vector).\n"; !strings.HasPrefix(stdout, want) {
		t.Errorf("index printed\n%s\nwant first\n%s", stdout, want)
	}
}

// TestAnEmptyReadingListIsSaidSo: with no file in the corpus folder,
// index says so and names the folder, and the commands that search fail
// with a sentence that names it, rather than "couldn't find".
func TestAnEmptyReadingListIsSaidSo(t *testing.T) {
	corpus := t.TempDir()
	config := filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, config, "[corpus]\ndir = \""+filepath.ToSlash(corpus)+"\"\n")
	data := t.TempDir()

	code, stdout, stderr := lectern(t, data, "index", "--config", config)
	if code != 0 || !strings.Contains(stdout, "No files to index in "+corpus) {
		t.Errorf("index: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, args := range [][]string{{"ask", "What are the Three Nos?"}, {"search", "Three Nos"}, {"sources"}} {
		t.Run(args[0], func(t *testing.T) {
			code, stdout, stderr := lectern(t, data, append(args, "--config", config)...)
			if code != 1 || stdout != "" || !strings.Contains(stderr, "the reading list is empty") || !strings.Contains(stderr, corpus) {
				t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 1 and a sentence naming %s", code, stdout, stderr, corpus)
			}
		})
	}
}
