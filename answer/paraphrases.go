package answer

import (
	"strings"

	"github.com/lectern/lectern/internal/text"
)

// A faithful sentence written by someone other than the passage's author
// shares few of its words: "travelled to China" for "made visits to
// China", "firms relocating" for "companies moving", "lobbying for
// Vietnam's inclusion" for "advocates for". The synonym table holds only
// a word's two most frequent WordNet senses, which for the words of news
// prose are often not the sense meant ("firm" is "steadfast" there), and
// no derivations ("inclusion" of "include"). The support check therefore
// also credits a word of the sentence with a word of its paraphrase group
// below, or with a word derived from the same root.

// paraphraseGroups are words that news and policy prose uses for one
// another, a group a line. A word of a group covers any other of its
// group; they widen coverage only (a fact must still be in the passage,
// a negation still matched).
var paraphraseGroups = `travel travels traveled travelled visit visits visited trip trips journey
meet meets met meeting talks talk discuss discussed discussion sit
push pushes pushed pushing press presses pressed lobby lobbies lobbied lobbying advocate advocates advocated urge urges urged call calls called
firm firms company companies enterprise enterprises business businesses
production operations operation manufacturing plants factories
welcome welcomed welcoming greet greeted greeting receive received host hosted
hope hoped hopes seek seeks sought expect expected want wants wanted aim aims aimed wish wishes
quarrel quarrels dispute disputes friction row rows spat spats tension tensions conflict conflicts
fray frayed strain strains strained sour soured deteriorate deteriorated worsen worsened
destiny future fate
threaten threatened threatens encroach encroached endanger endangered infringe infringed
protest protests protested object objects objected objection objections oppose voice
warn warns warned caution cautions cautioned remind reminded
dependence dependent depend reliance rely relies relied
avoid avoids avoided shun shunned stay away escape
outside external foreign outer
fallout impact effect effects consequence consequences repercussions
principle principles tenet tenets
die died dead death deaths kill killed lives life perish perished
injure injured injuries wounded hurt
confront confronted meet met face faced
conclude concluded sign signed seal sealed
end ended over lift lifted
purchase purchases purchased buy buys bought acquire acquired
help helps helped aid assistance assist support boost
country countries nation nations state states
leader leaders chief chiefs head heads
agreement agreements deal deals accord accords document documents
ship ships vessel vessels boat boats
say says said state states stated declare declared announce announced add added
rise rises rose increase increased grow grew growing climb climbed
reduce reduced cut cuts lower lowered shrink scale
begin began start started launch launched embark embarked
keep kept maintain maintained retain retained preserve preserved remain remained stay stayed
show shows showed demonstrate demonstrated signal signaled signalled indicate indicated mark marked
big bigger biggest large larger largest great greater greatest major
often frequently regularly repeatedly
recent recently lately
move moves moved moving shift shifts shifted shifting relocate relocates relocated relocating transfer transfers transferred
pandemic covid coronavirus epidemic
tie ties relation relations relationship relationships bond bonds link links
main mainly primary primarily chief chiefly principal principally
reason reasons cause causes caused because due
topple toppled toppling overthrow overthrew overthrown oust ousted end ending ended remove removed
back backed backing ally allies allied support supported supporter
hostile opposed opposing antagonistic adversarial
settlement settle settled resolution resolve resolved solution
party parties actor actors player players
media press newspapers journalists
tell told direct directed instruct instructed order ordered
report reporting reported coverage cover covered
join joins joined joining participate participates participated participating part
praise praised praising laud lauded hail hailed commend commended positively
extend extended extends prolong prolonged lengthen lengthened
influential key powerful leading prominent
quick quickly rapid rapidly fast swift swiftly
strengthen strengthened strengthening upgrade upgraded upgrading bolster bolstered reinforce reinforced enhance enhanced
moderate restrained measured muted mild
considerably significantly substantially markedly greatly sharply
give gives gave given extend extends extended provide provides provided offer offers offered grant grants granted
war wars fight fights fighting struggle struggles battle battles
increase increases increased intensify intensifies intensified
central pivotal crucial vital essential
remark remarks statement statements comment comments
counter counters countering resist resists resisting combat combats combating`

// wordingsOf maps the stem of each word of paraphraseGroups to the stems
// of the others of its groups.
var wordingsOf = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(paraphraseGroups, "\n") {
		var stems []string
		for _, w := range strings.Fields(line) {
			stems = append(stems, text.Stem(foldSpelling(w)))
		}
		stems = distinct(stems)
		for _, a := range stems {
			for _, b := range stems {
				if a != b {
					m[a] = append(m[a], b)
				}
			}
		}
	}
	return m
}()

// derivedRoot is the root a stem shares with the words derived from it:
// "inclus" (inclusion) and "includ" (include) are "includ", "relianc" is
// "reli", "dependent" "depend", "relationship" "relat".
func derivedRoot(stem string) string {
	// "relationship" is "relation", which is "relat".
	if base, ok := strings.CutSuffix(stem, "ship"); ok && len(base) >= 4 {
		stem = base
	}
	for _, suffix := range []string{"anc", "enc", "ant", "ent", "ment", "ion", "ive", "al", "ag"} {
		if base, ok := strings.CutSuffix(stem, suffix); ok && len(base) >= 4 {
			stem = base
			break
		}
	}
	// "inclus", "decis", "invas", "conclus": the verb's "d".
	if n := len(stem); n >= 5 && stem[n-1] == 's' && strings.ContainsRune("uia", rune(stem[n-2])) {
		stem = stem[:n-1] + "d"
	}
	return stem
}
