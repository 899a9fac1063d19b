package evaluation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// fakeSearcher returns, for each query, passages with the given texts, and
// records the k it was asked for.
type fakeSearcher struct {
	results map[string][]string
	fail    map[string]error
	asked   []int
}

func (f *fakeSearcher) Search(_ context.Context, query string, k int) ([]retrieval.Passage, error) {
	f.asked = append(f.asked, k)
	if err := f.fail[query]; err != nil {
		return nil, err
	}
	var out []retrieval.Passage
	for _, text := range f.results[query] {
		out = append(out, retrieval.Passage{Chunk: retrieval.Chunk{Text: text}})
	}
	return out, nil
}

// texts is n passages of filler with the answer at 1-based position at
// (none when at is 0).
func texts(n, at int, answer string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("filler passage %d", i+1)
	}
	if at > 0 {
		out[at-1] = answer
	}
	return out
}

func TestRank(t *testing.T) {
	tests := []struct {
		name     string
		passages []string
		expect   []string
		want     int
	}{
		{"the first passage answers", texts(10, 1, "The Three Nos doctrine"), []string{"Three Nos"}, 1},
		{"the third passage answers", texts(10, 3, "The Three Nos doctrine"), []string{"Three Nos"}, 3},
		{"the tenth passage still counts", texts(10, 10, "The Three Nos doctrine"), []string{"Three Nos"}, 10},
		{"the eleventh does not", texts(12, 11, "The Three Nos doctrine"), []string{"Three Nos"}, 0},
		{"no passage answers", texts(10, 0, ""), []string{"Three Nos"}, 0},
		{"no passages at all", nil, []string{"Three Nos"}, 0},
		{"any one of the phrases will do", texts(10, 4, "over $60 million in security assistance"), []string{"absent phrase", "60 million"}, 4},
		{"the first passage with any phrase wins", []string{"x", "second phrase", "first phrase"}, []string{"first phrase", "second phrase"}, 2},
		{"both sides are normalised", texts(5, 2, "Russia’s   defense\nexports"), []string{"RUSSIA'S defense exports"}, 2},
		{"a phrase of punctuation never matches", texts(5, 1, "— … —"), []string{" — "}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps []retrieval.Passage
			for _, text := range tt.passages {
				ps = append(ps, retrieval.Passage{Chunk: retrieval.Chunk{Text: text}})
			}
			if got := Rank(ps, tt.expect); got != tt.want {
				t.Errorf("Rank = %d, want %d", got, tt.want)
			}
		})
	}
}

// fixedSearcher returns the same passages for every query.
type fixedSearcher []retrieval.Passage

func (f fixedSearcher) Search(_ context.Context, _ string, k int) ([]retrieval.Passage, error) {
	return f[:min(k, len(f))], nil
}

func TestRankOnPage(t *testing.T) {
	// Passages 1–3 hold the phrase, on pages 2, 3–5 and 7.
	ps := []retrieval.Passage{
		{Chunk: retrieval.Chunk{Text: "The Three Nos, page two.", Location: retrieval.Location{Page: 2}}},
		{Chunk: retrieval.Chunk{Text: "The Three Nos, pages three to five.", Location: retrieval.Location{Page: 3, PageEnd: 5}}},
		{Chunk: retrieval.Chunk{Text: "The Three Nos, page seven.", Location: retrieval.Location{Page: 7}}},
		{Chunk: retrieval.Chunk{Text: "Something else on page nine.", Location: retrieval.Location{Page: 9}}},
	}
	tests := []struct {
		page, want int
	}{
		{0, 1}, // no page asked: any passage
		{2, 1},
		{3, 2},
		{4, 2}, // inside a passage's page range
		{5, 2},
		{7, 3},
		{6, 0}, // no passage with the phrase stands on page 6
		{9, 0}, // the passage on page 9 lacks the phrase
	}
	for _, tt := range tests {
		if got := RankOnPage(ps, []string{"three nos"}, tt.page); got != tt.want {
			t.Errorf("RankOnPage(page %d) = %d, want %d", tt.page, got, tt.want)
		}
	}
	// A question with a page is ranked by it in Run.
	rep, err := Run(context.Background(), fixedSearcher(ps), []Question{{ID: "p", Question: "q", Expect: []string{"Three Nos"}, Page: 7}})
	if err != nil || rep.Results[0].Rank != 3 {
		t.Errorf("Run = %+v, %v; want rank 3", rep.Results, err)
	}
}

func TestRunSumsUpRanks(t *testing.T) {
	const answer = "the answer is here"
	tests := []struct {
		name       string
		ranks      []int // where each question's answer stands; 0 for nowhere
		wantRecall map[string]float64
		wantMRR    float64
	}{
		{"every question answered first", []int{1, 1, 1, 1}, map[string]float64{"1": 1, "3": 1, "5": 1}, 1},
		{"ranks 1, 2, 4 and a miss", []int{1, 2, 4, 0}, map[string]float64{"1": 0.25, "3": 0.5, "5": 0.75}, (1 + 0.5 + 0.25) / 4},
		{"ranks 3, 5, 6 and 10", []int{3, 5, 6, 10}, map[string]float64{"1": 0, "3": 0.25, "5": 0.5}, (1.0/3 + 1.0/5 + 1.0/6 + 1.0/10) / 4},
		{"all missed", []int{0, 0}, map[string]float64{"1": 0, "3": 0, "5": 0}, 0},
		{"no questions", nil, map[string]float64{"1": 0, "3": 0, "5": 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &fakeSearcher{results: map[string][]string{}}
			var qs []Question
			for i, r := range tt.ranks {
				q := Question{ID: fmt.Sprintf("q%d", i+1), Question: fmt.Sprintf("question %d?", i+1), Expect: []string{answer}}
				s.results[q.Question] = texts(10, r, answer)
				qs = append(qs, q)
			}
			rep, err := Run(context.Background(), s, qs)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Questions != len(tt.ranks) || len(rep.Results) != len(tt.ranks) {
				t.Fatalf("report of %d questions, %d results; want %d", rep.Questions, len(rep.Results), len(tt.ranks))
			}
			for i, r := range tt.ranks {
				if got := rep.Results[i]; got.ID != qs[i].ID || got.Rank != r || got.Question != qs[i].Question {
					t.Errorf("result %d = %+v, want rank %d for %s", i, got, r, qs[i].ID)
				}
			}
			if fmt.Sprint(rep.Recall) != fmt.Sprint(tt.wantRecall) {
				t.Errorf("recall = %v, want %v", rep.Recall, tt.wantRecall)
			}
			if diff := rep.MRR - tt.wantMRR; diff > 1e-12 || diff < -1e-12 {
				t.Errorf("MRR = %v, want %v", rep.MRR, tt.wantMRR)
			}
			for _, k := range s.asked {
				if k != 10 {
					t.Errorf("searched for %d passages, want 10", k)
				}
			}
		})
	}
}

func TestRunStopsAtASearchError(t *testing.T) {
	boom := errors.New("index on fire")
	s := &fakeSearcher{fail: map[string]error{"second?": boom}}
	qs := []Question{
		{ID: "q1", Question: "first?", Expect: []string{"x"}},
		{ID: "q2", Question: "second?", Expect: []string{"x"}},
		{ID: "q3", Question: "third?", Expect: []string{"x"}},
	}
	_, err := Run(context.Background(), s, qs)
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "q2") {
		t.Errorf("err = %v, want it to wrap %v and name q2", err, boom)
	}
	if len(s.asked) != 2 {
		t.Errorf("asked %d questions, want to stop after the failing second", len(s.asked))
	}
}

func TestReportJSONIsTheDesignedShape(t *testing.T) {
	s := &fakeSearcher{results: map[string][]string{"a?": {"x", "the answer"}}}
	rep, err := Run(context.Background(), s, []Question{
		{ID: "q1", Question: "a?", Expect: []string{"the answer"}},
		{ID: "q2", Question: "b?", Expect: []string{"the answer"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"questions":2,"recall":{"1":0,"3":0.5,"5":0.5},"mrr":0.25,"results":[{"id":"q1","rank":2},{"id":"q2","rank":0}]}`
	if string(got) != want {
		t.Errorf("JSON = %s\nwant   %s", got, want)
	}
}

func TestReportWriteTextListsFiguresAndMisses(t *testing.T) {
	rep := Report{
		Questions: 3,
		Recall:    map[string]float64{"1": 1.0 / 3, "3": 2.0 / 3, "5": 2.0 / 3},
		MRR:       0.5,
		Results: []Result{
			{ID: "q1", Rank: 1, Question: "Found first?"},
			{ID: "q2", Rank: 0, Question: "Who wrote the piece on party ties?"},
			{ID: "q3", Rank: 2, Question: "Found second?"},
		},
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := "questions  3\n" +
		"recall@1   0.333\n" +
		"recall@3   0.667\n" +
		"recall@5   0.667\n" +
		"MRR@10     0.500\n" +
		"missed     1\n" +
		"  q2\tWho wrote the piece on party ties?\n"
	if b.String() != want {
		t.Errorf("WriteText wrote\n%s\nwant\n%s", b.String(), want)
	}
}

func TestReportWriteTextReportsWriteErrors(t *testing.T) {
	if err := (Report{}).WriteText(failingWriter{}); err == nil {
		t.Error("WriteText to a failing writer returned no error")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
