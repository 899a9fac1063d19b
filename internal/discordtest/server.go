// Package discordtest is a stand-in for Discord, started inside tests on
// 127.0.0.1. It speaks enough of Discord's wire protocol for a discordgo
// bot to connect, register commands, receive interactions and messages, and
// answer them: REST under /api/v9 and the gateway websocket.
//
// Every REST request is recorded with its body so tests can assert what the
// bot sent; bodies that break Discord's message limits are refused with 400
// as Discord would, and counted as violations.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Privileged gateway intents; Discord closes the gateway with 4014 when a
// bot asks for one the application has not enabled.
const (
	IntentGuildMembers   = 1 << 1
	IntentGuildPresences = 1 << 8
	IntentMessageContent = 1 << 15
	privilegedIntents    = IntentGuildMembers | IntentGuildPresences | IntentMessageContent
)

// Options configures a Server. The zero value works.
type Options struct {
	// Token is the bot token the server accepts, without "Bot ".
	// Default "test-token".
	Token string
	// AppID and BotID are the application's and the bot user's IDs.
	AppID, BotID string
	// BotName is the bot user's name. Default "Lectern".
	BotName string
	// AllowedIntents are the privileged intents the application has
	// enabled. Default: IntentMessageContent.
	AllowedIntents int
	// HeartbeatInterval is sent in HELLO. Default 1s.
	HeartbeatInterval time.Duration
}

// Event is a gateway dispatch: its name ("MESSAGE_CREATE") and data; see
// SendAfterReady.
type Event struct {
	Name string
	Data any
}

// User is a Discord user as the stand-in sends it.
type User struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Bot      bool   `json:"bot,omitempty"`
}

// Request is one REST request the server received.
type Request struct {
	Method string
	// Path is the URL path, e.g. /api/v9/interactions/1/tok/callback.
	Path  string
	Query url.Values
	// Auth is the Authorization header.
	Auth string
	Body []byte
	// At is when the request arrived.
	At time.Time
	// Status is the status the server answered with.
	Status int
}

// JSON decodes the body into a generic map (nil when it is not an object).
func (r Request) JSON() map[string]any {
	var m map[string]any
	_ = json.Unmarshal(r.Body, &m)
	return m
}

// Server is a running Discord stand-in.
type Server struct {
	// URL is the scheme and host of the server, e.g. http://127.0.0.1:1234;
	// it is what [discord] api_url points at.
	URL  string
	opts Options
	ts   *httptest.Server

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced on every change
	afterReady   []Event       // sent right behind the next READY
	requests     []Request
	identifies   []Identify
	messages     map[string]*Message
	originals    map[string]string // interaction token → message ID
	pending      map[string]time.Time
	interactions map[string]interactionRecord
	responded    map[string]bool
	commands     map[string][]map[string]any // "" for global, else guild ID
	violations   []string
	nextID       int64
	gw           *gatewayConn
	conns        map[*gatewayConn]struct{}
	seq          int64
	closed       bool
}

// New starts a Server on 127.0.0.1; Close stops it.
func New(opts Options) *Server {
	if opts.Token == "" {
		opts.Token = "test-token"
	}
	if opts.AppID == "" {
		opts.AppID = "900000000000000001"
	}
	if opts.BotID == "" {
		opts.BotID = "900000000000000002"
	}
	if opts.BotName == "" {
		opts.BotName = "Lectern"
	}
	if opts.AllowedIntents == 0 {
		opts.AllowedIntents = IntentMessageContent
	}
	if opts.HeartbeatInterval <= 0 {
		opts.HeartbeatInterval = time.Second
	}
	s := &Server{
		opts:         opts,
		changed:      make(chan struct{}),
		messages:     map[string]*Message{},
		originals:    map[string]string{},
		pending:      map[string]time.Time{},
		interactions: map[string]interactionRecord{},
		responded:    map[string]bool{},
		commands:     map[string][]map[string]any{},
		nextID:       1_200_000_000_000_000_000,
		conns:        map[*gatewayConn]struct{}{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway", s.serveGateway)
	mux.HandleFunc("/gateway/", s.serveGateway)
	mux.HandleFunc("/api/v9/", s.serveREST)
	s.ts = httptest.NewServer(mux)
	s.URL = s.ts.URL
	return s
}

// Close disconnects every gateway connection and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	conns := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.close()
	}
	s.ts.CloseClientConnections()
	s.ts.Close()
}

// Token is the bot token the server accepts, without "Bot ".
func (s *Server) Token() string { return s.opts.Token }

// AppID is the application's ID.
func (s *Server) AppID() string { return s.opts.AppID }

// SendAfterReady queues events to be sent right behind the next READY, in
// the same breath, as Discord does with the GUILD_CREATEs and any message
// already waiting: they reach the bot while its Open may still be
// returning.
func (s *Server) SendAfterReady(events ...Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.afterReady = append(s.afterReady, events...)
}

// BotUser is the bot's own user.
func (s *Server) BotUser() User {
	return User{ID: s.opts.BotID, Username: s.opts.BotName, Bot: true}
}

// newID returns a fresh snowflake. s.mu must be held.
func (s *Server) newID() string {
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

// notify wakes every waiter. s.mu must be held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Requests returns every REST request so far, in order of arrival.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Violations lists the bodies the server refused for breaking Discord's
// limits, and interactions answered late or twice.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// Identifies returns the IDENTIFY payloads received so far.
func (s *Server) Identifies() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Identify(nil), s.identifies...)
}

// Commands returns the commands last registered globally (guildID "") or
// to a guild.
func (s *Server) Commands(guildID string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands[guildID]
}

// Wait blocks until cond, called with s's lock held, returns true, or ctx
// ends.
func (s *Server) wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// WaitRequest waits for the first recorded request (from the start) that
// match accepts, and returns it.
func (s *Server) WaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	var found Request
	err := s.wait(ctx, func() bool {
		for _, r := range s.requests {
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	if err != nil {
		return Request{}, fmt.Errorf("wait for request: %w", err)
	}
	return found, nil
}

// WaitRequests waits until at least n recorded requests match, and
// returns all that do.
func (s *Server) WaitRequests(ctx context.Context, n int, match func(Request) bool) ([]Request, error) {
	var found []Request
	err := s.wait(ctx, func() bool {
		found = found[:0]
		for _, r := range s.requests {
			if match(r) {
				found = append(found, r)
			}
		}
		return len(found) >= n
	})
	if err != nil {
		return found, fmt.Errorf("wait for %d requests (have %d): %w", n, len(found), err)
	}
	return found, nil
}

// WaitConnected waits until a bot has identified and received READY.
func (s *Server) WaitConnected(ctx context.Context) error {
	err := s.wait(ctx, func() bool { return s.gw != nil })
	if err != nil {
		return fmt.Errorf("wait for gateway connection: %w", err)
	}
	return nil
}

// Match helpers for WaitRequest.

// IsCallback matches the interaction callback of the interaction with id.
func IsCallback(interactionID string) func(Request) bool {
	return func(r Request) bool {
		return r.Method == http.MethodPost && strings.HasPrefix(r.Path, "/api/v9/interactions/"+interactionID+"/")
	}
}

// IsWebhook matches requests on the webhook of an interaction token with
// the given method (POST followup, PATCH edit, DELETE).
func IsWebhook(method, token string) func(Request) bool {
	return func(r Request) bool {
		return r.Method == method && strings.Contains(r.Path, "/webhooks/") && strings.Contains(r.Path, "/"+token)
	}
}
