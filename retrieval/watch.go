package retrieval

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchSettle is how long the current file must stay unchanged before a
// change is acted on: a reindex writes it once, but editors and copies may
// touch it several times in a row.
const watchSettle = 100 * time.Millisecond

// Watch follows the data directory until ctx ends: when the current file
// changes, because a `lectern index` beside this process built a new
// index, the store reloads and searches go on from the new index. It
// returns nil when ctx ends, and an error only when the folder cannot be
// watched at all.
func (s *Store) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch %s: %w", s.cfg.DataDir, err)
	}
	defer w.Close()
	// The folder, not the file: the file is replaced by a rename, which a
	// watch on the file itself would not survive.
	if err := w.Add(s.cfg.DataDir); err != nil {
		return fmt.Errorf("watch %s: %w", s.cfg.DataDir, err)
	}
	// A change before the watch began is looked for at once.
	settle := time.After(0)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if filepath.Base(ev.Name) == currentFile && ev.Op&(fsnotify.Create|fsnotify.Write|fsnotify.Rename) != 0 {
				settle = time.After(watchSettle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.log.Warn("watching the data folder", "dir", s.cfg.DataDir, "err", err)
			settle = time.After(watchSettle) // events may have been lost: look again
		case <-settle:
			settle = nil
			// After a reindex of this process, the index named is already
			// in use and Reload does nothing.
			switched, err := s.Reload()
			switch {
			case err != nil:
				s.log.Warn("reload the index", "err", err)
			case switched:
				s.log.Info("switched to the index another lectern built", "chunks", len(s.current.Load().chunks))
			}
		}
	}
}
