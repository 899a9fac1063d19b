package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/lectern/lectern/internal/text"
)

// The verbs' kinds table (retrieval/verb_hypernyms.tsv.gz) says what a verb
// is a way of doing: for the stem of every single-word verb, the stems of
// the single words of the synsets its first senses point to as their
// hypernym (pointer "@"): "land" (reach or come to rest) is a way to
// "arrive" ("arrive, get, come"), which WordNet gives as no synonym of it.
// A verb of two words ("touch down") has a key of its two stems and a
// space. A hypernym above more than maxHyponyms synsets says too little of
// its own ("move", "change", "make") and is left out.

// maxHyponyms is the most synsets a hypernym may stand above to be kept.
const maxHyponyms = 30

// buildVerbHypernyms reads the database in dir and returns the verbs'
// kinds table: stem → the stems of the hypernyms of its first senses.
func buildVerbHypernyms(dir string, senses int) (map[string][]string, error) {
	synsets, err := readSynsets(dir)
	if err != nil {
		return nil, err
	}
	hyponyms := map[string]int{}
	for key, s := range synsets {
		if !strings.HasPrefix(key, "v:") {
			continue
		}
		for _, p := range s.pointers {
			if p.symbol == "@" {
				hyponyms[p.target]++
			}
		}
	}
	table := map[string][]string{}
	err = eachLine(filepath.Join(dir, "index.verb"), func(fields []string) error {
		if len(fields) < 4 {
			return fmt.Errorf("lemma %s: %d fields", fields[0], len(fields))
		}
		pointers, err := strconv.Atoi(fields[3])
		if err != nil || len(fields) < 6+pointers {
			return fmt.Errorf("lemma %s: bad pointer count %q", fields[0], fields[3])
		}
		key := ""
		if lemma, ok := singleWord(fields[0]); ok {
			key = text.Stem(lemma)
		} else if first, second, ok := strings.Cut(fields[0], "_"); ok {
			a, okA := singleWord(first)
			b, okB := singleWord(second)
			if !okA || !okB {
				return nil
			}
			key = text.Stem(a) + " " + text.Stem(b) // a phrase: "touch down" is a way to "land"
		} else {
			return nil
		}
		offsets := fields[6+pointers:]
		for _, off := range offsets[:min(senses, len(offsets))] {
			for _, p := range synsets["v:"+off].pointers {
				if p.symbol != "@" || hyponyms[p.target] > maxHyponyms {
					continue
				}
				for _, w := range synsets[p.target].words {
					w, ok := singleWord(w)
					if !ok {
						continue
					}
					if s := text.Stem(w); s != key && !slices.Contains(table[key], s) {
						table[key] = append(table[key], s)
					}
				}
			}
		}
		return nil
	})
	return table, err
}
