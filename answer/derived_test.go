package answer

import "testing"

// TestSupportCheckDerivedNumbers: a number a careful reader works out
// from the passage's own — a span between two years or two dated months,
// a year counted back by a span of the same sentence, a share said as a
// fraction, a rank of a numbered item, an amount said as an idiom — is
// supported; the same sentence with another number is not, and a span is
// no count of things.
func TestSupportCheckDerivedNumbers(t *testing.T) {
	const passage = "The river port opened in 1962 and was rebuilt in 1990. " +
		"The ferry returned to the island on March 3, 2021, for the first time in four years. " +
		"The governor visited the port in May 2016 and again in September 2016. " +
		"More than half of the town's boats are owned by families; three quarters of them fish. " +
		"Point 7 of the charter protects the harbour. " +
		"The town holds 12 festivals a year and signed as many as 13 agreements with its neighbour. " +
		"Some 26 percent of the boats are rented."
	checkSupportCases(t, passage, []supportCase{
		{"the span between two years", "The river port was rebuilt twenty-eight years after it opened in 1962.", true},
		{"another span", "The river port was rebuilt thirty years after it opened in 1962.", false},
		{"a year counted back by a span of the sentence", "The ferry returned to the island in 2021, its first time there since 2017.", true},
		{"another year", "The ferry returned to the island in 2021, its first time there since 2015.", false},
		{"months between two dates", "The governor came back to the port four months after his May 2016 visit.", true},
		{"other months", "The governor came back to the port seven months after his May 2016 visit.", false},
		{"a span is no count", "The governor visited the port 28 times.", false},
		{"more than half as a percentage", "Over 50 percent of the town's boats are owned by families.", true},
		{"another percentage", "Over 80 percent of the town's boats are owned by families.", false},
		{"three quarters as a percentage", "Some 75 percent of the family boats fish.", true},
		{"three in four", "Three in four of the family boats fish.", true},
		{"one in ten", "One in ten of the family boats fish.", false},
		{"a numbered point as a rank", "The charter's seventh point protects the harbour.", true},
		{"another rank", "The charter's ninth point protects the harbour.", false},
		{"a dozen", "The town holds a dozen festivals a year.", true},
		{"half a dozen", "The town holds half a dozen festivals a year.", false},
		{"just over a quarter", "Just over a quarter of the boats are rented.", true},
		{"nearly a third", "Nearly a third of the boats are rented.", false},
		{"a baker's dozen", "The town signed a baker's dozen of agreements with its neighbour.", true},
	})
}

// TestSupportCheckGapsSumsAndMonthsApart: a month counted from a dated
// event by a span of months the passage gives, a year an anniversary
// counts back to, and a gap or a sum the
// sentence says is one that is the exact result of two of the passage's
// numbers, are supported; a month or a number off by one is not, nor is a
// difference the sentence does not give as a gap or a sum.
func TestSupportCheckGapsSumsAndMonthsApart(t *testing.T) {
	const arrival = "The mayor arrived in Lyon on December 12, 2023, for the first time in six years. " +
		"The mayor's visit comes three months after the governor travelled to Lyon."
	checkSupportCases(t, arrival, []supportCase{
		{"the month a span of months counts back to", "The governor travelled to Lyon around September 2023, three months before the mayor arrived.", true},
		{"the same month in other words", "Since the mayor arrived on December 12, 2023, three months after the governor's trip, the governor must have visited Lyon in September 2023.", true},
		{"a month the span does not count to", "The governor travelled to Lyon around August 2023, three months before the mayor arrived.", false},
	})
	const survey = "Asked which port the region should trust, 73.6 percent of fishers chose Marseille. " +
		"In comparison, only 26.4 percent opted for Genoa. The town signed 13 agreements with Marseille and 7 with Genoa."
	checkSupportCases(t, survey, []supportCase{
		{"a gap of two shares", "Fishers favoured Marseille over Genoa by 47.2 percentage points, 73.6 versus 26.4 percent.", true},
		{"another gap", "Fishers favoured Marseille over Genoa by 45.2 percentage points, 73.6 versus 26.4 percent.", false},
		{"a sum of two counts", "The town signed a total of 20 agreements with Marseille and Genoa.", true},
		{"another sum", "The town signed a total of 21 agreements with Marseille and Genoa.", false},
		{"a difference not given as a gap", "The town signed 6 agreements with Marseille.", false},
		{"a total the passage gives as it is", "The town signed a total of 13 agreements with Marseille.", true},
	})
	const anniversary = "There is a standing invitation for the mayor to visit Genoa in 2023 to mark the 15th anniversary of the twinning of the two ports."
	checkSupportCases(t, anniversary, []supportCase{
		{"the year an anniversary counts back to", "Since 2023 marks the 15th anniversary of the twinning of the two ports, the twinning dates back to 2008.", true},
		{"another year", "Since 2023 marks the 15th anniversary of the twinning of the two ports, the twinning dates back to 2003.", false},
	})
}

// TestSupportCheckNamesInOtherForms: a country is its people and its
// short names; another country is not.
func TestSupportCheckNamesInOtherForms(t *testing.T) {
	const passage = "The party's support was stepped up during its fight against the Americans. " +
		"Vietnam hosted the U.S. Secretary of Defense every year since 2018."
	checkSupportCases(t, passage, []supportCase{
		{"the United States for the Americans", "The party's support was stepped up during its fight against the United States.", true},
		{"France for the Americans", "The party's support was stepped up during its fight against France.", false},
		{"American for U.S.", "Vietnam hosted the American Secretary of Defense every year since 2018.", true},
		{"Japanese for U.S.", "Vietnam hosted the Japanese Secretary of Defense every year since 2018.", false},
	})
	// A people is its country's capital too.
	const capital = "In 1979, Hanoi and Beijing fought a brief border war when the former invaded Cambodia."
	checkSupportCases(t, capital, []supportCase{
		{"Vietnamese for Hanoi", "In 1979 Vietnamese forces invaded Cambodia, and Hanoi and Beijing fought a brief border war.", true},
		{"Thai for Hanoi", "In 1979 Thai forces invaded Cambodia, and Hanoi and Beijing fought a brief border war.", false},
	})
}

// TestSupportCheckNoneBeforeIsTheFirst: "no one before Trong" is the
// passage's "Trong was the first"; "late October" is a date of October.
func TestSupportCheckNoneBeforeIsTheFirst(t *testing.T) {
	const passage = "From October 30th to November 2nd, the mayor was the first official to visit the port after the flood."
	checkSupportCases(t, passage, []supportCase{
		{"no one before is the first", "After the flood, no official visited the port before the mayor.", true},
		{"the first as the passage says", "The mayor was the first official to visit the port after the flood.", true},
		{"no one is not the first", "After the flood, no official visited the port.", false},
		{"late October for October 30th", "The mayor visited the port in late October, the first official to do so after the flood.", true},
		{"another month", "The mayor visited the port in late September, the first official to do so after the flood.", false},
	})
}
