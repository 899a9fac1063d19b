package retrieval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/lectern/lectern/internal/text"
)

// synonymsFile is the built-in synonym table, made from WordNet 3.0 by
// tools/synonyms (WordNet's licence is in retrieval/WORDNET_LICENSE): one
// stem a line, a tab, and the stems of its synonyms separated by spaces,
// gzipped.
//
//go:embed synonyms.tsv.gz
var synonymsFile []byte

// verbSynonymsFile is the built-in verbs' table, made by tools/synonyms in
// the format of synonymsFile from WordNet's verbs alone: every single-word
// verb's stem, with the stems sharing one of its first two senses as a
// verb (none for a verb without them).
//
//go:embed synonyms_verb.tsv.gz
var verbSynonymsFile []byte

// verbKindsFile is the built-in table of what each verb is a way of doing,
// made by tools/synonyms in the format of synonymsFile from the hypernyms
// of each WordNet verb's first sense: "land" → "arriv".
//
//go:embed verb_hypernyms.tsv.gz
var verbKindsFile []byte

// Synonyms maps a stem to the stems of the words that share one of its two
// most frequent senses ("weapon" → "arm", "artilleri"). A search looks up
// the question's words that no passage uses, and searches for their
// synonyms that passages do use: "Russian weapons" finds "Russian arms".
type Synonyms map[string][]string

// builtinSynonyms parses the built-in table once per process.
var builtinSynonyms = sync.OnceValues(func() (Synonyms, error) {
	return ReadSynonyms(bytes.NewReader(synonymsFile))
})

// WordNetSynonyms returns the built-in synonym table. It is shared: do not
// change it.
func WordNetSynonyms() (Synonyms, error) { return builtinSynonyms() }

// builtinVerbSynonyms parses the built-in verbs' table once per process.
var builtinVerbSynonyms = sync.OnceValues(func() (Synonyms, error) {
	return ReadSynonyms(bytes.NewReader(verbSynonymsFile))
})

// WordNetVerbSynonyms returns the built-in verbs' table: a key for every
// WordNet verb, mapped to the stems that share one of its two most
// frequent senses as a verb ("sign" → "subscrib", "ratifi"; not the
// noun's "mark"). It is shared: do not change it.
func WordNetVerbSynonyms() (Synonyms, error) { return builtinVerbSynonyms() }

// builtinVerbKinds parses the built-in verbs' kinds table once per process.
var builtinVerbKinds = sync.OnceValues(func() (Synonyms, error) {
	return ReadSynonyms(bytes.NewReader(verbKindsFile))
})

// WordNetVerbKinds returns the built-in verbs' kinds table: a verb's stem
// mapped to the stems of the verbs its first sense is a way of doing
// ("land" → "arriv"; not "arriv" → "land"). It is shared: do not change
// it.
func WordNetVerbKinds() (Synonyms, error) { return builtinVerbKinds() }

// ReadSynonyms parses a gzipped synonym table in the format of
// synonymsFile.
func ReadSynonyms(r io.Reader) (Synonyms, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read synonym table: %w", err)
	}
	defer zr.Close()
	table := Synonyms{}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		stem, synonyms, ok := strings.Cut(sc.Text(), "\t")
		if !ok || stem == "" {
			return nil, fmt.Errorf("read synonym table line %d: no stem and tab", n)
		}
		table[stem] = strings.Fields(synonyms)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read synonym table: %w", err)
	}
	return table, nil
}

// withSynonyms returns terms followed by, for each term that no chunk of
// the index holds, its synonyms in table that some chunk holds. Terms the
// reading list uses are searched as they are: a synonym would only blur
// them.
func (ix *index) withSynonyms(terms []string, table Synonyms) []string {
	if len(table) == 0 {
		return terms
	}
	out := terms
	for _, t := range terms {
		if len(ix.bm25.postings[t]) > 0 {
			continue
		}
		for _, s := range table[t] {
			if len(ix.bm25.postings[s]) > 0 && !text.IsStopWord(s) {
				if len(out) == len(terms) {
					out = append([]string(nil), terms...) // never the caller's slice
				}
				out = append(out, s)
			}
		}
	}
	return out
}
