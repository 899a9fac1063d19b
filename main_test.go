package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// lectern runs the command line in a fresh data folder (LECTERN_DATA_DIR)
// with the working directory's config.toml out of the way, and returns the
// exit code, stdout and stderr.
func lectern(t *testing.T, dataDir string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("LECTERN_DATA_DIR", dataDir)
	t.Setenv("LECTERN_CONFIG", "")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// markers finds the [n] citation markers of an answer.
var markers = regexp.MustCompile(`\[(\d+)\]`)

func TestAskJSON(t *testing.T) {
	data := t.TempDir()
	tests := []struct {
		question      string
		wantMode      string
		wantInAnswer  string
		wantCitations bool
	}{
		{"What are the Three Nos?", "extractive", "no military alliance with any foreign power", true},
		{"Who wrote the piece on party-to-party ties?", "extractive", "Lye Liang Fook", true},
		{"Who won the 2018 FIFA World Cup?", "not_found", "I couldn't find that in the reading list", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			code, stdout, stderr := lectern(t, data, "ask", "--json", tt.question)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got struct {
				Answer    string `json:"answer"`
				Mode      string `json:"mode"`
				Citations []struct {
					N      int    `json:"n"`
					Source string `json:"source"`
					Title  string `json:"title"`
					Quote  string `json:"quote"`
				} `json:"citations"`
			}
			dec := json.NewDecoder(strings.NewReader(stdout))
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("stdout is not one JSON object: %v\n%s", err, stdout)
			}
			if got.Mode != tt.wantMode || !strings.Contains(got.Answer, tt.wantInAnswer) {
				t.Errorf("mode %q, answer %q; want mode %q and %q in the answer", got.Mode, got.Answer, tt.wantMode, tt.wantInAnswer)
			}
			if (len(got.Citations) > 0) != tt.wantCitations {
				t.Errorf("%d citations, want some: %v", len(got.Citations), tt.wantCitations)
			}
			var numbers []int
			for _, c := range got.Citations {
				numbers = append(numbers, c.N)
				if c.Source == "" || c.Title == "" || c.Quote == "" {
					t.Errorf("citation %d lacks its source, title or quote: %+v", c.N, c)
				}
			}
			for _, m := range markers.FindAllStringSubmatch(got.Answer, -1) {
				n := 0
				for _, d := range m[1] {
					n = n*10 + int(d-'0')
				}
				if !slices.Contains(numbers, n) {
					t.Errorf("the answer's [%d] has no citation (citations %v)", n, numbers)
				}
			}
		})
	}
}

func TestSearchJSON(t *testing.T) {
	code, stdout, stderr := lectern(t, t.TempDir(), "search", "-k", "3", "--json", "Friendship Medal")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []struct {
		Source string  `json:"source"`
		Title  string  `json:"title"`
		Text   string  `json:"text"`
		Score  float64 `json:"score"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout is not a JSON array of passages: %v\n%s", err, stdout)
	}
	if len(got) != 3 {
		t.Fatalf("%d passages, want 3 (-k 3)", len(got))
	}
	if !strings.Contains(got[0].Text, "Friendship Medal") || got[0].Source == "" || got[0].Title == "" {
		t.Errorf("first passage %+v does not name the medal, or lacks source and title", got[0])
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Errorf("passage %d scores above passage %d", i+1, i)
		}
	}
}

func TestIndexReportsCountsAndSkippedFiles(t *testing.T) {
	corpus := t.TempDir()
	copyDir(t, "seeds", corpus)
	writeFile(t, filepath.Join(corpus, "empty.txt"), "")
	writeFile(t, filepath.Join(corpus, "latin1.txt"), "caf\xe9 au lait")
	config := filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, config, "[corpus]\ndir = \""+filepath.ToSlash(corpus)+"\"\n")
	data := t.TempDir()

	code, stdout, stderr := lectern(t, data, "index", "--config", config)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Indexed 5 files into", " embedded, 0 reused.", "Skipped 2 files:", "empty.txt", "latin1.txt"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("first index: output lacks %q:\n%s", want, stdout)
		}
	}

	for _, name := range []string{"empty.txt", "latin1.txt"} {
		if n := strings.Count(stdout+stderr, name); n != 1 {
			t.Errorf("the skipped %s is named %d times, want once:\nstdout:\n%s\nstderr:\n%s", name, n, stdout, stderr)
		}
	}
	if stderr != "" {
		t.Errorf("index wrote on stderr:\n%s", stderr)
	}

	code, stdout, stderr = lectern(t, data, "index", "--json", "--config", config)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var report struct {
		Files, Chunks, Embedded, Reused, Shared int
		Skipped                                 []struct{ Path, Reason string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("index --json: %v\n%s", err, stdout)
	}
	if report.Files != 5 || report.Embedded != 0 || report.Reused != report.Chunks || report.Shared != 0 || len(report.Skipped) != 2 {
		t.Errorf("second index of an unchanged corpus = %+v, want 5 files, nothing embedded, all reused, 2 skipped", report)
	}
	for _, s := range report.Skipped {
		if s.Reason == "" {
			t.Errorf("skipped %s without a reason", s.Path)
		}
	}
}

// TestSourcesListsTheReadingList: authors after "by", the publisher on a
// line of its own, never after "by" as if an author.
func TestSourcesListsTheReadingList(t *testing.T) {
	code, stdout, stderr := lectern(t, t.TempDir(), "sources")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"China-Vietnam Party-to-Party Ties: A Tie that Binds\n  by Lye Liang Fook\n",
		"China-Vietnam in warm, new communist embrace\n  by Richard Javad Heydarian\n  published by Asia Times\n",
		" chunks\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("sources lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "Heydarian, Asia Times") {
		t.Errorf("sources prints the publisher after the author, as one:\n%s", stdout)
	}
}

// TestEvalJSON checks the output format of ../shared/DESIGN.md exactly:
// {"questions": N, "recall": {"1","3","5"}, "mrr": x, "results": [{"id", "rank"}]}.
func TestEvalJSON(t *testing.T) {
	questions := filepath.Join(t.TempDir(), "q.jsonl")
	writeFile(t, questions, `{"id": "a", "question": "What are the Three Nos?", "expect": ["no military alliance with any foreign power"]}
{"id": "b", "question": "Who won the 2018 FIFA World Cup?", "expect": ["France beat Croatia"]}
`)
	code, stdout, stderr := lectern(t, t.TempDir(), "eval", "--questions", questions, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, stdout)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"mrr", "questions", "recall", "results"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	var got struct {
		Questions int                `json:"questions"`
		Recall    map[string]float64 `json:"recall"`
		MRR       float64            `json:"mrr"`
		Results   []map[string]any   `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Questions != 2 || len(got.Recall) != 3 || got.Recall["5"] != 0.5 || len(got.Results) != 2 {
		t.Errorf("report %+v, want 2 questions, recall@5 0.5 (one hit, one miss)", got)
	}
	if got.Results[1]["id"] != "b" || got.Results[1]["rank"] != float64(0) || len(got.Results[1]) != 2 {
		t.Errorf("result of the miss = %v, want {\"id\": \"b\", \"rank\": 0}", got.Results[1])
	}
}

// TestCommandLineMistakes specifies the exit codes (0 done, 1 failed, 2 a
// mistake in the command line, nothing done) and the sentence on stderr
// for each mistake.
func TestCommandLineMistakes(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.jsonl")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"help is no mistake", []string{"-h"}, 0, ""},
		{"no command prints the usage", nil, 2, "Usage"},
		{"an unknown command is named", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"a mistyped command gets suggestions", []string{"serch", "x"}, 2, `unknown command "serch" (did you mean search or serve?)`},
		{"a usage error says where help is", []string{"indx"}, 2, "Run 'lectern -h' for help."},
		{"ask needs a question", []string{"ask"}, 2, "lectern ask: give a question"},
		{"a blank question is no question", []string{"ask", "  "}, 2, "lectern ask: give a question"},
		{"a question of punctuation is no question", []string{"ask", "?!?"}, 2, `lectern ask: "?!?" has no words`},
		{"search needs a query", []string{"search"}, 2, "lectern search: give a query"},
		{"a query of punctuation has nothing to search", []string{"search", "?!?"}, 2, `"?!?" has no words to search for`},
		{"-k 0 is refused, not taken for 5", []string{"search", "-k", "0", "Three Nos"}, 2, "-k must be between 1 and 50, not 0"},
		{"-k over 50 is refused", []string{"search", "-k", "51", "Three Nos"}, 2, "-k must be between 1 and 50, not 51"},
		{"-k must be a number", []string{"search", "-k", "five", "Three Nos"}, 2, `invalid argument "five"`},
		{"an unknown flag is named", []string{"sources", "--jsno"}, 2, "unknown flag: --jsno"},
		{"a command without arguments refuses one", []string{"index", "now"}, 2, `lectern index: unexpected argument "now"`},
		{"--log-format is text or json", []string{"--log-format", "xml", "sources"}, 2, `--log-format is "xml"`},
		{"eval needs its file", []string{"eval"}, 2, "lectern eval: --questions FILE is required"},
		{"a missing question file is named", []string{"eval", "--questions", missing}, 1, "nope.jsonl"},
		{"a missing config file is named", []string{"sources", "--config", missing}, 1, "nope.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := lectern(t, t.TempDir(), tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
			if code == 2 && strings.Contains(stderr, "Building the index") {
				t.Errorf("a usage error did work first: %q", stderr)
			}
		})
	}
}

// TestAskNeedsNoConfigFile: the README's first command works with no
// config.toml, no endpoint and no network (this package's folder has no
// config.toml; LECTERN_CONFIG is empty).
func TestAskNeedsNoConfigFile(t *testing.T) {
	if _, err := os.Stat("config.toml"); err == nil {
		t.Skip("a config.toml in the working directory would be read")
	}
	code, stdout, stderr := lectern(t, t.TempDir(), "ask", "What are the Three Nos?")
	if code != 0 || !strings.Contains(stdout, "[1]") || !strings.Contains(stdout, "Sources") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestAskFallsBackWhenTheModelIsDown: with a chat endpoint that refuses
// connections, ask says so in a sentence and still answers, by quoting
// the reading list.
func TestAskFallsBackWhenTheModelIsDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/v1"
	l.Close() // nothing listens there now: connection refused
	config := filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, config, "[chat]\nbase_url = \""+closed+"\"\nmodel = \"llama3.1:8b\"\ntimeout = \"5s\"\n")

	data := t.TempDir()
	if code, _, stderr := lectern(t, data, "index", "--config", config); code != 0 {
		t.Fatalf("index: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := lectern(t, data, "ask", "--json", "--config", config, "What are the Three Nos?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// One sentence, said once: no log line, no error repeated in brackets.
	if want := "The language model at " + closed + " is not answering; answering from the reading list instead.\n"; stderr != want {
		t.Errorf("stderr:\n%s\nwant exactly:\n%s", stderr, want)
	}
	var got struct {
		Answer string `json:"answer"`
		Mode   string `json:"mode"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout: %v\n%s", err, stdout)
	}
	if got.Mode != "extractive" || !strings.Contains(got.Answer, "no military alliance with any foreign power") {
		t.Errorf("fallback answer = %+v, want an extractive answer quoting the Three Nos", got)
	}
}
