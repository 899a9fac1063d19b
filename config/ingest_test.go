package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestIngestSettings(t *testing.T) {
	tests := []struct {
		name string
		toml string
		err  string // words the error must hold; "" when valid
		want Ingest
	}{
		{name: "the defaults", toml: "",
			want: Ingest{MaxFileMB: 50, FetchTimeout: Duration{30 * time.Second}, MaxPages: 2000}},
		{name: "every key set",
			toml: "[ingest]\nallow_private_urls = true\nmax_file_mb = 5\nfetch_timeout = \"2s\"\nmax_pages = 10\n",
			want: Ingest{AllowPrivateURLs: true, MaxFileMB: 5, FetchTimeout: Duration{2 * time.Second}, MaxPages: 10}},
		{name: "max_file_mb 0", toml: "[ingest]\nmax_file_mb = 0\n", err: "[ingest] max_file_mb must be between 1 and 1024, not 0"},
		{name: "max_file_mb too large", toml: "[ingest]\nmax_file_mb = 4096\n", err: "[ingest] max_file_mb must be between 1 and 1024, not 4096"},
		{name: "max_pages 0", toml: "[ingest]\nmax_pages = 0\n", err: "[ingest] max_pages must be between 1 and 100000, not 0"},
		{name: "fetch_timeout 0", toml: "[ingest]\nfetch_timeout = \"0s\"\n", err: "[ingest] fetch_timeout must be more than 0s"},
		{name: "fetch_timeout an hour", toml: "[ingest]\nfetch_timeout = \"1h\"\n", err: "[ingest] fetch_timeout must be more than 0s and at most 10m0s, not 1h0m0s"},
		{name: "a typo in the section", toml: "[ingest]\nallow_private_url = true\n", err: `unknown setting "ingest.allow_private_url"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte(tt.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := Load(path)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("Load: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("Load: %v, want an error saying %q", err, tt.err)
			case tt.err == "" && cfg.Ingest != tt.want:
				t.Errorf("[ingest] = %+v, want %+v", cfg.Ingest, tt.want)
			}
		})
	}
	if got := (Ingest{MaxFileMB: 3}).MaxFileBytes(); got != 3<<20 {
		t.Errorf("MaxFileBytes = %d, want %d", got, 3<<20)
	}
}
