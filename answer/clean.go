package answer

import (
	"regexp"
	"strings"
)

// What a model adds to its answer that Lectern does not pass on.
var (
	// markdownLink is a markdown link or image, "[text](url)" or
	// "![alt](url "title")": it is shown as its text only, so that Discord
	// never renders a masked link.
	markdownLink = regexp.MustCompile(`!?\[([^\[\]\n]*)\]\(\s*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)`)
	// linkDefinition is a line defining a reference link or a footnote:
	// "[1]: http://…", "[^1]: The passage says…".
	linkDefinition = regexp.MustCompile(`(?m)^[ \t]*\[\^?[^\]\n]+\]:.*$\n?`)
	// sourcesHeading is a line that opens the model's own list of sources:
	// "Sources:", "**References**", "### Citations", "Sources: [1], [2]".
	sourcesHeading = regexp.MustCompile(`(?im)^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:sources?|references?|citations?|bibliography|works cited|passages? cited)[ \t]*(?:\*\*|__)?[ \t]*(?::|$)`)
	// sourceLine is a line of such a list without its heading: a bullet
	// or nothing, then a marker, then a title ("[1] China and Vietnam…",
	// "- [2]: Mr. Trong Goes to Beijing").
	sourceLine = regexp.MustCompile(`^[ \t]*(?:[-*•][ \t]*)?[\[【（(]\^?\d{1,3}[\]】）)]:?[ \t]+\S`)
)

// reasoningClose matches a closing reasoning tag.
var reasoningClose = regexp.MustCompile(`(?i)</(?:think|thinking|reasoning)\s*>`)

// cleanReply turns the text a model wrote into the text Lectern checks and
// shows: reasoning removed (unclosed reports that the reply ended inside
// it), the model's own list of sources and its footnote definitions
// removed, links shown as their text, and every citation style rewritten
// to Lectern's "[n]".
func cleanReply(text string, passages int) (clean string, unclosed bool) {
	text, unclosed = stripReasoning(text)
	text = dropSourceList(text)
	text = linkDefinition.ReplaceAllString(text, "")
	text = linkText(text)
	text = normaliseCitations(text, passages)
	return strings.TrimSpace(text), unclosed
}

// partialReply is the part of a reply still streaming in that is safe to
// show: no reasoning (nor a tag still being written), no link nor anything
// that may become one, no list of sources, citation styles rewritten.
//
// A reasoning model whose chat template opens the reasoning in the prompt
// (qwen3) writes only the closing tag: for such a model (awaitClose),
// nothing is shown before a closing tag.
func partialReply(text string, passages int, awaitClose bool) string {
	if awaitClose && !reasoningClose.MatchString(text) {
		return ""
	}
	text, _ = stripReasoning(holdBackPartialTag(text))
	text = dropSourceList(text)
	text = linkDefinition.ReplaceAllString(text, "")
	text = linkText(text)
	// An opening bracket with no closing one yet may become a link or a
	// marker: hold it back until it is complete.
	if i := strings.LastIndexAny(text, "[【("); i >= 0 && !strings.ContainsAny(text[i:], "]】)") {
		text = text[:i]
	}
	if i := strings.LastIndex(text, "]("); i >= 0 && !strings.Contains(text[i:], ")") {
		text = text[:strings.LastIndex(text[:i], "[")+1]
		text = strings.TrimSuffix(text, "[")
	}
	return strings.TrimSpace(normaliseCitations(text, maxMarkerNumbers))
}

// linkText shows every markdown link and image as its text; a link whose
// text is a marker ("[1](http://…)") stays that marker.
func linkText(text string) string {
	return markdownLink.ReplaceAllStringFunc(text, func(link string) string {
		sub := markdownLink.FindStringSubmatch(link)
		inner := sub[1]
		if ms := ParseMarkers("[" + inner + "]"); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(inner)+2 {
			return "[" + inner + "]"
		}
		if ms := ParseMarkers(inner); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(inner) {
			return inner
		}
		return inner
	})
}

// dropSourceList removes the model's own list of sources: everything from
// a "Sources"/"References" heading on, and trailing lines that only name a
// passage ("[1] China and Vietnam…").
func dropSourceList(text string) string {
	if loc := sourcesHeading.FindStringIndex(text); loc != nil {
		text = text[:loc[0]]
	}
	lines := strings.Split(strings.TrimRight(text, " \t\n"), "\n")
	for len(lines) > 1 && sourceLine.MatchString(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
