package answer

import "testing"

// TestSupportCheckNegationPolarity: a sentence's "not" is judged on the
// claim as a whole. A passage's "avoid", "refused", "only", "little" says
// it too; "not until 1999" says when, not whether; a sentence's
// "declined", "rejected", "free of", "warned … against" say no, which the
// passage must say as well; and a passage's "not" about the claim's own
// words denies it.
func TestSupportCheckNegationPolarity(t *testing.T) {
	const passage = "Traumatised by the Cold War, Hanoi chose to avoid reliance on external forces. " +
		"Hanoi has refused to take its maritime case to an international court. " +
		"The ministry published its annual report on the border in March. " +
		"The border dispute was only resolved in 1999, when an accord was signed. " +
		"The arbitration brought little benefit to the province. " +
		"Beijing cautioned Hanoi not to trust outside powers. " +
		"The summit was not a shift in Vietnamese policy. " +
		"Relations between the neighbours have encountered strains in recent years. " +
		"China and Russia were also uninvited to the summit. " +
		"The lockdowns heavily disrupted cross-border supply chains. " +
		"The statement does not declare all issues in the area resolved. " +
		"It was his first official visit abroad since the 13th Congress re-elected him."
	checkSupportCases(t, passage, []supportCase{
		{"stops short of for does not", "The statement stops short of declaring all issues in the area resolved.", true},
		{"not … since for the first … since", "He had made no official visit abroad since the 13th Congress re-elected him.", true},
		{"what the passage says is not so", "The statement declares all issues in the area resolved.", false},
		{"never free of for have encountered", "Relations between the neighbours have never been free of strains in recent years.", true},
		{"not invited for uninvited", "Neither China nor Russia was invited to the summit.", true},
		{"invited where the passage has uninvited", "China and Russia were both invited to the summit.", false},
		{"barely where the passage says heavily", "The lockdowns barely disrupted cross-border supply chains.", false},
		{"a not matched by avoid", "Hanoi decided it should not rely on outside forces.", true},
		{"declined for refused", "Hanoi has declined to take its maritime case to an international court.", true},
		{"a not matched by only … in", "It was not until 1999 that the border dispute was resolved.", true},
		{"without matched by little", "The arbitration ended without much benefit to the province.", true},
		{"warned against for cautioned not to", "Beijing warned Hanoi against trusting outside powers.", true},
		{"a refusal about something else is no licence", "The ministry did not publish its annual report on the border.", false},
		{"a refusal the passage does not make", "The ministry rejected its annual report on the border.", false},
		{"what the passage says was not", "The summit marked a shift in Vietnamese policy.", false},
		{"what the passage cautions against", "Beijing urged Hanoi to trust outside powers.", false},
		{"free of what the passage says there is", "Relations between the neighbours have been free of strains in recent years.", false},
	})
}

// TestSupportCheckDegreeWords: "mostly", "largely", "mainly" before a
// reason say which reason weighs most, and license one another; before an
// adjective they hedge; "most" over a verb is a superlative; "only" before
// a time says when; "close to" a number is "nearly"; "no one but" is
// "only"; "the main reason" is "primarily due to".
func TestSupportCheckDegreeWords(t *testing.T) {
	const passage = "In 2016 Vietnam became the eighth-largest arms importer, largely thanks to its purchases of Russian weaponry. " +
		"Its navy grew partly because of French loans. " +
		"Asked whom they have the most confidence in, 56.9 percent of respondents chose the United States. " +
		"A week after the summit, the prime minister met the president in Jakarta. " +
		"Chinese rule lasted nearly 1,000 years. " +
		"The minister said the future of the region is in the hands of no one but its peoples. " +
		"Ties have frayed in recent years, primarily due to disputes over islands. " +
		"The two countries have since had a cooperative relationship."
	checkSupportCases(t, passage, []supportCase{
		{"mostly because of for largely thanks to", "Vietnam was the eighth-largest arms importer in 2016, mostly because of the Russian weapons it bought.", true},
		{"mostly because of for partly because of", "Its navy grew mostly because of French loans.", false},
		{"most over a verb", "Respondents trusted the United States most, at 56.9 percent.", true},
		{"only before a time", "Only a week after the summit, the prime minister met the president in Jakarta.", true},
		{"close to a number", "Chinese rule lasted close to 1,000 years.", true},
		{"alone for no one but", "The minister said the region's future belongs to its peoples alone.", true},
		{"the main reason for primarily due to", "Disputes over islands are the main reason ties have frayed in recent years.", true},
		{"largely before an adjective hedges", "The two countries have since had a largely cooperative relationship.", true},
		{"always for since", "The two countries have always had a cooperative relationship.", false},
		{"a rank needs a rank, not a count", "Since then the second country has had a cooperative relationship.", false},
		{"a rank, as the passage gives it", "In 2016 Vietnam was the eighth-largest arms importer, largely thanks to its purchases of Russian weaponry.", true},
	})
}

// TestSupportCheckParaphrases: a faithful sentence in other words — the
// words of one paraphrase group, a word derived from the same root, a
// demonym for its place — is supported; the same wording does not carry
// a changed fact, an opposite, or a clause of its own.
func TestSupportCheckParaphrases(t *testing.T) {
	const passage = "Several Chinese companies are moving their operations to Vietnam this year. " +
		"Trong made a visit to China in April 2015. " +
		"China advocates for Vietnam's inclusion in its Digital Silk Road. " +
		"The Singaporean-based institute conducts an annual survey of regional attitudes. " +
		"Vietnam is doubling down on its charm offensive towards Beijing. " +
		"China's official reaction to the upgrade was moderate. " +
		"Xi said the partnership would enter a new stage of political trust."
	checkSupportCases(t, passage, []supportCase{
		{"firms relocating production", "Some Chinese firms are relocating production to Vietnam this year.", true},
		{"travelled for made a visit", "Trong travelled to China in April 2015.", true},
		{"include for inclusion", "China is lobbying to include Vietnam in its Digital Silk Road.", true},
		{"a place for its demonym", "A Singapore-based institute polls regional attitudes every year.", true},
		{"every year for annual", "The Singaporean-based institute surveys regional attitudes every year.", true},
		{"another place's demonym", "A Malaysia-based institute polls regional attitudes every year.", false},
		{"a changed year in other words", "Trong travelled to China in April 2016.", false},
		{"pulling out for moving to", "Chinese companies are pulling their operations out of Vietnam this year.", false},
		{"scaling back for doubling down", "Vietnam is scaling back its charm offensive towards Beijing.", false},
		{"harsh for moderate", "China reacted harshly to the upgrade.", false},
		{"an added clause of its own", "Xi said the partnership would enter a new stage of political trust, and both sides would set up a joint commission to oversee the process.", false},
		{"an added place where it happened", "Trong travelled to China in April 2015, where he signed a treaty settling the maritime dispute.", false},
	})
}

// TestSupportCheckSpansAndPeoples: "the last decade" is ten years; "over
// twenty years" is a span, not a floor; a people in the plural is its
// country.
func TestSupportCheckSpansAndPeoples(t *testing.T) {
	const passage = "Prime Minister Chinh met key U.S. power brokers in Washington. " +
		"In the last decade Vietnam grew fast. " +
		"Over the past five months it signed 13 agreements. " +
		"In the past two decades it bought more than US$10 billion of arms."
	checkSupportCases(t, passage, []supportCase{
		{"Americans for U.S.", "Chinh met influential Americans in Washington.", true},
		{"another people", "Chinh met influential Russians in Washington.", false},
		{"ten years for a decade", "Over the past ten years Vietnam grew quickly.", true},
		{"another span", "Over the past thirty years Vietnam grew quickly.", false},
		{"over twenty years as a span", "Over twenty years it bought more than US$10 billion of arms.", true},
		{"a floor the passage does not give", "It bought more than US$10 billion of arms over more than twenty years.", false},
	})
}
