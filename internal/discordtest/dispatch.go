package discordtest

import (
	"context"
	"strconv"
	"time"
)

// Permission bits the stand-in puts in member.permissions.
const (
	PermissionAdministrator = 1 << 3
	PermissionManageGuild   = 1 << 5
	// PermissionsMember is what an ordinary member has: view, send, read history.
	PermissionsMember = 1<<10 | 1<<11 | 1<<16
)

// Interaction describes what a user did: a slash command or a button press.
type Interaction struct {
	// GuildID is empty for a direct message.
	GuildID   string
	ChannelID string
	User      User
	// Permissions and Roles are the member's, in a guild.
	Permissions int64
	Roles       []string
	// Command and Options describe a slash command: string options, and
	// attachment options (the file a user attached, which Discord serves
	// from its CDN: here from URL, wherever the test serves it).
	Command     string
	Options     map[string]string
	Attachments map[string]Attachment
	// Autocomplete makes the interaction the autocomplete request Discord
	// sends while the user types Focused, one of Options (type 4, answered
	// with a type 8 callback).
	Autocomplete bool
	Focused      string
	// CustomID and MessageID describe a button press on a message.
	CustomID  string
	MessageID string
}

// Attachment is a file attached to a slash command's attachment option.
type Attachment struct {
	Filename    string
	ContentType string
	Size        int
	URL         string
}

// Sent is a dispatched interaction.
type Sent struct {
	ID, Token string
	// At is when the event was written to the gateway.
	At time.Time
}

// interactionRecord is what the server remembers of an interaction.
type interactionRecord struct {
	ID, Token, ChannelID, GuildID, MessageID string
}

// Interact dispatches INTERACTION_CREATE for in and returns its ID and token.
func (s *Server) Interact(ctx context.Context, in Interaction) (Sent, error) {
	s.mu.Lock()
	id := s.newID()
	token := "itoken-" + id
	rec := interactionRecord{ID: id, Token: token, ChannelID: in.ChannelID, GuildID: in.GuildID, MessageID: in.MessageID}
	s.interactions[id] = rec
	var msg *Message
	if in.MessageID != "" {
		if m, ok := s.messages[in.MessageID]; ok {
			c := *m
			msg = &c
		}
	}
	s.mu.Unlock()

	d := map[string]any{
		"id":             id,
		"application_id": s.opts.AppID,
		"token":          token,
		"version":        1,
		"channel_id":     in.ChannelID,
		"locale":         "en-US",
	}
	if in.GuildID != "" {
		d["guild_id"] = in.GuildID
		d["context"] = 0
		d["member"] = map[string]any{
			"user":        in.User,
			"roles":       nonNil(in.Roles),
			"permissions": strconv.FormatInt(in.Permissions, 10),
		}
	} else {
		d["context"] = 1
		d["user"] = in.User
	}
	if in.Command != "" {
		d["type"] = 2
		if in.Autocomplete {
			d["type"] = 4
		}
		var opts []map[string]any
		for k, v := range in.Options {
			o := map[string]any{"name": k, "type": 3, "value": v}
			if in.Autocomplete && k == in.Focused {
				o["focused"] = true
			}
			opts = append(opts, o)
		}
		data := map[string]any{"id": "cmd-" + in.Command, "name": in.Command, "type": 1}
		if len(in.Attachments) > 0 {
			resolved := map[string]any{}
			for k, a := range in.Attachments {
				s.mu.Lock()
				aid := s.newID()
				s.mu.Unlock()
				opts = append(opts, map[string]any{"name": k, "type": 11, "value": aid})
				resolved[aid] = map[string]any{"id": aid, "filename": a.Filename, "content_type": a.ContentType,
					"size": a.Size, "url": a.URL, "proxy_url": a.URL}
			}
			data["resolved"] = map[string]any{"attachments": resolved}
		}
		data["options"] = opts
		d["data"] = data
	} else {
		d["type"] = 3
		d["data"] = map[string]any{"custom_id": in.CustomID, "component_type": 2}
		if msg != nil {
			d["message"] = msg
		}
	}
	s.mu.Lock()
	s.pending[id] = time.Now()
	s.mu.Unlock()
	at, err := s.Dispatch(ctx, "INTERACTION_CREATE", d)
	return Sent{ID: id, Token: token, At: at}, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// UserMessage is a message a user posts in a channel.
type UserMessage struct {
	GuildID   string
	ChannelID string
	Author    User
	Content   string
	// Mentions lists users the content mentions.
	Mentions []User
	// ReplyTo is the ID of the message this one replies to, if any.
	ReplyTo string
}

// Post stores a user's message and dispatches MESSAGE_CREATE for it, as
// Discord does (with referenced_message for a reply). It returns the
// message's ID.
func (s *Server) Post(ctx context.Context, um UserMessage) (string, error) {
	s.mu.Lock()
	m := &Message{ID: s.newID(), ChannelID: um.ChannelID, GuildID: um.GuildID, Author: um.Author, Content: um.Content, Mentions: um.Mentions}
	if m.Mentions == nil {
		m.Mentions = []User{}
	}
	var ref *Message
	if um.ReplyTo != "" {
		m.Reference = &Reference{MessageID: um.ReplyTo, ChannelID: um.ChannelID, GuildID: um.GuildID}
		if r, ok := s.messages[um.ReplyTo]; ok {
			c := *r
			ref = &c
		}
	}
	s.messages[m.ID] = m
	d := map[string]any{
		"id": m.ID, "channel_id": m.ChannelID, "author": m.Author, "content": m.Content,
		"mentions": m.Mentions, "embeds": []any{}, "attachments": []any{}, "type": 0,
		"timestamp": time.Now().UTC().Format(time.RFC3339),
	}
	if m.GuildID != "" {
		d["guild_id"] = m.GuildID
	}
	if m.Reference != nil {
		d["type"] = 19
		d["message_reference"] = m.Reference
		if ref != nil {
			d["referenced_message"] = ref
		}
	}
	s.mu.Unlock()
	_, err := s.Dispatch(ctx, "MESSAGE_CREATE", d)
	return m.ID, err
}

// AddMessage stores a message (say, an older part of a conversation)
// without dispatching it, and returns its ID.
func (s *Server) AddMessage(m Message) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m.ID = s.newID()
	c := m
	s.messages[m.ID] = &c
	return m.ID
}
