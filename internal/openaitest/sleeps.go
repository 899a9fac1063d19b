package openaitest

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Sleeps stands in for the clock between a client's retries: give its
// Sleep to the client (endpoint.Config.Sleep and the configs that pass it
// on), and it records each wait asked for and returns at once, so that no
// retry spec waits on the wall clock. It is safe for concurrent use.
type Sleeps struct {
	mu    sync.Mutex
	waits []time.Duration
}

// Sleep records d and returns ctx's error, as a finished wait does.
func (s *Sleeps) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waits = append(s.waits, d)
	return ctx.Err()
}

// Waits returns the waits asked for so far, in order.
func (s *Sleeps) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.waits)
}
