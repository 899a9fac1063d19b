package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestVerifySection: [verify] is read with its defaults, and a base_url
// without a model is refused.
func TestVerifySection(t *testing.T) {
	tests := []struct {
		name, file string
		want       Verify
		wantErr    string
	}{
		{"absent", "", Verify{Timeout: Duration{30 * time.Second}}, ""},
		{"set", "[verify]\nbase_url = \"http://127.0.0.1:11434/v1\"\nmodel = \"bespoke-minicheck\"\napi_key_env = \"VERIFY_KEY\"\ntimeout = \"10s\"\n",
			Verify{BaseURL: "http://127.0.0.1:11434/v1", Model: "bespoke-minicheck", APIKeyEnv: "VERIFY_KEY", Timeout: Duration{10 * time.Second}}, ""},
		{"no model", "[verify]\nbase_url = \"http://127.0.0.1:11434/v1\"\n", Verify{}, "[verify] model is empty but base_url is set"},
		{"typo", "[verify]\nmodle = \"x\"\n", Verify{}, "unknown setting \"verify.modle\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, err := Load(path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Load: %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Verify != tt.want {
				t.Errorf("[verify] = %+v, want %+v", cfg.Verify, tt.want)
			}
		})
	}
}
