package answer

import (
	"testing"

	"github.com/lectern/lectern/internal/text"
)

// TestAskedDetailOfAQuestion: what a question asks for in detail.
func TestAskedDetailOfAQuestion(t *testing.T) {
	tests := []struct {
		question        string
		name, strict    bool
		verb, place     string
		day             bool
		ordinal         string
		directedRoleish int
	}{
		{question: "What was the name of the spokesperson who spoke?", name: true, strict: true},
		{question: "Who led the senior Chinese party delegation?", name: true},
		{question: "Who is Vo Van Thuong?"},                   // asks about a named person
		{question: "Who is China's largest trading partner?"}, // asks for no person
		{question: "Who wrote the article on party ties?"},    // a byline
		{question: "Who was Vietnam's ambassador to China?", name: true, directedRoleish: 1},
		{question: "Which Chinese leaders did special envoy Le Hong Anh meet in Beijing?", name: true, strict: true, verb: "meet"},
		{question: "Which Political Bureau members co-chair the platform?", name: true, strict: true, verb: "chair"},
		{question: "Which Vietnamese leaders was Xi scheduled to meet?", name: true, strict: true, verb: "meet"},
		{question: "Which spokeswoman defended the country's democracy?", name: true, strict: true}, // a speech verb: she may be quoted
		{question: "What did the Chinese leaders say about it?"},
		{question: "Which US Secretary of Defense visited Vietnam in 2018?", name: true, strict: true, verb: "visit"}, // the noun's own "of"
		{question: "Near which islands was the oil rig stationed?", place: "island"},
		{question: "In which year did Vietnam join the WTO?"},
		{question: "On what exact date in November 2015 did Xi arrive?", day: true},
		{question: "On which day of August 2014 did Le Hong Anh reach Beijing?", day: true},
		{question: "When did Xi arrive in Hanoi?"},
		{question: "What was the topic of the first of the 17 workshops?", ordinal: "first"},
		{question: "What was discussed at the most recent party exchange?", ordinal: "last"},
		{question: "Did Xi visit Vietnam for the first time in 2015?"}, // "the first time" is no series
		{question: "When did Trong first visit China?"},                // an adverb: any sentence dating his visits answers
		// People counted by their role are asked by name; "the two X" after a be.
		{question: "Who are the two Politburo members who co-chair the platform?", name: true, strict: true, verb: "chair"},
		{question: "Who was the spokesperson quoted on the agenda?", name: true}, // a participle, no deed asked
		{question: "Which were the two foreign oil companies that Vietnam agreed to pay?", name: true, strict: true},
		{question: "Which is the largest trading partner of Vietnam?"}, // no "the" after the be: no noun to name by
		// An opening setting names aside: what is asked is read after it.
		{question: "Besides Xi, which Chinese leaders attended the ceremony?", name: true, strict: true, verb: "attend"},
		{question: "Apart from Peng Liyuan, who travelled with Xi to Vietnam?", name: true},
	}
	for _, tt := range tests {
		d := readAskedDetail(tt.question)
		if d.name != tt.name || d.strictName != tt.strict || d.verb != tt.verb || d.place != tt.place || d.day != tt.day || d.ordinal != tt.ordinal || len(d.role) != tt.directedRoleish {
			t.Errorf("%q: name %v strict %v verb %q place %q day %v ordinal %q roles %d; want %v %v %q %q %v %q %d", tt.question,
				d.name, d.strictName, d.verb, d.place, d.day, d.ordinal, len(d.role), tt.name, tt.strict, tt.verb, tt.place, tt.day, tt.ordinal, tt.directedRoleish)
		}
	}
}

// TestSentenceGivesTheAskedDetail: a sentence answers a question asking
// for a detail only when it gives the detail itself.
func TestSentenceGivesTheAskedDetail(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               bool
	}{
		// A name: someone the question does not name.
		{"What was the name of the Chinese foreign ministry spokesperson who reminded Vietnam?", "Its foreign ministry spokesperson reminded Vietnam to accord priority to the partnership.", false},
		{"What was the name of the Chinese foreign ministry spokesperson who spoke of the agenda?", "Chinese Ministry of Foreign Affairs spokesperson Wang Wenbin said Xi's visit would involve discussions.", true},
		{"What was the name of the captain of the fishing ship sunk in 2020?", "Vietnam lays claim over the Spratly and Paracel islands, arguing that they fall within its Exclusive Economic Zone.", false},
		{"Who is China's ambassador to Vietnam?", "According to China's Ambassador to Vietnam Xiong Bo, the two countries signed dozens of documents.", true},
		{"Who chairs the platform the two parties use to learn from each other?", "They have established a high-level party platform, co-chaired by a Political Bureau member from each side.", true},
		{"Who led the Chinese delegation that Vietnam received before the U.S. upgrade?", "It is likely that China's cognisance of Vietnam's position has led to its more moderate reaction to the upgrade in U.S.-Vietnam ties.", false},
		{"Who travelled with Xi Jinping to Vietnam?", "China's President Xi Jinping arrived in Vietnam on December 12, 2023, amid the U.S.'s increasing influence.", false},
		// A name is a run of capitalised words: "Xi Jinping" is the Xi the
		// question names; a first word that is a small word names no one.
		{"Which Chinese official accompanied Xi on his trip to Vietnam?", "In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam.", true},
		{"Which Chinese official accompanied Xi on his trip to Vietnam?", "During Xi Jinping's trip, he visited Vietnam.", false},
		// People asked to have done it are named in the clause that says it.
		{"Which US president signed the comprehensive partnership in 2013?", "In 2013, the two countries signed the comprehensive partnership, and three years after that, President Barack Obama announced the end of the arms embargo.", false},
		{"Which American president ended the arms embargo against Vietnam?", "In 2013, the two countries signed the comprehensive partnership, and three years after that, President Barack Obama announced the end of the arms embargo against Vietnam.", true},
		{"Which Chinese leader ranked fourth in the CCP hierarchy?", "The fact that Yu ranked fourth in the CCP hierarchy indicated that relations had turned the corner.", true},
		// What the named people did, unless the sentence names them by the asked noun.
		{"Which Chinese leaders did special envoy Le Hong Anh meet in Beijing?", "Trong dispatched special envoy Le Hong Anh, a Politburo member, to Beijing in August 2014.", false},
		{"Which envoy did Trong send to Beijing after the 2014 oil-rig crisis?", "Following the standoff over the oil-rig incident in 2014, Trong dispatched special envoy Le Hong Anh, a Politburo member, to Beijing.", true},
		{"Which Political Bureau members co-chair the platform?", "Trong dispatched special envoy Le Hong Anh, a Politburo member, to Beijing in August 2014.", false},
		{"Which Politburo members co-chair the party platform?", "Trong dispatched special envoy Le Hong Anh, a Politburo member, to Beijing in August 2014.", false}, // the members do it: the sentence must say so
		// The noun's words in the sentence's spelling: "U.S." for "US",
		// "Vietnam's" for "Vietnamese"; "name" of "the name of" is none.
		{"Which US Secretary of Defense visited Vietnam in 2018?", "Vietnam has hosted the U.S. Secretary of Defense every year since 2018.", false},
		{"What is the name of China's ambassador to Vietnam?", "According to China's Ambassador to Vietnam Xiong Bo, the two countries signed dozens of documents.", true},
		{"What is the name of the Vietnamese foreign ministry spokesperson who defended socialist democracy?", "“It offers a means for the people,” Vietnam's Ministry of Foreign Affairs spokesperson Le Thi Thu Hang said.", true},
		// Names set aside by the question's opening are the question's own.
		{"Besides Xi, which Chinese leaders attended the ceremony where Trong got the medal?", "Xi presented the Friendship Medal to Trong at a ceremony attended by Chinese leaders.", false},
		{"Besides Xi, which Chinese leaders attended the ceremony where Trong got the medal?", "Premier Li Qiang attended the ceremony where Xi presented the medal to Trong.", true},
		{"Besides Trong, which Vietnamese leaders met Xi in Beijing?", "Vietnam's Communist Party leader, Nguyen Phu Trong, was the first state official to visit Beijing and meet Xi Jinping following the 20th Congress.", false},
		{"Apart from Peng Liyuan, who travelled with Xi to Vietnam?", "Chinese President Xi Jinping arrived in Vietnam with his wife, Peng Liyuan, on Tuesday.", false},
		// People counted by their role: a title is no name, and they do the asked deed.
		{"Who are the two Politburo members who co-chair the party platform?", "They have established a high-level party platform, co-chaired by a Political Bureau member from each side.", false},
		{"Who are the two Politburo members who co-chair the party platform?", "Trong dispatched special envoy Le Hong Anh, a Politburo member, to Beijing in August 2014.", false},
		{"Who are the two Politburo members who co-chair the party platform?", "The platform is co-chaired by Politburo members Wang Huning and Tran Cam Tu.", true},
		// A run of capitalised words ending in a place's noun names a place.
		{"Which were the two foreign oil companies that Vietnam agreed to pay?", "A Chinese vessel sunk a Vietnamese fishing ship near the Paracel Islands, or when it agreed to pay two foreign oil companies.", false},
		{"Which were the two foreign oil companies that Vietnam agreed to pay?", "It agreed to pay ExxonMobil and Rosneft after it cancelled their contracts.", true},
		// A role's direction.
		{"Who was Vietnam's ambassador to China in 2023?", "According to China's Ambassador to Vietnam Xiong Bo, the two countries signed dozens of documents.", false},
		// A place of the asked kind.
		{"Near which islands did a Chinese vessel sink a Vietnamese fishing ship?", "A Chinese coast guard vessel sunk a Vietnamese fishing ship near the Paracel Islands.", true},
		{"Near which islands was the Haiyang Shiyou 981 oil rig stationed?", "Following the standoff over the Haiyang Shiyou 981 oil-rig incident in 2014, Trong dispatched an envoy.", false},
		{"In which Vietnamese ports have U.S. aircraft carriers anchored?", "The United States has anchored multiple aircraft carriers in Vietnamese ports.", false},
		// A day.
		{"On what exact date in November 2015 did Xi arrive in Vietnam?", "Xi had previously visited Vietnam in November 2015.", false},
		{"On what date did Xi arrive in Vietnam?", "Xi arrived in Vietnam on December 12, 2023.", true},
		{"On what day did Xi arrive in Hanoi?", "Xi arrived in Vietnam with his wife on Tuesday.", true},
		// The first of a series.
		{"What was the topic of the first of the 17 workshops?", "Since the early 2000s, they have held 17 workshops on a range of issues.", false},
		{"What was the topic of the first of the workshops?", "The first workshop, in 2004, was on party building.", true},
		// An enumerated list's first item is the first of its series.
		{"What is the first of Vietnam's 'Three Nos'?", "The constitution commits the party to a “Three Nos” doctrine, namely (i) no military alliance with any foreign power; (ii) no foreign military bases on its soil.", true},
		{"What is the first of the three pillars?", "Ge identified three pillars: (1) its non-interventive stance; (2) its closeness to China.", true},
		{"What is the first of the three pillars?", "Ge identified three pillars: 1. its non-interventive stance, 2. its closeness to China.", true},
		{"What is the first of the three pillars?", "Firstly, its non-interventive stance reassures China.", true},
		{"What is the first of the three pillars?", "Ge identified three pillars of Vietnam's stance (2022).", false},
	}
	for _, tt := range tests {
		sents := []sentence{{text: tt.sentence, terms: text.Terms(tt.sentence)}}
		rule := readAskedDetail(tt.question).missing(sents, 0, tt.question, nil)
		if got := rule == ""; got != tt.want {
			t.Errorf("%q by %q: gives it %v (rule %q), want %v", tt.question, tt.sentence, got, rule, tt.want)
		}
	}
}

// TestTimeScopeSide: a sentence telling what came after the scope's event
// does not answer what came before it.
func TestTimeScopeSide(t *testing.T) {
	tests := []struct {
		question, sentence string
		wrong              bool
	}{
		{"What did Xi Jinping do before he first became general secretary in 2012?", "Since Xi Jinping became China's general secretary in 2012, Trong has made three visits to China.", true},
		{"What positions did Trong hold before he first became General Secretary of the Communist Party of Vietnam?", "Trong's visit was the first by a foreign leader to China since Xi secured a third term.", true},
		{"Whose trip to Vietnam came three months before Xi's visit?", "Xi's visit comes three months after U.S. President Joe Biden traveled to Vietnam.", false},
		{"What did Xi do before his visit to Hanoi?", "Xi had previously visited Vietnam in November 2015.", false},
		{"What did Xi Jinping do before he first became China's general secretary in 2012?", "The visit was to make China his first international visit after his re-election as general secretary in 2021.", true},
	}
	for _, tt := range tests {
		s := askedTimeScope(tt.question, readFocus(tt.question))
		if got := scopeOnWrongSide(tt.sentence, "", s, nil); got != tt.wrong {
			t.Errorf("%q by %q: wrong side %v, want %v", tt.question, tt.sentence, got, tt.wrong)
		}
	}
}

// TestWithoutOtherAgents: the names a "Who did it?" question may be
// answered by are those in the doer's role; the doer of a passive of
// another verb, the objects of another verb done by the question's own
// person, and a report's source are set aside.
func TestWithoutOtherAgents(t *testing.T) {
	tests := []struct {
		sentence, question, want string
	}{
		{"They were greeted at the Hanoi airport by Prime Minister Pham Minh Chinh at the start of Xi’s trip.", "Who travelled with Xi?", "They were greeted at the Hanoi airport by someone at the start of Xi’s trip."},
		{"They were greeted at the Hanoi airport by Prime Minister Pham Minh Chinh.", "Who greeted Xi?", "They were greeted at the Hanoi airport by Prime Minister Pham Minh Chinh."},
		{"They were greeted at the Hanoi airport by Prime Minister Pham Minh Chinh.", "Who welcomed Xi?", "They were greeted at the Hanoi airport by Prime Minister Pham Minh Chinh."}, // a paraphrase of the deed
		{"According to Vietnam’s Foreign Ministry, President Xi will meet Nguyen Phu Trong, and Pham Minh Chinh during his visit.", "Who travelled with Xi?", "According to someone, President Xi will meet someone, and someone during his visit."},
		{"Xi arrived in Vietnam with his wife, Peng Liyuan, on Tuesday.", "Who travelled with Xi?", "Xi arrived in Vietnam with his wife, Peng Liyuan, on Tuesday."},                                                                      // the deed in other words
		{"French domination lasted until the movement led by Ho Chi Minh expelled the French.", "Who led the movement that drove the French out?", "French domination lasted until the movement led by Ho Chi Minh expelled the French."}, // a noun after "French" is no verb
		{"During Xi Jinping’s visit, China and Vietnam signed 36 agreements.", "Who signed the 36 agreements?", "During someone's visit, China and Vietnam signed 36 agreements."},                                                        // a name that dates the clause
		{"In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam.", "Who travelled to Vietnam?", "In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam."},                                                                         // the object does the deed
		{"According to the ministry, Wang Wenbin warned of risks.", "Who warned of risks?", "According to the ministry, Wang Wenbin warned of risks."},                                                                                    // a deed of saying: the source may be the doer
	}
	for _, tt := range tests {
		d := readAskedDetail(tt.question)
		if got := withoutOtherAgents(tt.sentence, tt.question, d.deed, nil); got != tt.want {
			t.Errorf("%q for %q:\n got %q\nwant %q", tt.sentence, tt.question, got, tt.want)
		}
	}
}

// TestACompanionIsAsked: "Who did it with someone?" (or "Which officials
// did it with someone?") is answered by a
// sentence that tells of a companion, not by one who did it alone.
func TestACompanionIsAsked(t *testing.T) {
	q := "Who travelled with Xi Jinping to Vietnam?"
	tests := []struct {
		sentence string
		want     string
	}{
		{"Xi’s visit comes three months after U.S. President Joe Biden traveled to Vietnam.", "companion"},
		{"Chinese President Xi Jinping arrived in Vietnam with his wife, Peng Liyuan, on Tuesday.", ""},
	}
	d := readAskedDetail(q)
	for _, tt := range tests {
		if got := d.missing(sentencesOf(tt.sentence), 0, q, nil); got != tt.want {
			t.Errorf("%q: rule %q, want %q", tt.sentence, got, tt.want)
		}
	}
	if readAskedDetail("Who travelled to Vietnam?").companion {
		t.Error("\"Who travelled to Vietnam?\" asks no companion")
	}
	// People asked by a noun who did it with someone.
	for q, want := range map[string]bool{
		"Which Chinese officials travelled with Yu Zhengsheng to Vietnam in December 2014?": true,
		"Which Chinese officials travelled to Vietnam in December 2014?":                    false,
	} {
		if got := readAskedDetail(q).companion; got != want {
			t.Errorf("%q asks a companion: %v, want %v", q, got, want)
		}
	}
}

// TestAGuessedNameIsNoNameOfTheQuestion: a "Who …?" question that ends
// with a name after a comma guesses the answer; a sentence naming that
// person in the role answers it.
func TestAGuessedNameIsNoNameOfTheQuestion(t *testing.T) {
	tests := []struct{ question, named string }{
		{"Who greeted Xi at the airport, Pham Minh Chinh?", "Who greeted Xi at the airport?"},
		{"Who greeted Xi at the airport?", "Who greeted Xi at the airport?"},
		{"What did Xi say, according to Xinhua?", "What did Xi say, according to Xinhua?"}, // no "Who …?"
	}
	for _, tt := range tests {
		if got := readAskedDetail(tt.question).named; got != tt.named {
			t.Errorf("%q: %q, want %q", tt.question, got, tt.named)
		}
	}
}
