package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lectern/lectern/internal/text"
)

// Acronyms: a sentence may write "UNCLOS" for the passage's "United
// Nations Convention on the Law of the Sea", or "Code of Conduct" for its
// "COC". A name of the sentence that the passage lacks is found when one
// side's acronym is the other's name written out.

// maxAcronymWords is the longest name (in words, small words included)
// read for an acronym, and maxAcronym the longest acronym.
const (
	maxAcronymWords = 10
	maxAcronym      = 12
)

// hasAcronym reports whether acronym (lower-cased) is the initials of a
// run of words of words that starts and ends with a capitalised word,
// with capitalised words between them and small words ("on the", "of")
// whose initials count or not.
func hasAcronym(words []word, acronym string) bool {
	if len(acronym) < 2 || len(acronym) > maxAcronym {
		return false
	}
	for _, r := range acronym {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	initial := func(w word) byte {
		r, _ := utf8.DecodeRuneInString(lowerFolded(w.text))
		if r >= utf8.RuneSelf {
			return 0
		}
		return byte(r)
	}
	// match reports whether words[j:] (j-start words into the run so far)
	// spell acronym[k:]; seen keeps the pairs already tried.
	var match func(start, j, k int, seen map[[2]int]bool) bool
	match = func(start, j, k int, seen map[[2]int]bool) bool {
		if k == len(acronym) {
			return words[j-1].capital
		}
		if j >= len(words) || j-start >= maxAcronymWords || seen[[2]int{j, k}] {
			return false
		}
		seen[[2]int{j, k}] = true
		w := words[j]
		switch {
		case w.capital:
			return initial(w) == acronym[k] && match(start, j+1, k+1, seen)
		case text.IsStopWord(strings.ToLower(w.text)):
			return initial(w) == acronym[k] && match(start, j+1, k+1, seen) || match(start, j+1, k, seen)
		}
		return false
	}
	for i, w := range words {
		if w.capital && initial(w) == acronym[0] && match(i, i, 0, map[[2]int]bool{}) {
			return true
		}
	}
	return false
}

// isAcronym reports whether w is written as an acronym: two or more
// capital letters and nothing else.
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// nameRuns maps each capitalised word of words (lower-cased, diacritics
// folded) to the run of capitalised words, with small words between them,
// it is part of ("code" and "conduct" to "Code of Conduct").
func nameRuns(words []word) map[string][]word {
	out := map[string][]word{}
	for i := 0; i < len(words); i++ {
		if !words[i].capital {
			continue
		}
		j, last := i, i
		for j < len(words) && j-i < maxAcronymWords && (words[j].capital || text.IsStopWord(strings.ToLower(words[j].text))) {
			if words[j].capital {
				last = j
			}
			j++
		}
		if last == i {
			continue
		}
		run := words[i : last+1]
		for _, w := range run {
			if w.capital {
				out[lowerFolded(w.text)] = run
			}
		}
		i = last
	}
	return out
}
