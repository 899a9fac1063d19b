package answer

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// Reading the passage a sentence cites: its words, numbers and names in
// every form a claim may take, and what of a claim it covers (support.go).

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
	// warnedAgainst: every negation of the stretch is a warning's
	// "against" ("Xi warned both nations against a very complicated
	// international environment"), which a sentence that reports the
	// warning ("Xi cautioned that they face …") does not contradict.
	warnedAgainst bool
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
	// joined is the stretch's sentences joined, as read for the gaps and
	// sums of its figures (gapsAndSums), worked out only for a claim that
	// gives one.
	joined string
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
		// "the 41st ASEAN Summit" ranks; it counts nothing a sentence's
		// "41 agreements" could claim.
		if rankAt(body, m[0], m[1]) {
			p.numbers["ord:"+n] = true
			continue
		}
		p.numbers[n] = true
	}
	p.joined = strings.Join(sents, " ")
	numbers, bound := derivedFacts(sents)
	for _, n := range numbers {
		p.numbers[n] = true
	}
	for _, b := range bound {
		p.bound[b] = true
	}
	// "the last decade" is ten years, "a century" a hundred, "a week"
	// seven days.
	fields := strings.Fields(strings.ToLower(body))
	for i, f := range fields {
		switch strings.Trim(f, ".,;:!?\"“”‘’'()") {
		case "decade":
			p.numbers["10"], p.bound["10 year"], p.bound["1 decade"] = true, true, true
		case "century":
			p.numbers["100"], p.bound["100 year"], p.bound["1 century"] = true, true, true
		case "week":
			if i > 0 && (fields[i-1] == "a" || fields[i-1] == "one") {
				p.numbers["7"], p.bound["7 day"], p.bound["1 week"] = true, true, true
			}
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
		p.warnedAgainst = clauses[i] == "against" && (!p.negated || p.warnedAgainst)
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
			// A number in figures is one of the passage's numbers, not a
			// word of its ranks ("41st").
			if p.numbers[form] || p.words[form] && (f.name || !isDigits(strings.ReplaceAll(form, ".", ""))) || f.name && (title.words[form] || p.words[form+"s"]) {
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
			// "by 47.2 percentage points" for 73.6 and 26.4 percent.
			if !found && !f.name && (b == "gap:"+f.forms[0] || b == "sum:"+f.forms[0]) && p.holdsGapOrSum(b) {
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
		// A gap or a sum the passage gives as it is: "a total of 13"
		// for "13 agreements".
		kind, n, _ := strings.Cut(b, ":")
		if (kind == "gap" || kind == "sum") && (p.numbers[n] || p.holdsGapOrSum(b)) {
			continue
		}
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

// An invented thing said to be made — "by creating a joint maritime
// court", "agreed to set up a joint press centre", "which also set up a
// joint fisheries commission" — adds a claim of its own that coverage
// may let through, since the words around it ("joint", "maritime",
// "press") are the passage's. The support check reads the thing a verb
// of making (makings) makes: the last word of the run of words after it
// (past "a", "the", "new" and the like), its head noun, must be in the
// passage, or a synonym of it.

// makings are the verbs that make a thing; "set up" is read as "set"
// before "up".
var makings = wordSet("create creates created creating establish establishes established establishing found founds founded founding launch launches launched launching form forms formed forming build builds built building")

// madeThing lists the head nouns of the things the sentence's words
// (madeWords) say are made, with the runs they end.
func madeThing(words []string) (heads, runs []string) {
	for i := 0; i < len(words); i++ {
		w := words[i]
		j := i + 1
		switch {
		case makings[w]:
		case (w == "set" || w == "sets" || w == "setting") && j < len(words) && words[j] == "up":
			j++
		default:
			continue
		}
		for j < len(words) && (words[j] == "a" || words[j] == "an" || words[j] == "the" || words[j] == "new" || words[j] == "their" || words[j] == "its") {
			j++
		}
		// A participle ends the run: "a high-level platform co-chaired by".
		k := j
		for k < len(words) && k-j < 4 && !text.IsStopWord(words[k]) && !isDigits(words[k]) && !(k > j && (strings.HasSuffix(words[k], "ed") || strings.HasSuffix(words[k], "ing"))) {
			k++
		}
		if k > j {
			heads = append(heads, words[k-1])
			runs = append(runs, strings.Join(words[j:k], " "))
		}
		i = k - 1
	}
	return heads, runs
}

// madeWords are the words of text, lower-cased, a hyphenated word one
// ("high-level", "co-chaired").
func madeWords(text string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(text)) {
		if w := strings.Trim(f, ".,;:!?\"“”‘’'()[]"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// inventedThing returns the words of a thing the sentence says is made
// whose head noun the stretch does not hold, nor a synonym of it, or "".
func (p passageText) inventedThing(c claim, sentence string, title passageText) string {
	heads, runs := madeThing(madeWords(sentence))
	for i, h := range heads {
		t := text.Stem(foldSpelling(h))
		if strings.Contains(h, "-") || !slices.Contains(c.terms, t) || p.covers(c, t, title) {
			continue
		}
		return runs[i]
	}
	return ""
}

// holdsGapOrSum reports whether a gap or a sum of a claim ("gap:47.2") is
// the difference or the sum of two figures of the stretch (gapsAndSums).
func (p passageText) holdsGapOrSum(fact string) bool {
	return slices.Contains(gapsAndSums(p.joined), fact)
}
