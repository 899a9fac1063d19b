package study

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
)

// meaningfulOrdinalHeads are the nouns an ordinal carries meaning for: a
// party congress or plenum, a term of office, an anniversary, a rank
// ("eighth-largest"). An ordinal of anything else ("the second annual
// forum", "a second summit") is a minor detail, no fact worth asking.
var meaningfulOrdinalHeads = wordList(`congress congresses plenum plenary term terms anniversary anniversaries session largest biggest highest lowest
	place position rank richest most five-year century`)

// ordinalCarriesMeaning reports whether the ordinal fact of a sentence
// is one a tutor would ask: its head noun, within three words after it
// (or after its hyphen), is one of meaningfulOrdinalHeads.
func ordinalCarriesMeaning(s string, f fact) bool {
	after := s[f.end:]
	if strings.HasPrefix(after, "-") { // "eighth-largest"
		after = after[1:]
	}
	for i, w := range text.Words(after) {
		if i == 3 {
			break
		}
		w = strings.ToLower(w)
		if meaningfulOrdinalHeads[w] || meaningfulOrdinalHeads[strings.TrimPrefix(w, "-")] {
			return true
		}
		if _, rest, ok := strings.Cut(w, "-"); ok && meaningfulOrdinalHeads[rest] {
			return true
		}
	}
	return false
}

// ordinalSeries is the series an ordinal numbers: its meaningful head
// noun within three words after it, in the singular ("congress" for "the
// 20th Party Congress", "largest" for "eighth-largest"), or "" for one
// no question asks ("the 40th ASEAN Summit"). A distractor numbers the
// same series: a Party Congress takes no summit's number.
func ordinalSeries(s string, f fact) string {
	after := strings.TrimPrefix(s[f.end:], "-")
	for i, w := range text.Words(after) {
		if i == 3 {
			break
		}
		w = strings.TrimPrefix(strings.ToLower(w), "-")
		if _, rest, ok := strings.Cut(w, "-"); ok && meaningfulOrdinalHeads[rest] {
			w = rest
		}
		if meaningfulOrdinalHeads[w] {
			return singular(w)
		}
	}
	return ""
}

// singular is a head noun of meaningfulOrdinalHeads in the singular.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "sses"):
		return strings.TrimSuffix(w, "es")
	case strings.HasSuffix(w, "ms"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// pairDescriptions point at two countries or parties without naming them.
var pairDescriptions = []string{"the two countries", "both countries", "the two nations", "both nations", "the two neighbors", "the two neighbours",
	"the two states", "the two governments", "the two parties", "both parties"}

// neighborDescriptions point at a country by its place beside another.
var neighborDescriptions = regexp.MustCompile(`(?i)\b(its|their|the|a) (?:\w+ ){0,2}neighbou?r\b`)

// missingReferent reports whether a question's text (the sentence with
// the answer taken out) points back with "this" or "these" (see
// pointsBack), or leans on a definite description of countries whose
// referents it does not name: "the two countries" or "its larger
// neighbor" where fewer than two countries are named ("The two countries
// normalized relations …, despite Vietnam’s distrust of its larger
// neighbor": which is the other?).
func (g *Generator) missingReferent(rest string) bool {
	lower := strings.ToLower(rest)
	described := neighborDescriptions.MatchString(rest)
	for _, d := range pairDescriptions {
		described = described || strings.Contains(lower, d)
	}
	return described && g.countriesNamed(rest) < 2 || pointsBack(rest)
}

// demonstrativeNoun matches "this" or "these" before a word.
var demonstrativeNoun = regexp.MustCompile(`\b(?:[Tt]his|[Tt]hese) ([a-z]+)\b`)

// nowWords and verbs after "this" say no thing of an earlier sentence:
// "this year", "this was intended".
var nowWords = wordList(`year years month week weeks day days decade century time morning afternoon evening spring summer autumn fall winter
	is was are were has had have will would could can may might should must does did means meant shows showed`)

// pointsBack reports whether a question's text points with "this" or
// "these" at something of the sentences before it ("Vietnam is a
// strategic country in this competition": which?), outside a quotation
// ("“a battle for the soul of this nation”" is the speaker's).
func pointsBack(s string) bool {
	for _, m := range demonstrativeNoun.FindAllStringSubmatchIndex(s, -1) {
		if nowWords[s[m[2]:m[3]]] || insideQuotation(s, m[0]) {
			continue
		}
		return true
	}
	return false
}

// insideQuotation reports whether the byte at i is between an opening
// quotation mark and its closing one.
func insideQuotation(s string, i int) bool {
	before := s[:i]
	return strings.Count(before, "“") > strings.Count(before, "”") || strings.Count(before, "\"")%2 == 1
}

// countriesNamed counts the distinct countries a text names, by name or
// by demonym, also inside a hyphenated pair ("U.S.-Vietnam").
func (g *Generator) countriesNamed(s string) int {
	found := map[string]bool{}
	for name, p := range g.lx.gaz.places {
		if p.kind == KindCountry && containsName(s, name) {
			found[p.name] = true
		}
	}
	for d, c := range g.lx.gaz.demonyms {
		if c != "" && containsName(s, d) {
			found[c] = true
		}
	}
	return len(found)
}

// containsName reports whether name is written in s as a word of its own
// or as one side of a hyphenated pair ("U.S.-Vietnam", "China’s").
func containsName(s, name string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 || name == "" {
			return false
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after)) {
			return true
		}
		i = start + 1
	}
}

// cutAfterAbbreviation reports whether a sentence was cut after an
// abbreviation inside a name: it ends in a hyphenated modifier whose last
// part is an abbreviation ("… noted during the ASEAN-U.S." of "the
// ASEAN-U.S. Summit"), which no sentence ends with.
func cutAfterAbbreviation(s string) bool {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return false
	}
	last := fields[len(fields)-1]
	i := strings.LastIndex(last, "-")
	if i < 0 || !strings.HasSuffix(last, ".") {
		return false
	}
	tail := strings.TrimSuffix(last[i+1:], ".")
	return strings.Contains(tail, ".") && isAcronym(tail)
}

// laterOffset matches a span of time told from the fact before it: "and
// three years after that", "two years later".
var laterOffset = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|a|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty) years? (?:after that|after|later|afterwards|on)\b`)

// impliedLater is how many years after the fact asked a sentence tells
// something else ("In 2013, … and three years after that, …": 3), or 0.
func impliedLater(s string, f fact) float64 {
	m := laterOffset.FindStringSubmatchIndex(s[f.end:])
	if m == nil {
		return 0
	}
	n := strings.ToLower(s[f.end+m[2] : f.end+m[3]])
	switch n {
	case "a", "one":
		return 1
	case "two":
		return 2
	}
	if v, ok := numberWords[n]; ok {
		return v
	}
	v := 0.0
	for _, c := range n {
		v = v*10 + float64(c-'0')
	}
	return v
}

// chronologyWindow is how many sentences either side of a question's
// sentence tell the chronology it must keep.
const chronologyWindow = 3

// keepsTheChronology reports whether the year d, put in the place of the
// answer, keeps what a sentence tells later from it ("three years after
// that") on the same side of the years that sentence and the
// chronologyWindow sentences either side of it in its source give as the
// answer does, and no later than the
// latest year of the reading list ("In 2013, … three years after that,
// Obama ended the embargo. Since then, … every year since 2018" takes no
// 2016).
func (g *Generator) keepsTheChronology(r ref, answer, d fact) bool {
	return g.keepsTheChronologyAfter(r, answer, d, impliedLater(g.sents[r.sent].plain, answer))
}

// keepsTheChronologyAfter is keepsTheChronology with the years the
// sentence tells after the answer given (read once for all distractors).
func (g *Generator) keepsTheChronologyAfter(r ref, answer, d fact, later float64) bool {
	if later == 0 || answer.kind != KindYear || d.kind != KindYear {
		return true
	}
	a, b := answer.value+later, d.value+later
	if b > g.latestYear {
		return false
	}
	for i := r.sent - chronologyWindow; i <= r.sent+chronologyWindow; i++ {
		if i < 0 || i >= len(g.sents) || g.sents[i].passage.Source != g.sents[r.sent].passage.Source {
			continue
		}
		for k, o := range g.facts[i] {
			if o.kind != KindYear || i == r.sent && k == r.fact {
				continue
			}
			if (a < o.value) != (b < o.value) || (a > o.value) != (b > o.value) {
				return false
			}
		}
	}
	return true
}
