package bot

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/discordtest"
)

// BenchmarkAnswerOverhead measures the bot's own time per answer: from the
// stand-in writing INTERACTION_CREATE to the gateway until it receives the
// first edit of the reply, minus the fake Asker's time to its first
// partial. It reports the median in ms/answer.
func BenchmarkAnswerOverhead(b *testing.B) {
	const modelDelay = 2 * time.Millisecond
	var mu sync.Mutex
	var toFirstPartial time.Duration
	h := start(b, setup{cfg: func(c *config.Discord) { c.UserRatePerMin, c.UserBurst = 1e9, 1e6 }, ask: func(ctx context.Context, req answer.Request, onPartial func(string)) (answer.Answer, error) {
		t0 := time.Now()
		time.Sleep(modelDelay)
		mu.Lock()
		toFirstPartial = time.Since(t0)
		mu.Unlock()
		onPartial(threeNos.Text[:40])
		onPartial(threeNos.Text)
		return threeNos, nil
	}})
	overheads := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		sent := h.ask(ada, "What are the Three Nos?")
		first, err := h.srv.WaitRequest(h.ctx(), discordtest.IsWebhook(http.MethodPatch, sent.Token))
		if err != nil {
			b.Fatal(err)
		}
		h.final(sent)
		mu.Lock()
		overheads = append(overheads, first.At.Sub(sent.At)-toFirstPartial)
		mu.Unlock()
	}
	b.StopTimer()
	slices.Sort(overheads)
	median := overheads[len(overheads)/2]
	b.ReportMetric(float64(median.Microseconds())/1000, "ms/answer")
}
