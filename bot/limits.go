package bot

import (
	"context"
	"errors"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// userLimits is a token bucket per user: rate per minute, with a burst.
type userLimits struct {
	mu    sync.Mutex
	every rate.Limit
	burst int
	users map[string]*userLimit
}

type userLimit struct {
	limiter *rate.Limiter
	last    time.Time
}

// maxTrackedUsers bounds the map; idle users beyond it are forgotten.
const maxTrackedUsers = 10000

func newUserLimits(perMinute float64, burst int) *userLimits {
	return &userLimits{every: rate.Limit(perMinute / 60), burst: burst, users: map[string]*userLimit{}}
}

// allow takes one question from the user's budget at now; when the budget
// is spent it returns false and how long until the next question is allowed.
func (l *userLimits) allow(userID string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	u, ok := l.users[userID]
	if !ok {
		if len(l.users) >= maxTrackedUsers {
			l.forgetIdle(now)
		}
		u = &userLimit{limiter: rate.NewLimiter(l.every, l.burst)}
		l.users[userID] = u
	}
	u.last = now
	r := u.limiter.ReserveN(now, 1)
	if !r.OK() {
		return false, time.Minute
	}
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// forgetIdle drops users whose bucket has refilled. l.mu is held.
func (l *userLimits) forgetIdle(now time.Time) {
	full := time.Duration(float64(l.burst)/float64(l.every)*float64(time.Second)) + time.Second
	for id, u := range l.users {
		if now.Sub(u.last) > full {
			delete(l.users, id)
		}
	}
}

// errQueueFull is returned by gate.enter when the queue is full.
var errQueueFull = errors.New("too many questions in flight and queued")

// gate caps the answers in flight; others wait in a bounded FIFO queue.
type gate struct {
	mu       sync.Mutex
	max      int
	maxQueue int
	running  int
	queue    []chan struct{}
}

func newGate(maxInFlight, maxQueue int) *gate {
	return &gate{max: maxInFlight, maxQueue: maxQueue}
}

// ticket is a place in the gate: ready is closed when it may run.
type ticket struct {
	ready chan struct{}
	// ahead is the number of questions queued before this one at entry;
	// -1 when it runs at once.
	ahead int
}

// enter takes a slot or a place in the queue, or fails with errQueueFull.
func (g *gate) enter() (*ticket, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running < g.max {
		g.running++
		ready := make(chan struct{})
		close(ready)
		return &ticket{ready: ready, ahead: -1}, nil
	}
	if len(g.queue) >= g.maxQueue {
		return nil, errQueueFull
	}
	t := &ticket{ready: make(chan struct{}), ahead: len(g.queue)}
	g.queue = append(g.queue, t.ready)
	return t, nil
}

// queued reports whether the ticket had to wait for a slot.
func (t *ticket) queued() bool { return t.ahead >= 0 }

// wait blocks until the ticket may run; on ctx's end it gives its place up.
func (g *gate) wait(ctx context.Context, t *ticket) error {
	select {
	case <-t.ready:
		return nil
	case <-ctx.Done():
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for i, ch := range g.queue {
		if ch == t.ready {
			g.queue = append(g.queue[:i], g.queue[i+1:]...)
			return ctx.Err()
		}
	}
	// The slot was handed over as ctx ended: pass it on.
	g.leaveLocked()
	return ctx.Err()
}

// leave frees the ticket's slot for the next in the queue.
func (g *gate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.leaveLocked()
}

func (g *gate) leaveLocked() {
	if len(g.queue) > 0 {
		next := g.queue[0]
		g.queue = g.queue[1:]
		close(next)
		return
	}
	g.running--
}
