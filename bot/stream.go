package bot

import (
	"regexp"
	"strings"
	"sync"
	"time"
)

// streamer edits a reply as an answer streams in: the first update at
// once, then at most one edit per interval, always with the latest text.
type streamer struct {
	interval time.Duration
	edit     func(text string)

	mu     sync.Mutex
	latest string
	dirty  bool

	wake    chan struct{}
	done    chan struct{}
	stopped chan struct{}
}

// newStreamer starts a streamer that calls edit from its own goroutine;
// stop ends it.
func newStreamer(interval time.Duration, edit func(text string)) *streamer {
	s := &streamer{interval: interval, edit: edit, wake: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{})}
	go s.run()
	return s
}

// update records the text so far, made safe to show (safeToShow); it never
// blocks.
func (s *streamer) update(text string) {
	text = safeToShow(text)
	s.mu.Lock()
	s.latest, s.dirty = text, true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *streamer) run() {
	defer close(s.stopped)
	var last time.Time
	timer := time.NewTimer(0)
	defer timer.Stop()
	<-timer.C
	for {
		select {
		case <-s.wake:
		case <-s.done:
			return
		}
		if wait := s.interval - time.Since(last); !last.IsZero() && wait > 0 {
			timer.Reset(wait)
			select {
			case <-timer.C:
			case <-s.done:
				return
			}
		}
		s.mu.Lock()
		text, dirty := s.latest, s.dirty
		s.dirty = false
		s.mu.Unlock()
		if dirty {
			s.edit(text)
			last = time.Now()
		}
	}
}

// stop ends the streamer once any edit under way is done, so that what is
// sent next comes after it.
func (s *streamer) stop() {
	close(s.done)
	<-s.stopped
}

// What a partial answer must not show on Discord, whatever the Asker
// passes on (the answerer already holds back reasoning and links; this is
// the bot's own guard): a reasoning block, open or closed, and markdown
// links, which Discord renders as masked links.
var (
	reasoningBlock = regexp.MustCompile(`(?is)<(think|thinking|reasoning)>.*?(?:</(?:think|thinking|reasoning)>|$)`)
	maskedLink     = regexp.MustCompile(`!?\[([^\[\]\n]*)\]\([^)\n]*(?:\)|$)`)
)

// safeToShow removes reasoning and shows links as their text.
func safeToShow(text string) string {
	text = reasoningBlock.ReplaceAllString(text, "")
	text = maskedLink.ReplaceAllString(text, "$1")
	return strings.TrimSpace(text)
}
