package bot

import (
	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/answer"
)

// onSummary answers /summary source: a cited summary of the source,
// shown as an answer is (sources, passages and vote buttons).
func (b *Bot) onSummary(i *discordgo.Interaction) {
	if b.study == nil {
		b.refuse(i, msgNoStudy)
		return
	}
	data := i.ApplicationCommandData()
	source, refusal := b.resolveSource(stringOption(data, "source"))
	if refusal != "" {
		b.refuse(i, refusal)
		return
	}
	ctx := b.work
	done, ok := b.startStudy(ctx, i, cmdSummary)
	if !ok {
		return
	}
	defer done()
	sum, note := b.study.deps.Studier.Summarise(ctx, b.study.deps.Passages.Passages(source.Source))
	if sum.Text == "" {
		b.failInteraction(i, "I found nothing to summarise in that source.")
		return
	}
	title := "Summary of “" + source.Title + "”"
	a := answer.Answer{Text: sum.Text, Mode: sum.Mode, Citations: sum.Citations}
	b.answers.put(i.ID, answered{question: title, answer: a})
	msgs := renderAnswer(title, a, i.ID)
	msgs[0].content = note
	if err := b.sendAll(ctx, i, msgs, false); err != nil {
		b.log.Error("send summary", "err", err)
	}
}
