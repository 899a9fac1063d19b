package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		// Layout.
		{"hard-wrapped lines are re-flowed into one paragraph",
			"Vietnamese leader Trong’s visit to Beijing put cooperation ahead of conflict and sent a\nclear signal to democracy-promoting US",
			"Vietnamese leader Trong’s visit to Beijing put cooperation ahead of conflict and sent a clear signal to democracy-promoting US"},
		{"paragraphs are separated by one blank line",
			"First paragraph\nwrapped.\n\n\n\nSecond paragraph.",
			"First paragraph wrapped.\n\nSecond paragraph."},
		{"Windows and old Mac line endings are normalised",
			"one\r\ntwo\r\rthree\rfour",
			"one two\n\nthree four"},
		{"a byte order mark is dropped", "\uFEFFTitle", "Title"},
		{"runs of spaces, tabs and no-break spaces collapse to one space",
			"  China \t and\u00A0\u00A0Vietnam\u202Fagree  ",
			"China and Vietnam agree"},
		{"blank lines of white space count as blank", "a\n \t \nb", "a\n\nb"},
		{"white space only gives nothing", " \n\t\r\n ", ""},
		{"empty gives nothing", "", ""},

		// Markdown.
		{"a list item starts its own block",
			"Agreements:\n- trade\n- customs",
			"Agreements:\n\n- trade\n\n- customs"},
		{"a wrapped list item continues on the next line",
			"1. no military alliance with any\nforeign power",
			"1. no military alliance with any foreign power"},
		{"a heading is a paragraph of its own",
			"# The Three Nos\nVietnam's constitution commits the party\nto a doctrine.",
			"# The Three Nos\n\nVietnam's constitution commits the party to a doctrine."},
		{"a heading after prose starts a new block",
			"Intro text.\n## Background\nBody.",
			"Intro text.\n\n## Background\n\nBody."},
		{"a hash without a space is no heading", "#hashtag\nword", "#hashtag word"},

		// Web furniture.
		{"page navigation is dropped",
			"top of page\n\nTitle\n\nBody.\n\nBack to Top\nbottom of page\nSkip to main content",
			"Title\n\nBody."},
		{"comment prompts are dropped",
			"Body.\n\nLeave a comment\nLeave a Reply\nRelated Articles",
			"Body."},
		{"the comment count line is dropped",
			"Asia-Pacific, News No Comments on China and Vietnam agree\n\nBody.",
			"Body."},
		{"subscribe forms are dropped",
			"Body.\n\nSubscribe to IRIA News\nEnter your email address:\nSubscribe\nSign up for our newsletter",
			"Body."},
		{"wrapped prose that reads like a subscribe line is kept",
			"Hanoi does not\nsubscribe to the view that China is a threat,\nand says so.",
			"Hanoi does not subscribe to the view that China is a threat, and says so."},
		{"wrapped prose that reads like an updated line is kept",
			"The figures were\nupdated: in March 2023 they rose.",
			"The figures were updated: in March 2023 they rose."},
		{"furniture after a finished sentence is still dropped",
			"Body ends here.\nSubscribe to IRIA News",
			"Body ends here."},
		{"furniture after a closing quotation mark is still dropped",
			"He said it was “a new era.”\nupdated: 12 March 2023",
			"He said it was “a new era.”"},
		{"furniture before lower-case furniture is still dropped",
			"Body.\n\nBack to Top\nbottom of page",
			"Body."},
		{"copyright footers are dropped",
			"Body.\n\nCopyright © 2014-2025 IRIA - International Relations Insights & Analysis\n© 2023 Asia Times\nAll rights reserved.",
			"Body."},
		{"updated stamps, share buttons and adverts are dropped",
			"Updated: Jun 11, 2023\n\nBody.\n\nShare this article\nShare on Twitter\nAdvertisement\nRead more\nClick here to see the map",
			"Body."},
		{"write-for-us and disclaimer lines are dropped",
			"Body.\n\nDo you have an article you would like to share? Write for us.\nThe opinions expressed here are those of the writers and do not reflect the views of the site.",
			"Body."},
		{"furniture is recognised whatever its case", "TOP OF PAGE\nBody.\nleave a COMMENT", "Body."},

		// Photo captions.
		{"a caption ending in an image credit is dropped",
			"Chinese President Xi Jinping arrives in Hanoi, December 12, 2023. (Image Credit: Xinhua)\n\nBody.",
			"Body."},
		{"a caption ending in a photo credit is dropped", "Leaders meet. (Photo credit: AP)\nBody.", "Body."},
		{"a caption ending in an agency credit is dropped",
			"Xi Jinping awards Nguyen Phu Trong the Friendship Medal, Oct. 31, 2022. (Xinhua/Zhai Jianlan via AFP)\n\nBody.",
			"Body."},
		{"a credit line is dropped",
			"Photo: John Smith/Getty Images\nImage credit: Xinhua\nPhotograph: Reuters\n\nBody.",
			"Body."},
		{"a sentence that starts with Photo is kept",
			"Photo: the two leaders shook hands in front of the press, and then they went in to talk about trade for three hours.",
			"Photo: the two leaders shook hands in front of the press, and then they went in to talk about trade for three hours."},
		{"a caption that starts with © is dropped",
			"©Xinhua. Xi Jinping welcomes Nguyen Phu Trong in Beijing\n\nBody.",
			"Body."},

		// Content that looks like furniture but is not.
		{"a line that only mentions furniture words is kept",
			"Readers who subscribe to the view that Hanoi leans to Beijing are wrong.",
			"Readers who subscribe to the view that Hanoi leans to Beijing are wrong."},
		{"a parenthesis without a credit is kept",
			"The Chinese Communist Party (CCP) led by Mao Zedong (1949)",
			"The Chinese Communist Party (CCP) led by Mao Zedong (1949)"},
		{"copyright in running text is kept",
			"China has tightened copyright © rules, critics say.",
			"China has tightened copyright © rules, critics say."},
		{"bylines are kept", "By RICHARD JAVAD HEYDARIAN\n\nBody.", "By RICHARD JAVAD HEYDARIAN\n\nBody."},
		{"author notes are kept",
			"Body.\n\nLye Liang Fook is Senior Fellow at the ISEAS - Yusof Ishak Institute.",
			"Body.\n\nLye Liang Fook is Senior Fellow at the ISEAS - Yusof Ishak Institute."},

		// The source's own footnote markers, which would read as Lectern's [n].
		{"a footnote marker after a full stop is dropped",
			"They formed a guild of boatmen.[3] It lasted.", "They formed a guild of boatmen. It lasted."},
		{"a marker before the full stop goes with its space",
			"They formed a guild of boatmen [12].", "They formed a guild of boatmen."},
		{"runs, lists and ranges of markers are dropped",
			"Trade grew[1][2] and grew,[3,4] then fell.[5–7] End.[8-9]", "Trade grew and grew, then fell. End."},
		{"note and citation-needed markers are dropped",
			"Hanoi agreed.[note 2] Beijing did too.[citation needed]", "Hanoi agreed. Beijing did too."},
		{"a superscript after punctuation is dropped, the punctuation kept",
			"They formed a guild of boatmen.³ It lasted,¹² it did.", "They formed a guild of boatmen. It lasted, it did."},
		{"a marker made by dropping another is dropped too", "Trade grew.[[1]2] End.", "Trade grew. End."},
		{"a marker in a wrapped line is dropped before the lines are joined",
			"The guild of\nboatmen[3] lasted.", "The guild of boatmen lasted."},
		{"words in brackets are the author's and stay",
			"“[Vietnam has] a Socialist democracy” brought relations to [a] new stage.",
			"“[Vietnam has] a Socialist democracy” brought relations to [a] new stage."},
		{"a superscript after a letter is a unit and stays", "An area of 331,000 km² in all.", "An area of 331,000 km² in all."},
		{"a number over three digits in brackets stays", "In the year [2023] it rose.", "In the year [2023] it rose."},

		// Repeats.
		{"a repeated title is kept once",
			"China and Vietnam agree to strengthen ties\n\nChina and Vietnam agree to strengthen ties\n\nBody.",
			"China and Vietnam agree to strengthen ties\n\nBody."},
		{"a repeated author line is kept once", "Vincenzo Caporale\nVincenzo Caporale\nVincenzo Caporale has a BA.",
			"Vincenzo Caporale Vincenzo Caporale has a BA."},
		{"repeats differing in case and spacing are repeats", "The Title\nTHE  TITLE\n\nBody.", "The Title\n\nBody."},
		{"a line repeated later, not next, is kept", "Hanoi.\nBeijing.\nHanoi.", "Hanoi. Beijing. Hanoi."},
		{"a repeat across dropped furniture is still a repeat", "Title\nAdvertisement\nTitle\n\nBody.", "Title\n\nBody."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCleanSeeds specifies Clean on the corpus as collected: the web
// furniture and captions of the five articles go, their prose and bylines
// stay, and the hard-wrapped article reads as paragraphs.
func TestCleanSeeds(t *testing.T) {
	docs, skipped, err := LoadCorpus(context.Background(), "../seeds")
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 0 || len(docs) != 5 {
		t.Fatalf("LoadCorpus(seeds) = %d documents, skipped %v; want 5 and none", len(docs), skipped)
	}
	all := ""
	for _, d := range docs {
		all += d.Text + "\n\n"
	}
	gone := []string{
		"top of page", "bottom of page", "Back to Top", "Updated: Jun 11, 2023",
		"Leave a comment", "Related Articles", "No Comments on", "Subscribe to IRIA News",
		"Enter your email address", "Copyright ©", "(Image Credit: Xinhua)", "©Xinhua",
		"(Xinhua/Zhai Jianlan via AFP)", "\r", "\n\n\n", "  ",
	}
	for _, s := range gone {
		if strings.Contains(all, s) {
			t.Errorf("cleaned seeds still contain %q", s)
		}
	}
	kept := []string{
		// Re-flowed across a hard line break of 002.
		"put cooperation ahead of conflict and sent a clear signal to democracy-promoting US",
		"namely (i) no military alliance with any foreign power; (ii) no foreign military bases on its soil; and (iii) no siding with one superpower against the other.",
		"By RICHARD JAVAD HEYDARIAN",
		"Lye Liang Fook is Senior Fellow at the ISEAS - Yusof Ishak Institute.",
		"Vincenzo Caporale has a BA from UC Berkeley",
		"China’s President Xi Jinping arrived in Vietnam on December 12, 2023",
	}
	for _, s := range kept {
		if !strings.Contains(all, s) {
			t.Errorf("cleaned seeds lost %q", s)
		}
	}
	title := "China and Vietnam agree to strengthen ties as Xi visits Hanoi"
	for _, d := range docs {
		if d.Info.Source == "003_65777ad2d6f5eda8.txt" && strings.Count(d.Text, title) != 1 {
			t.Errorf("the repeated title of %s was kept twice", d.Info.Source)
		}
	}
}

// TestCleanSeedsHaveNoFootnoteMarkers: no line of the seeds as collected
// holds anything that footnoteMarker matches, so dropping markers leaves
// their cleaned text as it was, byte for byte (and their index with it).
func TestCleanSeedsHaveNoFootnoteMarkers(t *testing.T) {
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v, %v", files, err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(raw), "\n") {
			if m := footnoteMarker.FindString(line); m != "" {
				t.Errorf("%s:%d holds %q, which Clean would drop: the seeds' cleaned text would change", f, i+1, m)
			}
			if got := dropFootnoteMarkers(line); got != line {
				t.Errorf("%s:%d changes when markers are dropped", f, i+1)
			}
		}
	}
}

// FuzzClean feeds Clean arbitrary text. It must not panic; from UTF-8 it
// must make UTF-8; its paragraphs are trimmed, separated by exactly one blank
// line, free of carriage returns, double spaces and footnote markers; and
// it only drops and joins: its words are the input's words with their
// footnote markers dropped, in order.
//
// Clean is not idempotent and is not tested for it: joining wrapped lines
// can make a line of furniture ("top of\npage" → "top of page"), which a
// second pass would drop.
func FuzzClean(f *testing.F) {
	f.Add("top of page\n\nTitle\n\nSome text\nwrapped here.\n\nLeave a comment")
	f.Add("\uFEFFa\r\nb\r\rc\u00A0\u00A0d")
	f.Add("# Heading\n- item\n- item\ncontinued\n1) x")
	f.Add("Caption. (Image Credit: Xinhua)\n©Xinhua. x\n(Xinhua/Zhai Jianlan via AFP)")
	f.Add("Same\nSAME\n\nsame")
	f.Add("\xff\xfe broken \xc3")
	f.Add("boatmen.[3] x [12].\n[[1]2] km² y.³ [note 2][citation needed] [a]")
	f.Fuzz(func(t *testing.T, in string) {
		out := Clean(in)
		if !utf8.ValidString(in) {
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Clean(%q) = %q: not UTF-8", in, out)
		}
		if strings.ContainsAny(out, "\r\t") || strings.Contains(out, "\n\n\n") || strings.Contains(out, "  ") {
			t.Fatalf("Clean(%q) = %q: stray white space", in, out)
		}
		if out != strings.TrimSpace(out) {
			t.Fatalf("Clean(%q) = %q: not trimmed", in, out)
		}
		for _, p := range strings.Split(out, "\n\n") {
			if out != "" && (p == "" || p != strings.TrimSpace(p)) {
				t.Fatalf("Clean(%q) = %q: paragraph %q is empty or untrimmed", in, out, p)
			}
		}
		if m := footnoteMarker.FindString(out); m != "" {
			t.Fatalf("Clean(%q) = %q: the footnote marker %q is left", in, out, m)
		}
		// Every word of the output is a word of the input, in order.
		var kept []string
		for _, line := range strings.Split(strings.TrimPrefix(in, "\uFEFF"), "\n") {
			kept = append(kept, dropFootnoteMarkers(line))
		}
		inWords := strings.Fields(strings.Join(kept, "\n"))
		i := 0
		for _, w := range strings.Fields(out) {
			for i < len(inWords) && inWords[i] != w {
				i++
			}
			if i == len(inWords) {
				t.Fatalf("Clean(%q) = %q: word %q is not in the input, or out of order", in, out, w)
			}
			i++
		}
	})
}
