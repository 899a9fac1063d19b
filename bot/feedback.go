package bot

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Vote is one 👍 or 👎 on an answer: one JSON line of the feedback file.
type Vote struct {
	Time time.Time `json:"time"`
	// AnswerID names the answer (the interaction or message it answered).
	AnswerID string `json:"answer_id"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	// Sources are the cited sources, "[n] title — author or publisher".
	Sources []string `json:"sources"`
	// Vote is "up" or "down".
	Vote string `json:"vote"`
	// User is a salted one-way hash of the voter's Discord ID.
	User string `json:"user"`
}

// feedbackLog appends votes to a JSON Lines file.
type feedbackLog struct {
	mu   sync.Mutex
	path string
	salt []byte
}

// openFeedback prepares the feedback file under dataDir and loads (or
// creates) the salt for user hashes beside it.
func openFeedback(dataDir, file string) (*feedbackLog, error) {
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(dataDir, file)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create feedback folder: %w", err)
	}
	saltPath := path + ".salt"
	salt, err := os.ReadFile(saltPath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(salt) < 16) {
		salt = make([]byte, 32)
		_, _ = rand.Read(salt)
		if err := os.WriteFile(saltPath, salt, 0o600); err != nil {
			return nil, fmt.Errorf("write feedback salt: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("read feedback salt: %w", err)
	}
	return &feedbackLog{path: path, salt: salt}, nil
}

// hashUser is a salted one-way hash of a user ID, for logs and votes.
func (f *feedbackLog) hashUser(userID string) string {
	h := sha256.New()
	h.Write(f.salt)
	h.Write([]byte(userID))
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// record appends a vote as one line.
func (f *feedbackLog) record(v Vote) error {
	line, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode vote: %w", err)
	}
	line = append(line, '\n')
	f.mu.Lock()
	defer f.mu.Unlock()
	file, err := os.OpenFile(f.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open feedback file: %w", err)
	}
	if _, err := file.Write(line); err != nil {
		file.Close()
		return fmt.Errorf("append vote to %s: %w", f.path, err)
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("close feedback file: %w", err)
	}
	return nil
}

// QuestionFeedback sums the votes on one question.
type QuestionFeedback struct {
	Question string `json:"question"`
	Up       int    `json:"up"`
	Down     int    `json:"down"`
}

// FeedbackSummary sums up a feedback file. A user's later vote on the same
// answer replaces their earlier one.
type FeedbackSummary struct {
	Votes int `json:"votes"`
	Up    int `json:"up"`
	Down  int `json:"down"`
	// Questions are sorted by most downvotes, then most votes.
	Questions []QuestionFeedback `json:"questions"`
	// RecentDown are the latest downvotes, newest first (at most 10).
	RecentDown []Vote `json:"recent_down"`
	// Malformed counts lines that could not be read.
	Malformed int `json:"malformed"`
}

// recentDownvotes is how many downvotes a summary lists.
const recentDownvotes = 10

// SummarizeFeedback reads the feedback file at path (see FeedbackPath).
// A missing file is an empty summary.
func SummarizeFeedback(path string) (FeedbackSummary, error) {
	var sum FeedbackSummary
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return sum, nil
	}
	if err != nil {
		return sum, fmt.Errorf("open feedback file: %w", err)
	}
	defer f.Close()
	type key struct{ answer, user string }
	latest := map[key]int{}
	var votes []Vote
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v Vote
		if err := json.Unmarshal([]byte(line), &v); err != nil || (v.Vote != "up" && v.Vote != "down") {
			sum.Malformed++
			continue
		}
		k := key{v.AnswerID, v.User}
		if i, ok := latest[k]; ok && v.AnswerID != "" {
			votes[i] = v
			continue
		}
		latest[k] = len(votes)
		votes = append(votes, v)
	}
	if err := sc.Err(); err != nil {
		return sum, fmt.Errorf("read feedback file %s: %w", path, err)
	}
	perQuestion := map[string]*QuestionFeedback{}
	for _, v := range votes {
		q := perQuestion[v.Question]
		if q == nil {
			q = &QuestionFeedback{Question: v.Question}
			perQuestion[v.Question] = q
		}
		sum.Votes++
		if v.Vote == "up" {
			sum.Up++
			q.Up++
		} else {
			sum.Down++
			q.Down++
			sum.RecentDown = append(sum.RecentDown, v)
		}
	}
	for _, q := range perQuestion {
		sum.Questions = append(sum.Questions, *q)
	}
	sort.Slice(sum.Questions, func(i, j int) bool {
		a, b := sum.Questions[i], sum.Questions[j]
		if a.Down != b.Down {
			return a.Down > b.Down
		}
		if a.Up+a.Down != b.Up+b.Down {
			return a.Up+a.Down > b.Up+b.Down
		}
		return a.Question < b.Question
	})
	sort.SliceStable(sum.RecentDown, func(i, j int) bool { return sum.RecentDown[i].Time.After(sum.RecentDown[j].Time) })
	if len(sum.RecentDown) > recentDownvotes {
		sum.RecentDown = sum.RecentDown[:recentDownvotes]
	}
	return sum, nil
}

// String renders the summary for a terminal.
func (s FeedbackSummary) String() string {
	var b strings.Builder
	_ = s.Write(&b)
	return b.String()
}

// Write renders the summary for a terminal to w.
func (s FeedbackSummary) Write(w io.Writer) error {
	var b strings.Builder
	if s.Votes == 0 {
		b.WriteString("No feedback yet.\n")
	} else {
		fmt.Fprintf(&b, "%d votes: %d 👍, %d 👎 (%.0f%% up)\n", s.Votes, s.Up, s.Down, 100*float64(s.Up)/float64(s.Votes))
		b.WriteString("\nPer question (👍 👎):\n")
		for _, q := range s.Questions {
			fmt.Fprintf(&b, "  %3d %3d  %s\n", q.Up, q.Down, truncate(oneLine(q.Question), 100))
		}
		if len(s.RecentDown) > 0 {
			b.WriteString("\nRecent downvotes:\n")
			for _, v := range s.RecentDown {
				fmt.Fprintf(&b, "  %s  %s\n", v.Time.Local().Format("2006-01-02 15:04"), truncate(oneLine(v.Question), 100))
				fmt.Fprintf(&b, "      %s\n", truncate(oneLine(v.Answer), 160))
			}
		}
	}
	switch {
	case s.Malformed == 1:
		b.WriteString("\n(1 unreadable line skipped)\n")
	case s.Malformed > 1:
		fmt.Fprintf(&b, "\n(%d unreadable lines skipped)\n", s.Malformed)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write feedback summary: %w", err)
	}
	return nil
}
