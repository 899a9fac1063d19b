package answer

import (
	"testing"

	"github.com/lectern/lectern/retrieval"
)

// TestSupportCheckMisdatedYears: a year of the sentence that the passage
// gives to another event, where it dates the sentence's event otherwise,
// is not supported; a year the passage gives to the same event is, and so
// is a sentence that dates two events in one clause.
func TestSupportCheckMisdatedYears(t *testing.T) {
	synonyms, err := retrieval.WordNetSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	check := builtinSupportChecker(synonyms)
	const embargo = "In 2013, the two countries signed the U.S.-Vietnam comprehensive partnership, and three years after that, President Barack Obama announced the end of the U.S. arms embargo against Vietnam."
	const doiMoi = "When Vietnam embarked on doi moi reforms in 1986 to experiment with a market economy, it looked to China as a model as the latter had started its open door and reform policy earlier in 1978."
	const arrival = "China’s President Xi Jinping arrived in Vietnam on December 12, 2023, for the first time in six years. Xi’s visit comes three months after U.S. President Joe Biden traveled to Vietnam."
	const eras = "Beginning in 111BC, China invaded Vietnam, which kicked off a nearly 1,000-year reign of Chinese dominance in the country. In AD 939, Vietnam achieved independence but had to contend with Chinese aggression."
	cases := []struct {
		sentence, passage string
		supported         bool
	}{
		// The year of another event, where the passage dates this one by
		// a time counted from it.
		{"Obama ended the U.S. arms embargo on Vietnam in 2013.", embargo, false},
		// The year of another event, where the passage dates this one by
		// another year.
		{"Vietnam embarked on doi moi reforms in 1978.", doiMoi, false},
		// The year the passage gives the same event.
		{"In 2013 the two countries signed the U.S.-Vietnam comprehensive partnership.", embargo, true},
		{"Vietnam embarked on doi moi reforms in 1986, looking to China as a model.", doiMoi, true},
		{"China started its open door and reform policy in 1978.", doiMoi, true},
		// A date's comma does not part the year from its event.
		{"Xi arrived in Vietnam on December 12, 2023, his first visit in six years.", arrival, true},
		// A year of an era, "111BC", "AD 939", is a year too.
		{"In AD 939, China invaded Vietnam.", eras, false},
		{"China invaded Vietnam in 111 BC.", eras, true},
		{"Vietnam achieved independence in AD 939.", eras, true},
		// A clause that dates two events says nothing of which is which.
		{"Three years after the 2013 comprehensive partnership, Obama ended the U.S. arms embargo.", embargo, true},
	}
	for _, c := range cases {
		v := check.check(c.sentence, c.passage, "")
		if v.supported != c.supported {
			t.Errorf("check(%q) = %v (%s), want %v", c.sentence, v.supported, v.why, c.supported)
		}
	}
}

// TestClausesOf: a sentence is parted at its punctuation, and a part that
// only dates the next stays with it.
func TestClausesOf(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string
	}{
		{"In 2013, the two countries signed it.", []string{"In 2013 the two countries signed it."}},
		{"It began on December 12, 2023, in Hanoi, with talks.", []string{"It began on December 12 2023", "in Hanoi with talks."}},
		{"and three years after that, Obama ended the embargo", []string{"and three years after that Obama ended the embargo"}},
		{"Yes.", []string{"Yes."}},
		{"China built islands, 3,200 acres in the Spratlys, and blocked Vietnam there.", []string{"China built islands", "3,200 acres in the Spratlys", "and blocked Vietnam there."}},
	}
	for _, c := range cases {
		got := clausesOf(c.sentence)
		if len(got) != len(c.want) {
			t.Errorf("clausesOf(%q) = %q, want %q", c.sentence, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("clausesOf(%q) = %q, want %q", c.sentence, got, c.want)
				break
			}
		}
	}
}

// TestSupportCheckMisboundNames: a name of the sentence that the passage
// holds, but where the clause saying what the sentence says puts another
// name in its place (by its neighbours, or as the people of the same
// noun), is not supported; a name the passage gives to the same clause
// is.
func TestSupportCheckMisboundNames(t *testing.T) {
	const arrival = "Chinese President Xi Jinping arrived in Vietnam with his wife, Peng Liyuan, on Tuesday. " +
		"They were greeted at the Hanoi airport by Vietnamese Prime Minister Pham Minh Chinh at the start of Xi’s two-day trip. " +
		"According to Vietnam’s Foreign Ministry, President Xi will meet Vietnamese Communist Party General Secretary Nguyen Phu Trong, President Vo Van Thuong, and Prime Minister Pham Minh Chinh during his two-day visit."
	const oped = "In an opinion piece published in the newspaper of the Vietnamese Communist Party before his visit, President Xi called for accelerated cooperation in building infrastructure. " +
		"The enhancement of rail networks is expected to enhance the import of components from China for assembly in Vietnam, effectively expanding China’s Belt and Road Initiative (BRI)."
	checkSupportCases(t, arrival, []supportCase{
		{"the name the passage puts there", "Xi and Peng Liyuan were met at the Hanoi airport by Prime Minister Pham Minh Chinh at the start of the trip.", true},
		{"a name the passage puts elsewhere", "Xi and Peng Liyuan were met at the Hanoi airport by President Vo Van Thuong at the start of the trip.", false},
		{"the name where the passage puts it", "During the two-day visit Xi was to meet President Vo Van Thuong.", true},
	})
	checkSupportCases(t, oped, []supportCase{
		{"the people the passage gives the noun", "Before his visit, President Xi published an opinion piece in the Vietnamese Communist Party's newspaper.", true},
		{"a people the passage gives another noun", "President Xi published an opinion piece in a Chinese state newspaper calling for accelerated cooperation in building infrastructure.", false},
	})
}

// TestSupportCheckSwappedDoers: the name that does the sentence's verb to
// a name must do it in the passage too, to that name or the other way
// round; a passage that gives that deed only to other names does not
// support it.
func TestSupportCheckSwappedDoers(t *testing.T) {
	const passage = "Unsurprisingly, a week after the Trong-Xi meeting, Vietnamese Prime Minister Pham Minh Chinh met with President Joe Biden during the 40th and 41st ASEAN Summits to extend an invitation from Trong to Biden to visit Vietnam. " +
		"Xi Jinping and Nguyen Phu Trong agreed to deepen ties."
	checkSupportCases(t, passage, []supportCase{
		{"the doer the passage gives", "A week after the Trong-Xi meeting, Prime Minister Pham Minh Chinh met President Biden.", true},
		{"another name of the passage as the doer", "A week after the meeting, Trong himself met President Biden.", false},
		{"one of the doers the passage gives together", "Trong agreed with Xi Jinping to deepen ties.", true},
		{"the same two names the other way round", "A week after the Trong-Xi meeting, President Joe Biden met Prime Minister Pham Minh Chinh.", true},
		{"the passage's object as the doer, to another name", "A week after the Trong-Xi meeting, President Joe Biden met Trong himself.", false},
	})
}

// TestSupportCheckNamesKeptByTheirClause: a name whose neighbours the
// passage gives another name is still supported where the passage's
// clause that holds it says what the sentence's clause says; not where
// two names of the sentence trade places.
func TestSupportCheckNamesKeptByTheirClause(t *testing.T) {
	const passage = "Following the tense standoff over the Haiyang Shiyou 981 oil-rig incident in 2014, Vietnam’s General Secretary Nguyen Phu Trong dispatched special envoy Le Hong Anh, a Politburo member, to Beijing in August 2014 to mend relations. " +
		"In return, Xi Jinping sent Yu Zhengsheng to visit Vietnam in December 2014. " +
		"Since Xi Jinping became China’s general secretary in 2012, Vietnam’s General Secretary Nguyen Phu Trong has made three visits to China in April 2015, January 2017 and October 2022. " +
		"Moreover, Russia’s growing dependence on China has also undermined its reliability as a long-term partner for Vietnam."
	checkSupportCases(t, passage, []supportCase{
		{"the name its own clause holds, in other words", "In August 2014 Trong sent Le Hong Anh to Beijing to mend relations.", true},
		{"an item of a list the clause holds", "Nguyen Phu Trong travelled to China in January 2017.", true},
		{"two names of the sentence trade places", "China's growing dependence on Russia has undermined its reliability as a long-term partner for Vietnam.", false},
	})
	// A name that opens a later clause of the passage's sentence is a
	// name there, not a sentence's capitalised first word.
	const agreed = "During their meeting, Trong and Xi agreed that it was “crucial to properly manage differences and maintain peace and stability in the South China Sea”."
	checkSupportCases(t, agreed, []supportCase{
		{"the pair of names the other way round", "Xi and Trong agreed it was vital to properly manage differences and maintain peace and stability in the South China Sea.", true},
		{"a name the clause does not hold", "Xi and Biden agreed it was vital to properly manage differences and maintain peace and stability in the South China Sea.", false},
	})
}

// TestSupportCheckSwappedDirections: a direction the passage gives the
// thing it qualifies only otherwise ("northern supply chains" for its
// "southern supply chain networks") is not supported.
func TestSupportCheckSwappedDirections(t *testing.T) {
	const passage = "Simultaneously, Beijing aims to further integrate the northern region of Vietnam into its southern supply chain networks."
	checkSupportCases(t, passage, []supportCase{
		{"the directions the passage gives", "Beijing aims to integrate northern Vietnam into its southern supply chains.", true},
		{"the directions traded", "Beijing aims to integrate southern Vietnam into its northern supply chain networks.", false},
		{"a direction the passage gives nothing else", "Beijing aims to integrate the northern region of Vietnam into its supply chains.", true},
	})
}

// TestSupportCheckSwappedDates: a month and year of the passage given to
// words the passage dates otherwise is not supported; the date the
// passage gives those words is, and so is a date of a list the words
// stand before.
func TestSupportCheckSwappedDates(t *testing.T) {
	const passage = "The mayor kept his promise to visit Lyon first after his re-election as head of the council in January 2021 and after he suffered a stroke in April 2019. " +
		"The mayor has made three visits to Lyon in April 2015, January 2017 and October 2022."
	checkSupportCases(t, passage, []supportCase{
		{"the date the passage gives the event", "The mayor suffered a stroke in April 2019, before his re-election as head of the council.", true},
		{"the date of another event", "The mayor suffered a stroke in January 2021, before his re-election as head of the council.", false},
		{"a date of a list", "The mayor made a visit to Lyon in January 2017.", true},
	})
}
