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
	names []nameGroup
	year  string
}

var (
	// scopeWord opens a time scope: "before he became", "after the 2014
	// standoff", "prior to", "earlier in his career", "arrived later".
	scopeWord = regexp.MustCompile(`(?i)\b(before|after|following|prior\s+to|since|earlier|previously|later|afterwards)\b`)
	// askedScope is a scope word that asks itself, not one that scopes:
	// "After which battle …?", "Since when …?", "since what year".
	askedScope = regexp.MustCompile(`(?i)^\s+(?:which|what|whom|when|how)\b`)
	// beforeHearing is "before" in front of those who hear or judge, not
	// a time: "brought its dispute before an international court", "testify
	// before Congress", "appear before the committee"; not "before the
	// court ruled", a clause.
	beforeHearing = regexp.MustCompile(`(?i)^\s+(?:(?:an?|the|its|their|his|her|this|that)\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:courts?|tribunals?|judges?|jur(?:y|ies)|panels?|committees?|commissions?|parliaments?|congress|assembly|assemblies|councils?|senate|legislatures?|audiences?|crowds?|cameras?|arbitrators?|arbitration|the\s+public|the\s+world|the\s+press)(?:\s*[?,.;:]|\s*$|\s+(?:of|in|at|on|to|for|over|about|with|and|or|than|instead|rather)\b)`)
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
		if askedScope.MatchString(rest) || beforeHearing.MatchString(rest) && strings.EqualFold(question[loc[0]:loc[1]], "before") {
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
		for _, g := range readFocus("Ask " + rest).names {
			if len(g.words) == 1 && demonymBase(lowerFolded(g.shown)) != "" {
				continue // "a Chinese coast guard vessel": a people's word names no event
			}
			s.names = append(s.names, g)
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
		if askedScope.MatchString(rest) || beforeHearing.MatchString(rest) && strings.EqualFold(question[loc[0]:loc[1]], "before") {
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
	// beforeAdverb places something before what the text tells of:
	// "had previously visited", "earlier in 1978", "formerly"; "Vietnam
	// shifted from being regarded as …" says what came before; "the
	// former" of "the former invaded Cambodia" is no time.
	beforeAdverb = regexp.MustCompile(`(?i)\b(?:earlier|previous(?:ly)?|formerly|ago|no\s+longer|used\s+to|(?:shift|chang|turn|mov|evolv)\w*\s+from)\b|(?:^|[^e]\s+|[^h]e\s+)\bformer\b`)
	// beforePreposition places something before an event it names:
	// "before his visit", "prior to".
	beforePreposition = regexp.MustCompile(`(?i)\b(?:before|prior\s+to|until|till)\b`)
	// afterAdverb places something after what the text tells of, or
	// makes it a response to it: "later", "since then", "in response",
	// "reaction to the upgrade".
	afterAdverb = regexp.MustCompile(`(?i)\b(?:afterwards?|later|since\s+then|then|subsequent(?:ly)?|thereafter|next|in\s+response|reactions?|respon(?:se|ses|ded|ds|d)|result(?:ed|ing)?|consequently|ensuing|followed)\b`)
	// afterPreposition places something after an event it names: "a
	// week after the Trong-Xi meeting", "following the standoff", "since
	// Xi became general secretary".
	afterPreposition = regexp.MustCompile(`(?i)\b(?:after|following|since)\b`)
	// responseMarker makes a sentence a response to what the sentence
	// before it tells of: "… led to its more moderate reaction to the
	// upgrade. Its foreign ministry spokesperson reminded Vietnam …".
	responseMarker = regexp.MustCompile(`(?i)\b(?:in\s+response|reactions?|respon(?:se|ses|ded|ds|d))\b`)
)

// eventWindow is how many words after "after" or "before" may name the
// event a sentence places something by: "Following the tense standoff
// over the Haiyang Shiyou 981 oil-rig incident" names the oil-rig crisis
// at its ninth word (8 loses that answer; 12 and 15 give the same).
const eventWindow = 12

// monthStems are the stems of the months' names.
var monthStems = func() map[string]bool {
	m := map[string]bool{}
	for name := range months {
		m[text.Stem(name)] = true
	}
	return m
}()

// markers are the adverbs and the prepositions of an order.
func (o timeOrder) markers() (adverb, preposition *regexp.Regexp) {
	if o == orderBefore {
		return beforeAdverb, beforePreposition
	}
	return afterAdverb, afterPreposition
}

// opposite is the other order.
func (o timeOrder) opposite() timeOrder {
	if o == orderBefore {
		return orderAfter
	}
	return orderBefore
}

// holdsMarker reports whether a sentence has a marker of the order: an
// adverb, or a preposition with the scope's event (a word or a name of
// it, or a year on its side) in the words after it, or any event when the
// scope names none ("since the early 2000s").
func (s timeScope) holdsMarker(sentence string, o timeOrder, synonyms retrieval.Synonyms) bool {
	adverb, preposition := o.markers()
	if adverb.MatchString(sentence) {
		return true
	}
	for _, loc := range preposition.FindAllStringIndex(sentence, -1) {
		if len(s.terms) == 0 && len(s.names) == 0 && s.year == "" {
			return true
		}
		after := strings.Fields(sentence[loc[1]:])
		window := strings.Join(after[:min(eventWindow, len(after))], " ")
		if s.namesEvent(window, synonyms) {
			return true
		}
	}
	return false
}

// namesEvent reports whether a text names the scope's event: one of its
// words (as itself, a synonym or a paraphrase), one of its names, or its
// year or one on the scope's side.
func (s timeScope) namesEvent(body string, synonyms retrieval.Synonyms) bool {
	have := termSet{}
	have.add(text.Terms(body)...)
	for _, t := range s.terms {
		if holdsTerm(have, t, synonyms) > 0 {
			return true
		}
	}
	words := readFocusText(body).words
	for _, g := range s.names {
		if g.mentionedIn(words) {
			return true
		}
	}
	return s.year != "" && (strings.Contains(body, s.year) || s.yearPlaces(body))
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
// question's side of its event: it has a marker of that order (an adverb,
// or a preposition before the event: "after his re-election" does not
// place anything after Xi's 2023 visit), or a year on that side (or, for
// an after, the sentence just before it tells of a reaction, which it may
// be); or it orders the event itself the other way round ("his first
// foreign trip after suffering a stroke" is what came before "travelling
// abroad again"), naming it.
func placesInScope(sents []sentence, i int, s timeScope, synonyms retrieval.Synonyms) bool {
	if s.order == orderNone {
		return true
	}
	sentence := withoutReferences(sents[i].text)
	if s.holdsMarker(sentence, s.order, synonyms) || s.yearPlaces(sentence) || s.order == orderAfter && responseMarker.MatchString(textBefore(sents, i)) {
		return true
	}
	// The event itself, by a word or a name: a date in the scope's own
	// year ("November 2017" for "before 2017") is on neither side.
	adverb, preposition := s.order.opposite().markers()
	event := timeScope{terms: s.terms, names: s.names}
	return (adverb.MatchString(sentence) || preposition.MatchString(sentence)) && event.namesEvent(sentence, synonyms)
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
