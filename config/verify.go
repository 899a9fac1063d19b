package config

import "time"

// Verify configures the optional fact-checking model that checks each
// sentence of a generated answer against the passages it cites (for
// example bespoke-minicheck on Ollama); an empty BaseURL means the
// model-free support check.
type Verify struct {
	BaseURL   string   `toml:"base_url"`
	Model     string   `toml:"model"`
	APIKeyEnv string   `toml:"api_key_env"`
	Timeout   Duration `toml:"timeout"`
}

// defaultVerify is [verify] when the file does not set it.
func defaultVerify() Verify {
	return Verify{Timeout: Duration{30 * time.Second}}
}

// validate reports a [verify] section that cannot work.
func (v Verify) validate() error {
	if v.BaseURL == "" {
		return nil
	}
	if err := checkURL(v.BaseURL); err != nil {
		return bad("verify.base_url", "%v", err)
	}
	if v.Model == "" {
		return bad("verify.model", "is empty but base_url is set")
	}
	return nil
}
