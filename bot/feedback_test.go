package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFeedbackSaltIsKeptAndNeverSilentlyReplaced(t *testing.T) {
	dir := t.TempDir()
	fb, err := openFeedback(dir, "feedback.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	saltPath := filepath.Join(dir, "feedback.jsonl.salt")
	salt, err := os.ReadFile(saltPath)
	if err != nil || len(salt) != saltBytes {
		t.Fatalf("salt file: %d bytes, %v", len(salt), err)
	}
	again, err := openFeedback(dir, "feedback.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if fb.hashUser("42") != again.hashUser("42") {
		t.Error("a second open hashes the same user differently")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "*.new-*")); len(leftovers) > 0 {
		t.Errorf("temporary salt files left: %v", leftovers)
	}

	// A damaged salt is an error that names it, and is left as it is.
	if err := os.WriteFile(saltPath, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := openFeedback(dir, "feedback.jsonl"); err == nil || !strings.Contains(err.Error(), saltPath) {
		t.Errorf("openFeedback with a damaged salt = %v, want an error naming %s", err, saltPath)
	}
	if got, _ := os.ReadFile(saltPath); string(got) != "short" {
		t.Errorf("the damaged salt was replaced by %d bytes", len(got))
	}
}

// vote is a vote line for tests.
func vote(answer, user, v, question string, at time.Time) Vote {
	return Vote{Time: at, AnswerID: answer, User: user, Vote: v, Question: question, Answer: "answer to " + question}
}

func TestFeedbackFileIsRotated(t *testing.T) {
	dir := t.TempDir()
	fb, err := openFeedback(dir, "feedback.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	fb.maxBytes = 600 // a few votes
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 20 {
		if err := fb.record(vote(fmt.Sprint("a", i), "u", "down", fmt.Sprint("question ", i), t0.Add(time.Duration(i)*time.Minute))); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"feedback.jsonl", "feedback.jsonl.1"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || info.Size() > fb.maxBytes {
			t.Errorf("%s: %v, want a file of at most %d bytes", name, err, fb.maxBytes)
		}
	}
	sum, err := SummarizeFeedback(filepath.Join(dir, "feedback.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Votes >= 20 || sum.Votes < 2 {
		t.Errorf("%d votes kept of 20, want the latest few", sum.Votes)
	}
	if len(sum.RecentDown) == 0 || sum.RecentDown[0].Question != "question 19" {
		t.Errorf("recent downvotes %+v, want question 19 first", sum.RecentDown)
	}
}

func TestSummarizeFeedback(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	lines := func(vs ...any) string {
		var b strings.Builder
		for _, v := range vs {
			if s, ok := v.(string); ok {
				b.WriteString(s + "\n")
				continue
			}
			line, _ := json.Marshal(v)
			b.Write(line)
			b.WriteString("\n")
		}
		return b.String()
	}
	tests := []struct {
		name                    string
		old, current            string
		votes, up, down, broken int
		firstDown               string // question of the newest downvote
	}{
		{name: "no file", votes: 0},
		{name: "a later vote replaces an earlier one of the same voter",
			current: lines(vote("a1", "u1", "down", "Q1", t0), vote("a1", "u1", "up", "Q1", t0.Add(time.Minute)), vote("a1", "u2", "down", "Q1", t0)),
			votes:   2, up: 1, down: 1, firstDown: "Q1"},
		{name: "the rotated file is read first, the current one wins",
			old:     lines(vote("a1", "u1", "up", "Q1", t0), vote("a2", "u1", "down", "Q2", t0)),
			current: lines(vote("a1", "u1", "down", "Q1", t0.Add(time.Hour))),
			votes:   2, down: 2, firstDown: "Q1"},
		{name: "votes without an answer ID are all counted",
			current: lines(vote("", "u1", "up", "Q", t0), vote("", "u1", "up", "Q", t0)),
			votes:   2, up: 2},
		{name: "unreadable lines are counted and skipped, blank ones ignored",
			current: lines("not json", `{"vote":"sideways"}`, "", "   ", vote("a1", "u1", "down", "Q1", t0), "{"),
			votes:   1, down: 1, broken: 3, firstDown: "Q1"},
		{name: "a line too long to hold is skipped",
			current: lines(strings.Repeat("x", maxVoteLine+10), vote("a1", "u1", "down", "Q1", t0)),
			votes:   1, down: 1, broken: 1, firstDown: "Q1"},
		{name: "a last line without its newline still counts",
			current: strings.TrimSuffix(lines(vote("a1", "u1", "up", "Q1", t0)), "\n"),
			votes:   1, up: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "feedback.jsonl")
			for name, text := range map[string]string{path + ".1": tt.old, path: tt.current} {
				if text != "" {
					if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
						t.Fatal(err)
					}
				}
			}
			sum, err := SummarizeFeedback(path)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Votes != tt.votes || sum.Up != tt.up || sum.Down != tt.down || sum.Malformed != tt.broken {
				t.Errorf("summary %d votes (%d up, %d down, %d malformed), want %d (%d, %d, %d)",
					sum.Votes, sum.Up, sum.Down, sum.Malformed, tt.votes, tt.up, tt.down, tt.broken)
			}
			if tt.firstDown != "" && (len(sum.RecentDown) == 0 || sum.RecentDown[0].Question != tt.firstDown) {
				t.Errorf("recent downvotes %+v, want %q first", sum.RecentDown, tt.firstDown)
			}
		})
	}
}

// FuzzSummarizeFeedback reads arbitrary feedback files: no panic, and the
// sums agree with each other.
func FuzzSummarizeFeedback(f *testing.F) {
	good, _ := json.Marshal(vote("a1", "u1", "down", "Q", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	f.Add(append(good, '\n'))
	f.Add([]byte("{\"vote\":\"up\"}\n\n{\"vote\":\"down\",\"answer_id\":\"x\"}\r\n{"))
	f.Add([]byte("\x00\xff\n{\"time\":\"not a time\",\"vote\":\"up\"}\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "feedback.jsonl")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		sum, err := SummarizeFeedback(path)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Up+sum.Down != sum.Votes || len(sum.RecentDown) > recentDownvotes || len(sum.RecentDown) > sum.Down {
			t.Fatalf("summary does not add up: %+v", sum)
		}
		perQuestion := 0
		for _, q := range sum.Questions {
			perQuestion += q.Up + q.Down
		}
		if perQuestion != sum.Votes {
			t.Fatalf("questions hold %d votes of %d", perQuestion, sum.Votes)
		}
		if lines := bytes.Count(data, []byte("\n")) + 1; sum.Votes+sum.Malformed > lines {
			t.Fatalf("%d votes and %d malformed from %d lines", sum.Votes, sum.Malformed, lines)
		}
		_ = sum.String()
	})
}
