package discordtest

import (
	"encoding/json"
	"fmt"
	"unicode/utf16"
)

// Discord's documented limits on a message.
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooter           = 2048
	MaxAuthorName       = 256
	MaxEmbedsTotal      = 6000
	MaxActionRows       = 5
	MaxRowComponents    = 5
	MaxButtonLabel      = 80
	MaxCustomID         = 100
)

// Len counts characters as Discord does (UTF-16 code units).
func Len(s string) int {
	n := 0
	for _, r := range s {
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// CheckLimits reports the first of Discord's message limits that a JSON
// message body breaks, or nil.
func CheckLimits(body []byte) error {
	if len(body) == 0 {
		return nil
	}
	var m struct {
		Content string `json:"content"`
		Embeds  []struct {
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
		} `json:"embeds"`
		Components []struct {
			Components []struct {
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return fmt.Errorf("body is not a JSON object: %w", err)
	}
	if n := Len(m.Content); n > MaxContent {
		return fmt.Errorf("content has %d characters, more than %d", n, MaxContent)
	}
	if len(m.Embeds) > MaxEmbeds {
		return fmt.Errorf("%d embeds, more than %d", len(m.Embeds), MaxEmbeds)
	}
	total := 0
	for i, e := range m.Embeds {
		check := []struct {
			what  string
			text  string
			limit int
		}{{"title", e.Title, MaxEmbedTitle}, {"description", e.Description, MaxEmbedDescription}}
		if e.Author != nil {
			check = append(check, struct {
				what  string
				text  string
				limit int
			}{"author name", e.Author.Name, MaxAuthorName})
		}
		if e.Footer != nil {
			check = append(check, struct {
				what  string
				text  string
				limit int
			}{"footer", e.Footer.Text, MaxFooter})
		}
		if len(e.Fields) > MaxEmbedFields {
			return fmt.Errorf("embed %d has %d fields", i, len(e.Fields))
		}
		for _, f := range e.Fields {
			check = append(check, struct {
				what  string
				text  string
				limit int
			}{"field name", f.Name, MaxFieldName}, struct {
				what  string
				text  string
				limit int
			}{"field value", f.Value, MaxFieldValue})
		}
		for _, c := range check {
			n := Len(c.text)
			if n > c.limit {
				return fmt.Errorf("embed %d %s has %d characters, more than %d", i, c.what, n, c.limit)
			}
			total += n
		}
	}
	if total > MaxEmbedsTotal {
		return fmt.Errorf("embeds have %d characters in all, more than %d", total, MaxEmbedsTotal)
	}
	if len(m.Components) > MaxActionRows {
		return fmt.Errorf("%d action rows, more than %d", len(m.Components), MaxActionRows)
	}
	for i, row := range m.Components {
		if len(row.Components) > MaxRowComponents {
			return fmt.Errorf("action row %d has %d components", i, len(row.Components))
		}
		for _, c := range row.Components {
			if Len(c.Label) > MaxButtonLabel || len(c.CustomID) > MaxCustomID {
				return fmt.Errorf("button %q: label or custom_id too long", c.Label)
			}
		}
	}
	return nil
}
