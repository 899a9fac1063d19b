package discordtest

import (
	"context"
	"encoding/json"
	"time"
)

// Autocomplete dispatches an APPLICATION_COMMAND_AUTOCOMPLETE interaction:
// user is typing into option focused of in.Command; in.Options holds what
// is typed so far in each option. The bot answers with a callback of type
// 8 whose choices AutocompleteChoices reads.
func (s *Server) Autocomplete(ctx context.Context, in Interaction, focused string) (Sent, error) {
	s.mu.Lock()
	id := s.newID()
	token := "itoken-" + id
	s.interactions[id] = interactionRecord{ID: id, Token: token, ChannelID: in.ChannelID, GuildID: in.GuildID}
	s.pending[id] = time.Now()
	s.mu.Unlock()
	var opts []map[string]any
	for k, v := range in.Options {
		o := map[string]any{"name": k, "type": 3, "value": v}
		if k == focused {
			o["focused"] = true
		}
		opts = append(opts, o)
	}
	d := map[string]any{
		"id": id, "application_id": s.opts.AppID, "token": token, "version": 1, "type": 4,
		"channel_id": in.ChannelID, "locale": "en-US",
		"data": map[string]any{"id": "cmd-" + in.Command, "name": in.Command, "type": 1, "options": opts},
	}
	if in.GuildID != "" {
		d["guild_id"] = in.GuildID
		d["context"] = 0
		d["member"] = map[string]any{"user": in.User, "roles": nonNil(in.Roles), "permissions": "0"}
	} else {
		d["context"] = 1
		d["user"] = in.User
	}
	at, err := s.Dispatch(ctx, "INTERACTION_CREATE", d)
	return Sent{ID: id, Token: token, At: at}, err
}

// Choice is one autocomplete suggestion.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// AutocompleteChoices returns the choices of the autocomplete callback r
// (type 8), or nil when r is not one.
func AutocompleteChoices(r Request) []Choice {
	var cb struct {
		Type int `json:"type"`
		Data struct {
			Choices []Choice `json:"choices"`
		} `json:"data"`
	}
	if json.Unmarshal(r.Body, &cb) != nil || cb.Type != 8 {
		return nil
	}
	return cb.Data.Choices
}
