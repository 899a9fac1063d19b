package answer

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Numbers a passage states in other words. A sentence may say "in 2016"
// where its passage says "in 2013 … and three years after that", or
// "nearly three quarters" where it says "73.6 percent": the check accepts
// a year reached by adding or taking a span the passage gives to or from
// a year it gives before it, in the same stretch, and a fraction within
// fractionTolerance points of a share the passage gives. It does not do
// other sums: "26.4 percent chose China" is not read out of "73.6 percent
// chose the United States", since the passage may not have shared
// everything between the two.

// fractionTolerance is how many percentage points a fraction of a
// sentence may be from a share its passage gives: "three quarters" for
// 73.6 %, "a third" for 31 %.
const fractionTolerance = 5

// fractionPattern is a fraction written in words: "three quarters",
// "two-thirds", "a third of" (not the "a third" of "a third term").
// "just over a quarter", "nearly a third".
var fractionPattern = regexp.MustCompile(`(?i)\b(?:(two|three|four)[- ](quarters|thirds|fifths)|(a|one)[- ](quarter|third|fifth) of|(?:over|under|about|nearly|almost|roughly|around|some|than) (a|one) (quarter|third|fifth)\b)`)

// fractionShare is the share a fraction in words says, in percent.
func fractionShare(m string) float64 {
	parts := fractionPattern.FindStringSubmatch(m)
	if parts == nil {
		return 0
	}
	count, part := parts[1]+parts[3]+parts[5], parts[2]+parts[4]+parts[6]
	n := map[string]float64{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}[strings.ToLower(count)]
	d := map[string]float64{"quarter": 4, "third": 3, "fifth": 5}[strings.TrimSuffix(strings.ToLower(part), "s")]
	return 100 * n / d
}

// sharesOf lists the percentages of a passage's bound facts ("73.6 %").
func sharesOf(bound map[string]bool) []float64 {
	var out []float64
	for b := range bound {
		n, ok := strings.CutSuffix(b, " %")
		if !ok {
			continue
		}
		if v, err := strconv.ParseFloat(n, 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// nearShare reports whether one of shares is within fractionTolerance of v.
func nearShare(shares []float64, v float64) bool {
	for _, s := range shares {
		if math.Abs(s-v) <= fractionTolerance {
			return true
		}
	}
	return false
}

// yearPattern is a year a span may be counted from.
var yearPattern = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})\b`)

// Numbers a careful reader works out from the passage's own. A sentence
// may say "eight years later" where its passage gives 1978 and 1986,
// "since 2017" where it says "in December 2023, for the first time in six
// years", "four months after" where it gives August and December of one
// year, "over 50 percent" for "more than half", and "the ninth point" for
// "point 9". The check accepts the span between two years (or two months
// of a year) the stretch gives, a year a span of years counts to from a
// year of the same sentence, the share a fraction in words says, and a
// rank for a numbered item.

// maxDerivedSpan is the longest span between two years that is read as a
// number of years.
const maxDerivedSpan = 60

// monthYear is a month and the year after it, as boundFacts writes them.
var monthYear = regexp.MustCompile(`^month:([a-z]+) (\d{4})$`)

// derivedFacts lists the numbers (years, ranks) and the bound facts ("8
// year", "4 month", "50 %") that a stretch's sentences give in other
// words. A number of a claim bound to a unit is found by its bound fact
// alone (missingFacts).
func derivedFacts(sents []string) (numbers, bound []string) {
	body := strings.Join(sents, " ")
	var years []int
	for _, y := range yearPattern.FindAllString(body, -1) {
		v, _ := strconv.Atoi(y)
		years = append(years, v)
	}
	// A span is bound to its unit: "five" alone is a count the span
	// between 2012 and 2017 does not give (missingFacts).
	span := func(n int, unit string) {
		bound = append(bound, strconv.Itoa(n)+" "+unit)
		if other, _ := spanInYears(strconv.Itoa(n) + " " + unit); other != "" {
			bound = append(bound, other)
		}
	}
	for i, a := range years {
		for _, b := range years[i+1:] {
			if d := abs(a - b); d > 0 && d <= maxDerivedSpan {
				span(d, "year")
			}
		}
	}
	// Months of dated events: "August 2014" to "December 2014" is four
	// months; "April 2019" to "January 2021" nearly two years.
	var dated []int
	for _, b := range boundFacts(body) {
		if m := monthYear.FindStringSubmatch(b); m != nil {
			y, _ := strconv.Atoi(m[2])
			dated = append(dated, 12*y+monthIndex[m[1]])
		}
	}
	for i, a := range dated {
		for _, b := range dated[i+1:] {
			d := abs(a - b)
			if d > 0 && d < 24 {
				span(d, "month")
			}
			if d >= 10 && d%12 != 6 {
				span((d+6)/12, "year")
			}
		}
	}
	// A month counted from a dated event by a span of months the stretch
	// gives: "arrived on December 12, 2023 … comes three months after
	// Biden traveled" dates Biden's trip September 2023 (and an event three
	// months after December, March 2024: which of the two is dated is past
	// this reading).
	if len(dated) > 0 {
		for _, m := range monthsApart.FindAllStringSubmatch(strings.ToLower(withNumberIdioms(body)), -1) {
			n, err := strconv.Atoi(numberOrWord(m[1]))
			if err != nil || n <= 0 || n >= 24 {
				continue
			}
			for _, d := range dated {
				for _, at := range []int{d - n, d + n} {
					name := monthNames[at%12]
					numbers = append(numbers, "month:"+name)
					bound = append(bound, "month:"+name+" "+strconv.Itoa(at/12))
				}
			}
		}
	}
	// A year counted from a year of the same sentence by a span it gives:
	// "in 2023, for the first time in six years" was 2017.
	for _, sent := range sents {
		sentYears := yearPattern.FindAllString(sent, -1)
		if len(sentYears) == 0 {
			continue
		}
		for _, b := range boundFacts(withNumberIdioms(sent)) {
			n, unit, _ := strings.Cut(b, " ")
			if unit != "year" && unit != "decade" {
				continue
			}
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 || v > maxDerivedSpan {
				continue
			}
			if unit == "decade" {
				v *= 10
			}
			for _, y := range sentYears {
				from, _ := strconv.Atoi(y)
				numbers = append(numbers, strconv.Itoa(from-v), strconv.Itoa(from+v))
			}
		}
	}
	// An anniversary counts back to its event: "in 2023 to mark the 15th
	// anniversary of the partnership" dates the partnership 2008.
	for _, sent := range sents {
		sentYears := yearPattern.FindAllString(sent, -1)
		if len(sentYears) == 0 {
			continue
		}
		for _, m := range anniversary.FindAllStringSubmatch(sent, -1) {
			n, err := strconv.Atoi(m[1])
			if err != nil || n <= 0 || n > 1000 {
				continue
			}
			for _, y := range sentYears {
				from, _ := strconv.Atoi(y)
				numbers = append(numbers, strconv.Itoa(from-n))
			}
		}
	}
	// Shares in words are percentages: "more than half" is "over 50
	// percent", "three quarters" 75 percent.
	lower := strings.ToLower(body)
	for _, m := range halfShare.FindAllStringSubmatch(lower, -1) {
		bound = append(bound, "50 %")
		if m[1] != "" {
			bound = append(bound, "more than 50")
		}
	}
	for _, m := range fractionPattern.FindAllString(body, -1) {
		if share := math.Round(fractionShare(m)); share > 0 {
			s := strconv.Itoa(int(share))
			bound = append(bound, s+" %")
		}
	}
	// "point 9 of the joint statement" is its ninth point.
	for _, m := range numberedItem.FindAllStringSubmatch(lower, -1) {
		numbers = append(numbers, "ord:"+m[1])
	}
	return numbers, bound
}

// shareInWords is a share said as a count in a count: "three in four",
// "one in five".
var shareInWords = regexp.MustCompile(`(?i)\b(one|two|three|four|nine) in (three|four|five|ten)\b`)

// shareInWordsOf is the share shareInWords says, in percent.
func shareInWordsOf(m string) float64 {
	parts := shareInWords.FindStringSubmatch(m)
	if parts == nil {
		return 0
	}
	n, _ := strconv.ParseFloat(numberWords[strings.ToLower(parts[1])], 64)
	if strings.EqualFold(parts[1], "one") {
		n = 1
	}
	d, _ := strconv.ParseFloat(numberWords[strings.ToLower(parts[2])], 64)
	return 100 * n / d
}

// halfShare is half of something, as a share: "more than half of",
// "around half of".
var halfShare = regexp.MustCompile(`\b(more than |over |above )?half of\b`)

// numberedItem is an item numbered in a list or a text: "point 9",
// "article 4", "the 2nd clause" is read by ordinalSuffix.
var numberedItem = regexp.MustCompile(`\b(?:point|article|item|paragraph|section|chapter|clause|no\.|number|phase|stage|round|principle)\s+(\d{1,2})\b`)

// anniversary is an anniversary numbered in figures: "the 15th
// anniversary".
var anniversary = regexp.MustCompile(`(?i)\b(\d{1,4})(?:st|nd|rd|th)\s+anniversary\b`)

// monthsApart is a span of months between two events: "three months
// after", "6 months before".
var monthsApart = regexp.MustCompile(`\b(\w+|\d+)\s+months?\s+(?:after|before|later|earlier)\b`)

// numberOrWord is a count in figures, or in words ("three"), as figures.
func numberOrWord(w string) string {
	if isDigits(w) {
		return w
	}
	return numberWords[w]
}

// monthIndex is a month's place in the year, from 0.
var monthIndex = map[string]int{"january": 0, "february": 1, "march": 2, "april": 3, "may": 4, "june": 5, "july": 6, "august": 7, "september": 8, "october": 9, "november": 10, "december": 11}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// numberIdioms are amounts said in words that name no number:
// "a baker's dozen" is 13, "half a dozen" six, "a quarter of a year"
// three months.
var numberIdioms = strings.NewReplacer(
	"a baker's dozen", "13", "a baker’s dozen", "13", "half a dozen", "six", "a half-dozen", "six", "a dozen", "twelve",
	"a quarter of a year", "three months", "a quarter-year", "three months", "half a year", "six months",
	"half a century", "fifty years", "a quarter of a century", "twenty-five years", "a quarter century", "twenty-five years",
	"a fortnight", "two weeks",
)

// withNumberIdioms writes the amounts of numberIdioms as numbers.
func withNumberIdioms(text string) string {
	if !strings.Contains(text, "dozen") && !strings.Contains(text, "quarter") && !strings.Contains(text, "half") && !strings.Contains(text, "fortnight") {
		return text
	}
	return numberIdioms.Replace(text)
}

// Numbers a sentence works out from two of its passage's: "favored the
// United States by 47.2 percentage points" where the passage gives 73.6
// and 26.4 percent, "a total of 20 agreements" where it gives 13 and 7.
// The sentence must say that its number is a gap or a sum (gapOrSum), and
// the number must be the exact difference or sum of two numbers in
// figures of the stretch (not years: their spans are read above), to the
// decimals the two are given in. A number changed by the sentence is
// still missing: 47.1 is no result of 73.6 and 26.4.

// gapOrSum is a number a sentence gives as a gap or a sum: "by 47.2
// percentage points", "a margin of 12", "a gap of 5 percent", "30 points
// more", "a total of 20", "20 in all".
var gapOrSum = regexp.MustCompile(`(?i)\bby (\d+(?:\.\d+)?)(?: percentage)? points?\b|\b(?:gap|margin|difference|lead) of (?:about |some |nearly |almost )?(\d+(?:\.\d+)?)\b|\b(\d+(?:\.\d+)?)(?: percentage)? points? (?:more|less|fewer|higher|lower|ahead|behind)\b|\ba total of (\d+(?:,\d{3})*(?:\.\d+)?)\b|\b(\d+(?:,\d{3})*(?:\.\d+)?) (?:\w+ )?in (?:total|all)\b`)

// gapOrSumFacts lists the numbers text gives as a gap ("gap:47.2") or a
// sum ("sum:20"), as bound facts that a stretch's gapsAndSums must hold.
func gapOrSumFacts(text string) []string {
	var out []string
	for _, m := range gapOrSum.FindAllStringSubmatch(text, -1) {
		for i, g := range m[1:] {
			if g == "" {
				continue
			}
			kind := "gap:"
			if i >= 3 {
				kind = "sum:"
			}
			out = append(out, kind+normaliseNumber(g))
		}
	}
	return out
}

// gapsAndSums lists the differences ("gap:47.2") and sums ("sum:100") of
// every two numbers in figures of body that are not years, to the
// decimals they are given in.
func gapsAndSums(body string) []string {
	type figure struct {
		v        float64
		decimals int
	}
	var figures []figure
	for _, m := range numberToken.FindAllStringIndex(body, -1) {
		n := normaliseNumber(body[m[0]:m[1]])
		if yearPattern.MatchString(n) && len(n) == 4 || rankAt(body, m[0], m[1]) {
			continue
		}
		v, err := strconv.ParseFloat(n, 64)
		if err != nil {
			continue
		}
		decimals := 0
		if _, frac, ok := strings.Cut(n, "."); ok {
			decimals = len(frac)
		}
		figures = append(figures, figure{v, decimals})
	}
	// A long passage has many figures; their pairs are bounded.
	if len(figures) > 40 {
		figures = figures[:40]
	}
	format := func(v float64, decimals int) string {
		s := strconv.FormatFloat(v, 'f', decimals, 64)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return s
	}
	var out []string
	for i, a := range figures {
		for _, b := range figures[i+1:] {
			d := max(a.decimals, b.decimals)
			if a.v != b.v {
				out = append(out, "gap:"+format(math.Abs(a.v-b.v), d))
			}
			out = append(out, "sum:"+format(a.v+b.v, d))
		}
	}
	return out
}
