package retryafter

import (
	"net/http"
	"testing"
	"time"
)

// FuzzParse reads any header values: no panic, never a negative wait, and
// no wait at all unless one of the two headers is set.
func FuzzParse(f *testing.F) {
	f.Add("3", "")
	f.Add("0.5", "250")
	f.Add("Wed, 21 Oct 2015 07:28:00 GMT", "")
	f.Add("1e308", "-1")
	f.Add("", "NaN")
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	f.Fuzz(func(t *testing.T, retryAfter, retryAfterMs string) {
		h := http.Header{}
		if retryAfter != "" {
			h.Set("Retry-After", retryAfter)
		}
		if retryAfterMs != "" {
			h.Set("Retry-After-Ms", retryAfterMs)
		}
		wait, ok := Parse(h, now)
		if wait < 0 {
			t.Fatalf("Parse(%q, %q) = %v, a negative wait", retryAfter, retryAfterMs, wait)
		}
		if !ok && wait != 0 {
			t.Fatalf("Parse(%q, %q) = %v without a wait asked for", retryAfter, retryAfterMs, wait)
		}
		if len(h) == 0 && ok {
			t.Fatalf("Parse of no headers asked for a wait")
		}
	})
}
