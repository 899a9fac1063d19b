package bot

import (
	"net/http"
	"strings"
	"testing"

	"github.com/lectern/lectern/internal/discordtest"
)

func TestAskStreamsAndCites(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	sent := h.ask(ada, "What are the Three Nos?")

	if cb := h.callback(sent); cb["type"] != float64(5) {
		t.Errorf("first reply is type %v, want 5 (deferred)", cb["type"])
	}
	final := h.final(sent)
	embeds := embedsOf(final)
	if len(embeds) != 2 {
		t.Fatalf("final reply has %d embeds, want answer and sources: %s", len(embeds), final.Body)
	}
	if got := embeds[0].Description; got != threeNos.Text {
		t.Errorf("answer = %q, want %q", got, threeNos.Text)
	}
	if embeds[0].Author == nil || !strings.Contains(embeds[0].Author.Name, "What are the Three Nos?") {
		t.Errorf("answer does not repeat the question: %+v", embeds[0].Author)
	}
	for _, want := range []string{"**[1]** *Vietnam's hedging* — Le Hong Hiep", "**[2]** *Defence White Paper* — Ministry of National Defence"} {
		if !strings.Contains(embeds[1].Description, want) {
			t.Errorf("sources %q lack %q", embeds[1].Description, want)
		}
	}
	msg, _ := h.srv.Original(sent.Token)
	wantIDs := []string{idPassages + sent.ID, idVoteUp + sent.ID, idVoteDown + sent.ID}
	if got := msg.CustomIDs(); strings.Join(got, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("buttons = %v, want %v", got, wantIDs)
	}
	edits, _ := h.srv.WaitRequests(h.ctx(), 2, discordtest.IsWebhook(http.MethodPatch, sent.Token))
	if len(edits) < 2 {
		t.Errorf("%d edits, want streaming edits before the final one", len(edits))
	}

	// Show passages: an ephemeral reply quoting each cited passage.
	press, err := h.srv.Interact(h.ctx(), discordtest.Interaction{GuildID: testGuild, ChannelID: testChannel, User: grace, CustomID: idPassages + sent.ID, MessageID: msg.ID})
	if err != nil {
		t.Fatal(err)
	}
	cb := h.callback(press)
	data, _ := cb["data"].(map[string]any)
	if cb["type"] != float64(4) || flags(data) != 64 {
		t.Fatalf("Show passages reply = type %v flags %v, want 4 and 64", cb["type"], flags(data))
	}
	r, _ := h.srv.WaitRequest(h.ctx(), discordtest.IsCallback(press.ID))
	body := string(r.Body)
	for _, c := range threeNos.Citations {
		if !strings.Contains(body, c.Quote) {
			t.Errorf("passages reply lacks the quote %q", c.Quote)
		}
	}
}
