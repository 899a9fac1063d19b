package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/retrieval"
)

// mekongNotes is a Markdown document none of the seeds holds.
const mekongNotes = "# Mekong water diplomacy\n\n" +
	"The Mekong River Commission publishes the flow data that downstream farmers in the delta depend on for planting.\n\n" +
	"Researchers measured salinity intrusion reaching sixty kilometres inland during the dry season of that year.\n"

// corpusConfig writes a config whose corpus is a copy of the seeds and
// returns its path and the corpus folder.
func corpusConfig(t *testing.T, extra string) (string, string) {
	t.Helper()
	corpus := t.TempDir()
	copyDir(t, "seeds", corpus)
	path := filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, path, "[corpus]\ndir = \""+filepath.ToSlash(corpus)+"\"\n"+extra)
	return path, corpus
}

func TestAddThenRemoveFromTheCommandLine(t *testing.T) {
	cfg, corpus := corpusConfig(t, "")
	manifest, _ := os.ReadFile(filepath.Join(corpus, "sources.toml"))
	data := t.TempDir()
	if code, _, stderr := lectern(t, data, "index", "--config", cfg); code != 0 {
		t.Fatalf("index: exit %d: %s", code, stderr)
	}
	notes := filepath.Join(t.TempDir(), "mekong.md")
	writeFile(t, notes, mekongNotes)

	code, stdout, stderr := lectern(t, data, "add", notes, "--config", cfg, "--title", "Mekong Water Diplomacy", "--author", "Nguyen Van A", "--author", "Tran Thi B")
	if code != 0 {
		t.Fatalf("add: exit %d: %s", code, stderr)
	}
	if want := "Added “Mekong Water Diplomacy” (mekong.md): "; !strings.HasPrefix(stdout, want) || !strings.Contains(stdout, "passages.") {
		t.Errorf("add printed %q, want %q… with its passages", stdout, want)
	}
	edited, _ := os.ReadFile(filepath.Join(corpus, "sources.toml"))
	if !bytes.HasPrefix(edited, manifest) || !bytes.Contains(edited, []byte(`authors = ["Nguyen Van A", "Tran Thi B"]`)) {
		t.Errorf("sources.toml does not keep its entries and add the new one:\n%s", edited)
	}
	code, stdout, _ = lectern(t, data, "search", "--json", "-k", "1", "--config", cfg, "salinity intrusion")
	if code != 0 || !strings.Contains(stdout, `"source": "mekong.md"`) {
		t.Errorf("search after add: exit %d, %s", code, stdout)
	}
	// The next index finds everything embedded already.
	code, stdout, _ = lectern(t, data, "index", "--json", "--config", cfg)
	var report retrieval.Report
	if err := json.Unmarshal([]byte(stdout), &report); code != 0 || err != nil || report.Embedded != 0 || report.Files != 6 {
		t.Errorf("index after add: exit %d, %+v, %v; want 6 files and nothing embedded", code, report, err)
	}

	code, stdout, stderr = lectern(t, data, "remove", "--config", cfg, "water diplomacy")
	if code != 0 || stdout != "Removed “Mekong Water Diplomacy” (mekong.md).\n" {
		t.Fatalf("remove: exit %d, %q, %s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(corpus, "sources.toml")); !bytes.Equal(after, manifest) {
		t.Errorf("sources.toml after remove:\n%s\nwant it as before add", after)
	}
	if _, err := os.Stat(filepath.Join(corpus, "mekong.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("mekong.md is still in the corpus: %v", err)
	}
}

func TestAddAndRemoveMistakes(t *testing.T) {
	cfg, corpus := corpusConfig(t, "[ingest]\nmax_file_mb = 1\n")
	dir := t.TempDir()
	exe := filepath.Join(dir, "setup.exe")
	writeFile(t, exe, "MZ")
	empty := filepath.Join(dir, "empty.md")
	writeFile(t, empty, "")
	big := filepath.Join(dir, "big.txt")
	writeFile(t, big, strings.Repeat("A sentence of a big file. ", 50000))
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"add needs a target", []string{"add"}, 2, "give one file or URL"},
		{"an unsupported file", []string{"add", exe}, 1, "not added: setup.exe: unsupported file type"},
		{"an empty file", []string{"add", empty}, 1, "not added: empty.md: empty"},
		{"a file over max_file_mb", []string{"add", big}, 1, "not added: big.txt: too large"},
		{"a missing file", []string{"add", filepath.Join(dir, "nope.pdf")}, 1, "nope.pdf"},
		{"a URL that is not HTTP", []string{"add", "ftp://example.org/a.pdf"}, 1, "only http and https URLs"},
		{"a file: URL", []string{"add", "file:///etc/passwd"}, 1, "only http and https URLs"},
		{"remove needs a source", []string{"remove"}, 2, "give a file name or part of a title"},
		{"an ambiguous source", []string{"remove", "China"}, 1, "matches 5 sources"},
		{"an unknown source", []string{"remove", "Mekong"}, 1, `no source of the reading list is "Mekong"`},
	}
	data := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := lectern(t, data, append(tt.args, "--config", cfg)...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
		})
	}
	entries, _ := os.ReadDir(corpus)
	if len(entries) != 6 {
		t.Errorf("the corpus folder holds %d entries after refusals, want the 6 seeds' files", len(entries))
	}
}

// testApp opens the app for a config file, as the commands do.
func testApp(t *testing.T, cfgPath string) *app {
	t.Helper()
	t.Setenv("LECTERN_DATA_DIR", t.TempDir())
	e := &env{configPath: cfgPath, stdout: io.Discard, stderr: io.Discard}
	a, err := e.open(context.Background(), person)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAddFetchesAURLWithTheIngestLimits(t *testing.T) {
	for _, allow := range []bool{false, true} {
		extra := "[ingest]\nmax_file_mb = 3\nfetch_timeout = \"7s\"\n"
		if allow {
			extra += "allow_private_urls = true\n"
		}
		cfg, corpus := corpusConfig(t, extra)
		a := testApp(t, cfg)
		var got ingest.FetchOptions
		fetch := func(_ context.Context, rawURL string, opts ingest.FetchOptions) (ingest.FetchedFile, error) {
			got = opts
			return ingest.FetchedFile{Name: "mekong.md", URL: rawURL + "#final", ContentType: "text/markdown", Data: []byte(mekongNotes)}, nil
		}
		var out bytes.Buffer
		if err := addDocument(context.Background(), a, "https://example.org/mekong", addOptions{}, fetch, &out); err != nil {
			t.Fatal(err)
		}
		if got.AllowPrivate != allow || got.MaxBytes != 3<<20 || got.Timeout.String() != "7s" || got.MaxRedirects <= 0 {
			t.Errorf("allow_private_urls = %v: fetched with %+v", allow, got)
		}
		manifest, _ := os.ReadFile(filepath.Join(corpus, "sources.toml"))
		if !strings.Contains(string(manifest), `url = "https://example.org/mekong#final"`) {
			t.Errorf("the manifest does not record the URL:\n%s", manifest)
		}
		if !strings.HasPrefix(out.String(), "Added “Mekong water diplomacy” (mekong.md)") && !strings.HasPrefix(out.String(), "Added “# Mekong water diplomacy” (mekong.md)") {
			t.Errorf("add printed %q", out.String())
		}
	}
	cfg, _ := corpusConfig(t, "")
	a := testApp(t, cfg)
	failing := func(context.Context, string, ingest.FetchOptions) (ingest.FetchedFile, error) {
		return ingest.FetchedFile{}, errors.New("refused: 127.0.0.1 is an internal address")
	}
	err := addDocument(context.Background(), a, "http://127.0.0.1:1/x", addOptions{}, failing, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "internal address") {
		t.Errorf("a failed fetch: %v, want its reason", err)
	}
}

// requireFetch skips a test when ingest.Fetch cannot fetch from a server
// on 127.0.0.1 with private addresses allowed: the corpus branch's
// stand-in for package ingest has no Fetch; the merged one has.
func requireFetch(t *testing.T) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "probe")
	}))
	defer srv.Close()
	if _, err := ingest.Fetch(context.Background(), srv.URL+"/probe.txt", ingest.FetchOptions{AllowPrivate: true, MaxBytes: 1 << 20, Timeout: 5e9, MaxRedirects: 1}); err != nil {
		t.Skipf("ingest.Fetch cannot fetch here (%v): the stand-in package ingest", err)
	}
}

func TestAddURLEndToEnd(t *testing.T) {
	requireFetch(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/notes/mekong.md":
			w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
			io.WriteString(w, mekongNotes)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for _, tt := range []struct {
		name, extra, url, want string
	}{
		{"allowed", "[ingest]\nallow_private_urls = true\n", srv.URL + "/notes/mekong.md", "Added"},
		{"refused by default", "", srv.URL + "/notes/mekong.md", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, corpus := corpusConfig(t, tt.extra)
			code, stdout, stderr := lectern(t, t.TempDir(), "add", tt.url, "--config", cfg)
			_, statErr := os.Stat(filepath.Join(corpus, "mekong.md"))
			if tt.want != "" && (code != 0 || !strings.HasPrefix(stdout, tt.want) || statErr != nil) {
				t.Errorf("exit %d, %q, %s; want it added", code, stdout, stderr)
			}
			if tt.want == "" && (code != 1 || statErr == nil) {
				t.Errorf("exit %d, %q; want the internal address refused and nothing saved", code, stderr)
			}
		})
	}
}

func TestIndexNamesManifestTypos(t *testing.T) {
	cfg, corpus := corpusConfig(t, "")
	f, err := os.OpenFile(filepath.Join(corpus, "sources.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n[[source]]\nfile = \"004_8e1c7fdfb2e44626.txt\"\ntitel = \"A typo\"\n\n[[source]]\nfile = \"gone.pdf\"\n")
	f.Close()
	code, stdout, stderr := lectern(t, t.TempDir(), "index", "--config", cfg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`sources.toml: unknown key "titel" in the entry for 004_8e1c7fdfb2e44626.txt`, "gone.pdf: listed in sources.toml but not in the corpus folder"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the index report lacks %q:\n%s", want, stdout)
		}
	}
}
