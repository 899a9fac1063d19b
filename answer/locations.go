package answer

import "github.com/lectern/lectern/retrieval"

// withLocations gives each citation of ans the location of its quote: the
// page (or section) of the passage it was quoted from on which the quote
// starts. A citation names its source, not its passage: the passage of
// that source whose text holds the quote is the one, else the first of
// that source.
func withLocations(ans Answer, passages []retrieval.Passage) Answer {
	for i, c := range ans.Citations {
		ans.Citations[i].Location = locationOf(c, passages)
	}
	return ans
}

// locationOf finds the location of a citation's quote among passages.
func locationOf(c Citation, passages []retrieval.Passage) retrieval.Location {
	var first *retrieval.Passage
	for i := range passages {
		p := &passages[i]
		if p.Source != c.Source {
			continue
		}
		if first == nil {
			first = p
		}
		if p.Holds(c.Quote) {
			return p.LocationOf(c.Quote)
		}
	}
	if first == nil {
		return retrieval.Location{}
	}
	return first.LocationOf(c.Quote)
}
