package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// A question's time scope is a year, or a month and a year: "What
// agreements were signed during Trong's January 2017 visit?". A sentence
// is placed in it only by what its passage says: a sentence of the passage
// (the answer's own or another) that writes the year, and the month when
// the question gives one, and tells of something the question asks about;
// or a reference to that year's news ("(CGTN, 2022)"); or, for a passage
// that writes no year, its document's date. A passage on the October 2022
// visit whose only 2017 is "one of the world's fastest growing countries
// since 2017" does not place "The visit concluded with … 13 new documents
// … were signed" in January 2017.

// askedDate is a date of a question: a year, and the month written before it
// ("" when none).
type askedDate struct{ month, year string }

// askedDatePattern is a year of a question with the month (and day) before
// it: "January 2017", "Dec. 12, 2023", "2014".
var askedDatePattern = regexp.MustCompile(`(?i)\b(?:(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?(1[0-9]{3}|20[0-9]{2})\b`)

// askedDates reads the dates of a question; a decade ("the 1990s") is none.
func askedDates(question string) []askedDate {
	var out []askedDate
	for _, m := range askedDatePattern.FindAllStringSubmatchIndex(question, -1) {
		if strings.HasPrefix(question[m[1]:], "s") {
			continue
		}
		d := askedDate{year: question[m[4]:m[5]]}
		if m[2] >= 0 {
			d.month = months[strings.ToLower(question[m[2]:m[3]])]
		}
		out = append(out, d)
	}
	return out
}

// writtenIn reports whether a text writes the date's year (in figures;
// "the 1990s" is a decade).
func (d askedDate) writtenIn(s string) bool {
	return slices.ContainsFunc(yearInText.FindAllStringSubmatch(s, -1), func(m []string) bool { return m[1] == d.year })
}

// monthIn reports whether a text writes the date's month, in full or cut
// short ("Oct.").
func (d askedDate) monthIn(s string) bool {
	return slices.ContainsFunc(text.Words(s), func(w string) bool { return months[w] == d.month })
}

// isoDate is a document's date as the manifest writes it: "2023-12",
// "2023-12-12", "2023".
var isoDate = regexp.MustCompile(`^\s*(\d{4})(?:-(\d{1,2}))?`)

// monthNames are the months in order.
var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// datesDocument reports whether a document's date (ISO, or written out)
// is in the date: its year, and its month when the date has one.
func (d askedDate) datesDocument(date string) bool {
	m := isoDate.FindStringSubmatch(date)
	if m == nil {
		return d.writtenIn(date) && (d.month == "" || d.monthIn(date))
	}
	if m[1] != d.year {
		return false
	}
	if d.month == "" {
		return true
	}
	n, err := strconv.Atoi(m[2])
	return err == nil && n >= 1 && n <= 12 && monthNames[n-1] == d.month
}

// placesInAskedDate reports whether sents[i] is placed in each date the
// question asks about. A passage that writes no year is placed by its
// document's date. Otherwise the year is placed by a sentence of the
// passage (or of the passages just before it, before), the answer's own
// or another, that writes it and tells of something the question asks
// (one of asked: the question's terms without its dates), or by a
// reference to a work of that year; and the month, when the question gives
// one, by a sentence of the passage that writes it and tells of something
// asked ("From October 30th to November 2nd, … Trong … visit Beijing"
// places "Trong's Oct–Nov 2022 visit").
func placesInAskedDate(sents []sentence, i int, dates []askedDate, asked []string, before []int, passage retrieval.Passage, synonyms retrieval.Synonyms) bool {
	tells := func(writes func(string) bool) bool {
		return slices.ContainsFunc(sents, func(s sentence) bool {
			if s.passage != sents[i].passage && !slices.Contains(before, s.passage) {
				return false
			}
			plain := withoutReferences(s.text)
			return writes(plain) && tellsOfAsked(plain, asked, synonyms)
		})
	}
	for _, d := range dates {
		if !givesYear(passage.Text) && d.datesDocument(passage.Info.Date) {
			continue
		}
		cited := slices.ContainsFunc(reference.FindAllString(passage.Text, -1), func(r string) bool { return strings.Contains(r, d.year) })
		if !cited && !tells(d.writtenIn) || d.month != "" && !tells(d.monthIn) {
			return false
		}
	}
	return true
}

// tellsOfAsked reports whether a text holds one of the asked terms, or a
// synonym of one.
func tellsOfAsked(clause string, asked []string, synonyms retrieval.Synonyms) bool {
	have := termSet{}
	have.add(text.Terms(clause)...)
	return slices.ContainsFunc(asked, func(t string) bool { return holdsTerm(have, t, synonyms) > 0 })
}

// dateScopeTerms are the terms of a question but its dates, its numbers
// and its question words: what a sentence that dates the answer must tell
// of. Names stay: "during Trong's January 2017 visit" is dated by a clause
// on Trong.
func dateScopeTerms(question string) []string {
	var out []string
	for _, t := range distinct(retrieval.QuestionTerms(question)) {
		if isDigits(t) || monthStems[t] || months[t] != "" || kindWords[t] {
			continue
		}
		out = append(out, t)
	}
	return out
}

// A question's time adjunct ("during Trong's April 2015 visit", "when a
// Chinese coast guard vessel sank a Vietnamese fishing ship in 2020") says
// when what it asks about happened; a sentence that holds only what the
// adjunct says (the visit, the sinking) and nothing of what is asked (what
// they agreed, how the prime minister responded) does not answer it.

// adjunctOfTime is a question's time adjunct, to the end of its clause; a
// "when" that opens the question asks when, and is none.
var adjunctOfTime = regexp.MustCompile(`(?i)\b(?:during|since|while|following|when)\b[^,?;]*`)

// asksWhenAfter is a "when" that asks when, after an opening: "After the
// 1979 war, when did …?".
var asksWhenAfter = regexp.MustCompile(`(?i)^when\s+(?:did|do|does|was|were|is|are|has|have|had|will|would|could)\b`)

// mainClauseTerms are the asked terms of a question outside its time
// adjunct, names left out, or nil when it has no adjunct. Verbs that say
// what someone said, and broad ones, are left out too: a sentence says it
// in its own words ("Xi emphasized …" for "What did Xi say …?", "looked to
// China as a model" for "How did Vietnam see China …?").
func mainClauseTerms(question string, f focus) []string {
	q := strings.TrimSpace(question)
	loc := adjunctOfTime.FindStringIndex(q)
	if loc == nil || whenOpens.MatchString(q[:loc[1]]) && loc[0] == strings.IndexFunc(q, isLetter) || asksWhenAfter.MatchString(q[loc[0]:]) {
		return nil
	}
	var out []string
	for _, t := range askedTermsWithout(q[:loc[0]]+" "+q[loc[1]:], f.nameStems()) {
		if !speechVerbs[t] && !broadVerbs[t] {
			out = append(out, t)
		}
	}
	return out
}

// isLetter reports whether r is a letter.
func isLetter(r rune) bool { return unicode.IsLetter(r) }

// holdsMainClause reports whether a sentence holds one of the terms of
// the question's main clause itself (or a synonym of one): not only its
// time adjunct.
func holdsMainClause(s sentence, terms []string, synonyms retrieval.Synonyms) bool {
	have := termSet{}
	have.add(s.terms...)
	return slices.ContainsFunc(terms, func(t string) bool { return holdsTerm(have, t, synonyms) > 0 })
}

// Two documents may report one event, only one of them with its year:
// "Between October 30 and November 2, … Trong visited … Xi Jinping in
// Beijing" (no year) and "From October 30th to November 2nd, … Trong, was
// the first state official to visit Beijing … (Vietnam, 2022)". The same
// days of the same months, written in both, are the same event's: the
// year one gives dates the other.

// dayWithMonth is a day written with its month: "October 30", "October
// 30th", "30 October".
var dayWithMonth = regexp.MustCompile(`(?i)\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b`)

// daysOf are the days a text writes, as "october 30".
func daysOf(s string) []string {
	var out []string
	for _, m := range dayWithMonth.FindAllStringSubmatch(s, -1) {
		month, day := m[1], m[2]
		if month == "" {
			month, day = m[4], m[3]
		}
		if d := strings.ToLower(month) + " " + strings.TrimLeft(day, "0"); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// datedByTwin reports whether another passage (of another document) dates
// the days that passage pi writes with the year: a sentence there writes
// the same two days or more (one day alone is too common) and the year, in
// its prose or a reference.
func datedByTwin(passages []retrieval.Passage, pi int, year string) bool {
	mine := daysOf(passages[pi].Text)
	if len(mine) < 2 {
		return false
	}
	d := askedDate{year: year}
	for pj, p := range passages {
		if pj == pi || p.Source == passages[pi].Source {
			continue
		}
		for _, s := range splitSentences(p.Text) {
			shared := 0
			for _, day := range daysOf(s) {
				if slices.Contains(mine, day) {
					shared++
				}
			}
			if shared >= 2 && d.writtenIn(s) {
				return true
			}
		}
	}
	return false
}
