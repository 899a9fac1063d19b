package evaluation

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Question is one line of a question file: what a reader asks, and phrases
// of which any one, found in a retrieved passage, makes that passage an
// answer.
type Question struct {
	// ID names the question in reports; unique within a file.
	ID string `json:"id"`
	// Question is asked as a reader would ask it.
	Question string `json:"question"`
	// Expect lists verbatim spans of the corpus text that answer the
	// question, compared after Normalize.
	Expect []string `json:"expect"`
	// Page, when not 0, is the page (1-based) of a paged document (PDF)
	// the answer stands on: a passage counts only if its pages include it.
	Page int `json:"page,omitempty"`
}

// MaxLineBytes is the longest line ReadQuestions accepts, line end excluded.
const MaxLineBytes = 1 << 20

// ReadQuestions parses a question file: JSON Lines, one Question per line.
// Blank lines and lines starting with # are skipped. Every question needs an
// id (unique in the file), a question and at least one expect phrase, and
// no phrase may normalise to nothing. Errors name the line. A file with no
// question at all is an error too.
func ReadQuestions(r io.Reader) ([]Question, error) {
	sc := bufio.NewScanner(r)
	// Room for the longest line and its "\r\n"; longer lines are refused
	// below, or by the scanner with bufio.ErrTooLong.
	sc.Buffer(make([]byte, 0, 4<<10), MaxLineBytes+2)
	var qs []Question
	firstSeen := map[string]int{}
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if len(bytes.TrimSuffix(line, []byte("\r"))) > MaxLineBytes {
			return nil, fmt.Errorf("read questions line %d: %w", n, bufio.ErrTooLong)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		q, err := parseQuestion(line)
		if err != nil {
			return nil, fmt.Errorf("read questions line %d: %w", n, err)
		}
		if first, ok := firstSeen[q.ID]; ok {
			return nil, fmt.Errorf("read questions line %d: id %q is already used on line %d", n, q.ID, first)
		}
		firstSeen[q.ID] = n
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read questions line %d: %w", n+1, err)
	}
	if len(qs) == 0 {
		return nil, errors.New("read questions: no questions in the file")
	}
	return qs, nil
}

// parseQuestion decodes and checks one non-blank line.
func parseQuestion(line []byte) (Question, error) {
	var q Question
	if err := json.Unmarshal(line, &q); err != nil {
		return Question{}, err
	}
	switch {
	case strings.TrimSpace(q.ID) == "":
		return Question{}, errors.New("no id")
	case strings.TrimSpace(q.Question) == "":
		return Question{}, fmt.Errorf("question %q: no question text", q.ID)
	case len(q.Expect) == 0:
		return Question{}, fmt.Errorf("question %q: no expect phrases", q.ID)
	case q.Page < 0:
		return Question{}, fmt.Errorf("question %q: page %d: pages are numbered from 1", q.ID, q.Page)
	}
	for i, e := range q.Expect {
		if Normalize(e) == "" {
			return Question{}, fmt.Errorf("question %q: expect phrase %d (%q) has no letters or digits", q.ID, i+1, e)
		}
	}
	return q, nil
}
