package answer

import (
	"maps"
	"slices"
	"strings"

	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// WordNet's synonyms of a verb are the words of its own senses; what a verb
// is a way of doing is another relation, its hypernym: "land" (reach or
// come to rest) is a way to "arrive", "greet" a way to "address", and
// WordNet lists neither as a synonym. A question asked with one verb
// ("When did Xi land in Hanoi?") is answered by a sentence with the other
// ("Xi arrived in Vietnam on December 12, 2023"); not the other way round
// (arriving is not always landing). The table is made by tools/synonyms
// from the first sense of each verb (the second is often another verb:
// "conclude" an argument or a meeting), hypernyms above many verbs
// ("move", "change") left out.

// relatedVerbs are the stems of the verbs a verb's stem is a way of
// doing ("land" → "arriv"), from retrieval's verbs' kinds table, those
// that say nothing of their own ("get", "come") left out. Without the
// table (New logs why) there are none.
func relatedVerbs(stem string) []string {
	table, err := retrieval.WordNetVerbKinds()
	if err != nil || broadVerbs[stem] || kindWords[stem] || lightVerbs[stem] {
		return nil
	}
	var out []string
	for _, k := range table[stem] {
		if !saysNothing(k) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// saysNothing reports whether a verb's stem says nothing of its own: a
// broad or light verb, a kind word or a stop word.
func saysNothing(stem string) bool {
	return broadVerbs[stem] || kindWords[stem] || lightVerbs[stem] || text.IsStopWord(stem)
}

// withVerbKinds is the synonym table with, for each of the question's
// verbs, the verbs it is a way of doing beside its synonyms ("land":
// "arriv"): they are read as verbs there, where any term of a question
// might be a noun ("export"). The table given is not changed.
func withVerbKinds(synonyms retrieval.Synonyms, verbs ...string) retrieval.Synonyms {
	var out retrieval.Synonyms
	for _, v := range verbs {
		verb, kinds := kindsOfVerb(v)
		if verb == "" || len(kinds) == 0 {
			continue
		}
		if out == nil {
			out = make(retrieval.Synonyms, len(synonyms)+len(verbs))
			maps.Copy(out, synonyms)
		}
		for _, k := range kinds {
			if !slices.Contains(out[verb], k) {
				out[verb] = append(slices.Clip(out[verb]), k)
			}
		}
	}
	if out == nil {
		return synonyms
	}
	return out
}

// kindsOfVerb is the question's term for a verb and the verbs it is a way
// of doing. A verb of two words is its first word's term, and its kinds
// are read as that verb's: "touch down" is a way to "land", and so to
// "arrive".
func kindsOfVerb(verb string) (term string, kinds []string) {
	first, _, phrase := strings.Cut(verb, " ")
	if !phrase {
		return verb, relatedVerbs(verb)
	}
	for _, k := range relatedVerbs(verb) {
		kinds = append(kinds, k)
		kinds = append(kinds, relatedVerbs(k)...)
	}
	return first, kinds
}

// particles end a verb of two words: "touch down", "step up".
var particles = wordSet("down up off out in on over back away")

// subjectPronouns stand for a question's subject, before its verb.
var subjectPronouns = wordSet("he she they it we i you")

// questionVerbs are the stems of a question's verbs read after their
// subject: a lowercase word right after a name or a pronoun ("did Xi
// land", "when they landed"), neither a small word nor an auxiliary, with
// its particle when WordNet knows the two as a verb ("touch down"); a
// word after a people's name is its noun ("Vietnamese exports").
func questionVerbs(question string) []string {
	words := strings.Fields(question)
	var out []string
	for k := 1; k < len(words); k++ {
		prev, w := trimWord(words[k-1]), strings.ToLower(trimWord(words[k]))
		if strings.ContainsAny(words[k-1], ",;:") || w == "" || startsWithCapital(words[k]) || text.IsStopWord(w) || auxiliaries[w] || strings.ContainsAny(w, "0123456789") {
			continue
		}
		if startsWithCapital(prev) && k > 1 && !possessive.MatchString(prev) && demonymBase(lowerFolded(prev)) == "" || subjectPronouns[strings.ToLower(prev)] {
			verb := lastTerm(w)
			if k+1 < len(words) {
				if p := strings.ToLower(trimWord(words[k+1])); particles[p] && len(relatedVerbs(verb+" "+text.Stem(p))) > 0 {
					verb += " " + text.Stem(p) // "did Xi touch down"
				}
			}
			out = append(out, verb)
		}
	}
	return out
}
