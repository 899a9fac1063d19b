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

// pairDescriptions point at two countries or parties without naming them.
var pairDescriptions = []string{"the two countries", "both countries", "the two nations", "both nations", "the two neighbors", "the two neighbours",
	"the two states", "the two governments", "the two parties", "both parties"}

// neighborDescriptions point at a country by its place beside another.
var neighborDescriptions = regexp.MustCompile(`(?i)\b(its|their|the|a) (?:\w+ ){0,2}neighbou?r\b`)

// missingReferent reports whether a question's text (the sentence with
// the answer taken out) leans on a definite description of countries
// whose referents it does not name: "the two countries" or "its larger
// neighbor" where fewer than two countries are named ("The two countries
// normalized relations …, despite Vietnam’s distrust of its larger
// neighbor": which is the other?).
func (g *Generator) missingReferent(rest string) bool {
	lower := strings.ToLower(rest)
	described := neighborDescriptions.MatchString(rest)
	for _, d := range pairDescriptions {
		described = described || strings.Contains(lower, d)
	}
	return described && g.countriesNamed(rest) < 2
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
