package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
// (uncoveredPart). Measured on the nine labelled sets of testdata/
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
	singles := make([]passageText, len(sents))
	for i, sent := range sents {
		singles[i] = readStretch([]string{sent}, c.synonyms, stems)
		if t := singles[i].contradicts(claim); !claim.negated && t != "" && singles[i].coverage(claim, titled) >= minContradictionCoverage {
			return supportVerdict{why: "the passage says the opposite of \"" + claim.written[t] + "\""}
		}
		// And one that says the claim is not so: "the visit is not … a
		// significant shift", for "the visit marked a significant shift".
		if !claim.negated && (singles[i].negated || len(singles[i].refused) > 0) && singles[i].deniesClaim(claim) && singles[i].coverage(claim, titled) >= minDenialCoverage {
			return supportVerdict{why: "the passage says this is not so"}
		}
	}
	claimedNames := nameSpans(nameTokens(sentence), true)
	referent := unnamedReferent(claimedNames, passage, title)
	best := supportVerdict{why: "the passage does not say this"}
	// whole is the whole passage, read when first needed: a clause of the
	// claim it does not hold at all adds a claim of its own.
	var whole passageText
	bestCoverage := -1.0
	for i := range sents {
		for n := 1; n <= window && i+n <= len(sents); n++ {
			stretch := singles[i]
			if n > 1 {
				stretch = readStretch(sents[i:i+n], c.synonyms, stems)
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
			if referent != "" {
				missing = slices.DeleteFunc(missing, func(m string) bool { return strings.EqualFold(m, referent) })
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
				!claim.negated && stretch.contradicts(claim) != "" ||
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
				hedged = hedgedClaim(claim, sents[i:i+n])
				swapped = swappedName(claimedNames, sents[i:i+n])
				if swapped == "" && len(overstated) == 0 && !hedged {
					if w := swappedWords(weighed, sentence, sents[i:i+n], stretch, titled); w != "" {
						swapped, wordsSwapped = w, true
					}
				}
				if len(overstated) == 0 && !hedged && swapped == "" {
					if whole.terms == nil {
						whole = readStretch(sents, c.synonyms, stems)
					}
					added = whole.uncoveredPart(claim, titled)
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

// unnamedReferent returns the one-word name of the claim that may be the
// country a passage speaks of as "the country" without naming it — "The
// country's constitution commits the ruling party …" for "Vietnam's
// ruling party …" — or "": the passage and its title must name nothing,
// no place or person, that the claim does not, and the claim only one
// name they lack.
func unnamedReferent(claimed []nameSpan, passage, title string) string {
	if !theCountry.MatchString(passage) {
		return ""
	}
	own := map[string]bool{}
	for _, n := range claimed {
		for _, w := range n.words {
			own[w] = true
		}
	}
	whole := title + " " + passage
	for _, n := range nameSpans(nameTokens(whole), false) {
		// A number, or a name in quotation marks (the “Three Nos”): the
		// name of an idea, not of a place or a person.
		if n.number || strings.Contains(whole, "“"+n.shown) || strings.Contains(whole, "\""+n.shown) || strings.Contains(whole, "‘"+n.shown) {
			continue
		}
		for _, w := range n.words {
			if !own[w] {
				return ""
			}
		}
	}
	lower := strings.ToLower(title + " " + passage)
	referent := ""
	for _, n := range claimed {
		if n.number || len(n.words) != 1 || strings.Contains(lower, n.words[0]) {
			continue
		}
		if referent != "" {
			return ""
		}
		referent = n.words[0]
	}
	return referent
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

// claim is what a sentence states, read for the support check.
type claim struct {
	// facts are the numbers, months and names that must occur in the
	// passage: each fact is a set of forms, any one of which will do.
	facts []fact
	// terms are the stemmed content words that are not facts.
	terms []string
	// negated: the sentence says "not", "never", "no" …
	negated bool
	// synonyms are the synonyms of its terms, which a passage may use
	// instead.
	synonyms map[string][]string
	// unfolded maps a term whose spelling was folded (foldSpelling) to its
	// stem as written, under which the synonym table lists it.
	unfolded map[string]string
	// written maps each term to the word of the sentence it was read from
	// ("oppos" to "opposes"), for saying why a sentence was dropped.
	written map[string]string
	// denied are the stems in the scope of the sentence's negations.
	denied []string
	// first is the stem of the sentence's first word when it is written
	// with a capital and may be a name ("Vietnam follows …"): the title
	// of the passage's document may hold it.
	first string
	// firstForms are the other forms of the first word when it is a
	// country or a people ("Chinese FDI …": China).
	firstForms []string
	// firstAcronym is the first word, lower-cased, when it is written as
	// an acronym ("FDI rose …").
	firstAcronym string
	// bound are facts that must occur together: a month with its year
	// ("month:april 2017"), a number with its unit of time ("six month").
	bound []string
	// strong are its words of quantity, degree, rank, time and certainty,
	// which the passage must match (see strength.go).
	strong []strongWord
	// hedged: it says a thing may be so, or reports what someone said.
	hedged bool
	// emphatic: the claim says the thing is plainly so ("clearly").
	emphatic bool
	// parts are the terms of each of its clauses and conjuncts ("and
	// both sides would set up a joint commission").
	parts [][]string
	// opposites are WordNet's antonyms of its terms (coverage.go), which
	// a passage contradicts it with as with those of antonymPairs.
	opposites map[string][]string
	// weights are its terms' weights in its coverage (coverage.go); nil
	// weighs them alike.
	weights map[string]float64
}

// fact is one number, month or name of a sentence: shown is how it was
// written, forms what in a passage counts as it.
type fact struct {
	shown string
	forms []string
	// run is the name it is part of ("Code of Conduct" for "Code"), whose
	// acronym a passage may give instead.
	run []word
	// share is the percentage a fraction in words says ("three quarters"
	// 75), or 0.
	share float64
	name  bool // a capitalised name, which the whole passage may hold
}

// passageText is a stretch of a passage, read for the support check.
type passageText struct {
	// written are its words as written, for the acronyms of its names.
	written []word
	// fractions are its fractions in words, lower-cased, "|" between.
	fractions string
	// capitals are its words written in capitals ("coc", "unclos").
	capitals map[string]bool
	numbers  map[string]bool // normalised numbers, words for numbers included
	words    map[string]bool // lower-cased words, with a name's forms
	terms    termSet         // stems, and the stems of their synonyms
	stems    termSet         // stems alone
	roots    termSet         // the derived roots of its stems (derivedRoot)
	negated  bool
	// denied are the stems that follow a negation, up to negationScope of
	// them: what the stretch says is not so.
	denied []string
	// contrasted are the stems after its "rather than" and "instead of".
	contrasted []string
	// restricted are the stems after its words that say no in other
	// words ("avoid reliance", "refrain from", "only China holds", "for
	// little pay off"): a claim's "not" is matched by them.
	restricted []string
	// refused are the stems after its words that refuse ("refrain from
	// taking actions", "avoid reliance"): what they bear on, the passage
	// says is not done.
	refused []string
	// exclusive are the stems after its "only", "sole", "alone": what one
	// thing alone does or has.
	exclusive []string
	// bound are the month-and-year and number-and-unit pairs of the stretch.
	bound map[string]bool
}

// negationScope is how many content words after a "not" it bears on.
const negationScope = 8

var (
	// numberToken is a number as prose writes it: "13", "1,000", "56.9",
	// "US$10", "2,500".
	numberToken = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	// ordinalSuffix follows the digits of an ordinal: "20th", "1st".
	ordinalSuffix = regexp.MustCompile(`^(?:st|nd|rd|th)\b`)
)

// numberWords are the words for numbers that prose spells out.
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
	"eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000", "dozen": "12",
	"second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
	"eighth": "8", "ninth": "9", "tenth": "10", "thirteenth": "13", "fifteenth": "15", "twentieth": "20",
	"twice": "2", "double": "2", "doubled": "2", "triple": "3", "tripled": "3", "half": "50%", "millennium": "1000",
}

// ordinalWords are the words of numberWords that rank.
var ordinalWords = wordSet("second third fourth fifth sixth seventh eighth ninth tenth thirteenth fifteenth twentieth")

// timesOfYear are the seasons and the days of the week: a time a
// sentence gives that its passage must give too.
var timesOfYear = wordSet("spring summer autumn winter monday tuesday wednesday thursday friday saturday sunday")

// months maps every way of writing a month to its name.
var months = func() map[string]string {
	m := map[string]string{}
	for _, name := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		m[name] = name
		m[name[:3]] = name
	}
	m["sept"] = "september"
	delete(m, "mar") // "mar" and "may" are words too; "May" is its own abbreviation
	return m
}()

// nameForms are the other words that count as a name: a people for its
// country, a country's short names.
var nameForms = map[string][]string{
	"vietnamese": {"vietnam"}, "vietnam": {"vietnamese", "hanoi"},
	"chinese": {"china", "sino"}, "china": {"chinese", "beijing", "prc", "sino"}, "sino": {"china", "chinese"},
	"american": {"america", "us", "usa", "washington", "united"}, "america": {"american", "us", "usa"}, "us": {"america", "american", "usa", "united", "washington"}, "usa": {"us", "america"},
	"russian": {"russia", "moscow", "russo"}, "russia": {"russian", "moscow", "russo"}, "russo": {"russia", "russian"},
	"french": {"france"}, "france": {"french"}, "japanese": {"japan"}, "japan": {"japanese"},
	"cambodian": {"cambodia"}, "cambodia": {"cambodian"}, "filipino": {"philippines"}, "philippine": {"philippines"},
	"soviet": {"ussr"}, "ukrainian": {"ukraine"}, "ukraine": {"ukrainian"}, "korean": {"korea"},
	"communist": {"communism", "communists"}, "socialist": {"socialism"}, "western": {"west"}, "west": {"western"},
	"european": {"europe", "eu"}, "eu": {"european", "europe"}, "indian": {"india"},
	"beijing": {"china", "chinese"}, "hanoi": {"vietnam", "vietnamese"}, "washington": {"us", "america", "united"},
	"moscow": {"russia", "russian"}, "united": {"us", "usa", "america", "american"}, "states": {"us", "usa", "america", "american"}, "ccp": {"cpc"}, "cpc": {"ccp"}, "cpv": {"vcp"}, "vcp": {"cpv"},
	"politburo": {"bureau"}, "bureau": {"politburo"}, "political": {"politburo"},
	"east": {"eastern"}, "eastern": {"east"}, "north": {"northern"}, "northern": {"north"}, "south": {"southern"}, "southern": {"south"},
}

// titles are capitalised words that name a rank, not a person: a
// sentence may give one that its passage leaves out.
var titles = wordSet("president prime minister general secretary secretary chairman premier mr ms mrs dr madame comrade leader party chief ambassador spokesperson")

// wordSet makes a set of the words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// lightVerbs say little of their own ("made a protectorate" is
// "established as a protectorate"): they are not content words here.
var lightVerbs = wordSet("make makes made making come comes came coming get gets got take takes took taken go goes went gone put puts")

// negations are the words that turn a claim into its opposite.
var negations = wordSet("not no never neither nor none nobody nothing without cannot refused refuses refuse denied denies deny failed fails unlike missing missed hardly scarcely barely hesitate hesitates hesitated doubted ceased lacks lacked")

// negatingPhrases are the phrases that negate as a word does, by their
// first word and the words after it: "rather than", "instead of", "far
// from", "free of", "short of" ("stops short of claiming"), "a stretch to" (as in "it would be a stretch to consider this
// … an allegiance").
var negatingPhrases = map[string][]string{"rather": {"than"}, "instead": {"of"}, "far": {"from"}, "stretch": {"to"}, "free": {"of"}, "short": {"of"}}

// restrictiveWords say no in other words: a passage's "avoid reliance
// on external forces" is a sentence's "should not lean on outside
// forces", its "only China holds" a sentence's "no other country holds",
// its "for little pay off" a sentence's "without gaining much".
var restrictiveWords = wordSet("avoid avoids avoided avoiding refrain refrains refrained refraining decline declines declined declining only alone solely exclusively until unless prevent prevents prevented resist resists resisted reject rejects rejected rejecting escape little few barely unable reluctant reluctance absent absence lack lacking except instead rather")

// refusals are the restrictive words that, in a sentence, say no as a
// "not" does ("changed little" too): the passage must have a negation or
// a restriction about the same thing.
var refusals = wordSet("avoid avoids avoided avoiding refrain refrains refrained decline declines declined reject rejects rejected rejecting resist resists resisted prevent prevents prevented unable reluctant little")

// sinceFollows reports whether a "since" follows in the clause: "the
// first visit abroad since the Congress" says there was none before it.
func sinceFollows(words []string) bool {
	for _, w := range words {
		if isBreak(w) {
			return false
		}
		if w == "since" {
			return true
		}
	}
	return false
}

// negativeVerbs are the verbs a negation turns back into an affirmation:
// "will not hesitate to voice" voices, "never failed to" did.
var negativeVerbs = wordSet("free hesitate hesitates hesitated hesitation fail fails failed cease ceased stop stopped forget forgot deny denied refuse refused doubt lack")

// weakWords say how a claim is put, not what it is: "rather than",
// "instead", "must", "due to", "as much as possible", "whenever".
var weakWords = wordSet("rather instead must due possible possibly much whenever lately even though although")

// reportingWords say who says a claim, not what it is: "the author
// argues", "according to the article". They are not content words.
var reportingWords = wordSet("author authors writer writers article articles argue argues argued conclude concludes concluded note notes noted write writes wrote written writing according say says said explain explains explained add adds added observe observes observed")

// compoundNumber is a number written in two words: "twenty-one".
var compoundNumber = regexp.MustCompile(`(?i)\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)\b`)

// unitWords are the words for the numbers below ten that compoundNumber
// joins to a multiple of ten.
var unitWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

// withCompoundNumbers writes the numbers of text spelled in two words in
// figures: "a twenty-one gun salute" is "a 21 gun salute".
func withCompoundNumbers(text string) string {
	if !strings.Contains(text, "ty-") && !strings.Contains(text, "ty ") {
		return text
	}
	return compoundNumber.ReplaceAllStringFunc(text, func(m string) string {
		parts := compoundNumber.FindStringSubmatch(m)
		tens, _ := strconv.Atoi(numberWords[strings.ToLower(parts[1])])
		return strconv.Itoa(tens + unitWords[strings.ToLower(parts[2])])
	})
}

// closeTo is "close to" before a number, which says "nearly" (and is not
// the opposite of "open" or "begin").
var closeTo = regexp.MustCompile(`(?i)\bclose to (\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a|half|a hundred|a thousand)\b)`)

// partOfMonth is the part of a month a date falls in: "late October"
// for "October 30th". The month is a fact the passage must give; the
// part is read as part of it.
var partOfMonth = regexp.MustCompile(`\b(?:[Ll]ate|[Ee]arly|[Mm]id)[- ]((?:January|February|March|April|May|June|July|August|September|October|November|December)\b)`)

// aNumberOf is "a number of", which says "some".
var aNumberOf = regexp.MustCompile(`\b[Aa] number of\b`)

// readClaim reads the facts, terms and polarity of a sentence.
func readClaim(sentence string) claim {
	sentence = closeTo.ReplaceAllString(withPhrasalVerbs(withCompoundNumbers(withNumberIdioms(sentence))), "nearly $1")
	sentence = aNumberOf.ReplaceAllString(sentence, "some")
	sentence = partOfMonth.ReplaceAllString(sentence, "$1")
	var c claim
	seen := map[string]bool{}
	addFact := func(shown string, name bool, forms ...string) {
		if !seen[forms[0]] {
			seen[forms[0]] = true
			c.facts = append(c.facts, fact{shown: shown, forms: forms, name: name})
		}
	}
	// A fraction in words ("three quarters") is one fact, a share.
	for _, m := range fractionPattern.FindAllString(sentence, -1) {
		c.facts = append(c.facts, fact{shown: m, forms: []string{strings.ToLower(m)}, share: fractionShare(m)})
	}
	sentence = fractionPattern.ReplaceAllString(sentence, "")
	for _, m := range shareInWords.FindAllString(sentence, -1) {
		c.facts = append(c.facts, fact{shown: m, forms: []string{strings.ToLower(m)}, share: shareInWordsOf(m)})
	}
	sentence = shareInWords.ReplaceAllString(sentence, "")
	for _, m := range numberToken.FindAllStringIndex(sentence, -1) {
		n := normaliseNumber(sentence[m[0]:m[1]])
		addFact(sentence[m[0]:m[1]], false, n)
	}
	words := sentenceWords(sentence)
	runs := nameRuns(words)
	factWords := map[string]bool{}
	for i, w := range words {
		lower := lowerFolded(w.text)
		switch {
		case ordinalWords[lower]:
			// "the second official" is not "the two countries": a rank
			// needs a rank ("second", "2nd").
			addFact(w.text, false, "ord:"+numberWords[lower], lower)
			factWords[lower] = true
		case numberWords[lower] != "" && !pairReference(words, i):
			addFact(w.text, false, numberWords[lower], lower)
			factWords[lower] = true
		case months[strings.TrimSuffix(lower, ".")] != "" && (w.capital || len(lower) > 4):
			name := months[strings.TrimSuffix(lower, ".")]
			addFact(w.text, false, "month:"+name)
			factWords[lower] = true
		case timesOfYear[lower]:
			// "the following spring", "on Monday": a time the passage
			// must give, as it must a month.
			addFact(w.text, false, "time:"+lower)
			factWords[lower] = true
		case w.capital && !w.first && !titles[lower] && !text.IsStopWord(lower):
			addFact(w.text, true, namesOf(lower)...)
			if f := &c.facts[len(c.facts)-1]; f.shown == w.text {
				f.run = runs[lower]
			}
			factWords[lower] = true
		}
	}
	all := text.Words(sentence)
	clauses := clauseWords(sentence)
	for i := range clauses {
		// "rejected China as a model", "declined to sue": a no in other
		// words, which the passage must say too.
		// "changed little" says no; "a little" says some.
		if isNegation(clauses, i) || refusals[clauses[i]] && !negatedBefore(clauses, i) && !(clauses[i] == "little" && i > 0 && clauses[i-1] == "a") {
			c.negated = true
			c.denied = append(c.denied, scopeOf(clauses, i)...)
			if rest, ok := unNegated(clauses[i]); ok {
				c.denied = append(c.denied, text.Stem(foldSpelling(rest)))
			}
		}
	}
	isTerm := func(w string) bool {
		return !(len(w) < 2 || text.IsStopWord(w) || factWords[w] || isDigits(w) || negations[w] || titles[w] || lightVerbs[w] || reportingWords[w] || weakWords[w])
	}
	var part []string
	for _, w := range append(clauses, sentenceBreak) {
		if isBreak(w) || clauseJoiners[w] {
			if len(part) > 0 {
				c.parts = append(c.parts, distinct(part))
			}
			part = nil
		} else if isTerm(w) {
			part = append(part, text.Stem(foldSpelling(w)))
		}
	}
	for _, w := range all {
		if !isTerm(w) {
			continue
		}
		folded := text.Stem(foldSpelling(w))
		c.terms = append(c.terms, folded)
		if c.written == nil {
			c.written = map[string]string{}
		}
		if _, ok := c.written[folded]; !ok {
			c.written[folded] = w
		}
		if plain := text.Stem(w); plain != folded {
			// "raised" is folded to "raized" to meet "raized"; its
			// synonyms ("upgrade") are listed under "rais".
			if c.unfolded == nil {
				c.unfolded = map[string]string{}
			}
			c.unfolded[folded] = plain
		}
	}
	c.terms = distinct(c.terms)
	c.bound = boundFacts(sentence)
	c.strong = strongWords(clauses, true)
	for i, w := range clauses {
		if claimHedges[w] && !(w == "may" && isMonth(clauses, i)) {
			c.hedged = true
		}
		if emphatics[w] {
			c.emphatic = true
		}
	}
	if len(words) > 0 && words[0].capital {
		c.first = text.Stem(lowerFolded(words[0].text))
		c.firstForms = nameForms[lowerFolded(words[0].text)]
		if isAcronym(words[0].text) {
			c.firstAcronym = strings.ToLower(words[0].text)
		}
	}
	return c
}

// timeUnits are the units a number of them is bound to: "six months" is
// not "six years".
var timeUnits = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
	"year": "year", "years": "year", "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
	"percent": "%", "per": "%", "%": "%",
}

// boundFacts lists the pairs of facts of text that must occur together in
// a passage: a month and the year after it (a day between them or
// before the month may be left out) and a number and its unit of time or
// percent sign.
func boundFacts(text string) []string {
	text = thousandsComma.ReplaceAllString(text, "$1$2")
	tokens := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '-' || r == '–' || r == '(' || r == ')'
	})
	var out []string
	for i, tok := range tokens {
		tok = strings.Trim(tok, ".;:!?\"“”‘’'")
		if m := months[tok]; m != "" {
			for j := i + 1; j < len(tokens) && j <= i+2; j++ {
				next := strings.Trim(tokens[j], ".;:!?\"“”‘’'")
				if len(next) == 4 && isDigits(next) {
					out = append(out, "month:"+m+" "+next)
					break
				}
				if !isDigits(next) {
					break
				}
			}
		}
		value := normaliseNumber(strings.TrimSuffix(tok, "%"))
		if !isDigits(strings.ReplaceAll(value, ".", "")) {
			value = numberWords[tok]
		}
		if value == "" || strings.HasSuffix(value, "%") {
			continue
		}
		if atLeast(tokens, i) {
			out = append(out, "more than "+value)
		}
		if strings.HasSuffix(tok, "%") {
			out = append(out, value+" %")
			continue
		}
		if i+1 < len(tokens) {
			if u := timeUnits[strings.Trim(tokens[i+1], ".;:!?\"“”‘’'")]; u != "" {
				out = append(out, value+" "+u)
			}
		}
	}
	return out
}

// atLeast reports whether the number tokens[i] is given as a floor:
// "more than 13", "over twenty", "at least 36". A sentence that gives a
// floor needs a passage that gives one: "as many as 13" is not "more than
// 13".
func atLeast(tokens []string, i int) bool {
	before := func(k int) string {
		if i-k < 0 {
			return ""
		}
		return strings.Trim(tokens[i-k], ".;:!?\"“”‘’'")
	}
	switch before(1) {
	case "over":
		// "over twenty years" is a span of time, not a floor.
		return i+1 >= len(tokens) || timeUnits[strings.Trim(tokens[i+1], ".;:!?\"“”‘’'")] == "" || timeUnits[strings.Trim(tokens[i+1], ".;:!?\"“”‘’'")] == "%"
	case "above", "exceeding":
		return true
	case "than":
		return before(2) == "more" || before(2) == "greater"
	case "least":
		return before(2) == "at"
	case "of":
		return before(2) == "upwards"
	}
	return false
}

// thousandsComma is a comma between the digits of a number: "1,000".
var thousandsComma = regexp.MustCompile(`(\d),(\d{3})`)

// spanInYears is the same span of time in years, or in decades or
// centuries, as a bound fact ("2 decade" is "20 year"), with the number
// it counts: "two decades" says 20 years, "20 years" two decades.
func spanInYears(bound string) (other, number string) {
	n, unit, ok := strings.Cut(bound, " ")
	if !ok || !isDigits(n) {
		return "", ""
	}
	v, err := strconv.Atoi(n)
	if err != nil || v > 10000 {
		return "", ""
	}
	switch unit {
	case "decade":
		return strconv.Itoa(v*10) + " year", strconv.Itoa(v * 10)
	case "century":
		return strconv.Itoa(v*100) + " year", strconv.Itoa(v * 100)
	case "year":
		if v%100 == 0 && v >= 100 {
			return strconv.Itoa(v/100) + " century", strconv.Itoa(v / 100)
		}
		if v%10 == 0 && v >= 10 {
			return strconv.Itoa(v/10) + " decade", strconv.Itoa(v / 10)
		}
	}
	return "", ""
}

// namesOf lists the forms of a name: itself, its stem, its other forms.
func namesOf(lower string) []string {
	forms := []string{lower}
	forms = append(forms, nameForms[lower]...)
	// "Americans" is "American".
	if one, ok := strings.CutSuffix(lower, "s"); ok && len(nameForms[one]) > 0 {
		forms = append(forms, one)
		forms = append(forms, nameForms[one]...)
	}
	if s := text.Stem(lower); s != lower {
		forms = append(forms, "stem:"+s)
	}
	// "Secretary of Defense" for "Secretary of Defence".
	if f := foldSpelling(lower); f != lower {
		forms = append(forms, f)
	}
	return forms
}

// word is one word of a sentence as written.
type word struct {
	text    string
	capital bool // written with a capital letter
	first   bool // the sentence's first word (or the first after a colon or quote)
}

// sentenceWords splits a sentence into words, keeping "U.S." whole (as
// "us") and noting capitals and sentence starts.
func sentenceWords(sentence string) []word {
	var out []word
	first := true
	for _, f := range strings.FieldsFunc(sentence, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == '/' || r == '(' || r == ')'
	}) {
		startsQuote := strings.ContainsAny(f[:min(len(f), 3)], "\"“‘'")
		trimmed := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
		if strings.ContainsAny(trimmed, "\"“”‘’'") {
			// A quote closed before the stop: `Asians".` is Asians.
			trimmed = strings.TrimRight(trimmed, ".,;:!?\"“”‘’'")
		}
		trimmed = strings.TrimSuffix(trimmed, "’s")
		trimmed = strings.TrimSuffix(trimmed, "'s")
		if trimmed == "U.S" || trimmed == "U.S." || trimmed == "US" {
			trimmed = "us"
			out = append(out, word{text: trimmed, capital: true, first: first})
			first = false
			continue
		}
		trimmed = strings.Trim(trimmed, ".")
		if trimmed == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(trimmed)
		if unicode.IsLetter(r) {
			out = append(out, word{text: trimmed, capital: unicode.IsUpper(r), first: first || startsQuote})
		}
		first = strings.HasSuffix(f, ":") || strings.HasSuffix(f, ".") && !strings.Contains(trimmed, ".") && len(trimmed) > 3
	}
	return out
}

// normaliseNumber writes a number without thousands separators: "1,000" →
// "1000"; "56.9" stays.
func normaliseNumber(s string) string {
	if strings.Count(s, ",") > 0 {
		parts := strings.Split(s, ",")
		thousands := true
		for _, p := range parts[1:] {
			if len(p) != 3 && !strings.Contains(p, ".") {
				thousands = false
			}
		}
		if thousands {
			s = strings.Join(parts, "")
		}
	}
	return strings.TrimRight(strings.TrimSuffix(s, "."), ",")
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// readPassage reads a stretch of passage for the support check.
func readPassage(body string, synonyms retrieval.Synonyms) passageText {
	return readStretch(splitSentences(body), synonyms, nil)
}

// readStretch reads consecutive sentences of a passage for the support
// check; stems, when not nil, keeps the stems of words already stemmed.
func readStretch(sents []string, synonyms retrieval.Synonyms, stems map[string]string) passageText {
	stem := func(w string) string {
		if stems == nil {
			return text.Stem(w)
		}
		s, ok := stems[w]
		if !ok {
			s = text.Stem(w)
			stems[w] = s
		}
		return s
	}
	body := withPhrasalVerbs(withCompoundNumbers(withNumberIdioms(strings.Join(sents, " "))))
	p := passageText{numbers: map[string]bool{}, words: map[string]bool{}, terms: termSet{}, stems: termSet{}, roots: termSet{}, bound: map[string]bool{}}
	for _, b := range boundFacts(body) {
		p.bound[b] = true
		if other, n := spanInYears(b); other != "" {
			p.bound[other] = true
			p.numbers[n] = true
		}
	}
	for _, m := range numberToken.FindAllStringIndex(body, -1) {
		n := normaliseNumber(body[m[0]:m[1]])
		p.numbers[n] = true
		if ordinalSuffix.MatchString(body[m[1]:]) {
			p.numbers["ord:"+n] = true
		}
	}
	numbers, bound := derivedFacts(sents)
	for _, n := range numbers {
		p.numbers[n] = true
	}
	for _, b := range bound {
		p.bound[b] = true
	}
	// "the last decade" is ten years, "a century" a hundred.
	for _, f := range strings.Fields(strings.ToLower(body)) {
		switch strings.Trim(f, ".,;:!?\"“”‘’'()") {
		case "decade":
			p.numbers["10"], p.bound["10 year"], p.bound["1 decade"] = true, true, true
		case "century":
			p.numbers["100"], p.bound["100 year"], p.bound["1 century"] = true, true, true
		}
	}
	if strings.Contains(body, "quarter") || strings.Contains(body, "third") || strings.Contains(body, "fifth") {
		p.fractions = strings.ToLower(strings.Join(fractionPattern.FindAllString(body, -1), "|"))
	}
	words := sentenceWords(body)
	p.written = words
	p.capitals = map[string]bool{}
	for i, w := range words {
		lower := lowerFolded(w.text)
		p.words[lower] = true
		p.words[foldSpelling(lower)] = true
		if isAcronym(w.text) {
			p.capitals[lower] = true
		}
		p.words["stem:"+stem(lower)] = true
		// "the two countries" counts nothing a sentence's "two" or
		// "second" could claim.
		if n := numberWords[lower]; n != "" && !pairReference(words, i) {
			p.numbers[n] = true
			if ordinalWords[lower] {
				p.numbers["ord:"+n] = true
			}
		}
		if m := months[lower]; m != "" {
			p.words["month:"+m] = true
		}
		if timesOfYear[lower] {
			p.words["time:"+lower] = true
		}
	}
	phrased := make([]string, len(sents))
	for i, sent := range sents {
		phrased[i] = withPhrasalVerbs(sent)
	}
	clauses := clauseWordsOf(phrased)
	for i := range clauses {
		if !isNegation(clauses, i) {
			continue
		}
		p.negated = true
		// A passage's "A rather than B, which …" says little that a claim
		// about B could contradict, but it does match a claim's "rather
		// than B".
		if clauses[i] == "rather" || clauses[i] == "instead" {
			p.contrasted = append(p.contrasted, scopeOf(clauses, i)...)
		} else {
			p.denied = append(p.denied, scopeOf(clauses, i)...)
			if rest, ok := unNegated(clauses[i]); ok {
				p.denied = append(p.denied, text.Stem(foldSpelling(rest)))
			}
		}
	}
	for i, w := range clauses {
		if restrictiveWords[w] && !isNegation(clauses, i) && !(i > 0 && (clauses[i-1] == "not" || clauses[i-1] == "if")) || w == "first" && sinceFollows(clauses[i+1:]) {
			p.restricted = append(p.restricted, scopeOf(clauses, i)...)
			// "the doctrine was rejected by a tribunal": a passive refuses
			// its subject, not its agent.
			if passive := i+1 < len(clauses) && clauses[i+1] == "by"; refusals[w] && passive {
				subject := contentAround(clauses[:i], i-passiveSubject, i-1, passiveSubject)
				p.refused = append(p.refused, subject...)
				p.restricted = append(p.restricted, subject...)
			} else if refusals[w] {
				p.refused = append(p.refused, scopeOf(clauses, i)...)
			}
			if exclusives[w] {
				p.exclusive = append(p.exclusive, scopeOf(clauses, i)...)
			}
		}
	}
	for _, w := range text.Words(body) {
		p.words[w] = true
		folded := stem(foldSpelling(w))
		p.terms.add(folded)
		p.stems.add(folded)
		if rest, ok := unNegated(w); ok {
			// "uninvited" holds "invited", which its "un" denies.
			p.terms.add(stem(foldSpelling(rest)))
			p.stems.add(stem(foldSpelling(rest)))
		}
		p.roots.add(derivedRoot(folded))
		p.terms.add(synonyms[stem(w)]...)
	}
	return p
}

// missingFacts lists the facts of the claim the stretch does not hold,
// names being looked for in the title too.
func (p passageText) missingFacts(c claim, title passageText) []string {
	var missing []string
	for _, f := range c.facts {
		found := false
		for _, form := range f.forms {
			// "Americans" for "American", a people for its adjective.
			if p.numbers[form] || p.words[form] || f.name && (title.words[form] || p.words[form+"s"]) {
				found = true
				break
			}
		}
		if !found && f.name && (p.hasDemonymOf(f.forms[0]) || title.hasDemonymOf(f.forms[0])) {
			found = true
		}
		// "eight years later" for 1978 and 1986, "over 50 percent" for
		// "more than half": a number bound to a unit the stretch gives
		// as a span or a share (derivedFacts).
		for _, b := range c.bound {
			if n, _, ok := strings.Cut(b, " "); !found && ok && !f.name && n == f.forms[0] && p.bound[b] {
				found = true
			}
		}
		if !found && f.share > 0 && (nearShare(sharesOf(p.bound), f.share) || strings.Contains(p.fractions, f.forms[0])) {
			found = true
		}
		// "UNCLOS" for "United Nations Convention on the Law of the Sea",
		// "Code of Conduct" for "COC".
		if !found && f.name && isAcronym(f.shown) && hasAcronym(title.written, strings.ToLower(f.shown)) {
			found = true
		}
		for a := range title.capitals {
			if !found && len(f.run) > 0 && hasAcronym(f.run, a) {
				found = true
			}
		}
		if !found {
			missing = append(missing, f.shown)
		}
	}
	if len(missing) > 0 {
		return missing
	}
	for _, b := range c.bound {
		if !p.bound[b] {
			missing = append(missing, strings.TrimPrefix(b, "month:"))
		}
	}
	return missing
}

// coverage is the share of the claim's terms the stretch holds, or holds a
// synonym of.
func (p passageText) coverage(c claim, title passageText) float64 {
	if len(c.terms) == 0 {
		return 1
	}
	n, total := 0.0, 0.0
	for _, t := range c.terms {
		w := 1.0
		if c.weights != nil {
			w = c.weights[t]
		}
		total += w
		if p.covers(c, t, title) {
			n += w
		}
	}
	return n / total
}

// covers reports whether the stretch holds the claim's term t, or a
// synonym or other wording of it.
func (p passageText) covers(c claim, t string, title passageText) bool {
	// "years" of "twenty years" is there when the passage's "two decades"
	// is; "percent" when its "more than half" is (derivedFacts).
	if u := timeUnits[strings.ToLower(c.written[t])]; u != "" {
		for _, b := range c.bound {
			if strings.HasSuffix(b, " "+u) && p.bound[b] {
				return true
			}
		}
	}
	return p.terms.has(t) || p.stems.hasExactly(wordingsOf[t]...) || p.roots.hasExactly(derivedRoot(t)) || t == c.first && (title.terms.has(t) || p.hasAnyWord(c.firstForms) || c.firstAcronym != "" && hasAcronym(title.written, c.firstAcronym)) || p.stems.hasAny(c.synonyms[t])
}

// demonymSuffixes make a people or an adjective of a place's name:
// "Singapore" → "Singaporean", "Taiwan" → "Taiwanese".
var demonymSuffixes = []string{"an", "ean", "ian", "ese", "i", "n", "ans", "eans", "ians"}

// hasDemonymOf reports whether the stretch has a word that is name with a
// demonym's ending, or name without one: "Singaporean-based" for
// "Singapore-based", "Malaysia" for "Malaysian".
func (p passageText) hasDemonymOf(name string) bool {
	if len(name) < 4 {
		return false
	}
	for _, suffix := range demonymSuffixes {
		if p.words[name+suffix] {
			return true
		}
		if base, ok := strings.CutSuffix(name, suffix); ok && len(base) >= 4 && p.words[base] {
			return true
		}
	}
	return false
}

// clauseJoiners begin a clause or a conjunct of a sentence.
var clauseJoiners = wordSet("and where while whereas which who whom but")

// Sizes for uncoveredPart: a clause of at least minPartTerms content
// words of which the stretch holds less than minPartCoverage adds a claim
// of its own.
const (
	minPartTerms    = 3
	minPartCoverage = 0.25
)

// uncoveredPart returns the words of a clause of the claim that adds a
// claim of its own — "and both sides would set up a joint commission",
// "where he signed a treaty" — the stretch does not hold, however much of
// the rest it does; or "".
func (p passageText) uncoveredPart(c claim, title passageText) string {
	for _, part := range c.parts {
		if len(part) < minPartTerms {
			continue
		}
		sub := c
		sub.terms = part
		if p.coverage(sub, title) < minPartCoverage {
			var shown []string
			for _, t := range part {
				shown = append(shown, c.written[t])
			}
			return strings.Join(shown, " ")
		}
	}
	return ""
}

// Sizes for addedListItem: a list of at least minListItems items (the
// first, which may follow its verb, among them), each of at most
// maxListItemWords words.
const (
	minListItems     = 4
	maxListItemWords = 3
)

// addedListItem returns an item of a list of the sentence that the
// passage holds none of the words of, while it holds the others ("13
// documents covering political cooperation, justice, trade, customs, the
// environment and education" where the passage lists no education), or "".
// An item of the passage's list that the sentence lacks makes the new
// one the same item in other words ("the judiciary" for "justice").
func (p passageText) addedListItem(c claim, sentence string, sents []string, title passageText) string {
	items, shown := listItems(sentence, true)
	if len(items)+1 < minListItems {
		return ""
	}
	added, held := "", 0
	for i, item := range items {
		sub := c
		sub.terms = item
		if p.coverage(sub, title) == 0 {
			if added != "" {
				return "" // two new items: a list in other words, more likely
			}
			added = shown[i]
		} else {
			held++
		}
	}
	if held < 2 || added == "" {
		return ""
	}
	// A passage's list of which the sentence lacks one item: the new item
	// may be that one in other words. (One of which it lacks several, the
	// sentence gives in part, and adds to.)
	own := termSet{}
	own.add(c.terms...)
	for _, sent := range sents {
		passageItems, _ := listItems(sent, false)
		lacked := 0
		for _, item := range passageItems {
			if !own.hasAny(item) {
				lacked++
			}
		}
		if lacked == 1 {
			return ""
		}
	}
	return added
}

// listItems reads text for the items of a list: its comma-separated
// segments of at most maxListItemWords words, the last split at its "and"
// or "or", as stems of their content words, and as written. longest: only
// the longest run of such segments after the first segment (which holds
// what comes before the list), else every one.
func listItems(body string, longest bool) (items [][]string, shown []string) {
	segments := strings.Split(strings.TrimRight(body, ".!? "), ",")
	if len(segments) < 3 {
		return nil, nil
	}
	last := strings.TrimSpace(segments[len(segments)-1])
	for _, joiner := range []string{"and ", "or "} {
		if after, ok := strings.CutPrefix(last, joiner); ok {
			segments[len(segments)-1] = after
			break
		}
		if before, after, ok := strings.Cut(last, " "+joiner); ok && len(strings.Fields(before)) <= maxListItemWords {
			segments = append(segments[:len(segments)-1], before, after)
			break
		}
	}
	var run [][]string
	var runShown []string
	for _, seg := range segments[1:] {
		seg = strings.TrimSpace(seg)
		seg = strings.TrimPrefix(strings.TrimPrefix(seg, "and "), "or ")
		var stems []string
		for _, w := range strings.FieldsFunc(lowerFolded(seg), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if !text.IsStopWord(w) {
				stems = append(stems, text.Stem(foldSpelling(w)))
			}
		}
		if n := len(strings.Fields(seg)); n == 0 || n > maxListItemWords || len(stems) == 0 {
			run, runShown = nil, nil
			continue
		}
		if !longest {
			items, shown = append(items, stems), append(shown, seg)
			continue
		}
		run, runShown = append(run, stems), append(runShown, seg)
		if len(run) > len(items) {
			items, shown = run, runShown
		}
	}
	return items, shown
}

// hasAnyWord reports whether the stretch has one of words.
func (p passageText) hasAnyWord(words []string) bool {
	for _, w := range words {
		if p.words[w] {
			return true
		}
	}
	return false
}

// isNegation reports whether words[i] negates what follows: "not",
// "never", "no", "didn't" ("didn", "t"), but not "not only".
func isNegation(words []string, i int) bool {
	w := words[i]
	if w == "free" && i+1 < len(words) && words[i+1] == "from" {
		return isNegation(append(words[:i+1:i+1], "of"), i)
	}
	if after, ok := negatingPhrases[w]; ok {
		if i+len(after) >= len(words) || !slices.Equal(words[i+1:i+1+len(after)], after) {
			return false
		}
		if w == "free" {
			// "never been free of tension" has tension.
			for _, before := range words[max(0, i-2):i] {
				if negations[before] || before == "t" {
					return false
				}
			}
		}
		return w != "stretch" || i > 0 && words[i-1] == "a"
	}
	if _, ok := unNegated(w); ok {
		return true
	}
	if w == "against" {
		// "warned Hanoi against a false sense": warned it not to.
		for _, before := range words[max(0, i-3):i] {
			if strings.HasPrefix(before, "warn") || strings.HasPrefix(before, "caution") || strings.HasPrefix(before, "advis") {
				return true
			}
		}
		return false
	}
	if !(w == "t" && i > 0 && strings.HasSuffix(words[i-1], "n")) && !negations[w] {
		return false
	}
	// "no fewer than 36", "no less than": a floor, not a negation.
	if (w == "no" || w == "not") && i+2 < len(words) && (words[i+1] == "fewer" || words[i+1] == "less") && words[i+2] == "than" {
		return false
	}
	// "not only", "not just", "at least not"; "not until 1999" says when,
	// not whether.
	if w == "not" && i+1 < len(words) && (words[i+1] == "only" || words[i+1] == "just" || words[i+1] == "least" || words[i+1] == "until") {
		return false
	}
	// "not hesitate", "never failed to": an affirmation; and the "failed"
	// of "not failed" is not a negation of its own.
	for _, next := range words[i+1 : min(len(words), i+3)] {
		if negativeVerbs[next] {
			return false
		}
	}
	if negativeVerbs[w] && i > 0 {
		for _, before := range words[max(0, i-2):i] {
			if negations[before] || before == "t" {
				return false
			}
		}
	}
	return true
}

// unNegated reports whether w is a word negated by its "un" ("uninvited",
// "unresolved", "unable", "unpopular"), and gives the word negated.
// "United", "universal", "under-" words, adverbs ("unsurprisingly") and
// "unprecedented", which says "first", are not.
func unNegated(w string) (string, bool) {
	rest, ok := strings.CutPrefix(w, "un")
	if !ok || len(rest) < 4 || strings.HasPrefix(rest, "der") || w == "unprecedented" || w == "unless" || w == "until" {
		return "", false
	}
	if p := w[:min(len(w), 4)]; p == "unit" || p == "unif" || p == "unil" || p == "univ" || p == "unan" || p == "unio" || p == "uniq" {
		return "", false
	}
	for _, suffix := range []string{"ed", "able", "ible", "ful", "ar", "al", "ive", "ent", "ant", "ous", "ic"} {
		if strings.HasSuffix(rest, suffix) {
			return rest, true
		}
	}
	return "", false
}

// pairReference reports whether the number word words[i] names a pair or
// a rank already known rather than a count: "the two countries", "both".
func pairReference(words []word, i int) bool {
	if i == 0 || strings.ToLower(words[i].text) != "two" {
		return false
	}
	before := strings.ToLower(words[i-1].text)
	return before == "the" || before == "these" || before == "those" || before == "its" || before == "their"
}

// deniesClaim reports whether the stretch negates what the claim states:
// at least two of the claim's terms fall in the scope of a negation of
// the stretch.
func (p passageText) deniesClaim(c claim) bool {
	return c.termsAmong(p.denied, p.refused) >= 2
}

// termsAmong counts the claim's terms that are among the stems of lists.
func (c claim) termsAmong(lists ...[]string) int {
	set := termSet{}
	for _, l := range lists {
		set.add(l...)
	}
	n := 0
	for _, t := range c.terms {
		if set.has(t) {
			n++
		}
	}
	return n
}

// passiveSubject is how many words before a passive refusal ("the
// doctrine of historic rights was rejected by") its subject is looked for.
const passiveSubject = 6

// exclusives are the restrictive words that give a thing to one alone.
var exclusives = wordSet("only sole solely alone exclusively")

// othersShare reports whether the sentence gives to "other" ones ("several
// other countries also hold", "others have it too") what a passage's
// "only" gives to one: a stem of exclusive within a few words after its
// "other".
func othersShare(sentence string, exclusive []string) bool {
	words := clauseWords(sentence)
	given := termSet{}
	given.add(exclusive...)
	for i, w := range words {
		// "no country other than China": the one again.
		if w != "other" && w != "others" && w != "another" || i+1 < len(words) && words[i+1] == "than" {
			continue
		}
		for _, s := range contentAround(words, i+1, i+4, 4) {
			if given.has(s) {
				return true
			}
		}
	}
	return false
}

// refusesClaim reports whether a refusal of the stretch ("refrain from",
// "avoid", "declined") bears on at least two of the claim's terms.
func (p passageText) refusesClaim(c claim) bool {
	refused, roots := termSet{}, termSet{}
	refused.add(p.refused...)
	for _, t := range p.refused {
		roots.add(derivedRoot(t))
	}
	n := 0
	for _, t := range c.terms {
		if refused.has(t) || roots.hasExactly(derivedRoot(t)) || refused.hasAnyExactly(c.synonyms[t]) {
			n++
		}
	}
	// And its names: "cover China" where the passage refrains from
	// "coverage of China".
	for _, f := range c.facts {
		if f.name && len(f.forms) > 0 && refused.hasExactly(text.Stem(f.forms[0])) {
			n++
		}
	}
	return n >= 2
}

// irregularVerbs maps the past forms of common irregular verbs to the
// verb, which the stemmer does not ("met" → "meet").
var irregularVerbs = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(`meet met|hold held|lead led|send sent|seek sought|fight fought|bring brought|buy bought|think thought|choose chose chosen|become became|begin began begun|give gave given|say said|tell told|win won|lose lost|leave left|build built|spend spent|sell sold|grow grew grown|know knew known|see saw seen|speak spoke spoken|write wrote written|rise rose risen|fall fell fallen|break broke broken|drive drove driven|run ran|stand stood|understand understood|keep kept|feel felt|find found|pay paid|lay laid|mean meant|draw drew drawn|sink sank sunk|strike struck|undertake undertook undertaken|withdraw withdrew withdrawn|forgo forwent|shake shook shaken`, "|") {
		forms := strings.Fields(line)
		for _, f := range forms[1:] {
			m[f] = forms[0]
		}
	}
	return m
}()

// britishSpellings are whole words spelt differently in British and
// American English that the rules of foldSpelling miss.
var britishSpellings = map[string]string{"defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense", "programme": "program", "programmes": "programs"}

// foldSpelling writes a word in American spelling ("organised" →
// "organized", "labour" → "labor", "centre" → "center", "travelled" →
// "traveled"), so that a sentence and its passage match whichever they
// use. Both sides are folded alike, so a fold that also catches some
// other word ("promise" → "promize") does no harm.
func foldSpelling(w string) string {
	if a, ok := britishSpellings[w]; ok {
		return a
	}
	if base, ok := irregularVerbs[w]; ok {
		return base
	}
	if len(w) < 6 {
		return w
	}
	for _, r := range [][2]string{
		{"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"},
		{"ours", "ors"}, {"oured", "ored"}, {"ouring", "oring"}, {"our", "or"},
		{"tres", "ters"}, {"tre", "ter"}, {"bres", "bers"}, {"bre", "ber"},
		{"lled", "led"}, {"lling", "ling"},
	} {
		if strings.HasSuffix(w, r[0]) {
			return strings.TrimSuffix(w, r[0]) + r[1]
		}
	}
	return w
}

// clausePunctuation is punctuation that ends a clause.
var clausePunctuation = regexp.MustCompile(`[,;:()\[\]—–]|\s-\s`)

// clauseWords are the words of text as text.Words reads them, with an
// empty word where a clause ends (a comma, a bracket, a dash) and a
// sentenceBreak where a sentence does.
func clauseWords(body string) []string { return clauseWordsOf(splitSentences(body)) }

// clauseWordsOf is clauseWords of text already cut into sentences.
func clauseWordsOf(sentences []string) []string {
	var out []string
	for si, sentence := range sentences {
		if si > 0 {
			out = append(out, sentenceBreak)
		}
		for i, clause := range clausePunctuation.Split(sentence, -1) {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, text.Words(clause)...)
		}
	}
	return out
}

// sentenceBreak stands between the sentences of clauseWords; text.Words
// never reads it as a word.
const sentenceBreak = "."

// isBreak reports whether a word of clauseWords is the end of a clause or
// a sentence.
func isBreak(w string) bool { return w == "" || w == sentenceBreak }

// clauseNegations are the negations whose scope ends with their clause:
// "rather than B, which …" denies B, not what the "which" says of it;
// "(despite missing this year) and hosted" denies this year only. The
// scope of a "not" runs on over commas, through its list: "will not use
// force, join alliances, allow bases".
var clauseNegations = wordSet("rather instead far stretch unlike missing missed")

// scopeOf is the stems of the content words a negation at words[i] bears
// on: up to negationScope of those after it (words as clauseWords reads
// them).
func scopeOf(words []string, i int) []string {
	var out []string
	limit, list := negationScope, false
	for j, after := range words[i+1:] {
		// "does not declare X but states Y": a "but" ends what it denies.
		if after == sentenceBreak || after == "" && clauseNegations[words[i]] || after == "but" {
			break
		}
		// "avoid reliance on X in favor of Y", "refuse X rather than Y":
		// what follows is what is chosen, not denied.
		if (after == "favor" || after == "favour") && j > 0 && words[i+j] == "in" || (after == "rather" || after == "instead") && !clauseNegations[words[i]] {
			break
		}
		// A "not" before a list ("not use force, join alliances or allow
		// bases") bears on all of it, to the end of its sentence.
		if after == "" && !list && listFollows(words[i+1+j:]) {
			list, limit = true, 2*negationScope
		}
		if len(out) == limit {
			break
		}
		if !isBreak(after) && !text.IsStopWord(after) {
			out = append(out, text.Stem(foldSpelling(after)))
		}
	}
	return out
}

// listFollows reports whether words, up to the end of their sentence,
// go on with a list's last item: "or", "nor", "and".
func listFollows(words []string) bool {
	for _, w := range words {
		if w == sentenceBreak || w == "but" {
			return false
		}
		if w == "or" || w == "nor" || w == "and" {
			return true
		}
	}
	return false
}

// deniesAnyOf reports whether a negation of the stretch bears on one of
// the stems (those a negation of the claim bears on): a "not" of the
// passage about something else does not support the claim's "not".
func (p passageText) deniesAnyOf(stems []string) bool {
	denied := termSet{}
	denied.add(p.denied...)
	denied.add(p.contrasted...)
	denied.add(p.restricted...)
	for _, t := range stems {
		if denied.has(t) {
			return true
		}
	}
	return len(stems) == 0
}

// deniesInOtherWords reports whether one sentence of a stretch denies,
// by a "not", synonyms of at least two of the words a negation of the
// claim bears on, and more than half of them: "rather than marking a
// basic change" for "did not signal a fundamental shift". One sentence,
// and most of the words: synonyms reach far ("exercises" is "use"), and
// two of them found in different sentences match by chance.
func deniesInOtherWords(sentences []passageText, c claim) bool {
	for _, p := range sentences {
		denied := termSet{}
		denied.add(p.denied...)
		n := 0
		for _, t := range c.denied {
			if denied.hasAny(c.synonyms[t]) || denied.hasExactly(wordingsOf[t]...) {
				n++
			}
		}
		if n >= 2 && 2*n > len(c.denied) {
			return true
		}
	}
	return false
}

// restrictsAnyOf reports whether a restriction of the stretch ("avoid",
// "refrain from", "only") bears on one of the stems a negation of the
// claim bears on, or on another wording of one: "avoid depending on" for
// "avoid reliance on". Other wordings are read for restrictions only: a
// "not" of the passage about a synonym of another thing ("missing this
// year") does not support a claim's "not".
func (p passageText) restrictsAnyOf(stems []string, synonyms map[string][]string) bool {
	if p.deniesAnyOf(stems) {
		return true
	}
	restricted, roots := termSet{}, termSet{}
	restricted.add(p.restricted...)
	for _, t := range p.restricted {
		roots.add(derivedRoot(t))
	}
	for _, t := range stems {
		if restricted.hasExactly(wordingsOf[t]...) || roots.hasExactly(derivedRoot(t)) || roots.hasAny(synonyms[t]) {
			return true
		}
	}
	return false
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
