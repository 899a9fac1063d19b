package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/lectern/lectern/internal/text"
)

// The support table (retrieval/synonyms_support.tsv.gz) is what the
// answer's support check knows of a word beyond its synonyms. Each line
// is a key and, after tabs, two counts, the related stems and the
// opposite stems (those two separated by spaces):
//
//   - a key of one stem has as counts how often WordNet's sense-tagged
//     corpus (cntlist.rev, the SemCor counts) uses the words of that stem,
//     a measure of how generic a word is ("make" thousands of times,
//     "treaty" three), and how often as a noun or an adjective; as
//     related stems the words WordNet derives from or to it in its first
//     senses ("decision" and "decide", pointer "+") and, for a verb's
//     irregular form, its base ("sat": "sit", verb.exc); as opposites
//     its antonyms in its first senses (pointer "!"). (The adjectives its
//     first sense is similar to, pointer "&", were tried and left out:
//     "northern" is similar to "union", and the check let invented
//     events through.)
//   - a key of two stems is a phrase of WordNet written as two words, a
//     verb and its particle mostly ("call off", "step up"): its counts
//     are 0, its related stems the single words of its first senses
//     ("cancel", "intensify").

// pointer is one pointer of a synset to another.
type pointer struct {
	symbol         string
	target         string // "n:00290302": part of speech and offset
	source, toWord int    // word numbers, 0 for the whole synset
}

// synset is a synset of a data file: its words as written (lower-cased,
// markers removed) and its pointers.
type synset struct {
	words    []string
	pointers []pointer
}

// readSynsets reads the synsets of every data file of dir, keyed by part
// of speech letter and offset ("v:00290302").
func readSynsets(dir string) (map[string]synset, error) {
	all := map[string]synset{}
	for _, pos := range partsOfSpeech {
		err := eachLine(filepath.Join(dir, "data."+pos), func(fields []string) error {
			if len(fields) < 4 {
				return fmt.Errorf("a synset line of %d fields", len(fields))
			}
			n, err := strconv.ParseInt(fields[3], 16, 32)
			if err != nil || len(fields) < 5+2*int(n) {
				return fmt.Errorf("synset %s: bad word count %q", fields[0], fields[3])
			}
			var s synset
			for i := range int(n) {
				w, _, _ := strings.Cut(strings.ToLower(fields[4+2*i]), "(")
				s.words = append(s.words, w)
			}
			at := 4 + 2*int(n)
			p, err := strconv.Atoi(fields[at])
			if err != nil || len(fields) < at+1+4*p {
				return fmt.Errorf("synset %s: bad pointer count %q", fields[0], fields[at])
			}
			for i := range p {
				f := fields[at+1+4*i : at+5+4*i]
				if len(f[3]) != 4 {
					return fmt.Errorf("synset %s: bad pointer words %q", fields[0], f[3])
				}
				src, err1 := strconv.ParseInt(f[3][:2], 16, 32)
				dst, err2 := strconv.ParseInt(f[3][2:], 16, 32)
				if err1 != nil || err2 != nil {
					return fmt.Errorf("synset %s: bad pointer words %q", fields[0], f[3])
				}
				s.pointers = append(s.pointers, pointer{symbol: f[0], target: posLetter(f[2]) + ":" + f[1], source: int(src), toWord: int(dst)})
			}
			all[posLetter(fields[2])+":"+fields[0]] = s
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return all, nil
}

// posLetter folds WordNet's adjective satellite "s" into "a": both are in
// data.adj.
func posLetter(p string) string {
	if p == "s" {
		return "a"
	}
	return p
}

// supportEntry is one line of the support table.
type supportEntry struct {
	// count is how often the sense-tagged corpus uses the stem's words,
	// nominal how often as a noun or an adjective.
	count, nominal int
	related        []string
	opposites      []string
}

// buildSupport reads the database in dir and returns the support table:
// keys are stems, or two stems and a space for a phrase.
func buildSupport(dir string, senses int) (map[string]*supportEntry, error) {
	synsets, err := readSynsets(dir)
	if err != nil {
		return nil, err
	}
	table := map[string]*supportEntry{}
	entry := func(key string) *supportEntry {
		if table[key] == nil {
			table[key] = &supportEntry{}
		}
		return table[key]
	}
	relate := func(key, w string) {
		s := text.Stem(w)
		if e := entry(key); s != key && !slices.Contains(e.related, s) {
			e.related = append(e.related, s)
		}
	}
	oppose := func(key, w string) {
		s := text.Stem(w)
		if e := entry(key); s != key && !slices.Contains(e.opposites, s) {
			e.opposites = append(e.opposites, s)
		}
	}
	for _, pos := range partsOfSpeech {
		err := eachLine(filepath.Join(dir, "index."+pos), func(fields []string) error {
			if len(fields) < 4 {
				return fmt.Errorf("lemma %s: %d fields", fields[0], len(fields))
			}
			pointers, err := strconv.Atoi(fields[3])
			if err != nil || len(fields) < 6+pointers {
				return fmt.Errorf("lemma %s: bad pointer count %q", fields[0], fields[3])
			}
			lemma := strings.ToLower(fields[0])
			offsets := fields[6+pointers:]
			offsets = offsets[:min(senses, len(offsets))]
			letter := posLetter(fields[1])
			if w, ok := singleWord(lemma); ok {
				key := text.Stem(w)
				for _, off := range offsets {
					s := synsets[letter+":"+off]
					at := slices.Index(s.words, lemma) + 1
					for _, p := range s.pointers {
						switch {
						case p.symbol == "+" && p.source == at && p.toWord > 0:
							if t := synsets[p.target].words; p.toWord <= len(t) {
								if d, ok := singleWord(t[p.toWord-1]); ok {
									relate(key, d)
								}
							}
						case p.symbol == "!" && p.source == at && p.toWord > 0:
							if t := synsets[p.target].words; p.toWord <= len(t) {
								if d, ok := singleWord(t[p.toWord-1]); ok {
									oppose(key, d)
								}
							}
						}
					}
				}
				return nil
			}
			first, second, ok := strings.Cut(lemma, "_")
			a, okA := singleWord(first)
			b, okB := singleWord(second)
			if !ok || !okA || !okB {
				return nil
			}
			key := text.Stem(a) + " " + text.Stem(b)
			for _, off := range offsets {
				for _, t := range synsets[letter+":"+off].words {
					if d, ok := singleWord(t); ok {
						relate(key, d)
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// "sat" is a form of "sit", under which "sit down" is listed.
	err = eachLine(filepath.Join(dir, "verb.exc"), func(fields []string) error {
		if len(fields) < 2 {
			return fmt.Errorf("an exception line of %d fields", len(fields))
		}
		form, okForm := singleWord(fields[0])
		for _, base := range fields[1:] {
			if b, ok := singleWord(base); ok && okForm {
				relate(text.Stem(form), b)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(filepath.Join(dir, "cntlist.rev"), func(fields []string) error {
		if len(fields) != 3 {
			return fmt.Errorf("a count line of %d fields", len(fields))
		}
		n, err := strconv.Atoi(fields[2])
		if err != nil {
			return fmt.Errorf("sense %s: bad count %q", fields[0], fields[2])
		}
		lemma, sense, _ := strings.Cut(fields[0], "%")
		if w, ok := singleWord(lemma); ok {
			e := entry(text.Stem(w))
			e.count += n
			// The sense key's synset type: 1 noun, 2 verb, 3 adjective,
			// 4 adverb, 5 adjective satellite.
			if strings.HasPrefix(sense, "1") || strings.HasPrefix(sense, "3") || strings.HasPrefix(sense, "5") {
				e.nominal += n
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, e := range table {
		if e.count == 0 && len(e.related) == 0 && len(e.opposites) == 0 {
			delete(table, k)
		}
	}
	return table, nil
}

// supportLines returns the lines of the support table, sorted.
func supportLines(table map[string]*supportEntry) []string {
	var lines []string
	for _, key := range slices.Sorted(maps.Keys(table)) {
		e := table[key]
		lines = append(lines, key+"\t"+strconv.Itoa(e.count)+"\t"+strconv.Itoa(e.nominal)+"\t"+strings.Join(e.related, " ")+"\t"+strings.Join(e.opposites, " "))
	}
	return lines
}

// writeLines stores lines, gzipped, in the file at path.
func writeLines(path string, lines []string) error {
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := writeGzippedLines(file, lines); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// writeGzippedLines writes lines, gzipped, to w.
func writeGzippedLines(w io.Writer, lines []string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}
