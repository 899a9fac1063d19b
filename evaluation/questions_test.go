package evaluation

import (
	"bufio"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadQuestionsAcceptsTheFormat(t *testing.T) {
	in := "\uFEFF# Lectern questions\r\n" +
		"\r\n" +
		`{"id": "q01", "question": "What are the Three Nos?", "expect": ["no military alliance"]}` + "\r\n" +
		"   \n" +
		`  # an indented comment` + "\n" +
		`{"id": "q02", "question": "Who wrote it?", "expect": ["Lye Liang Fook", "Senior Fellow"], "note": "unknown fields are ignored"}` + "\n" +
		`{"id": "q03", "question": "On which page?", "expect": ["Three Nos"], "page": 3}` // no final newline
	got, err := ReadQuestions(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Question{
		{ID: "q01", Question: "What are the Three Nos?", Expect: []string{"no military alliance"}},
		{ID: "q02", Question: "Who wrote it?", Expect: []string{"Lye Liang Fook", "Senior Fellow"}},
		{ID: "q03", Question: "On which page?", Expect: []string{"Three Nos"}, Page: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadQuestions = %+v, want %+v", got, want)
	}
}

// line builds one question line whose question text pads it to n bytes.
func line(t *testing.T, id string, n int) string {
	t.Helper()
	short := `{"id":"` + id + `","question":"","expect":["x y"]}`
	if n < len(short)+1 {
		t.Fatalf("line of %d bytes is too short for a question", n)
	}
	return `{"id":"` + id + `","question":"` + strings.Repeat("a", n-len(short)) + `","expect":["x y"]}`
}

func TestReadQuestionsAcceptsLinesUpToOneMebibyte(t *testing.T) {
	in := line(t, "a", 100) + "\n" + line(t, "b", MaxLineBytes) + "\r\n" + line(t, "c", MaxLineBytes)
	qs, err := ReadQuestions(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || len(qs[1].Question) != MaxLineBytes-len(`{"id":"b","question":"","expect":["x y"]}`) {
		t.Errorf("got %d questions", len(qs))
	}
}

func TestReadQuestionsRejects(t *testing.T) {
	valid := `{"id": "ok", "question": "q", "expect": ["x y"]}`
	tests := []struct {
		name    string
		in      string
		wantErr []string // every one of these is in the error message
	}{
		{"broken JSON, naming its line", valid + "\n\n{oops", []string{"line 3", "invalid character"}},
		{"a line that is not an object", "[1, 2]", []string{"line 1", "cannot unmarshal array"}},
		{"a second value on the line", valid + ` {"id": "b"}`, []string{"line 1", "after top-level value"}},
		{"a missing id", `{"question": "q", "expect": ["x"]}`, []string{"line 1", "no id"}},
		{"a blank id", `{"id": " ", "question": "q", "expect": ["x"]}`, []string{"line 1", "no id"}},
		{"an id that is not a string", `{"id": 7, "question": "q", "expect": ["x"]}`, []string{"line 1", "string"}},
		{"a missing question", `{"id": "a", "expect": ["x"]}`, []string{"line 1", `"a"`, "no question text"}},
		{"a missing expect", `{"id": "a", "question": "q"}`, []string{"line 1", "no expect phrases"}},
		{"an empty expect list", `{"id": "a", "question": "q", "expect": []}`, []string{"no expect phrases"}},
		{"a null expect", `{"id": "a", "question": "q", "expect": null}`, []string{"no expect phrases"}},
		{"an expect phrase with no letters or digits", `{"id": "a", "question": "q", "expect": ["x", " – "]}`, []string{"line 1", "expect phrase 2", "no letters or digits"}},
		{"an expect that is a string, not a list", `{"id": "a", "question": "q", "expect": "x"}`, []string{"line 1", "cannot unmarshal string"}},
		{"a repeated id, naming both lines", valid + "\n# c\n" + valid, []string{"line 3", `"ok"`, "line 1"}},
		{"a line over one mebibyte, naming it", valid + "\n" + line(t, "big", MaxLineBytes+1), []string{"line 2", "too long"}},
		{"a line far over one mebibyte, naming it", valid + "\n" + line(t, "huge", 3*MaxLineBytes), []string{"line 2", "too long"}},
		{"a page before the first", `{"id": "a", "question": "q", "expect": ["x"], "page": -1}`, []string{"line 1", "page -1", "numbered from 1"}},
		{"a page that is not a number", `{"id": "a", "question": "q", "expect": ["x"], "page": "3"}`, []string{"line 1", "cannot unmarshal string"}},
		{"an empty file", "", []string{"no questions"}},
		{"a file of comments and blank lines", "# only\n\n  \n# comments\n", []string{"no questions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, err := ReadQuestions(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("ReadQuestions = %d questions, want an error", len(qs))
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
		})
	}
}

func TestReadQuestionsReportsReadErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	r := ioReaderFunc(func([]byte) (int, error) { return 0, boom })
	if _, err := ReadQuestions(r); !errors.Is(err, boom) {
		t.Errorf("err = %v, want it to wrap %v", err, boom)
	}
}

type ioReaderFunc func([]byte) (int, error)

func (f ioReaderFunc) Read(p []byte) (int, error) { return f(p) }

// FuzzReadQuestions: whatever the input, ReadQuestions does not panic, and
// what it accepts is a well-formed question set that survives a round trip.
// The seed corpus is in testdata/fuzz/FuzzReadQuestions.
func FuzzReadQuestions(f *testing.F) {
	f.Fuzz(func(t *testing.T, in string) {
		qs, err := ReadQuestions(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "read questions") {
				t.Fatalf("error %q does not say what was being done", err)
			}
			if errors.Is(err, bufio.ErrTooLong) && !strings.Contains(err.Error(), "line ") {
				t.Fatalf("error %q does not name the line", err)
			}
			return
		}
		if len(qs) == 0 {
			t.Fatal("no error and no questions")
		}
		ids := map[string]bool{}
		var out strings.Builder
		for _, q := range qs {
			if strings.TrimSpace(q.ID) == "" || strings.TrimSpace(q.Question) == "" || len(q.Expect) == 0 {
				t.Fatalf("accepted an incomplete question %+v", q)
			}
			for _, e := range q.Expect {
				if Normalize(e) == "" {
					t.Fatalf("accepted an empty expect phrase in %+v", q)
				}
			}
			if ids[q.ID] {
				t.Fatalf("accepted id %q twice", q.ID)
			}
			ids[q.ID] = true
			b, err := json.Marshal(q)
			if err != nil {
				t.Fatal(err)
			}
			out.Write(b)
			out.WriteByte('\n')
		}
		again, err := ReadQuestions(strings.NewReader(out.String()))
		if err != nil {
			t.Fatalf("the questions written back do not read: %v", err)
		}
		if !reflect.DeepEqual(again, qs) {
			t.Fatalf("round trip changed the questions:\n%+v\n%+v", qs, again)
		}
	})
}
