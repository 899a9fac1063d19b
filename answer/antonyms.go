package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
)

// A negation in other words: "China opposes Vietnam's inclusion" where
// the passage has "China actively advocates for Vietnam's inclusion",
// "Trong played down" where it has "Trong emphasized". A word of the
// sentence that its passage does not have, where the passage has its
// opposite, is a claim the passage contradicts.

// antonymPairs are opposites, a pair a line: each word of the first
// group is the opposite of each of the second.
var antonymPairs = `support supports supported advocate advocates advocated favor favors favored back backs backed sympathetic sympathize sympathizes | oppose opposes opposed opposition reject rejects rejected
emphasize emphasized emphasizes stress stresses stressed highlight highlighted underline underlined underscore underscored | downplay downplays downplayed
accept accepts accepted approve approves approved endorse endorsed | reject rejects rejected refuse refused
increase increases increased rise rises rose grow grows grew expand expands expanded | decrease decreases decreased fall falls fell decline declines declined shrink shrank reduce reduces reduced cut cuts
strengthen strengthens strengthened deepen deepened improve improves improved boost boosted enhance enhanced tighten tightened | weaken weakens weakened loosen loosens loosened loosening worsen worsened deteriorate deteriorated undermine undermined
win wins won gain gains gained | lose loses lost
begin begins began start starts started open opens opened | end ends ended close closes closed
join joins joined include includes included inclusion | leave leaves left exclude excludes excluded exclusion quit
allow allows allowed permit permits permitted | ban bans banned forbid forbids forbade prohibit prohibits prohibited
agree agrees agreed align aligns aligned | disagree disagrees disagreed
trust trusts trusted | distrust distrusts distrusted mistrust
praise praises praised welcome welcomes welcomed | criticize criticizes criticized condemn condemns condemned
friend friends friendly ally allies | enemy enemies adversary adversaries hostile
peace peaceful | war conflict
success successful succeed succeeded | failure fail failed
legal lawful | illegal unlawful
positive | negative
warm warmer | cold colder
close closer | distant apart
similar similarities | different differences
sign signs signed ratify ratified launch launched fund funds funded | cancel cancels cancelled canceled scrap scraps scrapped abandon abandons abandoned
maintain maintains maintained keep keeps kept pursue pursues pursued | abandon abandons abandoned drop drops dropped
harsh harshly furious furiously angry angrily fierce fiercely | moderate moderately mild mildly restrained measured muted calm calmly
intensify intensifies intensified intensifying | reduce reduces reduced reducing cut cuts
welcome welcomes welcomed embrace embraces embraced | suspicion suspicious
uphold upholds upheld | reject rejects rejected overturn overturned
withdraw withdraws withdrew withdrawn withdrawing | move moves moved moving relocate relocates relocated relocating
healthy | cool cools cooled cooling sour soured souring unhealthy loosen loosens loosened loosening
major significant important | minor marginal negligible insignificant
struggle struggles struggling sluggish | recover recovers recovered recovering booming thriving
always often frequently common widespread | rare rarely seldom
encourage encourages encouraged | caution cautions cautioned discourage discourages discouraged
visceral intense | muted mild
confident confidence | doubt doubts doubted doubtful unsure
neutral neutrality | side sides sided siding
accelerate accelerated accelerating accelerates | slow slows slowed slowing decelerate
ease eases eased easing calm calmed | escalate escalates escalated escalating heighten heightened
lift lifts lifted lifting | impose imposes imposed imposing
import imports imported importer | export exports exported exporter
upgrade upgrades upgraded | downgrade downgrades downgraded
remain remains remained | lose loses lost cease ceases ceased
single | multiple numerous various
voice voices voiced voicing speak speaks spoke | quiet silent silence silenced
silent silence omit omits omitted ignore ignores ignored | highlight highlights highlighted stress stresses stressed emphasize emphasizes emphasized mention mentions mentioned voice voices voiced
unity united unify unified | disunity division divisions divided split`

// antonyms maps the stem of each word of antonymPairs to the stems of its
// opposites.
var antonyms = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(antonymPairs, "\n") {
		left, right, _ := strings.Cut(line, "|")
		for _, a := range strings.Fields(left) {
			for _, b := range strings.Fields(right) {
				sa, sb := text.Stem(foldSpelling(a)), text.Stem(foldSpelling(b))
				m[sa] = append(m[sa], sb)
				m[sb] = append(m[sb], sa)
			}
		}
	}
	return m
}()

// playDown is "play down" and its forms, read as "downplay".
var playDown = regexp.MustCompile(`(?i)\b(play|plays|played|playing) down\b`)

// withPhrasalVerbs writes a phrasal verb with an opposite as one word:
// "played down" is "downplayed".
func withPhrasalVerbs(body string) string {
	for _, pv := range phrasalVerbs {
		// The regular expressions are slow; most text has none of their
		// particles.
		if strings.Contains(body, pv.particle) {
			body = pv.pattern.ReplaceAllString(body, pv.as)
		}
	}
	if !strings.Contains(body, " down") && !strings.Contains(body, " Down") {
		return body
	}
	return playDown.ReplaceAllStringFunc(body, func(m string) string {
		verb, _, _ := strings.Cut(strings.ToLower(m), " ")
		return "down" + verb
	})
}

// phrasalVerbs are phrasal verbs written as the one word whose opposite
// antonymPairs lists: "scaling back" is "reducing", "doubling down"
// "intensifying", "pulling out of" "withdrawing from"; and two idioms of
// doubt written as one ("only time will tell", "remains to be seen").
var phrasalVerbs = []struct {
	particle string // a word every match has
	pattern  *regexp.Regexp
	as       string
}{
	{" back", regexp.MustCompile(`(?i)\b(?:scal|cutt|pull|dial)ing back\b`), "reducing"},
	{" back", regexp.MustCompile(`(?i)\b(?:scale|cut|pull|dial)s? back\b`), "reduce"},
	{" back", regexp.MustCompile(`(?i)\b(?:scaled|cut|pulled|dialled|dialed) back\b`), "reduced"},
	// "scaled that support back": the particle after its object.
	{" back", regexp.MustCompile(`(?i)\b(?:scaled|dialled|dialed) ((?:\w+ ){1,2})back\b`), "reduced $1"},
	{" back", regexp.MustCompile(`(?i)\b(?:scale|scales|dial|dials) ((?:\w+ ){1,2})back\b`), "reduce $1"},
	{" down", regexp.MustCompile(`(?i)\bdoubling down\b`), "intensifying"},
	{" up", regexp.MustCompile(`(?i)\b(?:stepping|ramping) up\b`), "intensifying"},
	{" down", regexp.MustCompile(`(?i)\bdoubles? down\b`), "intensify"},
	{" up", regexp.MustCompile(`(?i)\b(?:steps?|ramps?) up\b`), "intensify"},
	{" down", regexp.MustCompile(`(?i)\bdoubled down\b`), "intensified"},
	{" up", regexp.MustCompile(`(?i)\b(?:stepped|ramped) up\b`), "intensified"},
	{" down", regexp.MustCompile(`(?i)\b(?:struck|strikes|strike) down\b`), "rejected"},
	{" out", regexp.MustCompile(`(?i)\b(?:threw|thrown|throws|throw) (\w+ )?out\b`), "rejected $1"},
	{" aside", regexp.MustCompile(`(?i)\b(?:set|sets|brushed|brushes|brush) (\w+ )?aside\b`), "rejected $1"},
	{" tell", regexp.MustCompile(`(?i)\b(?:only )?time will tell\b`), "it remains uncertain"},
	{" seen", regexp.MustCompile(`(?i)\b(?:remains|remain|remained) to be seen\b`), "remains uncertain"},
	{" out of", regexp.MustCompile(`(?i)\bpulling (\w+ )?(\w+ )?out of\b`), "withdrawing $1$2from"},
	{" out of", regexp.MustCompile(`(?i)\bpull(?:s|ed)? (\w+ )?(\w+ )?out of\b`), "withdraw $1$2from"},
}

// contradicts returns a term of the claim that the stretch does not have
// but has the opposite of, or "".
func (p passageText) contradicts(c claim) string {
	own := termSet{}
	own.add(c.terms...)
	for _, t := range c.terms {
		// A word a negation of the claim bears on is not claimed: "did not
		// weaken" is not contradicted by "strengthened"; nor is the "short"
		// of the negation "stops short of" itself.
		if _, phrase := negatingPhrases[t]; c.negated && (phrase || slices.Contains(c.denied, t)) {
			continue
		}
		// The stretch's own words only: synonyms reach far ("oppose" has
		// "defend" among them, "meet" has "oppose"), and an opposite of the
		// curated list outweighs them.
		if p.stems.has(t) {
			continue
		}
		// (slices.Concat: antonyms is shared, and may have room to append.)
		for _, a := range slices.Concat(antonyms[t], c.opposites[t]) {
			// WordNet's opposite of a sense the claim does not mean: "dead"
			// is not "alive" where its wordings hold "lives" ("lost their
			// lives").
			if !slices.Contains(antonyms[t], a) && (slices.Contains(wordingsOf[t], a) || slices.Contains(c.synonyms[t], a)) {
				continue
			}
			// "beginning … ended": a claim with both opposites says what
			// the passage's one of them does not deny.
			if p.stems.has(a) && !own.has(a) {
				return t
			}
		}
	}
	return ""
}
