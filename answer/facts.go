package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// A fact-checking model judges a sentence as a whole, and may say "Yes"
// to one whose year, number or name its passage does not hold: small
// models read a paraphrase generously. What the model-free check knows
// for certain — every number, year, date, amount and capitalised name of
// the sentence is in the passage, and no year of it dates another event
// there — is kept as a gate on the model's "Yes" (checkSupport), so that
// a fabricated fact never reaches the asker as cited fact, whatever the
// fact-checking model says.

// factsHeld reports whether the passage (with its title) holds every fact
// of sentence — its numbers, years, dates, amounts and names, in any
// form the model-free check allows — and dates none of its years
// otherwise (misdatedYear). It does not weigh the sentence's other words.
func (c supportChecker) factsHeld(sentence, passage, title string) supportVerdict {
	sentence = withoutMarkers(sentence)
	claim := readClaim(sentence)
	sents := splitSentences(passage)
	if len(sents) == 0 {
		return supportVerdict{why: "the passage is empty"}
	}
	stems := map[string]string{}
	titled := readStretch([]string{title, passage}, nil, nil)
	whole := readStretch(sents, c.synonyms, stems)
	missing := whole.missingFacts(claim, titled)
	claimedNames := nameSpans(nameTokens(sentence), true)
	missing = slices.DeleteFunc(missing, func(m string) bool { return roleOfNamed(claimedNames, lowerFolded(m), passage) })
	referent := unnamedReferent(sentence, claimedNames, passage, title)
	if len(referent) > 0 {
		missing = slices.DeleteFunc(missing, func(m string) bool { return isReferent(referent, m) })
	}
	// A sentence's first word is left out of its names (it has a capital
	// either way), but not a country, a people or a name that owns
	// something: "Mongolia's constitution …".
	if first := firstName(sentence); first != "" && missingFirst(first, claim, whole, titled, referent) {
		missing = append(missing, first)
	}
	if len(missing) > 0 {
		return supportVerdict{why: "the passage does not mention " + strings.Join(missing, ", ")}
	}
	if y := misdatedYear(sentence, sents, c.synonyms, stems); y != "" {
		return supportVerdict{why: "the passage dates this otherwise, and gives " + y + " to another event"}
	}
	// A name the passage gives to another clause, another direction or
	// another doer (binding.go).
	if swapped := c.swappedInPassage(sentence, nameBindings(sentence, claimedNames, sents, c.synonyms, stems), sents); swapped != "" {
		return supportVerdict{why: "the passage has another name or number where the sentence has " + swapped}
	}
	return supportVerdict{supported: true}
}

// factsHeldByAny is factsHeld against each passage a sentence cites:
// held when one passage holds them all.
func factsHeldByAny(checker supportChecker, sentence string, cited []int, passages []retrieval.Passage) supportVerdict {
	return firstSupporting(cited, passages, func(passage, title string) supportVerdict {
		return checker.factsHeld(sentence, passage, title)
	})
}

// missingFirst reports whether the passage (whole, and with its title,
// titled) lacks first, the sentence's first word as firstName reads it:
// not there, nor what it stands for (covers), nor the country the
// passage calls "the country" (referent).
func missingFirst(first string, claim claim, whole, titled passageText, referent []string) bool {
	return claim.first != "" && !whole.covers(claim, claim.first, titled) && !whole.words[lowerFolded(first)] && !titled.words[lowerFolded(first)] && !isReferent(referent, first)
}

// firstName returns the first word of sentence when it is written as a
// name the sentence is about — a country or a people ("Chinese"), an
// acronym, or a word that owns something ("Mongolia's") — else "".
func firstName(sentence string) string {
	tokens := nameTokens(sentence)
	if len(tokens) == 0 || !tokens[0].capital || text.IsStopWord(tokens[0].lower) {
		return ""
	}
	w := tokens[0]
	// A capital may stand for a government the passage calls by its
	// leader: "Washington pledged aid" for "the Biden administration
	// announced an aid package".
	if seats[w.lower] {
		return ""
	}
	if nameForms[w.lower] != nil || isAcronym(w.text) || ownerFirst.MatchString(sentence) {
		return w.text
	}
	return ""
}

// seats are the capitals that stand for their governments.
var seats = wordSet("beijing hanoi washington moscow")

// ownerFirst is a sentence that opens with a word that owns something.
var ownerFirst = regexp.MustCompile(`^\s*\p{Lu}[\p{L}.-]*[’']s\b`)
