package answer

import "testing"

// TestSupportCheckPlainlySoAndFirstEver: a sentence that says a thing is
// clearly so is not supported by a passage that says it is likely; "the
// first ever" is not supported by "the first time in a decade", but is by
// "the first ever" and by a "first" the passage leaves unbounded.
func TestSupportCheckPlainlySoAndFirstEver(t *testing.T) {
	const likely = "It is likely that the drought has led to the lower rice harvest in the delta."
	checkSupportCases(t, likely, []supportCase{
		{"likely, as the passage says", "The drought has likely led to the lower rice harvest in the delta.", true},
		{"likely made clearly", "The drought is clearly the reason for the lower rice harvest in the delta.", false},
	})
	const bounded = "For the first time in almost a decade, the council published its budget."
	checkSupportCases(t, bounded, []supportCase{
		{"first in a decade", "The council published its budget for the first time in almost a decade.", true},
		{"first in a decade made first ever", "The council published its budget for the first time ever.", false},
	})
	const ever = "The council published its first ever budget."
	checkSupportCases(t, ever, []supportCase{
		{"first ever, as the passage says", "The council's budget was its first ever.", true},
	})
	const plain = "The survey found that 70 percent of farmers preferred rice and 20 percent maize."
	checkSupportCases(t, plain, []supportCase{
		{"clearly, over figures that show it", "Farmers in the survey clearly preferred rice to maize, 70 percent to 20 percent.", true},
	})
}

// TestSupportCheckChangeOfStateNegations: "lost its place" where the
// passage says it remains, "scaled that support back" or "cut" where the
// passage says it was stepped up.
func TestSupportCheckChangeOfStateNegations(t *testing.T) {
	const passage = "Despite the drought, the delta remains the country's most important rice region. " +
		"The ministry's aid to the farmers was stepped up during the second harvest."
	checkSupportCases(t, passage, []supportCase{
		{"remains, as the passage says", "The delta remains the country's most important rice region despite the drought.", true},
		{"remains made lost", "Because of the drought, the delta has lost its place as the country's most important rice region.", false},
		{"stepped up, as the passage says", "The ministry stepped up its aid to the farmers during the second harvest.", true},
		{"stepped up made scaled back", "The ministry scaled that aid back during the second harvest.", false},
		{"stepped up made cut", "The ministry cut its aid to the farmers during the second harvest.", false},
	})
}

// TestSupportCheckSwappedWords: a thing put in another's place in the
// passage's own words is not supported; the same words reordered, or a
// "never free of" for "always marked by", are.
func TestSupportCheckSwappedWords(t *testing.T) {
	const passage = "The governor is expected to announce funding for a railway line project that would link the delta to the capital. " +
		"Relations between the two provinces have always been marked by rivalry."
	checkSupportCases(t, passage, []supportCase{
		{"the project as the passage says", "The governor is expected to announce funding for a railway line project linking the delta to the capital.", true},
		{"another project in its place", "The governor is expected to announce funding for a new deep-water harbour project that would link the delta to the capital.", false},
		{"a not said otherwise", "Relations between the two provinces have never been free of rivalry.", true},
	})
}

// TestSupportCheckCertaintyAgainstAHedgeElsewhere: "guaranteeing",
// "confirmed" say a thing is plainly so, as "clearly" does, even in a
// sentence with a hedge of its own ("seeks"); a passage's "only time will
// tell if" or "it is unclear whether" hedges it; and a claim said plainly
// so is hedged by a hedge in any sentence of its passage, not only the
// one that supports the rest of it.
func TestSupportCheckCertaintyAgainstAHedgeElsewhere(t *testing.T) {
	const passage = "The agreement states the intention to seek long-term solutions acceptable to both sides. " +
		"Only time will tell if this new partnership will be long-lasting."
	checkSupportCases(t, passage, []supportCase{
		{"the intention, as said", "The agreement seeks long-term solutions acceptable to both sides.", true},
		{"time will tell made guaranteed", "The agreement seeks long-term solutions acceptable to both sides, guaranteeing that the new partnership will be long-lasting.", false},
		{"time will tell made clearly", "The agreement seeks long-term solutions acceptable to both sides, and the new partnership will clearly be long-lasting.", false},
	})
	const unclear = "It is unclear whether the new railway line will raise trade between the two countries."
	checkSupportCases(t, unclear, []supportCase{
		{"unclear made confirmed", "It is confirmed that the new railway line will raise trade between the two countries.", false},
	})
}

// TestSupportCheckPlanMadeAFact: a sentence that says done what the
// passage only plans, promises or negotiates is not supported; the plan
// said as a plan is, and so is a thing the passage says is done.
func TestSupportCheckPlanMadeAFact(t *testing.T) {
	const plan = "The two towns plan to encourage deeper cooperation in the fields of fishing and tourism."
	checkSupportCases(t, plan, []supportCase{
		{"the plan as a plan", "The two towns plan deeper cooperation in fishing and tourism.", true},
		{"the plan made a fact", "The two towns have already put in place deeper cooperation in fishing and tourism.", false},
		{"the plan made a fact, as the article's", "According to the article, the two towns have already implemented deeper cooperation in fishing and tourism.", false},
	})
	const talks = "Both towns agreed to share the harbour while accelerating long-stalled negotiations over a fishing treaty."
	checkSupportCases(t, talks, []supportCase{
		{"negotiations as negotiations", "Both towns agreed to share the harbour and to speed up talks on a fishing treaty.", true},
		{"negotiations made a treaty concluded", "Both towns concluded a fishing treaty and agreed to share the harbour.", false},
	})
	const done = "The towns have already put in place a joint ferry and plan to extend it."
	checkSupportCases(t, done, []supportCase{
		{"a thing the passage says is done", "The towns have already put in place a joint ferry.", true},
	})
}

// TestSupportCheckInventedThingsMade: a sentence that says a thing was
// made ("by creating a joint court", "set up a joint press centre") is not
// supported where the passage lacks the thing's head noun, however many
// of the words around it the passage has; it is where the passage names
// the thing, or a synonym of it.
func TestSupportCheckInventedThingsMade(t *testing.T) {
	const manage = "The two towns agreed to properly manage their maritime spats, and jointly battle smuggling."
	checkSupportCases(t, manage, []supportCase{
		{"the passage's words alone", "The two towns agreed to properly manage their maritime spats and jointly battle smuggling.", true},
		{"an invented court made", "The two towns agreed to properly manage their maritime spats by creating a joint maritime court.", false},
	})
	const platform = "The two parties established a high-level platform co-chaired by a member of each side's council."
	checkSupportCases(t, platform, []supportCase{
		{"the thing the passage names", "The two parties set up a high-level platform co-chaired by a council member from each side.", true},
		{"another thing", "The two parties set up a high-level tribunal co-chaired by a council member from each side.", false},
	})
}
