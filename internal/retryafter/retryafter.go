// Package retryafter reads how long an HTTP endpoint asks its client to
// wait before trying again, for the clients of embeddings and chat
// endpoints.
package retryafter

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Parse reads how long the endpoint asks to wait: retry-after-ms
// (OpenAI's, in milliseconds), else Retry-After in seconds or as an HTTP
// date.
func Parse(h http.Header, now time.Time) (time.Duration, bool) {
	if h == nil {
		return 0, false
	}
	if ms, err := strconv.ParseFloat(strings.TrimSpace(h.Get("Retry-After-Ms")), 64); err == nil && ms >= 0 {
		return duration(ms, time.Millisecond), true
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 {
		return duration(secs, time.Second), true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}

// duration is n units, the longest Duration when that is longer (an
// endpoint asking for centuries gets "too long", not a negative wait).
func duration(n float64, unit time.Duration) time.Duration {
	if ns := n * float64(unit); ns < math.MaxInt64 {
		return time.Duration(ns)
	}
	return math.MaxInt64
}
