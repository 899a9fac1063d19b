package answer

import "testing"

// FuzzQuestionRules: the readers of predicate.go, detail.go, order.go, scope.go and yesno.go take any
// question and any sentence without panicking or hanging.
func FuzzQuestionRules(f *testing.F) {
	f.Add("What did Yu Zhengsheng agree with Vietnamese leaders?", "In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam.")
	f.Add("Which university is Carlyle Thayer affiliated with?", "As Vietnam expert Carlyle Thayer explains, Hanoi relied on ties.")
	f.Add("Who was the U.S. Secretary of Defense?", "Vietnam hosted the U.S. Secretary of Defense every year since 2018.")
	f.Add("Why did Vietnam skip the exercises?", "Vietnam took part (despite missing this year); it agreed, or when it canceled due to pressure.")
	f.Add("Where were the workshops held?", "at the Great Hall of the People")
	f.Add("What percentage of Vietnam's trade is with China?", "30% of global trade")
	f.Add("Who ", "Ministry , Wang")
	f.Add("What did Chinh do a week after the meeting?", "A week after the Trong-Xi meeting, Chinh met Biden (Peng, 2022).")
	f.Add("What post did he hold before", "the former invaded; it shifted from")
	f.Add("Is it the whole X or only part of it?", "part of the project")
	f.Add("Did A or", "or")
	f.Add("Was it in cash or with \"new\" or in", "cash")
	f.Add("Which of the 13 agreements signed during the visit was expected to", "as13 new documents; (i) no alliance")
	f.Add("How many boats were sent to", "During Xi Jinping's visit, over eighty Chinese boats, Ge Hongliang")
	f.Add("Which US Secretary of", "the U.S. Secretary of Defense")
	f.Add("What is the name of", "Vietnam's Ministry of Foreign Affairs spokesperson Le Thi Thu Hang")
	f.Add("Which US president signed the partnership in 2013?", "In 2013, they signed it, and three years after that; President Obama announced the end of the embargo.")
	f.Add("What do the two party bosses have", "a sign that the the a")
	f.Add("In what year did Vietnam gain independence after", "In AD 939, Vietnam achieved independence: while ,and ")
	f.Add("Besides Xi, which", "Besides ,")
	f.Add("Who are the two 2 who", "Which were the the")
	f.Add("In what year and in which", "When and where")
	f.Add("Why have a number of firms been", "This strategic move is driven by the desire to reach markets.")
	f.Add("If China is only the second-largest market, which is the largest?", "China is its second-largest export market.")
	f.Add("Exactly how many people were killed", "Over twenty people lost their lives, while hundreds were injured.")
	f.Add("Who took over from Trong as", "The fact that Yu ranked fourth indicated that ties had turned the corner.")
	f.Add("Did it go up or down compared with the previous year?", "It fell from 16.5 percent to 11.8 percent, in view of")
	f.Add("Why has X's been before a court", "been being ,")
	syn := wordNet(f)
	f.Fuzz(func(t *testing.T, question, s string) {
		predicate := askedPredicate(question)
		holdsPredicateNear(sentencesOf(s, s), 1, predicate, syn)
		answersWhy(sentencesOf(s, s), 0, predicate, syn)
		givesReason(s, predicate, syn)
		if kind := kindNamePattern(question); kind != nil {
			holdsKindName(s, question, kind)
		}
		if head := roleHead(question, roleTerms(question)); head != "" {
			namesHolder(s, question, head, syn)
		}
		askedThingsTerm(question)
		shareBaseNames(question)
		holdsPlace(s, question)
		asksPlace(question)
		mainQuestion(question)
		holdsDuration(s, question)
		scope := askedTimeScope(question, readFocus(question))
		placesInScope(sentencesOf(s, s), 1, scope, syn)
		withoutTimeScope(question)
		if asksYesNo(question) {
			statesClaim(sentencesOf(s, s), 1, askedClaim(question, readFocus(question)), readFocusText(s), readFocusText(s), syn)
		}
		namesAlternative(s, askedAlternatives(question), syn)
		roleHead(roleQuestion(question), roleTerms(roleQuestion(question)))
		if event := eventWord(question); event != "" {
			datesEvent(s, askedByClause(question, readFocus(question)), event, syn)
		}
		readAskedDetail(question).missing(sentencesOf(s, s), 1, question, syn)
		namesSomeoneNew(s, question, false)
		sents := sentencesOf(s, s)
		withReasonsAfter(sents[:1], sents, predicate, syn)
		superlativeTerms(question)
		onlyRoughCounts(s, question, readFocus(question))
		asksGround.MatchString(question)
		showsGround.MatchString(s)
		asksSuccession.MatchString(question)
		statesSuccession.MatchString(s)
		asksChange.MatchString(question)
		statesChange.MatchString(s)
	})
}
