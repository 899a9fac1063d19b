package discordtest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestCheckLimits(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name string
		body string
		ok   bool
	}{
		{"content at the limit", `{"content":"` + long(2000) + `"}`, true},
		{"content over the limit", `{"content":"` + long(2001) + `"}`, false},
		{"emoji count twice", `{"content":"` + strings.Repeat("😀", 1001) + `"}`, false},
		{"description at the limit", `{"embeds":[{"description":"` + long(4096) + `"}]}`, true},
		{"description over the limit", `{"embeds":[{"description":"` + long(4097) + `"}]}`, false},
		{"embeds over 6000 in all", `{"embeds":[{"description":"` + long(4000) + `"},{"description":"` + long(2001) + `"}]}`, false},
		{"no body", ``, true},
	}
	for _, tt := range tests {
		if err := CheckLimits([]byte(tt.body)); (err == nil) != tt.ok {
			t.Errorf("%s: CheckLimits = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

// dial connects to the stand-in's gateway as discordgo does.
func dial(t *testing.T, s *Server) *websocket.Conn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(s.gatewayURL()+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	var hello frame
	if err := ws.ReadJSON(&hello); err != nil || hello.Op != 10 {
		t.Fatalf("HELLO = %+v, %v", hello, err)
	}
	return ws
}

func identify(t *testing.T, ws *websocket.Conn, token string, intents int, compress bool) {
	t.Helper()
	d, _ := json.Marshal(map[string]any{"token": token, "intents": intents, "compress": compress})
	if err := ws.WriteJSON(frame{Op: 2, Data: d}); err != nil {
		t.Fatal(err)
	}
}

func TestGateway(t *testing.T) {
	t.Parallel()
	s := New(Options{HeartbeatInterval: 50 * time.Millisecond})
	defer s.Close()

	t.Run("zlib payloads when identify asks for compression", func(t *testing.T) {
		ws := dial(t, s)
		identify(t, ws, "Bot "+s.Token(), IntentMessageContent, true)
		kind, msg, err := ws.ReadMessage()
		if err != nil || kind != websocket.BinaryMessage {
			t.Fatalf("READY = kind %d, %v", kind, err)
		}
		z, err := zlib.NewReader(bytes.NewReader(msg))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(z)
		if !strings.Contains(string(plain), `"t":"READY"`) {
			t.Errorf("READY = %s", plain)
		}
		if err := ws.WriteJSON(map[string]any{"op": 1, "d": 1}); err != nil {
			t.Fatal(err)
		}
		var ack frame
		if err := ws.ReadJSON(&ack); err != nil || ack.Op != 11 {
			t.Errorf("heartbeat answered with %+v, %v", ack, err)
		}
	})
	for _, tt := range []struct {
		name    string
		token   string
		intents int
		code    int
	}{
		{"bad token closes with 4004", "Bot wrong", 0, CloseAuthenticationFailed},
		{"privileged intent not enabled closes with 4014", "Bot " + s.Token(), IntentGuildPresences, CloseDisallowedIntents},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ws := dial(t, s)
			identify(t, ws, tt.token, tt.intents, false)
			_, _, err := ws.ReadMessage()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.code {
				t.Errorf("read after IDENTIFY = %v, want close %d", err, tt.code)
			}
		})
	}
}

func TestRESTNeedsTheToken(t *testing.T) {
	t.Parallel()
	s := New(Options{})
	defer s.Close()
	for _, tt := range []struct {
		auth string
		want int
	}{{"", 401}, {"Bot nope", 401}, {"Bot " + s.Token(), 200}} {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", s.URL+"/api/v9/users/@me", nil)
		req.Header.Set("Authorization", tt.auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("GET /users/@me with %q = %d, want %d", tt.auth, resp.StatusCode, tt.want)
		}
	}
	if got := len(s.Requests()); got != 3 {
		t.Errorf("%d requests recorded, want 3", got)
	}
}

func TestCheckChoices(t *testing.T) {
	t.Parallel()
	choice := func(name, value string) string { return `{"name":"` + name + `","value":"` + value + `"}` }
	many := make([]string, 26)
	for i := range many {
		many[i] = choice("n", "v")
	}
	tests := []struct {
		name string
		data string
		ok   bool
	}{
		{"no choices", `{"choices":[]}`, true},
		{"one choice", `{"choices":[` + choice("Title", "file.pdf") + `]}`, true},
		{"25 choices", `{"choices":[` + strings.Join(many[:25], ",") + `]}`, true},
		{"26 choices", `{"choices":[` + strings.Join(many, ",") + `]}`, false},
		{"a name of 100 characters", `{"choices":[` + choice(strings.Repeat("é", 100), "v") + `]}`, true},
		{"a name of 101 characters", `{"choices":[` + choice(strings.Repeat("a", 101), "v") + `]}`, false},
		{"an empty name", `{"choices":[` + choice("", "v") + `]}`, false},
		{"a value of 101 characters", `{"choices":[` + choice("n", strings.Repeat("a", 101)) + `]}`, false},
		{"not JSON", `{"choices":`, false},
	}
	for _, tt := range tests {
		if got := checkChoices([]byte(tt.data)); (got == "") != tt.ok {
			t.Errorf("%s: checkChoices = %q, want ok=%v", tt.name, got, tt.ok)
		}
	}
}
