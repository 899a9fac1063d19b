package retrieval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// supportWordsFile is the built-in table of what the answer's support
// check knows of a word beyond its synonyms, made from WordNet 3.0 by
// tools/synonyms: one key a line (a stem, or a phrase of two stems), and
// after tabs how often WordNet's sense-tagged corpus uses the stem's
// words, how often as a noun or an adjective, the related stems and the
// opposite stems (those two separated by spaces); gzipped.
//
//go:embed synonyms_support.tsv.gz
var supportWordsFile []byte

// SupportWords is what the support check knows of words beyond their
// synonyms. It is shared: do not change it.
type SupportWords struct {
	// Counts maps a stem to how often WordNet's sense-tagged corpus
	// (SemCor) uses its words: a generic word ("make", "serve") often, a
	// specific one ("treaty", "embassy") seldom, a word WordNet lacks
	// never (it is not in the map).
	Counts map[string]int
	// Total is the sum of Counts: how many uses the corpus tags.
	Total int
	// Nominal maps a stem to how often the corpus uses its words as a
	// noun or an adjective.
	Nominal map[string]int
	// Related maps a stem to the stems WordNet derives from or to it
	// ("decision" and "decide"), an irregular verb form to its base
	// ("sat": "sit"), and a phrase of two stems ("call off") to the stems
	// of the single words of its first senses ("cancel").
	Related map[string][]string
	// Opposites maps a stem to the stems of its antonyms in WordNet's
	// first senses ("optimistic": "pessimistic").
	Opposites map[string][]string
}

// builtinSupportWords parses the built-in table once per process.
var builtinSupportWords = sync.OnceValues(func() (*SupportWords, error) {
	return ReadSupportWords(bytes.NewReader(supportWordsFile))
})

// WordNetSupportWords returns the built-in table of SupportWords.
func WordNetSupportWords() (*SupportWords, error) { return builtinSupportWords() }

// ReadSupportWords parses a gzipped table in the format of
// supportWordsFile.
func ReadSupportWords(r io.Reader) (*SupportWords, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read support word table: %w", err)
	}
	defer zr.Close()
	table := &SupportWords{Counts: map[string]int{}, Nominal: map[string]int{}, Related: map[string][]string{}, Opposites: map[string][]string{}}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 5 || fields[0] == "" {
			return nil, fmt.Errorf("read support word table line %d: want a key, two counts, related and opposite stems, separated by tabs", n)
		}
		count, err := strconv.Atoi(fields[1])
		if err != nil || count < 0 {
			return nil, fmt.Errorf("read support word table line %d: bad count %q", n, fields[1])
		}
		nominal, err := strconv.Atoi(fields[2])
		if err != nil || nominal < 0 || nominal > count {
			return nil, fmt.Errorf("read support word table line %d: bad nominal count %q", n, fields[2])
		}
		if count > 0 {
			table.Counts[fields[0]] = count
			table.Total += count
		}
		if nominal > 0 {
			table.Nominal[fields[0]] = nominal
		}
		if related := strings.Fields(fields[3]); len(related) > 0 {
			table.Related[fields[0]] = related
		}
		if opposites := strings.Fields(fields[4]); len(opposites) > 0 {
			table.Opposites[fields[0]] = opposites
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read support word table: %w", err)
	}
	return table, nil
}
