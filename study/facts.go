package study

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fact is a span of a sentence that a question can ask for.
type fact struct {
	kind Kind
	// class narrows the kind for distractors: "city" or "region" for a
	// place, the head noun for an organisation or agreement ("initiative"),
	// the series an ordinal numbers ("congress", "anniversary"; see
	// ordinalSeries).
	class string
	text  string
	start int // byte offsets in the sentence's plain text
	end   int
	// key is the same for the same fact written differently ("October
	// 30th" and "October 30"; "13" and "thirteen"; "US" and "the United
	// States").
	key string
	// value is the number of a numeric fact.
	value float64
	// words (lower-cased) of a name: two names sharing a word may be the
	// same person ("Xi" and "Xi Jinping").
	words []string
	// style remembers how a numeric fact is written, so that distractors
	// are written alike: "word", "suffix" (a date's "30th"), "percent"
	// ("56.9 percent" rather than "56.9%"), "year" (a date with its year).
	style map[string]bool
	// fromGazetteer is 1 for a place taken from the gazetteer, not from
	// the reading list (a distractor of last resort).
	fromGazetteer int
}

// Patterns of the numeric facts.
var (
	months    = `January|February|March|April|May|June|July|August|September|October|November|December`
	dateMonth = regexp.MustCompile(`\b(` + months + `)\s+([0-9]{1,2})(st|nd|rd|th)?\b(,\s*((?:1[5-9]|20)[0-9]{2})\b)?`)
	monthYear = regexp.MustCompile(`\b(` + months + `)\s+((?:1[5-9]|20)[0-9]{2})\b`)
	yearRe    = regexp.MustCompile(`\b(1[5-9][0-9]{2}|20[0-9]{2})\b`)
	percentRe = regexp.MustCompile(`\b([0-9]+(?:\.[0-9]+)?)\s?(%|percent\b)`)
	amountRe  = regexp.MustCompile(`(?:US)?\$\s?([0-9][0-9,]*(?:\.[0-9]+)?)(\s(?:million|billion|trillion)\b)?`)
	ordinalRe = regexp.MustCompile(`\b([0-9]+(?:st|nd|rd|th)|` + capitalisable("second third fourth fifth sixth seventh eighth ninth tenth fifteenth twentieth") + `)\b`)
	countRe   = regexp.MustCompile(`\b([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|` + capitalisable("three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand") + `)\s+([a-z][a-z-]+)`)
)

// capitalisable writes an alternation of words, each also with a capital
// first letter (a case-insensitive pattern is several times slower).
func capitalisable(words string) string {
	var alts []string
	for _, w := range strings.Fields(words) {
		alts = append(alts, "["+strings.ToUpper(w[:1])+w[:1]+"]"+w[1:])
	}
	return strings.Join(alts, "|")
}

var monthNumber = func() map[string]int {
	m := map[string]int{}
	for i, name := range strings.Split(months, "|") {
		m[name] = i + 1
	}
	return m
}()

var numberWords = map[string]float64{"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000}

var ordinalWords = map[string]float64{"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20}

// notCounted are words after a number that make it no count of things: a
// unit already asked otherwise, or part of a name ("COVID-19").
var notCounted = map[string]bool{"percent": true, "per": true, "million": true, "billion": true, "trillion": true, "years": false, "and": true, "or": true, "to": true, "of": true, "in": true, "the": true}

// numericFacts finds the dates, years, percentages, amounts, ordinals and
// counts of a sentence. Spans never overlap: the first pattern to claim
// a span keeps it.
func numericFacts(s string) []fact {
	var out []fact
	taken := func(start, end int) bool {
		return slices.ContainsFunc(out, func(f fact) bool { return start < f.end && f.start < end })
	}
	add := func(f fact) {
		if !taken(f.start, f.end) {
			out = append(out, f)
		}
	}
	for _, m := range dateMonth.FindAllStringSubmatchIndex(s, -1) {
		month := monthNumber[s[m[2]:m[3]]]
		day, _ := strconv.Atoi(s[m[4]:m[5]])
		if day < 1 || day > 31 {
			continue
		}
		f := fact{kind: KindDate, text: s[m[0]:m[1]], start: m[0], end: m[1], key: "date:" + strconv.Itoa(month) + "-" + strconv.Itoa(day), value: float64(month*100 + day), style: map[string]bool{}}
		if m[6] >= 0 {
			f.style["suffix"] = true
		}
		if m[10] >= 0 {
			f.style["year"] = true
		}
		add(f)
	}
	for _, m := range monthYear.FindAllStringSubmatchIndex(s, -1) {
		month := monthNumber[s[m[2]:m[3]]]
		year, _ := strconv.Atoi(s[m[4]:m[5]])
		add(fact{kind: KindDate, class: "month", text: s[m[0]:m[1]], start: m[0], end: m[1], key: "month:" + strconv.Itoa(year) + "-" + strconv.Itoa(month), value: float64(year*100 + month)})
	}
	for _, m := range percentRe.FindAllStringSubmatchIndex(s, -1) {
		v, _ := strconv.ParseFloat(s[m[2]:m[3]], 64)
		f := fact{kind: KindPercent, text: s[m[0]:m[1]], start: m[0], end: m[1], key: "percent:" + strconv.FormatFloat(v, 'f', -1, 64), value: v, style: map[string]bool{}}
		if s[m[4]:m[5]] == "percent" {
			f.style["percent"] = true
		}
		add(f)
	}
	for _, m := range amountRe.FindAllStringSubmatchIndex(s, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s[m[2]:m[3]], ",", ""), 64)
		if err != nil {
			continue
		}
		if m[4] >= 0 {
			v *= map[string]float64{"million": 1e6, "billion": 1e9, "trillion": 1e12}[strings.TrimSpace(s[m[4]:m[5]])]
		}
		add(fact{kind: KindAmount, text: s[m[0]:m[1]], start: m[0], end: m[1], key: "amount:" + strconv.FormatFloat(v, 'f', -1, 64), value: v})
	}
	for _, m := range yearRe.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && (s[m[0]-1] == '$' || s[m[0]-1] == ',' || s[m[0]-1] == '.') {
			continue
		}
		if m[1] < len(s) && (s[m[1]] == '-' && m[1]+1 < len(s) && isDigit(s[m[1]+1]) || s[m[1]] == ',' && m[1]+1 < len(s) && isDigit(s[m[1]+1])) {
			continue
		}
		v, _ := strconv.Atoi(s[m[2]:m[3]])
		add(fact{kind: KindYear, text: s[m[0]:m[1]], start: m[0], end: m[1], key: "year:" + strconv.Itoa(v), value: float64(v)})
	}
	for _, m := range ordinalRe.FindAllStringSubmatchIndex(s, -1) {
		word := strings.ToLower(s[m[2]:m[3]])
		f := fact{kind: KindOrdinal, text: s[m[0]:m[1]], start: m[0], end: m[1], style: map[string]bool{}}
		if v, ok := ordinalWords[word]; ok {
			f.value = v
			f.style["word"] = true
		} else {
			v, _ := strconv.Atoi(word[:len(word)-2])
			f.value = float64(v)
		}
		f.key = "ordinal:" + strconv.Itoa(int(f.value))
		f.class = ordinalSeries(s, f)
		add(f)
	}
	for _, m := range countRe.FindAllStringSubmatchIndex(s, -1) {
		word := strings.ToLower(s[m[2]:m[3]])
		next := strings.ToLower(s[m[4]:m[5]])
		if notCounted[next] || monthNumber[strings.Title(next)] > 0 {
			continue
		}
		if m[0] > 0 && (s[m[0]-1] == '-' || s[m[0]-1] == '$' || s[m[0]-1] == '.') {
			continue
		}
		if strings.HasPrefix(next, "-") || strings.HasSuffix(strings.TrimSpace(s[:m[0]]), " the") {
			continue
		}
		f := fact{kind: KindNumber, text: s[m[2]:m[3]], start: m[2], end: m[3], style: map[string]bool{}}
		if v, ok := numberWords[word]; ok {
			f.value = v
			f.style["word"] = true
		} else {
			v, err := strconv.ParseFloat(strings.ReplaceAll(word, ",", ""), 64)
			if err != nil || v < 3 || v >= 1500 && v < 2100 && !strings.Contains(word, ",") {
				continue // "two" is everywhere; a bare 1979 is a year
			}
			f.value = v
		}
		f.key = "number:" + strconv.FormatFloat(f.value, 'f', -1, 64)
		add(f)
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// render writes a distractor's value as the answer writes its own: words
// or digits, "%" or "percent", a day's suffix. It returns "" when it
// cannot (a number too large to spell).
func render(d fact, like fact) string {
	switch d.kind {
	case KindNumber:
		if like.style["word"] {
			return spell(d.value)
		}
		if d.style["word"] {
			return formatNumber(d.value)
		}
		return d.text
	case KindOrdinal:
		if like.style["word"] {
			for w, v := range ordinalWords {
				if v == d.value {
					return w
				}
			}
			return ""
		}
		n := int(d.value)
		return strconv.Itoa(n) + ordinalSuffix(n)
	case KindPercent:
		v := strconv.FormatFloat(d.value, 'f', -1, 64)
		if like.style["percent"] {
			return v + " percent"
		}
		return v + "%"
	case KindDate:
		if d.class == "month" || like.class == "month" {
			if d.class != like.class {
				return ""
			}
			return d.text
		}
		month, day := int(d.value)/100, int(d.value)%100
		out := strings.Split(months, "|")[month-1] + " " + strconv.Itoa(day)
		if like.style["suffix"] {
			out += ordinalSuffix(day)
		}
		if like.style["year"] {
			if y := yearRe.FindString(like.text); y != "" {
				out += ", " + y
			}
		}
		return out
	}
	return d.text
}

func ordinalSuffix(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return "th"
	case n%10 == 1:
		return "st"
	case n%10 == 2:
		return "nd"
	case n%10 == 3:
		return "rd"
	}
	return "th"
}

// spell writes a whole number up to a hundred in words, else "".
func spell(v float64) string {
	if v != math.Trunc(v) {
		return ""
	}
	for w, n := range numberWords {
		if n == v {
			return w
		}
	}
	n := int(v)
	if n > 20 && n < 100 {
		tens, units := "", ""
		for w, x := range numberWords {
			if int(x) == n/10*10 {
				tens = w
			}
		}
		for w, x := range map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9} {
			if x == n%10 {
				units = w
			}
		}
		if tens != "" && units != "" {
			return tens + "-" + units
		}
	}
	return ""
}

// formatNumber writes a whole number with thousands separators.
func formatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if len(s) <= 4 || strings.Contains(s, ".") {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// token is a word of a sentence with its byte offsets.
type token struct {
	text       string
	start, end int
}

// tokens splits a sentence into words: runs of letters, digits, and the
// dots and hyphens inside them ("U.S.", "One-China"); an apostrophe ends a
// word ("Vietnam’s" → "Vietnam", "s").
func tokens(s string) []token {
	var out []token
	start := -1
	for i, r := range s {
		inside := unicode.IsLetter(r) || unicode.IsDigit(r)
		if !inside && start >= 0 && (r == '.' || r == '-') {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if r == '.' && unicode.IsUpper(prev) && !unicode.IsLower(next) && singleLetters(s[start:i]) {
				inside = true // U.S., D.C.
			}
			if r == '-' && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
				inside = true
			}
		}
		if inside {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, token{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{s[start:], start, len(s)})
	}
	return out
}

// isCapitalised reports whether a word starts with a capital letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// connectors may join the capitalised words of one name ("Ministry of
// Foreign Affairs", "Belt and Road Initiative").
var connectors = map[string]bool{"of": true, "and": true, "for": true, "the": true}

// nameSpans finds the runs of capitalised words of a sentence, joined by
// connectors, the sentence's first word left out when it is a common word
// written with a capital only because it starts the sentence.
func nameSpans(s string, common func(string) bool) [][]token {
	toks := tokens(s)
	var out [][]token
	for i := 0; i < len(toks); i++ {
		if !isCapitalised(toks[i].text) || isDigit(toks[i].text[0]) {
			continue
		}
		if i == 0 && common(toks[i].text) {
			continue
		}
		j := i + 1
		for j < len(toks) {
			gap := s[toks[j-1].end:toks[j].start]
			if gap != " " && gap != "" {
				break
			}
			if isCapitalised(toks[j].text) {
				j++
				continue
			}
			if connectors[toks[j].text] && j+1 < len(toks) && isCapitalised(toks[j+1].text) && s[toks[j].end:toks[j+1].start] == " " {
				j += 2
				continue
			}
			break
		}
		span := toks[i:j]
		if len(span) > 0 && span[0].text == "The" {
			span = span[1:]
		}
		if len(span) > 0 {
			out = append(out, span)
		}
		i = j - 1
	}
	return out
}

// spanText is the sentence text a run of tokens covers.
func spanText(s string, span []token) string { return s[span[0].start:span[len(span)-1].end] }

// singleLetters reports whether w is capitals each followed by a dot but
// the last ("U.S" of "U.S."), so that the next dot belongs to it too.
func singleLetters(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:]
	}
	for i, r := range w {
		if i%2 == 0 && !unicode.IsUpper(r) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}
