package retrieval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// writeCorpus makes a corpus folder holding files, named relative to it.
func writeCorpus(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// symlink makes a link at dir/name to target, or skips the test where links
// cannot be made.
func symlink(t *testing.T, target, dir, name string) {
	t.Helper()
	if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
}

func sources(docs []Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Info.Source)
	}
	return out
}

// reasons maps each skipped path to its reason.
func reasons(skipped []Skipped) map[string]string {
	out := map[string]string{}
	for _, s := range skipped {
		out[s.Path] = s.Reason
	}
	return out
}

const goodManifest = `
[[source]]
file = "a.txt"
title = "  The Title From The Manifest  "
authors = ["Lye Liang Fook"]
publisher = "ISEAS"
date = "2023-09"
url = "https://example.org/a"

[[source]]
file = "b.md"
publisher = "Only a publisher"

[[source]]
title = "An entry without a file is ignored"
`

func TestLoadCorpus(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, dir string) // links and other things WriteFile cannot make
		// want lists the sources loaded, in order; skip maps each path
		// skipped to a word its reason must contain.
		want []string
		skip map[string]string
	}{
		{name: ".txt and .md files are loaded in name order",
			files: map[string]string{"b.md": "# Notes\nSome notes.", "a.txt": "A text.", "C.TXT": "Upper case extension."},
			want:  []string{"C.TXT", "a.txt", "b.md"}},
		{name: "other files and folders are named, so that a dropped file is not lost without a word",
			files: map[string]string{"a.txt": "A text.", "slides.key": "x", "README": "x", "sub/inner.txt": "x", "dir.txt/x.txt": "x"},
			want:  []string{"a.txt"},
			skip: map[string]string{"slides.key": "only " + supportedKinds() + " files are read", "README": ".txt",
				"sub": "a folder: only the files directly in the corpus folder are read", "dir.txt": "a folder"}},
		{name: "hidden files and folders are ignored",
			files: map[string]string{"a.txt": "A text.", ".hidden.txt": "x", ".git/config": "x", ".DS_Store": "x"},
			want:  []string{"a.txt"}},
		{name: "an empty file is skipped",
			files: map[string]string{"a.txt": "A text.", "empty.txt": ""},
			want:  []string{"a.txt"}, skip: map[string]string{"empty.txt": "empty"}},
		{name: "a file of white space is skipped as empty",
			files: map[string]string{"a.txt": "A text.", "blank.md": " \n\t\r\n"},
			want:  []string{"a.txt"}, skip: map[string]string{"blank.md": "empty"}},
		{name: "a file of furniture only is skipped",
			files: map[string]string{"a.txt": "A text.", "nav.txt": "top of page\nLeave a comment\nBack to Top\n"},
			want:  []string{"a.txt"}, skip: map[string]string{"nav.txt": "no text left after cleaning"}},
		{name: "a binary file is skipped",
			files: map[string]string{"a.txt": "A text.", "image.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
			want:  []string{"a.txt"}, skip: map[string]string{"image.txt": "binary"}},
		{name: "a file that is not UTF-8 is skipped",
			files: map[string]string{"a.txt": "A text.", "latin1.txt": "Vi\xeat Nam, caf\xe9"},
			want:  []string{"a.txt"}, skip: map[string]string{"latin1.txt": "UTF-8"}},
		{name: "a file over MaxFileSize is skipped",
			files: map[string]string{"a.txt": "A text.", "big.txt": ""},
			setup: func(t *testing.T, dir string) {
				if err := os.Truncate(filepath.Join(dir, "big.txt"), MaxFileSize+1); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"a.txt"}, skip: map[string]string{"big.txt": "too large"}},
		{name: "a link to a file outside the folder is not followed",
			files: map[string]string{"a.txt": "A text."},
			setup: func(t *testing.T, dir string) {
				outside := writeCorpus(t, map[string]string{"secret.txt": "Not part of the corpus."})
				symlink(t, filepath.Join(outside, "secret.txt"), dir, "leak.txt")
				symlink(t, "../"+filepath.Base(outside)+"/secret.txt", dir, "relative-leak.txt")
			},
			want: []string{"a.txt"},
			skip: map[string]string{"leak.txt": "outside the corpus folder", "relative-leak.txt": "outside the corpus folder"}},
		{name: "a link to a link leading outside is not followed",
			files: map[string]string{"a.txt": "A text."},
			setup: func(t *testing.T, dir string) {
				outside := writeCorpus(t, map[string]string{"secret.txt": "Not part of the corpus."})
				symlink(t, filepath.Join(outside, "secret.txt"), dir, ".hop")
				symlink(t, ".hop", dir, "leak.md")
			},
			want: []string{"a.txt"}, skip: map[string]string{"leak.md": "outside the corpus folder"}},
		{name: "a link to a file inside the folder is loaded under its own name",
			files: map[string]string{"a.txt": "A text.", "archive/old.txt": "An older text."},
			setup: func(t *testing.T, dir string) {
				symlink(t, "archive/old.txt", dir, "old.txt")
				symlink(t, filepath.Join(dir, "a.txt"), dir, "same-as-a.md")
			},
			want: []string{"a.txt", "old.txt", "same-as-a.md"}, skip: map[string]string{"archive": "a folder"}},
		{name: "a broken link is skipped",
			files: map[string]string{"a.txt": "A text."},
			setup: func(t *testing.T, dir string) { symlink(t, "missing.txt", dir, "dangling.txt") },
			want:  []string{"a.txt"}, skip: map[string]string{"dangling.txt": "cannot follow link"}},
		{name: "a link to a folder is skipped",
			files: map[string]string{"a.txt": "A text.", "sub/x.txt": "x"},
			setup: func(t *testing.T, dir string) { symlink(t, "sub", dir, "folder.txt") },
			want:  []string{"a.txt"}, skip: map[string]string{"folder.txt": "not a regular file", "sub": "a folder"}},
		{name: "a broken manifest is skipped and titles come from the texts",
			files: map[string]string{"a.txt": "First line\nof a.", ManifestFile: "[[source]]\nfile = \"a.txt\"\ntitle = \"unterminated\n"},
			want:  []string{"a.txt"}, skip: map[string]string{ManifestFile: "broken manifest"}},
		{name: "a manifest of the wrong shape is skipped",
			files: map[string]string{"a.txt": "A text.", ManifestFile: "[[source]]\nfile = 7\n"},
			want:  []string{"a.txt"}, skip: map[string]string{ManifestFile: "broken manifest"}},
		{name: "a manifest that is a folder is skipped",
			files: map[string]string{"a.txt": "A text.", ManifestFile + "/x": ""},
			want:  []string{"a.txt"}, skip: map[string]string{ManifestFile: "broken manifest"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeCorpus(t, tt.files)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			docs, skipped, err := LoadCorpus(context.Background(), dir)
			if err != nil {
				t.Fatalf("LoadCorpus: %v", err)
			}
			if got := strings.Join(sources(docs), " "); got != strings.Join(tt.want, " ") {
				t.Errorf("loaded %q, want %q", got, strings.Join(tt.want, " "))
			}
			got := reasons(skipped)
			if len(got) != len(skipped) || len(got) != len(tt.skip) {
				t.Errorf("skipped %v, want %v", skipped, tt.skip)
			}
			for path, word := range tt.skip {
				if !strings.Contains(got[path], word) {
					t.Errorf("%s: skipped for %q, want a reason saying %q", path, got[path], word)
				}
			}
			for _, s := range skipped {
				if strings.Contains(s.Reason, dir) {
					t.Errorf("%s: reason %q repeats the corpus path", s.Path, s.Reason)
				}
			}
			for _, d := range docs {
				if d.Text == "" || d.Info.Title == "" || !utf8.ValidString(d.Text) {
					t.Errorf("%s: text %q, title %q", d.Info.Source, d.Text, d.Info.Title)
				}
			}
		})
	}
}

func TestLoadCorpusInfo(t *testing.T) {
	long := strings.Repeat("Vietnam balances between China and the United States ", 4)
	dir := writeCorpus(t, map[string]string{
		ManifestFile: goodManifest,
		"a.txt":      "top of page\n\nA heading in the text\n\nBody of a.",
		"b.md":       "Notes on the visit\n\nSome notes.",
		"c.txt":      "\n\n  A title\nwrapped over two lines  \n\nBody.",
		"d.txt":      long + "\n\nBody.",
		"e.txt":      "Hanoi–Beijing: " + strings.Repeat("á", 150),
		"f.md":       "# Markdown title\nFirst paragraph.",
	})
	docs, skipped, err := LoadCorpus(context.Background(), dir)
	if err != nil || len(skipped) != 0 {
		t.Fatalf("LoadCorpus: %v, skipped %v", err, skipped)
	}
	bySource := map[string]Document{}
	for _, d := range docs {
		bySource[d.Info.Source] = d
	}
	tests := []struct {
		source string
		want   SourceInfo
	}{
		{"a.txt", SourceInfo{Source: "a.txt", Title: "The Title From The Manifest", Authors: []string{"Lye Liang Fook"},
			Publisher: "ISEAS", Date: "2023-09", URL: "https://example.org/a"}},
		// An entry without a title keeps its other fields; the title comes from the text.
		{"b.md", SourceInfo{Source: "b.md", Title: "Notes on the visit", Publisher: "Only a publisher"}},
		{"c.txt", SourceInfo{Source: "c.txt", Title: "A title wrapped over two lines"}},
		// A long first line is cut at a word boundary within 120 characters.
		{"d.txt", SourceInfo{Source: "d.txt", Title: "Vietnam balances between China and the United States Vietnam balances between China and the United States Vietnam…"}},
		// A long first line without spaces after the start is cut at 120 runes, never inside one.
		{"e.txt", SourceInfo{Source: "e.txt", Title: string([]rune("Hanoi–Beijing: " + strings.Repeat("á", 150))[:120]) + "…"}},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			d, ok := bySource[tt.source]
			if !ok {
				t.Fatalf("%s not loaded", tt.source)
			}
			if got := d.Info; got.Source != tt.want.Source || got.Title != tt.want.Title || strings.Join(got.Authors, ";") != strings.Join(tt.want.Authors, ";") ||
				got.Publisher != tt.want.Publisher || got.Date != tt.want.Date || got.URL != tt.want.URL {
				t.Errorf("Info = %+v\nwant   %+v", got, tt.want)
			}
		})
	}
	if got := bySource["a.txt"].Text; got != "A heading in the text\n\nBody of a." {
		t.Errorf("a.txt was not cleaned: %q", got)
	}
	// A Markdown heading on the first line is the title, without the text after it.
	if got := strings.TrimLeft(bySource["f.md"].Info.Title, "# "); got != "Markdown title" {
		t.Errorf("f.md: title %q, want the heading", bySource["f.md"].Info.Title)
	}
}

func TestLoadCorpusSeeds(t *testing.T) {
	docs, skipped, err := LoadCorpus(context.Background(), "../seeds")
	if err != nil || len(skipped) != 0 {
		t.Fatalf("LoadCorpus(seeds): %v, skipped %v", err, skipped)
	}
	for _, d := range docs {
		if d.Info.Title == "" || strings.HasPrefix(d.Info.Title, " ") {
			t.Errorf("%s: title %q", d.Info.Source, d.Info.Title)
		}
	}
	if got := docs[0].Info; got.Source != "000_2fcd0d9d62d4afb9.txt" || got.Publisher != "European Guanxi" || len(got.Authors) != 2 {
		t.Errorf("the manifest entry of the first seed was not applied: %+v", got)
	}
}

// TestLoadCorpusThroughALink loads a corpus folder named by a path that
// passes through a link, as t.TempDir does on macOS (/var → /private/var):
// its own files are inside it, not "outside the corpus folder".
func TestLoadCorpusThroughALink(t *testing.T) {
	real := writeCorpus(t, map[string]string{"a.txt": "A text.", "b.md": "B text."})
	parent := t.TempDir()
	symlink(t, real, parent, "corpus")
	symlink(t, "a.txt", real, "c.txt")
	docs, skipped, err := LoadCorpus(context.Background(), filepath.Join(parent, "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sources(docs), " "); got != "a.txt b.md c.txt" || len(skipped) != 0 {
		t.Errorf("loaded %q, skipped %v; want a.txt b.md c.txt and none", got, skipped)
	}
}

func TestLoadCorpusErrors(t *testing.T) {
	t.Run("a missing folder is an error", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "nope")
		_, _, err := LoadCorpus(context.Background(), missing)
		if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) {
			t.Errorf("err = %v, want a not-exist error naming %s", err, missing)
		}
	})
	t.Run("a file in place of the folder is an error", func(t *testing.T) {
		dir := writeCorpus(t, map[string]string{"a.txt": "A text."})
		if _, _, err := LoadCorpus(context.Background(), filepath.Join(dir, "a.txt")); err == nil {
			t.Error("err = nil, want an error")
		}
	})
	t.Run("a cancelled context stops the load", func(t *testing.T) {
		dir := writeCorpus(t, map[string]string{"a.txt": "A text."})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		docs, _, err := LoadCorpus(ctx, dir)
		if !errors.Is(err, context.Canceled) || docs != nil {
			t.Errorf("LoadCorpus = %d documents, %v; want none and context.Canceled", len(docs), err)
		}
	})
	t.Run("an unreadable file is skipped", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads every file")
		}
		dir := writeCorpus(t, map[string]string{"a.txt": "A text.", "locked.txt": "Locked."})
		if err := os.Chmod(filepath.Join(dir, "locked.txt"), 0); err != nil {
			t.Fatal(err)
		}
		docs, skipped, err := LoadCorpus(context.Background(), dir)
		if err != nil || len(docs) != 1 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "unreadable") {
			t.Errorf("LoadCorpus = %d documents, skipped %v, %v; want a.txt, and locked.txt skipped as unreadable", len(docs), skipped, err)
		}
	})
}

// FuzzLoadCorpus writes arbitrary bytes to a corpus file and loads it: no
// panic, no error, and the file is either loaded as clean UTF-8 or skipped
// with a reason, never both.
func FuzzLoadCorpus(f *testing.F) {
	f.Add([]byte("A title\n\nA body of text.\r\n"))
	f.Add([]byte("\uFEFFtop of page\nLeave a comment"))
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00"))
	f.Add([]byte("Vi\xeat Nam"))
	f.Add([]byte(" \n\t "))
	f.Add([]byte("# Heading\n- a\n- b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "f.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		docs, skipped, err := LoadCorpus(context.Background(), dir)
		if err != nil {
			t.Fatalf("LoadCorpus: %v", err)
		}
		switch {
		case len(docs) == 1 && len(skipped) == 0:
			d := docs[0]
			if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) == "" || d.Info.Source != "f.txt" || d.Info.Title == "" {
				t.Fatalf("loaded %+v", d)
			}
			if len(d.Info.Title) > 120*utf8.UTFMax+len("…") || !utf8.ValidString(d.Info.Title) {
				t.Fatalf("title %q", d.Info.Title)
			}
		case len(docs) == 0 && len(skipped) == 1:
			if skipped[0].Path != "f.txt" || skipped[0].Reason == "" {
				t.Fatalf("skipped %+v", skipped[0])
			}
		default:
			t.Fatalf("loaded %d and skipped %v", len(docs), skipped)
		}
	})
}

func TestLoadCorpusReportsManifestTypos(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		// want maps a path of the report to words its reason must hold.
		want map[string][]string
	}{
		{name: "an unknown key is named with its entry",
			manifest: "[[source]]\nfile = \"a.txt\"\ntitel = \"Typo\"\n",
			want:     map[string][]string{ManifestFile: {`"titel"`, "a.txt", "typo"}}},
		{name: "an unknown key of an entry without a file is named by the entry's place",
			manifest: "[[source]]\nfile = \"a.txt\"\n\n[[source]]\nfiel = \"b.txt\"\n",
			want:     map[string][]string{ManifestFile: {`"fiel"`, "entry 2"}}},
		{name: "an unknown table at the top is named",
			manifest: "[[sources]]\nfile = \"a.txt\"\n",
			want:     map[string][]string{ManifestFile: {`"sources.file"`, "[[source]]"}}},
		{name: "an entry for a file that is not there is named",
			manifest: "[[source]]\nfile = \"a.txt\"\n\n[[source]]\nfile = \"gone.txt\"\ntitle = \"Gone\"\n",
			want:     map[string][]string{"gone.txt": {"listed in sources.toml", "not in the corpus folder"}}},
		{name: "a good manifest reports nothing",
			manifest: "[[source]]\nfile = \"a.txt\"\ntitle = \"T\"\nauthors = [\"X\"]\npublisher = \"P\"\ndate = \"2024\"\nurl = \"https://example.org\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeCorpus(t, map[string]string{"a.txt": "A text.", ManifestFile: tt.manifest})
			docs, skipped, err := LoadCorpus(context.Background(), dir)
			if err != nil || len(docs) != 1 {
				t.Fatalf("LoadCorpus = %d documents, %v", len(docs), err)
			}
			got := reasons(skipped)
			if len(got) != len(tt.want) {
				t.Fatalf("reported %v, want %v", skipped, tt.want)
			}
			for path, words := range tt.want {
				for _, w := range words {
					if !strings.Contains(got[path], w) {
						t.Errorf("%s: %q does not say %q", path, got[path], w)
					}
				}
			}
		})
	}
}
