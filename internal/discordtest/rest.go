package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// interactionDeadline is how long Discord gives a bot to answer an
// interaction's callback.
const interactionDeadline = 3 * time.Second

// Message is a message as the stand-in stores it.
type Message struct {
	ID         string            `json:"id"`
	ChannelID  string            `json:"channel_id"`
	GuildID    string            `json:"guild_id,omitempty"`
	Author     User              `json:"author"`
	Content    string            `json:"content"`
	Embeds     []json.RawMessage `json:"embeds"`
	Components []json.RawMessage `json:"components"`
	Flags      int               `json:"flags,omitempty"`
	Mentions   []User            `json:"mentions"`
	Reference  *Reference        `json:"message_reference,omitempty"`
	// Deleted is set when the bot deleted the message; it is then no
	// longer served.
	Deleted bool `json:"-"`
	// Edits counts the edits made to the message.
	Edits int `json:"-"`
}

// Reference points a reply at the message it answers.
type Reference struct {
	MessageID string `json:"message_id"`
	ChannelID string `json:"channel_id,omitempty"`
	GuildID   string `json:"guild_id,omitempty"`
}

// Embed is the part of an embed tests look at.
type Embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Author      *struct {
		Name string `json:"name"`
	} `json:"author"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Fields []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

// DecodedEmbeds decodes the message's embeds.
func (m Message) DecodedEmbeds() []Embed {
	out := make([]Embed, 0, len(m.Embeds))
	for _, raw := range m.Embeds {
		var e Embed
		_ = json.Unmarshal(raw, &e)
		out = append(out, e)
	}
	return out
}

// Text is the message's content and embed texts, joined by newlines.
func (m Message) Text() string {
	parts := []string{m.Content}
	for _, e := range m.DecodedEmbeds() {
		if e.Author != nil {
			parts = append(parts, e.Author.Name)
		}
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// CustomIDs lists the custom IDs of the message's buttons, in order.
func (m Message) CustomIDs() []string {
	var ids []string
	for _, raw := range m.Components {
		var row struct {
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		}
		_ = json.Unmarshal(raw, &row)
		for _, c := range row.Components {
			if c.CustomID != "" {
				ids = append(ids, c.CustomID)
			}
		}
	}
	return ids
}

// Message returns the stored message with id.
func (s *Server) Message(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return Message{}, false
	}
	return *m, true
}

// Original returns the original response of the interaction with token.
func (s *Server) Original(token string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.originals[token]
	if !ok {
		return Message{}, false
	}
	return *s.messages[id], true
}

// ChannelMessages returns the live messages of a channel, oldest first.
func (s *Server) ChannelMessages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if m.ChannelID == channelID && !m.Deleted {
			out = append(out, *m)
		}
	}
	sortMessages(out)
	return out
}

// sortMessages orders messages by ID, which grows with time.
func sortMessages(ms []Message) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && less(ms[j].ID, ms[j-1].ID); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func less(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// apiError is Discord's JSON error body.
type apiError struct {
	Message string `json:"message"`
	Code    int    `json:"code"`
}

// serveREST records the request and answers it.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Auth: r.Header.Get("Authorization"), Body: body, At: time.Now()}
	status, reply := s.route(r.Method, strings.TrimPrefix(r.URL.Path, "/api/v9/"), rec)
	rec.Status = status
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.notify()
	s.mu.Unlock()
	if reply == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(reply)
}

// authorized reports whether the request carries the bot token.
func (s *Server) authorized(rec Request) bool {
	return rec.Auth == "Bot "+s.opts.Token
}

var errUnauthorized = apiError{Message: "401: Unauthorized", Code: 0}

// route answers one REST request: a status and a JSON body (nil for none).
// A body is a copy of what the server holds, never a pointer into it:
// serveREST encodes it after the lock is released, while another request
// may edit the message.
func (s *Server) route(method, path string, rec Request) (int, any) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	needAuth := !(parts[0] == "interactions" || parts[0] == "webhooks" || path == "gateway")
	if needAuth && !s.authorized(rec) {
		return http.StatusUnauthorized, errUnauthorized
	}
	switch {
	case method == "GET" && path == "gateway":
		return 200, map[string]any{"url": s.gatewayURL()}
	case method == "GET" && path == "gateway/bot":
		return 200, map[string]any{"url": s.gatewayURL(), "shards": 1,
			"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}
	case method == "GET" && path == "users/@me":
		return 200, s.BotUser()
	case method == "PUT" && len(parts) == 3 && parts[0] == "applications" && parts[2] == "commands":
		return s.overwriteCommands(parts[1], "", rec.Body)
	case method == "PUT" && len(parts) == 5 && parts[0] == "applications" && parts[2] == "guilds" && parts[4] == "commands":
		return s.overwriteCommands(parts[1], parts[3], rec.Body)
	case method == "POST" && len(parts) == 4 && parts[0] == "interactions" && parts[3] == "callback":
		return s.callback(parts[1], parts[2], rec.Body)
	case len(parts) == 3 && parts[0] == "webhooks" && method == "POST":
		return s.followup(parts[1], parts[2], rec.Body)
	case len(parts) == 5 && parts[0] == "webhooks" && parts[3] == "messages":
		return s.webhookMessage(method, parts[2], parts[4], rec.Body)
	case len(parts) == 3 && parts[0] == "channels" && parts[2] == "typing" && method == "POST":
		return http.StatusNoContent, nil
	case len(parts) == 3 && parts[0] == "channels" && parts[2] == "messages" && method == "POST":
		return s.createChannelMessage(parts[1], rec.Body)
	case len(parts) == 4 && parts[0] == "channels" && parts[2] == "messages":
		return s.channelMessage(method, parts[1], parts[3], rec.Body)
	}
	return http.StatusNotFound, apiError{Message: "404: Not Found", Code: 0}
}

func (s *Server) overwriteCommands(appID, guildID string, body []byte) (int, any) {
	if appID != s.opts.AppID {
		return http.StatusForbidden, apiError{Message: "Missing Access", Code: 50001}
	}
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		return http.StatusBadRequest, apiError{Message: "Invalid Form Body", Code: 50035}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range cmds {
		c["id"] = s.newID()
		c["application_id"] = appID
		if guildID != "" {
			c["guild_id"] = guildID
		}
	}
	s.commands[guildID] = cmds
	return 200, cmds
}

// messageBody is the part of a message body the stand-in applies.
type messageBody struct {
	Content    *string            `json:"content"`
	Embeds     *[]json.RawMessage `json:"embeds"`
	Components *[]json.RawMessage `json:"components"`
	Flags      *int               `json:"flags"`
	Reference  *Reference         `json:"message_reference"`
}

func (b messageBody) apply(m *Message) {
	if b.Content != nil {
		m.Content = *b.Content
	}
	if b.Embeds != nil {
		m.Embeds = *b.Embeds
	}
	if b.Components != nil {
		m.Components = *b.Components
	}
	if b.Flags != nil {
		m.Flags = *b.Flags
	}
}

// decodeMessage decodes and checks a message body against Discord's limits.
func (s *Server) decodeMessage(what string, raw []byte) (messageBody, *apiError) {
	var b messageBody
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &b); err != nil {
			return b, &apiError{Message: "Invalid Form Body", Code: 50035}
		}
	}
	if err := CheckLimits(raw); err != nil {
		s.mu.Lock()
		s.violations = append(s.violations, fmt.Sprintf("%s: %v", what, err))
		s.mu.Unlock()
		return b, &apiError{Message: "Invalid Form Body: " + err.Error(), Code: 50035}
	}
	return b, nil
}

func (s *Server) callback(id, token string, body []byte) (int, any) {
	var cb struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &cb); err != nil {
		return http.StatusBadRequest, apiError{Message: "Invalid Form Body", Code: 50035}
	}
	data, apiErr := s.decodeMessage("callback "+id, cb.Data)
	if apiErr != nil {
		return http.StatusBadRequest, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sent, ok := s.pending[id]
	switch {
	case !ok:
		return http.StatusNotFound, apiError{Message: "Unknown interaction", Code: 10062}
	case s.responded[id]:
		s.violations = append(s.violations, "interaction "+id+" answered twice")
		return http.StatusBadRequest, apiError{Message: "Interaction has already been acknowledged.", Code: 40060}
	case time.Since(sent) > interactionDeadline:
		s.violations = append(s.violations, "interaction "+id+" answered after 3s")
		return http.StatusNotFound, apiError{Message: "Unknown interaction", Code: 10062}
	}
	s.responded[id] = true
	switch cb.Type {
	case 4, 5: // CHANNEL_MESSAGE_WITH_SOURCE, DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
		m := &Message{ID: s.newID(), Author: s.BotUser()}
		if in, ok := s.interactions[id]; ok {
			m.ChannelID, m.GuildID = in.ChannelID, in.GuildID
		}
		data.apply(m)
		if cb.Type == 5 {
			m.Flags |= 128 // LOADING
		}
		s.messages[m.ID] = m
		s.originals[token] = m.ID
	case 6, 7: // DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE
		if in, ok := s.interactions[id]; ok && in.MessageID != "" && cb.Type == 7 {
			if m := s.messages[in.MessageID]; m != nil {
				data.apply(m)
				m.Edits++
			}
		}
	case 8: // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
		if v := checkChoices(cb.Data); v != "" {
			s.violations = append(s.violations, "autocomplete "+id+": "+v)
			return http.StatusBadRequest, apiError{Message: "Invalid Form Body: " + v, Code: 50035}
		}
	default:
		return http.StatusBadRequest, apiError{Message: "Invalid interaction response type", Code: 50035}
	}
	return http.StatusNoContent, nil
}

// Limits of an autocomplete result.
const (
	maxChoices     = 25
	maxChoiceChars = 100
)

// checkChoices says what breaks Discord's limits in an autocomplete
// result's data, or "".
func checkChoices(raw json.RawMessage) string {
	var d struct {
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return "choices: " + err.Error()
	}
	if len(d.Choices) > maxChoices {
		return fmt.Sprintf("%d choices, at most %d", len(d.Choices), maxChoices)
	}
	for _, c := range d.Choices {
		if n := utf8.RuneCountInString(c.Name); n == 0 || n > maxChoiceChars {
			return fmt.Sprintf("choice name of %d characters (1 to %d)", n, maxChoiceChars)
		}
		if v, ok := c.Value.(string); ok && utf8.RuneCountInString(v) > maxChoiceChars {
			return fmt.Sprintf("choice value of %d characters (at most %d)", utf8.RuneCountInString(v), maxChoiceChars)
		}
	}
	return ""
}

// tokenKnown reports whether token belongs to an interaction. s.mu held.
func (s *Server) tokenKnown(token string) (interactionRecord, bool) {
	for _, in := range s.interactions {
		if in.Token == token {
			return in, true
		}
	}
	return interactionRecord{}, false
}

func (s *Server) followup(appID, token string, body []byte) (int, any) {
	data, apiErr := s.decodeMessage("followup", body)
	if apiErr != nil {
		return http.StatusBadRequest, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in, ok := s.tokenKnown(token)
	if !ok || appID != s.opts.AppID {
		return http.StatusNotFound, apiError{Message: "Unknown Webhook", Code: 10015}
	}
	if !s.responded[in.ID] {
		return http.StatusNotFound, apiError{Message: "Unknown Webhook", Code: 10015}
	}
	m := &Message{ID: s.newID(), Author: s.BotUser(), ChannelID: in.ChannelID, GuildID: in.GuildID}
	data.apply(m)
	s.messages[m.ID] = m
	return 200, *m
}

func (s *Server) webhookMessage(method, token, messageID string, body []byte) (int, any) {
	var data messageBody
	if method == "PATCH" {
		var apiErr *apiError
		if data, apiErr = s.decodeMessage("edit", body); apiErr != nil {
			return http.StatusBadRequest, apiErr
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if messageID == "@original" {
		messageID = s.originals[token]
	}
	m := s.messages[messageID]
	if m == nil || m.Deleted {
		return http.StatusNotFound, apiError{Message: "Unknown Message", Code: 10008}
	}
	switch method {
	case "GET":
		return 200, *m
	case "PATCH":
		data.apply(m)
		m.Flags &^= 128
		m.Edits++
		return 200, *m
	case "DELETE":
		m.Deleted = true
		return http.StatusNoContent, nil
	}
	return http.StatusMethodNotAllowed, apiError{Message: "405: Method Not Allowed"}
}

func (s *Server) createChannelMessage(channelID string, body []byte) (int, any) {
	data, apiErr := s.decodeMessage("channel message", body)
	if apiErr != nil {
		return http.StatusBadRequest, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &Message{ID: s.newID(), ChannelID: channelID, Author: s.BotUser(), Reference: data.Reference}
	if data.Reference != nil {
		if ref := s.messages[data.Reference.MessageID]; ref != nil {
			m.GuildID = ref.GuildID
		}
	}
	data.apply(m)
	s.messages[m.ID] = m
	return 200, *m
}

func (s *Server) channelMessage(method, channelID, messageID string, body []byte) (int, any) {
	var data messageBody
	if method == "PATCH" {
		var apiErr *apiError
		if data, apiErr = s.decodeMessage("channel edit", body); apiErr != nil {
			return http.StatusBadRequest, apiErr
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[messageID]
	if m == nil || m.Deleted || m.ChannelID != channelID {
		return http.StatusNotFound, apiError{Message: "Unknown Message", Code: 10008}
	}
	switch method {
	case "GET":
		return 200, *m
	case "PATCH":
		if m.Author.ID != s.opts.BotID {
			return http.StatusForbidden, apiError{Message: "Cannot edit a message authored by another user", Code: 50005}
		}
		data.apply(m)
		m.Edits++
		return 200, *m
	}
	return http.StatusMethodNotAllowed, apiError{Message: "405: Method Not Allowed"}
}
