// Package config reads Lectern's settings from one TOML file. Every setting
// has a built-in default, so Lectern runs with no file at all: local
// embedder, no chat endpoint (extractive answers), corpus in seeds/.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is every setting of Lectern. config.example.toml documents each one.
type Config struct {
	DataDir    string     `toml:"data_dir"`
	Corpus     Corpus     `toml:"corpus"`
	Embeddings Embeddings `toml:"embeddings"`
	Chat       Chat       `toml:"chat"`
	Verify     Verify     `toml:"verify"`
	Retrieval  Retrieval  `toml:"retrieval"`
	Discord    Discord    `toml:"discord"`
	Ingest     Ingest     `toml:"ingest"`
}

// Corpus says where the reading list is.
type Corpus struct {
	Dir string `toml:"dir"`
}

// Embeddings chooses the embedder.
type Embeddings struct {
	Provider  string   `toml:"provider"` // "local" or "openai"
	BaseURL   string   `toml:"base_url"`
	Model     string   `toml:"model"`
	APIKeyEnv string   `toml:"api_key_env"`
	BatchSize int      `toml:"batch_size"`
	Timeout   Duration `toml:"timeout"`
	// MaxAttempts is the most requests sent for one batch when the
	// endpoint is busy or failing; MaxRetryWait the longest wait between
	// two (a Retry-After asking for more is not waited for).
	MaxAttempts  int      `toml:"max_attempts"`
	MaxRetryWait Duration `toml:"max_retry_wait"`
}

// Chat configures the endpoint that writes answers; an empty BaseURL means
// extractive answers.
type Chat struct {
	BaseURL     string   `toml:"base_url"`
	Model       string   `toml:"model"`
	APIKeyEnv   string   `toml:"api_key_env"`
	Timeout     Duration `toml:"timeout"`
	Temperature float32  `toml:"temperature"`
	MaxTokens   int      `toml:"max_tokens"`
	// MaxAttempts is the most requests sent for one answer when the
	// endpoint is busy or failing before the answer starts; MaxRetryWait
	// the longest wait between two.
	MaxAttempts  int      `toml:"max_attempts"`
	MaxRetryWait Duration `toml:"max_retry_wait"`
}

// Retrieval tunes search.
type Retrieval struct {
	TopK int `toml:"top_k"`
	// Synonyms: a question word no passage uses is searched as its
	// WordNet synonyms that passages do use.
	Synonyms bool `toml:"synonyms"`
}

// Discord configures `lectern serve`.
type Discord struct {
	TokenEnv         string   `toml:"token_env"`
	APIURL           string   `toml:"api_url"`
	GuildID          string   `toml:"guild_id"`
	ModeratorRole    string   `toml:"moderator_role"`
	AllowedChannels  []string `toml:"allowed_channels"`
	AllowDMs         bool     `toml:"allow_dms"`
	UserRatePerMin   float64  `toml:"user_rate_per_minute"`
	UserBurst        int      `toml:"user_burst"`
	MaxInFlight      int      `toml:"max_in_flight"`
	MaxQueue         int      `toml:"max_queue"`
	MaxQuestionChars int      `toml:"max_question_chars"`
	HistoryChars     int      `toml:"history_chars"`
	ShutdownTimeout  Duration `toml:"shutdown_timeout"`
	// StreamInterval is the least time between two edits of a reply while
	// an answer streams in or a reindex progresses.
	StreamInterval Duration `toml:"stream_interval"`
	// HistoryTurns bounds how many earlier questions and answers of a
	// reply chain are passed along with a question.
	HistoryTurns int `toml:"history_turns"`
	// SearchResults is how many passages /search shows.
	SearchResults int `toml:"search_results"`
	// FeedbackFile is where 👍/👎 votes are appended, relative to data_dir.
	FeedbackFile string `toml:"feedback_file"`
	// SearchTimeout bounds one /search; ReindexTimeout one /reindex.
	SearchTimeout  Duration `toml:"search_timeout"`
	ReindexTimeout Duration `toml:"reindex_timeout"`
}

// Duration is a time.Duration written as a string in TOML ("30s", "2m").
type Duration struct{ time.Duration }

// UnmarshalText parses a duration such as "30s"; a negative one is refused
// (every duration here is a time limit or an interval).
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	if err != nil {
		return fmt.Errorf("parse duration %q: %w", text, err)
	}
	if v < 0 {
		return fmt.Errorf("parse duration %q: must not be negative", text)
	}
	d.Duration = v
	return nil
}

// MarshalText writes the duration as "30s".
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Default returns the built-in settings.
func Default() Config {
	return Config{
		DataDir: ".lectern",
		Corpus:  Corpus{Dir: "seeds"},
		Embeddings: Embeddings{
			Provider:     "local",
			BatchSize:    64,
			Timeout:      Duration{60 * time.Second},
			MaxAttempts:  4,
			MaxRetryWait: Duration{time.Minute},
		},
		Chat: Chat{
			Timeout:      Duration{120 * time.Second},
			Temperature:  0.1,
			MaxTokens:    700,
			MaxAttempts:  3,
			MaxRetryWait: Duration{10 * time.Second},
		},
		Verify:    defaultVerify(),
		Retrieval: Retrieval{TopK: 5, Synonyms: true},
		Discord: Discord{
			TokenEnv:         "DISCORD_TOKEN",
			APIURL:           "https://discord.com",
			AllowDMs:         true,
			UserRatePerMin:   6,
			UserBurst:        3,
			MaxInFlight:      2,
			MaxQueue:         20,
			MaxQuestionChars: 500,
			HistoryChars:     4000,
			ShutdownTimeout:  Duration{20 * time.Second},
			StreamInterval:   Duration{time.Second},
			HistoryTurns:     6,
			SearchResults:    5,
			FeedbackFile:     "feedback.jsonl",
			SearchTimeout:    Duration{30 * time.Second},
			ReindexTimeout:   Duration{time.Hour},
		},
		Ingest: defaultIngest(),
	}
}

// Load reads the file at path over the defaults. An empty path means the
// defaults alone.
func Load(path string) (Config, error) {
	cfg := Default()
	if path == "" {
		return cfg, nil
	}
	md, err := toml.DecodeFile(path, &cfg)
	if err != nil {
		return cfg, fmt.Errorf("read config %s: %w", path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return cfg, fmt.Errorf("read config %s: unknown setting %q", path, undecoded[0].String())
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("read config %s: %w", path, err)
	}
	return cfg, nil
}

// Find names the config file to read: the explicit flag value, else
// $LECTERN_CONFIG, else config.toml in the working directory when it exists,
// else "" (the defaults).
func Find(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("LECTERN_CONFIG"); env != "" {
		return env
	}
	if _, err := os.Stat("config.toml"); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return "config.toml"
	}
	return ""
}

// Validate reports the first setting that cannot work, named as it is
// written in the file ("[discord] max_in_flight"). It is the one place
// settings are checked: the packages that take them do not clamp or
// replace them.
func (c Config) Validate() error {
	if c.DataDir == "" {
		return bad("data_dir", "must not be empty")
	}
	if c.Corpus.Dir == "" {
		return bad("corpus.dir", "must not be empty")
	}
	for _, v := range []func() error{c.Embeddings.Validate, c.Chat.Validate, c.Verify.validate, c.Retrieval.Validate, c.Discord.Validate} {
		if err := v(); err != nil {
			return err
		}
	}
	if err := c.Ingest.validate(); err != nil {
		return err
	}
	return nil
}

// Validate reports the first setting of [embeddings] that cannot work.
func (e Embeddings) Validate() error {
	switch e.Provider {
	case "local":
		return nil
	case "openai":
	default:
		return bad("embeddings.provider", "must be \"local\" or \"openai\", not %q", e.Provider)
	}
	if e.BaseURL == "" || e.Model == "" {
		return bad("embeddings.provider", "= \"openai\" needs base_url and model")
	}
	if err := checkEndpoint("embeddings", e.BaseURL, e.Timeout, e.MaxAttempts, e.MaxRetryWait); err != nil {
		return err
	}
	if e.BatchSize < 1 || e.BatchSize > 2048 {
		return bad("embeddings.batch_size", "must be between 1 and 2048, not %d", e.BatchSize)
	}
	return nil
}

// checkEndpoint checks the settings every endpoint section has.
func checkEndpoint(section, baseURL string, timeout Duration, attempts int, wait Duration) error {
	if err := checkURL(baseURL); err != nil {
		return bad(section+".base_url", "is %v", err)
	}
	switch {
	case timeout.Duration <= 0:
		return bad(section+".timeout", "must be more than 0s")
	case attempts < 1 || attempts > 20:
		return bad(section+".max_attempts", "must be between 1 and 20, not %d", attempts)
	case wait.Duration <= 0:
		return bad(section+".max_retry_wait", "must be more than 0s")
	}
	return nil
}

// Validate reports the first setting of [chat] that cannot work.
func (c Chat) Validate() error {
	if t := float64(c.Temperature); math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
		return bad("chat.temperature", "must be a number from 0 up, not %v", c.Temperature)
	}
	if c.BaseURL == "" {
		return nil
	}
	if c.Model == "" {
		return bad("chat.base_url", "is set but model is empty")
	}
	if err := checkEndpoint("chat", c.BaseURL, c.Timeout, c.MaxAttempts, c.MaxRetryWait); err != nil {
		return err
	}
	if c.MaxTokens < 0 {
		return bad("chat.max_tokens", "must be 0 (the endpoint decides) or more, not %d", c.MaxTokens)
	}
	return nil
}

// Validate reports the first setting of [retrieval] that cannot work.
func (r Retrieval) Validate() error {
	if r.TopK < 1 || r.TopK > 20 {
		return bad("retrieval.top_k", "must be between 1 and 20, not %d", r.TopK)
	}
	return nil
}

// Validate reports the first setting of [discord] that cannot work.
func (d Discord) Validate() error {
	if d.APIURL == "" {
		return bad("discord.api_url", "must not be empty")
	}
	if err := checkURL(d.APIURL); err != nil {
		return bad("discord.api_url", "is %v", err)
	}
	switch {
	case math.IsNaN(d.UserRatePerMin) || math.IsInf(d.UserRatePerMin, 0) || d.UserRatePerMin <= 0:
		return bad("discord.user_rate_per_minute", "must be more than 0, not %v", d.UserRatePerMin)
	case d.UserBurst < 1:
		return bad("discord.user_burst", "must be 1 or more, not %d", d.UserBurst)
	case d.MaxInFlight < 1:
		return bad("discord.max_in_flight", "must be 1 or more, not %d", d.MaxInFlight)
	case d.MaxQueue < 0:
		return bad("discord.max_queue", "must be 0 or more, not %d", d.MaxQueue)
	case d.MaxQuestionChars < 1 || d.MaxQuestionChars > 6000:
		return bad("discord.max_question_chars", "must be between 1 and 6000, not %d", d.MaxQuestionChars)
	case d.HistoryChars < 0:
		return bad("discord.history_chars", "must be 0 or more, not %d", d.HistoryChars)
	case d.HistoryTurns < 0:
		return bad("discord.history_turns", "must be 0 or more, not %d", d.HistoryTurns)
	case d.ShutdownTimeout.Duration <= 0:
		return bad("discord.shutdown_timeout", "must be more than 0s")
	case d.StreamInterval.Duration <= 0:
		return bad("discord.stream_interval", "must be more than 0s")
	case d.SearchResults < 1 || d.SearchResults > 10:
		return bad("discord.search_results", "must be between 1 and 10, not %d", d.SearchResults)
	case d.FeedbackFile == "":
		return bad("discord.feedback_file", "must not be empty")
	case d.SearchTimeout.Duration <= 0:
		return bad("discord.search_timeout", "must be more than 0s")
	case d.ReindexTimeout.Duration <= 0:
		return bad("discord.reindex_timeout", "must be more than 0s")
	case d.GuildID != "" && !isSnowflake(d.GuildID):
		return bad("discord.guild_id", "must be a server ID (digits, as Discord's Copy Server ID gives it), not %q", d.GuildID)
	}
	for _, c := range d.AllowedChannels {
		if !isSnowflake(c) {
			return bad("discord.allowed_channels", "must hold channel IDs (digits, as Copy Channel ID gives them), not %q", c)
		}
	}
	return nil
}

// isSnowflake reports whether s is a Discord ID: 1 to 20 digits.
func isSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// SettingError is a setting that cannot work: its key as written in the
// file ("discord.max_in_flight") and what is wrong with it.
type SettingError struct {
	Key     string
	Problem string
}

// Error is "[section] key problem", or "key problem" for a top-level key.
func (e *SettingError) Error() string {
	if section, key, ok := strings.Cut(e.Key, "."); ok {
		return "[" + section + "] " + key + " " + e.Problem
	}
	return e.Key + " " + e.Problem
}

// bad makes the SettingError of key.
func bad(key, format string, args ...any) error {
	return &SettingError{Key: key, Problem: fmt.Sprintf(format, args...)}
}

// checkURL reports why raw is not an http:// or https:// URL with a host.
// The URL itself is not repeated: it may hold credentials.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("not an http:// or https:// URL with a host")
	}
	return nil
}

// Warnings are the settings that work but may not be what the user
// wants: an API key sent over plain http to a host other than this
// machine, where anyone on the way can read it. keyFor reads a key's
// variable (config.APIKey in use; tests pass their own).
func (c Config) Warnings(keyFor func(env string) string) []string {
	var out []string
	check := func(section, baseURL, env string) {
		if baseURL == "" || env == "" || keyFor(env) == "" {
			return
		}
		if u, err := url.Parse(baseURL); err == nil && u.Scheme == "http" && !isLoopback(u.Hostname()) {
			out = append(out, fmt.Sprintf("[%s] sends the API key from %s over plain http to %s: anyone on the network between can read it; use https, or leave api_key_env empty if the server needs no key", section, env, u.Host))
		}
	}
	if c.Embeddings.Provider == "openai" {
		check("embeddings", c.Embeddings.BaseURL, c.Embeddings.APIKeyEnv)
	}
	check("chat", c.Chat.BaseURL, c.Chat.APIKeyEnv)
	return out
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// APIKey reads the key named by env from the environment; keys are never
// stored in the file, and no key is read unless the config names its
// variable (api_key_env is empty by default).
func APIKey(env string) string {
	if env == "" {
		return ""
	}
	return os.Getenv(env)
}
