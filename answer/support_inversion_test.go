package answer

import (
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestSupportCheckInversions: a claim turned into its opposite in words
// the passage does not use — "cool" for "remain healthy", "minor" for
// "major", "recovered" for "struggling", "rare" for "always", "encouraged"
// for "cautioned", "disagree" for "aligned", "drift apart" for "draw
// closer" — and what a passage's "avoid X in favor of Y" denies: X, not Y.
func TestSupportCheckInversions(t *testing.T) {
	const passage = "This visit was a sign that Trong wants the two countries' relations to remain healthy. " +
		"Chinese contractors constitute a major source of industrial investments in Vietnam. " +
		"Vietnam is seeking Beijing's support to boost its post-pandemic struggling economy. " +
		"In Vietnam, anti-Chinese nationalism is always smoldering. " +
		"China has cautioned Vietnam not to be lulled into a false sense of security. " +
		"Vietnam and the United States are aligned in their support of a rules-based order. " +
		"The narrative provides further justification for the two parties to draw closer. " +
		"The Cold War convinced the country to avoid reliance on external forces in favor of strategic autonomy."
	checkSupportCases(t, passage, []supportCase{
		{"cool for remain healthy", "Trong wants relations between the two countries to cool.", false},
		{"healthy, as said", "Trong wants the two countries' relations to stay healthy.", true},
		{"minor for major", "Chinese contractors are a minor source of industrial investment in Vietnam.", false},
		{"recovered for struggling", "Vietnam seeks Beijing's support for its economy, which has recovered since the pandemic.", false},
		{"rare for always", "Anti-Chinese nationalism is rare in Vietnam.", false},
		{"encouraged for cautioned", "China has encouraged Vietnam to feel a sense of security.", false},
		{"disagree for aligned", "Vietnam and the United States disagree in their support of a rules-based order.", false},
		{"drift apart for draw closer", "The narrative gives the two parties reason to drift apart.", false},
		{"what 'in favor of' chooses, said to be refused", "The Cold War taught the country to rely on external forces rather than seek strategic autonomy.", false},
		{"what 'avoid' denies, in other words", "The Cold War taught the country to avoid depending on outside forces and to keep its strategic autonomy.", true},
		{"what 'avoid' denies, said as the passage does", "The Cold War taught the country to avoid reliance on external forces.", true},
	})
}

// TestSupportCheckAnUnnamedCountry: a passage that speaks of "the
// country" and names no place or person the claim does not, supports a
// claim that names the one country it means; a passage that names
// another country, or a claim with two names the passage lacks, does not.
func TestSupportCheckAnUnnamedCountry(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	const unnamed = "The country's constitution commits the ruling party to a doctrine of no foreign military bases on its soil."
	const quoted = "The country's constitution commits the ruling party to the “Three Nos”: no foreign military bases on its soil."
	const named = "The country's constitution, unlike Thailand's, commits the ruling party to a doctrine of no foreign military bases on its soil."
	for _, tt := range []struct {
		name, sentence, passage string
		want                    bool
	}{
		{"the country it means", "By its constitution, Vietnam's ruling party is committed to a doctrine of no foreign military bases on its soil.", unnamed, true},
		{"a passage that names only an idea, in quotation marks", "By its constitution, Vietnam's ruling party is committed to allowing no foreign military bases on its soil.", quoted, true},
		{"the country and its people", "By its constitution, Vietnam's ruling party is committed to a doctrine of no foreign military bases on Vietnamese soil.", unnamed, true},
		{"a country and another people", "By its constitution, Vietnam's ruling party is committed to a doctrine of no foreign military bases on Thai soil.", unnamed, false},
		{"two names the passage lacks", "By its constitution, Vietnam's ruling party is committed to a doctrine of no Chinese military bases on its soil.", unnamed, false},
		{"a passage that names another country", "By its constitution, Vietnam's ruling party is committed to a doctrine of no foreign military bases on its soil.", named, false},
		{"a passage without 'the country'", "By its constitution, Vietnam's ruling party is committed to a doctrine of no foreign military bases on its soil.", "Its constitution commits the ruling party to a doctrine of no foreign military bases on its soil.", false},
	} {
		if v := check.check(tt.sentence, tt.passage, ""); v.supported != tt.want {
			t.Errorf("%s: %q supported = %v (%s), want %v", tt.name, tt.sentence, v.supported, v.why, tt.want)
		}
	}
}

// TestSupportCheckPriorityAndReason: "put X first" needs no "first" in
// the passage; "stem mainly from X" is licensed by a passage's
// "primarily due to X" near the reason, as near what it explains.
func TestSupportCheckPriorityAndReason(t *testing.T) {
	const passage = "The spokesperson reminded Vietnam to accord priority to the comprehensive strategic cooperative partnership with China. " +
		"China and Vietnam, long-standing ideological and economic partners, have encountered strains in their relationship in recent years, primarily due to territorial disputes in the South China Sea. " +
		"Trade grew in 2019, partly because of the pandemic."
	checkSupportCases(t, passage, []supportCase{
		{"put … first for accord priority", "The spokesperson reminded Vietnam to put the comprehensive strategic cooperative partnership with China first and to respect it.", true},
		{"mainly from the reason the passage gives", "The recent strains between these old partners stem mainly from their territorial disputes in the South China Sea.", true},
		{"mainly where the passage says partly", "Trade grew in 2019 mainly because of the pandemic.", false},
	})
}

// TestSupportCheckRefusals: what a passage's "refrain from", "avoid",
// "declined" bears on, it says is not done; a claim that it is done is
// denied, and one that it is not is supported.
func TestSupportCheckRefusals(t *testing.T) {
	const passage = "Both sides vowed to refrain from taking actions that complicate the situation and aggravate disputes. " +
		"The ministry declined to publish the border report. " +
		"Before the forum, authorities directed the press to refrain from any negative coverage of Laos."
	checkSupportCases(t, passage, []supportCase{
		{"done, where the passage refrains from its noun", "Before the forum, the authorities allowed the press to cover Laos critically.", false},
		{"not done, as the passage says", "Before the forum, the authorities told the press not to cover Laos negatively.", true},
		{"done, where the passage refrains", "Both sides vowed to take actions that complicate the situation.", false},
		{"not done, as the passage says", "Both sides promised not to take actions that would complicate the situation.", true},
		{"done, in fewer of its words", "Both sides vowed to take whatever actions were needed to settle the disputes by force.", false},
		{"done, where the passage declined", "The ministry published the border report.", false},
		{"declined, as said", "The ministry declined to publish the border report.", true},
	})
}

// TestSupportCheckNewsWordings: words news prose uses for one another
// ("stirred up" for "instigated", "meddling" for "interference",
// "repair" for "mend", "restrained" for "moderate", "foreigners" for
// "foreign elements") cover each other; "purely" is "only", which
// "partly" does not license.
func TestSupportCheckNewsWordings(t *testing.T) {
	const passage = "The two parties fear colour revolutions instigated by foreign elements. " +
		"Both regard Western criticism as interference in their internal affairs. " +
		"An envoy was dispatched to Beijing in August 2014 to mend relations. " +
		"China's reaction to the upgrade was moderate. " +
		"Vietnam prioritizes a healthy relationship with China, partly for economic reasons."
	checkSupportCases(t, passage, []supportCase{
		{"stirred by foreigners", "Foreigners stirred up colour revolutions.", true},
		{"meddling for interference", "Both call the criticism meddling.", true},
		{"repair for mend", "Repairing relations was the envoy's task in August 2014.", true},
		{"restrained for moderate", "The reaction was restrained.", true},
		{"purely where the passage says partly", "Vietnam prioritizes a healthy relationship with China purely for economic reasons.", false},
	})
}

// TestSupportCheckAddedListItem: a list of the sentence that the passage
// gives with one item more, an item the passage holds none of the words
// of, adds a claim; the passage's list, in any order or with an item in
// its own words, does not.
func TestSupportCheckAddedListItem(t *testing.T) {
	const passage = "The visit concluded as 13 new documents, pertaining to political cooperation, justice, trade, customs, and the environment, were signed."
	checkSupportCases(t, passage, []supportCase{
		{"an item added", "The visit ended with the signing of 13 new documents covering political cooperation, justice, trade, customs, the environment and education.", false},
		{"the passage's list", "The visit ended with the signing of 13 new documents covering political cooperation, justice, trade, customs and the environment.", true},
		{"the list in another order", "The visit ended with 13 new documents signed on trade, customs, justice, the environment and political cooperation.", true},
		{"an item in other words", "The visit ended with 13 new documents signed on political cooperation, the judiciary, trade, customs and the environment.", true},
	})
}

// TestSupportCheckOthersForOnly: what a passage gives to one alone ("a
// status that only China holds") a sentence may not give to others too;
// "no country other than China" says the passage's "only".
func TestSupportCheckOthersForOnly(t *testing.T) {
	const passage = "In 2008 the two countries upgraded their ties to a Comprehensive Strategic Cooperative Partnership, a status that only China holds."
	checkSupportCases(t, passage, []supportCase{
		{"others too", "In 2008 the two countries upgraded their ties to a Comprehensive Strategic Cooperative Partnership, a status several other countries also hold.", false},
		{"the one alone", "In 2008 the two countries upgraded their ties to a Comprehensive Strategic Cooperative Partnership, a status only China holds.", true},
		{"no other than the one", "In 2008 the two countries upgraded their ties to a Comprehensive Strategic Cooperative Partnership, which no country other than China holds.", true},
	})
}

// TestSupportCheckEighthSetRules: the rules written after the eighth
// set's first run. A passive refusal ("rejected by a tribunal") refuses
// nothing of what follows; "no fewer than 36" is a floor, not a "no"; a
// list may end ", and X"; and more opposites (confident/doubt,
// neutral/side, accelerated/slowing).
func TestSupportCheckEighthSetRules(t *testing.T) {
	const passage = "China's doctrine of historic rights was rejected by an arbitral tribunal at The Hague in 2016. " +
		"China and Vietnam signed at least 36 agreements during the visit. " +
		"These covered investment and trade, defense and security, crime prevention, transport, railways, climate change, and the digital economy. " +
		"Beijing appears confident that it can exert some leverage over Hanoi. " +
		"Although maintaining neutrality on the conflict, Vietnam has suffered from the sanctions. " +
		"Xi called for accelerated cooperation in building infrastructure. " +
		"The two sides agreed the code must be in line with international law rather than China's doctrine of sovereign claims."
	checkSupportCases(t, passage, []supportCase{
		{"what 'rather than' sets aside, set aside", "The two sides agreed the code must follow international law, not China's doctrine of sovereign claims.", true},
		{"threw out for rejected", "In 2016 a tribunal at The Hague threw out China's doctrine of historic rights.", true},
		{"a passive refusal", "An arbitral tribunal at The Hague threw out China's doctrine of historic rights in 2016.", true},
		{"no fewer than for at least", "China and Vietnam signed no fewer than 36 agreements during the visit.", true},
		{"an item added after ', and'", "The agreements covered investment and trade, defense and security, transport, railways, and nuclear energy.", false},
		{"doubt for confident", "Beijing doubts that it can exert any leverage over Hanoi.", false},
		{"a side for neutrality", "Vietnam has taken a side in the conflict and suffered from the sanctions.", false},
		{"slowing for accelerated", "Xi called for slowing cooperation in building infrastructure.", false},
		{"accelerated, as said", "Xi urged faster cooperation in building infrastructure.", true},
	})
}

// TestSupportCheckNegationInOtherWords: a claim's "rather than" or "not"
// is matched by a passage sentence's "not" about synonyms of most of what
// it denies ("rather than marking a basic change" for "did not signal a
// fundamental shift"), not by a "not" about something else.
func TestSupportCheckNegationInOtherWords(t *testing.T) {
	const passage = "Although the Trong visit was significant, it did not signal a fundamental shift in Vietnamese foreign policy but affirmed the longstanding tenets of its China policy."
	checkSupportCases(t, passage, []supportCase{
		{"rather than, in other words", "The Trong visit affirmed the longstanding tenets of Vietnam's China policy rather than marking a basic change.", true},
		{"a shift, asserted", "The Trong visit signalled a fundamental shift in Vietnamese foreign policy.", false},
	})
}

// TestSupportCheckOppositesOfPolicy: opposites of news prose about
// policy: eased/escalated, lifted/imposed, imports/exports,
// upgraded/downgraded.
func TestSupportCheckOppositesOfPolicy(t *testing.T) {
	const passage = "Tensions in the South China Sea eased after the talks. " +
		"Washington lifted its arms embargo on Vietnam in 2016. " +
		"Vietnam imports raw materials for its textile industry from China. " +
		"The two countries upgraded their ties in 2008."
	checkSupportCases(t, passage, []supportCase{
		{"escalated for eased", "Tensions in the South China Sea escalated after the talks.", false},
		{"imposed for lifted", "Washington imposed an arms embargo on Vietnam in 2016.", false},
		{"exports for imports", "Vietnam exports raw materials for its textile industry to China.", false},
		{"downgraded for upgraded", "The two countries downgraded their ties in 2008.", false},
		{"lifted, as said", "In 2016 Washington lifted the arms embargo it had on Vietnam.", true},
	})
}

// TestSupportCheckTimesOfYear: a season or a day of the week the sentence
// gives, the passage must give too.
func TestSupportCheckTimesOfYear(t *testing.T) {
	const passage = "On October 31st the two leaders met and agreed to intensify collaboration. " +
		"Xi visited Hanoi in the summer of 2023, on a Tuesday."
	checkSupportCases(t, passage, []supportCase{
		{"a season added", "On October 31st the two leaders met, agreed to step up collaboration and planned a visit the following spring.", false},
		{"the season given", "Xi went to Hanoi in the summer of 2023.", true},
		{"another day", "Xi visited Hanoi on a Friday in 2023.", false},
	})
}

// TestSupportCheckSummaryWordings: a summary in other common words —
// "gave" for "extended", "war" for "fight", "increased it considerably"
// for "was significantly stepped up" — is covered.
func TestSupportCheckSummaryWordings(t *testing.T) {
	const passage = "The CCP led by Mao Zedong extended some ideological, political and material support to the CPV in its struggle for independence from the French. " +
		"This support was significantly stepped up during the CPV's fight against the Americans."
	checkSupportCases(t, passage, []supportCase{
		{"a summary in other words", "Mao's CCP gave the CPV some ideological, political and material support against the French and increased it considerably during the war against the Americans.", true},
		{"a summary with a name changed", "Mao's CCP gave the CPV some ideological, political and material support against the Japanese and increased it considerably during the war against the Americans.", false},
	})
}

// TestSupportCheckPolitburo: "Politburo" is the "Political Bureau", either
// way; another body is not.
func TestSupportCheckPolitburo(t *testing.T) {
	checkSupportCases(t, "They set up a party platform, co-chaired by a Political Bureau member from each side.", []supportCase{
		{"Politburo for Political Bureau", "They set up a party platform co-chaired by a Politburo member from each side.", true},
		{"another body", "They set up a party platform co-chaired by a Secretariat member from each side.", false},
	})
	checkSupportCases(t, "They set up a party platform, co-chaired by a Politburo member from each side.", []supportCase{
		{"Political Bureau for Politburo", "They set up a party platform co-chaired by a Political Bureau member from each side.", true},
	})
}

// TestSupportCheckMoreOpposites: loosen/healthy, single/multiple,
// sympathetic/opposed; and "remains to be seen" for "only time will
// tell".
func TestSupportCheckMoreOpposites(t *testing.T) {
	const passage = "Trong wants the two countries' relations to remain healthy. " +
		"Vietnam's multi-vector policy means robust relations with multiple powers. " +
		"Outside parties opposed to China seek confrontation. " +
		"Only time will tell if this new synergy will be long-lasting."
	checkSupportCases(t, passage, []supportCase{
		{"loosen for remain healthy", "Trong wants to loosen relations between the two countries.", false},
		{"a single power for multiple", "Vietnam's multi-vector policy means robust relations with a single power.", false},
		{"sympathetic for opposed", "Outside parties sympathetic to China seek confrontation.", false},
		{"remains to be seen for time will tell", "Whether the new synergy will be long-lasting remains to be seen.", true},
	})
}

// TestSupportCheckForemost: a passage's "most prominently Russia"
// licenses "Russia foremost among them", and no "foremost" of another.
func TestSupportCheckForemost(t *testing.T) {
	const passage = "Vietnam is upgrading its defences via a wide network of suppliers, most prominently Russia. India also sells it arms."
	checkSupportCases(t, passage, []supportCase{
		{"foremost among them, as the passage ranks", "Vietnam is upgrading its defences via a wide network of suppliers, Russia foremost among them.", true},
		{"another foremost", "Vietnam is upgrading its defences via a wide network of suppliers, India foremost among them.", false},
	})
}

// TestSupportCheckLittle: a sentence's "changed little" says no, which a
// passage that says the thing changed much does not support; "a little"
// says some.
func TestSupportCheckLittle(t *testing.T) {
	const passage = "The decision to end the arms embargo would mark a fundamental shift in U.S.-Vietnamese relations. " +
		"The arbitration brought little benefit to the province. " +
		"Exports rose slightly in 2019."
	checkSupportCases(t, passage, []supportCase{
		{"little for a fundamental shift", "The decision to end the arms embargo changed little in U.S.-Vietnamese relations.", false},
		{"little, as said", "The arbitration brought the province little benefit.", true},
		{"a little for slightly", "Exports rose a little in 2019.", true},
	})
}

// TestSupportCheckWordsOfWeight: "central" for "pivotal", "remark" for
// "statement", "resisting" for "countering".
func TestSupportCheckWordsOfWeight(t *testing.T) {
	const passage = "This statement underscores the China-Vietnam relationship as a pivotal factor in countering external influences."
	checkSupportCases(t, passage, []supportCase{
		{"in other words", "The remark presents the relationship as central to resisting external influences.", true},
		{"a clause of its own", "The remark presents the relationship as central to resisting external influences, and announces a new military alliance.", false},
	})
}

// TestSupportCheckSubjectSwapped: a known name that begins the sentence
// is read for its place too: the one who advocates is not the one
// included.
func TestSupportCheckSubjectSwapped(t *testing.T) {
	const passage = "China actively advocates for Vietnam's inclusion in its Digital Silk Road."
	checkSupportCases(t, passage, []supportCase{
		{"subject and object swapped", "Vietnam actively advocates for its inclusion in China's Digital Silk Road.", false},
		{"as the passage has it", "China actively advocates for Vietnam's inclusion in the Digital Silk Road.", true},
		{"its capital for the country", "Beijing actively advocates for Vietnam's inclusion in its Digital Silk Road.", true},
	})
}

// TestSupportCheckSilenceAndOppositesBesideANegation: "silent on",
// "omitted", "ignored" say the opposite of a passage's "highlighted",
// "voiced", "mentioned"; "disunity" the opposite of "unity"; and an
// opposite contradicts a claim that has a "not" elsewhere ("exposed
// disunity … and produced no outcomes"), though not a word under the
// claim's own negation ("did not scrap the agreements" where the passage has "did not cancel the agreements they had signed") nor the
// "short" of "stops short of" (against "long-term").
func TestSupportCheckSilenceAndOppositesBesideANegation(t *testing.T) {
	const passage = "For the first time in almost a decade, the joint statement highlighted shared concerns over new challenges to their communist political systems. " +
		"The trip signaled unity among two of only five remaining communist-led countries while resulting in more tangible outcomes like the signing of economic agreements. " +
		"Hanoi has shown that it will not hesitate to voice its objections if its national interests are encroached upon. " +
		"The two sides did not cancel the agreements they had signed. " +
		"Point 9 of the statement seeks long-term solutions and does not claim that the disputes have been settled."
	checkSupportCases(t, passage, []supportCase{
		{"silent on for highlighted", "The joint statement was silent on shared concerns over new challenges to their communist political systems.", false},
		{"omitted for highlighted", "The joint statement omitted shared concerns over new challenges to their communist political systems.", false},
		{"highlighted, as said", "The joint statement highlighted shared concerns over new challenges to their communist political systems.", true},
		{"kept silent for will voice", "Hanoi has kept silent about its objections when its national interests are encroached upon.", false},
		{"disunity for unity, beside a no", "The trip exposed disunity among two of only five remaining communist-led countries and produced no tangible outcomes.", false},
		{"unity, as said", "The trip signaled unity among two of the five remaining communist-led countries.", true},
		{"an opposite under the claim's own not", "The two sides did not scrap the agreements.", true},
		{"the short of stops short of", "Point 9 stops short of claiming that the disputes have been settled.", true},
	})
}

// TestSupportCheckAPeopleAndAnOffice: "the Chinese leader", "his Chinese
// counterpart" may stand for a person the passage names and the sentence
// does not ("Trong, like Xi, …"); not where the passage names only places
// or peoples, nor a people before a word that is not an office. (No
// title: the specs' title names China.)
func TestSupportCheckAPeopleAndAnOffice(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	const named = "Trong, like Xi, has remained as party chief beyond the usual tenure of one or two terms, cementing his influence in a party that has traditionally been governed by consensus."
	const places = "Trong, like Hanoi, has remained as party chief beyond the usual tenure of one or two terms, cementing his influence in a party that has traditionally been governed by consensus."
	for _, tt := range []struct {
		name, sentence, passage string
		want                    bool
	}{
		{"like the Chinese leader, for like Xi", "Like the Chinese leader, Trong has stayed on as party head past the customary one or two terms, strengthening his sway over a party traditionally run by consensus.", named, true},
		{"like his Chinese counterpart", "Like his Chinese counterpart, Trong has stayed on as party head past the customary one or two terms.", named, true},
		{"a people before a thing, not an office", "Like Xi, Trong has stayed on as party head past the customary one or two Chinese terms.", named, false},
		{"the Chinese leader where the passage names only a place", "Like the Chinese leader, Trong has stayed on as party head past the customary one or two terms.", places, false},
	} {
		if v := check.check(tt.sentence, tt.passage, ""); v.supported != tt.want {
			t.Errorf("%s: %q supported = %v (%s), want %v", tt.name, tt.sentence, v.supported, v.why, tt.want)
		}
	}
}

// TestSupportCheckSilenceForVoice: keeping quiet is the opposite of
// voicing, whichever way the passage says it ("will not hesitate to
// voice its objections").
func TestSupportCheckSilenceForVoice(t *testing.T) {
	const passage = "From Vietnam’s perspective, while party ties with China are useful, Hanoi has shown that it will not hesitate to voice its objections if its national interests are encroached upon as had happened in 2014."
	checkSupportCases(t, passage, []supportCase{
		{"quiet for voiced", "Hanoi has shown it will keep quiet about its objections even when its national interests are encroached upon.", false},
		{"voiced, as said", "Hanoi has shown it will voice its objections when its national interests are encroached upon.", true},
	})
}

// TestSupportCheckScopeEndsAtWhile: a passage's "only" bears on its own
// clause, not past a "while": "two of only five remaining communist-led
// countries while resulting in more tangible outcomes" does not say there
// were no tangible outcomes.
func TestSupportCheckScopeEndsAtWhile(t *testing.T) {
	const passage = "The trip signaled unity among two of only five remaining communist-led countries while resulting in more tangible outcomes like the signing of multiple economic agreements."
	checkSupportCases(t, passage, []supportCase{
		{"no outcomes for outcomes", "Beyond signalling communist unity, the trip produced no tangible outcomes such as economic agreements.", false},
		{"outcomes, as said", "Beyond signalling communist unity, the trip produced tangible outcomes such as economic agreements.", true},
	})
}

// TestSupportCheckNamesByReference: a name of the sentence the passage
// gives only by reference — "his communist counterpart" for a person,
// "its larger neighbor" for a country, a sentence's "He", "the two
// sides" for two names — is supported where the passage names nothing
// else the sentence lacks; not where it names another (a person for
// "He", anything for a country), nor a second name the reference cannot
// stand for.
func TestSupportCheckNamesByReference(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	// The passages have no title: a title's names are the passage's.
	checkUntitled := func(t *testing.T, passage string, cases []supportCase) {
		t.Helper()
		for _, tt := range cases {
			if v := check.check(tt.sentence, passage, ""); v.supported != tt.want {
				t.Errorf("%s: %q supported = %v (%s), want %v", tt.name, tt.sentence, v.supported, v.why, tt.want)
			}
		}
	}
	const counterpart = "For his part, Dupont warned both towns against a very complicated environment, while calling on his socialist counterpart to resist any external interference."
	checkUntitled(t, counterpart, []supportCase{
		{"a counterpart named", "Dupont warned of a very complicated environment and urged Moreau to resist external interference.", true},
		{"a counterpart named, the other by office", "The French leader warned of a very complicated environment and urged Moreau to resist external interference.", true},
		{"two persons for one counterpart", "Dupont warned of a very complicated environment and urged Moreau and Petit to resist external interference.", false},
	})
	const named = "For his part, Dupont warned Leclerc against a very complicated environment, while calling on his socialist counterpart to resist any external interference."
	checkUntitled(t, named, []supportCase{
		{"a counterpart where the passage names another person", "Dupont warned of a very complicated environment and urged Moreau to resist external interference.", false},
	})
	const neighbour = "The two countries normalized relations in 1991, despite Vietnam’s distrust of its larger neighbor."
	checkUntitled(t, neighbour, []supportCase{
		{"a neighbour named", "The two countries normalized relations in 1991, though Vietnam distrusts China.", true},
		{"a neighbour and a person named", "The two countries normalized relations in 1991, though Vietnam distrusts China and Moreau.", false},
	})
	const pronoun = "The two sides will sign economic agreements. He is expected to fund a railway line project."
	checkUntitled(t, pronoun, []supportCase{
		{"the person of a sentence's He", "The two sides will sign economic agreements, and Dupont is expected to fund a railway line project.", true},
	})
	const sides = "The two sides agreed to properly manage their maritime spats and boost bilateral trade."
	checkUntitled(t, sides, []supportCase{
		{"the two sides named", "In the end, Paris and Rome agreed to properly manage their maritime spats and boost bilateral trade.", true},
		{"three names for two sides", "In the end, Paris, Rome and Madrid agreed to properly manage their maritime spats and boost bilateral trade.", false},
	})
	// A title's names count as the passage's.
	if v := check.check("Paris and Rome agreed to properly manage their maritime spats and boost bilateral trade.", sides, "Madrid and Lisbon"); v.supported {
		t.Errorf("two sides named where the title names two others: supported")
	}
}
