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
var fractionPattern = regexp.MustCompile(`(?i)\b(?:(two|three|four)[- ](quarters|thirds|fifths)|(a|one)[- ](quarter|third|fifth) of)\b`)

// fractionShare is the share a fraction in words says, in percent.
func fractionShare(m string) float64 {
	parts := fractionPattern.FindStringSubmatch(m)
	if parts == nil {
		return 0
	}
	count, part := parts[1]+parts[3], parts[2]+parts[4]
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

// relativeYear is a span counted from a year given before it: "three
// years after that", "two years later", "a decade earlier".
var relativeYear = regexp.MustCompile(`(?i)\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)[- ](years?|decades?)[- ](after that|after|later|afterwards|before that|before|earlier)\b`)

// derivedYears lists the years body reaches by counting a span from the
// year before it.
func derivedYears(body string) []string {
	if !strings.Contains(body, "year") && !strings.Contains(body, "decade") {
		return nil
	}
	var out []string
	for _, m := range relativeYear.FindAllStringSubmatchIndex(body, -1) {
		years := yearPattern.FindAllString(body[:m[0]], -1)
		if len(years) == 0 {
			continue
		}
		from, _ := strconv.Atoi(years[len(years)-1])
		count := strings.ToLower(body[m[2]:m[3]])
		n, err := strconv.Atoi(count)
		if err != nil {
			if count == "a" || count == "one" {
				n = 1
			} else {
				n, _ = strconv.Atoi(numberWords[count])
			}
		}
		if n <= 0 || n > 200 {
			continue
		}
		if strings.HasPrefix(strings.ToLower(body[m[4]:m[5]]), "decade") {
			n *= 10
		}
		if dir := strings.ToLower(body[m[6]:m[7]]); strings.HasPrefix(dir, "before") || dir == "earlier" {
			n = -n
		}
		out = append(out, strconv.Itoa(from+n))
	}
	return out
}
