package answer

import (
	"strings"
	"unicode"

	"github.com/lectern/lectern/internal/text"
)

// Acronyms: a sentence may write "UNCLOS" for the passage's "United
// Nations Convention on the Law of the Sea", or "Code of Conduct" for its
// "COC". A name of the sentence that the passage lacks is found when one
// side's acronym is the other's name written out.

// maxAcronymWords is the longest name (in words, small words included)
// read for its acronym.
const maxAcronymWords = 10

// acronymsOf lists, lower-cased, the acronyms of the names of words: the
// initials of each run of capitalised words, the small words inside it
// ("on the", "of") counted or not.
func acronymsOf(words []word) map[string]bool {
	out := map[string]bool{}
	for i := range words {
		if !words[i].capital {
			continue
		}
		var grow func(j int, initials string)
		grow = func(j int, initials string) {
			// An acronym ends with a capitalised word: j-1 is one.
			if len(initials) >= 2 && words[j-1].capital {
				out[initials] = true
			}
			if j >= len(words) || j-i >= maxAcronymWords {
				return
			}
			w := words[j]
			initial := strings.ToLower(string([]rune(w.text)[0]))
			switch {
			case w.capital:
				grow(j+1, initials+initial)
			case text.IsStopWord(strings.ToLower(w.text)) && j+1 < len(words):
				grow(j+1, initials+initial)
				grow(j+1, initials)
			}
		}
		grow(i, "")
	}
	return out
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
// folded) to the acronyms of the runs of capitalised words it is part of
// ("code" and "conduct" to "coc" in "Code of Conduct").
func nameRuns(words []word) map[string][]string {
	out := map[string][]string{}
	for i := 0; i < len(words); i++ {
		if !words[i].capital {
			continue
		}
		// The run: capitalised words, with small words between them.
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
		acronyms := acronymsOf(run)
		for _, w := range run {
			if w.capital {
				lower := lowerFolded(w.text)
				for a := range acronyms {
					out[lower] = append(out[lower], a)
				}
			}
		}
		i = last
	}
	return out
}
