package answer

import (
	"regexp"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// The time order a question asks within: "What post did Vo Van Thuong
// hold before he became president?" asks about the time before an event,
// "What happened to Yu after his visit?" about the time after it. A
// sentence that names the person or the event without placing anything
// before or after it ("President Vo Van Thuong", "Xi sent Yu to visit
// Vietnam in December 2014") is no answer.

// timeOrder is the direction a question's time scope looks in.
type timeOrder int

const (
	orderNone   timeOrder = iota
	orderBefore           // "before he became president", "earlier in his career"
	orderAfter            // "after the visit", "since 2012", "later"
)

// timeScope is a question's time scope: its direction, the asked terms
// of the event it is measured from (names left out: "becom" of "before he
// became president"), and that event's year, if the question gives one.
type timeScope struct {
	order timeOrder
	terms []string
	year  string
}

var (
	// scopeWord opens a time scope: "before he became", "after the 2014
	// standoff", "prior to", "earlier in his career", "arrived later".
	scopeWord = regexp.MustCompile(`(?i)\b(before|after|following|prior\s+to|since|earlier|previously|later|afterwards)\b`)
	// askedScope is a scope word that asks itself, not one that scopes:
	// "After which battle …?", "Since when …?", "since what year".
	askedScope = regexp.MustCompile(`(?i)^\s+(?:which|what|whom|when|how)\b`)
	// scopeEnd ends the event a scope is measured from: "after the 2014
	// standoff to mend relations" → "the 2014 standoff".
	scopeEnd = regexp.MustCompile(`(?i)[,?;:]|\s+(?:and|to|when|while|but|so|or|in\s+order)\s+`)
)

// askedTimeScope reads a question's time scope; order is orderNone when
// it has none, or asks a date or a length ("When did Vietnam win its
// independence after Chinese rule?": the date itself places it).
func askedTimeScope(question string, f focus) timeScope {
	if questionCue(question) == cueWhen || askedMeasure(question) == measureSpan {
		return timeScope{}
	}
	for _, loc := range scopeWord.FindAllStringSubmatchIndex(question, -1) {
		rest := question[loc[1]:]
		if askedScope.MatchString(rest) {
			continue
		}
		s := timeScope{order: orderAfter}
		switch strings.ToLower(question[loc[2]:loc[3]]) {
		case "before", "earlier", "previously":
			s.order = orderBefore
		default:
			if strings.HasPrefix(strings.ToLower(question[loc[2]:loc[3]]), "prior") {
				s.order = orderBefore
			}
		}
		if end := scopeEnd.FindStringIndex(rest); end != nil {
			rest = rest[:end[0]]
		}
		for _, t := range askedTermsWithout(rest, f.nameStems()) {
			if monthStems[t] {
				continue // the event's date is its year's
			}
			if verb, ok := pastOf[t]; ok {
				t = verb // "becam" of "became" is "becom"
			}
			s.terms = append(s.terms, t)
		}
		if y := yearLike.FindString(rest); y != "" {
			s.year = y
		}
		return s
	}
	return timeScope{}
}

// scopeMeasure is how far before or after: "a week", "just days",
// "three months", "shortly", "right".
var scopeMeasure = regexp.MustCompile(`(?i)(?:\b(?:just|only|some|about|nearly|almost)\s+)?(?:\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|many|\d+)\s+(?:days?|weeks?|months?|years?|decades?)|\bdays|\bweeks|\bmonths|\byears|\bshortly|\bright|\bsoon|\blong|\bjust)\s*$`)

// withoutTimeScope is a question without its time scope, the event it is
// measured from and how far ("What did Chinh do a week after the Trong-Xi
// meeting?" → "What did Chinh do?"): the verb it asks about is not the
// scope's.
func withoutTimeScope(question string) string {
	for _, loc := range scopeWord.FindAllStringIndex(question, -1) {
		rest := question[loc[1]:]
		if askedScope.MatchString(rest) {
			continue
		}
		end := len(rest)
		if e := scopeEnd.FindStringIndex(rest); e != nil {
			end = e[0]
		}
		before := question[:loc[0]]
		if m := scopeMeasure.FindStringIndex(before); m != nil {
			before = before[:m[0]]
		}
		return strings.TrimRight(before, " ") + rest[end:]
	}
	return question
}

var (
	// beforeMarker places something before another: "before his visit",
	// "had previously visited", "earlier in 1978", "formerly".
	// "Vietnam shifted from being regarded as …" says what came before;
	// "the former" of "the former invaded Cambodia" is no time.
	beforeMarker = regexp.MustCompile(`(?i)\b(?:before|earlier|previous(?:ly)?|prior|formerly|until|till|ago|no\s+longer|used\s+to|(?:shift|chang|turn|mov|evolv)\w*\s+from)\b|(?:^|[^e]\s+|[^h]e\s+)\bformer\b`)
	// afterMarker places something after another, or makes it a response
	// to it: "following the standoff", "a week after", "later", "since
	// then", "in response", "reaction to the upgrade".
	afterMarker = regexp.MustCompile(`(?i)\b(?:after|afterwards?|later|following|followed|since|then|subsequent(?:ly)?|thereafter|next|in\s+response|reactions?|respon(?:se|ses|ded|ds|d)|result(?:ed|ing)?|consequently|ensuing)\b`)
	// responseMarker makes a sentence a response to what the sentence
	// before it tells of: "… led to its more moderate reaction to the
	// upgrade. Its foreign ministry spokesperson reminded Vietnam …".
	responseMarker = regexp.MustCompile(`(?i)\b(?:in\s+response|reactions?|respon(?:se|ses|ded|ds|d))\b`)
)

// monthStems are the stems of the months' names.
var monthStems = func() map[string]bool {
	m := map[string]bool{}
	for name := range months {
		m[text.Stem(name)] = true
	}
	return m
}()

// marker is the marker of an order, and of the opposite one.
func (o timeOrder) marker() (same, opposite *regexp.Regexp) {
	if o == orderBefore {
		return beforeMarker, afterMarker
	}
	return afterMarker, beforeMarker
}

// yearPlaces reports whether a sentence gives a year on the scope's side
// of its event's year: "in 2015" is before 2017.
func (s timeScope) yearPlaces(sentence string) bool {
	if s.year == "" {
		return false
	}
	for _, y := range yearLike.FindAllString(sentence, -1) {
		if s.order == orderBefore && y < s.year || s.order == orderAfter && y > s.year {
			return true
		}
	}
	return false
}

// placesInScope reports whether sents[i] tells of something on the
// question's side of its event: it has a marker of that order, or a year
// on that side (or, for an after, the sentence just before it tells of a
// reaction, which it may be); or it orders the event itself the other
// way round ("his first foreign trip after suffering a stroke" is what
// came before "travelling abroad again"), holding a word of the event.
func placesInScope(sents []sentence, i int, s timeScope, synonyms retrieval.Synonyms) bool {
	if s.order == orderNone {
		return true
	}
	same, opposite := s.order.marker()
	sentence := withoutReferences(sents[i].text)
	if same.MatchString(sentence) || s.yearPlaces(sentence) || s.order == orderAfter && responseMarker.MatchString(textBefore(sents, i)) {
		return true
	}
	if !opposite.MatchString(sentence) {
		return false
	}
	have := termSet{}
	have.add(sents[i].terms...)
	for _, t := range s.terms {
		if holdsTerm(have, t, synonyms) > 0 {
			return true
		}
	}
	return false
}

// String writes a time scope as its direction, its event's terms and its
// year: "before becom".
func (s timeScope) String() string {
	name := map[timeOrder]string{orderNone: "none", orderBefore: "before", orderAfter: "after"}[s.order]
	out := name
	if len(s.terms) > 0 {
		out += " " + strings.Join(s.terms, " ")
	}
	if s.year != "" {
		out += " " + s.year
	}
	return out
}
