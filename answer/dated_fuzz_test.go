package answer

import (
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// FuzzDatesAndRoles: the readers of dated.go, hypernyms.go and the doer's
// role (detail.go) take any question and any passage without panicking or
// hanging, and a question's dates are years of four figures.
func FuzzDatesAndRoles(f *testing.F) {
	f.Add("What agreements were signed during Trong's January 2017 visit?", "From October 30th to November 2nd, Trong visited Beijing (Vietnam, 2022). The visit concluded.")
	f.Add("Apart from Peng Liyuan, who travelled with Xi?", "They were greeted at the airport by Prime Minister Pham Minh Chinh. According to Vietnam’s Foreign Ministry, President Xi will meet Trong, and Chinh.")
	f.Add("Who greeted Xi at the airport, Pham Minh Chinh?", "Between October 30 and November 2, 30 October, Dec. 12, 2023")
	f.Add("After the 1979 war, when did", "when , while ; during")
	f.Add("On what date did Xi land in Vietnam in the 1990s?", "Xi arrived in Vietnam on December 12, 2023.")
	f.Add("Who was", "were by by by The A")
	f.Fuzz(func(t *testing.T, question, passage string) {
		for _, d := range askedDates(question) {
			if len(d.year) != 4 {
				t.Fatalf("%q: year %q", question, d.year)
			}
		}
		var p, other retrieval.Passage
		p.Source, p.Text, p.Info.Date = "a", passage, passage
		other.Source, other.Text = "b", passage
		sents := sentencesOf(splitSentences(passage)...)
		if len(sents) > 0 {
			placesInAskedDate(sents, len(sents)-1, askedDates(question), dateScopeTerms(question), nil, p, nil)
			holdsMainClause(sents[0], mainClauseTerms(question, readFocus(question)), nil)
		}
		datedByTwin([]retrieval.Passage{p, other}, 0, "2022")
		daysOf(passage)
		questionVerbs(question)
		d := readAskedDetail(question)
		withoutOtherAgents(passage, d.named, d.deed, nil)
		withVerbKinds(nil, questionVerbs(question)...)
	})
}
