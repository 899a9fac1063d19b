package prompts

// QuizData fills the quiz prompts: how many questions, over which passages.
type QuizData struct {
	Count    int
	Passages []Passage
}

// QuizSystem renders the system prompt that asks for quiz questions as
// strict JSON.
func QuizSystem() (string, error) { return render("quiz_system.tmpl", nil) }

// QuizUser renders the user prompt of a quiz: the count and the passages.
func QuizUser(data QuizData) (string, error) { return render("quiz_user.tmpl", data) }

// SummarySystem renders the system prompt that asks for a cited summary.
func SummarySystem() (string, error) { return render("summary_system.tmpl", nil) }

// SummaryUser renders the user prompt of a summary: the passages.
func SummaryUser(passages []Passage) (string, error) {
	return render("summary_user.tmpl", struct{ Passages []Passage }{passages})
}
