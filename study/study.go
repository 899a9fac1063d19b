// Package study makes study aids over the reading list: multiple-choice
// quiz questions (made from the passages' own sentences, or by a chat
// endpoint and checked against them) and cited summaries of one source.
// Every question and every summary sentence points at the passage it
// comes from.
package study

import (
	"github.com/lectern/lectern/retrieval"
)

// Kind is the kind of fact a question asks for; its distractors are of the
// same kind.
type Kind string

// The kinds of fact a question can ask for.
const (
	KindYear         Kind = "year"
	KindDate         Kind = "date"
	KindNumber       Kind = "number"
	KindOrdinal      Kind = "ordinal"
	KindPercent      Kind = "percent"
	KindAmount       Kind = "amount"
	KindPerson       Kind = "person"
	KindOrganisation Kind = "organisation"
	KindCountry      Kind = "country"
	KindPlace        Kind = "place"
	KindAgreement    Kind = "agreement"
)

// Citation is where a question or a summary sentence comes from.
type Citation struct {
	Source    string   `json:"source"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	// Quote is the sentence of the passage the question stands on.
	Quote string `json:"quote"`
	// Page and Section are set where the source has them.
	Page    int    `json:"page,omitempty"`
	Section string `json:"section,omitempty"`
	// Passage is the whole passage the quote comes from.
	Passage string `json:"-"`
}

// Question is one multiple-choice question with four options, exactly one
// of them right.
type Question struct {
	Question string   `json:"question"`
	Options  []string `json:"options"`
	// Answer is the 0-based index of the correct option.
	Answer   int      `json:"answer"`
	Kind     Kind     `json:"kind"`
	Citation Citation `json:"citation"`
	// FromModel marks a question written by the chat endpoint (and checked).
	FromModel bool `json:"-"`
	// fact is the normalised key of the asked fact, so that a round never
	// asks it twice.
	fact string
}

// Where is how the citation shows its page or section ("p. 14", "§ The
// U.S. as a Hedge"), or "" when the source has neither.
func (c Citation) Where() string {
	return retrieval.Location{Page: c.Page, Section: c.Section}.Label()
}

// Correct returns the text of the correct option.
func (q Question) Correct() string {
	if q.Answer < 0 || q.Answer >= len(q.Options) {
		return ""
	}
	return q.Options[q.Answer]
}

// citationOf makes the citation of a passage for one quoted sentence.
func citationOf(p retrieval.Passage, quote string) Citation {
	loc := p.LocationOf(quote)
	c := Citation{Source: p.Source, Title: p.Title, Authors: p.Info.Authors, Publisher: p.Info.Publisher, Quote: quote, Page: loc.Page, Section: loc.Section, Passage: p.Text}
	if c.Source == "" {
		c.Source = p.Info.Source
	}
	if c.Title == "" {
		c.Title = p.Info.Title
	}
	return c
}
