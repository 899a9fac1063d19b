package config

import (
	"bytes"
	"encoding"
	"errors"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// writeConfig writes text to a config.toml in a fresh folder and returns
// its path.
func writeConfig(t testing.TB, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDefault(t *testing.T) {
	d := Default()
	tests := []struct {
		setting string
		got     any
		want    any
	}{
		{"data_dir", d.DataDir, ".lectern"},
		{"corpus.dir", d.Corpus.Dir, "seeds"},
		{"embeddings.provider", d.Embeddings.Provider, "local"},
		{"embeddings.base_url", d.Embeddings.BaseURL, ""},
		{"embeddings.model", d.Embeddings.Model, ""},
		{"embeddings.api_key_env (empty: no key is sent)", d.Embeddings.APIKeyEnv, ""},
		{"embeddings.batch_size", d.Embeddings.BatchSize, 64},
		{"embeddings.timeout", d.Embeddings.Timeout.Duration, 60 * time.Second},
		{"embeddings.max_attempts", d.Embeddings.MaxAttempts, 4},
		{"embeddings.max_retry_wait", d.Embeddings.MaxRetryWait.Duration, time.Minute},
		{"chat.base_url (empty: extractive answers)", d.Chat.BaseURL, ""},
		{"chat.model", d.Chat.Model, ""},
		{"chat.api_key_env (empty: no key is sent)", d.Chat.APIKeyEnv, ""},
		{"chat.timeout", d.Chat.Timeout.Duration, 120 * time.Second},
		{"chat.temperature", d.Chat.Temperature, float32(0.1)},
		{"chat.max_tokens", d.Chat.MaxTokens, 700},
		{"chat.max_attempts", d.Chat.MaxAttempts, 3},
		{"chat.max_retry_wait", d.Chat.MaxRetryWait.Duration, 10 * time.Second},
		{"retrieval.top_k", d.Retrieval.TopK, 5},
		{"retrieval.synonyms", d.Retrieval.Synonyms, true},
		{"discord.token_env", d.Discord.TokenEnv, "DISCORD_TOKEN"},
		{"discord.api_url", d.Discord.APIURL, "https://discord.com"},
		{"discord.guild_id", d.Discord.GuildID, ""},
		{"discord.moderator_role", d.Discord.ModeratorRole, ""},
		{"discord.allowed_channels", len(d.Discord.AllowedChannels), 0},
		{"discord.allow_dms", d.Discord.AllowDMs, true},
		{"discord.user_rate_per_minute", d.Discord.UserRatePerMin, 6.0},
		{"discord.user_burst", d.Discord.UserBurst, 3},
		{"discord.max_in_flight", d.Discord.MaxInFlight, 2},
		{"discord.max_queue", d.Discord.MaxQueue, 20},
		{"discord.max_question_chars", d.Discord.MaxQuestionChars, 500},
		{"discord.history_chars", d.Discord.HistoryChars, 4000},
		{"discord.history_turns", d.Discord.HistoryTurns, 6},
		{"discord.shutdown_timeout", d.Discord.ShutdownTimeout.Duration, 20 * time.Second},
		{"discord.stream_interval", d.Discord.StreamInterval.Duration, time.Second},
		{"discord.search_results", d.Discord.SearchResults, 5},
		{"discord.feedback_file", d.Discord.FeedbackFile, "feedback.jsonl"},
		{"discord.search_timeout", d.Discord.SearchTimeout.Duration, 30 * time.Second},
		{"discord.reindex_timeout", d.Discord.ReindexTimeout.Duration, time.Hour},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("default %s = %#v, want %#v", tt.setting, tt.got, tt.want)
		}
	}
	if err := d.Validate(); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want changes the defaults into the expected config; nil when
		// Load must fail.
		want func(*Config)
		// errs are the phrases the error must contain.
		errs []string
	}{
		{
			name: "an empty file keeps every default",
			text: "",
			want: func(*Config) {},
		},
		{
			name: "a partial file overrides only what it sets",
			text: "[retrieval]\ntop_k = 3\n",
			want: func(c *Config) { c.Retrieval.TopK = 3 },
		},
		{
			name: "every section",
			text: `data_dir = "/var/lib/lectern"
[corpus]
dir = "reading"
[embeddings]
provider = "openai"
base_url = "http://127.0.0.1:11434/v1"
model = "nomic-embed-text"
api_key_env = "EMBED_KEY"
batch_size = 16
timeout = "2m"
max_attempts = 2
max_retry_wait = "5s"
[chat]
base_url = "http://127.0.0.1:11434/v1"
model = "llama3.1:8b"
api_key_env = ""
timeout = "90s"
temperature = 0.5
max_tokens = 300
max_attempts = 1
max_retry_wait = "1s"
[retrieval]
top_k = 8
synonyms = false
[discord]
token_env = "LECTERN_DISCORD_TOKEN"
api_url = "http://127.0.0.1:8081"
guild_id = "123456789012345678"
moderator_role = "Moderators"
allowed_channels = ["111", "222"]
allow_dms = false
user_rate_per_minute = 10
user_burst = 1
max_in_flight = 4
max_queue = 0
max_question_chars = 300
history_chars = 1000
history_turns = 2
shutdown_timeout = "5s"
stream_interval = "1500ms"
search_results = 3
feedback_file = "votes.jsonl"
search_timeout = "10s"
reindex_timeout = "2h"
`,
			want: func(c *Config) {
				c.DataDir = "/var/lib/lectern"
				c.Corpus.Dir = "reading"
				c.Embeddings = Embeddings{Provider: "openai", BaseURL: "http://127.0.0.1:11434/v1", Model: "nomic-embed-text",
					APIKeyEnv: "EMBED_KEY", BatchSize: 16, Timeout: Duration{2 * time.Minute}, MaxAttempts: 2, MaxRetryWait: Duration{5 * time.Second}}
				c.Chat = Chat{BaseURL: "http://127.0.0.1:11434/v1", Model: "llama3.1:8b", APIKeyEnv: "",
					Timeout: Duration{90 * time.Second}, Temperature: 0.5, MaxTokens: 300, MaxAttempts: 1, MaxRetryWait: Duration{time.Second}}
				c.Retrieval.TopK = 8
				c.Retrieval.Synonyms = false
				c.Discord = Discord{
					TokenEnv: "LECTERN_DISCORD_TOKEN", APIURL: "http://127.0.0.1:8081", GuildID: "123456789012345678",
					ModeratorRole: "Moderators", AllowedChannels: []string{"111", "222"}, AllowDMs: false,
					UserRatePerMin: 10, UserBurst: 1, MaxInFlight: 4, MaxQueue: 0, MaxQuestionChars: 300,
					HistoryChars: 1000, HistoryTurns: 2, ShutdownTimeout: Duration{5 * time.Second},
					StreamInterval: Duration{1500 * time.Millisecond}, SearchResults: 3, FeedbackFile: "votes.jsonl",
					SearchTimeout: Duration{10 * time.Second}, ReindexTimeout: Duration{2 * time.Hour},
				}
			},
		},
		{
			name: "an unknown top-level key is named",
			text: "top_k = 3\n",
			errs: []string{`unknown setting "top_k"`},
		},
		{
			name: "an unknown key in a table is named with its table",
			text: "[retrieval]\ntop_k = 3\ntopk = 4\n",
			errs: []string{`unknown setting "retrieval.topk"`},
		},
		{
			name: "an unknown table is named",
			text: "[discord.extra]\nx = 1\n",
			errs: []string{`unknown setting "discord.extra"`},
		},
		{
			name: "bad TOML gives its line",
			text: "data_dir = \"a\"\n\n[corpus]\ndir = = \"b\"\n",
			errs: []string{"line 4"},
		},
		{
			name: "an unterminated string gives its line",
			text: "[chat]\nmodel = \"m\"\nbase_url = \"http://x\n",
			errs: []string{"line 3"},
		},
		{
			name: "a bad duration gives its line, key and value",
			text: "[chat]\n\ntimeout = \"soon\"\n",
			errs: []string{"line 3", "chat.timeout", `parse duration "soon"`},
		},
		{
			name: "a duration without a unit is refused",
			text: "[embeddings]\ntimeout = \"30\"\n",
			errs: []string{"line 2", "embeddings.timeout", "missing unit"},
		},
		{
			name: "a duration written as a number is refused",
			text: "[discord]\nstream_interval = 1\n",
			errs: []string{"line 2", "discord.stream_interval"},
		},
		{
			name: "a value of the wrong type is refused",
			text: "[discord]\nallowed_channels = \"111\"\n",
			errs: []string{"line 2", "discord.allowed_channels", "incompatible types"},
		},
		{
			name: "a table written as an array of tables is refused",
			text: "[[discord]]\n",
			errs: []string{"line 1", "discord"},
		},
		{
			name: "a file that decodes but does not validate",
			text: "[embeddings]\nprovider = \"ollama\"\n",
			errs: []string{`provider must be "local" or "openai", not "ollama"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.text)
			got, err := Load(path)
			if tt.want == nil {
				if err == nil {
					t.Fatalf("Load succeeded, want an error containing %q", tt.errs)
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name the file %s", err, path)
				}
				for _, s := range tt.errs {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not contain %q", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			want := Default()
			tt.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Load:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestLoadSyntaxErrorIsAParseError(t *testing.T) {
	path := writeConfig(t, "data_dir = \"a\"\n\n[corpus]\ndir = = \"b\"\n")
	_, err := Load(path)
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Load: %v, want a wrapped toml.ParseError", err)
	}
	if pe.Position.Line != 4 {
		t.Errorf("ParseError at line %d, want 4", pe.Position.Line)
	}
}

func TestLoadWithoutAFile(t *testing.T) {
	got, err := Load("")
	if err != nil {
		t.Fatalf(`Load(""): %v`, err)
	}
	if !reflect.DeepEqual(got, Default()) {
		t.Errorf(`Load("") = %+v, want the defaults`, got)
	}

	missing := filepath.Join(t.TempDir(), "nope.toml")
	_, err = Load(missing)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("Load of a missing file: %v, want fs.ErrNotExist naming %s", err, missing)
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name     string
		flag     string
		env      string
		fileHere bool // config.toml in the working directory
		want     string
	}{
		{"the flag wins over $LECTERN_CONFIG and ./config.toml", "flag.toml", "env.toml", true, "flag.toml"},
		{"the flag alone", "flag.toml", "", false, "flag.toml"},
		{"$LECTERN_CONFIG wins over ./config.toml", "", "env.toml", true, "env.toml"},
		{"$LECTERN_CONFIG even when its file is missing", "", "env.toml", false, "env.toml"},
		{"./config.toml when present", "", "", true, "config.toml"},
		{"nothing: the defaults", "", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			t.Setenv("LECTERN_CONFIG", tt.env)
			if tt.fileHere {
				if err := os.WriteFile("config.toml", []byte("[retrieval]\ntop_k = 7\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if got := Find(tt.flag); got != tt.want {
				t.Errorf("Find(%q) with LECTERN_CONFIG=%q = %q, want %q", tt.flag, tt.env, got, tt.want)
			}
		})
	}
}

func TestFindThenLoadReadsTheWorkingDirectory(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("LECTERN_CONFIG", "")
	if err := os.WriteFile("config.toml", []byte("[retrieval]\ntop_k = 7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(Find(""))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Retrieval.TopK != 7 {
		t.Errorf("top_k = %d, want 7 from ./config.toml", cfg.Retrieval.TopK)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
		err    string // "" when the config is valid
	}{
		{"the defaults", func(*Config) {}, ""},
		{"openai embeddings with base_url and model", func(c *Config) {
			c.Embeddings.Provider, c.Embeddings.BaseURL, c.Embeddings.Model = "openai", "http://127.0.0.1:11434/v1", "nomic-embed-text"
		}, ""},
		{"openai embeddings without base_url", func(c *Config) {
			c.Embeddings.Provider, c.Embeddings.Model = "openai", "nomic-embed-text"
		}, `[embeddings] provider = "openai" needs base_url and model`},
		{"openai embeddings without model", func(c *Config) {
			c.Embeddings.Provider, c.Embeddings.BaseURL = "openai", "http://127.0.0.1:11434/v1"
		}, `[embeddings] provider = "openai" needs base_url and model`},
		{"local embeddings ignore base_url and model", func(c *Config) {
			c.Embeddings.BaseURL = "http://127.0.0.1:11434/v1"
		}, ""},
		{"an unknown provider", func(c *Config) { c.Embeddings.Provider = "ollama" },
			`[embeddings] provider must be "local" or "openai", not "ollama"`},
		{"providers are case-sensitive", func(c *Config) { c.Embeddings.Provider = "OpenAI" },
			`[embeddings] provider must be "local" or "openai", not "OpenAI"`},
		{"an empty provider", func(c *Config) { c.Embeddings.Provider = "" },
			`[embeddings] provider must be "local" or "openai", not ""`},
		{"chat with base_url and model", func(c *Config) {
			c.Chat.BaseURL, c.Chat.Model = "http://127.0.0.1:11434/v1", "llama3.1:8b"
		}, ""},
		{"chat with base_url but no model", func(c *Config) { c.Chat.BaseURL = "http://127.0.0.1:11434/v1" },
			"[chat] base_url is set but model is empty"},
		{"chat model without base_url: still extractive", func(c *Config) { c.Chat.Model = "llama3.1:8b" }, ""},
		{"temperature 0", func(c *Config) { c.Chat.Temperature = 0 }, ""},
		{"temperature 2", func(c *Config) { c.Chat.Temperature = 2 }, ""},
		{"a negative temperature", func(c *Config) { c.Chat.Temperature = -0.5 },
			"[chat] temperature must be a number from 0 up, not -0.5"},
		{"temperature nan", func(c *Config) { c.Chat.Temperature = float32(math.NaN()) },
			"[chat] temperature must be a number from 0 up, not NaN"},
		{"temperature inf", func(c *Config) { c.Chat.Temperature = float32(math.Inf(1)) },
			"[chat] temperature must be a number from 0 up, not +Inf"},
		{"top_k 1", func(c *Config) { c.Retrieval.TopK = 1 }, ""},
		{"top_k 20", func(c *Config) { c.Retrieval.TopK = 20 }, ""},
		{"top_k 0", func(c *Config) { c.Retrieval.TopK = 0 }, "[retrieval] top_k must be between 1 and 20, not 0"},
		{"top_k -1", func(c *Config) { c.Retrieval.TopK = -1 }, "[retrieval] top_k must be between 1 and 20, not -1"},
		{"top_k 21", func(c *Config) { c.Retrieval.TopK = 21 }, "[retrieval] top_k must be between 1 and 20, not 21"},
		{"an empty data_dir", func(c *Config) { c.DataDir = "" }, "data_dir must not be empty"},
		{"an empty corpus dir", func(c *Config) { c.Corpus.Dir = "" }, "[corpus] dir must not be empty"},
		{"openai embeddings at an address that is no URL", func(c *Config) {
			c.Embeddings.Provider, c.Embeddings.BaseURL, c.Embeddings.Model = "openai", "127.0.0.1:11434", "m"
		}, "[embeddings] base_url is not an http:// or https:// URL with a host"},
		{"batch_size 0", func(c *Config) { openAIEmbeddings(c); c.Embeddings.BatchSize = 0 }, "[embeddings] batch_size must be between 1 and 2048, not 0"},
		{"embeddings timeout 0", func(c *Config) { openAIEmbeddings(c); c.Embeddings.Timeout = Duration{} }, "[embeddings] timeout must be more than 0s"},
		{"embeddings max_attempts 0", func(c *Config) { openAIEmbeddings(c); c.Embeddings.MaxAttempts = 0 }, "[embeddings] max_attempts must be between 1 and 20, not 0"},
		{"embeddings max_retry_wait 0", func(c *Config) { openAIEmbeddings(c); c.Embeddings.MaxRetryWait = Duration{} }, "[embeddings] max_retry_wait must be more than 0s"},
		{"local embeddings ignore the endpoint's settings", func(c *Config) { c.Embeddings.BatchSize, c.Embeddings.MaxAttempts = 0, 0 }, ""},
		{"chat at an address that is no URL", func(c *Config) { chatEndpoint(c); c.Chat.BaseURL = "ftp://user:pw@host/v1" },
			"[chat] base_url is not an http:// or https:// URL with a host"},
		{"chat timeout 0", func(c *Config) { chatEndpoint(c); c.Chat.Timeout = Duration{} }, "[chat] timeout must be more than 0s"},
		{"negative max_tokens", func(c *Config) { chatEndpoint(c); c.Chat.MaxTokens = -1 }, "[chat] max_tokens must be 0 (the endpoint decides) or more, not -1"},
		{"chat max_attempts 21", func(c *Config) { chatEndpoint(c); c.Chat.MaxAttempts = 21 }, "[chat] max_attempts must be between 1 and 20, not 21"},
		{"chat max_retry_wait 0", func(c *Config) { chatEndpoint(c); c.Chat.MaxRetryWait = Duration{} }, "[chat] max_retry_wait must be more than 0s"},
		{"discord api_url empty", func(c *Config) { c.Discord.APIURL = "" }, "[discord] api_url must not be empty"},
		{"discord api_url no URL", func(c *Config) { c.Discord.APIURL = "discord.com" }, "[discord] api_url is not an http:// or https:// URL with a host"},
		{"user_rate_per_minute 0", func(c *Config) { c.Discord.UserRatePerMin = 0 }, "[discord] user_rate_per_minute must be more than 0, not 0"},
		{"user_rate_per_minute NaN", func(c *Config) { c.Discord.UserRatePerMin = math.NaN() }, "[discord] user_rate_per_minute must be more than 0, not NaN"},
		{"user_burst 0", func(c *Config) { c.Discord.UserBurst = 0 }, "[discord] user_burst must be 1 or more, not 0"},
		{"max_in_flight 0", func(c *Config) { c.Discord.MaxInFlight = 0 }, "[discord] max_in_flight must be 1 or more, not 0"},
		{"max_queue 0 refuses at once", func(c *Config) { c.Discord.MaxQueue = 0 }, ""},
		{"max_queue -1", func(c *Config) { c.Discord.MaxQueue = -1 }, "[discord] max_queue must be 0 or more, not -1"},
		{"max_question_chars 6000", func(c *Config) { c.Discord.MaxQuestionChars = 6000 }, ""},
		{"max_question_chars 6001", func(c *Config) { c.Discord.MaxQuestionChars = 6001 }, "[discord] max_question_chars must be between 1 and 6000, not 6001"},
		{"max_question_chars 0", func(c *Config) { c.Discord.MaxQuestionChars = 0 }, "[discord] max_question_chars must be between 1 and 6000, not 0"},
		{"history 0 turns and 0 chars: no history", func(c *Config) { c.Discord.HistoryTurns, c.Discord.HistoryChars = 0, 0 }, ""},
		{"history_chars -1", func(c *Config) { c.Discord.HistoryChars = -1 }, "[discord] history_chars must be 0 or more, not -1"},
		{"history_turns -1", func(c *Config) { c.Discord.HistoryTurns = -1 }, "[discord] history_turns must be 0 or more, not -1"},
		{"shutdown_timeout 0", func(c *Config) { c.Discord.ShutdownTimeout = Duration{} }, "[discord] shutdown_timeout must be more than 0s"},
		{"stream_interval 0", func(c *Config) { c.Discord.StreamInterval = Duration{} }, "[discord] stream_interval must be more than 0s"},
		{"search_results 11", func(c *Config) { c.Discord.SearchResults = 11 }, "[discord] search_results must be between 1 and 10, not 11"},
		{"search_results 0", func(c *Config) { c.Discord.SearchResults = 0 }, "[discord] search_results must be between 1 and 10, not 0"},
		{"feedback_file empty", func(c *Config) { c.Discord.FeedbackFile = "" }, "[discord] feedback_file must not be empty"},
		{"search_timeout 0", func(c *Config) { c.Discord.SearchTimeout = Duration{} }, "[discord] search_timeout must be more than 0s"},
		{"reindex_timeout 0", func(c *Config) { c.Discord.ReindexTimeout = Duration{} }, "[discord] reindex_timeout must be more than 0s"},
		{"a guild ID", func(c *Config) { c.Discord.GuildID = "123456789012345678" }, ""},
		{"a guild name for its ID", func(c *Config) { c.Discord.GuildID = "Study Group" },
			`[discord] guild_id must be a server ID (digits, as Discord's Copy Server ID gives it), not "Study Group"`},
		{"a channel name for its ID", func(c *Config) { c.Discord.AllowedChannels = []string{"111", "#general"} },
			`[discord] allowed_channels must hold channel IDs (digits, as Copy Channel ID gives them), not "#general"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.change(&c)
			err := c.Validate()
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("Validate: %v, want nil", err)
			case tt.err != "" && err == nil:
				t.Errorf("Validate: nil, want %q", tt.err)
			case tt.err != "" && err.Error() != tt.err:
				t.Errorf("Validate: %q, want %q", err, tt.err)
			}
		})
	}
}

func openAIEmbeddings(c *Config) {
	c.Embeddings.Provider, c.Embeddings.BaseURL, c.Embeddings.Model = "openai", "http://127.0.0.1:11434/v1", "nomic-embed-text"
}

func chatEndpoint(c *Config) {
	c.Chat.BaseURL, c.Chat.Model = "http://127.0.0.1:11434/v1", "llama3.1:8b"
}

// TestValidateNamesTheKey: every error of Validate is a *SettingError whose
// key is one the file can hold.
func TestValidateNamesTheKey(t *testing.T) {
	keys := fileKeys(reflect.TypeOf(Config{}), "")
	for _, change := range []func(*Config){
		func(c *Config) { c.Discord.MaxInFlight = 0 },
		func(c *Config) { chatEndpoint(c); c.Chat.Timeout = Duration{} },
		func(c *Config) { c.Embeddings.Provider = "x" },
		func(c *Config) { c.DataDir = "" },
	} {
		c := Default()
		change(&c)
		var se *SettingError
		if err := c.Validate(); !errors.As(err, &se) || !keys[se.Key] {
			t.Errorf("Validate = %v, want a *SettingError naming one of the file's keys", err)
		}
	}
}

// fileKeys are the dotted keys ("discord.max_in_flight") of a config type,
// read from its toml tags.
func fileKeys(typ reflect.Type, prefix string) map[string]bool {
	out := map[string]bool{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" {
			continue
		}
		key := prefix + name
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeOf(Duration{}) {
			maps.Copy(out, fileKeys(f.Type, key+"."))
			continue
		}
		out[key] = true
	}
	return out
}

func TestWarnings(t *testing.T) {
	keys := func(env string) string {
		if env == "SET_KEY" {
			return "sk-1234"
		}
		return ""
	}
	tests := []struct {
		name    string
		change  func(*Config)
		warning string // "" for none
	}{
		{"no endpoint", func(*Config) {}, ""},
		{"a key over https", func(c *Config) {
			c.Chat.BaseURL, c.Chat.Model, c.Chat.APIKeyEnv = "https://api.openai.com/v1", "m", "SET_KEY"
		}, ""},
		{"a key over http to this machine", func(c *Config) {
			c.Chat.BaseURL, c.Chat.Model, c.Chat.APIKeyEnv = "http://127.0.0.1:8080/v1", "m", "SET_KEY"
		}, ""},
		{"a key over http to localhost", func(c *Config) {
			c.Chat.BaseURL, c.Chat.Model, c.Chat.APIKeyEnv = "http://localhost:8080/v1", "m", "SET_KEY"
		}, ""},
		{"a key over http to [::1]", func(c *Config) {
			c.Chat.BaseURL, c.Chat.Model, c.Chat.APIKeyEnv = "http://[::1]:8080/v1", "m", "SET_KEY"
		}, ""},
		{"no key over http to the LAN", func(c *Config) { c.Chat.BaseURL, c.Chat.Model = "http://192.168.1.5:11434/v1", "m" }, ""},
		{"a variable named but not set", func(c *Config) {
			c.Chat.BaseURL, c.Chat.Model, c.Chat.APIKeyEnv = "http://192.168.1.5:11434/v1", "m", "UNSET_KEY"
		}, ""},
		{"a key over http to the LAN", func(c *Config) {
			c.Chat.BaseURL, c.Chat.Model, c.Chat.APIKeyEnv = "http://192.168.1.5:11434/v1", "m", "SET_KEY"
		},
			"[chat] sends the API key from SET_KEY over plain http to 192.168.1.5:11434"},
		{"an embeddings key over http to a host name", func(c *Config) {
			openAIEmbeddings(c)
			c.Embeddings.BaseURL, c.Embeddings.APIKeyEnv = "http://gpu-box:11434/v1", "SET_KEY"
		}, "[embeddings] sends the API key from SET_KEY over plain http to gpu-box:11434"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.change(&c)
			got := c.Warnings(keys)
			switch {
			case tt.warning == "" && len(got) > 0:
				t.Errorf("Warnings = %q, want none", got)
			case tt.warning != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tt.warning)):
				t.Errorf("Warnings = %q, want one starting %q", got, tt.warning)
			}
			for _, w := range got {
				if strings.Contains(w, "sk-1234") {
					t.Errorf("a warning shows the key: %q", w)
				}
			}
		})
	}
}

func TestAPIKey(t *testing.T) {
	t.Setenv("LECTERN_TEST_API_KEY", "sk-test-0123456789")
	t.Setenv("LECTERN_TEST_EMPTY_KEY", "")
	tests := []struct {
		env  string
		want string
	}{
		{"LECTERN_TEST_API_KEY", "sk-test-0123456789"},
		{"LECTERN_TEST_EMPTY_KEY", ""},
		{"LECTERN_TEST_UNSET_KEY_8d1f", ""},
		{"", ""}, // no variable named: no key, not the value of ""
	}
	for _, tt := range tests {
		if got := APIKey(tt.env); got != tt.want {
			t.Errorf("APIKey(%q) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

// TestKeysStayOutOfErrors: a key in the environment, or pasted into the
// file by mistake, never shows in the error Load reports.
func TestKeysStayOutOfErrors(t *testing.T) {
	const secret = "sk-secret-4f9a0c7e1b"
	t.Setenv("LECTERN_TEST_API_KEY", secret)
	tests := []struct {
		name string
		text string
		errs []string
	}{
		{"the variable named, another setting invalid",
			"[chat]\napi_key_env = \"LECTERN_TEST_API_KEY\"\nbase_url = \"http://127.0.0.1:1/v1\"\n",
			[]string{"model is empty"}},
		{"the key pasted as an unknown setting",
			"[chat]\napi_key = \"" + secret + "\"\n",
			[]string{`unknown setting "chat.api_key"`}},
		{"the key pasted where the variable's name goes, another setting invalid",
			"[embeddings]\napi_key_env = \"" + secret + "\"\nprovider = \"openai\"\n",
			[]string{"needs base_url and model"}},
		{"the key pasted as a top-level setting after an error-free file",
			"data_dir = \".lectern\"\nOPENAI_API_KEY = \"" + secret + "\"\n",
			[]string{`unknown setting "OPENAI_API_KEY"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeConfig(t, tt.text))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("the error shows the key: %v", err)
			}
			for _, s := range tt.errs {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		text string
		want time.Duration
		err  bool
	}{
		{"30s", 30 * time.Second, false},
		{"2m", 2 * time.Minute, false},
		{"1h30m", 90 * time.Minute, false},
		{"1500ms", 1500 * time.Millisecond, false},
		{"0s", 0, false},
		{"30", 0, true},
		{"", 0, true},
		{"soon", 0, true},
		{"-5s", 0, true},
	}
	for _, tt := range tests {
		var d Duration
		err := d.UnmarshalText([]byte(tt.text))
		if tt.err {
			if err == nil || !strings.Contains(err.Error(), `parse duration "`+tt.text+`"`) {
				t.Errorf("UnmarshalText(%q): %v, want a parse error quoting the text", tt.text, err)
			}
			continue
		}
		if err != nil || d.Duration != tt.want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tt.text, d.Duration, err, tt.want)
			continue
		}
		out, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Duration
		if err := back.UnmarshalText(out); err != nil || back != d {
			t.Errorf("MarshalText(%v) = %q, which reads back as %v, %v", d.Duration, out, back.Duration, err)
		}
	}
}

// TestExampleFile keeps config.example.toml honest: it loads and validates,
// the values it shows are the defaults, and it sets every key of Config.
func TestExampleFile(t *testing.T) {
	const path = "../config.example.toml"
	cfg, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("%s does not validate: %v", path, err)
	}
	if len(cfg.Discord.AllowedChannels) == 0 {
		cfg.Discord.AllowedChannels = nil // [] in the file, nil in Default
	}
	if want := Default(); !reflect.DeepEqual(cfg, want) {
		t.Errorf("%s does not show the defaults:\n file %+v\n want %+v", path, cfg, want)
	}

	var into Config
	md, err := toml.DecodeFile(path, &into)
	if err != nil {
		t.Fatal(err)
	}
	keys := tomlKeys(reflect.TypeFor[Config](), nil)
	if len(keys) < 30 {
		t.Fatalf("found only %d keys in Config; is tomlKeys broken?", len(keys))
	}
	for _, key := range keys {
		if !md.IsDefined(key...) {
			t.Errorf("%s does not set %s", path, strings.Join(key, "."))
		}
	}
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// tomlKeys lists the keys of every setting in a struct type, by toml tag,
// as paths such as ["discord", "token_env"].
func tomlKeys(typ reflect.Type, prefix []string) [][]string {
	var keys [][]string
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		key := append(append([]string{}, prefix...), name)
		if f.Type.Kind() == reflect.Struct && !reflect.PointerTo(f.Type).Implements(textUnmarshaler) {
			keys = append(keys, tomlKeys(f.Type, key)...)
			continue
		}
		keys = append(keys, key)
	}
	return keys
}

// FuzzLoad feeds Load arbitrary files: it must never panic, every error
// names the file, and what it accepts validates and survives a round trip
// through the TOML encoder unchanged.
func FuzzLoad(f *testing.F) {
	if example, err := os.ReadFile("../config.example.toml"); err == nil {
		f.Add(example)
	}
	for _, s := range []string{
		"",
		"data_dir = \"x\"\n",
		"[retrieval]\ntop_k = 3\n",
		"[chat]\nbase_url = \"http://127.0.0.1:11434/v1\"\nmodel = \"m\"\ntimeout = \"90s\"\ntemperature = 0.7\n",
		"[embeddings]\nprovider = \"openai\"\nbase_url = \"u\"\nmodel = \"m\"\nbatch_size = -1\n",
		"[discord]\nallowed_channels = [\"1\", \"2\"]\nstream_interval = \"250ms\"\nuser_rate_per_minute = 0.5\n",
		"[discord.extra]\nx = 1\n",
		"[[discord]]\n",
		"[chat]\ntemperature = nan\n",
		"[chat]\ntimeout = \"-1h\"\n",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir() // inputs run one at a time in each process
	keys := fileKeys(reflect.TypeOf(Config{}), "")
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(path)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "read config "+path+": ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if se := (*SettingError)(nil); errors.As(err, &se) && !keys[se.Key] {
				t.Fatalf("error names %q, which is no key of the file: %v", se.Key, err)
			}
			return
		}
		for _, w := range cfg.Warnings(func(string) string { return "sk-fuzz" }) {
			if !strings.HasPrefix(w, "[chat] ") && !strings.HasPrefix(w, "[embeddings] ") {
				t.Fatalf("a warning names no section: %q", w)
			}
		}
		var buf bytes.Buffer
		if err := toml.NewEncoder(&buf).Encode(cfg); err != nil {
			t.Fatalf("encode %+v: %v", cfg, err)
		}
		again := filepath.Join(dir, "again.toml")
		if err := os.WriteFile(again, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		back, err := Load(again)
		if err != nil {
			t.Fatalf("the encoded config does not load: %v\n%s", err, buf.Bytes())
		}
		if !reflect.DeepEqual(back, cfg) {
			t.Fatalf("round trip changed the config:\n got %+v\nwant %+v\n%s", back, cfg, buf.Bytes())
		}
	})
}
