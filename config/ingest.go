package config

import (
	"fmt"
	"time"
)

// Ingest bounds what Lectern reads from files and fetches from URLs: the
// corpus folder, `lectern add` and Discord's /add.
type Ingest struct {
	// AllowPrivateURLs lets `add` and /add fetch from loopback, private
	// and link-local addresses; off by default, since the bot's machine
	// also runs the model server and a cloud machine has a metadata address.
	AllowPrivateURLs bool `toml:"allow_private_urls"`
	// MaxFileMB is the largest file read or fetched, in MiB.
	MaxFileMB int `toml:"max_file_mb"`
	// FetchTimeout bounds one download, from request to last byte.
	FetchTimeout Duration `toml:"fetch_timeout"`
	// MaxPages is the most pages of a PDF that are read.
	MaxPages int `toml:"max_pages"`
}

// defaultIngest is the built-in [ingest] section.
func defaultIngest() Ingest {
	return Ingest{MaxFileMB: 50, FetchTimeout: Duration{30 * time.Second}, MaxPages: 2000}
}

// Bounds of the [ingest] settings.
const (
	maxFileMB       = 1024
	maxPages        = 100000
	maxFetchTimeout = 10 * time.Minute
)

// validate reports the first [ingest] setting that cannot work, by its key.
func (i Ingest) validate() error {
	if i.MaxFileMB < 1 || i.MaxFileMB > maxFileMB {
		return fmt.Errorf("[ingest] max_file_mb must be between 1 and %d, not %d", maxFileMB, i.MaxFileMB)
	}
	if i.MaxPages < 1 || i.MaxPages > maxPages {
		return fmt.Errorf("[ingest] max_pages must be between 1 and %d, not %d", maxPages, i.MaxPages)
	}
	if i.FetchTimeout.Duration <= 0 || i.FetchTimeout.Duration > maxFetchTimeout {
		return fmt.Errorf("[ingest] fetch_timeout must be more than 0s and at most %s, not %s", maxFetchTimeout, i.FetchTimeout.Duration)
	}
	return nil
}

// MaxFileBytes is MaxFileMB in bytes.
func (i Ingest) MaxFileBytes() int64 { return int64(i.MaxFileMB) << 20 }
