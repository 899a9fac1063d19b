//go:build !unix

package ingest

import "time"

func cpuTime(children bool) (time.Duration, bool) { return 0, false }
