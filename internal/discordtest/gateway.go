package discordtest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway close codes the stand-in uses.
const (
	CloseAuthenticationFailed = 4004
	CloseDisallowedIntents    = 4014
)

// Identify is an IDENTIFY payload as the stand-in received it, with the
// query of the gateway URL the client dialled.
type Identify struct {
	Token    string `json:"token"`
	Intents  int    `json:"intents"`
	Compress bool   `json:"compress"`
	// Query is the gateway URL's query, e.g. v=9&encoding=json.
	Query url.Values `json:"-"`
}

// gatewayConn is one client connection to the gateway.
type gatewayConn struct {
	ws       *websocket.Conn
	compress bool
	writeMu  sync.Mutex
	once     sync.Once
}

// frame is a gateway payload.
type frame struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  *int64          `json:"s"`
	Type *string         `json:"t"`
}

func (c *gatewayConn) send(op int, t string, seq int64, d any) error {
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode %s: %w", t, err)
	}
	f := frame{Op: op, Data: data}
	if t != "" {
		f.Type = &t
		f.Seq = &seq
	}
	msg, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("encode frame: %w", err)
	}
	kind := websocket.TextMessage
	if c.compress && op == 0 {
		var buf bytes.Buffer
		z := zlib.NewWriter(&buf)
		_, _ = z.Write(msg)
		_ = z.Close()
		msg, kind = buf.Bytes(), websocket.BinaryMessage
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(kind, msg)
}

func (c *gatewayConn) closeWith(code int, text string) {
	c.writeMu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.writeMu.Unlock()
	c.close()
}

func (c *gatewayConn) close() { c.once.Do(func() { _ = c.ws.Close() }) }

func (s *Server) gatewayURL() string {
	return "ws" + strings.TrimPrefix(s.URL, "http") + "/gateway"
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveGateway runs one gateway session: HELLO, IDENTIFY, READY, then
// heartbeats until the client goes.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gatewayConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		c.close()
		return
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		c.close()
		s.mu.Lock()
		delete(s.conns, c)
		if s.gw == c {
			s.gw = nil
		}
		s.notify()
		s.mu.Unlock()
	}()

	hb := s.opts.HeartbeatInterval.Milliseconds()
	if err := c.send(10, "", 0, map[string]any{"heartbeat_interval": hb}); err != nil {
		return
	}
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	var id frame
	if err := ws.ReadJSON(&id); err != nil || id.Op != 2 {
		c.closeWith(4002, "Decode error")
		return
	}
	var ident Identify
	if err := json.Unmarshal(id.Data, &ident); err != nil {
		c.closeWith(4002, "Decode error")
		return
	}
	ident.Query = r.URL.Query()
	s.mu.Lock()
	s.identifies = append(s.identifies, ident)
	s.notify()
	s.mu.Unlock()
	if strings.TrimPrefix(ident.Token, "Bot ") != s.opts.Token {
		c.closeWith(CloseAuthenticationFailed, "Authentication failed.")
		return
	}
	if ident.Intents&privilegedIntents&^s.opts.AllowedIntents != 0 {
		c.closeWith(CloseDisallowedIntents, "Disallowed intent(s).")
		return
	}
	c.compress = ident.Compress
	ready := map[string]any{
		"v":           9,
		"user":        s.BotUser(),
		"session_id":  "stand-in-session",
		"guilds":      []any{},
		"application": map[string]any{"id": s.opts.AppID, "flags": 0},
	}
	s.mu.Lock()
	s.seq++
	seq := s.seq
	err = c.send(0, "READY", seq, ready)
	events := s.afterReady
	s.afterReady = nil
	for _, e := range events {
		if err != nil {
			break
		}
		s.seq++
		err = c.send(0, e.Name, s.seq, e.Data)
	}
	if err == nil {
		s.gw = c
		s.notify()
	}
	s.mu.Unlock()
	if err != nil {
		return
	}
	for {
		_ = ws.SetReadDeadline(time.Now().Add(3*s.opts.HeartbeatInterval + 5*time.Second))
		var f frame
		if err := ws.ReadJSON(&f); err != nil {
			return
		}
		if f.Op == 1 {
			if err := c.send(11, "", 0, nil); err != nil {
				return
			}
		}
	}
}

// ErrNotConnected is returned by dispatches while no bot is connected.
var ErrNotConnected = errors.New("discordtest: no bot connected to the gateway")

// Dispatch sends an event to the connected bot with the next sequence
// number and returns when it was written.
func (s *Server) Dispatch(ctx context.Context, event string, data any) (time.Time, error) {
	if err := s.WaitConnected(ctx); err != nil {
		return time.Time{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.gw
	if c == nil {
		return time.Time{}, ErrNotConnected
	}
	s.seq++
	at := time.Now()
	if err := c.send(0, event, s.seq, data); err != nil {
		return at, fmt.Errorf("dispatch %s: %w", event, err)
	}
	return at, nil
}
