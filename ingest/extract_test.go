package ingest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSupportedAndExtensions(t *testing.T) {
	for _, name := range []string{"a.txt", "b.MD", "c.markdown", "d.html", "e.HTM", "f.epub", "g.Docx", "dir.v2/h.txt"} {
		if !Supported(name) {
			t.Errorf("Supported(%q) = false", name)
		}
	}
	for _, name := range []string{"a.doc", "b.rtf", "noext", "c.txt.gz", ".md.bak", "d.pdf.exe"} {
		if Supported(name) {
			t.Errorf("Supported(%q) = true", name)
		}
	}
	exts := Extensions()
	for _, want := range []string{".txt", ".md", ".markdown", ".html", ".htm", ".epub", ".docx"} {
		if !slices.Contains(exts, want) {
			t.Errorf("Extensions() = %q, lacks %q", exts, want)
		}
	}
	for _, ext := range exts {
		if !Supported("x" + strings.ToUpper(ext)) {
			t.Errorf("%q is listed but not supported", ext)
		}
	}
}

func TestExtractRefusesByNameAndSize(t *testing.T) {
	tests := []struct {
		name string
		data string
		lim  Limits
		err  error
		msg  string
	}{
		{"scan.tiff", "II*\x00", Limits{}, ErrUnsupported, `unsupported file type ".tiff" (Lectern reads .txt, .md`},
		{"README", "text", Limits{}, ErrUnsupported, "the name has no extension"},
		{"big.txt", strings.Repeat("a", 101), Limits{MaxBytes: 100}, ErrTooLarge, "too large (101 bytes; the limit is 100)"},
		{"ok.txt", strings.Repeat("a", 100), Limits{MaxBytes: 100}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(context.Background(), tt.name, []byte(tt.data), tt.lim)
			if tt.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want %v saying %q", err, tt.err, tt.msg)
			}
		})
	}
}

func TestRunExtractorContainsPanicsAndHangs(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	tests := []struct {
		name string
		fn   extractor
		lim  Limits
		want string
		err  error
	}{
		{name: "a panic is an error naming the kind",
			fn:   func(context.Context, []byte, Limits) (Document, error) { panic("index out of range [3] with length 2") },
			want: "the EPUB reader failed on this file (index out of range [3] with length 2); it is probably broken"},
		{name: "an extractor that ignores its context is abandoned at the timeout",
			fn: func(context.Context, []byte, Limits) (Document, error) {
				<-release
				return Document{Text: "late"}, nil
			},
			lim: Limits{Timeout: 50 * time.Millisecond}, want: "reading the EPUB file took over 50ms", err: context.DeadlineExceeded},
		{name: "no text is an error",
			fn:   func(context.Context, []byte, Limits) (Document, error) { return Document{Text: " \n "}, nil },
			want: "the EPUB file holds no readable text", err: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runExtractor(context.Background(), "EPUB", tt.fn, nil, tt.lim.withDefaults())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
		})
	}
}

func TestExtractStopsWhenTheCallerCancels(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extract(ctx, "b.epub", riverBook(true).build(t), DefaultLimits())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
