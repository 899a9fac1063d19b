package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// The model-free support check: does a passage support a sentence of a
// generated answer? Every fact the sentence states — each number, year,
// date, amount and capitalised name — must occur in a stretch of the
// passage of at most supportWindow sentences, and that stretch must
// cover at least minSupportCoverage of the sentence's content words
// (stemmed, with their WordNet synonyms, derivations and phrases; each
// word weighed by how specific it is: coverage.go), and say "not" when the sentence
// does (or its opposite: antonyms.go). It must not say less than the
// sentence ("more than half" for "all", "may" for "will": strength.go),
// nor put another name where the sentence has one (swaps.go). Numbers
// may be written otherwise ("two decades", "twenty-one", "three years
// after that", "three quarters" for 73.6 %: derived.go), names as
// acronyms (acronyms.go), words in other wording (paraphrases.go). A
// "not" is matched by a passage's "avoid", "only", "little"; a clause of
// the sentence the passage does not hold at all is a claim of its own
// (uncoveredPart). The sentence is read in claim.go, the passage in
// passage.go, its negations and refusals in negation.go. Measured on the nine labelled sets of testdata/
// (support*.jsonl; see TestSupportCheckOnTheLabelledSet and
// BENCHMARKS.md); the window and coverage were swept on all of them (the
// coverage again, from 0.6 to 0.55, when it came to weigh words).
const (
	supportWindow      = 3
	minSupportCoverage = 0.55
	// minContradictionCoverage is how much of a claim a sentence of the
	// passage must hold to contradict it with an opposite word (0.4 to 0.7
	// do alike on the labelled sets).
	minContradictionCoverage = 0.6
	// minDenialCoverage is how much of a claim a sentence of the passage
	// must hold to deny it with a "not" bearing on its words.
	minDenialCoverage = 0.8
)

// supportVerdict is the support check's finding on one sentence.
type supportVerdict struct {
	supported bool
	// why says, for an unsupported sentence, what the passage lacks.
	why string
}

// supportChecker checks sentences against passages with the built-in
// synonym table; the zero value checks without synonyms.
type supportChecker struct {
	synonyms retrieval.Synonyms
	// window and minCoverage override supportWindow and
	// minSupportCoverage when not zero (for measuring other settings).
	window      int
	minCoverage float64
	// words is what WordNet knows of words beyond their synonyms
	// (coverage.go); nil goes without.
	words *retrieval.SupportWords
}

// check reports whether a passage supports sentence (markers are ignored);
// title, the title of the passage's document, may hold a name the passage
// leaves to it ("the country" for Vietnam).
func (c supportChecker) check(sentence, passage, title string) supportVerdict {
	window, minCoverage := supportWindow, minSupportCoverage
	if c.window > 0 {
		window = c.window
	}
	if c.minCoverage > 0 {
		minCoverage = c.minCoverage
	}
	// Names may be anywhere in the passage or its title: the stretch that
	// states the claim may say "he" or "the country".
	titled := readStretch([]string{title, passage}, nil, nil)
	sentence = withoutMarkers(sentence)
	claim := readClaim(sentence)
	claim.synonyms = map[string][]string{}
	for _, t := range claim.terms {
		claim.synonyms[t] = c.synonyms[t]
		if plain, ok := claim.unfolded[t]; ok {
			claim.synonyms[t] = append(append([]string{plain}, c.synonyms[t]...), c.synonyms[plain]...)
		}
	}
	widen(&claim, sentence, c.words)
	weighed := claim
	weigh(&weighed, c.words)
	if len(claim.terms) == 0 && len(claim.facts) == 0 {
		return supportVerdict{why: "it states nothing the passage could support"}
	}
	sents := splitSentences(passage)
	if len(sents) == 0 {
		return supportVerdict{why: "the passage is empty"}
	}
	// A sentence of the passage that says much the same with an opposite
	// word contradicts the claim, whichever stretch would support it.
	stems := map[string]string{}
	// A claim that reports a warning is not denied by the warning's own
	// "against" (passageText.warnedAgainst).
	readClaimStretch := func(stretch []string) passageText {
		p := readStretch(stretch, c.synonyms, stems)
		if claim.warns && p.warnedAgainst {
			p.negated, p.denied = false, nil
		}
		return p
	}
	singles := make([]passageText, len(sents))
	for i, sent := range sents {
		singles[i] = readClaimStretch([]string{sent})
		if t := singles[i].contradicts(claim); t != "" && singles[i].coverage(claim, titled) >= minContradictionCoverage {
			return supportVerdict{why: "the passage says the opposite of \"" + claim.written[t] + "\""}
		}
		// And one that says the claim is not so: "the visit is not … a
		// significant shift", for "the visit marked a significant shift".
		if !claim.negated && (singles[i].negated || len(singles[i].refused) > 0) && singles[i].deniesClaim(claim) && singles[i].coverage(claim, titled) >= minDenialCoverage {
			return supportVerdict{why: "the passage says this is not so"}
		}
	}
	claimedNames := nameSpans(nameTokens(sentence), true)
	referent := unnamedReferent(sentence, claimedNames, passage, title)
	// A gap or a sum ("by 47.2 percentage points") stands where the
	// passage has the numbers it is worked out from (derived.go), which
	// puts no other number in its place.
	placed := claimedNames
	if worked := gapOrSumFacts(sentence); len(worked) > 0 {
		placed = slices.DeleteFunc(slices.Clone(claimedNames), func(n nameSpan) bool {
			return n.number && (slices.Contains(worked, "gap:"+normaliseNumber(n.shown)) || slices.Contains(worked, "sum:"+normaliseNumber(n.shown)))
		})
	}
	// whole is the whole passage, read when first needed: a clause of the
	// claim it does not hold at all adds a claim of its own.
	var whole passageText
	// A country, a people, an acronym or an owner the sentence starts with
	// is in the passage or its title, as its other names must be
	// (firstName): "France has been the primary supplier …".
	if first := firstName(sentence); first != "" {
		whole = readStretch(sents, c.synonyms, stems)
		if missingFirst(first, claim, whole, titled, referent) {
			return supportVerdict{why: "the passage does not mention " + first}
		}
	}
	best := supportVerdict{why: "the passage does not say this"}
	// misdated is a year of the claim the passage gives to another event
	// (binding.go), read when first needed.
	datesRead, misdated := false, ""
	// bindings are how the passage binds the claim's names (nameBindings),
	// read when first needed.
	namesRead := false
	var bindings []nameBinding
	readBindings := func() {
		if !namesRead {
			namesRead, bindings = true, nameBindings(sentence, claimedNames, sents, c.synonyms, stems)
		}
	}
	// elsewhere is a name of the claim the whole passage puts otherwise
	// (swappedInPassage), read when first needed.
	elsewhereRead, elsewhere := false, ""
	bestCoverage := -1.0
	for i := range sents {
		for n := 1; n <= window && i+n <= len(sents); n++ {
			stretch := singles[i]
			if n > 1 {
				stretch = readClaimStretch(sents[i : i+n])
			}
			missing := stretch.missingFacts(claim, titled)
			// A year may be anywhere in the passage when the stretch gives
			// none of its own (yearsElsewhere).
			if len(missing) > 0 && !stretch.hasYear() {
				if whole.terms == nil {
					whole = readStretch(sents, c.synonyms, stems)
				}
				missing = yearsElsewhere(missing, whole)
			}
			if len(missing) > 0 {
				missing = slices.DeleteFunc(missing, func(m string) bool { return roleOfNamed(claimedNames, lowerFolded(m), passage) })
			}
			if len(referent) > 0 {
				// Its people too: "Vietnamese soil" for "its soil".
				missing = slices.DeleteFunc(missing, func(m string) bool { return isReferent(referent, m) })
			}
			coverage := stretch.coverage(weighed, titled)
			// A claim's "not" is matched by a passage's "not" about the
			// same thing, or by its "avoid", "only", "little" (restricts).
			restricts := claim.negated && !stretch.negated && len(stretch.restricted) > 0 && stretch.restrictsAnyOf(claim.denied, claim.synonyms) ||
				// "no official met Xi before Trong", "never before": the
				// passage's "the first".
				claim.negated && !stretch.negated && stretch.words["first"] && noneBefore.MatchString(sentence)
			negated := claim.negated != stretch.negated && !restricts && (claim.negated || stretch.deniesClaim(claim)) ||
				claim.negated && stretch.negated && !stretch.deniesAnyOf(claim.denied) && !deniesInOtherWords(singles[i:i+n], claim) ||
				stretch.contradicts(claim) != "" ||
				// "vowed to take actions" where the passage has "refrain
				// from taking actions".
				!claim.negated && len(stretch.refused) > 0 && stretch.refusesClaim(claim) ||
				// "a status several other countries also hold" where the
				// passage has "a status that only China holds".
				!claim.negated && len(stretch.exclusive) > 0 && othersShare(sentence, stretch.exclusive)
			// The costlier readings, only for a stretch that passes the others.
			var overstated []string
			hedged, swapped, added, wordsSwapped := false, "", "", false
			if len(missing) == 0 && !negated && coverage >= minCoverage {
				if len(claim.strong) > 0 {
					overstated = unlicensedStrength(claim.strong, strongWords(clauseWordsOf(sents[i:i+n]), false), c.synonyms)
				}
				if len(overstated) == 0 && firstEver.MatchString(sentence) && boundedFirst(sents[i:i+n]) {
					overstated = []string{"first ever"}
				}
				if len(overstated) == 0 {
					if done := completedAsPlanned(claim, sentence, sents[i:i+n]); done != "" {
						overstated = []string{done}
					}
				}
				// A claim said plainly so ("guaranteeing", "it is confirmed")
				// is hedged by a "may" anywhere in the passage.
				hedged = hedgedClaim(claim, sents[i:i+n]) || claim.emphatic && hedgedClaim(claim, sents)
				var byOwn bool
				swapped, byOwn = swappedName(placed, sents[i:i+n])
				// A clause of the passage that holds the name and says
				// what the sentence's clause says keeps it there, whatever
				// its neighbours ("Trong dispatched special envoy Le Hong
				// Anh, a Politburo member, to Beijing" for "Trong sent Le
				// Hong Anh to Beijing", where "Xi sent Yu Zhengsheng to"
				// is nearer in words); not where two names of the sentence
				// trade places.
				if swapped != "" && !byOwn {
					readBindings()
					if boundWell(bindings, swapped) {
						swapped = ""
					}
				}
				if swapped == "" && len(overstated) == 0 && !hedged {
					if w := swappedWords(weighed, sentence, sents[i:i+n], stretch, titled); w != "" {
						swapped, wordsSwapped = w, true
					}
				}
				if len(overstated) == 0 && !hedged && swapped == "" {
					if !datesRead {
						datesRead, misdated = true, misdatedYear(sentence, sents, c.synonyms, stems)
					}
					if misdated != "" {
						swapped = misdated
					}
				}
				if len(overstated) == 0 && !hedged && swapped == "" {
					if !elsewhereRead {
						readBindings()
						elsewhereRead, elsewhere = true, c.swappedInPassage(sentence, bindings, sents)
					}
					swapped = elsewhere
				}
				if len(overstated) == 0 && !hedged && swapped == "" {
					if whole.terms == nil {
						whole = readStretch(sents, c.synonyms, stems)
					}
					added = whole.uncoveredPart(claim, titled)
					if added == "" {
						added = whole.inventedThing(claim, sentence, titled)
					}
					if added == "" {
						added = whole.addedListItem(claim, sentence, sents, titled)
					}
				}
				if len(overstated) == 0 && !hedged && swapped == "" && added == "" {
					return supportVerdict{supported: true}
				}
			}
			// Keep the explanation of the stretch that came closest.
			score := coverage - float64(len(missing))
			if negated {
				score--
			}
			if len(overstated) > 0 || hedged || swapped != "" || added != "" {
				score -= 0.5
			}
			if score > bestCoverage {
				bestCoverage = score
				switch {
				case len(missing) > 0:
					best.why = "the passage does not mention " + strings.Join(missing, ", ")
				case negated:
					best.why = "the passage does not say this is not so"
				case len(overstated) > 0 && coverage >= minCoverage:
					best.why = "the passage does not say \"" + strings.Join(overstated, "\", \"") + "\""
				case hedged && coverage >= minCoverage:
					best.why = "the passage only says this may be so"
				case added != "" && coverage >= minCoverage:
					best.why = "the passage does not say \"" + added + "\""
				case misdated != "" && swapped == misdated && coverage >= minCoverage:
					best.why = "the passage dates this otherwise, and gives " + misdated + " to another event"
				case wordsSwapped && coverage >= minCoverage:
					best.why = "the passage has other words where the sentence has \"" + swapped + "\""
				case swapped != "" && coverage >= minCoverage:
					best.why = "the passage has another name or number where the sentence has " + swapped
				default:
					best.why = "the passage does not say this (" + strconv.Itoa(int(coverage*100+0.5)) + "% of its words)"
				}
			}
		}
	}
	return best
}

// noneBefore is a claim that nothing came before: "no state official met
// Xi before Trong", "never before had the parties …", which a passage's
// "the first" says.
var noneBefore = regexp.MustCompile(`(?i)\b(?:no|none|nobody|never)\b[^,;]*\bbefore\b`)

// theCountry is a passage's reference to a country it does not name.
var theCountry = regexp.MustCompile(`(?i)\bthe country(?:[’']s)?\b`)

// Names a passage gives by reference alone: "the country's constitution"
// for Vietnam's, "his communist counterpart" for Trong, "its larger
// neighbor" for China, "He is expected to …" for Xi, "the two sides" for
// Beijing and Hanoi. A name of the sentence the passage and its title
// lack is such a referent when the passage refers so to a thing of its
// kind (a person, or a country, its people or its capital) and names
// nothing else the sentence lacks (a counterpart, a host or a guest is
// another than a person named, but no other person), and the sentence has
// no more such names than the passage's references can stand for.

// counterpartReference is a passage's reference to a person by another
// they stand with: "his communist counterpart", "her host".
var counterpartReference = regexp.MustCompile(`\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?(?:counterparts?|hosts?|guests?)\b`)

// pronounReference is a sentence of a passage that opens with "He" or
// "She".
var pronounReference = regexp.MustCompile(`(?:^|[.!?]\s+)(?:He|She)\s`)

// countryReference is a passage's reference to a country it need not
// name: "the country", "its larger neighbor", "the former".
var countryReference = regexp.MustCompile(`(?i)\bthe country(?:[’']s)?\b|\b(?:its|their)\s+(?:[a-z]+\s+)?(?:neighbou?rs?|allies|ally|partners?)\b|\bthe (?:former|latter)\b`)

// pairReferenceOf is a reference to two things at once, "the two sides";
// countryPair to two countries, "the two neighbours".
var (
	pairReferenceOf = regexp.MustCompile(`(?i)\b(?:the|both) (?:two )?sides\b`)
	countryPair     = regexp.MustCompile(`(?i)\b(?:the|both) (?:two )?(?:countries|nations|neighbou?rs|governments|capitals)\b`)
)

// isCountryName reports whether the words of a name are a country, its
// people or its capital (nameForms knows them).
func isCountryName(words []string) bool {
	return len(words) == 1 && len(nameForms[words[0]]) > 0
}

// unnamedReferent returns the names of the claim (its spans, claimed, of
// sentence) that may be what a passage refers to without naming it
// (above), lower-cased, or nil.
func unnamedReferent(sentence string, claimed []nameSpan, passage, title string) []string {
	counterparts, pronouns := len(counterpartReference.FindAllString(passage, -1)), len(pronounReference.FindAllString(passage, -1))
	countries, pairs := len(countryReference.FindAllString(passage, -1)), len(pairReferenceOf.FindAllString(passage, -1))
	countryPairs := len(countryPair.FindAllString(passage, -1))
	if counterparts+pronouns+countries+pairs+countryPairs == 0 {
		return nil
	}
	// The sentence's own names, its first word's included.
	own := map[string]bool{}
	for _, n := range nameSpans(nameTokens(sentence), false) {
		for _, w := range n.words {
			own[w] = true
		}
	}
	ownName := func(w string) bool {
		if own[w] {
			return true
		}
		for o := range own {
			if sameName(o, w) {
				return true
			}
		}
		return false
	}
	// The passage's other names: persons, and any.
	otherPersons, others := 0, false
	whole := title + " " + passage
	for _, n := range nameSpans(nameTokens(whole), false) {
		// A number, or a name in quotation marks (the “Three Nos”): the
		// name of an idea, not of a place or a person.
		if n.number || strings.Contains(whole, "“"+n.shown) || strings.Contains(whole, "\""+n.shown) || strings.Contains(whole, "‘"+n.shown) {
			continue
		}
		if !slices.ContainsFunc(n.words, func(w string) bool { return !ownName(w) }) {
			continue
		}
		others = true
		if !slices.ContainsFunc(n.words, func(w string) bool { return len(nameForms[w]) > 0 }) {
			otherPersons++
		}
	}
	// A person the sentence names by office ("the Chinese leader") is
	// one of the passage's persons it has (roleOfNamed).
	byOffice := func(n nameSpan) bool {
		return len(n.words) > 0 && len(nameForms[n.words[len(n.words)-1]]) > 0 && roleWords[n.after[0]]
	}
	if slices.ContainsFunc(claimed, byOffice) {
		otherPersons--
	}
	lower := strings.ToLower(whole)
	var out []string
	person, country := 0, 0
	for _, n := range claimed {
		if n.number || byOffice(n) || slices.ContainsFunc(n.words, func(w string) bool { return strings.Contains(lower, w) }) {
			continue
		}
		// "Vietnam's constitution … on Vietnamese soil": one name, and
		// its people.
		if slices.ContainsFunc(out, func(o string) bool { return len(n.words) == 1 && sameName(o, n.words[0]) }) {
			continue
		}
		if isCountryName(n.words) {
			country++
		} else {
			person++
		}
		out = append(out, strings.Join(n.words, " "))
	}
	// A counterpart is another than the persons named; "He", "the
	// country" and "the two sides" are only where the passage names
	// nothing the sentence lacks.
	persons, spare := 0, 0
	if otherPersons <= 0 {
		persons = counterparts
	}
	if !others {
		persons += pronouns
		spare = 2 * pairs
		countries += 2 * countryPairs
	} else {
		countries = 0
	}
	spare -= max(0, person-persons) + max(0, country-countries)
	if spare < 0 || len(out) == 0 {
		return nil
	}
	return out
}

// isReferent reports whether the missing name m is one of referents
// (unnamedReferent).
func isReferent(referents []string, m string) bool {
	return slices.ContainsFunc(referents, func(r string) bool {
		return lowerFolded(m) == r || sameName(lowerFolded(m), r)
	})
}

// withoutMarkers removes the citation markers of text.
func withoutMarkers(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range ParseMarkers(text) {
		b.WriteString(text[last:m.Start])
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// hasExactly reports whether the set has one of terms as it is (not as
// a prefix of another: has does that), which is cheap.
func (s termSet) hasExactly(terms ...string) bool {
	for _, t := range terms {
		if _, ok := s[t]; ok {
			return true
		}
	}
	return false
}

// hasAny reports whether the set has one of terms.
func (s termSet) hasAny(terms []string) bool {
	for _, t := range terms {
		if s.has(t) {
			return true
		}
	}
	return false
}

// lowerFolded is a word lower-cased with its diacritics removed, as
// text.Words writes it: "Trọng" → "trong".
func lowerFolded(w string) string { return strings.ToLower(text.Fold(w)) }

// roleWords name a person by the office they hold: "the Chinese leader",
// "his Vietnamese counterpart".
var roleWords = wordSet("leader counterpart president premier chief head")

// roleOfNamed reports whether the claim's name m is a people's adjective
// before a word of office ("the Chinese leader", "his Chinese
// counterpart") that may stand for a person the passage names and the
// claim does not: "Xi warned …" for "The Chinese leader warned …".
func roleOfNamed(claimed []nameSpan, m, passage string) bool {
	own := map[string]bool{}
	role := false
	for _, n := range claimed {
		for _, w := range n.words {
			own[w] = true
		}
		// The adjective ends its run ("Like the Chinese" is read as one).
		if len(n.words) > 0 && n.words[len(n.words)-1] == m && len(nameForms[m]) > 0 && roleWords[n.after[0]] {
			role = true
		}
	}
	if !role {
		return false
	}
	for _, n := range nameSpans(nameTokens(passage), false) {
		if n.number || len(n.words) == 0 {
			continue
		}
		person := true
		for _, w := range n.words {
			if own[w] || len(nameForms[w]) > 0 {
				person = false
			}
		}
		if person {
			return true
		}
	}
	return false
}

// swappedInPassage returns a name of sentence that the whole passage (its
// sentences, sents) puts otherwise, or "": another name in its place in
// the clause that says what the sentence's says (misboundName, from the
// sentence's bindings), another direction (swappedDirection), another
// event for its date (swappedDate), or another doer of its verb
// (swappedDoer).
func (c supportChecker) swappedInPassage(sentence string, bindings []nameBinding, sents []string) string {
	if swapped := misboundName(bindings); swapped != "" {
		return swapped
	}
	if swapped := swappedDirection(sentence, sents); swapped != "" {
		return swapped
	}
	if swapped := swappedDate(sentence, sents); swapped != "" {
		return swapped
	}
	return swappedDoer(sentence, sents, c.synonyms)
}
