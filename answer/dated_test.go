package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestAskedDates: a question's years, each with the month written before
// it; a decade is no year.
func TestAskedDates(t *testing.T) {
	tests := []struct {
		question string
		want     []askedDate
	}{
		{"What agreements were signed during Trong's January 2017 visit?", []askedDate{{"january", "2017"}}},
		{"Who greeted Xi on Dec. 12, 2023?", []askedDate{{"december", "2023"}}},
		{"What happened in 2014?", []askedDate{{"", "2014"}}},
		{"What changed in the 1990s?", nil},
		{"How many agreements came out of Trong's Oct–Nov 2022 visit?", []askedDate{{"november", "2022"}}},
	}
	for _, tt := range tests {
		if got := askedDates(tt.question); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestPlacesInAskedDate: a sentence answers a question with a date only
// when its passage places it there: a sentence of the passage that writes
// the year (and the month asked) and tells of what the question asks, a
// reference to a work of that year, or, for a passage that writes no year,
// its document's date. A year the passage gives to something else does
// not place it.
func TestPlacesInAskedDate(t *testing.T) {
	visit2022 := []string{
		"From October 30th to November 2nd, Trong was the first state official to visit Beijing (Vietnam, 2022).",
		"In particular, Vietnam is ranking as one of the world's fastest growing countries since 2017 (Chinappi, 2022).",
		"The visit concluded as 13 new documents were signed.",
	}
	tests := []struct {
		question string
		passage  []string
		date     string
		want     bool
	}{
		{"What agreements were signed during Trong's January 2017 visit?", visit2022, "", false},
		{"What agreements were signed during Trong's 2017 visit?", visit2022, "", false},
		{"What agreements were signed during Trong's 2022 visit?", visit2022, "", true},          // a reference of 2022
		{"What agreements were signed during Trong's November 2022 visit?", visit2022, "", true}, // November by the visit, 2022 by a reference
		{"What agreements were signed during Trong's January 2022 visit?", visit2022, "", false},
		{"Who greeted Xi at the airport in December 2023?", []string{"Xi arrived with his wife.", "They were greeted at the airport by Pham Minh Chinh."}, "2023-12", true},
		{"Who greeted Xi at the airport in December 2022?", []string{"Xi arrived with his wife.", "They were greeted at the airport by Pham Minh Chinh."}, "2023-12", false},
		{"Who greeted Xi at the airport in 2023?", []string{"Xi arrived in Vietnam on December 12, 2023.", "They were greeted at the airport by Pham Minh Chinh."}, "", true},
	}
	for _, tt := range tests {
		var sents []sentence
		for k, s := range tt.passage {
			sents = append(sents, sentence{passage: 0, pos: k, text: s})
		}
		var p retrieval.Passage
		p.Text, p.Info.Date = strings.Join(tt.passage, " "), tt.date
		q := tt.question
		got := placesInAskedDate(sents, len(sents)-1, askedDates(q), dateScopeTerms(q), nil, p, nil)
		if got != tt.want {
			t.Errorf("%q: %v, want %v", q, got, tt.want)
		}
	}
}

// TestMainClauseTerms: the asked terms of a question outside its time
// adjunct; none when it has no adjunct, or its "when" asks when; verbs of
// saying and broad verbs are left out.
func TestMainClauseTerms(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"What did Trong and Xi agree on during Trong's April 2015 visit to China?", []string{"agre"}},
		{"How did Vietnam's prime minister respond when a Chinese coast guard vessel sank a ship?", nil}, // "respond" is broad
		{"What did Barack Obama say when he ended the arms embargo?", nil},
		{"What did Trong and Xi agree on?", nil},                                   // no adjunct
		{"When did Xi arrive in Hanoi?", nil},                                      // asks when
		{"After the 1979 war, when did Beijing and Hanoi settle the border?", nil}, // asks when
		{"Why did Vietnam look to China as a model when it launched its doi moi reforms?", []string{"model"}},
	}
	for _, tt := range tests {
		if got := mainClauseTerms(tt.question, readFocus(tt.question)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestDatedByTwin: a passage that writes no year is dated by another
// document's passage that writes the same two days (or more) with a year.
func TestDatedByTwin(t *testing.T) {
	passage := func(source, text string) retrieval.Passage {
		var p retrieval.Passage
		p.Source, p.Text = source, text
		return p
	}
	undated := passage("a.txt", "Between October 30 and November 2, Trong visited Xi in Beijing.")
	tests := []struct {
		other retrieval.Passage
		year  string
		want  bool
	}{
		{passage("b.txt", "From October 30th to November 2nd, Trong was the first to visit Beijing (Vietnam, 2022)."), "2022", true},
		{passage("b.txt", "From October 30th to November 2nd, Trong was the first to visit Beijing (Vietnam, 2022)."), "2017", false},
		{passage("b.txt", "On October 30, 2022, something else happened."), "2022", false},                   // one day alone
		{passage("a.txt", "From October 30th to November 2nd, 2022, Trong visited Beijing."), "2022", false}, // the same document
	}
	for _, tt := range tests {
		if got := datedByTwin([]retrieval.Passage{undated, tt.other}, 0, tt.year); got != tt.want {
			t.Errorf("%q, %s: %v, want %v", tt.other.Text, tt.year, got, tt.want)
		}
	}
}
