package evaluation

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// The question sets of the project: questions.jsonl tunes retrieval and
// gates it; holdout.jsonl is never used for tuning, only to check that the
// tuning did not over-fit. Both are paraphrased: their questions mostly
// avoid the words of the passage that answers. literal.jsonl, the project's
// first set, asks in words closer to the text, as most people do.
// fresh.jsonl was written blind, by someone who had seen neither the other
// sets nor the code, and was run once, after the tuning ended: it measures
// how retrieval does on questions nobody tuned it for. blind_near.jsonl and
// blind_paraphrased.jsonl were written blind in the same way, later, by
// someone told to word the first close to the text and the second from
// memory, in everyday words.
const (
	corpusDir     = "../seeds"
	questionsFile = "../testdata/questions.jsonl"
	holdoutFile   = "../testdata/holdout.jsonl"
	literalFile   = "../testdata/literal.jsonl"
	freshFile     = "../testdata/fresh.jsonl"
	nearFile      = "../testdata/blind_near.jsonl"
	paraFile      = "../testdata/blind_paraphrased.jsonl"
	memoryFile    = "../testdata/blind2_memory.jsonl"
	openFile      = "../testdata/blind2_open.jsonl"
	// diacriticsFile asks about Vietnamese people and places with their
	// diacritics ("Nguyễn Phú Trọng"), which the seeds write without.
	diacriticsFile = "../testdata/diacritics.jsonl"
)

// questionFiles are all the question sets.
var questionFiles = []string{questionsFile, holdoutFile, literalFile, freshFile, nearFile, paraFile, memoryFile, openFile, diacriticsFile}

// readQuestionFile reads a question file or fails the test.
func readQuestionFile(t testing.TB, path string) []Question {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := ReadQuestions(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return qs
}

// TestQuestionSetsAreDistinctAndLargeEnough: the holdout set shares no id
// and no question with the tuning set.
func TestQuestionSetsAreDistinctAndLargeEnough(t *testing.T) {
	sets := []struct {
		path string
		min  int
	}{
		{questionsFile, 40},
		{holdoutFile, 20},
		{literalFile, 30},
		{freshFile, 25},
		{nearFile, 30},
		{paraFile, 30},
		{memoryFile, 30},
		{openFile, 20},
	}
	ids := map[string]string{}
	questions := map[string]string{}
	for _, set := range sets {
		qs := readQuestionFile(t, set.path)
		if len(qs) < set.min {
			t.Errorf("%s has %d questions, want at least %d", set.path, len(qs), set.min)
		}
		for _, q := range qs {
			if other, ok := ids[q.ID]; ok && other != set.path {
				t.Errorf("id %s is in both %s and %s", q.ID, other, set.path)
			}
			ids[q.ID] = set.path
			key := Normalize(q.Question)
			if other, ok := questions[key]; ok {
				t.Errorf("%s: question %q is asked twice (also in %s)", set.path, q.Question, other)
			}
			questions[key] = set.path
		}
	}
}

// TestExpectPhrasesAreInTheSeeds keeps the question sets from rotting: every
// expect phrase is short, occurs verbatim (once normalised) within one
// paragraph of a seed file as collected, and survives cleaning and chunking
// whole, so that a retrieved passage can contain it.
func TestExpectPhrasesAreInTheSeeds(t *testing.T) {
	rawParagraphs := seedParagraphs(t)
	chunks := seedChunks(t)
	for _, path := range questionFiles {
		for _, q := range readQuestionFile(t, path) {
			for _, e := range q.Expect {
				phrase := Normalize(e)
				if n := len(strings.Fields(phrase)); n < 2 || n > 8 {
					t.Errorf("%s %s: expect phrase %q has %d words, want 2 to 8", path, q.ID, e, n)
				}
				if !containedInOne(rawParagraphs, phrase) {
					t.Errorf("%s %s: expect phrase %q is in no single paragraph of %s/*.txt", path, q.ID, e, corpusDir)
					continue
				}
				if !containedInOne(chunks, phrase) {
					t.Errorf("%s %s: expect phrase %q is in the seeds but in no single chunk once cleaned and chunked: "+
						"is it in a caption or footer, or cut by a chunk boundary?", path, q.ID, e)
				}
			}
		}
	}
}

// paragraphBreak is a blank line, possibly holding spaces.
var paragraphBreak = regexp.MustCompile(`\n[ \t\r]*\n`)

// seedParagraphs returns the normalised paragraphs of every seed file as
// collected, hard-wrapped lines joined.
func seedParagraphs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed files in %s (%v)", corpusDir, err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paragraphBreak.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), -1) {
			out = append(out, Normalize(p))
		}
	}
	return out
}

// seedChunks returns the normalised text of every chunk the store would
// index from the seeds with the default chunk sizes.
func seedChunks(t *testing.T) []string {
	t.Helper()
	docs, skipped, err := retrieval.LoadCorpus(context.Background(), corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Fatalf("seed files skipped: %+v", skipped)
	}
	var out []string
	for _, d := range docs {
		for _, c := range retrieval.ChunkDocument(d, retrieval.DefaultChunkOptions()) {
			out = append(out, Normalize(c.Text))
		}
	}
	return out
}

// containedInOne reports whether one of texts contains phrase.
func containedInOne(texts []string, phrase string) bool {
	for _, text := range texts {
		if strings.Contains(text, phrase) {
			return true
		}
	}
	return false
}
