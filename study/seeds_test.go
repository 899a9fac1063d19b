package study

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/internal/seedtest"
	"github.com/lectern/lectern/retrieval"
)

// seedStore indexes the seeds in a temporary data folder.
func seedStore(t testing.TB) *retrieval.Store {
	return seedtest.Store(t, "../seeds")
}

// TestEveryQuestionFromTheSeedsKeepsTheRules runs the automatic rules on
// every question of 30 rounds of every length the generator makes from
// the seeds: Problems finds nothing; the quote is verbatim in a passage of
// its source; the distractors are facts of the answer's kind from the
// reading list (or, for places, the gazetteer), none the answer written
// otherwise; no fact twice a round.
func TestEveryQuestionFromTheSeedsKeepsTheRules(t *testing.T) {
	store := seedStore(t)
	passages := store.Passages("")
	g := NewGenerator(passages)
	if g.Len() < 100 {
		t.Fatalf("the seeds give %d questions; want at least 100", g.Len())
	}
	corpus := map[string]string{}
	for _, p := range passages {
		corpus[p.Source] += " " + strings.Join(strings.Fields(p.Text), " ")
	}
	sameKind := map[Kind]map[string]bool{}
	for k, refs := range g.byKind {
		sameKind[k] = map[string]bool{}
		for _, r := range refs {
			f := g.facts[r.sent][r.fact]
			sameKind[k][normal(f.text)] = true
			sameKind[k][normal(strings.TrimPrefix(f.key, string(k)+":"))] = true
			if short, ok := g.lx.shortName[strings.TrimPrefix(f.key, "person:")]; ok {
				sameKind[k][normal(short)] = true
			}
			for _, like := range g.byKind[k] {
				if text := render(f, g.facts[like.sent][like.fact]); text != "" {
					sameKind[k][normal(text)] = true
				}
			}
		}
	}
	for _, name := range internationalOrganisations {
		sameKind[KindOrganisation][normal(name)] = true
	}
	for name, p := range knownPeople { // people may come from the gazetteer too
		sameKind[KindPerson][normal(name)] = true
		sameKind[KindPerson][normal(shortFormOf(name, p.country))] = true
	}
	for _, p := range g.lx.gaz.places { // places may come from the gazetteer
		if sameKind[p.kind] == nil {
			sameKind[p.kind] = map[string]bool{}
		}
		sameKind[p.kind][normal(p.name)] = true
	}
	checked := 0
	for seed := uint64(1); seed <= 30; seed++ {
		round, err := g.Round(RoundOptions{Count: MaxCount, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		facts := map[string]bool{}
		for _, q := range round.Questions {
			checked++
			for _, p := range Problems(q) {
				t.Errorf("seed %d: %q: %s", seed, q.Question, p)
			}
			if !strings.Contains(corpus[q.Citation.Source], q.Citation.Quote) {
				t.Errorf("seed %d: the quote %q is not in %s", seed, q.Citation.Quote, q.Citation.Source)
			}
			if facts[q.fact] {
				t.Errorf("seed %d: the fact %s is asked twice", seed, q.fact)
			}
			facts[q.fact] = true
			checkTheRoundRules(t, g, seed, q)
			answerFacts := g.typed(q.Correct())
			for i, o := range q.Options {
				if i == q.Answer {
					continue
				}
				if !sameKind[q.Kind][normal(o)] {
					t.Errorf("seed %d: %q: the distractor %q is no %s of the reading list", seed, q.Question, o, q.Kind)
				}
				for _, d := range g.typed(o) {
					if slices.ContainsFunc(answerFacts, func(a fact) bool { return equivalent(a, d) }) {
						t.Errorf("seed %d: %q: the distractor %q is the answer %q written otherwise", seed, q.Question, o, q.Correct())
					}
				}
			}
		}
	}
	t.Logf("%d questions checked", checked)
}

// checkTheRoundRules checks a question against the rules of issue 9's
// third round: a blank after "the" only offers places written with "the";
// the sentence uses no pronoun before its referent; a question proper
// has no blank and ends with a question mark; a name's distractors fit
// the role the sentence gives the answer (or are of a sort where any
// other of the sort fits).
func checkTheRoundRules(t *testing.T, g *Generator, seed uint64, q Question) {
	t.Helper()
	quote := withoutReferences(q.Citation.Quote)
	if unresolvedPronoun(quote) {
		t.Errorf("seed %d: %q: a pronoun before anything it could stand for", seed, q.Question)
	}
	blank := strings.Contains(q.Question, "_____")
	if blank != strings.HasPrefix(q.Question, "Fill in the blank: ") || !blank && !strings.HasSuffix(q.Question, "?") {
		t.Errorf("seed %d: %q is neither a blank nor a question proper", seed, q.Question)
	}
	answer := g.typed(q.Correct())
	if len(answer) == 0 || !nameKinds[q.Kind] {
		return
	}
	if before, _, ok := strings.Cut(q.Question, "_____"); ok && lastWord(before) == "the" && (q.Kind == KindCountry || q.Kind == KindPlace) {
		for _, o := range q.Options {
			for _, f := range g.typed(o) {
				if !g.takesThe(f.key, strings.TrimPrefix(strings.TrimPrefix(f.key, "place:"), "country:")) {
					t.Errorf("seed %d: %q offers “the %s”", seed, q.Question, o)
				}
			}
		}
	}
	if g.anyOfItsSort(answer[0]) || g.fitsByTitle(answer[0]) {
		return
	}
	i := strings.Index(quote, q.Correct())
	if i < 0 {
		return // the answer is written otherwise in the quote; Problems saw to it
	}
	slot := fact{start: i, end: i + len(q.Correct())}
	for k, o := range q.Options {
		if k == q.Answer {
			continue
		}
		for _, f := range g.typed(o) {
			if fit := g.usage.fit(quote, slot, f.key); fit < minFit {
				t.Errorf("seed %d: %q: the distractor %q fits the answer's place by %.2f only", seed, q.Question, o, fit)
			}
		}
	}
}

func TestEveryQuestionFromAnInventedArticleKeepsTheRules(t *testing.T) {
	g := inventedArticle(t)
	if g.Len() == 0 {
		t.Fatal("no question from the invented article")
	}
	asked := 0
	for seed := uint64(1); seed <= 20; seed++ {
		round, err := g.Round(RoundOptions{Count: MaxCount, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range round.Questions {
			asked++
			for _, p := range Problems(q) {
				t.Errorf("seed %d: %q: %s", seed, q.Question, p)
			}
			checkTheRoundRules(t, g, seed, q)
		}
	}
	t.Logf("%d questions checked", asked)
}

func TestRoundsAreTheSameForASeedAndVaryAcrossSeeds(t *testing.T) {
	g := NewGenerator(seedStore(t).Passages(""))
	first, err := g.Round(RoundOptions{Count: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := g.Round(RoundOptions{Count: 5, Seed: 7})
	if !reflect.DeepEqual(first, again) {
		t.Errorf("seed 7 twice gave two rounds:\n%v\n%v", first, again)
	}
	// And a generator made anew from the same passages (another run of
	// lectern quiz --seed 7) gives it again, whatever Go's map order.
	for range 5 {
		anew, _ := NewGenerator(seedStore(t).Passages("")).Round(RoundOptions{Count: 5, Seed: 7})
		if !reflect.DeepEqual(first, anew) {
			t.Fatalf("seed 7 from a new generator gave another round:\n%v\n%v", first, anew)
		}
	}
	differs := 0
	for seed := uint64(8); seed < 18; seed++ {
		other, _ := g.Round(RoundOptions{Count: 5, Seed: seed})
		if !reflect.DeepEqual(first, other) {
			differs++
		}
	}
	if differs != 10 {
		t.Errorf("%d of 10 other seeds gave another round, want all", differs)
	}
}

func TestARoundSpreadsOverTheSourcesAndKeepsToOneWhenAsked(t *testing.T) {
	store := seedStore(t)
	g := NewGenerator(store.Passages(""))
	round, err := g.Round(RoundOptions{Count: 10, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]int{}
	for _, q := range round.Questions {
		sources[q.Citation.Source]++
	}
	if len(round.Questions) != 10 || len(sources) != len(store.Sources()) {
		t.Errorf("10 questions over %d sources: got %d questions from %v", len(store.Sources()), len(round.Questions), sources)
	}
	one := store.Sources()[2].Source
	round, err = g.Round(RoundOptions{Count: 5, Seed: 3, Source: one})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range round.Questions {
		if q.Citation.Source != one {
			t.Errorf("asked for %s, got a question from %s", one, q.Citation.Source)
		}
	}
}

func TestARoundLongerThanTheReadingListAllowsSaysSo(t *testing.T) {
	store := seedStore(t)
	src := store.Sources()[3].Source
	g := NewGenerator(store.Passages(""))
	round, err := g.Round(RoundOptions{Count: MaxCount, Seed: 1, Source: src})
	if err != nil {
		t.Fatal(err)
	}
	if len(round.Questions) >= MaxCount || !strings.Contains(round.Note, "only") {
		t.Errorf("%d questions from one short source, note %q; want fewer than %d and a note saying so", len(round.Questions), round.Note, MaxCount)
	}
	if _, err := NewGenerator(nil).Round(RoundOptions{}); err != ErrNoQuestions {
		t.Errorf("no passages: got %v, want ErrNoQuestions", err)
	}
}

// sampleSeeds is how many seeds (1, 2, …) the quality sample gathers its
// rounds of: on the seeds, 60 give every question 120 do (20 miss one).
const sampleSeeds = 60

// quizSample is every distinct question the generator makes from the
// passages: the questions of rounds of MaxCount, of the whole reading
// list and of each of its sources, for seeds 1 to seeds, in the
// order they first appear, each fact of a sentence once (the first
// question that asks it). Each round keeps its own rules; the sample is
// judged one question at a time, so two of its questions may come from
// one sentence.
func quizSample(t testing.TB, g *Generator, passages []retrieval.Passage, seeds uint64) []Question {
	sources := []string{""}
	for _, p := range passages {
		if !slices.Contains(sources, p.Source) {
			sources = append(sources, p.Source)
		}
	}
	slices.Sort(sources)
	var sample []Question
	seen := map[string]bool{}
	for seed := uint64(1); seed <= seeds; seed++ {
		for _, source := range sources {
			round, err := g.Round(RoundOptions{Count: MaxCount, Seed: seed, Source: source})
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range round.Questions {
				if key := q.Citation.Quote + "\x00" + q.fact; !seen[key] {
					seen[key] = true
					sample = append(sample, q)
				}
			}
		}
	}
	return sample
}

// TestWriteQuizSample writes the sample judged blind (see
// testdata/quiz_rubric.md) when LECTERN_QUIZ_SAMPLE names a file: every
// distinct question of the seeds (see quizSample) as JSON Lines.
func TestWriteQuizSample(t *testing.T) {
	path := os.Getenv("LECTERN_QUIZ_SAMPLE")
	if path == "" {
		t.Skip("set LECTERN_QUIZ_SAMPLE=FILE to write the sample")
	}
	passages := seedStore(t).Passages("")
	sample := quizSample(t, NewGenerator(passages), passages, sampleSeeds)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, q := range sample {
		line, _ := json.Marshal(map[string]any{"id": i + 1, "question": q.Question, "options": q.Options, "answer": q.Answer,
			"kind": q.Kind, "quote": q.Citation.Quote, "source_title": q.Citation.Title})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d questions written to %s", len(sample), path)
}

// TestTheQuizSampleIsDeterministic: gathered twice (of 5 seeds, to be
// quick), the sample is the same questions with the same options, no two
// alike. It held the 40 questions the issue asks to have judged until
// round 7, which asks no question without three fair distractors (no
// sea of China and Vietnam but theirs, no prime minister but prime
// ministers): the seeds gave 35; round 8 asks no year outside the years
// of the people its sentence names, no ordinal of another series, and no
// person dated by the sentence unless three others held the role that
// year: 28 (29 over all sample seeds). A question not asked beats a bad
// one.
func TestTheQuizSampleIsDeterministic(t *testing.T) {
	passages := seedStore(t).Passages("")
	g := NewGenerator(passages)
	first, second := quizSample(t, g, passages, 5), quizSample(t, g, passages, 5)
	if !reflect.DeepEqual(first, second) {
		t.Error("two samples of the same seeds differ")
	}
	if len(first) < 28 {
		t.Errorf("the seeds give %d distinct questions; want 28 at least", len(first))
	}
	seen := map[string]bool{}
	for _, q := range first {
		if seen[q.Question] {
			t.Errorf("%q twice in the sample", q.Question)
		}
		seen[q.Question] = true
	}
}

// TestNoQuestionOfARoundGivesAwayAnother: in rounds of every seed, also
// those kept to one source (where a sentence may be asked for a second
// fact), no question's text holds the answer of another question of its
// round.
func TestNoQuestionOfARoundGivesAwayAnother(t *testing.T) {
	passages := seedStore(t).Passages("")
	g := NewGenerator(passages)
	sources := map[string]bool{"": true}
	for _, p := range passages {
		sources[p.Source] = true
	}
	rounds := 0
	for source := range sources {
		for seed := uint64(1); seed <= 20; seed++ {
			round, err := g.Round(RoundOptions{Count: MaxCount, Seed: seed, Source: source})
			if err != nil {
				t.Fatal(err)
			}
			rounds++
			for i, q := range round.Questions {
				for j, other := range round.Questions {
					if i != j && strings.Contains(strings.ToLower(q.Question), strings.ToLower(other.Correct())) {
						t.Errorf("source %q seed %d: %q gives away the answer %q of %q", source, seed, q.Question, other.Correct(), other.Question)
					}
				}
			}
		}
	}
	if rounds < 100 {
		t.Errorf("%d rounds checked", rounds)
	}
}
