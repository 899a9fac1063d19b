package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/openaitest"
)

// askedJSON is what `lectern ask --json` prints.
type askedJSON struct {
	Answer    string `json:"answer"`
	Mode      string `json:"mode"`
	Note      string `json:"note"`
	Citations []struct {
		N     int    `json:"n"`
		Quote string `json:"quote"`
	} `json:"citations"`
	Dropped []struct {
		Sentence string `json:"sentence"`
		Cited    []int  `json:"cited"`
		Why      string `json:"why"`
	} `json:"dropped"`
}

// askScripted runs `lectern ask --json` (and more args) against the
// OpenAI-compatible stand-in replying with script.
func askScripted(t *testing.T, script openaitest.Script, args ...string) (askedJSON, string) {
	t.Helper()
	chat := openaitest.New(t)
	chat.AddModels("llama3.1:8b")
	chat.SetChatScript(func(openai.ChatCompletionRequest) openaitest.Script { return script })
	config := filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, config, "[chat]\nbase_url = \""+chat.URL()+"\"\nmodel = \"llama3.1:8b\"\ntimeout = \"20s\"\n")
	code, stdout, stderr := lectern(t, t.TempDir(), append([]string{"ask", "--json", "--config", config}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got askedJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout: %v\n%s", err, stdout)
	}
	return got, stderr
}

// The passage that states the Three Nos is among those retrieved for the
// question; the model is told to cite it by its number in the prompt.
const threeNos = "Vietnam's constitution commits the ruling party to the Three Nos: no military alliance with any foreign power, no foreign military bases on its soil and no siding with one superpower against the other"

// TestAskShowsOnlyCheckedSentences: `ask --json` of a reasoning model's
// reply shows its answer without the reasoning, cited, and lists the
// sentences no cited passage supports under "dropped".
func TestAskShowsOnlyCheckedSentences(t *testing.T) {
	for _, style := range []string{"[%d]", "(%d)", "[Passage %d]", "【%d】"} {
		t.Run(style, func(t *testing.T) {
			chat := openaitest.New(t)
			chat.AddModels("llama3.1:8b")
			chat.SetChatScript(func(req openai.ChatCompletionRequest) openaitest.Script {
				n := passageNumber(req, "no military alliance")
				cite := strings.ReplaceAll(style, "%d", itoa(n))
				reply := "<think>Passage [1] is about something else.</think>\n\n" + threeNos + " " + cite + ". The Three Nos were written in 1975 " + cite + "."
				return openaitest.Script{Content: openaitest.Split(reply, 3, 20, 60)}
			})
			config := filepath.Join(t.TempDir(), "config.toml")
			writeFile(t, config, "[chat]\nbase_url = \""+chat.URL()+"\"\nmodel = \"llama3.1:8b\"\ntimeout = \"20s\"\n")
			code, stdout, stderr := lectern(t, t.TempDir(), "ask", "--json", "--config", config, "What are the Three Nos?")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got askedJSON
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("stdout: %v\n%s", err, stdout)
			}
			if got.Mode != "generated" || got.Answer != threeNos+" [1]." || len(got.Citations) != 1 {
				t.Errorf("answer %s %q with %d citations, want the first sentence, cited [1]", got.Mode, got.Answer, len(got.Citations))
			}
			if len(got.Dropped) != 1 || got.Dropped[0].Sentence != "The Three Nos were written in 1975." || got.Dropped[0].Why == "" || len(got.Dropped[0].Cited) != 1 {
				t.Errorf("dropped %+v, want the 1975 sentence", got.Dropped)
			}
			if stderr := withoutFirstRun(stderr); stderr != "" {
				t.Errorf("stderr in a normal run:\n%s", stderr)
			}
		})
	}
}

// TestAskVerboseLogsTheDroppedSentences: -v logs each dropped sentence.
func TestAskVerboseLogsTheDroppedSentences(t *testing.T) {
	_, stderr := askScripted(t, openaitest.Script{Content: []string{"Vietnam signed a defence pact with Japan in 2019 [1]."}}, "-v", "What are the Three Nos?")
	if !strings.Contains(stderr, "dropped") || !strings.Contains(stderr, "defence pact with Japan") {
		t.Errorf("-v does not log the dropped sentence:\n%s", stderr)
	}
}

// TestAskModelFailuresAnswerFromTheReadingList: a reply with nothing usable
// in it is told in one sentence and answered from the reading list, as when
// the model is down; a reply cut by max_tokens keeps its finished
// sentences and says nothing on stderr.
func TestAskModelFailuresAnswerFromTheReadingList(t *testing.T) {
	for name, script := range map[string]openaitest.Script{
		"empty":                 {},
		"only reasoning":        {Content: []string{"<think>The Three Nos are in passage [2]."}, FinishReason: openai.FinishReasonLength},
		"reasoning fields only": {Reasoning: []string{"They are in passage 2."}, NoDone: true},
		"nothing supported":     {Content: []string{"Vietnam has a defence pact with Japan [1]."}},
	} {
		t.Run(name, func(t *testing.T) {
			got, stderr := askScripted(t, script, "What are the Three Nos?")
			if got.Mode != "extractive" || !strings.Contains(got.Answer, "no military alliance with any foreign power") || got.Note == "" {
				t.Errorf("answer %+v, want the extractive one with a note", got)
			}
			if stderr := withoutFirstRun(stderr); strings.TrimSpace(stderr) != got.Note {
				t.Errorf("stderr is not the one sentence of the note:\n%s", stderr)
			}
		})
	}
}

// passageNumber is the number the prompt gives the passage holding phrase.
func passageNumber(req openai.ChatCompletionRequest, phrase string) int {
	user := req.Messages[len(req.Messages)-1].Content
	n := 0
	for line := range strings.Lines(user) {
		if strings.HasPrefix(line, "[") {
			if i := strings.IndexByte(line, ']'); i > 1 {
				v := 0
				for _, d := range line[1:i] {
					if d < '0' || d > '9' {
						v = -1
						break
					}
					v = v*10 + int(d-'0')
				}
				if v > 0 {
					n = v
				}
			}
		}
		if strings.Contains(line, phrase) {
			return n
		}
	}
	return 1
}

func itoa(n int) string { return strconv.Itoa(n) }

// withoutFirstRun drops the line that says the index is being built.
func withoutFirstRun(stderr string) string {
	var out []string
	for line := range strings.Lines(stderr) {
		if !strings.HasPrefix(line, "Building the index") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "")
}

// TestAskKeepsTheFinishedSentencesOfACutReply: a reply cut by max_tokens
// is answered with its finished, supported sentences, and a normal run
// says nothing of the cut.
func TestAskKeepsTheFinishedSentencesOfACutReply(t *testing.T) {
	chat := openaitest.New(t)
	chat.AddModels("llama3.1:8b")
	chat.SetChatScript(func(req openai.ChatCompletionRequest) openaitest.Script {
		n := itoa(passageNumber(req, "no military alliance"))
		return openaitest.Script{Content: openaitest.Pieces(threeNos + " [" + n + "]. It also says that Vietnam [" + n + "] will"), FinishReason: openai.FinishReasonLength}
	})
	config := filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, config, "[chat]\nbase_url = \""+chat.URL()+"\"\nmodel = \"llama3.1:8b\"\ntimeout = \"20s\"\n")
	code, stdout, stderr := lectern(t, t.TempDir(), "ask", "--json", "--config", config, "What are the Three Nos?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got askedJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout: %v\n%s", err, stdout)
	}
	if got.Mode != "generated" || got.Answer != threeNos+" [1]." || got.Note != "" {
		t.Errorf("answer %+v, want the finished sentence alone", got)
	}
	if s := withoutFirstRun(stderr); s != "" {
		t.Errorf("stderr in a normal run:\n%s", s)
	}
}
