package study

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// A light gazetteer: countries (with their other names) grouped by the
// part of the world they are in, capitals (with their country) and other
// cities, regions of a few sorts, and the demonyms that name a country or
// a region without being a place. A distractor for a place is a place of
// the same group: another Southeast Asian country for Cambodia, another
// capital for Beijing, another sea for the South China Sea.
const (
	countryList = `southeast-asia: Brunei; Cambodia; Indonesia; Laos; Malaysia; Myanmar|Burma; Philippines|the Philippines; Singapore; Thailand; Timor-Leste; Vietnam|Viet Nam|Socialist Republic of Vietnam
	east-asia: China|PRC|People’s Republic of China|People's Republic of China; Japan; Mongolia; North Korea; South Korea|Korea; Taiwan
	south-asia: Afghanistan; Bangladesh; India; Nepal; Pakistan; Sri Lanka
	oceania: Australia; New Zealand; Papua New Guinea
	europe: Austria; Belgium; Finland; France; Germany; Greece; Italy; Netherlands|the Netherlands; Norway; Poland; Portugal; Russia|Russian Federation; Spain; Sweden; Switzerland; Ukraine; United Kingdom|the United Kingdom|Britain|UK|U.K.
	americas: Argentina; Brazil; Canada; Chile; Colombia; Cuba; Mexico; Peru; United States|the United States|U.S.|US|USA|U.S.A.|America|United States of America; Venezuela
	middle-east: Egypt; Iran; Iraq; Israel; Saudi Arabia; Turkey
	africa: Congo|Democratic Republic of Congo; Ethiopia; Kenya; Nigeria; South Africa`
	capitalList = `Bangkok:Thailand; Beijing:China; Berlin:Germany; Canberra:Australia; Hanoi:Vietnam; Jakarta:Indonesia; Kuala Lumpur:Malaysia; Kyiv|Kiev:Ukraine;
	London:United Kingdom; Manila:Philippines; Moscow:Russia; New Delhi:India; Paris:France; Phnom Penh:Cambodia; Rome:Italy; Seoul:South Korea; Taipei:Taiwan; Tokyo:Japan;
	Vientiane:Laos; Washington|Washington D.C.|Washington DC|DC|D.C.:United States; Singapore City:Singapore`
	cityList   = `Brussels; Da Nang; Geneva; Guangzhou; Haiphong; Ho Chi Minh City|Saigon; Hong Kong; Nanning; New York; Shanghai; Shenzhen; The Hague|Hague; Trento`
	regionList = `continent: Africa; Asia; Europe; Latin America
	region: Asia-Pacific|the Asia-Pacific; Central Asia; East Asia; Indo-Pacific|the Indo-Pacific; Middle East|the Middle East; South Asia; Southeast Asia; Guangxi; Tibet; Xinjiang; Yunnan
	river: Mekong|the Mekong; Yangtze|the Yangtze
	islands: Paracel Islands|Paracels|Paracel; Spratly Islands|Spratlys|Spratly
	site: Dien Bien Phu; Pearl River Delta`
	demonymList = `American:United States; Australian:Australia; British:United Kingdom; Cambodian:Cambodia; Chinese:China; Sino:China; Filipino:Philippines; French:France; Indian:India;
	Indonesian:Indonesia; Japanese:Japan; Korean:South Korea; Russian:Russia; Russo:Russia; Singaporean:Singapore; Soviet:Soviet Union; Taiwanese:Taiwan; Thai:Thailand;
	Ukrainian:Ukraine; Vietnamese:Vietnam; Western:; Asian:Asia; Asians:Asia; European:Europe; African:Africa`
)

// place is an entry of the gazetteer.
type place struct {
	kind Kind
	// class groups the places a distractor may come from: a country's
	// part of the world, "capital", "city", or a sort of region.
	class string
	name  string // the entry's first name, its key
	// country is a capital's.
	country string
}

// gazetteer maps every name and alias to its place, and demonyms to the
// country or region they name ("" for none in particular).
type gazetteer struct {
	places   map[string]place
	demonyms map[string]string
	// withThe holds the names written after "the" (an alias "the X").
	withThe map[string]bool
	// waters are the seas and oceans by name (see waterList).
	waters map[string]water
}

func newGazetteer() gazetteer {
	g := gazetteer{places: map[string]place{}, demonyms: map[string]string{}, withThe: map[string]bool{}}
	add := func(entry string, p place) {
		names := strings.Split(strings.TrimSpace(entry), "|")
		p.name = strings.TrimSpace(names[0])
		for _, n := range names {
			n = strings.TrimSpace(n)
			if rest, ok := strings.CutPrefix(n, "the "); ok {
				g.withThe[p.name] = true
				n = rest
			}
			g.places[n] = p
		}
	}
	grouped := func(list string, kind Kind) {
		for line := range strings.SplitSeq(list, "\n") {
			class, entries, _ := strings.Cut(strings.TrimSpace(line), ":")
			for entry := range strings.SplitSeq(entries, ";") {
				add(entry, place{kind: kind, class: strings.TrimSpace(class)})
			}
		}
	}
	grouped(countryList, KindCountry)
	grouped(regionList, KindPlace)
	waters, waterNames := parseWaters()
	g.waters = waters
	for _, names := range waterNames {
		add(strings.Join(names, "|"), place{kind: KindPlace, class: "water"})
	}
	for entry := range strings.SplitSeq(capitalList, ";") {
		names, country, _ := strings.Cut(strings.TrimSpace(entry), ":")
		add(names, place{kind: KindPlace, class: "capital", country: country})
	}
	for entry := range strings.SplitSeq(cityList, ";") {
		add(entry, place{kind: KindPlace, class: "city"})
	}
	for entry := range strings.SplitSeq(demonymList, ";") {
		d, country, _ := strings.Cut(strings.TrimSpace(entry), ":")
		g.demonyms[d] = country
	}
	return g
}

// Words that type a name.
var (
	titleWords = wordList(`President Minister Secretary Ambassador Premier Chairman Chairwoman Mr. Ms. Mrs. Dr. King Queen Prince General Vice Chief Senator Governor Mayor Spokesperson`)
	// agreementHeads: a name holding one of these is an agreement,
	// doctrine, policy or initiative; the value is what a question calls it.
	agreementHeads = map[string]string{"Initiative": "initiative", "Policy": "policy", "Partnership": "partnership", "Agreement": "agreement", "Treaty": "treaty",
		"Doctrine": "doctrine", "Road": "initiative", "Declaration": "declaration", "Convention": "convention", "Act": "law", "Strategy": "strategy",
		"Accord": "accord", "Accords": "accord", "Nos": "doctrine", "Conduct": "code", "Pact": "pact", "Charter": "charter", "Operations": "operation"}
	// orgHeads: a name holding one of these is an organisation (or an
	// event of organisations); the value groups organisations of a sort.
	orgHeads = map[string]string{"Party": "party", "Committee": "party organ", "Congress": "party organ", "Politburo": "party organ", "Bureau": "party organ",
		"Institute": "institution", "University": "institution", "Center": "institution", "Centre": "institution", "Society": "institution",
		"Ministry": "government", "Department": "government", "Office": "government", "Administration": "government", "Pentagon": "government", "House": "government", "Agency": "government",
		"Association": "international", "Union": "international", "Nations": "international", "Council": "international", "Forum": "international", "Organization": "international", "Organisation": "international", "Bank": "international",
		"Summit": "summit", "Summits": "summit", "Magazine": "press", "Times": "press", "News": "press", "Company": "company", "Corporation": "company", "Group": "company"}
	placeHeads = wordList(`Sea Island Islands River Delta Strait Gulf Bay Ocean Peninsula Province City Mountains`)
	// placeHeadClass sorts the places a head word names as the gazetteer
	// does: a sea is one of the waters, not a region.
	placeHeadClass = map[string]string{"Sea": "water", "Ocean": "water", "Gulf": "water", "Bay": "water", "Strait": "water", "River": "river",
		"Island": "islands", "Islands": "islands", "Delta": "region", "Peninsula": "region", "Province": "region", "City": "city", "Mountains": "region"}
	// notNames are capitalised words that name nothing a question asks for.
	notNames = wordList(`I II III COVID COVID-19 BC AD AM PM CEO GDP OK Mr Tuesday Monday Wednesday Thursday Friday Saturday Sunday West East North South Cold War Western Eastern`)
)

// orgAliases are other names of one body.
var orgAliases = map[string]string{"Political Bureau": "Politburo"}

// internationalAcronyms are organisations of states known by their acronym.
var internationalAcronyms = wordList(`WTO ASEAN EU UN NATO IMF APEC WHO OECD SCO BRICS AU SAARC GCC`)

// organisationSorts sorts the organisations of states by what they are,
// for distractors of the same sort: a regional bloc of states for a
// regional bloc (of Asia for one of Asia), not a military alliance or a
// global lender. A body of two sorts (APEC: a regional forum on the
// economy) has both.
var organisationSorts = map[string][]string{
	"ASEAN": {"regional", "asian"}, "SAARC": {"regional", "asian"}, "SCO": {"regional", "asian"}, "Association of Southeast Asian Nations": {"regional", "asian"},
	"EU": {"regional"}, "AU": {"regional"}, "GCC": {"regional"}, "European Union": {"regional"}, "African Union": {"regional"},
	"APEC": {"regional", "asian", "economic"}, "BRICS": {"economic"}, "WTO": {"economic"}, "IMF": {"economic"}, "OECD": {"economic"},
	"World Trade Organization": {"economic"}, "World Bank": {"economic"}, "International Monetary Fund": {"economic"},
	"NATO": {"military"}, "UN": {"global"}, "WHO": {"global"}, "United Nations": {"global"},
}

// organisationSortsByKey are organisationSorts by the key of the fact
// that names the organisation (its initials, whichever way it is written).
var organisationSortsByKey = func() map[string][]string {
	m := map[string][]string{}
	for name, sorts := range organisationSorts {
		m["organisation:"+initialsKey(name)] = sorts
	}
	return m
}()

// sameSortOfOrganisation reports whether d is an organisation of states of
// every sort of answer's; any is, where the answer's sort is not known.
func sameSortOfOrganisation(answer, d fact) bool {
	want, known := organisationSortsByKey[answer.key]
	if !known {
		return true
	}
	return !slices.ContainsFunc(want, func(s string) bool { return !slices.Contains(organisationSortsByKey[d.key], s) })
}

// internationalOrganisations may stand for an organisation of states when
// the reading list names too few: by acronym for an acronym, by name for a
// name.
var internationalOrganisations = []string{"WTO", "ASEAN", "APEC", "IMF", "NATO", "OECD", "EU", "AU", "SAARC", "GCC", "SCO", "World Trade Organization", "European Union", "United Nations", "World Bank", "African Union", "International Monetary Fund"}

func wordList(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Cues that a name is a person's: a title or role before it, a verb of
// saying after it.
var (
	personAfterTitle = regexp.MustCompile(`\b(President|Minister|Secretary|Ambassador to [A-Z][a-z]+|Premier|Chairman|Mr\.|Ms\.|Dr\.|spokesperson|expert|envoy|leader|chief|wife,|husband,)\s+((?:\p{Lu}[\p{Ll}]+\s?){1,4})`)
	personBeforeVerb = regexp.MustCompile(`\b()((?:\p{Lu}[\p{Ll}]+\s){1,3})(?:said|says|added|explains|explained|warned|emphasized|emphasised|underscored|articulated|stressed|noted)\b`)
)

// lexicon is what the whole reading list teaches about its names: which
// words are common words, which belong to people, what acronyms stand for.
type lexicon struct {
	gaz gazetteer
	// lower holds every word that occurs written in lower case.
	lower map[string]bool
	// personWords are the words of names seen with a person's cue.
	personWords map[string]bool
	// fullName maps a word of a person's name to the longest name holding it.
	fullName map[string]string
	// shortName maps a full name to the one-word form the texts use for it.
	shortName map[string]string
	// acronyms maps an acronym to the name it was introduced with ("Belt
	// and Road Initiative (BRI)").
	acronyms map[string]string
	// midCaps holds the words written with a capital inside a sentence.
	midCaps map[string]bool
	// roles and nationalities of people, by full name, where a title
	// before a name says them ("Vietnamese Prime Minister Pham Minh
	// Chinh": "head", "Vietnam").
	roles, nationalities map[string]string
}

// roleGroups maps the titles before a name to the roles distractors must
// share: a head of state or party for a head, an official for an official.
var roleGroups = map[string]string{"President": "head", "Minister": "head", "Secretary": "head", "Premier": "head", "Chairman": "head",
	"leader": "head", "chief": "head", "spokesperson": "official", "envoy": "official", "Ambassador": "official", "expert": "expert",
	"wife,": "spouse", "husband,": "spouse"}

// titleQualifiers are words of a title before its head word ("Prime
// Minister", "foreign ministry spokesperson"), lower-cased.
var titleQualifiers = wordList(`prime deputy foreign ministry`)

// nationalityBefore reads the country a title is of from the words just
// before it: "Vietnamese Prime Minister", "China’s Ambassador", "U.S.
// President".
func (lx *lexicon) nationalityBefore(text string) string {
	toks := tokens(text)
	i := len(toks) - 1
	for i >= 0 && (titleWords[toks[i].text] || titleQualifiers[strings.ToLower(toks[i].text)] || toks[i].text == "s") {
		i-- // the rest of the title ("Foreign Minister", "foreign ministry spokesperson"), and the "s" of "China’s"
	}
	if i < 0 || strings.TrimSpace(text[toks[i].end:]) != strings.TrimSpace(text[toks[i].end:]) {
		return ""
	}
	w := toks[i].text
	if c, ok := lx.gaz.demonyms[w]; ok && c != "" {
		return c
	}
	if p, ok := lx.gaz.places[w]; ok && p.kind == KindCountry {
		return p.name
	}
	return ""
}

var acronymIntro = regexp.MustCompile(`((?:\p{Lu}[\p{L}’'-]*\s(?:(?:of|and|for|the|on|through)\s)?){1,8})\((\p{Lu}{2,7})\)`)

// newLexicon learns the names of a reading list from its sentences.
func newLexicon(sents []sentence) *lexicon {
	lx := &lexicon{gaz: newGazetteer(), lower: map[string]bool{}, personWords: map[string]bool{}, fullName: map[string]string{}, shortName: map[string]string{}, acronyms: map[string]string{}, midCaps: map[string]bool{}, roles: map[string]string{}, nationalities: map[string]string{}}
	for _, s := range sents {
		for i, t := range tokens(s.plain) {
			if r := []rune(t.text)[0]; unicode.IsLower(r) {
				lx.lower[t.text] = true
			} else if i > 0 {
				lx.midCaps[t.text] = true
			}
		}
	}
	var names []string
	type cue struct{ role, nationality string }
	cues := map[string]cue{}
	for _, s := range sents {
		for _, re := range []*regexp.Regexp{personAfterTitle, personBeforeVerb} {
			for _, m := range re.FindAllStringSubmatchIndex(s.plain, -1) {
				title := s.plain[m[2]:m[3]]
				var words []string
				for _, w := range strings.Fields(s.plain[m[4]:m[5]]) {
					if lx.isTypedWord(w) {
						words = nil // "General Secretary Nguyen…": keep what follows the title
						continue
					}
					words = append(words, w)
				}
				if len(words) > 0 {
					name := strings.Join(words, " ")
					names = append(names, name)
					if role := roleGroups[strings.Fields(title + " x")[0]]; role != "" {
						if role == "head" && lastWord(s.plain[:m[2]]) == "foreign" {
							role = "official" // a Foreign Minister, a Foreign Secretary
						}
						c := cue{role, lx.nationalityBefore(s.plain[:m[2]])}
						if old, seen := cues[name]; !seen || old.nationality == "" && c.nationality != "" {
							cues[name] = c
						}
					}
				}
			}
		}
		for _, m := range acronymIntro.FindAllStringSubmatch(s.plain, -1) {
			if long := expansion(strings.Fields(m[1]), m[2]); long != "" {
				lx.acronyms[m[2]] = long
			}
		}
	}
	slices.SortFunc(names, func(a, b string) int { return len(strings.Fields(b)) - len(strings.Fields(a)) })
	for _, n := range names {
		words := strings.Fields(n)
		for _, w := range words {
			lx.personWords[w] = true
			if _, ok := lx.fullName[w]; !ok {
				lx.fullName[w] = n
			}
		}
		if len(words) == 1 {
			if full := lx.fullName[words[0]]; full != n {
				lx.shortName[full] = n
			}
		}
	}
	// In one order, not the map's: "Trong" and "Nguyen Phu Trong" may cue
	// one person with two roles, and the first read must be the same in
	// every run. Full names first, then by the alphabet.
	cued := slices.Collect(maps.Keys(cues))
	slices.SortFunc(cued, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(strings.Fields(b)), len(strings.Fields(a))), strings.Compare(a, b))
	})
	for _, name := range cued {
		c := cues[name]
		full := name
		if f, ok := lx.fullName[name]; ok && len(strings.Fields(name)) == 1 {
			full = f // "Trong" → "Nguyen Phu Trong", but "Le Hong Anh" is not "Le Thi Thu Hang"
		}
		if _, ok := lx.roles[full]; !ok || c.nationality != "" && lx.nationalities[full] == "" {
			lx.roles[full], lx.nationalities[full] = c.role, c.nationality
		}
	}
	for _, full := range lx.fullName { // the gazetteer says who the texts do not
		if p, ok := knownPeople[full]; ok {
			if lx.roles[full] == "" {
				lx.roles[full] = p.role
			}
			if lx.roles[full] == p.role && lx.nationalities[full] == "" {
				lx.nationalities[full] = p.country
			}
		}
	}
	return lx
}

// isTypedWord reports whether a word marks a name as something other than
// a person's: a title, a place, a demonym, an organisation or agreement.
func (lx *lexicon) isTypedWord(w string) bool {
	_, place := lx.gaz.places[w]
	_, demonym := lx.gaz.demonyms[w]
	_, org := orgHeads[w]
	_, agreement := agreementHeads[w]
	return titleWords[w] || place || demonym || org || agreement || placeHeads[w] || notNames[w]
}

// common reports whether the first word of a sentence is a common word,
// capitalised only because it starts the sentence: the texts write it in
// lower case, or never with a capital elsewhere.
func (lx *lexicon) common(w string) bool {
	lower := strings.ToLower(w)
	_, place := lx.gaz.places[w]
	return lx.lower[lower] || stopWord(lower) || !lx.midCaps[w] && !place
}

// expansion is the shortest run of words at the end of words whose
// capitals spell the acronym ("… Belt and Road Initiative and Global
// Security Initiative" and "GSI" → "Global Security Initiative"), or "".
func expansion(words []string, acronym string) string {
	for i := len(words) - 1; i >= 0; i-- {
		var initials, all strings.Builder
		for _, w := range words[i:] {
			r := []rune(w)[0]
			if unicode.IsUpper(r) {
				initials.WriteRune(r)
			}
			all.WriteRune(unicode.ToUpper(r))
		}
		if (initials.String() == acronym || all.String() == acronym) && isCapitalised(words[i]) {
			return strings.Join(words[i:], " ")
		}
	}
	return ""
}

// nameFacts types the capitalised names of a sentence.
func (lx *lexicon) nameFacts(s string) []fact {
	var out []fact
	for _, span := range nameSpans(s, lx.common) {
		for _, part := range lx.splitSpan(span) {
			if len(part) > 0 { // "The and A": nothing before the "and"
				out = append(out, lx.typeSpan(s, part)...)
			}
		}
	}
	return out
}

// splitSpan cuts a run of capitalised words that holds more than one
// name: at an "and" unless a head word after it makes one name of both
// sides ("Belt and Road Initiative", not "Trong and Xi" nor "… Initiative
// and Global Security Initiative"), and before a person's name that
// follows an organisation ("… Central Committee Nguyen Phu Trong").
func (lx *lexicon) splitSpan(span []token) [][]token {
	isHead := func(t token) bool {
		_, a := agreementHeads[t.text]
		_, o := orgHeads[t.text]
		return a || o
	}
	for i, t := range span {
		if t.text != "and" {
			continue
		}
		headBefore := slices.ContainsFunc(span[:i], isHead)
		headAfter := slices.ContainsFunc(span[i+1:], isHead)
		if headBefore || !headAfter {
			return append([][]token{span[:i]}, lx.splitSpan(span[i+1:])...)
		}
	}
	for i := 1; i < len(span); i++ {
		if isHead(span[i-1]) && lx.personWords[span[i].text] && !isHead(span[i]) {
			return append([][]token{span[:i]}, lx.splitSpan(span[i:])...)
		}
	}
	return [][]token{span}
}

// typeSpan types one run of capitalised words: a place, an agreement, an
// organisation, a person (a title before it split off), or nothing.
func (lx *lexicon) typeSpan(s string, span []token) []fact {
	text := spanText(s, span)
	mk := func(kind Kind, class, key string, sp []token) fact {
		t := spanText(s, sp)
		return fact{kind: kind, class: class, text: t, start: sp[0].start, end: sp[len(sp)-1].end, key: string(kind) + ":" + key, words: lowerWords(t)}
	}
	if p, ok := lx.gaz.places[text]; ok {
		return []fact{mk(p.kind, p.class, p.name, span)}
	}
	if strings.Count(text, "-") > 0 && isAcronym(strings.ReplaceAll(text, "-", "")) {
		return nil // "ASEAN-U.S.": a modifier made of two names
	}
	if _, ok := lx.gaz.demonyms[span[0].text]; ok && len(span) > 1 {
		for _, t := range span[1:] {
			if _, ok := agreementHeads[t.text]; ok {
				span = span[1:] // "Chinese Belt and Road Initiative"
				text = spanText(s, span)
				break
			}
		}
	}
	if len(span) == 1 && notNames[text] {
		return nil
	}
	if _, ok := lx.gaz.demonyms[text]; ok {
		return nil
	}
	// A title followed by a name: "Prime Minister Pham Minh Chinh".
	for i := len(span) - 2; i >= 0; i-- {
		if titleWords[span[i].text] {
			rest := span[i+1:]
			if !slices.ContainsFunc(rest, func(t token) bool { return lx.isTypedWord(t.text) || !isCapitalised(t.text) }) && allNameWords(rest) {
				return []fact{lx.person(s, rest)}
			}
			break
		}
	}
	for _, t := range span {
		if class, ok := agreementHeads[t.text]; ok {
			return []fact{mk(KindAgreement, class, strings.ToLower(text), span)}
		}
	}
	if len(span) == 1 && isAcronym(text) {
		if long, ok := lx.acronyms[text]; ok {
			for _, w := range strings.Fields(long) {
				if class, ok := agreementHeads[w]; ok {
					return []fact{mk(KindAgreement, class, strings.ToLower(long), span)}
				}
			}
			if p, ok := lx.gaz.places[long]; ok {
				return []fact{mk(p.kind, p.class, p.name, span)}
			}
			class := "acronym"
			for _, w := range strings.Fields(long) {
				if c, ok := orgHeads[w]; ok {
					class = c
				}
			}
			return []fact{mk(KindOrganisation, class, initialsKey(long), span)}
		}
		if internationalAcronyms[text] {
			return []fact{mk(KindOrganisation, "international", initialsKey(text), span)}
		}
		return []fact{mk(KindOrganisation, "acronym", initialsKey(text), span)}
	}
	if canonical, ok := orgAliases[text]; ok {
		return []fact{mk(KindOrganisation, orgHeads[canonical], initialsKey(canonical), span)}
	}
	for _, t := range span {
		if class, ok := orgHeads[t.text]; ok {
			if len(span) == 1 && t.text != "Pentagon" && t.text != "Politburo" {
				return nil // "the Party", "Congress": which one?
			}
			return []fact{mk(KindOrganisation, class, initialsKey(text), span)}
		}
	}
	for _, t := range span {
		if placeHeads[t.text] && len(span) > 1 {
			return []fact{mk(KindPlace, placeHeadClass[t.text], strings.ToLower(text), span)}
		}
	}
	if len(span) <= 4 && allNameWords(span) && !slices.ContainsFunc(span, func(t token) bool { return lx.isTypedWord(t.text) }) &&
		slices.ContainsFunc(span, func(t token) bool { return lx.personWords[t.text] }) {
		return []fact{lx.person(s, span)}
	}
	return nil
}

// person makes the fact of a person's name, keyed by the fullest form of
// the name the reading list uses.
func (lx *lexicon) person(s string, span []token) fact {
	t := spanText(s, span)
	full := t
	if len(span) == 1 {
		if f, ok := lx.fullName[t]; ok {
			full = f
		}
	}
	return fact{kind: KindPerson, text: t, start: span[0].start, end: span[len(span)-1].end, key: "person:" + full, words: lowerWords(full)}
}

// allNameWords reports whether every token is a word of letters written
// like a name ("Nguyen", not "NATO" or "2022").
func allNameWords(span []token) bool {
	for _, t := range span {
		for i, r := range t.text {
			if !unicode.IsLetter(r) || i > 0 && unicode.IsUpper(r) && !strings.Contains(t.text, "-") {
				return false
			}
		}
	}
	return true
}

// isAcronym: two to seven capitals ("ASEAN", "CPV", "U.S.").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '-':
		default:
			return false
		}
	}
	return n >= 2 && n <= 7
}

// initialsKey keys an organisation by the sorted initials of its
// capitalised words, so that "CCP", "CPC", "Communist Party of China" and
// "Chinese Communist Party" are one.
func initialsKey(name string) string {
	var letters []rune
	if isAcronym(name) {
		for _, r := range name {
			if unicode.IsUpper(r) {
				letters = append(letters, r)
			}
		}
	} else {
		for _, w := range strings.Fields(name) {
			if r := []rune(w)[0]; unicode.IsUpper(r) {
				letters = append(letters, r)
			}
		}
	}
	slices.Sort(letters)
	return string(slices.Compact(letters))
}

// lowerWords are the lower-cased words of a name.
func lowerWords(s string) []string {
	var out []string
	for _, t := range tokens(s) {
		out = append(out, strings.ToLower(t.text))
	}
	return out
}

// stopWord: English function words (retrieval's list).
func stopWord(w string) bool { return isStop(w) }
