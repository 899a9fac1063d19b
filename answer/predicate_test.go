package answer

import (
	"slices"
	"testing"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

func wordNet(t testing.TB) retrieval.Synonyms {
	t.Helper()
	s, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sentencesOf makes the candidate sentences of one passage.
func sentencesOf(texts ...string) []sentence {
	var out []sentence
	for i, s := range texts {
		out = append(out, sentence{pos: i, text: s, terms: text.Terms(s)})
	}
	return out
}

// TestAskedPredicate: the verb a question asks about, after its auxiliary
// and subject; none for a broad verb, a date (eventWord reads those), or a
// "what NOUN" question, which asks for the noun.
func TestAskedPredicate(t *testing.T) {
	tests := []struct{ question, want string }{
		{"What did Yu Zhengsheng agree with Vietnamese leaders during his visit?", "agre"},
		{"Did the Vietnamese government prosecute the people responsible for the riots?", "prosecut"},
		// A word right after an article is a noun ("a bunch"), and after
		// "do" "have" is the verb.
		{"What do the two party bosses have in common?", ""},
		{"Why are a bunch of Chinese firms shifting their factories to Vietnam?", "shift"},
		{"What does China's Global Security Initiative actually propose?", "propos"},
		{"Why did Vietnam skip the Rim of the Pacific exercises?", "skip"},
		{"Why has Vietnam refused to take China to court?", "refus"},
		{"Why are Chinese companies moving their operations to Vietnam?", "move"},
		{"Why was Vietnam left out of the summit?", "left"},
		{"What did the 17 party workshops conclude?", "conclud"},
		{"How did Vietnamese officials punish Trong's critics after the riots?", "punish"}, // a possessive opens the object
		// A who question's verb; a kind of name's.
		{"Who greeted Xi at the Hanoi airport?", "greet"},
		{"Who sent Yu Zhengsheng to Vietnam?", "sent"},
		{"Who is Lye Liang Fook?", ""},
		{"Who leads the party?", ""},
		{"Which university did Lye Liang Fook graduate from?", "graduat"},
		{"Which institute does Lye Liang Fook belong to?", ""},
		// Broad verbs, stances and dates are read by other rules.
		{"What did Xi say about the South China Sea?", ""},
		{"How did the leaders describe their special bond?", ""},
		{"What did Mao Zedong's party give the CPV?", ""},
		{"When did Vietnam join the WTO?", ""},
		// "What NOUN …?" and "how often" ask for the noun or the adverb.
		{"What rank did Yu Zhengsheng hold?", ""},
		{"How often has Vietnam received the US defense secretary?", ""},
		{"Who was Vietnam's state president?", ""},
		{"What is the Three Nos doctrine?", ""},
		// A cause asked by the verb of causing: the caused verb after
		// "to"; none when the verb is the cause's own, or the scope's.
		{"What led President Obama to lift the U.S. arms embargo on Vietnam?", "lift"},
		{"What prompted China to send two ships to the oil rig area?", "send"},
		{"What is driving Chinese firms to move their operations to Vietnam?", "move"},
		{"What led China to react more moderately to the upgrade?", ""},
		{"What is driving the deepening Sino-Vietnamese rapprochement?", ""},
		{"What did Pham Minh Chinh do a week after the Trong-Xi meeting?", ""},
		// An irregular participle after "was".
		{"Why was the second Belt and Road forum held in Beijing?", "hold"},
		// A question that opens with the noun it asks for: the verb after
		// its auxiliary, or the past form right after it; none for a
		// verb that says little beside its object, nor after "of".
		{"What agreements were signed during Trong's January 2017 visit to China?", "sign"},
		{"How many agreements did China and Vietnam sign during Trong's April 2015 visit?", "sign"},
		{"How many documents were signed at the end of Trong's 2022 trip to Beijing?", "sign"},
		{"Which Chinese ministry signed the railway agreement?", ""},  // a kind of name: kindNamePattern asks it
		{"Which Chinese officials signed the railway agreement?", ""}, // people: detail.go asks their verb
		{"Which Vietnamese and Chinese agencies will operate the hotline at sea?", "oper"},
		{"How many Chinese boats were damaged during the 2014 standoff?", "damag"},
		{"What share of the South China Sea does China claim?", ""},
		{"What percentage of Vietnamese picked China?", ""},
		{"How many workshops have the two parties held since the early 2000s?", ""},
		{"Which oil rig caused the 2014 standoff between China and Vietnam?", ""}, // a cause, said by "over"
		{"Which African nation was named as getting American help?", ""},          // what it is called
		{"What award did Xi present to Trong in 2022?", "present"},
		{"Which of the 13 agreements signed during Trong's 2022 visit was expected to reshape economic relations?", "reshap"},
		{"How many Vietnamese coast guard ships were sent to the oil rig?", "send"},
		{"How much of its rubber industry's inputs does Vietnam buy from China?", ""},
		{"What Russian-made equipment does Vietnam's military rely on?", ""},
		// An adverb after the question word.
		{"What exactly did the 1999 border agreement settle?", "settl"},
		// A word after a possessive is a noun; the verb of "has … been"
		// is the participle after "been", however long the subject.
		{"Why did Yu Zhengsheng's trip to Vietnam in December 2014 show that ties had recovered?", ""},
		{"Why did Vietnam's leaders refuse the offer?", "refus"},
		{"Why have a number of Chinese firms been relocating their operations to Vietnam?", "reloc"},
		{"Why has Trong's late-2022 trip to Beijing been read as reassuring China?", "read"},
	}
	for _, tt := range tests {
		if got := askedPredicate(tt.question); got != tt.want {
			t.Errorf("askedPredicate(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestPredicateInTheSentenceOrANeighbour: the asked verb is held by the
// sentence or the one just before or after it, as itself, a synonym, its
// noun ("agreement" for "agree"), or, for a verb of forbidding, a "no".
func TestPredicateInTheSentenceOrANeighbour(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		name      string
		sentences []string
		i         int
		predicate string
		want      bool
	}{
		{"the verb itself", []string{"The two sides agreed to properly manage their spats."}, 0, "agre", true},
		{"a synonym", []string{"Vietnam declined to take China to court."}, 0, "refus", true},
		{"the next sentence", []string{"Yu Zhengsheng visited Vietnam in December 2014.", "The two sides agreed to mend ties."}, 0, "agre", true},
		{"the sentence before", []string{"The two sides agreed to mend ties.", "Yu Zhengsheng visited Vietnam in December 2014."}, 1, "agre", true},
		{"only the topic", []string{"In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam in December 2014."}, 0, "agre", false},
		{"two sentences away", []string{"The two sides agreed to mend ties.", "Relations improved.", "Yu Zhengsheng visited Vietnam."}, 2, "agre", false},
		{"a paraphrase", []string{"China and Vietnam also agreed to enhance border trade."}, 0, "decid", true},
		{"forbidding with no", []string{"The doctrine means no military alliance with any foreign power."}, 0, "forbid", true},
		{"a riot, not its prosecution", []string{"Violent anti-Chinese riots erupted in 2014."}, 0, "prosecut", false},
		{"pressed to act", []string{"Its foreign ministry spokesperson reminded Vietnam to accord priority to the partnership."}, 0, "urg", true},
		{"welcomed as greeted", []string{"They were greeted at the Hanoi airport by Pham Minh Chinh."}, 0, "welcom", true},
		{"said, not urged", []string{"Wang Wenbin said Xi's visit would involve discussions."}, 0, "urg", false},
		{"a committee commits to nothing", []string{"Xi held a meeting with the General Secretary of the Central Committee."}, 0, "promis", false},
		{"landed as arrived", []string{"Xi arrived in Vietnam on December 12, 2023."}, 0, "land", true},
	}
	for _, tt := range tests {
		if got := holdsPredicateNear(sentencesOf(tt.sentences...), tt.i, tt.predicate, syn); got != tt.want {
			t.Errorf("%s: holdsPredicateNear = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestKindOfNameAsked: "Which university …?" is answered by a sentence
// that names a university the question does not name.
func TestKindOfNameAsked(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"Which university is Carlyle Thayer affiliated with?", "As Vietnam expert Carlyle Thayer explains, Hanoi has relied on a series of agreements.", false},
		{"Which university awarded Caporale his M.Phil?", "He has a M.Phil from the University of Cambridge in International Relations.", true},
		{"Which university hosts the center Ge Hongliang directs?", "The director of the center at Guangxi University for Nationalities, Ge Hongliang, said so.", true},
		{"Which think tank conducts the survey?", "The Singaporean-based think tank, the ISEAS-Yusof Ishak Institute, conducts an annual survey.", true},
		{"Which company is building the Hanoi metro?", "China is also investing in the Hanoi metro transit project under the Belt and Road Initiative.", false},
		{"Which bank finances the railway?", "He is expected to lay down the funding for a railway line project.", false},
		{"Which bank finances the railway?", "The Asian Development Bank finances the railway.", true},
		{"Which two foreign oil companies did Vietnam compensate?", "It agreed to pay about a billion dollars to two foreign oil companies after it canceled their contracts.", false},
		{"Which Chinese company operated the rig?", "China stationed the Haiyang Shiyou 981 oil rig in Vietnamese-claimed territory.", false},
		{"Which Chinese ministry signed the railway agreement?", "Chinese President Xi Jinping arrives in Hanoi, Vietnam", false},
		{"Which ministry described the agenda?", "Chinese Ministry of Foreign Affairs spokesperson Wang Wenbin described the agenda.", true},
		{"Which Vietnamese agencies will operate the hotline?", "The Vietnam Coast Guard will operate the hotline.", true},
		// A name the question gives is no answer.
		{"Which institute did the ISEAS-Yusof Ishak Institute survey?", "The ISEAS-Yusof Ishak Institute conducts an annual survey.", false},
	}
	for _, tt := range tests {
		kind := kindNamePattern(tt.question)
		if kind == nil {
			t.Fatalf("kindNamePattern(%q) = nil", tt.question)
		}
		if got := holdsKindName(tt.sentence, tt.question, kind); got != tt.want {
			t.Errorf("holdsKindName(%q, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
	for _, q := range []string{"What did Thayer say?", "Which country is Vietnam's top trading partner?",
		"What do Chinese contractors constitute in Vietnam?", "Which scholar at Guangxi University set out reasons?"} {
		if kindNamePattern(q) != nil {
			t.Errorf("kindNamePattern(%q) asks a kind of name", q)
		}
	}
}

// TestHolderOfTheRoleIsNamed: "Who was X's ROLE?" is answered by a name
// next to the role that the question does not give.
func TestHolderOfTheRoleIsNamed(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"Who was China's ambassador to Vietnam?", "According to China’s Ambassador to Vietnam Xiong Bo, the two countries signed dozens of documents.", true},
		{"Who was Vietnam's prime minister then?", "They were greeted at the Hanoi airport by Vietnamese Prime Minister Pham Minh Chinh.", true},
		{"Who was the U.S. Secretary of Defense that Vietnam hosted in 2018?", "Vietnam hosted the U.S. Secretary of Defense every year since 2018.", false},
		{"Who was Vietnam's state president at the time?", "Vietnam's Communist Party leader, Nguyen Phu Trong, was the first state official to visit Beijing.", false},
		{"Who is the director of the research center?", "The director of the China-ASEAN Maritime Security Research Center at Guangxi University for Nationalities, Ge Hongliang, said so.", true},
		// An organisation or a post is no person.
		{"Who was the director of the ministry's China department?", "He was previously Research Fellow and Assistant Director at the East Asian Institute of the National University of Singapore.", false},
	}
	for _, tt := range tests {
		head := roleHead(tt.question, roleTerms(tt.question))
		if head == "" {
			t.Fatalf("roleHead(%q) = \"\"", tt.question)
		}
		if got := namesHolder(tt.sentence, tt.question, head, syn); got != tt.want {
			t.Errorf("namesHolder(%q, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
	// A role a country holds, and a question about a person, ask no holder.
	for _, q := range []string{"Who is China's largest trading partner?", "Who is Lye Liang Fook?"} {
		if h := roleHead(q, roleTerms(q)); h != "" {
			t.Errorf("roleHead(%q) = %q, want none", q, h)
		}
	}
}

// TestAReasonIsGiven: a why question is answered by a sentence that gives
// a reason after the asked verb, or by the next sentence when it goes on
// about it.
func TestAReasonIsGiven(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		name      string
		sentences []string
		predicate string
		want      bool
	}{
		{"due to", []string{"It agreed to pay two oil companies after it canceled their contracts due to Chinese pressure."}, "cancel", true},
		{"to + verb", []string{"Bilateral ties deteriorated when Vietnam invaded Cambodia in 1978 to remove Pol Pot."}, "invad", true},
		{"because", []string{"Vietnam has refused to take China to international court mainly because it would anger China."}, "refus", true},
		{"the next sentence", []string{"Several Chinese companies are moving their operations to Vietnam.", "This strategic move is driven by the desire to reach Western markets."}, "move", true},
		{"no reason", []string{"Vietnam has taken part in the exercises (despite missing this year) and hosted the U.S. Secretary of Defense every year since 2018."}, "miss", false},
		{"a reason for something before the verb", []string{"The visit was intended to fulfil a promise made after he suffered a stroke in April 2019."}, "suffer", false},
		{"an announcement", []string{"Three years after that, President Barack Obama announced the end of the U.S. arms embargo against Vietnam."}, "end", false},
		{"a cause before the verb", []string{"The Pentagon's decision on CAATSA has forced Indonesia and the Philippines to cancel big-ticket arms deals with Russia."}, "cancel", true},
		{"the end of a means", []string{"Vietnam has adopted a porcupine strategy by rapidly upgrading its defensive capabilities."}, "upgrad", true},
		{"the reason of another clause", []string{"A 2020 altercation where a coast guard vessel sunk a fishing ship or when it agreed to pay after it canceled their contracts due to Chinese pressure."}, "sink", false},
		{"a next sentence about something else", []string{"Trong suffered a stroke in 2019.", "The visit reciprocated Xi's visit when Xi chose Vietnam to be the first destination."}, "suffer", false},
		// A fact that grounds the verb, a reason "in view of"; a
		// destination is no purpose.
		{"the fact that", []string{"The fact that Yu ranked fourth in the CCP hierarchy indicated that relations had turned the corner."}, "indic", true},
		{"in view of", []string{"Trong's trip can be read as a reassurance to China in view of Biden's visit to Cambodia."}, "read", true},
		{"a destination", []string{"Several Chinese companies are also moving their operations to Vietnam this year, surpassing pre-COVID-19 levels."}, "move", false},
	}
	for _, tt := range tests {
		if got := answersWhy(sentencesOf(tt.sentences...), 0, tt.predicate, syn); got != tt.want {
			t.Errorf("%s: answersWhy = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestAReasonIsAsked: the questions that ask for a reason, by "why" or by
// a verb of causing.
func TestAReasonIsAsked(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"Why did Vietnam sit out the exercises?", true},
		{"What led President Obama to lift the arms embargo?", true},
		{"What is driving Chinese firms to move their operations to Vietnam?", true},
		{"What has prompted the upgrade?", true},
		{"What was behind the 2014 riots?", true},
		{"What were the main reasons for the visit?", true},
		{"How come Vietnam never sued China?", true},
		{"What led to the riots?", true},
		{"What did the two leaders agree on?", false},
		{"Who led the delegation?", false},
	}
	for _, tt := range tests {
		if got := asksWhy.MatchString(tt.question); got != tt.want {
			t.Errorf("asksWhy(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestTheDateBelongsToTheAskedClause: a sentence that tells of two events
// dates the asked one only if its clause holds a date.
func TestTheDateBelongsToTheAskedClause(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"In what year did Vietnam cancel the contracts of the oil companies?", "Examples include a 2020 altercation where a vessel sunk a fishing ship or when it agreed to pay a billion dollars after it canceled their contracts.", false},
		{"In what year did a Chinese vessel sink a Vietnamese fishing ship?", "Examples include a 2020 altercation where a vessel sunk a fishing ship or when it agreed to pay a billion dollars after it canceled their contracts.", true},
		{"When did Vietnam and China normalize relations?", "The two countries normalized relations in 1991 and have since had a cooperative relationship.", true},
	}
	for _, tt := range tests {
		f := readFocus(tt.question)
		if got := datesEvent(tt.sentence, askedByClause(tt.question, f), eventWord(tt.question), syn); got != tt.want {
			t.Errorf("datesEvent(%q, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
}

// TestHowLargeAsksAnAmount: "how large", "how big" ask for an amount as
// "how much" does.
func TestHowLargeAsksAnAmount(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"How large was the U.S. aid package?", true},
		{"How big are the artificial islands?", true},
		{"How much did the US give?", true},
		{"How long is the border?", false},
		{"How did China respond?", false},
	}
	for _, tt := range tests {
		if got := asksHowMuch(tt.question); got != tt.want {
			t.Errorf("asksHowMuch(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestShareOfWhat: a share question's base names what the share is of;
// the sentence giving the share names it.
func TestShareOfWhat(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"What percentage of Vietnam's total foreign trade is with China?", []string{"Vietnam"}},
		{"What share of Russia's defense exports goes to Vietnam?", []string{"Russia"}},
		{"What percentage of the rubber industry's raw materials come from China?", nil},
		{"How many agreements were signed?", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, g := range shareBaseNames(tt.question) {
			got = append(got, g.shown)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("shareBaseNames(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestThingsAsked: "What agreements came out of …?" asks to list
// agreements, as the subject of its verb; "What reasons did Ge give?"
// asks for its object, which the answer may call otherwise.
func TestThingsAsked(t *testing.T) {
	tests := []struct{ question, want string }{
		{"What agreements came out of the November 2022 ASEAN-US Summit?", "agreement"},
		{"Which countries signed the RCEP?", "countri"},
		{"What reasons did Ge Hongliang give?", ""},
		{"What does point 9 of the joint statement promise?", ""},
		{"What percentage of Vietnamese chose the United States?", ""},
		{"What is the Three Nos doctrine?", ""},
	}
	for _, tt := range tests {
		if got := askedThingsTerm(tt.question); got != tt.want {
			t.Errorf("askedThingsTerm(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestWhereAsksAPlace: "Where …?" is answered by a sentence that gives a
// place the question does not name; "Where does China rank …?" asks no
// place.
func TestWhereAsksAPlace(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"Where did Xi and Trong meet in October 2022?", "Xi welcomes Trong prior to their meeting at the Great Hall of the People in Beijing.", true},
		{"Where was the ASEAN-US Summit that Biden attended?", "It was a reassurance to China in view of Biden’s visit to Cambodia for the ASEAN-US Summit.", true},
		{"Where were the 17 party workshops held?", "Since the early 2000s, they have held 17 workshops on a range of issues.", false},
		{"Where did Xi land in Hanoi?", "Xi arrived in Hanoi in December.", false},
		{"Where did the 2019 party workshop take place?", "The 2019 party workshop was held in Hanoi.", true},
		{"Where did the 2019 party workshop take place?", "The 2019 party workshop discussed how to govern.", false},
	}
	for _, tt := range tests {
		if !asksPlace(tt.question) {
			t.Fatalf("asksPlace(%q) = false", tt.question)
		}
		if got := holdsPlace(tt.sentence, tt.question); got != tt.want {
			t.Errorf("holdsPlace(%q, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
	for _, q := range []string{"Where does China rank as a source of investment?", "Where does Laos stand on the talks?", "When did Xi arrive?"} {
		if asksPlace(q) {
			t.Errorf("asksPlace(%q) = true", q)
		}
	}
}

// TestAYearOfAnotherVerb: a sentence without the asked event's verb does
// not date it when each of its years goes with another verb.
func TestAYearOfAnotherVerb(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"When did the Philippines file its case against China at the Hague tribunal?", "China's doctrine of historic rights was rejected by an arbitral tribunal at The Hague in 2016 in a case pitting the Philippines versus China.", true},
		// The verb itself, or a verb that says little beside its object.
		{"When did the Philippines file its case?", "The Philippines filed its case in 2013, and it was decided in 2016.", false},
		{"When did Xi pay his visit to Vietnam?", "The visit reciprocated Xi Jinping's visit to Vietnam in November 2017.", false},
		{"When did Vietnam gain independence from China?", "In AD 939, Vietnam achieved independence until the French established Vietnam as a protectorate in 1883.", false},
		// A year no other verb takes.
		{"When did China and Vietnam fight a border war?", "In 1979, Hanoi and Beijing even fought a brief border war.", false},
	}
	for _, tt := range tests {
		event := eventWord(tt.question)
		if got := datedByOtherVerb(tt.sentence, text.Terms(tt.sentence), event, syn); got != tt.want {
			t.Errorf("datedByOtherVerb(%q, %q) = %v, want %v", tt.sentence, event, got, tt.want)
		}
	}
}

// TestAPlaceAskedWithin: a place asked inside a question ("… settle
// about where the land border runs?") is asked as "Where …?" asks it.
func TestAPlaceAskedWithin(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"What exactly did the 1999 border agreement settle about where the land border runs?", true},
		{"Where did Xi and Trong meet?", true},
		{"Where does Vietnam rank among arms importers?", false},
		{"What did the agreement settle?", false},
		// A place asked second of two joined slots.
		{"In what year and in which city was the border agreement signed?", true},
		{"When and where did Xi and Trong first meet?", true},
		{"In what year and with whom was the border agreement signed?", false},
	}
	for _, tt := range tests {
		if got := asksPlace(tt.question); got != tt.want {
			t.Errorf("asksPlace(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestTheNameOfARoleAsksWhoHoldsIt: "What is the name of X's ROLE?" asks
// to name the holder as "Who is X's ROLE?" does.
func TestTheNameOfARoleAsksWhoHoldsIt(t *testing.T) {
	tests := []struct{ question, want string }{
		{"What is the name of Vietnam's defence minister?", "Who is Vietnam's defence minister?"},
		{"What was the name of China's ambassador to Vietnam?", "Who is China's ambassador to Vietnam?"},
		{"What was the name of the Vietnamese fishing boat?", "What was the name of the Vietnamese fishing boat?"},
		{"Who is China's ambassador?", "Who is China's ambassador?"},
	}
	for _, tt := range tests {
		if got := roleQuestion(tt.question); got != tt.want {
			t.Errorf("roleQuestion(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestTheWordsOfARoleStandTogether: a role of several words is held only
// with its words near its head, each itself or a synonym.
func TestTheWordsOfARoleStandTogether(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		sentence string
		want     bool
	}{
		{"China's foreign minister Wang Yi met Trong.", true},
		{"Wang Yi, Minister of Foreign Affairs, met Trong.", true},
		{"According to Vietnam's Foreign Ministry, Xi will meet Prime Minister Pham Minh Chinh.", false},
	}
	for _, tt := range tests {
		if got := roleTogether(tt.sentence, []string{"foreign", "minist"}, "minist", syn); got != tt.want {
			t.Errorf("roleTogether(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// TestTheAskedVerbNearASentence: the sentence itself may hold the asked
// verb by a synonym; a sentence next to it only in the verb's own words or
// a paraphrase ("mark" is "sign" in another sense).
func TestTheAskedVerbNearASentence(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		name, verb, before, sentence string
		want                         bool
	}{
		{"the verb itself", "sign", "", "China and Vietnam signed 36 agreements.", true},
		{"the verb in the sentence before", "sign", "The two sides signed 36 agreements.", "They covered trade and transport.", true},
		{"a synonym in the sentence before", "sign", "The exchanges mark a higher order of interaction.", "Trong has made three visits to China.", false},
		{"a synonym's stem in a longer word", "command", "", "The war ended the dictatorship of Pol Pot.", false}, // "dictate" is a synonym
		{"a synonym as it is", "end", "", "Obama announced he would terminate the embargo.", true},
		// A verb's synonym shares one of its senses as a verb: "mark" is the
		// noun "sign"'s, and marking an anniversary signs nothing.
		{"a synonym of another part of speech", "sign", "", "Xi will visit Vietnam in 2023 to mark the 15th anniversary.", false},
		{"a synonym of the verb's sense", "sign", "", "The assembly ratified the treaty.", true},
		// A bare noun right after an article is a thing, not the act.
		{"a noun after an article", "sign", "", "This visit was a show of solidarity and a sign that Trong wants healthy ties.", false},
		{"a word formed from the verb after an article", "sign", "", "The trip resulted in the signing of multiple agreements.", true},
		{"a noun taking the act's object with of", "end", "", "Obama announced the end of the arms embargo.", true},
	}
	for _, tt := range tests {
		var sents []sentence
		if tt.before != "" {
			sents = append(sents, sentence{text: tt.before, terms: text.Terms(tt.before)})
		}
		sents = append(sents, sentence{pos: len(sents), text: tt.sentence, terms: text.Terms(tt.sentence)})
		if got := holdsPredicateNear(sents, len(sents)-1, tt.verb, syn); got != tt.want {
			t.Errorf("%s: holdsPredicateNear(%s) = %v, want %v", tt.name, tt.verb, got, tt.want)
		}
	}
}

// TestAskedPredicateAfterAnExclusion: a question that opens by setting
// names aside asks with the verb of what follows.
func TestAskedPredicateAfterAnExclusion(t *testing.T) {
	for q, want := range map[string]string{
		"Apart from Peng Liyuan, who travelled with Xi?": "travel",
		"Besides Trong, who visited Beijing in 2022?":    "visit",
	} {
		if got := askedPredicate(q); got != want {
			t.Errorf("%q: %q, want %q", q, got, want)
		}
	}
}

// TestWhatMakesSomethingASignIsAsked: "Why did X show that Y?" asks what
// made X a sign of Y, which a sentence says with a word of showing, not by
// telling of X.
func TestWhatMakesSomethingASignIsAsked(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"Why did Yu Zhengsheng's trip to Vietnam in December 2014 show that ties had recovered?", true},
		{"Why does the upgrade suggest that Hanoi is hedging?", true},
		{"Why was the visit seen as a sign that ties were mending?", false}, // no verb of showing asked
		{"Why did Xi send Yu to Vietnam?", false},
		{"What did the trip show?", false},
	} {
		if got := asksGround.MatchString(tt.question); got != tt.want {
			t.Errorf("asksGround(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"The fact that Yu ranked fourth in the CCP hierarchy indicated that China-Vietnam relations had turned the corner.", true},
		{"The visit was a sign that relations were mending.", true},
		{"It reflected Hanoi's wish to keep ties on track.", true},
		{"In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam in December 2014.", false},
	} {
		if got := showsGround.MatchString(tt.sentence); got != tt.want {
			t.Errorf("showsGround(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// TestAReasonInTheNextSentenceIsShown: an answer to a why question whose
// sentence has its reason only in the next one, which goes on about it,
// shows that one with it; a sentence that gives its own reason goes alone.
func TestAReasonInTheNextSentenceIsShown(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		name      string
		sentences []string
		predicate string
		want      int // sentences shown for the first one picked
	}{
		{"the reason after", []string{"Several Chinese companies are moving their operations to Vietnam this year.", "This strategic move is driven by the desire to reach Western markets."}, "move", 2},
		{"its own reason", []string{"Vietnam has refused to take China to court mainly because it would anger China.", "This is also telling."}, "refus", 1},
		{"a next sentence about something else", []string{"Several Chinese companies are moving their operations to Vietnam this year.", "Vietnam's exports grew because demand rose."}, "move", 1},
	}
	for _, tt := range tests {
		sents := sentencesOf(tt.sentences...)
		if got := len(withReasonsAfter(sents[:1], sents, tt.predicate, syn)); got != tt.want {
			t.Errorf("%s: %d sentences shown, want %d", tt.name, got, tt.want)
		}
	}
}

// TestASuccessionIsStated: a question for who came after or before
// someone in a post is answered by a sentence that states the succession,
// not by one that names the holder.
func TestASuccessionIsStated(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"Who took over from Nguyen Phu Trong as general secretary of the Communist Party of Vietnam?", true},
		{"Who succeeded Trong as party chief?", true},
		{"Who replaced the ambassador in 2023?", true},
		{"Who was Trong's predecessor?", true},
		{"Who greeted Xi at the airport?", false},
		{"What did the Pentagon propose to Vietnam to replace its Russian weapons?", false}, // no person asked
	} {
		if got := asksSuccession.MatchString(tt.question); got != tt.want {
			t.Errorf("asksSuccession(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"To Lam was elected to succeed Trong as general secretary.", true},
		{"He replaced Nong Duc Manh, who stepped down in 2011.", true},
		{"Xi Jinping held a detailed meeting with General Secretary of the Communist Party of Vietnam Central Committee Nguyen Phu Trong on Tuesday.", false},
		{"Trong secured his own third term as Vietnam’s top party leader.", false},
	} {
		if got := statesSuccession.MatchString(tt.sentence); got != tt.want {
			t.Errorf("statesSuccession(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}
