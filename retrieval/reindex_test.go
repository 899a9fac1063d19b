package retrieval

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// TestReindexCountsAddUp: every chunk of a report is embedded, reused or
// shared, and the three add up to the chunks, whatever the corpus holds
// twice.
func TestReindexCountsAddUp(t *testing.T) {
	ctx := context.Background()
	corpus, data := copySeeds(t), t.TempDir()
	// The same article saved twice: its chunk in both files has one text.
	article := "Ferries\n\n" + strings.Repeat("The ferries of Ha Long Bay carry tourists between the limestone islands every morning. ", 5)
	writeTestFile(t, filepath.Join(corpus, "zz_ferries.txt"), article)
	writeTestFile(t, filepath.Join(corpus, "zz_ferries_again.txt"), article)
	s := openTestStore(t, data, corpus, NewLocalEmbedder())

	steps := []struct {
		name                                 string
		wantEmbedded, wantReused, wantShared func(chunks int) int
	}{
		{"a first index embeds every text once and shares the one found twice",
			func(c int) int { return c - 1 }, func(int) int { return 0 }, func(int) int { return 1 }},
		{"a second reuses every chunk",
			func(int) int { return 0 }, func(c int) int { return c }, func(int) int { return 0 }},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			r, err := s.Reindex(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r.Embedded+r.Reused+r.Shared != r.Chunks {
				t.Errorf("%d embedded + %d reused + %d shared != %d chunks", r.Embedded, r.Reused, r.Shared, r.Chunks)
			}
			if r.Embedded != step.wantEmbedded(r.Chunks) || r.Reused != step.wantReused(r.Chunks) || r.Shared != step.wantShared(r.Chunks) {
				t.Errorf("report %+v: want %d embedded, %d reused, %d shared", r,
					step.wantEmbedded(r.Chunks), step.wantReused(r.Chunks), step.wantShared(r.Chunks))
			}
		})
	}
}

// TestProgressEndsAtEveryChunk: the last progress of a reindex accounts
// for every chunk, so a bar drawn from it ends at 100%.
func TestProgressEndsAtEveryChunk(t *testing.T) {
	corpus := copySeeds(t)
	article := "Twice\n\n" + strings.Repeat("A text that two files hold, word for word, and that is embedded once. ", 4)
	writeTestFile(t, filepath.Join(corpus, "zz_a.txt"), article)
	writeTestFile(t, filepath.Join(corpus, "zz_b.txt"), article)
	s := openTestStore(t, t.TempDir(), corpus, NewLocalEmbedder())
	var last Progress
	if _, err := s.Reindex(context.Background(), func(p Progress) { last = p }); err != nil {
		t.Fatal(err)
	}
	if last.Stage != "done" || last.Shared == 0 || last.Embedded+last.Reused+last.Shared != last.Total {
		t.Errorf("last progress %+v: want some shared, and embedded + reused + shared the total", last)
	}
}

// TestSearchWithNoTermsFindsNothing: a query with no word to search by
// gets no passages, rather than whichever its punctuation's vector ranks
// first; a query with one real word among them still searches.
func TestSearchWithNoTermsFindsNothing(t *testing.T) {
	s := openTestStore(t, t.TempDir(), copySeeds(t), NewLocalEmbedder())
	if _, err := s.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		finds bool
	}{
		{"?!?", false},
		{"...", false},
		{"“ ” — !", false},
		{"what is it?", false},
		{"the of and", false},
		{"?!? Friendship Medal ?!?", true},
		{"Trong?", true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := Searchable(tt.query); got != tt.finds {
				t.Errorf("Searchable(%q) = %v, want %v", tt.query, got, tt.finds)
			}
			if got := mustSearch(t, s, tt.query); (len(got) > 0) != tt.finds {
				t.Errorf("Search(%q) gave %d passages, want some: %v", tt.query, len(got), tt.finds)
			}
		})
	}
}

// leaveBuild makes an unfinished build folder under data as a process
// would leave it: a lock file naming pid, a vectors folder with a file in
// it, no meta.json.
func leaveBuild(t *testing.T, data, name string, pid int) string {
	t.Helper()
	dir := filepath.Join(data, indexesFolder, name)
	if err := os.MkdirAll(filepath.Join(dir, dbFolder), 0o755); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(dir, dbFolder, "0001.gob"), strings.Repeat("x", 1<<16))
	if pid != 0 {
		writeTestFile(t, filepath.Join(dir, buildLockFile), strconv.Itoa(pid)+"\n")
	}
	return dir
}

// deadPID returns the PID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// builds lists the folders under the data folder's indexes.
func builds(t *testing.T, data string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(data, indexesFolder))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// currentBuild is the name of the build in use.
func currentBuild(t *testing.T, data string) string {
	t.Helper()
	name, err := os.ReadFile(filepath.Join(data, currentFile))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(name))
}

// TestAbandonedBuildsAreRemovedOnTheNextRun fakes a crash loop: unfinished
// builds whose lock files name a process that is gone, beside the index in
// use, one build that a live process holds the lock of and one from
// before builds had locks. The next run (opening the store, as `lectern
// ask` or `serve` do) removes the abandoned ones at once, whatever their
// age; the live one and the lockless young one stay; a reindex then
// leaves the new index and the live build only.
func TestAbandonedBuildsAreRemovedOnTheNextRun(t *testing.T) {
	ctx := context.Background()
	corpus, data := copySeeds(t), t.TempDir()
	s := openTestStore(t, data, corpus, NewLocalEmbedder())
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	inUse := currentBuild(t, data)
	dead := deadPID(t)
	var abandoned []string
	name := func(d time.Duration) string { return strconv.FormatInt(time.Now().Add(d).UnixNano(), 10) }
	for i := range 7 { // a minute old or less: younger than any age rule
		abandoned = append(abandoned, leaveBuild(t, data, name(-time.Duration(i)*time.Second), dead))
	}
	// A finished build whose owner died before switching to it.
	finishedDead := leaveBuild(t, data, name(time.Minute), dead)
	writeTestFile(t, filepath.Join(finishedDead, metaFile), "{}")
	abandoned = append(abandoned, finishedDead)

	live := leaveBuild(t, data, name(-time.Second/2), os.Getpid())
	held := flock.New(filepath.Join(live, buildLockFile))
	if ok, err := held.TryLock(); err != nil || !ok {
		t.Fatalf("lock the live build: %v %v", ok, err)
	}
	defer held.Unlock()
	lockless := leaveBuild(t, data, name(-time.Minute), 0)

	// The next run.
	s = openTestStore(t, data, corpus, NewLocalEmbedder())
	if err := s.Ready(); err != nil {
		t.Fatalf("the index in use was lost: %v", err)
	}
	for _, dir := range abandoned {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("abandoned build %s is still there (%v)", filepath.Base(dir), err)
		}
	}
	want := []string{inUse, filepath.Base(live), filepath.Base(lockless)}
	slices.Sort(want)
	if got := builds(t, data); !slices.Equal(got, want) {
		t.Errorf("after the next run the builds are %v, want %v (in use, live, lockless)", got, want)
	}

	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	want = []string{currentBuild(t, data), filepath.Base(live), filepath.Base(lockless)}
	slices.Sort(want)
	if got := builds(t, data); !slices.Equal(got, want) {
		t.Errorf("after a reindex the builds are %v, want %v (new, live, lockless)", got, want)
	}
	if _, err := os.Stat(filepath.Join(data, indexesFolder, currentBuild(t, data), buildLockFile)); !os.IsNotExist(err) {
		t.Errorf("the index in use kept its lock file (%v)", err)
	}
}

// TestStaleTemporaryFilesAreRemoved: the temporary file of a write cut
// short (a kill -9 while the embedding cache was saved) goes at the next
// run once an hour old; a younger one may be another process's write and
// stays, and so do files that are not temporary.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	data := t.TempDir()
	cache := filepath.Dir(cachePath(data, "x"))
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Hour)
	files := []struct {
		path  string
		old   bool
		stays bool
	}{
		{filepath.Join(cache, "embeddings-0123456789abcdef.gob.tmp-4711"), true, false},
		{filepath.Join(data, currentFile+".tmp-4712"), true, false},
		{filepath.Join(cache, "embeddings-0123456789abcdef.gob.tmp-4713"), false, true},
		{filepath.Join(cache, "embeddings-0123456789abcdef.gob"), true, true},
		{filepath.Join(data, "feedback.jsonl"), true, true},
	}
	for _, f := range files {
		writeTestFile(t, f.path, "x")
		if f.old {
			if err := os.Chtimes(f.path, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	openTestStore(t, data, copySeeds(t), NewLocalEmbedder())
	for _, f := range files {
		_, err := os.Stat(f.path)
		if stays := err == nil; stays != f.stays {
			t.Errorf("%s: still there %v, want %v", filepath.Base(f.path), stays, f.stays)
		}
	}
}

// crashChildEnv names the data folder of TestCrashLoopChild, which runs
// only as the child of TestCrashLoopLeavesOnlyTheIndexInUse.
const crashChildEnv = "LECTERN_CRASH_CHILD_DATA"

// TestCrashLoopChild, run as a child process, reindexes the seeds into
// the data folder named by crashChildEnv and, once its build folder is
// locked, says "storing" and waits to be killed.
func TestCrashLoopChild(t *testing.T) {
	data := os.Getenv(crashChildEnv)
	if data == "" {
		t.Skip("runs only as the child of TestCrashLoopLeavesOnlyTheIndexInUse")
	}
	s, err := OpenStore(context.Background(), StoreConfig{DataDir: data, CorpusDir: "../seeds", Embedder: NewLocalEmbedder(), Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Reindex(context.Background(), func(p Progress) {
		if p.Stage == "storing" {
			os.Stdout.WriteString("storing\n")
			select {} // until killed
		}
	})
	t.Fatalf("the reindex ended (%v) instead of waiting to be killed", err)
}

// startCrashChild starts a child that reindexes into data and returns it
// once it has locked its build folder.
func startCrashChild(t *testing.T, data string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashLoopChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+data)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.Contains(line, "storing") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child did not reach the storing stage: %q, %v", line, err)
	}
	return cmd
}

// TestCrashLoopLeavesOnlyTheIndexInUse kills reindexing processes with
// SIGKILL (kill -9) while they write their builds, three times over, then
// keeps a fourth alive mid-build: each run removes the builds of the dead
// and never the live one's, and once that one is killed too, the run
// after it leaves only the index in use.
func TestCrashLoopLeavesOnlyTheIndexInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	ctx := context.Background()
	data, corpus := t.TempDir(), copySeeds(t)
	s := openTestStore(t, data, corpus, NewLocalEmbedder())
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	inUse := currentBuild(t, data)

	// Each restart removes the build its killed predecessor left: the
	// garbage never grows past one build.
	for i := range 3 {
		child := startCrashChild(t, data)
		child.Process.Kill() // SIGKILL: no deferred function, no clean-up runs
		child.Wait()
		if got := builds(t, data); len(got) != 2 || !slices.Contains(got, inUse) {
			t.Fatalf("after kill %d mid-build, builds %v: want the index in use %s and the killed build", i+1, got, inUse)
		}
	}
	alive := startCrashChild(t, data)
	defer func() { alive.Process.Kill(); alive.Wait() }()

	s = openTestStore(t, data, corpus, NewLocalEmbedder()) // the next run
	if got := builds(t, data); len(got) != 2 || !slices.Contains(got, inUse) {
		t.Errorf("next run, one build under way: builds %v, want the index in use %s and the live child's", got, inUse)
	}
	if _, err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := builds(t, data); len(got) != 2 || !slices.Contains(got, currentBuild(t, data)) {
		t.Errorf("reindex, one build under way: builds %v, want the new index and the live child's", got)
	}

	alive.Process.Kill()
	alive.Wait()
	openTestStore(t, data, corpus, NewLocalEmbedder())
	if got := builds(t, data); !slices.Equal(got, []string{currentBuild(t, data)}) {
		t.Errorf("after the last kill, the next run leaves builds %v, want only the index in use", got)
	}
}

func writeTestFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAReindexReusesTheWindowsOfUnchangedChunks: a reindex by the same
// build takes the search windows of unchanged chunks from the index in
// use, and they are the windows a fresh split gives; an index made by
// another build lends none.
func TestAReindexReusesTheWindowsOfUnchangedChunks(t *testing.T) {
	corpus := copySeeds(t)
	s := openTestStore(t, t.TempDir(), corpus, NewLocalEmbedder())
	if known := s.knownWindows(); known != nil {
		t.Errorf("with no index, %d known windows", len(known))
	}
	if _, err := s.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	known := s.knownWindows()
	if len(known) < 50 {
		t.Fatalf("%d chunks lend their windows, want every chunk of the seeds", len(known))
	}
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(corpus, entries[0].Name())
	original, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, changed, strings.ReplaceAll(string(original), "Vietnam", "Viet Nam"))
	if _, err := s.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	reused := 0
	for _, c := range s.current.Load().chunks {
		if c.Byline {
			continue
		}
		if _, ok := known[c.Text]; ok {
			reused++
		}
		if fresh := sentenceWindows(c.Text); !slices.Equal(c.Windows, fresh) {
			t.Errorf("chunk %s has windows %v, a fresh split gives %v", c.ID, c.Windows, fresh)
		}
	}
	if reused == 0 || reused == len(known) {
		t.Errorf("%d of %d chunks reused their windows, want all but the changed file's", reused, len(known))
	}
	s.build = func() string { return "another build" }
	if known := s.knownWindows(); known != nil {
		t.Errorf("another build's index lends %d windows, want none", len(known))
	}
}
