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

// feedbackLog appends votes to a JSON Lines file. When the file would grow
// past maxBytes it is rotated: it becomes PATH.1 (replacing the one before)
// and a new file is started, so that at most about twice maxBytes of
// votes are kept.
type feedbackLog struct {
	mu       sync.Mutex
	path     string
	salt     []byte
	maxBytes int64
}

// maxFeedbackBytes bounds the feedback file; a vote line is about 1-3 KB,
// so this keeps the last several thousand votes and their predecessors.
const maxFeedbackBytes = 8 << 20

// saltBytes is the length of the salt of user hashes.
const saltBytes = 32

// openFeedback prepares the feedback file under dataDir and loads the salt
// for user hashes beside it, creating it the first time. A salt that
// cannot be read, or is damaged, is an error: a new one would silently
// change every voter's hash.
func openFeedback(dataDir, file string) (*feedbackLog, error) {
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(dataDir, file)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create feedback folder: %w", err)
	}
	salt, err := loadSalt(path + ".salt")
	if err != nil {
		return nil, err
	}
	return &feedbackLog{path: path, salt: salt, maxBytes: maxFeedbackBytes}, nil
}

// loadSalt reads the salt at path, or creates it atomically when there is
// none: written in full to a temporary file, synced, then linked into
// place, so that no reader ever sees half a salt and two bots starting at
// once agree on one.
func loadSalt(path string) ([]byte, error) {
	salt, err := os.ReadFile(path)
	switch {
	case err == nil && len(salt) >= 16:
		return salt, nil
	case err == nil:
		return nil, fmt.Errorf("the feedback salt %s is damaged (%d bytes, want at least 16): restore it from a backup, "+
			"or delete it to start new voter hashes (earlier votes then no longer match their voters)", path, len(salt))
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("read feedback salt: %w", err)
	}
	salt = make([]byte, saltBytes)
	if _, err := rand.Read(salt); err != nil {
		return nil, fmt.Errorf("make feedback salt: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".new-*")
	if err != nil {
		return nil, fmt.Errorf("write feedback salt: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(salt); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("write feedback salt: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("write feedback salt: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("write feedback salt: %w", err)
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		return loadSalt(path) // another process made it first: use theirs
	} else if err != nil {
		return nil, fmt.Errorf("write feedback salt: %w", err)
	}
	return salt, nil
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
	if info, err := os.Stat(f.path); err == nil && info.Size() > 0 && info.Size()+int64(len(line)) > f.maxBytes {
		if err := os.Rename(f.path, f.path+".1"); err != nil {
			return fmt.Errorf("rotate feedback file: %w", err)
		}
	}
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

// SummarizeFeedback reads the feedback file at path (see FeedbackPath),
// and the rotated one before it (PATH.1). A missing file is an empty
// summary. It streams: what it keeps in memory is one small record per
// answer and voter, not the votes; the latest downvotes are read again
// from the file at the end.
func SummarizeFeedback(path string) (FeedbackSummary, error) {
	var sum FeedbackSummary
	type key struct {
		answer, user string
		seq          int // distinguishes votes with no answer ID, never merged
	}
	type state struct {
		question string
		up       bool
		time     time.Time
		file     string
		offset   int64
	}
	latest := map[key]*state{}
	seq := 0
	for _, name := range []string{path + ".1", path} {
		err := scanVotes(name, func(v Vote, offset int64) {
			seq++
			k := key{answer: v.AnswerID, user: v.User}
			if v.AnswerID == "" {
				k.seq = seq
			}
			latest[k] = &state{question: v.Question, up: v.Vote == "up", time: v.Time, file: name, offset: offset}
		}, func() { sum.Malformed++ })
		if err != nil {
			return FeedbackSummary{}, err
		}
	}
	perQuestion := map[string]*QuestionFeedback{}
	var downs []*state
	for _, st := range latest {
		q := perQuestion[st.question]
		if q == nil {
			q = &QuestionFeedback{Question: st.question}
			perQuestion[st.question] = q
		}
		sum.Votes++
		if st.up {
			sum.Up++
			q.Up++
		} else {
			sum.Down++
			q.Down++
			downs = append(downs, st)
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
	sort.Slice(downs, func(i, j int) bool {
		if !downs[i].time.Equal(downs[j].time) {
			return downs[i].time.After(downs[j].time)
		}
		if downs[i].file != downs[j].file {
			return downs[i].file == path // the current file is the newer
		}
		return downs[i].offset > downs[j].offset
	})
	for _, st := range downs[:min(len(downs), recentDownvotes)] {
		v, err := readVoteAt(st.file, st.offset)
		if err != nil {
			return FeedbackSummary{}, err
		}
		sum.RecentDown = append(sum.RecentDown, v)
	}
	return sum, nil
}

// maxVoteLine is the longest line a vote may take; longer lines are
// counted as malformed and skipped without being held in memory.
const maxVoteLine = 4 << 20

// scanVotes calls vote for every readable vote of the file at path, with
// the offset of its line, and malformed for every other non-blank line. A
// missing file has no votes.
func scanVotes(path string, vote func(Vote, int64), malformed func()) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open feedback file: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64*1024)
	var offset, lineStart int64 // of the next byte to read, of the line's first
	var line []byte
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		offset += int64(len(chunk))
		if !tooLong {
			if len(line)+len(chunk) > maxVoteLine {
				tooLong, line = true, line[:0]
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read feedback file %s: %w", path, err)
		}
		switch {
		case tooLong:
			malformed()
		case len(line) > 0:
			if v, ok, blank := parseVote(line); ok {
				vote(v, lineStart)
			} else if !blank {
				malformed()
			}
		}
		line, tooLong, lineStart = line[:0], false, offset
		if err != nil {
			return nil
		}
	}
}

// parseVote reads one line of the feedback file.
func parseVote(line []byte) (v Vote, ok, blank bool) {
	trimmed := strings.TrimSpace(string(line))
	if trimmed == "" {
		return v, false, true
	}
	if err := json.Unmarshal([]byte(trimmed), &v); err != nil || (v.Vote != "up" && v.Vote != "down") {
		return v, false, false
	}
	return v, true, false
}

// readVoteAt reads the vote on the line at offset of the file at path.
func readVoteAt(path string, offset int64) (Vote, error) {
	f, err := os.Open(path)
	if err != nil {
		return Vote{}, fmt.Errorf("open feedback file: %w", err)
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return Vote{}, fmt.Errorf("read feedback file %s: %w", path, err)
	}
	line, err := bufio.NewReaderSize(io.LimitReader(f, maxVoteLine+1), 64*1024).ReadBytes('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return Vote{}, fmt.Errorf("read feedback file %s: %w", path, err)
	}
	v, ok, _ := parseVote(line)
	if !ok {
		return Vote{}, fmt.Errorf("read feedback file %s: the vote at byte %d changed while it was read", path, offset)
	}
	return v, nil
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
