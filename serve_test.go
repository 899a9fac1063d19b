package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/lectern/lectern/internal/discordtest"
	"github.com/lectern/lectern/internal/openaitest"
)

// lockedBuffer is an io.Writer safe for the concurrent writes of a server.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeEndToEnd runs `lectern serve` as a study group would: a config
// file, a copy of seeds/, a token in the environment, a chat endpoint (the
// OpenAI-compatible stand-in, streaming) and Discord (the stand-in, REST and
// gateway), with nothing faked in between: the real index, the real
// answerer and the real bot, through go-openai and discordgo.
func TestServeEndToEnd(t *testing.T) {
	const (
		guild   = "100000000000000001"
		channel = "100000000000000010"
	)
	member := discordtest.User{ID: "300000000000000001", Username: "ada"}
	moderator := discordtest.User{ID: "300000000000000002", Username: "grace"}

	discord := discordtest.New(discordtest.Options{})
	t.Cleanup(discord.Close)
	chat := openaitest.New(t)
	chat.SetChatReply(func(req openai.ChatCompletionRequest) string {
		return "The Three Nos are no military alliances, no foreign military bases and no siding with one country against another [1]."
	})

	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	copyDir(t, "seeds", corpus)
	configFile := filepath.Join(dir, "config.toml")
	writeFile(t, configFile, fmt.Sprintf(`data_dir = %q

[corpus]
dir = %q

[chat]
base_url = %q
model = %q
timeout = "5s"

[discord]
api_url = %q
guild_id = %q
stream_interval = "20ms"
`, filepath.Join(dir, "data"), corpus, chat.URL(), openaitest.ChatModel, discord.URL, guild))
	t.Setenv("DISCORD_TOKEN", discord.Token())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--config", configFile}, &stdout, &stderr) }()

	wait := func(what string, match func(discordtest.Request) bool) discordtest.Request {
		t.Helper()
		wctx, wcancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer wcancel()
		r, err := discord.WaitRequest(wctx, match)
		if err != nil {
			t.Fatalf("waiting for %s: %v\nlog:\n%s", what, err, stderr.String())
		}
		return r
	}
	interact := func(user discordtest.User, perms int64, command string, opts map[string]string) discordtest.Sent {
		t.Helper()
		sent, err := discord.Interact(context.Background(), discordtest.Interaction{GuildID: guild, ChannelID: channel, User: user, Permissions: perms, Command: command, Options: opts})
		if err != nil {
			t.Fatalf("/%s: %v", command, err)
		}
		return sent
	}
	edits := func(sent discordtest.Sent, contains string) func(discordtest.Request) bool {
		return func(r discordtest.Request) bool {
			return discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) && strings.Contains(string(r.Body), contains)
		}
	}

	wait("the commands", func(r discordtest.Request) bool {
		return r.Method == http.MethodPut && strings.HasSuffix(r.Path, "/commands")
	})

	t.Run("an answer from the model, with the seed it cites", func(t *testing.T) {
		sent := interact(member, discordtest.PermissionsMember, "ask", map[string]string{"question": "What are the Three Nos?"})
		final := wait("the answer", edits(sent, "China-Vietnam in warm, new communist embrace"))
		if !strings.Contains(string(final.Body), "[1]") {
			t.Errorf("the answer has no [1]: %s", final.Body)
		}
		prompt := chat.LastChatRequest().Messages[1].Content
		if !strings.Contains(prompt, "no military alliance with any foreign power") {
			t.Errorf("the model was not given the passage that answers:\n%s", prompt)
		}
	})

	t.Run("a reindex from Discord picks up a new file", func(t *testing.T) {
		writeFile(t, filepath.Join(corpus, "zz_ferries.txt"), "Ferries on Ha Long Bay\n\n"+strings.Repeat("The ferries of Ha Long Bay carry tourists between the islands every morning. ", 6))
		sent := interact(moderator, discordtest.PermissionsMember|discordtest.PermissionManageGuild, "reindex", nil)
		summary := wait("the reindex summary", edits(sent, "Reindexed"))
		if !strings.Contains(string(summary.Body), "6 files") {
			t.Errorf("summary = %s, want 6 files", summary.Body)
		}
		sent = interact(member, discordtest.PermissionsMember, "search", map[string]string{"query": "ferries Ha Long Bay"})
		wait("search results from the new index", func(r discordtest.Request) bool {
			return (discordtest.IsCallback(sent.ID)(r) || discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) || discordtest.IsWebhook(http.MethodPost, sent.Token)(r)) &&
				strings.Contains(string(r.Body), "Ferries on Ha Long Bay")
		})
	})

	t.Run("a chat endpoint that is down: the reading list answers, with a sentence, and serving goes on", func(t *testing.T) {
		chat.Close()
		sent := interact(member, discordtest.PermissionsMember, "ask", map[string]string{"question": "What are the Three Nos?"})
		answer := wait("the answer from the reading list", func(r discordtest.Request) bool {
			return (discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) || discordtest.IsWebhook(http.MethodPost, sent.Token)(r)) &&
				strings.Contains(string(r.Body), "is not answering; answering from the reading list instead")
		})
		if !strings.Contains(string(answer.Body), "no military alliance") {
			t.Errorf("the answer does not quote the reading list: %s", answer.Body)
		}
		sent = interact(member, discordtest.PermissionsMember, "sources", nil)
		wait("the reading list", func(r discordtest.Request) bool {
			return (discordtest.IsCallback(sent.ID)(r) || discordtest.IsWebhook(http.MethodPatch, sent.Token)(r)) && strings.Contains(string(r.Body), "Lye Liang Fook")
		})
	})

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d\nlog:\n%s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after cancellation")
	}
	if strings.Contains(stderr.String(), discord.Token()) {
		t.Error("the Discord token reached the log")
	}
}

// copyDir copies the regular files of src into a new folder dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, e.Name()), string(data))
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
