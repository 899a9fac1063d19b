package bot

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/internal/discordtest"
	"github.com/lectern/lectern/retrieval"
)

// mod is what a moderator has in these tests.
const mod = int64(discordtest.PermissionsMember | discordtest.PermissionManageGuild)

// mekongNotes is a Markdown document to add.
const mekongNotes = "# Mekong water diplomacy\n\n" +
	"The Mekong River Commission publishes the flow data that downstream farmers in the delta depend on for planting.\n\n" +
	"Researchers measured salinity intrusion reaching sixty kilometres inland during the dry season of that year.\n"

// newTestStore is a store over a corpus of one text, indexed.
func newTestStore(t *testing.T) (*retrieval.Store, string) {
	t.Helper()
	corpus := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpus, "border.txt"), []byte("Hanoi and Beijing share a long land border.\n\nThe border was settled in 1999."), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := retrieval.OpenStore(context.Background(), retrieval.StoreConfig{DataDir: t.TempDir(), CorpusDir: corpus, Embedder: retrieval.NewLocalEmbedder()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reindex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return s, corpus
}

// fakeFetch serves documents by URL and records what it was asked.
type fakeFetch struct {
	mu    sync.Mutex
	docs  map[string]ingest.FetchedFile
	err   error
	asked []string
	opts  []ingest.FetchOptions
}

func (f *fakeFetch) fetch(_ context.Context, rawURL string, opts ingest.FetchOptions) (ingest.FetchedFile, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, rawURL)
	f.opts = append(f.opts, opts)
	if f.err != nil {
		return ingest.FetchedFile{}, f.err
	}
	d, ok := f.docs[rawURL]
	if !ok {
		return ingest.FetchedFile{}, errors.New("404 Not Found")
	}
	return d, nil
}

func (f *fakeFetch) calls() ([]string, []ingest.FetchOptions) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.asked...), append([]ingest.FetchOptions(nil), f.opts...)
}

// finalEdit waits for the edit of an interaction's reply that holds one
// of the final marks (✅, ⚠️, 🗑️) and returns its content.
func (h *harness) finalEdit(sent discordtest.Sent) string {
	h.t.Helper()
	r, err := h.srv.WaitRequest(h.ctx(), func(r discordtest.Request) bool {
		if !discordtest.IsWebhook(http.MethodPatch, sent.Token)(r) {
			return false
		}
		c, _ := r.JSON()["content"].(string)
		return strings.HasPrefix(c, "✅") || strings.HasPrefix(c, "⚠️") || strings.HasPrefix(c, "🗑️")
	})
	if err != nil {
		h.t.Fatalf("no final reply for interaction %s: %v\nlogs:\n%s", sent.ID, err, h.logs)
	}
	c, _ := r.JSON()["content"].(string)
	return c
}

// add dispatches /add with an attachment or a URL.
func (h *harness) add(user discordtest.User, perms int64, att *discordtest.Attachment, url string) discordtest.Sent {
	h.t.Helper()
	in := discordtest.Interaction{GuildID: testGuild, ChannelID: testChannel, User: user, Permissions: perms, Command: cmdAdd, Options: map[string]string{}}
	if att != nil {
		in.Attachments = map[string]discordtest.Attachment{optFile: *att}
	}
	if url != "" {
		in.Options[optURL] = url
	}
	sent, err := h.srv.Interact(h.ctx(), in)
	if err != nil {
		h.t.Fatalf("dispatch /add: %v", err)
	}
	return sent
}

const attachmentURL = "https://cdn.discordapp.com/attachments/1/2/mekong.md"

func TestAddAnAttachment(t *testing.T) {
	t.Parallel()
	store, corpus := newTestStore(t)
	ff := &fakeFetch{docs: map[string]ingest.FetchedFile{attachmentURL: {Name: "attachment-name-from-url.md", URL: attachmentURL, Data: []byte(mekongNotes)}}}
	limits := ingest.FetchOptions{MaxBytes: 1 << 20, MaxRedirects: 3}
	h := start(t, setup{editor: store, fetch: ff.fetch, fetchOptions: limits})
	sent := h.add(ada, mod, &discordtest.Attachment{Filename: "mekong.md", ContentType: "text/markdown", Size: len(mekongNotes), URL: attachmentURL}, "")
	got := h.finalEdit(sent)
	// The Markdown file's heading is its one section.
	if !strings.HasPrefix(got, "✅ Added *") || !strings.HasSuffix(got, " — 1 section, 1 passage.") || !strings.Contains(got, "Mekong water diplomacy*") {
		t.Errorf("final reply %q, want \"✅ Added *…Mekong water diplomacy* — 1 section, 1 passage.\"", got)
	}
	asked, opts := ff.calls()
	if len(asked) != 1 || asked[0] != attachmentURL || opts[0] != limits {
		t.Errorf("fetched %v with %+v; want only the attachment's URL with the configured limits", asked, opts)
	}
	// Saved under the attachment's name, not the URL's.
	if _, err := os.Stat(filepath.Join(corpus, "mekong.md")); err != nil {
		t.Errorf("mekong.md not in the corpus: %v", err)
	}
	if ps, err := store.Search(context.Background(), "salinity intrusion", 1); err != nil || len(ps) == 0 || ps[0].Source != "mekong.md" {
		t.Errorf("the new document is not searchable: %+v, %v", ps, err)
	}
	// The reply showed progress before the end.
	edits, _ := h.srv.WaitRequests(h.ctx(), 2, discordtest.IsWebhook(http.MethodPatch, sent.Token))
	if len(edits) < 2 || !strings.Contains(string(edits[0].Body), "Downloading") {
		t.Errorf("no progress shown before the result: %d edits", len(edits))
	}
}

func TestAddAURL(t *testing.T) {
	t.Parallel()
	store, _ := newTestStore(t)
	const page = "https://example.org/mekong"
	ff := &fakeFetch{docs: map[string]ingest.FetchedFile{page: {Name: "mekong.md", URL: page + "/final", Data: []byte(mekongNotes)}}}
	h := start(t, setup{editor: store, fetch: ff.fetch})
	got := h.finalEdit(h.add(ada, mod, nil, page))
	if !strings.HasPrefix(got, "✅ Added *") {
		t.Errorf("final reply %q", got)
	}
	var found bool
	for _, s := range store.Sources() {
		if s.Source == "mekong.md" && s.URL == page+"/final" {
			found = true
		}
	}
	if !found {
		t.Errorf("mekong.md with its URL is not in the reading list: %+v", store.Sources())
	}
}

func TestAddRefusals(t *testing.T) {
	t.Parallel()
	exe := "https://cdn.discordapp.com/attachments/1/2/setup.exe"
	empty := "https://cdn.discordapp.com/attachments/1/2/empty.md"
	tests := []struct {
		name     string
		perms    int64
		att      *discordtest.Attachment
		url      string
		fetchErr error
		// ephemeral: refused before deferring; else the final reply.
		ephemeral bool
		want      string
		fetched   bool
	}{
		{name: "a member who is not a moderator", perms: discordtest.PermissionsMember, url: "https://example.org/x",
			ephemeral: true, want: "Only moderators can add documents"},
		{name: "neither a file nor a URL", perms: mod, ephemeral: true, want: "Give a file (`file:`) or a URL (`url:`)"},
		{name: "both a file and a URL", perms: mod, att: &discordtest.Attachment{Filename: "a.md", Size: 10, URL: empty}, url: "https://example.org/x",
			ephemeral: true, want: "not both"},
		{name: "an attachment over the size limit is not downloaded", perms: mod, att: &discordtest.Attachment{Filename: "big.pdf", Size: 3 << 20, URL: exe},
			ephemeral: true, want: "Not added: big.pdf is too large (3.0 MB; the limit is 1.0 MB)."},
		{name: "an unsupported type", perms: mod, att: &discordtest.Attachment{Filename: "setup.exe", Size: 4, URL: exe},
			want: "⚠️ Not added: setup.exe: unsupported file type", fetched: true},
		{name: "an empty file", perms: mod, att: &discordtest.Attachment{Filename: "empty.md", Size: 1, URL: empty},
			want: "⚠️ Not added: empty.md: empty.", fetched: true},
		{name: "a fetch that fails", perms: mod, url: "http://169.254.169.254/latest/meta-data", fetchErr: errors.New("169.254.169.254 is an internal address"),
			want: "⚠️ Not added: the download failed (169.254.169.254 is an internal address).", fetched: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			store, corpus := newTestStore(t)
			ff := &fakeFetch{err: tt.fetchErr, docs: map[string]ingest.FetchedFile{
				exe:   {Name: "setup.exe", Data: []byte("MZ\x90\x00")},
				empty: {Name: "empty.md", Data: []byte("\n")},
			}}
			h := start(t, setup{editor: store, fetch: ff.fetch, fetchOptions: ingest.FetchOptions{MaxBytes: 1 << 20}})
			sent := h.add(ada, tt.perms, tt.att, tt.url)
			var got string
			if tt.ephemeral {
				got = h.ephemeral(sent)
			} else {
				got = h.finalEdit(sent)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("reply %q, want %q", got, tt.want)
			}
			if asked, _ := ff.calls(); (len(asked) > 0) != tt.fetched {
				t.Errorf("fetched %v; want a download: %v", asked, tt.fetched)
			}
			if entries, _ := os.ReadDir(corpus); len(entries) != 1 {
				t.Errorf("the corpus folder holds %d files, want only border.txt", len(entries))
			}
		})
	}
}

// blockingEditor adds nothing until released.
type blockingEditor struct {
	entered chan struct{}
	release chan struct{}
}

func (e *blockingEditor) Add(ctx context.Context, name string, data []byte, entry retrieval.ManifestEntry, progress func(retrieval.Progress)) (retrieval.Added, error) {
	close(e.entered)
	for {
		progress(retrieval.Progress{Stage: "embedding", Files: 6, Chunks: 90, Embedded: 1})
		select {
		case <-e.release:
			return retrieval.Added{Source: retrieval.SourceStats{SourceInfo: retrieval.SourceInfo{Source: name, Title: "Report"}, Chunks: 61, Pages: 23}}, nil
		case <-ctx.Done():
			return retrieval.Added{}, ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func (e *blockingEditor) Remove(context.Context, string, func(retrieval.Progress)) (retrieval.Removed, error) {
	return retrieval.Removed{}, errors.New("not in this test")
}

func TestAnswersKeepComingWhileADocumentIsAdded(t *testing.T) {
	t.Parallel()
	ed := &blockingEditor{entered: make(chan struct{}), release: make(chan struct{})}
	ff := &fakeFetch{docs: map[string]ingest.FetchedFile{attachmentURL: {Name: "report.pdf", Data: []byte("%PDF")}}}
	h := start(t, setup{editor: ed, fetch: ff.fetch})
	sent := h.add(grace, mod, &discordtest.Attachment{Filename: "report.pdf", Size: 4, URL: attachmentURL}, "")
	<-ed.entered
	// A second change waits for the first.
	second := h.add(ada, mod, &discordtest.Attachment{Filename: "other.pdf", Size: 4, URL: attachmentURL}, "")
	if got := h.ephemeral(second); !strings.Contains(got, "already running") {
		t.Errorf("a second /add while one runs: %q", got)
	}
	final := h.final(h.ask(ada, "What are the Three Nos?"))
	if !strings.Contains(string(final.Body), "Three Nos") {
		t.Errorf("answer while adding = %s", final.Body)
	}
	close(ed.release)
	if got := h.finalEdit(sent); got != "✅ Added *Report* — 23 pages, 61 passages." {
		t.Errorf("final reply %q", got)
	}
}

func TestRemoveWithAutocomplete(t *testing.T) {
	t.Parallel()
	store, corpus := newTestStore(t)
	if _, err := store.Add(context.Background(), "mekong.md", []byte(mekongNotes), retrieval.ManifestEntry{Title: "Mekong Water Diplomacy"}, nil); err != nil {
		t.Fatal(err)
	}
	lib := &fakeLibrary{sources: store.Sources()}
	h := start(t, setup{editor: store, library: lib})

	// Typing "water" suggests the title, valued by its file name.
	sent, err := h.srv.Interact(h.ctx(), discordtest.Interaction{GuildID: testGuild, ChannelID: testChannel, User: ada, Permissions: mod,
		Command: cmdRemove, Options: map[string]string{optSource: "WATER"}, Autocomplete: true, Focused: optSource})
	if err != nil {
		t.Fatal(err)
	}
	cb := h.callback(sent)
	raw, _ := json.Marshal(cb)
	var got struct {
		Type int `json:"type"`
		Data struct {
			Choices []struct{ Name, Value string } `json:"choices"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &got); err != nil || got.Type != 8 || len(got.Data.Choices) != 1 ||
		got.Data.Choices[0].Name != "Mekong Water Diplomacy" || got.Data.Choices[0].Value != "mekong.md" {
		t.Errorf("autocomplete = %s, want one choice: Mekong Water Diplomacy → mekong.md", raw)
	}

	refused := h.slash(ada, discordtest.PermissionsMember, cmdRemove, map[string]string{optSource: "mekong.md"})
	if got := h.ephemeral(refused); !strings.Contains(got, "Only moderators") {
		t.Errorf("a member's /remove: %q", got)
	}
	unknown := h.slash(ada, mod, cmdRemove, map[string]string{optSource: "no such thing"})
	if got := h.finalEdit(unknown); !strings.Contains(got, "Nothing removed: no document") {
		t.Errorf("an unknown source: %q", got)
	}
	removed := h.slash(ada, mod, cmdRemove, map[string]string{optSource: "mekong.md"})
	if got := h.finalEdit(removed); got != "🗑️ Removed *Mekong Water Diplomacy* (`mekong.md`)." {
		t.Errorf("remove: %q", got)
	}
	if _, err := os.Stat(filepath.Join(corpus, "mekong.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("mekong.md is still in the corpus: %v", err)
	}
}

func TestSourceChoices(t *testing.T) {
	var list []retrieval.SourceStats
	for i := range 40 {
		list = append(list, retrieval.SourceStats{SourceInfo: retrieval.SourceInfo{Source: strings.Repeat("f", i%3+1) + ".pdf", Title: strings.Repeat("Long title ", 20)}})
	}
	list = append(list, retrieval.SourceStats{SourceInfo: retrieval.SourceInfo{Source: strings.Repeat("x", 101) + ".txt", Title: "Too long a file name"}})
	got := sourceChoices(list, "")
	if len(got) != maxChoices {
		t.Errorf("%d choices, want %d", len(got), maxChoices)
	}
	for _, c := range got {
		if textLen(c.Name) > 100 {
			t.Errorf("choice name of %d characters", textLen(c.Name))
		}
	}
	if got := sourceChoices(list, "too long"); len(got) != 0 {
		t.Errorf("a file name over 100 characters was offered: %+v", got)
	}
}

// requireFetch skips a test when ingest.Fetch cannot fetch from a server
// on 127.0.0.1 with private addresses allowed: the corpus branch's
// stand-in package ingest has no Fetch; the merged one has.
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

// TestAddEndToEnd downloads with the real ingest.Fetch: the attachment and
// the web page are served from 127.0.0.1, which only allow_private_urls
// lets through.
func TestAddEndToEnd(t *testing.T) {
	requireFetch(t)
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/attachments/1/2/mekong.md":
			w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
			io.WriteString(w, mekongNotes)
		case "/article.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<!doctype html><html><head><title>Salt in the Delta</title></head><body><nav>Home | About</nav>`+
				`<article><h1>Salt in the Delta</h1><p>Researchers measured salinity intrusion reaching sixty kilometres inland during the dry season.</p>`+
				`<p>Farmers switched from rice to shrimp where the water turned brackish.</p></article><footer>© 2024</footer></body></html>`)
		case "/redirect":
			http.Redirect(w, r, "/article.html", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer web.Close()
	att := &discordtest.Attachment{Filename: "mekong.md", ContentType: "text/markdown", Size: len(mekongNotes), URL: web.URL + "/attachments/1/2/mekong.md"}
	tests := []struct {
		name         string
		allowPrivate bool
		att          *discordtest.Attachment
		url          string
		want         string
	}{
		{"an attachment", true, att, "", "✅ Added *"},
		{"a web page", true, nil, web.URL + "/article.html", "✅ Added *"},
		{"an internal address is refused", false, nil, web.URL + "/article.html", "⚠️ Not added: the download failed"},
		{"an attachment on an internal address is refused", false, att, "", "⚠️ Not added: the download failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store, corpus := newTestStore(t)
			opts := ingest.FetchOptions{AllowPrivate: tt.allowPrivate, MaxBytes: 1 << 20, Timeout: 5e9, MaxRedirects: 3}
			h := start(t, setup{editor: store, fetchOptions: opts})
			got := h.finalEdit(h.add(ada, mod, tt.att, tt.url))
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("reply %q, want %q…", got, tt.want)
			}
			entries, _ := os.ReadDir(corpus)
			if added := len(entries) > 1; added != tt.allowPrivate {
				t.Errorf("%d files in the corpus; want the document added: %v", len(entries), tt.allowPrivate)
			}
		})
	}
}

func TestAddAndRemoveAreRegisteredForModerators(t *testing.T) {
	t.Parallel()
	for _, withEditor := range []bool{false, true} {
		s := setup{}
		if withEditor {
			s.editor = &blockingEditor{}
		}
		h := start(t, s)
		byName := map[string]map[string]any{}
		for _, c := range h.srv.Commands(testGuild) {
			byName[c["name"].(string)] = c
		}
		if !withEditor {
			if byName[cmdAdd] != nil || byName[cmdRemove] != nil {
				t.Error("/add or /remove registered without an editor")
			}
			continue
		}
		for _, name := range []string{cmdAdd, cmdRemove} {
			c := byName[name]
			if c == nil || c["default_member_permissions"] != "32" {
				t.Fatalf("/%s = %v, want it registered for Manage Server", name, c)
			}
		}
		opts := byName[cmdAdd]["options"].([]any)
		file, url := opts[0].(map[string]any), opts[1].(map[string]any)
		if file["name"] != optFile || file["type"] != float64(11) || url["name"] != optURL || url["type"] != float64(3) {
			t.Errorf("/add options = %v, want file (attachment) and url (string)", opts)
		}
		source := byName[cmdRemove]["options"].([]any)[0].(map[string]any)
		if source["name"] != optSource || source["autocomplete"] != true || source["required"] != true {
			t.Errorf("/remove option = %v, want a required source with autocomplete", source)
		}
	}
}
