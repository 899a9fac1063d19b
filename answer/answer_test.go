package answer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/retrieval"
)

// checkAnswer checks what every answer promises: a not-found answer is
// exactly NotFoundText with no citations; any other answer's markers are
// [1]..[m], each with its citation, each citation cited, each quote taken
// from the passage it names.
func checkAnswer(t *testing.T, ans Answer, passages []retrieval.Passage) {
	t.Helper()
	if ans.Mode == ModeNotFound {
		// "The reading list doesn't mention Mongolia." names what is missing.
		if ans.Text != NotFoundText && !strings.HasPrefix(ans.Text, notMentionedText("")[:len(notMentionedText(""))-1]) || len(ans.Citations) != 0 {
			t.Errorf("not-found answer is %q with %d citations", ans.Text, len(ans.Citations))
		}
		return
	}
	used := map[int]bool{}
	for _, m := range ParseMarkers(ans.Text) {
		for _, n := range m.Numbers {
			if n < 1 || n > len(ans.Citations) {
				t.Errorf("marker [%d] has no citation in %q", n, ans.Text)
			}
			used[n] = true
		}
	}
	for i, c := range ans.Citations {
		if c.N != i+1 {
			t.Errorf("citation %d is numbered %d", i+1, c.N)
		}
		if !used[c.N] {
			t.Errorf("citation [%d] is never cited in %q", c.N, ans.Text)
		}
		if c.Source == "" || c.Title == "" || c.Quote == "" {
			t.Errorf("citation [%d] lacks source, title or quote: %+v", c.N, c)
		}
		if passages != nil && !quotedFrom(c, passages) {
			t.Errorf("citation [%d] quotes %q, which is in no passage of %s", c.N, c.Quote, c.Source)
		}
	}
	if len(ans.Citations) == 0 {
		t.Errorf("answer %q cites nothing", ans.Text)
	}
}

// quotedFrom reports whether every sentence of c's quote is in one of the
// passages of c's source.
func quotedFrom(c Citation, passages []retrieval.Passage) bool {
	for _, p := range passages {
		if p.Source != c.Source {
			continue
		}
		text := strings.Join(strings.Fields(p.Text), " ")
		ok := true
		for _, part := range strings.Split(strings.TrimSuffix(c.Quote, "…"), " … ") {
			if !strings.Contains(text, strings.TrimSpace(part)) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func TestExtractiveAnswersQuestionsAboutTheReadingList(t *testing.T) {
	s := newSeedSearcher(t)
	a := New(s, Config{})
	tests := []struct {
		question string
		want     []string // the answer contains one of these
	}{
		{"What are the Three Nos?", []string{"no military alliance with any foreign power"}},
		{"Who wrote the article on party-to-party ties?", []string{"Lye Liang Fook"}},
		{"When did Xi visit Hanoi?", []string{"December 12, 2023"}},
		{"What did Trong receive from Xi?", []string{"Friendship Medal"}},
		{"What percentage of Vietnamese chose the United States?", []string{"56.9 percent chose the United States", "73.6 percent of Vietnamese chose the United States"}},
		{"How many agreements did China and Vietnam sign during Xi's visit?", []string{"36 agreements"}},
		{"What security assistance did the United States give Vietnam?", []string{"$60 million in security assistance"}},
		{"Why did China and Vietnam fight a war in 1979?", []string{"border war"}},
		{"What do the CCP and CPV fear?", []string{"colour revolutions"}},
		{"What is the Digital Silk Road?", []string{"Digital Silk Road"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(context.Background(), Request{Question: tt.question}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeExtractive {
				t.Fatalf("mode %s, want extractive: %q", ans.Mode, ans.Text)
			}
			if !containsAny(ans.Text, tt.want) {
				t.Errorf("answer lacks any of %q:\n%s", tt.want, ans.Text)
			}
			checkAnswer(t, ans, s.allPassages())
			if n := len(ParseMarkers(ans.Text)); n < 1 || n > maxExtractSentences {
				t.Errorf("answer quotes %d sentences, want 1..%d", n, maxExtractSentences)
			}
		})
	}
}

func containsAny(text string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// notFoundQuestions are about things the reading list does not cover.
var notFoundQuestions = []string{
	"Who won the 2018 FIFA World Cup?",
	"What is the capital of France?",
	"How do I bake sourdough bread?",
	"Who is the president of Brazil?",
	"What is the boiling point of water?",
	"How do I install Python on Windows?",
	"What is the weather in Hanoi today?",
	"Who painted the Mona Lisa?",
	"What did Xi say about football?",
	"How tall is Mount Everest?",
	"What is the GDP of Germany?",
	"Explain quantum computing",
	"When did the Berlin Wall fall?",
}

func TestQuestionsOutsideTheReadingListAreNotFound(t *testing.T) {
	a := New(newSeedSearcher(t), Config{})
	for _, q := range notFoundQuestions {
		t.Run(q, func(t *testing.T) {
			ans, err := a.Ask(context.Background(), Request{Question: q}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeNotFound {
				t.Errorf("mode %s, want not_found: %q", ans.Mode, ans.Text)
			}
			checkAnswer(t, ans, nil)
		})
	}
}

// TestNotFoundRule documents the measurements behind the rule: over the
// passages retrieved for each question, the share of its content terms
// found in no passage, and the largest share one sentence holds.
func TestNotFoundRule(t *testing.T) {
	s := newSeedSearcher(t)
	a := New(s, Config{})
	answered := []string{
		"What are the Three Nos?", "Who wrote the article on party-to-party ties?", "When did Xi visit Hanoi?",
		"What did Trong receive from Xi?", "What percentage of Vietnamese chose the United States?",
		"How many agreements did China and Vietnam sign during Xi's visit?", "Why did China and Vietnam fight a war in 1979?",
		"What is the Digital Silk Road?", "What security assistance did the United States give Vietnam?",
		"What happened in 2014 with the oil rig?", "What is the Comprehensive Strategic Cooperative Partnership?",
		"Who is Lye Liang Fook?", "What do the CCP and CPV fear?", "What is the South China Sea dispute about?",
		"Where did Trong meet Xi?", "How does Vietnam hedge against China?", "What is RCEP?",
	}
	measure := func(q string) relevanceReport {
		ps, err := s.Search(context.Background(), q, config.Default().Retrieval.TopK)
		if err != nil {
			t.Fatal(err)
		}
		return relevance(q, ps, a.candidates(ps, questionCue(q) == cueAuthor))
	}
	for _, q := range answered {
		if r := measure(q); !r.answerable() {
			t.Errorf("%q: missing %v (%.2f covered), best sentence %.2f: should be answered", q, r.missing, r.coverage, r.bestSentence)
		}
	}
	for _, q := range notFoundQuestions {
		if r := measure(q); r.answerable() {
			t.Errorf("%q: missing %v (%.2f covered), best sentence %.2f: should not be found", q, r.missing, r.coverage, r.bestSentence)
		}
	}
}

func TestFollowUpSearchesWithThePreviousQuestion(t *testing.T) {
	tests := []struct {
		question string
		history  []Turn
		want     string
	}{
		{"What are the Three Nos?", nil, "What are the Three Nos?"},
		{"and who wrote it?", []Turn{{Question: "What are the Three Nos?"}}, "and who wrote it? What are the Three Nos?"},
		{"What about the second one?", []Turn{{Question: "Which agreements were signed?"}}, "What about the second one? Which agreements were signed?"},
		{"When did Xi visit Hanoi?", []Turn{{Question: "What are the Three Nos?"}}, "When did Xi visit Hanoi?"},
		{"Why?", []Turn{{Question: "Who won?"}, {Question: "Did Vietnam invade Cambodia?"}}, "Why? Did Vietnam invade Cambodia?"},
	}
	for _, tt := range tests {
		if got := searchQuery(tt.question, tt.history); got != tt.want {
			t.Errorf("searchQuery(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}

	s := newSeedSearcher(t)
	a := New(s, Config{})
	ans, err := a.Ask(context.Background(), Request{
		Question: "and who wrote it?",
		History:  []Turn{{Question: "What are the Three Nos?", Answer: "No military alliance … [1]."}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.queries[len(s.queries)-1]; !strings.Contains(got, "Three Nos") {
		t.Errorf("searched %q, want the previous question in it", got)
	}
	checkAnswer(t, ans, s.allPassages())
	if !strings.Contains(ans.Text, "Heydarian") {
		t.Errorf("answer %q does not name the author of the Three Nos article", ans.Text)
	}
}

func TestAskErrors(t *testing.T) {
	a := New(newSeedSearcher(t), Config{})
	if _, err := a.Ask(context.Background(), Request{Question: "  ?! "}, nil); !errors.Is(err, ErrEmptyQuestion) {
		t.Errorf("empty question: err = %v, want ErrEmptyQuestion", err)
	}
	broken := New(searcherFunc(func(context.Context, string, int) ([]retrieval.Passage, error) {
		return nil, retrieval.ErrNoIndex
	}), Config{})
	_, err := broken.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
	if !errors.Is(err, retrieval.ErrNoIndex) {
		t.Errorf("err = %v, want it to wrap retrieval.ErrNoIndex", err)
	}
	nothing := New(searcherFunc(func(context.Context, string, int) ([]retrieval.Passage, error) { return nil, nil }), Config{})
	ans, err := nothing.Ask(context.Background(), Request{Question: "What are the Three Nos?"}, nil)
	if err != nil || ans.Mode != ModeNotFound {
		t.Errorf("an empty index: %+v, %v; want not found", ans, err)
	}
}

// searcherFunc is a Searcher made of a function.
type searcherFunc func(ctx context.Context, query string, k int) ([]retrieval.Passage, error)

func (f searcherFunc) Search(ctx context.Context, query string, k int) ([]retrieval.Passage, error) {
	return f(ctx, query, k)
}

func TestWithMarker(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"A sentence.", "A sentence [1]."},
		{"A heading", "A heading [1]"},
		{"Was it?", "Was it? [1]"},
		{"He said “yes.”", "He said “yes.” [1]"},
		{"Wait...", "Wait... [1]"},
	} {
		if got := withMarker(tt.in, 1); got != tt.want {
			t.Errorf("withMarker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitMissedBreaks(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Every year since 2018. Meanwhile, the U.S. sent ships.", []string{"Every year since 2018.", "Meanwhile, the U.S. sent ships."}},
		{"Mr. Trong met U.S. President Biden on Dec. 12 in Washington D.C. Today.", []string{"Mr. Trong met U.S. President Biden on Dec. 12 in Washington D.C. Today."}},
		{"Why? Because.", []string{"Why? Because."}},
		{"It rose 56.9 percent. Then it fell!", []string{"It rose 56.9 percent.", "Then it fell!"}},
	} {
		if got := splitMissedBreaks(tt.in); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("splitMissedBreaks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAskIsSafeForConcurrentUse(t *testing.T) {
	a := New(newSeedSearcher(t), Config{})
	questions := []string{"What are the Three Nos?", "When did Xi visit Hanoi?", "What is the capital of France?", "What did Trong receive from Xi?"}
	want := make([]Answer, len(questions))
	for i, q := range questions {
		var err error
		if want[i], err = a.Ask(context.Background(), Request{Question: q}, nil); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for n := range 16 {
		wg.Go(func() {
			i := n % len(questions)
			got, err := a.Ask(context.Background(), Request{Question: questions[i]}, nil)
			if err != nil || got.Text != want[i].Text {
				t.Errorf("concurrent %q: %q, %v; alone: %q", questions[i], got.Text, err, want[i].Text)
			}
		})
	}
	wg.Wait()
}

func BenchmarkExtractiveAsk(b *testing.B) {
	a := New(newSeedSearcher(b), Config{})
	for b.Loop() {
		if _, err := a.Ask(context.Background(), Request{Question: "What did Trong receive from Xi?"}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
