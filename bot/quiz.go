package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/lectern/lectern/retrieval"
	"github.com/lectern/lectern/study"
)

// Studier makes quiz rounds and summaries; *study.Studier is one.
type Studier interface {
	Round(ctx context.Context, passages []retrieval.Passage, opts study.RoundOptions) (study.Round, error)
	Summarise(ctx context.Context, passages []retrieval.Passage) (study.Summary, string)
}

// PassageLister lists the passages of a source ("" for all); the
// *retrieval.Store is one.
type PassageLister interface {
	Passages(source string) []retrieval.Passage
}

// StudyDeps is what /quiz and /summary need.
type StudyDeps struct {
	Studier  Studier
	Passages PassageLister
}

// Names of the study commands.
const (
	cmdQuiz    = "quiz"
	cmdSummary = "summary"
)

// Limits of quiz rounds.
const (
	maxQuizCount = 10
	// quizTopicPassages: a topic's questions come from its best passages.
	quizTopicPassages = 4
	// roundMaxAge: a round older than this takes no more answers.
	roundMaxAge = 24 * time.Hour
	// keptRounds and keptFor bound the rounds folder: older rounds and
	// those beyond the newest keptRounds are deleted.
	keptRounds = 200
	keptFor    = 7 * 24 * time.Hour
)

// Custom ID prefixes of the quiz buttons: answer (round, question,
// option) and next (round, question).
const (
	idQuiz       = "lectern:quiz:"
	idQuizAnswer = idQuiz + "a:"
	idQuizNext   = idQuiz + "n:"
)

// Sentences of the quiz.
const (
	msgRoundOver   = "This round is over; start a new one with /quiz."
	msgRoundOld    = "This round is too old to answer now; start a new one with /quiz."
	msgRoundGone   = "I no longer have this round; start a new one with /quiz."
	msgMovedOn     = "The round has moved on from that question; answer the one shown now."
	msgNotRecorded = "I couldn't record that; the details are in the log."
	msgNoStudy     = "Quizzes and summaries are not turned on for this bot."
)

// studyState is the bot's quiz and summary side.
type studyState struct {
	deps   StudyDeps
	rounds *roundStore
}

// EnableStudy turns on /quiz and /summary, with rounds kept under the
// bot's data folder so that their buttons work after a restart. Call it
// before Run.
func (b *Bot) EnableStudy(deps StudyDeps) error {
	if deps.Studier == nil || deps.Passages == nil {
		return errors.New("enable /quiz and /summary: a Studier and a PassageLister are needed")
	}
	dir := filepath.Join(b.deps.DataDir, "quiz")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create the quiz rounds folder: %w", err)
	}
	b.study = &studyState{deps: deps, rounds: &roundStore{dir: dir}}
	return nil
}

// quizRound is one round as kept on disk: a JSON file per round.
type quizRound struct {
	ID        string           `json:"id"`
	Created   time.Time        `json:"created"`
	Note      string           `json:"note,omitempty"`
	Questions []study.Question `json:"questions"`
	// Current is the question shown; len(Questions) once the round is over.
	Current int `json:"current"`
	// Answers maps, per question, a member's hashed ID to the option chosen.
	Answers []map[string]int `json:"answers"`
}

func (r *quizRound) over() bool { return r.Current >= len(r.Questions) }

// tally counts the answers to question k and the right ones.
func (r *quizRound) tally(k int) (answered, right int) {
	for _, choice := range r.Answers[k] {
		answered++
		if choice == r.Questions[k].Answer {
			right++
		}
	}
	return answered, right
}

// roundStore keeps rounds as files; one lock serialises their changes.
type roundStore struct {
	mu  sync.Mutex
	dir string
}

var errRoundGone = errors.New("no such round")

func (s *roundStore) path(id string) string { return filepath.Join(s.dir, id+".json") }

// create writes a new round and prunes old ones.
func (s *roundStore) create(r *quizRound) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prune(time.Now())
	return s.write(r)
}

// update applies change to a round and writes it back unless change fails.
func (s *roundStore) update(id string, change func(*quizRound) error) (*quizRound, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := os.ReadFile(s.path(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errRoundGone
	}
	if err != nil {
		return nil, fmt.Errorf("read quiz round %s: %w", id, err)
	}
	var r quizRound
	if err := json.Unmarshal(b, &r); err != nil || len(r.Answers) != len(r.Questions) {
		return nil, fmt.Errorf("read quiz round %s: damaged (%v)", id, err)
	}
	if err := change(&r); err != nil {
		return &r, err
	}
	return &r, s.write(&r)
}

// write saves a round atomically (s.mu held).
func (s *roundStore) write(r *quizRound) error {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode quiz round: %w", err)
	}
	tmp := s.path(r.ID) + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("write quiz round: %w", err)
	}
	if err := os.Rename(tmp, s.path(r.ID)); err != nil {
		return fmt.Errorf("write quiz round: %w", err)
	}
	return nil
}

// prune deletes rounds older than keptFor and all but the newest
// keptRounds (s.mu held).
func (s *roundStore) prune(now time.Time) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	type file struct {
		name string
		mod  time.Time
	}
	var files []file
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		files = append(files, file{e.Name(), info.ModTime()})
	}
	slices.SortFunc(files, func(a, b file) int { return b.mod.Compare(a.mod) })
	for n, f := range files {
		if n >= keptRounds || now.Sub(f.mod) > keptFor {
			_ = os.Remove(filepath.Join(s.dir, f.name))
		}
	}
}

// intOption reads an integer option, sent as an integer or as a string.
func intOption(data discordgo.ApplicationCommandInteractionData, name string) (int, bool) {
	for _, o := range data.Options {
		if o.Name != name {
			continue
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionInteger:
			return int(o.IntValue()), true
		case discordgo.ApplicationCommandOptionString:
			n, err := strconv.Atoi(strings.TrimSpace(o.StringValue()))
			return n, err == nil
		}
	}
	return 0, false
}

// studyCommands are /quiz and /summary, when the study side is enabled.
func (b *Bot) studyCommands(contexts *[]discordgo.InteractionContextType) []*discordgo.ApplicationCommand {
	if b.study == nil {
		return nil
	}
	minCount, maxCount := 1.0, float64(maxQuizCount)
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdQuiz,
			Description: "A multiple-choice quiz on the reading list; every question points at its passage.",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "source", Description: "Only questions from this source", Autocomplete: true},
				{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "Only questions about this, e.g. South China Sea", MaxLength: b.cfg.MaxQuestionChars},
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "count", Description: "How many questions (1–10, default 5)", MinValue: &minCount, MaxValue: maxCount},
			},
		},
		{
			Name:        cmdSummary,
			Description: "A short summary of one source, each sentence cited.",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "source", Description: "The source to summarise", Required: true, Autocomplete: true},
			},
		},
	}
}

// resolveSource turns the source option into a source, or the sentence
// refusing it.
func (b *Bot) resolveSource(name string) (retrieval.SourceStats, string) {
	s, err := study.ResolveSource(b.deps.Library.Sources(), name)
	if err != nil {
		return s, truncate(err.Error(), maxContent)
	}
	return s, ""
}

// startStudy admits the member (the same rate limit and in-flight cap as
// /ask), defers the reply and waits for a slot; it returns false when the
// member was refused or the wait failed. done releases the slot.
func (b *Bot) startStudy(ctx context.Context, i *discordgo.Interaction, what string) (done func(), ok bool) {
	t, refusal := b.admit(userOf(i).ID)
	if refusal != "" {
		b.refuse(i, refusal)
		return nil, false
	}
	if err := b.deferReply(ctx, i, false); err != nil {
		b.log.Error("acknowledge /"+what, "err", err)
		b.releaseTicket(t)
		return nil, false
	}
	if t.queued() {
		if err := b.gate.wait(ctx, t); err != nil {
			b.failInteraction(i, b.deps.UserMessage(err))
			return nil, false
		}
	}
	return b.gate.leave, true
}

// onQuiz starts a round: the first question with its buttons.
func (b *Bot) onQuiz(i *discordgo.Interaction) {
	if b.study == nil {
		b.refuse(i, msgNoStudy)
		return
	}
	data := i.ApplicationCommandData()
	opts := study.RoundOptions{Count: study.DefaultCount}
	if n, ok := intOption(data, "count"); ok {
		if n < 1 || n > maxQuizCount {
			b.refuse(i, fmt.Sprintf("A round has 1 to %d questions.", maxQuizCount))
			return
		}
		opts.Count = n
	}
	var source retrieval.SourceStats
	if name := stringOption(data, "source"); strings.TrimSpace(name) != "" {
		var refusal string
		if source, refusal = b.resolveSource(name); refusal != "" {
			b.refuse(i, refusal)
			return
		}
		opts.Source = source.Source
	}
	topic, refusal := "", ""
	if t := stringOption(data, "topic"); strings.TrimSpace(t) != "" {
		if topic, refusal = b.cleanQuestion(t); refusal != "" {
			b.refuse(i, refusal)
			return
		}
	}
	ctx := b.work
	done, ok := b.startStudy(ctx, i, cmdQuiz)
	if !ok {
		return
	}
	defer done()
	seed, _ := strconv.ParseUint(i.ID, 10, 64)
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	opts.Seed = seed
	passages, err := b.quizPassages(ctx, &opts, topic)
	if err != nil {
		b.log.Error("search for quiz topic", "topic", topic, "err", err)
		b.failInteraction(i, b.deps.UserMessage(err))
		return
	}
	round, err := b.study.deps.Studier.Round(ctx, passages, opts)
	if errors.Is(err, study.ErrNoQuestions) {
		b.failInteraction(i, "I found nothing in the reading list to ask about there; try another source or topic.")
		return
	}
	if err != nil {
		b.log.Error("make a quiz round", "err", err)
		b.failInteraction(i, b.deps.UserMessage(err))
		return
	}
	r := &quizRound{ID: i.ID, Created: time.Now().UTC(), Note: round.Note, Questions: round.Questions, Answers: make([]map[string]int, len(round.Questions))}
	for k := range r.Answers {
		r.Answers[k] = map[string]int{}
	}
	if err := b.study.rounds.create(r); err != nil {
		b.log.Error("keep a quiz round", "err", err)
		b.failInteraction(i, msgNotRecorded)
		return
	}
	if err := b.editOriginal(ctx, i, renderQuizRound(r)); err != nil {
		b.log.Error("send quiz question", "err", err)
		return
	}
	b.log.Info("quiz round started", "round", r.ID, "questions", len(r.Questions), "source", opts.Source, "topic", topic)
}

// quizPassages narrows a round (opts) to a topic's best passages and
// returns the passages a model would be shown.
func (b *Bot) quizPassages(ctx context.Context, opts *study.RoundOptions, topic string) ([]retrieval.Passage, error) {
	passages := b.study.deps.Passages.Passages(opts.Source)
	if topic != "" {
		found, err := b.deps.Searcher.Search(ctx, topic, quizTopicPassages)
		if err != nil {
			return nil, err
		}
		opts.Passages = map[string]bool{}
		passages = passages[:0:0]
		for _, p := range found {
			if opts.Source == "" || p.Source == opts.Source {
				opts.Passages[p.ID] = true
				passages = append(passages, p)
			}
		}
		return passages, nil
	}
	if opts.Source == "" {
		rng := rand.New(rand.NewPCG(opts.Seed, 1))
		rng.Shuffle(len(passages), func(i, j int) { passages[i], passages[j] = passages[j], passages[i] })
	}
	return passages, nil
}

// onQuizButton handles an answer or "Next question" press.
func (b *Bot) onQuizButton(i *discordgo.Interaction, id string) {
	if b.study == nil {
		b.refuse(i, msgRoundGone)
		return
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(id, idQuizAnswer), idQuizNext)
	parts := strings.Split(rest, ":")
	roundID := parts[0]
	if len(parts) < 2 || strings.ContainsAny(roundID, `/\.`) || roundID == "" {
		b.refuse(i, "That button no longer works; start a new round with /quiz.")
		return
	}
	k, err := strconv.Atoi(parts[1])
	if err != nil {
		b.refuse(i, "That button no longer works; start a new round with /quiz.")
		return
	}
	if strings.HasPrefix(id, idQuizNext) {
		b.nextQuestion(i, roundID, k)
		return
	}
	choice := -1
	if len(parts) == 3 {
		choice, _ = strconv.Atoi(parts[2])
	}
	b.answerQuiz(i, roundID, k, choice)
}

// refusal is a polite no with the sentence for the member.
type refusal string

// Error is the sentence.
func (r refusal) Error() string { return string(r) }

// answerQuiz records a member's answer, updates the tally on the round's
// message and tells the member, privately, whether it was right.
func (b *Bot) answerQuiz(i *discordgo.Interaction, roundID string, k, choice int) {
	user := b.feedback.hashUser(userOf(i).ID)
	r, err := b.study.rounds.update(roundID, func(r *quizRound) error {
		switch {
		case time.Since(r.Created) > roundMaxAge:
			return refusal(msgRoundOld)
		case r.over():
			return refusal(msgRoundOver)
		case k != r.Current || choice < 0 || choice >= len(r.Questions[k].Options):
			return refusal(msgMovedOn)
		}
		if earlier, ok := r.Answers[k][user]; ok {
			return refusal(fmt.Sprintf("You've already answered this question (you chose %c); each member answers once.", optionLetter(earlier)))
		}
		r.Answers[k][user] = choice
		return nil
	})
	if b.refuseRoundError(i, err) {
		return
	}
	ctx, cancel := context.WithTimeout(b.work, 30*time.Second)
	defer cancel()
	if err := b.updateMessage(ctx, i, renderQuizRound(r)); err != nil {
		b.log.Error("update the quiz tally", "err", err)
		return
	}
	if err := b.followup(ctx, i, renderQuizVerdict(r.Questions[k], choice), true); err != nil {
		b.log.Error("send quiz verdict", "err", err)
	}
}

// nextQuestion moves the round on: the next question, or the round's
// summary after the last.
func (b *Bot) nextQuestion(i *discordgo.Interaction, roundID string, k int) {
	r, err := b.study.rounds.update(roundID, func(r *quizRound) error {
		switch {
		case r.over():
			return refusal(msgRoundOver)
		case time.Since(r.Created) > roundMaxAge:
			return refusal(msgRoundOld)
		case k != r.Current:
			return refusal("The round has already moved on to the next question.")
		}
		r.Current++
		return nil
	})
	if b.refuseRoundError(i, err) {
		return
	}
	ctx, cancel := context.WithTimeout(b.work, 30*time.Second)
	defer cancel()
	if err := b.updateMessage(ctx, i, renderQuizRound(r)); err != nil {
		b.log.Error("show the next quiz question", "err", err)
	}
}

// refuseRoundError answers a press the round turned away (or could not
// record); it reports whether it did.
func (b *Bot) refuseRoundError(i *discordgo.Interaction, err error) bool {
	var no refusal
	switch {
	case err == nil:
		return false
	case errors.As(err, &no):
		b.refuse(i, string(no))
	case errors.Is(err, errRoundGone):
		b.refuse(i, msgRoundGone)
	default:
		b.log.Error("quiz round", "err", err)
		b.refuse(i, msgNotRecorded)
	}
	return true
}

// updateMessage answers a button press by replacing the message it is on.
func (b *Bot) updateMessage(ctx context.Context, i *discordgo.Interaction, m outMessage) error {
	e := webhookEdit(m)
	data := &discordgo.InteractionResponseData{Content: *e.Content, Embeds: *e.Embeds, Components: *e.Components, AllowedMentions: noMentions()}
	if err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: data}, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("update message of interaction %s: %w", i.ID, err)
	}
	return nil
}

func optionLetter(n int) rune { return rune('A' + n) }

// renderQuizRound is the round's public message: the question shown with
// its tally and buttons, or the round's summary once it is over.
func renderQuizRound(r *quizRound) outMessage {
	if r.over() {
		return renderRoundSummary(r)
	}
	k := r.Current
	q := r.Questions[k]
	var b strings.Builder
	b.WriteString(truncate(q.Question, 1500))
	b.WriteString("\n")
	for n, o := range q.Options {
		fmt.Fprintf(&b, "\n**%c.** %s", optionLetter(n), truncate(o, 200))
	}
	answered, right := r.tally(k)
	embed := &discordgo.MessageEmbed{
		Title:       fmt.Sprintf("Question %d of %d", k+1, len(r.Questions)),
		Description: b.String(),
		Color:       colorAnswer,
		Footer:      &discordgo.MessageEmbedFooter{Text: truncate(fmt.Sprintf("%d answered · %d right · from “%s”", answered, right, q.Citation.Title), maxFooter)},
	}
	var options []discordgo.MessageComponent
	for n := range q.Options {
		options = append(options, discordgo.Button{Label: string(optionLetter(n)), Style: discordgo.PrimaryButton, CustomID: fmt.Sprintf("%s%s:%d:%d", idQuizAnswer, r.ID, k, n)})
	}
	next := "Next question"
	if k == len(r.Questions)-1 {
		next = "Finish the round"
	}
	components := []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: options},
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: next, Style: discordgo.SecondaryButton, CustomID: fmt.Sprintf("%s%s:%d", idQuizNext, r.ID, k)}}},
	}
	content := ""
	if k == 0 {
		content = r.Note
	}
	return outMessage{content: content, embeds: []*discordgo.MessageEmbed{embed}, components: components}
}

// renderRoundSummary lists the questions of a finished round and how many
// got each right.
func renderRoundSummary(r *quizRound) outMessage {
	var b strings.Builder
	for k, q := range r.Questions {
		answered, right := r.tally(k)
		fmt.Fprintf(&b, "**%d.** %s\n→ %c. %s · %d of %d right\n", k+1, truncate(oneLine(q.Question), 180), optionLetter(q.Answer), truncate(q.Correct(), 100), right, answered)
	}
	return outMessage{embeds: []*discordgo.MessageEmbed{{
		Title:       fmt.Sprintf("Round over: %d questions", len(r.Questions)),
		Description: truncate(b.String(), maxDescription),
		Color:       colorSources,
		Footer:      &discordgo.MessageEmbedFooter{Text: "Start another round with /quiz."},
	}}}
}

// renderQuizVerdict is the member's private reply: right or wrong, the
// correct option, and the passage with its citation.
func renderQuizVerdict(q study.Question, choice int) outMessage {
	var b strings.Builder
	if choice == q.Answer {
		fmt.Fprintf(&b, "✅ Right: **%c.** %s\n", optionLetter(q.Answer), q.Correct())
	} else {
		fmt.Fprintf(&b, "❌ Not quite: the answer is **%c.** %s (you chose %c).\n", optionLetter(q.Answer), q.Correct(), optionLetter(choice))
	}
	b.WriteString(quoteBlock(truncate(q.Citation.Quote, 1200)))
	b.WriteString("\n— " + quizCitation(q.Citation))
	return outMessage{content: truncate(b.String(), maxContent)}
}

// quizCitation names a question's source: title, authors or publisher,
// page or section.
func quizCitation(c study.Citation) string {
	s := "*" + c.Title + "*"
	switch {
	case len(c.Authors) > 0:
		s += ", " + strings.Join(c.Authors, ", ")
	case c.Publisher != "":
		s += ", " + c.Publisher
	}
	if where := c.Where(); where != "" {
		s += ", " + where
	}
	return s
}
