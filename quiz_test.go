package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lectern/lectern/study"
)

func TestQuizJSONHasTheIssuesShape(t *testing.T) {
	data := t.TempDir()
	code, stdout, stderr := lectern(t, data, "quiz", "--json", "--count", "4", "--seed", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout is not a JSON array: %v\n%s", err, stdout)
	}
	if len(got) != 4 {
		t.Fatalf("%d questions, want 4", len(got))
	}
	for _, q := range got {
		for _, field := range []string{"question", "options", "answer", "kind", "citation"} {
			if _, ok := q[field]; !ok {
				t.Errorf("a question without %q: %s", field, stdout)
			}
		}
		var options []string
		var answer int
		var citation struct{ Source, Title, Quote string }
		_ = json.Unmarshal(q["options"], &options)
		_ = json.Unmarshal(q["answer"], &answer)
		_ = json.Unmarshal(q["citation"], &citation)
		if len(options) != 4 || answer < 0 || answer > 3 || citation.Source == "" || citation.Title == "" || !strings.Contains(citation.Quote, options[answer]) {
			t.Errorf("question %s: options %q, answer %d, citation %+v", q["question"], options, answer, citation)
		}
	}
	_, again, _ := lectern(t, data, "quiz", "--json", "--count", "4", "--seed", "3")
	if again != stdout {
		t.Errorf("the same seed gave another round")
	}
}

func TestQuizAnkiWritesADeckAnkiImports(t *testing.T) {
	data := t.TempDir()
	deck := filepath.Join(t.TempDir(), "deck.txt")
	code, stdout, stderr := lectern(t, data, "quiz", "--anki", deck, "--count", "3", "--seed", "5", "--source", "Party-to-Party")
	if code != 0 || !strings.Contains(stdout, "Wrote 3 questions") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	b, err := os.ReadFile(deck)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 5 || lines[0] != "#separator:tab" || lines[1] != "#html:true" {
		t.Fatalf("deck:\n%s", b)
	}
	for _, line := range lines[2:] {
		fields := strings.Split(line, "\t")
		if len(fields) != 2 || !strings.Contains(fields[0], "<br>D. ") || !strings.Contains(fields[1], "Party-to-Party Ties") || !strings.Contains(fields[1], "“") {
			t.Errorf("note %q: want front (question, A–D) and back (answer, quote, source)", line)
		}
	}
}

func TestQuizAndSummaryNameTheMatchesOfAnAmbiguousSource(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{{"quiz", "--source", "China"}, {"summary", "China"}, {"summary", "no such thing"}} {
		code, _, stderr := lectern(t, data, args...)
		if code != 2 || !strings.Contains(stderr, "001_40f7c5eb71c4bfad.txt") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and the sources listed", args, code, stderr)
		}
	}
}

func TestSummaryJSONCitesEverySentence(t *testing.T) {
	data := t.TempDir()
	code, stdout, stderr := lectern(t, data, "summary", "--json", "Xi visits Hanoi")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Summary   string `json:"summary"`
		Citations []struct {
			N      int    `json:"n"`
			Source string `json:"source"`
			Quote  string `json:"quote"`
		} `json:"citations"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	n := len(markers.FindAllString(got.Summary, -1))
	if n < 4 || n > 8 || len(got.Citations) == 0 {
		t.Errorf("%d markers, %d citations: %s", n, len(got.Citations), stdout)
	}
	for _, c := range got.Citations {
		if c.Source != "003_65777ad2d6f5eda8.txt" || c.Quote == "" {
			t.Errorf("citation %+v", c)
		}
	}
}

func TestPlayRoundScoresTheAnswersTyped(t *testing.T) {
	questions := []study.Question{
		{Question: "Fill in the blank: War broke out in _____.", Options: []string{"1975", "1979", "1986", "1991"}, Answer: 1, Citation: study.Citation{Title: "T", Source: "t.txt", Quote: "War broke out in 1979."}},
		{Question: "Who spoke?", Options: []string{"Ann", "Bo", "Cy", "Di"}, Answer: 3, Citation: study.Citation{Title: "T", Source: "t.txt", Quote: "Di spoke."}},
	}
	var out strings.Builder
	if err := playRound(strings.NewReader("x\nb\nA\n"), &out, questions); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"✅ Right: B. 1979", "❌ Not quite — the answer is D. Di", "“Di spoke.”", "Score: 1 of 2."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the round shows no %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	_ = playRound(strings.NewReader("b\n"), &out, questions)
	if !strings.Contains(out.String(), "Score: 1 of 1.") {
		t.Errorf("input ending mid-round: %s", out.String())
	}
}
