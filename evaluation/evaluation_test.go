package evaluation

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Russia’s", "russia s"},
		{"$60 million", " 60 million"},
		{"Three  NOS!", "three nos "},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadQuestionsRejectsBadLines(t *testing.T) {
	tests := []struct{ name, in, wantErr string }{
		{"broken JSON names its line", "{\"id\":\"a\",\"question\":\"q\",\"expect\":[\"x\"]}\n{oops", "line 2"},
		{"missing expect", `{"id":"a","question":"q"}`, "no expect"},
		{"missing id", `{"question":"q","expect":["x"]}`, "no id"},
		{"empty file", "\n# only a comment\n", "no questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadQuestions(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
			}
		})
	}
}

type fakeSearcher map[string][]string

func (f fakeSearcher) Search(_ context.Context, q string, k int) ([]retrieval.Passage, error) {
	var out []retrieval.Passage
	for _, t := range f[q] {
		out = append(out, retrieval.Passage{Chunk: retrieval.Chunk{Text: t}})
	}
	return out, nil
}

func TestRunComputesRecallAndMRR(t *testing.T) {
	s := fakeSearcher{
		"first":  {"The Three Nos policy", "other"},
		"second": {"other", "other", "Russia’s war"},
		"missed": {"nothing here"},
	}
	qs := []Question{
		{ID: "a", Question: "first", Expect: []string{"three nos"}},
		{ID: "b", Question: "second", Expect: []string{"russia s war"}},
		{ID: "c", Question: "missed", Expect: []string{"absent"}},
	}
	rep, err := Run(context.Background(), s, qs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Results[0].Rank != 1 || rep.Results[1].Rank != 3 || rep.Results[2].Rank != 0 {
		t.Fatalf("ranks = %+v", rep.Results)
	}
	if rep.Recall["1"] != 1.0/3 || rep.Recall["3"] != 2.0/3 || rep.Recall["5"] != 2.0/3 {
		t.Errorf("recall = %v", rep.Recall)
	}
	if want := (1 + 1.0/3) / 3; rep.MRR != want {
		t.Errorf("MRR = %v, want %v", rep.MRR, want)
	}
}

// TestExpectedPhrasesAreInTheSeeds keeps the question file from rotting.
func TestExpectedPhrasesAreInTheSeeds(t *testing.T) {
	var all strings.Builder
	files, _ := filepath.Glob("../seeds/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(Normalize(string(data)))
	}
	for _, q := range readFile(t, "../testdata/questions.jsonl") {
		found := false
		for _, e := range q.Expect {
			if strings.Contains(all.String(), strings.TrimSpace(Normalize(e))) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no expected phrase occurs in the seeds: %q", q.ID, q.Expect)
		}
	}
}

func readFile(t *testing.T, path string) []Question {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := ReadQuestions(f)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// TestRetrievalOnTheSeeds is the quality gate: the question set over the
// seed corpus with the built-in embedder.
func TestRetrievalOnTheSeeds(t *testing.T) {
	ctx := context.Background()
	store, err := retrieval.OpenStore(ctx, retrieval.StoreConfig{DataDir: t.TempDir(), CorpusDir: "../seeds", Embedder: retrieval.NewLocalEmbedder()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := Run(ctx, store, readFile(t, "../testdata/questions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.WriteText(&b)
	t.Log("\n" + b.String())
	if rep.Recall["5"] < 0.95 {
		t.Errorf("recall@5 = %.3f, want at least 0.95", rep.Recall["5"])
	}
	if rep.MRR < 0.90 {
		t.Errorf("MRR@10 = %.3f, want at least 0.90", rep.MRR)
	}
}

func FuzzReadQuestions(f *testing.F) {
	f.Add(`{"id":"q1","question":"What are the Three Nos?","expect":["no military alliance"]}`)
	f.Add("\n# c\n{\"id\":1}")
	f.Fuzz(func(t *testing.T, in string) {
		qs, err := ReadQuestions(strings.NewReader(in))
		if err == nil && len(qs) == 0 {
			t.Fatal("no error and no questions")
		}
	})
}
