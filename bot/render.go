package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/internal/text"
	"github.com/lectern/lectern/retrieval"
)

// Discord's limits on one message.
const (
	maxContent     = 2000
	maxDescription = 4096
	maxTitle       = 256
	maxAuthorName  = 256
	maxFooter      = 2048
	maxEmbedsTotal = 6000
	maxEmbeds      = 10
)

// Embed colours.
const (
	colorAnswer    = 0x5865F2
	colorStreaming = 0x99AAB5
	colorSources   = 0x2B2D31
	colorError     = 0xED4245
)

// Custom ID prefixes of the buttons under an answer.
const (
	idPassages = "lectern:passages:"
	idVoteUp   = "lectern:vote:up:"
	idVoteDown = "lectern:vote:down:"
)

// outMessage is one Discord message to send or edit in.
type outMessage struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
}

// noMentions is the allowed_mentions of every message: {"parse": []}.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// truncate shortens s to at most limit characters, ending with "…" at a
// word boundary when it cuts.
func truncate(s string, limit int) string {
	if textLen(s) <= limit {
		return s
	}
	end := prefixEnd(s, 0, limit-1)
	if i := strings.LastIndexAny(s[:end], " \n"); i > end/2 {
		end = i
	}
	return strings.TrimRight(s[:end], " \n") + "…"
}

// embedLen is what an embed counts towards the 6000 across a message.
func embedLen(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	return n
}

// packEmbeds groups embeds into messages of at most ten embeds and 6000
// characters each.
func packEmbeds(embeds []*discordgo.MessageEmbed) []outMessage {
	var out []outMessage
	var cur outMessage
	total := 0
	for _, e := range embeds {
		n := embedLen(e)
		if len(cur.embeds) > 0 && (len(cur.embeds) == maxEmbeds || total+n > maxEmbedsTotal) {
			out = append(out, cur)
			cur, total = outMessage{}, 0
		}
		cur.embeds = append(cur.embeds, e)
		total += n
	}
	if len(cur.embeds) > 0 {
		out = append(out, cur)
	}
	return out
}

// questionAuthor is the line above an answer that repeats the question; a
// reply chain reads the question back from it.
func questionAuthor(question string) *discordgo.MessageEmbedAuthor {
	return &discordgo.MessageEmbedAuthor{Name: truncate("❓ "+oneLine(question), maxAuthorName)}
}

const questionPrefix = "❓ "

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// renderPartial is the reply while an answer streams in.
func renderPartial(question, text string) outMessage {
	pages := split(text, maxDescription-2)
	desc := "…"
	if len(pages) > 0 {
		desc = strings.TrimSpace(pages[0]) + " ▍"
	}
	return outMessage{embeds: []*discordgo.MessageEmbed{{
		Author:      questionAuthor(question),
		Description: desc,
		Color:       colorStreaming,
	}}}
}

// citationSource names a citation's source in plain text: title, then
// authors or the publisher, then where the quote stands: "Title — Author,
// p. 14".
func citationSource(c answer.Citation) string {
	title := c.Title
	if title == "" {
		title = c.Source
	}
	return title + citationDetails(c)
}

// citationLine is a citation's source as the Sources section shows it:
// "*Title* — Author, p. 14".
func citationLine(c answer.Citation) string {
	title := c.Title
	if title == "" {
		title = c.Source
	}
	return "*" + escapeMarkdown(title) + "*" + citationDetails(c)
}

// citationDetails is " — Author, p. 14", " — § Heading" or "".
func citationDetails(c answer.Citation) string {
	var by string
	switch {
	case len(c.Authors) > 0:
		by = text.JoinNames(c.Authors)
	case c.Publisher != "":
		by = c.Publisher
	}
	if loc := c.Label(); loc != "" && by != "" {
		by += ", " + loc
	} else if loc != "" {
		by = loc
	}
	if by == "" {
		return ""
	}
	return " — " + by
}

// escapeMarkdown keeps the characters of a title that Discord would read
// as formatting as they are.
func escapeMarkdown(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `|`, `\|`)

// renderAnswer is the final reply: the answer in pages, a Sources section,
// and the buttons under the last message.
func renderAnswer(question string, a answer.Answer, key string) []outMessage {
	text := strings.TrimSpace(a.Text)
	if text == "" {
		text = answer.NotFoundText
	}
	if a.Note != "" {
		// Why this is not the model's answer, in one sentence.
		text = "*" + a.Note + "*\n\n" + text
	}
	var msgs []outMessage
	for _, page := range split(text, maxDescription) {
		if strings.TrimSpace(page) == "" {
			continue
		}
		msgs = append(msgs, outMessage{embeds: []*discordgo.MessageEmbed{{
			Author:      questionAuthor(question),
			Description: strings.TrimSpace(page),
			Color:       colorAnswer,
		}}})
	}
	if len(a.Citations) > 0 {
		var lines []string
		for _, c := range a.Citations {
			lines = append(lines, truncate(fmt.Sprintf("**[%d]** %s", c.N, citationLine(c)), 400))
		}
		src := &discordgo.MessageEmbed{
			Title:       "Sources",
			Description: truncate(strings.Join(lines, "\n"), maxDescription),
			Color:       colorSources,
		}
		last := &msgs[len(msgs)-1]
		if embedLen(last.embeds[0])+embedLen(src) <= maxEmbedsTotal {
			last.embeds = append(last.embeds, src)
		} else {
			msgs = append(msgs, outMessage{embeds: []*discordgo.MessageEmbed{src}})
		}
	}
	msgs[len(msgs)-1].components = answerButtons(key, len(a.Citations) > 0)
	return msgs
}

// answerButtons are the buttons under an answer.
func answerButtons(key string, passages bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if passages {
		row = append(row, discordgo.Button{Label: "Show passages", Style: discordgo.SecondaryButton, CustomID: idPassages + key, Emoji: &discordgo.ComponentEmoji{Name: "📖"}})
	}
	row = append(row,
		discordgo.Button{Style: discordgo.SecondaryButton, CustomID: idVoteUp + key, Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
		discordgo.Button{Style: discordgo.SecondaryButton, CustomID: idVoteDown + key, Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
	)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// quoteBlock renders text as a Markdown block quote.
func quoteBlock(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// renderPassages is the ephemeral reply of "Show passages": each cited
// passage, quoted.
func renderPassages(cits []answer.Citation) []outMessage {
	if len(cits) == 0 {
		return []outMessage{{content: "This answer cites no passages."}}
	}
	budget := min(3000, (maxEmbedsTotal-200)/min(len(cits), 3))
	var embeds []*discordgo.MessageEmbed
	for _, c := range cits {
		footer := c.Source
		if loc := c.Label(); loc != "" {
			footer = c.Source + " · " + loc
		}
		if by := text.Byline(c.Authors, c.Publisher, ""); by != "" {
			footer = by + " · " + footer
		}
		embeds = append(embeds, &discordgo.MessageEmbed{
			Title:       truncate(fmt.Sprintf("[%d] %s", c.N, c.Title), maxTitle),
			Description: quoteBlock(truncate(c.Quote, budget)),
			Footer:      &discordgo.MessageEmbedFooter{Text: truncate(footer, maxFooter)},
			Color:       colorSources,
		})
	}
	return packEmbeds(embeds)
}

// renderSearch is the reply to /search: the top passages, quoted.
func renderSearch(query string, ps []retrieval.Passage) []outMessage {
	if len(ps) == 0 {
		return []outMessage{{content: "Nothing in the reading list matches " + strings.TrimSpace(truncate(query, 200)) + "."}}
	}
	budget := min(1500, (maxEmbedsTotal-600)/len(ps))
	embeds := make([]*discordgo.MessageEmbed, 0, len(ps))
	for i, p := range ps {
		title := p.Info.Title
		if title == "" {
			title = p.Title
		}
		footer := p.Source
		if loc := p.Label(); loc != "" {
			footer = p.Source + " · " + loc
		}
		if by := text.Byline(p.Info.Authors, p.Info.Publisher, p.Info.Date); by != "" {
			footer = by + " · " + footer
		}
		embeds = append(embeds, &discordgo.MessageEmbed{
			Title:       truncate(fmt.Sprintf("[%d] %s", i+1, title), maxTitle),
			URL:         p.Info.URL,
			Description: quoteBlock(truncate(p.Text, budget)),
			Footer:      &discordgo.MessageEmbedFooter{Text: truncate(footer, 300)},
			Color:       colorSources,
		})
	}
	msgs := packEmbeds(embeds)
	msgs[0].content = truncate("🔎 Passages for: "+oneLine(query), maxContent)
	return msgs
}

// renderSources is the reply to /sources: the reading list.
func renderSources(list []retrieval.SourceStats) []outMessage {
	if len(list) == 0 {
		return []outMessage{{content: "The reading list is empty or not indexed yet; a moderator can run /reindex."}}
	}
	var lines []string
	total := 0
	for _, s := range list {
		title := s.Title
		if title == "" {
			title = s.Source
		}
		if s.URL != "" {
			title = fmt.Sprintf("[%s](%s)", title, s.URL)
		}
		line := "**" + title + "**"
		if by := text.Byline(s.Authors, s.Publisher, s.Date); by != "" {
			line += "\n" + by
		}
		line += "\n"
		if extent := s.Extent(); extent != "" {
			line += extent + " · "
		}
		line += fmt.Sprintf("%d chunks · `%s`", s.Chunks, s.Source)
		lines = append(lines, truncate(line, 1000))
		total += s.Chunks
	}
	text := strings.Join(lines, "\n\n")
	var embeds []*discordgo.MessageEmbed
	for i, page := range split(text, maxDescription) {
		e := &discordgo.MessageEmbed{Description: strings.TrimSpace(page), Color: colorSources}
		if i == 0 {
			e.Title = fmt.Sprintf("📚 Reading list — %d sources, %d chunks", len(list), total)
		}
		embeds = append(embeds, e)
	}
	return packEmbeds(embeds)
}
