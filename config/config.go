// Package config reads Lectern's settings from one TOML file. Every setting
// has a built-in default, so Lectern runs with no file at all: local
// embedder, no chat endpoint (extractive answers), corpus in seeds/.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is every setting of Lectern. config.example.toml documents each one.
type Config struct {
	DataDir    string     `toml:"data_dir"`
	Corpus     Corpus     `toml:"corpus"`
	Embeddings Embeddings `toml:"embeddings"`
	Chat       Chat       `toml:"chat"`
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
			Provider:  "local",
			APIKeyEnv: "OPENAI_API_KEY",
			BatchSize: 64,
			Timeout:   Duration{60 * time.Second},
		},
		Chat: Chat{
			APIKeyEnv:   "OPENAI_API_KEY",
			Timeout:     Duration{120 * time.Second},
			Temperature: 0.1,
			MaxTokens:   700,
		},
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

// Validate reports the first setting that cannot work.
func (c Config) Validate() error {
	switch c.Embeddings.Provider {
	case "local":
	case "openai":
		if c.Embeddings.BaseURL == "" || c.Embeddings.Model == "" {
			return errors.New("[embeddings] provider = \"openai\" needs base_url and model")
		}
	default:
		return fmt.Errorf("[embeddings] provider must be \"local\" or \"openai\", not %q", c.Embeddings.Provider)
	}
	if c.Chat.BaseURL != "" && c.Chat.Model == "" {
		return errors.New("[chat] base_url is set but model is empty")
	}
	if t := float64(c.Chat.Temperature); math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
		return fmt.Errorf("[chat] temperature must be a number from 0 up, not %v", c.Chat.Temperature)
	}
	if c.Retrieval.TopK < 1 || c.Retrieval.TopK > 20 {
		return fmt.Errorf("[retrieval] top_k must be between 1 and 20, not %d", c.Retrieval.TopK)
	}
	if c.DataDir == "" {
		return errors.New("data_dir must not be empty")
	}
	if err := c.Ingest.validate(); err != nil {
		return err
	}
	return nil
}

// APIKey reads the key named by env from the environment; keys are never
// stored in the file.
func APIKey(env string) string {
	if env == "" {
		return ""
	}
	return os.Getenv(env)
}
