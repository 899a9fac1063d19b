package retrieval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean turns a raw corpus file into the text that is chunked and quoted:
// line endings normalised, the source's own footnote markers ("boatmen.[3]")
// dropped, web boilerplate and photo credits dropped, repeated lines
// dropped, hard-wrapped lines re-flowed into paragraphs, runs of spaces
// collapsed. Paragraphs are separated by one blank line. Bylines and author
// notes are kept: they answer "who wrote …?".
func Clean(raw string) string {
	raw = strings.TrimPrefix(raw, "\uFEFF")
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")

	lines := strings.Split(raw, "\n")
	// keys are the lines as the rules read them: without the location
	// marks (see markLocations) that a line may carry, which cleaning
	// keeps in the text but never lets change a decision.
	keys := make([]string, len(lines))
	for i, line := range lines {
		lines[i] = collapseSpaces(dropFootnoteMarkers(line))
		keys[i] = lines[i]
		if hasMarks(lines[i]) {
			keys[i] = collapseSpaces(stripMarks(lines[i]))
		}
	}
	var paragraphs []string
	var current, currentKeys []string
	previous := ""
	carried := "" // the marks of dropped lines, put before the next line kept
	flush := func() {
		if len(current) > 0 {
			paragraphs = append(paragraphs, strings.Join(current, joinerFor(currentKeys)))
			current, currentKeys = current[:0], currentKeys[:0]
		}
	}
	for i, key := range keys {
		if key == "" {
			carried += marksOf(lines[i])
			flush()
			continue
		}
		// A line of wrapped prose that happens to read like furniture ("…
		// do not\nsubscribe to the view that …") is prose.
		last := ""
		if len(currentKeys) > 0 {
			last = currentKeys[len(currentKeys)-1]
		}
		prose := continuesSentence(last, key) ||
			(i+1 < len(keys) && continuesSentence(key, keys[i+1]) && !isBoilerplate(keys[i+1]))
		if !prose && (isBoilerplate(key) || strings.EqualFold(key, previous)) {
			carried += marksOf(lines[i])
			continue
		}
		previous = key
		if len(current) > 0 && startsBlock(key) {
			flush()
		}
		current = append(current, carried+lines[i])
		currentKeys = append(currentKeys, key)
		carried = ""
		if heading.MatchString(key) { // a heading is one line: what follows is a new paragraph
			flush()
		}
	}
	flush()
	if carried != "" { // marks after the last line kept: they stand at the end
		if len(paragraphs) == 0 {
			paragraphs = append(paragraphs, "")
		}
		paragraphs[len(paragraphs)-1] += carried
	}
	return strings.Join(paragraphs, "\n\n")
}

// continuesSentence reports whether line carries on an unfinished sentence
// at the end of the line before it: that one ends without closing
// punctuation and line starts with a lower-case letter, as hard-wrapped
// prose does and web furniture ("Subscribe", "Leave a comment") does not.
func continuesSentence(before, line string) bool {
	if before == "" || line == "" {
		return false
	}
	end, _ := utf8.DecodeLastRuneInString(before)
	if heading.MatchString(before) || strings.ContainsRune(".!?:;\"”’)", end) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r)
}

// joinerFor is what joins the lines of one paragraph: a space, which
// re-flows hard-wrapped prose; Markdown lists keep their line breaks.
func joinerFor(lines []string) string {
	if len(lines) > 1 && startsBlock(lines[1]) {
		return "\n"
	}
	return " "
}

// listItem matches the start of a Markdown list item or heading.
var listItem = regexp.MustCompile(`^(#{1,6} |[-*+] |\d{1,3}[.)] )`)

// heading matches a Markdown heading, which never continues on the next line.
var heading = regexp.MustCompile(`^#{1,6} `)

// startsBlock reports whether a line begins its own block (a Markdown
// heading or list item) rather than continuing a wrapped sentence.
func startsBlock(line string) bool { return listItem.MatchString(line) }

// spaces matches runs of horizontal white space.
var spaces = regexp.MustCompile(`[ \t\x{00A0}\x{2009}\x{202F}]+`)

// collapseSpaces trims a line and folds its runs of spaces into one.
func collapseSpaces(line string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(line, " "))
}

// boilerplateLine matches whole lines of web furniture, case-insensitively.
var boilerplateLine = regexp.MustCompile(`(?i)^(` + strings.Join([]string{
	`top of page`, `bottom of page`, `back to top`, `skip to (main )?content`,
	`leave a (comment|reply)`, `related (articles|posts|stories)`, `share (this|on) .{0,30}`,
	`enter your email( address)?:?`, `subscribe( to .{0,60})?`, `sign up for .{0,60}`,
	`(read more|advertisement|click here .{0,40})`,
	`updated: .{3,30}`,
	`(photo|photograph|image|picture)( credit)?s?: [^.!?]{2,60}`,
	`copyright ?©.*`, `© ?\d{4}.*`, `all rights reserved\.?`,
	`do you have an article you would like to share\? ?write for us\.?`,
	`the opinions expressed here are those of the writers?.{0,120}`,
}, "|") + `)$`)

// credit matches a photo credit at the end of a caption: "(Image Credit:
// Xinhua)", "(Xinhua/Zhai Jianlan via AFP)".
var credit = regexp.MustCompile(`(?i)\((image|photo) credit:[^)]*\)\s*$|\([A-Z][\w .-]*/[\w .-]+ via [\w .-]+\)\s*$`)

// isBoilerplate reports whether a whole line is web furniture or a photo
// caption or an entry of a reference list, which would pollute answers.
func isBoilerplate(line string) bool {
	switch {
	case boilerplateLine.MatchString(line):
		return true
	case strings.Contains(line, "No Comments on "):
		return true
	case strings.HasPrefix(line, "©"): // "©Xinhua. Xi Jinping … welcomes …": a caption
		return true
	case credit.MatchString(line):
		return true
	case referenceEntry.MatchString(line):
		return true
	}
	return false
}

// referenceEntry matches one entry of a reference list: "Peng, N 2022,
// ‘Title’, The Diplomat, viewed 02/12/2022," or "… Retrieved March 3, 2021,
// from https://…". Such entries match many questions by their titles alone
// and answer none.
var referenceEntry = regexp.MustCompile(`(?i)\b(19|20)\d\d\b.{0,300}\b(viewed|accessed|retrieved)( on| from)?:? ([0-3]?\d[/.-][01]?\d[/.-]\d{2,4}|[a-z]+ \d{1,2},? \d{4}|\d{1,2} [a-z]+ \d{4}|https?://)`)

// footnoteMarker matches a footnote or reference marker of the source
// text, with the spaces before it: "[3]", "[12]", "[3,4]", "[3–5]",
// "[note 2]", "[citation needed]", and a superscript number after
// punctuation ("boatmen.³"). Lectern cites passages as [n]: a marker of
// the source's own left in a quote would read as one of Lectern's, and a
// citation check would take it for one. Words in brackets ("[Vietnam
// has]", "[a] new stage") are the quoting author's and stay, and so is a
// superscript after a letter ("km²").
var footnoteMarker = regexp.MustCompile(`[ \t]*\[(?:\d{1,3}(?:[,–-]\d{1,3})*|note \d{1,3}|citation needed)\]|([.,;:!?"”’)])[⁰¹²³⁴⁵⁶⁷⁸⁹]+`)

// dropFootnoteMarkers removes the footnote markers of a line of source
// text (see footnoteMarker), keeping the punctuation before a superscript.
// It repeats until none is left, so that removing one cannot make another
// ("[[1]2]").
func dropFootnoteMarkers(line string) string {
	for {
		if !strings.ContainsAny(line, "[⁰¹²³⁴⁵⁶⁷⁸⁹") {
			return line
		}
		dropped := footnoteMarker.ReplaceAllString(line, "$1")
		if dropped == line {
			return line
		}
		line = dropped
	}
}
