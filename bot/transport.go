package bot

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/lectern/lectern/config"
	"github.com/lectern/lectern/internal/endpoint"
)

// discordHost is the host discordgo's endpoints name.
const discordHost = "discord.com"

// rewriteTransport sends requests meant for discord.com to the scheme and
// host of [discord] api_url instead, paths unchanged. It is set on the
// session's own http.Client, so each Bot (and each test) has its own.
type rewriteTransport struct {
	scheme, host string
	base         *http.Transport
}

// RoundTrip rewrites the request's scheme and host and sends it.
func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host == discordHost && (req.URL.Scheme != t.scheme || req.URL.Host != t.host) {
		req = req.Clone(req.Context())
		req.URL.Scheme, req.URL.Host = t.scheme, t.host
		req.Host = t.host
	}
	return t.base.RoundTrip(req)
}

func (t *rewriteTransport) closeIdle() { t.base.CloseIdleConnections() }

// Intents the bot asks for: guilds, guild and direct messages, and the
// privileged Message Content intent to read mentions and replies.
const intents = discordgo.IntentGuilds | discordgo.IntentGuildMessages |
	discordgo.IntentDirectMessages | discordgo.IntentMessageContent

// newSession builds the discordgo session: its own HTTP client whose
// transport points at api_url, its own websocket dialer, JSON (no zlib)
// on the gateway.
func newSession(cfg config.Discord, token string) (*discordgo.Session, *rewriteTransport, error) {
	u, err := url.Parse(cfg.APIURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, nil, fmt.Errorf("[discord] api_url must be a URL such as https://discord.com, not %q", cfg.APIURL)
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, nil, fmt.Errorf("create Discord session: %w", err)
	}
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = 16
	rt := &rewriteTransport{scheme: u.Scheme, host: u.Host, base: base}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: rt}
	s.Dialer = &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: 15 * time.Second,
	}
	s.Compress = false
	s.Identify.Compress = false
	s.Identify.Intents = intents
	s.StateEnabled = true
	s.State.MaxMessageCount = 0
	s.ShouldReconnectOnError = true
	s.ShouldRetryOnRateLimit = true
	s.MaxRestRetries = 2
	s.LogLevel = discordgo.LogError
	return s, rt, nil
}

// startError turns a failure to start into a sentence a user can act on,
// without the token.
func (b *Bot) startError(doing string, err error) error {
	var closeErr *websocket.CloseError
	var restErr *discordgo.RESTError
	var netErr net.Error
	switch {
	case errors.As(err, &closeErr) && closeErr.Code == 4014:
		return fmt.Errorf("%s: %w (close code 4014): turn on the Message Content intent under Bot → Privileged Gateway Intents in the Discord Developer Portal", doing, ErrDisallowedIntents)
	case errors.As(err, &closeErr) && closeErr.Code == 4004,
		errors.Is(err, discordgo.ErrUnauthorized),
		errors.As(err, &restErr) && restErr.Response != nil && restErr.Response.StatusCode == http.StatusUnauthorized:
		return fmt.Errorf("%s: %w (401 Unauthorized): copy a fresh token from the Discord Developer Portal (your application → Bot → Reset Token) into $%s", doing, ErrBadToken, b.tokenEnv())
	case errors.As(err, &closeErr):
		return fmt.Errorf("%s: the gateway closed the connection (code %d: %s)", doing, closeErr.Code, closeErr.Text)
	case errors.As(err, &restErr) && restErr.Response != nil:
		return fmt.Errorf("%s: Discord at %s answered %s", doing, b.cfg.APIURL, restErr.Response.Status)
	case errors.As(err, &netErr):
		return fmt.Errorf("%s: %w at %s: %s", doing, ErrUnreachable, b.cfg.APIURL, endpoint.Redact(err.Error(), strings.TrimPrefix(b.session.Token, "Bot ")))
	}
	return fmt.Errorf("%s: %s", doing, endpoint.Redact(err.Error(), strings.TrimPrefix(b.session.Token, "Bot ")))
}

func (b *Bot) tokenEnv() string {
	if b.cfg.TokenEnv == "" {
		return "DISCORD_TOKEN"
	}
	return b.cfg.TokenEnv
}
