package bot

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/answer"
)

// FuzzReadAnswerMessage reads messages made of arbitrary text, as anyone's
// message replied to may be: no panic; an answer the bot rendered reads
// back as its question and text; any other message reads as its content.
func FuzzReadAnswerMessage(f *testing.F) {
	f.Add("What are the Three Nos?", "No alliances [1].", "Defence White Paper", "❓ x", "Sources", "hello")
	f.Add("", "", "", "", "", "")
	f.Add("❓ ❓", "**[1]** a\n**[2]**", "**", "❓", "Sources", "❓ not an embed")
	f.Fuzz(func(t *testing.T, question, text, source, authorName, title, content string) {
		if !utf8.ValidString(question + text + source) {
			return // Discord sends UTF-8
		}
		// A message the bot rendered reads back as what it rendered.
		ans := answer.Answer{Text: text, Citations: []answer.Citation{{N: 1, Title: source}}}
		rendered := renderAnswer(question, ans, "k")[0]
		q, got, sources := readAnswerMessage(&discordgo.Message{Embeds: rendered.embeds})
		wantQ := truncate("❓ "+oneLine(question), maxAuthorName)[len(questionPrefix):]
		if q != wantQ {
			t.Fatalf("question read back %q, rendered %q", q, wantQ)
		}
		if want := strings.TrimSpace(rendered.embeds[0].Description); !strings.HasPrefix(got, want) {
			t.Fatalf("text read back %q, rendered %q", got, want)
		}
		if len(rendered.embeds) > 1 && len(sources) == 0 {
			t.Fatalf("the sources were not read back")
		}
		// Any other message: no panic, and its content when it has no
		// answer embed.
		m := &discordgo.Message{Content: content, Embeds: []*discordgo.MessageEmbed{
			{Author: &discordgo.MessageEmbedAuthor{Name: authorName}, Title: title, Description: text},
			{Title: title},
		}}
		q, got, _ = readAnswerMessage(m)
		if !strings.HasPrefix(authorName, questionPrefix) && (q != "" || got != strings.TrimSpace(content)) {
			t.Fatalf("a message without an answer embed read as %q, %q; want no question and its content %q", q, got, content)
		}
	})
}
