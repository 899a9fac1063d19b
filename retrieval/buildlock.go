package retrieval

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// buildLockFile is the lock file of a build under way, in its folder. It
// holds the PID of the process writing the build, and that process holds
// an advisory lock on it (flock, or LockFileEx on Windows) until the build
// is complete and in use. The operating system drops the lock when the
// process ends, however it ends (kill -9 too), and a new process with the
// same PID does not hold it: a lock file with a PID in it that no one
// holds is the leftover of a build whose owner is gone.
const buildLockFile = "build.lock"

// tempMarker is in the name of every temporary file of writeFileAtomic
// ("embeddings-….gob.tmp-123").
const tempMarker = ".tmp-"

// buildLock is a build's lock file, held by the process writing the build.
type buildLock struct {
	lock *flock.Flock
}

// lockBuild creates the build folder dir and its lock file, takes the
// lock and then writes this process's PID into it, in that order: a lock
// file that holds a PID is always held while its owner lives. An empty one
// is either being made or not writable (see ownerGone).
func lockBuild(dir string) (*buildLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create build folder: %w", err)
	}
	path := filepath.Join(dir, buildLockFile)
	l := flock.New(path)
	locked, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock build %s: %w", dir, err)
	}
	if !locked { // a new folder, named by the time: no one else should hold it
		return nil, fmt.Errorf("lock build %s: held by another process", dir)
	}
	// Written through a second descriptor: the lock is advisory. Should it
	// fail, the build is kept by age alone, as builds were before locks.
	_ = os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
	return &buildLock{lock: l}, nil
}

// release lets go of the lock and removes the lock file (the build is in
// use, or gone).
func (b *buildLock) release() {
	_ = b.lock.Unlock()
	_ = os.Remove(b.lock.Path())
}

// ownerGone reports whether the build in dir was being written by a
// process that has ended: its lock file names a PID and no process holds
// the lock. It also returns that PID, for the log. A folder with no lock
// file, or an empty one (being made this instant, or written before
// builds had locks), is not known to be abandoned: ok is false.
func ownerGone(dir string) (pid int, gone bool) {
	path := filepath.Join(dir, buildLockFile)
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	pid, err = strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		return 0, false
	}
	l := flock.New(path, flock.SetFlag(os.O_RDONLY)) // never creates the file
	locked, err := l.TryLock()
	if err != nil {
		return pid, false
	}
	if locked {
		_ = l.Unlock()
	}
	return pid, locked
}

// ownerAlive reports whether a live process holds the lock of the build
// in dir, which is then being written.
func ownerAlive(dir string) bool {
	l := flock.New(filepath.Join(dir, buildLockFile), flock.SetFlag(os.O_RDONLY))
	locked, err := l.TryLock()
	if err != nil {
		return false // no lock file
	}
	if locked {
		_ = l.Unlock()
	}
	return !locked
}

// removeAbandonedBuilds deletes the build folders under the data folder
// whose owner is gone (see ownerGone), finished or not, except keep (the
// index in use) and sweeps the temporary files of writes cut short. A
// build that a live process is writing is never touched. It returns how
// many folders it removed.
func (s *Store) removeAbandonedBuilds(keep string) int {
	root := filepath.Join(s.cfg.DataDir, indexesFolder)
	entries, err := os.ReadDir(root)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.log.Warn("could not list the index folders", "err", err)
	}
	removed := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == keep {
			continue
		}
		dir := filepath.Join(root, e.Name())
		pid, gone := ownerGone(dir)
		if !gone {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			s.log.Warn("could not remove an abandoned build", "dir", dir, "err", err)
			continue
		}
		removed++
		s.log.Debug("removed a build whose process is gone", "dir", dir, "pid", pid)
	}
	s.removeStaleTemporaryFiles()
	return removed
}

// removeStaleTemporaryFiles deletes the temporary files that
// writeFileAtomic leaves in the data folder and its cache folder when its
// process is killed mid-write (the embedding cache, the name of the index
// in use), once they are older than staleBuildAge: a younger one may be
// another process's write under way.
func (s *Store) removeStaleTemporaryFiles() {
	for _, dir := range []string{s.cfg.DataDir, filepath.Dir(cachePath(s.cfg.DataDir, ""))} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !strings.Contains(e.Name(), tempMarker) {
				continue
			}
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < staleBuildAge {
				continue
			}
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				s.log.Warn("could not remove a stale temporary file", "file", e.Name(), "err", err)
			}
		}
	}
}
