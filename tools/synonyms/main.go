// Command synonyms writes retrieval/synonyms.tsv.gz, the synonym table the
// search uses for question words the reading list never uses, from the
// WordNet 3.0 database (Debian's wordnet-base package puts it in
// /usr/share/wordnet):
//
//	apt-get install wordnet-base
//	go run ./tools/synonyms
//
// Each line of the table is a stem, a tab, and the stems of the words that
// share a synset with it in the first two senses of each of its parts of
// speech (the senses WordNet lists first are the most frequent), separated
// by spaces. Only single words are kept. Stems are text.Stem's, so
// the table must be made again when the stemmer changes.
//
// It also writes retrieval/verb_hypernyms.tsv.gz, what each verb is a way of
// doing (its first senses' hypernyms: "land" → "arrive"), and
// retrieval/synonyms_support.tsv.gz, what the answer's
// support check knows of words beyond their synonyms: how often WordNet's
// sense-tagged corpus uses each stem (and how often as a noun or an
// adjective), the stems derived from or to it, its phrases' single words
// ("call off": "cancel") and its antonyms (support.go says how).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/lectern/lectern/internal/text"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "folder of the WordNet database files (index.noun, data.noun, …)")
	senses := flag.Int("senses", 2, "how many of each word's senses, most frequent first, give synonyms")
	out := flag.String("out", "retrieval/synonyms.tsv.gz", "file to write")
	supportSenses := flag.Int("support-senses", 2, "how many of each word's senses, most frequent first, give the support table's related words")
	supportOut := flag.String("support-out", "retrieval/synonyms_support.tsv.gz", "file to write the support check's table of word counts and related words to")
	hypernymOut := flag.String("hypernym-out", "retrieval/verb_hypernyms.tsv.gz", "file to write the verbs' kinds table to: each verb's stem and the stems of its first senses' hypernyms")
	hypernymSenses := flag.Int("hypernym-senses", 1, "how many of each verb's senses, most frequent first, give the verbs' kinds table's hypernyms")
	verbOut := flag.String("verb-out", "retrieval/synonyms_verb.tsv.gz", "file to write the verbs' table to: each verb's stem and the stems sharing one of its first verb senses")
	flag.Parse()
	table, err := build(*dir, *senses)
	if err != nil {
		slog.Error("read WordNet", "dir", *dir, "err", err)
		os.Exit(1)
	}
	if err := write(*out, table); err != nil {
		slog.Error("write the table", "file", *out, "err", err)
		os.Exit(1)
	}
	slog.Info("synonym table written", "file", *out, "stems", len(table))
	verbs, err := buildVerbs(*dir, *senses)
	if err != nil {
		slog.Error("read WordNet's verbs", "dir", *dir, "err", err)
		os.Exit(1)
	}
	if err := writeLines(*verbOut, tableLines(verbs, true)); err != nil {
		slog.Error("write the verbs' table", "file", *verbOut, "err", err)
		os.Exit(1)
	}
	slog.Info("verb table written", "file", *verbOut, "verbs", len(verbs))
	kinds, err := buildVerbHypernyms(*dir, *hypernymSenses)
	if err != nil {
		slog.Error("read WordNet's verbs' hypernyms", "dir", *dir, "err", err)
		os.Exit(1)
	}
	if err := writeLines(*hypernymOut, tableLines(kinds, false)); err != nil {
		slog.Error("write the verbs' kinds table", "file", *hypernymOut, "err", err)
		os.Exit(1)
	}
	slog.Info("verbs' kinds table written", "file", *hypernymOut, "verbs", len(kinds))
	support, err := buildSupport(*dir, *supportSenses)
	if err != nil {
		slog.Error("read WordNet for the support table", "dir", *dir, "err", err)
		os.Exit(1)
	}
	if err := writeLines(*supportOut, supportLines(support)); err != nil {
		slog.Error("write the support table", "file", *supportOut, "err", err)
		os.Exit(1)
	}
	slog.Info("support table written", "file", *supportOut, "keys", len(support))
}

// partsOfSpeech are the suffixes of WordNet's index and data files.
var partsOfSpeech = []string{"noun", "verb", "adj", "adv"}

// build reads the database in dir and returns stem → synonym stems.
func build(dir string, senses int) (map[string][]string, error) {
	return buildParts(dir, senses, partsOfSpeech, false)
}

// buildVerbs reads the database's verbs and returns the stem of every
// single-word verb → the stems sharing one of its first senses as a verb
// (none for a verb without synonyms): "sign" → "subscrib", "ratifi", and
// not the noun sense's "mark".
func buildVerbs(dir string, senses int) (map[string][]string, error) {
	return buildParts(dir, senses, []string{"verb"}, true)
}

// buildParts reads the index and data files of the parts of speech in dir;
// with bare, a lemma without synonyms is kept, with none.
func buildParts(dir string, senses int, parts []string, bare bool) (map[string][]string, error) {
	table := map[string][]string{}
	for _, pos := range parts {
		synsets, err := readData(filepath.Join(dir, "data."+pos))
		if err != nil {
			return nil, err
		}
		if err := readIndex(filepath.Join(dir, "index."+pos), senses, synsets, table, bare); err != nil {
			return nil, err
		}
	}
	return table, nil
}

// readData maps each synset offset of a data file to its single words.
func readData(path string) (map[string][]string, error) {
	synsets := map[string][]string{}
	err := eachLine(path, func(fields []string) error {
		if len(fields) < 4 {
			return fmt.Errorf("a synset line of %d fields", len(fields))
		}
		n, err := strconv.ParseInt(fields[3], 16, 32)
		if err != nil || len(fields) < 4+2*int(n) {
			return fmt.Errorf("synset %s: bad word count %q", fields[0], fields[3])
		}
		var words []string
		for i := range int(n) {
			if w, ok := singleWord(fields[4+2*i]); ok {
				words = append(words, w)
			}
		}
		synsets[fields[0]] = words
		return nil
	})
	return synsets, err
}

// readIndex adds to table, for each single-word lemma of an index file,
// the words of its first senses synsets; with bare, a lemma without any
// gets an empty entry.
func readIndex(path string, senses int, synsets map[string][]string, table map[string][]string, bare bool) error {
	return eachLine(path, func(fields []string) error {
		lemma, ok := singleWord(fields[0])
		if !ok {
			return nil
		}
		if len(fields) < 4 {
			return fmt.Errorf("lemma %s: %d fields", lemma, len(fields))
		}
		pointers, err := strconv.Atoi(fields[3])
		if err != nil || len(fields) < 6+pointers {
			return fmt.Errorf("lemma %s: bad pointer count %q", lemma, fields[3])
		}
		offsets := fields[6+pointers:]
		key := text.Stem(lemma)
		if _, ok := table[key]; bare && !ok {
			table[key] = []string{}
		}
		for _, off := range offsets[:min(senses, len(offsets))] {
			for _, w := range synsets[off] {
				if s := text.Stem(w); s != key && !slices.Contains(table[key], s) {
					table[key] = append(table[key], s)
				}
			}
		}
		return nil
	})
}

// singleWord returns a WordNet word lower-cased, without its syntactic
// marker ("(a)"), and whether it is one word of letters.
func singleWord(w string) (string, bool) {
	w, _, _ = strings.Cut(strings.ToLower(w), "(")
	if w == "" || strings.ContainsAny(w, "_-'.0123456789") {
		return "", false
	}
	return w, true
}

// eachLine calls f with the fields of each line of a WordNet file but the
// licence lines at its top, which start with spaces.
func eachLine(path string, f func([]string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, " ") || strings.TrimSpace(line) == "" {
			continue
		}
		if err := f(strings.Fields(line)); err != nil {
			return fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// write stores the table as sorted, gzipped lines.
func write(path string, table map[string][]string) error {
	return writeLines(path, tableLines(table, false))
}

// writeTable writes the gzipped lines of table to w.
func writeTable(w io.Writer, table map[string][]string) error {
	return writeGzippedLines(w, tableLines(table, false))
}

// tableLines are the table's lines, sorted by stem: a stem, a tab and its
// synonyms. A stem without synonyms is left out, unless bare keeps it
// with none (the verbs' table, which tells a verb from a word that is
// none).
func tableLines(table map[string][]string, bare bool) []string {
	var lines []string
	for _, key := range slices.Sorted(maps.Keys(table)) {
		if bare || len(table[key]) > 0 {
			lines = append(lines, key+"\t"+strings.Join(table[key], " "))
		}
	}
	return lines
}
