package answer

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// Extractive answers: the best sentences of the retrieved passages, quoted
// with their markers.
const (
	maxExtractSentences = 3
	maxExtractChars     = 900
	// A further sentence joins the answer only when it scores at least
	// this share of the best one.
	minShareOfBest = 0.8
	// Two sentences sharing this share of their terms say the same thing.
	nearDuplicate = 0.6
)

// sentence is one sentence of a retrieved passage, a candidate for an
// extractive answer or a quote.
type sentence struct {
	passage int // index of the passage, best first
	pos     int // index of the sentence in its passage
	text    string
	terms   []string
	words   int
	score   float64
}

// splitSentences cuts text into sentences, white space collapsed: a
// paragraph break always ends a sentence, even one with no full stop (a
// heading), then text.SentenceSpans and splitMissedBreaks cut the
// paragraphs.
func splitSentences(passage string) []string {
	var out []string
	for para := range strings.SplitSeq(passage, "\n\n") {
		start := len(out)
		for _, sp := range text.SentenceSpans(para) {
			for _, part := range splitMissedBreaks(para[sp.Start:sp.End]) {
				if s := strings.Join(strings.Fields(part), " "); s != "" {
					if len(out) > start && endsWithTitleAbbreviation(out[len(out)-1]) {
						out[len(out)-1] += " " + s // "“‘Mr." | "Trong Goes to Beijing’ …"
						continue
					}
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// titleAbbreviations end no sentence: a name follows them.
var titleAbbreviations = []string{"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Sen.", "Rep.", "St.", "Mt.", "Sgt.", "Col.", "Lt.", "Gov."}

// endsWithTitleAbbreviation reports whether a sentence ends with "Mr." or
// the like, written after quotes or brackets ("“‘Mr."), which the
// tokenizer does not always know.
func endsWithTitleAbbreviation(s string) bool {
	last := s[strings.LastIndexByte(s, ' ')+1:]
	last = strings.TrimLeft(last, "“‘\"'([")
	for _, a := range titleAbbreviations {
		if last == a {
			return true
		}
	}
	return false
}

// splitMissedBreaks cuts a sentence where the sentence model missed a
// break (see text.MissedBreaks).
func splitMissedBreaks(s string) []string {
	var out []string
	for _, sp := range text.MissedBreaks(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

// candidates splits the passages into sentences. Unless keepTitles, a
// sentence's terms leave out the title of its document: a heading or a
// byline that repeats the title ("… as Xi visits Hanoi") names the article,
// it does not state the fact.
func (a *Answerer) candidates(passages []retrieval.Passage, keepTitles bool) []sentence {
	var out []sentence
	for i, p := range passages {
		for j, s := range splitSentences(p.Text) {
			scored := s
			if !keepTitles {
				for _, title := range []string{p.Title, p.Info.Title} {
					if title != "" {
						scored = strings.ReplaceAll(scored, title, " ")
					}
				}
			}
			out = append(out, sentence{passage: i, pos: j, text: s, terms: text.Terms(scored), words: len(text.Words(s))})
		}
	}
	return out
}

// query is what sentences are scored against: the weight of each term.
type query map[string]float64

// Weights of the terms of a query.
const (
	weightTerm    = 1.0
	weightName    = 2.0 // a name in the question ("Trong", "Xi") is what it is about
	weightContext = 0.5 // a term of the previous question, for a follow-up
	// A sentence with only a paraphrase of a term ("arrived" for "visit")
	// gets this share of the term's weight.
	paraphraseCredit = 0.5
)

// newQuery weighs the content terms of a question: names (words written
// with a capital letter, after the first word) count double; context terms
// (the previous question of a follow-up) half.
func newQuery(question, context string) query {
	q := query{}
	for _, t := range text.Terms(context) {
		q[t] = weightContext
	}
	for _, t := range retrieval.QuestionTerms(question) {
		q[t] = weightTerm
	}
	for i, w := range strings.FieldsFunc(question, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if r, _ := utf8.DecodeRuneInString(w); i > 0 && unicode.IsUpper(r) {
			for _, t := range text.Terms(w) {
				q[t] = weightName
			}
		}
	}
	return q
}

// paraphrases lists, for the verbs questions ask with, the stems of words
// the reading list states the same fact with.
var paraphrases = map[string][]string{
	"visit":  {"arriv", "trip", "travel"},
	"receiv": {"award", "present", "given", "got", "provid"}, // "provided Vietnam with over $60 million"
	"give":   {"provid", "award", "present", "offer"},
	"gave":   {"provid", "award", "present", "offer"},
	"meet":   {"met", "talk"},
	"met":    {"meet", "talk"},
	"member": {"join"},
	"becom":  {"join", "appoint", "elect", "name", "sworn"},
	"kill":   {"live", "death", "dead"},
	"die":    {"live", "death", "dead"},
}

// credit is how much of term t a sentence with these terms carries: 1 for
// the term or its irregular past, paraphraseCredit for a paraphrase of
// it, else 0.
func credit(have termSet, t string) float64 {
	if have.has(t) || slices.ContainsFunc(pastForms[t], have.has) {
		return 1 // "became" for "become"
	}
	for _, p := range paraphrases[t] {
		if _, ok := have[p]; ok {
			return paraphraseCredit
		}
	}
	return 0
}

// scoreSentences scores each sentence against the query: the weighted,
// IDF-weighted share of the query's terms it contains, IDF taken across the
// candidate sentences, plus a bonus for the passage's rank; then, for a
// question that asks for a kind of fact (a date, a number, an author), a
// bonus for a sentence that shows one and a penalty for one that does not;
// times a penalty for very short and very long sentences.
func scoreSentences(sents []sentence, q query, passages int, cue cue) {
	df := map[string]int{}
	for _, s := range sents {
		seen := map[string]bool{}
		for _, t := range s.terms {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	n := float64(len(sents))
	idf := func(t string) float64 { return math.Log(1 + n/float64(1+df[t])) }
	// The terms in one order: a float sum taken in map order differs in
	// its last bits from call to call, and would break ties between
	// sentences differently each time.
	terms := slices.Sorted(maps.Keys(q))
	var total float64
	for _, t := range terms {
		total += q[t] * idf(t)
	}
	for i := range sents {
		s := &sents[i]
		have := termSet{}
		have.add(s.terms...)
		var got float64
		for _, t := range terms {
			got += credit(have, t) * q[t] * idf(t)
		}
		if got == 0 || total == 0 {
			s.score = 0
			continue
		}
		score := got / total
		score += 0.15 * float64(passages-s.passage) / float64(passages)
		if cue != cueNone {
			if cue.matches(s.text) {
				score += 0.15
			} else {
				score *= 0.5
			}
		}
		s.score = score * lengthFactor(s.words)
	}
}

// lengthFactor penalises fragments (headings, captions) and run-ons.
func lengthFactor(words int) float64 {
	switch {
	case words < 4:
		return 0.2
	case words < 8:
		return 0.6
	case words > 80:
		return 0.6
	case words > 55:
		return 0.85
	}
	return 1
}

// cue is the kind of fact a question asks for, which a sentence that
// answers it usually shows.
type cue int

const (
	cueNone   cue = iota
	cueWhen       // a date
	cueNumber     // a number
	cueAuthor     // a byline
)

var (
	dateLike   = regexp.MustCompile(`\b(1[0-9]|20)[0-9]{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b`)
	numberLike = regexp.MustCompile(`[0-9]`)
	bylineLike = regexp.MustCompile(`\b(by|[Aa]uthors?|[Ww]ritten)\s+\p{Lu}`)
)

// questionCue reads what kind of fact a question asks for.
func questionCue(question string) cue {
	words := text.Words(question)
	for i, w := range words {
		switch {
		case w == "when" && asksWhen(question), w == "year" || w == "date":
			return cueWhen
		case w == "percentage" || w == "percent" || w == "many" && i > 0 && words[i-1] == "how" || w == "much" && i > 0 && words[i-1] == "how":
			return cueNumber
		case text.IsAuthorshipWord(w):
			return cueAuthor
		}
	}
	return cueNone
}

// whenOpens is a question that opens with "when", which asks when;
// elsewhere "when" says when something else happened: "Who greeted Xi
// when he landed?".
var whenOpens = regexp.MustCompile(`(?i)^\W*when\b`)

// asksWhen reports whether a question with "when" asks when.
func asksWhen(question string) bool { return whenOpens.MatchString(question) }

func (c cue) matches(text string) bool {
	switch c {
	case cueWhen:
		return dateLike.MatchString(text)
	case cueNumber:
		return numberLike.MatchString(text)
	case cueAuthor:
		return bylineLike.MatchString(text)
	}
	return false
}

// pickSentences chooses the sentences of an extractive answer: the best,
// then up to two more that score nearly as well, are no near-duplicate of
// one chosen, and add something: another passage, or a question term not
// yet covered.
func pickSentences(sents []sentence, q query) []sentence {
	ranked := slices.Clone(sents)
	slices.SortStableFunc(ranked, func(x, y sentence) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		}
		return 0
	})
	if len(ranked) == 0 || ranked[0].score <= 0 {
		return nil
	}
	picked := []sentence{ranked[0]}
	chars := len(ranked[0].text)
	for _, s := range ranked[1:] {
		if len(picked) == maxExtractSentences {
			break
		}
		if s.score < minShareOfBest*ranked[0].score || chars+len(s.text) > maxExtractChars {
			continue
		}
		if slices.ContainsFunc(picked, func(p sentence) bool { return overlap(p.terms, s.terms) >= nearDuplicate }) {
			continue
		}
		newPassage := !slices.ContainsFunc(picked, func(p sentence) bool { return p.passage == s.passage })
		if !newPassage && !coversNew(s, picked, q) {
			continue
		}
		picked = append(picked, s)
		chars += len(s.text)
	}
	return picked
}

// overlap is the share of the smaller sentence's distinct terms that the
// other one has too.
func overlap(a, b []string) float64 {
	as, bs := termSet{}, termSet{}
	as.add(a...)
	bs.add(b...)
	if len(as) == 0 || len(bs) == 0 {
		return 0
	}
	small, large := as, bs
	if len(bs) < len(as) {
		small, large = bs, as
	}
	shared := 0
	for t := range small {
		if _, ok := large[t]; ok {
			shared++
		}
	}
	return float64(shared) / float64(len(small))
}

// coversNew reports whether s has a question term no picked sentence has.
func coversNew(s sentence, picked []sentence, q query) bool {
	have := termSet{}
	for _, p := range picked {
		have.add(p.terms...)
	}
	mine := termSet{}
	mine.add(s.terms...)
	for t := range q {
		if mine.has(t) && !have.has(t) {
			return true
		}
	}
	return false
}

// extract makes an extractive answer: the best sentences of the passages,
// each followed by the marker of its passage, passages numbered in order
// of first citation.
func (a *Answerer) extract(question, query string, passages []retrieval.Passage, sents []sentence) Answer {
	q := newQuery(question, strings.TrimPrefix(query, question))
	scoreSentences(sents, q, len(passages), questionCue(question))
	keepAnswering(sents, passages, question, a.synonyms(), func(s sentence, rule string) {
		a.log.Debug("no answer to the question", "rule", rule, "sentence", s.text)
	})
	picked := pickSentences(sents, q)
	if predicate := askedPredicate(question); predicate != "" && asksWhy.MatchString(question) {
		synonyms := withVerbKinds(a.synonyms(), append(questionVerbs(question), predicate)...)
		picked = withReasonsAfter(picked, sents, predicate, synonyms)
	}
	if len(picked) == 0 {
		a.log.Debug("no sentence left that answers the question")
		return notFound()
	}
	if questionCue(question) == cueAuthor {
		if ans, ok := bylineAnswer(picked[0], passages[picked[0].passage]); ok {
			return ans
		}
	}
	number := map[int]int{} // passage index → citation number
	var citations []Citation
	quotes := map[int][]sentence{}
	var b strings.Builder
	for _, s := range picked {
		n, ok := number[s.passage]
		if !ok {
			n = len(citations) + 1
			number[s.passage] = n
			citations = append(citations, citationFor(n, passages[s.passage]))
		}
		quotes[n] = append(quotes[n], s)
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(withMarker(s.text, n))
	}
	for i := range citations {
		citations[i].Quote = joinQuote(quotes[i+1])
	}
	body := b.String()
	if asksYesNo(question) && !orWord.MatchString(question) { // "A or B?" asks which
		// A yes/no question is told which, when its best sentence says so
		// plainly: "No: … without committing to taking part in it [1]."
		if verdict := yesNoVerdict(question, picked[0].text, a.synonyms()); verdict != "" {
			body = verdict + ": " + body
		}
	}
	return Answer{Text: body, Mode: ModeExtractive, Citations: citations}
}

// bylineAnswer answers a question about who wrote something from the
// manifest of the document whose sentence answers the rest of the question
// best ("and who wrote it?" after "What are the Three Nos?"), when that
// sentence does not name its authors itself.
func bylineAnswer(best sentence, p retrieval.Passage) (Answer, bool) {
	authors := p.Info.Authors
	if len(authors) == 0 || strings.Contains(best.text, authors[0]) {
		return Answer{}, false
	}
	c := citationFor(1, p)
	c.Quote = best.text
	byline := "“" + c.Title + "” is by " + text.JoinNames(authors)
	if c.Publisher != "" {
		byline += " (" + c.Publisher + ")"
	}
	return Answer{Text: byline + " [1].", Mode: ModeExtractive, Citations: []Citation{c}}, true
}

// withMarker puts [n] at the end of a sentence, before its full stop.
func withMarker(text string, n int) string {
	marker := "[" + strconv.Itoa(n) + "]"
	trimmed := strings.TrimRightFunc(text, unicode.IsSpace)
	if endsWithAbbreviation(trimmed) {
		return trimmed + " " + marker // "the U.S. [1]", not "the U.S [1]."
	}
	if strings.HasSuffix(trimmed, ".") && !strings.HasSuffix(trimmed, "..") {
		return strings.TrimSuffix(trimmed, ".") + " " + marker + "."
	}
	return trimmed + " " + marker
}

// abbreviationEnd is an abbreviation with inner full stops at the end of a
// sentence: "U.S.", "D.C.", "a.m.".
var abbreviationEnd = regexp.MustCompile(`(?:^|[\s(“‘"'])(?:\p{L}\.){2,}$`)

// endsWithAbbreviation reports whether a sentence ends with an
// abbreviation whose full stop is its own ("U.S.", "Mr.").
func endsWithAbbreviation(s string) bool {
	return abbreviationEnd.MatchString(s) || endsWithTitleAbbreviation(s)
}

// joinQuote writes the sentences quoted from one passage in text order,
// "…" between sentences that are not adjacent.
func joinQuote(sents []sentence) string {
	sents = slices.Clone(sents)
	slices.SortFunc(sents, func(x, y sentence) int { return x.pos - y.pos })
	var b strings.Builder
	for i, s := range sents {
		if i > 0 {
			if s.pos == sents[i-1].pos+1 {
				b.WriteString(" ")
			} else {
				b.WriteString(" … ")
			}
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// citationFor makes the citation of a passage, without its quote.
func citationFor(n int, p retrieval.Passage) Citation {
	c := Citation{N: n, Source: p.Source, Title: p.Title, Authors: p.Info.Authors, Publisher: p.Info.Publisher}
	if c.Source == "" {
		c.Source = p.Info.Source
	}
	if c.Title == "" {
		c.Title = p.Info.Title
	}
	return c
}
