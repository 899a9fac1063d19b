package study

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

// waterList is the gazetteer's seas, gulfs, straits and oceans: each with
// its other names, the water that holds it ("<": the South China Sea is
// a sea of the Pacific) and the countries on its shores. A distractor for
// a water must be believable in its sentence: a water of the countries at
// stake there (see Generator.stakes), and neither one that holds the
// answer nor one the answer holds (the Pacific for the South China Sea is
// true as well).
const waterList = `Pacific|the Pacific|Pacific Ocean|the Pacific Ocean: United States; Canada; Mexico; Japan; Philippines; Indonesia; Australia; New Zealand; Papua New Guinea; Russia; Chile; Peru; Colombia; Taiwan
	Indian Ocean|the Indian Ocean: India; Sri Lanka; Indonesia; Australia; Thailand; Myanmar; Malaysia; Bangladesh; Pakistan; Iran; South Africa; Kenya; Timor-Leste
	Atlantic|the Atlantic|Atlantic Ocean|the Atlantic Ocean: United States; Canada; United Kingdom; France; Spain; Portugal; Brazil; Argentina; Nigeria; South Africa; Norway
	Arctic Ocean|the Arctic Ocean: Russia; Canada; United States; Norway
	South China Sea < Pacific: China; Vietnam; Philippines; Malaysia; Brunei; Indonesia; Taiwan; Singapore
	East China Sea < Pacific: China; Japan; South Korea; Taiwan
	Yellow Sea < Pacific: China; North Korea; South Korea
	Philippine Sea < Pacific: Philippines; Japan; Taiwan
	Sea of Japan < Pacific: Japan; Russia; North Korea; South Korea
	Taiwan Strait < Pacific: China; Taiwan
	Gulf of Tonkin|Tonkin Gulf < South China Sea: China; Vietnam
	Gulf of Thailand < Pacific: Thailand; Cambodia; Vietnam; Malaysia
	Sulu Sea < Pacific: Philippines; Malaysia
	Celebes Sea < Pacific: Philippines; Indonesia; Malaysia
	Java Sea < Pacific: Indonesia
	Coral Sea < Pacific: Australia; Papua New Guinea
	Tasman Sea < Pacific: Australia; New Zealand
	Arafura Sea < Pacific: Australia; Indonesia; Papua New Guinea
	Timor Sea < Indian Ocean: Australia; Timor-Leste; Indonesia
	Andaman Sea < Indian Ocean: Myanmar; Thailand; India; Indonesia; Malaysia
	Bay of Bengal < Indian Ocean: India; Bangladesh; Myanmar; Sri Lanka
	Arabian Sea < Indian Ocean: India; Pakistan; Iran
	Strait of Malacca|Malacca Strait < Indian Ocean: Malaysia; Indonesia; Singapore
	Red Sea < Indian Ocean: Egypt; Saudi Arabia
	Persian Gulf < Indian Ocean: Iran; Iraq; Saudi Arabia
	Mediterranean|Mediterranean Sea|the Mediterranean < Atlantic: Spain; France; Italy; Greece; Turkey; Egypt; Israel
	Black Sea: Russia; Ukraine; Turkey
	Baltic Sea|the Baltic < Atlantic: Russia; Germany; Poland; Finland; Sweden
	North Sea < Atlantic: United Kingdom; Norway; Netherlands; Germany; Belgium`

// water is an entry of waterList.
type water struct {
	within string   // the water that holds it ("" for an ocean)
	shores []string // the countries on its shores
}

// parseWaters reads waterList: the entries by first name, and each
// entry's names (first name first).
func parseWaters() (map[string]water, [][]string) {
	byName := map[string]water{}
	var names [][]string
	for line := range strings.SplitSeq(waterList, "\n") {
		head, shores, _ := strings.Cut(strings.TrimSpace(line), ":")
		head, within, _ := strings.Cut(head, "<")
		aliases := strings.Split(strings.TrimSpace(head), "|")
		w := water{within: strings.TrimSpace(within)}
		for c := range strings.SplitSeq(shores, ";") {
			w.shores = append(w.shores, strings.TrimSpace(c))
		}
		byName[strings.TrimSpace(aliases[0])] = w
		names = append(names, aliases)
	}
	return byName, names
}

// holds reports whether water a holds water b, at any remove (the
// Pacific holds the Gulf of Tonkin through the South China Sea).
func (g gazetteer) holds(a, b string) bool {
	for seen := 0; b != "" && seen < 8; seen++ {
		b = g.waters[b].within
		if b == a {
			return true
		}
	}
	return false
}

// stakes are the countries a question about a water is about: those on
// its shores that the sentence names (by name, capital, demonym or a
// person of theirs), or, where it names none, the two such countries its
// source names most. A distractor must be a water of them all.
func (g *Generator) stakes(r ref, name string) []string {
	shores := g.lx.gaz.waters[name].shores
	s := g.sents[r.sent]
	var out []string
	add := func(c string) {
		if c != "" && slices.Contains(shores, c) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for k, f := range g.facts[r.sent] {
		if k == r.fact {
			continue
		}
		switch {
		case f.kind == KindCountry:
			add(strings.TrimPrefix(f.key, "country:"))
		case f.kind == KindPlace && f.class == "capital":
			add(g.lx.gaz.places[strings.TrimPrefix(f.key, "place:")].country)
		case f.kind == KindPerson:
			add(g.nationalityOf(strings.TrimPrefix(f.key, "person:")))
		}
	}
	answer := g.facts[r.sent][r.fact]
	rest := s.plain[:answer.start] + " " + s.plain[answer.end:] // not "Indian" of "the Indian Ocean"
	for _, c := range shores {
		if g.demonymIn(fact{key: "country:" + c}, rest) {
			add(c)
		}
	}
	if len(out) > 0 {
		return out
	}
	counts := g.sourceCountries[s.passage.Source]
	ranked := slices.Clone(shores)
	ranked = slices.DeleteFunc(ranked, func(c string) bool { return counts[c] == 0 })
	slices.SortStableFunc(ranked, func(a, b string) int { return counts[b] - counts[a] })
	return ranked[:min(2, len(ranked))]
}

// fairWater reports whether water d may stand for the answer water among
// the countries at stake: a water of them all that neither holds the
// answer nor is held by it. An answer the table does not know takes none,
// nor one with no country at stake (nothing says which seas are believable).
func (g *Generator) fairWater(answer, d string, stakes []string) bool {
	dw, known := g.lx.gaz.waters[d]
	if _, answerKnown := g.lx.gaz.waters[answer]; !known || !answerKnown || len(stakes) == 0 || g.lx.gaz.holds(answer, d) || g.lx.gaz.holds(d, answer) {
		return false
	}
	return !slices.ContainsFunc(stakes, func(c string) bool { return !slices.Contains(dw.shores, c) })
}

// readSources fills sourceCountries, sourceLatest and titles from the
// facts of the reading list.
func (g *Generator) readSources() {
	g.sourceCountries, g.titles, g.sourceLatest = map[string]map[string]int{}, map[string]map[string]bool{}, map[string]float64{}
	for i, s := range g.sents {
		seen := map[string]bool{}
		for _, f := range g.facts[i] {
			if t := timeValue(f); t > 0 {
				g.sourceLatest[s.passage.Source] = max(g.sourceLatest[s.passage.Source], math.Floor(t/10000))
			}
			country := ""
			switch {
			case f.kind == KindCountry:
				country = strings.TrimPrefix(f.key, "country:")
			case f.kind == KindPlace && f.class == "capital":
				country = g.lx.gaz.places[strings.TrimPrefix(f.key, "place:")].country
			case f.kind == KindPerson:
				if t := titleBefore(s.plain[:f.start]); t != "" {
					full := strings.TrimPrefix(f.key, "person:")
					if g.titles[full] == nil {
						g.titles[full] = map[string]bool{}
					}
					g.titles[full][t] = true
				}
			}
			if country == "" || seen[country] {
				continue
			}
			seen[country] = true
			if g.sourceCountries[s.passage.Source] == nil {
				g.sourceCountries[s.passage.Source] = map[string]int{}
			}
			g.sourceCountries[s.passage.Source][country]++
		}
	}
}

// countriesListed are the countries a question's sentence names besides
// its answer (by name or capital).
func (g *Generator) countriesListed(r ref) []string {
	var out []string
	for k, f := range g.facts[r.sent] {
		c := ""
		switch {
		case k == r.fact:
		case f.kind == KindCountry:
			c = strings.TrimPrefix(f.key, "country:")
		case f.kind == KindPlace && f.class == "capital":
			c = g.lx.gaz.places[strings.TrimPrefix(f.key, "place:")].country
		}
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// organisationMembers are the member states of the organisations of
// states the gazetteer knows, among the countries it knows ("*": nearly
// every state).
var organisationMembers = map[string]string{
	"ASEAN": "Brunei; Cambodia; Indonesia; Laos; Malaysia; Myanmar; Philippines; Singapore; Thailand; Vietnam; Timor-Leste",
	"APEC":  "Australia; Brunei; Canada; Chile; China; Indonesia; Japan; South Korea; Malaysia; Mexico; New Zealand; Papua New Guinea; Peru; Philippines; Russia; Singapore; Taiwan; Thailand; United States; Vietnam",
	"SCO":   "China; Russia; India; Pakistan; Iran",
	"SAARC": "Afghanistan; Bangladesh; India; Nepal; Pakistan; Sri Lanka",
	"EU":    "Austria; Belgium; Finland; France; Germany; Greece; Italy; Netherlands; Poland; Portugal; Spain; Sweden",
	"NATO":  "United States; Canada; United Kingdom; France; Germany; Italy; Netherlands; Norway; Poland; Portugal; Spain; Belgium; Greece; Turkey; Finland; Sweden",
	"AU":    "Congo; Egypt; Ethiopia; Kenya; Nigeria; South Africa",
	"GCC":   "Saudi Arabia",
	"BRICS": "Brazil; Russia; India; China; South Africa; Egypt; Ethiopia; Iran",
	"OECD":  "United States; Canada; Mexico; Chile; Colombia; Japan; South Korea; Australia; New Zealand; United Kingdom; France; Germany; Italy; Spain; Portugal; Netherlands; Belgium; Austria; Switzerland; Sweden; Norway; Finland; Poland; Greece; Turkey; Israel",
	"WTO":   "*", "UN": "*", "IMF": "*", "WHO": "*", "World Bank": "*",
	"Association of Southeast Asian Nations": "=ASEAN", "European Union": "=EU", "African Union": "=AU", "World Trade Organization": "=WTO",
	"United Nations": "=UN", "International Monetary Fund": "=IMF",
}

// membersByKey are organisationMembers by the key of the fact that names
// the organisation (its initials, whichever way it is written).
var membersByKey = func() map[string][]string {
	m := map[string][]string{}
	for name, members := range organisationMembers {
		if other, ok := strings.CutPrefix(members, "="); ok {
			members = organisationMembers[other]
		}
		var list []string
		for c := range strings.SplitSeq(members, ";") {
			list = append(list, strings.TrimSpace(c))
		}
		m["organisation:"+initialsKey(name)] = list
	}
	return m
}()

// holdsTheListed reports whether organisation d counts two of the
// countries a sentence lists besides its answer as members, where the
// answer does not: "in addition to ASEAN countries, RCEP includes China,
// Japan …" takes no APEC, which holds them.
func holdsTheListed(answer, d fact, listed []string) bool {
	member := func(org fact, c string) bool {
		ms := membersByKey[org.key]
		return slices.Contains(ms, "*") || slices.Contains(ms, c)
	}
	n := 0
	for _, c := range listed {
		if member(d, c) && !member(answer, c) {
			n++
		}
	}
	return n >= 2
}

// happenedIn ends the words before a time that stands for an event the
// sentence does not name ("as had happened in", "as it did in").
var happenedIn = regexp.MustCompile(`(?i)\b(?:as|like|what)\s+(?:it\s+|they\s+|had\s+|has\s+|have\s+|it\s+had\s+|they\s+had\s+)?(?:happened|occurred|did|done|was the case|were the case)\s+(?:back\s+|once\s+)?in\s+$|\bas\s+(?:back\s+)?in\s+$`)

// namesNoEvent reports whether a time is asked for an event the sentence
// does not name: "…, as had happened in 2014." (what happened then?),
// unless a clause after it says ("… in 2018 when a patrol boat rammed …").
func namesNoEvent(s string, f fact) bool {
	if !happenedIn.MatchString(s[:f.start]) {
		return false
	}
	after := strings.ToLower(strings.TrimLeft(s[f.end:], " ,"))
	return !containsAnyWord(firstWords(after, 1), eventOpeners)
}

// eventOpeners begin a clause that says what happened at a time.
var eventOpeners = wordList(`when with after during amid over as where`)

// firstWords is the first n words of a text, joined by spaces.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	return strings.Join(words[:min(n, len(words))], " ")
}

// rankingSince reads a ranking ("one of the fastest growing", "among the
// largest", "the most …") in a clause before "since".
var rankingSince = regexp.MustCompile(`(?i)\b(?:one of the|among the|the (most|top|leading|\w+est))\b[^,;]*\bsince\s+$`)

// notSuperlatives end in "est" but rank nothing ("the west since 2014").
var notSuperlatives = wordList(`west interest request forest guest test nest rest protest contest chest quest harvest conquest manifest`)

// startsARanking reports whether a time is the start of a ranking ("has
// been one of the fastest growing economies since 2017"): a reader cannot
// tell it from the years before or after it, which the ranking may hold
// as well.
func startsARanking(s string, f fact) bool {
	m := rankingSince.FindStringSubmatch(s[:f.start])
	return m != nil && !notSuperlatives[strings.ToLower(m[1])]
}
