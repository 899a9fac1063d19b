package answer

import (
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// supportCase is one line of a specification of the support check: a
// sentence, and whether the passage of its table supports it.
type supportCase struct {
	name, sentence string
	want           bool
}

// checkSupportCases runs the model-free check on each case against passage.
func checkSupportCases(t *testing.T, passage string, cases []supportCase) {
	t.Helper()
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	for _, tt := range cases {
		if v := check.check(tt.sentence, passage, "A Reading on China and Vietnam"); v.supported != tt.want {
			t.Errorf("%s: %q supported = %v (%s), want %v", tt.name, tt.sentence, v.supported, v.why, tt.want)
		}
	}
}

// TestSupportCheckStrength: a sentence may not say more than its passage
// — a quantity, rank, time or certainty made stronger, a floor for a
// number the passage gives as a ceiling, a thing stated as so that the
// passage says only may be.
func TestSupportCheckStrength(t *testing.T) {
	const passage = "Vietnam is one of the region's largest rice exporters, and China is its second-largest export market. " +
		"More than half of the province's factories may close by 2030, officials said. " +
		"Several Chinese firms have moved some of their production to Hanoi. " +
		"The two parties have always held an annual meeting. " +
		"In May 2015 the two parties held their annual meeting in Hanoi. " +
		"The minister appears confident that the talks will succeed. " +
		"Only Laos signed the declaration. " +
		"The visit produced as many as 13 agreements. " +
		"Vietnam's statecraft prioritizes sovereignty."
	checkSupportCases(t, passage, []supportCase{
		{"one of the largest, as the passage says", "Vietnam is one of the region's largest rice exporters.", true},
		{"one of the largest made the largest", "Vietnam is the region's largest rice exporter.", false},
		{"a rank, as the passage says", "China is Vietnam's second-largest export market.", true},
		{"a rank made the first", "China is Vietnam's largest export market.", false},
		{"more than half made all", "All of the province's factories may close by 2030.", false},
		{"more than half as most", "Most of the province's factories may close by 2030.", true},
		{"may made will", "More than half of the province's factories will close by 2030.", false},
		{"may, reported", "Officials said more than half of the province's factories could close by 2030.", true},
		{"the month May is no hedge", "The two parties held their annual meeting in Hanoi in 2015.", true},
		{"several made every", "Every Chinese firm has moved its production to Hanoi.", false},
		{"several made most", "Most Chinese firms have moved some of their production to Hanoi.", false},
		{"several, as the passage says", "Several Chinese firms have moved some of their production to Hanoi.", true},
		{"always, as the passage says", "The two parties have always held an annual meeting.", true},
		{"an annual meeting made one for life", "The two parties will hold an annual meeting for life.", false},
		{"appears confident made certain", "The minister is certain that the talks will succeed.", false},
		{"appears confident, as the passage says", "The minister appears confident that the talks will succeed.", true},
		{"only as alone", "Laos alone signed the declaration.", true},
		{"as many as made more than", "The visit produced more than 13 agreements.", false},
		{"as many as left out", "The visit produced 13 agreements.", true},
		{"one of the largest made larger than any other", "Vietnam exports more rice than any other country in the region.", false},
		{"an order of priority is not a first time", "Vietnam's statecraft puts sovereignty first.", true},
	})
}

// TestSupportCheckNameSwaps: a name of the sentence that the passage
// names elsewhere is still wrong where the passage puts another name in
// its place.
func TestSupportCheckNameSwaps(t *testing.T) {
	const passage = "Xi Jinping arrived in Hanoi on Tuesday. " +
		"He was greeted at the airport by Prime Minister Pham Minh Chinh. " +
		"Later he met President Vo Van Thuong. " +
		"A Chinese vessel sank a fishing boat near the Paracel Islands, while China built outposts in the Spratly Islands. " +
		"Trong said that Vietnam sees relations with China as a top priority. " +
		"Vietnam invaded Cambodia in 1978 to remove the Khmer Rouge. China responded by invading Vietnam in 1979. " +
		"In the survey 56.9 percent chose the United States, while only 11.8 percent picked China. " +
		"Trong was re-elected at the CPV's 13th National Congress. Xi was re-elected at the 20th CPC National Congress."
	checkSupportCases(t, passage, []supportCase{
		{"a year of the passage put in another's place", "Vietnam invaded Cambodia in 1979 to remove the Khmer Rouge.", false},
		{"the year in its place", "Vietnam invaded Cambodia in 1978 to remove the Khmer Rouge.", true},
		{"the other year in its place", "China invaded Vietnam in 1979.", true},
		{"two numbers of one sentence, which the check cannot tell apart", "In the survey 11.8 percent chose China.", true},
		{"an ordinal is one word", "Trong was re-elected at the 13th Congress and Xi at the 20th.", true},
		{"the one who greeted him", "Xi was greeted at the airport by Prime Minister Pham Minh Chinh.", true},
		{"the one who greeted him, without his title", "Xi was greeted at the airport by Pham Minh Chinh.", true},
		{"someone named later put in his place", "Xi was greeted at the airport by President Vo Van Thuong.", false},
		{"the one he met later", "Later Xi met President Vo Van Thuong.", true},
		{"a place named in the same sentence put in another's", "A Chinese vessel sank a fishing boat near the Spratly Islands.", false},
		{"the place, in its own words", "A Chinese ship sank a fishing boat near the Paracels.", true},
		{"the other place, where the passage puts it", "China built outposts in the Spratly Islands.", true},
		{"two countries swapped", "Trong said that China sees relations with Vietnam as a top priority.", false},
		{"the two countries where the passage puts them", "Trong said Vietnam sees its relations with China as a top priority.", true},
	})
	// A summary of shares of two sentences, in its own order: its "56.9
	// percent of Vietnamese" where the passage's "of Vietnamese" follows
	// 73.6. A share the passage does not give is still wrong there.
	const shares = "In the 2022 survey, when asked which country Vietnamese have the most confidence will provide leadership, 56.9 percent chose the United States, while only 11.8 percent picked China. " +
		"When asked which superpower the Association of Southeast Asian Nations (ASEAN) should align with, 73.6 percent of Vietnamese chose the United States."
	checkSupportCases(t, shares, []supportCase{
		{"shares of two sentences, summed up in another order", "A 2022 survey found 56.9 percent of Vietnamese trusted the United States most to provide leadership versus 11.8 percent for China, and 73.6 percent wanted ASEAN to align with the US.", true},
		{"a share the passage does not give", "A 2022 survey found 65.9 percent of Vietnamese trusted the United States most to provide leadership versus 11.8 percent for China, and 73.6 percent wanted ASEAN to align with the US.", false},
	})
}

// TestSupportCheckNegationsInOtherWords: negations without a "not" — an
// opposite, "unlike", "missing", "a stretch to" — and a "not" that
// affirms ("will not hesitate").
func TestSupportCheckNegationsInOtherWords(t *testing.T) {
	const passage = "Hanoi will not use force against another country, join military alliances or allow foreign bases on its soil. " +
		"Vietnam took part in the naval exercises, despite missing this year. " +
		"The country will not hesitate to defend its interests. " +
		"China actively advocates Vietnam's inclusion in the Digital Silk Road. " +
		"It would be a stretch to call the meeting an alliance. " +
		"Trong emphasized the tradition of independence. " +
		"The two sides signed 13 agreements."
	checkSupportCases(t, passage, []supportCase{
		{"the end of a list a 'not' bears on", "Hanoi will allow foreign bases on its soil.", false},
		{"the end of the list, denied", "Hanoi will not allow foreign bases on its soil.", true},
		{"an opposite", "China opposes Vietnam's inclusion in the Digital Silk Road.", false},
		{"the same, in other words", "China supports Vietnam's inclusion in the Digital Silk Road.", true},
		{"a phrasal opposite", "Trong played down the tradition of independence.", false},
		{"an undoing for a doing", "The two sides cancelled 13 agreements.", false},
		{"the doing", "The two sides signed 13 agreements.", true},
		{"a 'not' that affirms", "The country will defend its interests.", true},
		{"what 'a stretch to' denies", "The meeting was an alliance.", false},
		{"what 'a stretch to' denies, denied", "The meeting was not an alliance.", true},
		{"a negation the 'missing' of another clause does not make", "Vietnam did not take part in the naval exercises.", false},
		{"a hesitation the passage denies", "The country will hesitate to defend its interests.", false},
		{"a doubt the passage does not voice", "Trong doubted the tradition of independence.", false},
	})
}

// TestSupportCheckNumbersInOtherWords: numbers, years and shares a
// passage gives in other words, and those it does not give.
func TestSupportCheckNumbersInOtherWords(t *testing.T) {
	const passage = "Beginning in 111BC, China ruled the country for nearly 1,000 years. " +
		"In 2013 the two countries signed a partnership, and three years after that the embargo was lifted. " +
		"Russia's arms exports to the region over the past two decades topped US$10 billion. " +
		"A twenty-one gun salute greeted him. " +
		"In the survey, 73.6 percent chose the United States. " +
		"Foreign investment increased two-fold between 2011 and 2017. " +
		"Trong won a third term in 2021."
	checkSupportCases(t, passage, []supportCase{
		{"a year and a span written otherwise", "From 111 BC China ruled the country for almost a thousand years.", true},
		{"a millennium", "China ruled the country for nearly a millennium.", true},
		{"a year counted from another", "The embargo was lifted in 2016.", true},
		{"a year the count does not reach", "The embargo was lifted in 2017.", false},
		{"a span the passage does not give", "The embargo was lifted two years after the partnership.", false},
		{"decades as years", "Over the past twenty years, Russia's arms exports to the region topped US$10 billion.", true},
		{"decades as other years", "Over the past thirty years, Russia's arms exports to the region topped US$10 billion.", false},
		{"a number in two words, in figures", "A 21-gun salute greeted him.", true},
		{"another number for one in two words", "A 22-gun salute greeted him.", false},
		{"a fraction near a share", "Nearly three quarters of those surveyed chose the United States.", true},
		{"a fraction far from it", "Two thirds of those surveyed chose the United States.", false},
		{"doubled for two-fold", "Foreign investment doubled between 2011 and 2017.", true},
		{"an ordinal that is not a fraction", "Trong secured a third term in 2021.", true},
	})
}

// TestSupportCheckAcronyms: a name and its acronym stand for each other,
// either way round; an acronym the passage does not spell out does not.
func TestSupportCheckAcronyms(t *testing.T) {
	const passage = "Any final code must follow the United Nations Convention on the Law of the Sea. " +
		"Talks on the COC resumed in 2023. " +
		"Foreign Direct Investment rose in 2022."
	checkSupportCases(t, passage, []supportCase{
		{"an acronym for a name written out", "Any final code must follow UNCLOS.", true},
		{"a name written out for an acronym", "Talks on the Code of Conduct resumed in 2023.", true},
		{"an acronym of a name", "FDI rose in 2022.", true},
		{"a shorter acronym inside a name", "Any final code must follow the UN Convention on the Law of the Sea.", true},
		{"an acronym the passage does not spell out", "Any final code must follow UNESCO.", false},
	})
}

// TestSupportCheckFoldedSpellings: a word whose spelling the check folds
// ("raised", "organised") still has its synonyms; a sentence's
// "long-standing" is supported by a passage's "longstanding" (through the
// claim's other words: the check no longer joins hyphenated words).
func TestSupportCheckFoldedSpellings(t *testing.T) {
	checkSupportCases(t, "Vietnam's policy of independence is longstanding.", []supportCase{
		{"a hyphen the passage leaves out", "Vietnam's policy is long-standing.", true},
	})
	const passage = "The two countries upgraded their partnership during the visit. " +
		"The summit was organized by the foreign ministry."
	checkSupportCases(t, passage, []supportCase{
		{"raised for upgraded", "The two countries raised their partnership during the visit.", true},
		{"British spelling", "The summit was organised by the foreign ministry.", true},
		{"a thing the passage does not say", "The two countries signed a treaty on fisheries during the visit.", false},
	})
}

// TestSupportCheckSpellings: a sentence in American spelling is supported
// by a passage in British spelling, in its names too, and a changed name
// is still caught.
func TestSupportCheckSpellings(t *testing.T) {
	const passage = "Vietnam has hosted the U.S. Secretary of Defence every year since 2018, and its defence programme was organised with Japan's help."
	checkSupportCases(t, passage, []supportCase{
		{"a name's spelling", "Vietnam has hosted the US Secretary of Defense every year since 2018.", true},
		{"common words' spelling", "Its defense program was organized with Japan's help.", true},
		{"a changed name", "Vietnam has hosted the US Secretary of State every year since 2018.", false},
		{"a changed country", "Its defense program was organized with Korea's help.", false},
	})
}

// TestSupportCheckReportingWords: the words a model puts around a claim
// ("According to the article,", "The passage says") are not claims the
// passage must hold. Pruned once because no labelled set moved, it cost
// a faithful sentence of the eighth blind set.
func TestSupportCheckReportingWords(t *testing.T) {
	const passage = "Vietnamese citizens targeted Chinese citizens by attacking them, burning their businesses, and running many out of the country. Over twenty people lost their lives, while hundreds were injured."
	checkSupportCases(t, passage, []supportCase{
		{"according to", "According to the article, over twenty people lost their lives in the violence.", true},
		{"the passage says", "The passage says that over twenty people lost their lives.", true},
		{"a changed number under it", "According to the article, over fifty people lost their lives.", false},
	})
}

// TestSupportCheckRanks: a rank is a number fact — "second" or "2nd" for
// the passage's "first" is not supported — and the day of a month written
// as an ordinal ("November 2nd") is no rank; a rank ("the 41st Summit")
// counts nothing ("41 agreements").
func TestSupportCheckRanks(t *testing.T) {
	const passage = "From October 30th to November 2nd, Nguyen Phu Trong was the first state official to visit Beijing following the 20th Congress. " +
		"Yu Zhengsheng ranked fourth in the CCP hierarchy. " +
		"Thirteen economic agreements were signed, and Chinh met Biden during the 40th and 41st ASEAN Summits."
	checkSupportCases(t, passage, []supportCase{
		{"a count the passage gives", "Thirteen economic agreements were signed.", true},
		{"a count the passage only gives as a rank", "Forty-one economic agreements were signed.", false},
		{"a rank the passage gives", "Chinh met Biden during the 41st ASEAN Summit.", true},
		{"the rank the passage gives", "Trong was the first state official to visit Beijing after the 20th Congress.", true},
		{"the day of a month, as the passage writes it", "Trong stayed in Beijing from October 30th to November 2nd.", true},
		{"a rank in words the day of a month is not", "Trong was the second state official to visit Beijing after the 20th Congress.", false},
		{"a rank in figures the day of a month is not", "Trong was the 2nd state official to visit Beijing after the 20th Congress.", false},
		{"a rank in figures the passage gives", "Trong visited Beijing after the 20th Congress.", true},
		{"a rank in words for another", "Yu Zhengsheng ranked third in the CCP hierarchy.", false},
		{"a rank in figures for the passage's words", "Yu Zhengsheng ranked 4th in the CCP hierarchy.", true},
	})
}

// TestSupportCheckFirstWordNames: a country or a people is a name the
// passage must hold at the sentence's start as anywhere else; a capital
// there may stand for its government.
func TestSupportCheckFirstWordNames(t *testing.T) {
	const passage = "From modern fighter jets to kilo-class submarines, Russia has been the primary supplier of the Vietnamese armed forces. " +
		"The Biden administration announced an aid package to help African countries prepare for elections."
	checkSupportCases(t, passage, []supportCase{
		{"the country the passage names", "Russia has been the primary supplier of the Vietnamese armed forces.", true},
		{"a country the passage never names", "France has been the primary supplier of the Vietnamese armed forces.", false},
		{"a people the passage never names", "Japanese suppliers have armed the Vietnamese forces with fighter jets and submarines.", false},
		{"a capital for its government", "Washington announced an aid package to help African countries prepare for elections.", true},
	})
}

// TestSupportCheckNamedYears: a year right after a name ("Dien Bien Phu in
// 1954") dates that name, even where its sentence gives another year to
// another event; a year after a common word is left to the other rules.
func TestSupportCheckNamedYears(t *testing.T) {
	const passage = "French domination lasted until the communist national movement led by Ho Chi Minh expelled the French after the battle of Dien Bien Phu in 1954 and the subsequent American invasion in 1975."
	checkSupportCases(t, passage, []supportCase{
		{"the year the passage gives the battle", "Ho Chi Minh's movement expelled the French after the battle of Dien Bien Phu in 1954.", true},
		{"the year of another event", "Ho Chi Minh's movement expelled the French after the battle of Dien Bien Phu in 1975.", false},
	})
}

// TestSupportCheckWarnings: a passage's "warned against" a danger says
// the danger is there for a sentence that reports the warning, and no
// more: it does not support one that welcomes the danger.
func TestSupportCheckWarnings(t *testing.T) {
	const passage = "For his part, Xi warned both nations against “a very complicated international environment and severe risks and challenges”, while calling on his communist counterpart to resist any external interference in their special relationship."
	checkSupportCases(t, passage, []supportCase{
		{"the warning reported", "Xi cautioned that both countries face a very complicated international environment with severe risks.", true},
		{"the warning in the passage's words", "Xi warned both nations of a very complicated international environment and severe risks and challenges.", true},
		{"the danger welcomed", "Xi urged both nations to welcome a very complicated international environment and severe risks.", false},
	})
}

// TestSupportCheckAWeek: "a week" is seven days, and no other number of
// them.
func TestSupportCheckAWeek(t *testing.T) {
	const passage = "A week after the Trong-Xi meeting, Vietnamese Prime Minister Pham Minh Chinh met with President Joe Biden."
	checkSupportCases(t, passage, []supportCase{
		{"seven days for a week", "Seven days after the Trong-Xi meeting, Pham Minh Chinh met Biden.", true},
		{"another number of days", "Ten days after the Trong-Xi meeting, Pham Minh Chinh met Biden.", false},
		{"seven weeks for a week", "Seven weeks after the Trong-Xi meeting, Pham Minh Chinh met Biden.", false},
	})
}

// TestSupportCheckAttributiveUn: an "un" word before the noun it
// qualifies ("unresolved sea disputes") describes a thing and denies
// nothing; one that is the claim ("the disputes remain unresolved" for
// a passage that says they were resolved) still says no.
func TestSupportCheckAttributiveUn(t *testing.T) {
	const passage = "Despite the bitter history and festering maritime disputes between the two Asian neighbors, the meeting seemed genuinely warm and convivial. " +
		"The border dispute was resolved in 1999, when a bilateral agreement over border claims was signed."
	checkSupportCases(t, passage, []supportCase{
		{"an un word that describes", "Despite a bitter history and unresolved maritime disputes, the meeting seemed genuinely warm.", true},
		{"an un word that is the claim", "The border dispute remained unresolved in 1999, when a bilateral agreement over border claims was signed.", false},
	})
}

// TestSupportCheckNamesInQuotes: a single quotation mark ends a name as a
// double one does, and a sentence's first word before "of" begins none,
// so that "One of Vietnam's 'Three Nos'" names Vietnam, which a passage
// may call "the country".
func TestSupportCheckNamesInQuotes(t *testing.T) {
	const passage = "The country’s constitution commits the ruling party to a so-called “Three Nos” national security doctrine, namely (i) no military alliance with any foreign power; (ii) no foreign military bases on its soil; and (iii) no siding with one superpower against the other."
	checkSupportCases(t, passage, []supportCase{
		{"single quotes", "One of Vietnam's 'Three Nos' is that no foreign military bases may be set up on its soil.", true},
		{"double quotes", "One of Vietnam's \"Three Nos\" is that no foreign military bases may be set up on its soil.", true},
		{"another country", "One of Vietnam's 'Three Nos' is that no Russian military bases may be set up on its soil.", false},
	})
}
