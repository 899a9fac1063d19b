package answer

import "testing"

// TestTimeScopeOfAQuestion: the time order a question asks within, the
// asked terms of the event it is measured from and its year; none for a
// question that asks the date or the length itself, or whose "after"
// asks ("After which battle …?") or stands before a court.
func TestTimeScopeOfAQuestion(t *testing.T) {
	tests := []struct{ question, want string }{
		{"What post did Vo Van Thuong hold before he became Vietnam's president?", "before becom"},
		{"What happened to Yu Zhengsheng after his December 2014 visit to Vietnam?", "after visit 2014"},
		{"What did Trong do after the 2014 oil-rig standoff to mend relations with China?", "after oil rig standoff 2014"},
		{"What job did Nguyen Phu Trong have earlier in his career?", "before career"},
		{"Who led Vietnam's Communist Party before Nguyen Phu Trong?", "before"},
		{"What was the status of the ties prior to the 2008 upgrade?", "before upgrad 2008"},
		{"How many workshops have the two parties held since the early 2000s?", "after"},
		{"How many Chinese ships armed with anti-air missiles arrived later?", "after"},
		{"When did Vietnam win its independence after the long period of Chinese rule?", "none"},
		{"How long after the 2013 partnership deal did Obama lift the ban?", "none"},
		{"After which battle did Ho Chi Minh's movement drive out the French?", "none"},
		{"Since when has Vietnam been a member of the WTO?", "none"},
		{"What did Trong and Xi agree on?", "none"},
		// "before" those who hear or judge is a place, not a time.
		{"Why hasn't Vietnam brought its dispute with China before an international court?", "none"},
		{"Did the minister testify before the National Assembly's foreign affairs committee?", "none"},
		{"What did Vietnam do before the court ruled on the Philippines' case?", "before court rule case"},
	}
	for _, tt := range tests {
		if got := askedTimeScope(tt.question, readFocus(tt.question)).String(); got != tt.want {
			t.Errorf("askedTimeScope(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestQuestionWithoutItsTimeScope: the verb a question asks about is read
// without its time scope, and how far from the event it is.
func TestQuestionWithoutItsTimeScope(t *testing.T) {
	tests := []struct{ question, want string }{
		{"What did Pham Minh Chinh do a week after the Trong-Xi meeting?", "What did Pham Minh Chinh do?"},
		{"What did Trong do after the 2014 oil-rig standoff to mend relations with China?", "What did Trong do to mend relations with China?"},
		{"Who headed the delegation Vietnam received just days before its upgrade of ties with the U.S.?", "Who headed the delegation Vietnam received?"},
		{"After which battle did Ho Chi Minh's movement drive out the French?", "After which battle did Ho Chi Minh's movement drive out the French?"},
		{"What did Trong and Xi agree on?", "What did Trong and Xi agree on?"},
	}
	for _, tt := range tests {
		if got := withoutTimeScope(tt.question); got != tt.want {
			t.Errorf("withoutTimeScope(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestASentenceInTheQuestionsTimeScope: a sentence answers a question
// asked within a time scope when it places something on that side of the
// event (a marker of that order, or a year on that side), when the
// sentence before it tells of a reaction (for an after), or when it orders
// the event itself the other way round.
func TestASentenceInTheQuestionsTimeScope(t *testing.T) {
	syn := wordNet(t)
	tests := []struct {
		question, before, sentence string
		want                       bool
	}{
		{"What post did Vo Van Thuong hold before he became Vietnam's president?", "", "President Xi will meet President Vo Van Thuong during his two-day visit.", false},
		{"What post did Vo Van Thuong hold before he became Vietnam's president?", "", "Vo Van Thuong was previously the party's head of propaganda.", true},
		{"What post did Pham Minh Chinh hold before he became prime minister?", "", "A week after the Trong-Xi meeting, Prime Minister Pham Minh Chinh met with President Joe Biden.", false},
		{"What happened to Yu Zhengsheng after his December 2014 visit to Vietnam?", "Trong dispatched Le Hong Anh following the standoff.", "In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam in December 2014.", false},
		{"What did Trong do after the 2014 oil-rig standoff to mend relations with China?", "", "Following the tense standoff in 2014, Trong dispatched special envoy Le Hong Anh to Beijing.", true},
		{"What did China's spokesperson tell Vietnam after it upgraded its ties with the U.S.?", "China's cognisance has led to its more moderate reaction to the upgrade.", "Its foreign ministry spokesperson reminded Vietnam to accord priority to the partnership.", true},
		{"What did China's spokesperson tell Vietnam after it upgraded its ties with the U.S.?", "Vietnam received a senior party delegation from China.", "Its foreign ministry spokesperson reminded Vietnam to accord priority to the partnership.", false},
		{"Did Xi visit Vietnam before 2017?", "", "Xi visited Vietnam in November 2015.", true},
		{"Did Xi visit Vietnam before 2017?", "", "Xi visited Vietnam in November 2017.", false},
		{"Did Xi visit Vietnam before 2017?", "", "The visit reciprocated Xi's visit to Vietnam in November 2017, his first after his re-election.", false},
		{"How was Vietnam regarded by China before 1950?", "", "Just a few months after Mao Zedong established the CCP, Vietnam shifted from being regarded as a mere appendix of China.", true},
		{"What health scare did Trong go through before travelling abroad again?", "", "His visit to China was his first foreign trip after suffering a stroke in 2019.", true},
		{"How did relations with Cambodia develop after the 1979 border war?", "", "In 1979, Hanoi and Beijing fought a border war when the former invaded Cambodia.", false},
		{"What did Trong and Xi agree on?", "", "Trong and Xi agreed to manage their differences.", true},
		// "after" or "before" with another event places nothing by the
		// asked one.
		{"What did Vietnam's leaders say after Xi's 2023 visit ended?", "", "The visit reciprocated Xi's visit in November 2017 when Xi chose Vietnam to be the first destination after his re-election.", false},
		{"What did Vietnam's leaders say after Xi's 2023 visit ended?", "", "After Xi's visit, Vietnam's leaders said the ties were strong.", true},
		{"How many workshops have the two parties held since the early 2000s?", "", "Since the early 2000s, they have held 17 workshops.", true},
		{"How did Hanoi respond after a Chinese coast guard vessel sank a Vietnamese fishing ship in 2020?", "", "A Chinese coast guard vessel sunk a Vietnamese fishing ship in 2020, or when it agreed to pay after it canceled their contracts due to Chinese pressure.", false},
	}
	for _, tt := range tests {
		sents := sentencesOf(tt.before, tt.sentence)
		if got := placesInScope(sents, 1, askedTimeScope(tt.question, readFocus(tt.question)), syn); got != tt.want {
			t.Errorf("placesInScope(%q | %q, %q) = %v, want %v", tt.before, tt.sentence, tt.question, got, tt.want)
		}
	}
}
