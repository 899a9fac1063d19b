package endpoint

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestContainsDoneEvent(t *testing.T) {
	tests := []struct {
		stream string
		want   bool
	}{
		{"data: {\"x\":1}\n\ndata: [DONE]\n\n", true},
		{"data:[DONE]", true},
		{"data:   [DONE]\n", true},
		{"data: {\"content\":\"the word [DONE] in an answer\"}\n\n", false},
		{"data: {\"x\":1}\n\n", false},
		{"[DONE]", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := containsDoneEvent([]byte(tt.stream)); got != tt.want {
			t.Errorf("containsDoneEvent(%q) = %v, want %v", tt.stream, got, tt.want)
		}
	}
}

// readInPieces reads stream through a doneBody, n bytes at a time.
func readInPieces(stream string, n int) bool {
	w := &doneWatch{}
	b := &doneBody{ReadCloser: io.NopCloser(strings.NewReader(stream)), watch: w}
	buf := make([]byte, n)
	for {
		if _, err := b.Read(buf); err != nil {
			return w.seen.Load()
		}
	}
}

func TestDoneIsSeenWhateverTheReadSizes(t *testing.T) {
	stream := "data: {\"choices\":[]}\n\ndata: [DONE]\n\n"
	for n := 1; n <= len(stream); n++ {
		if !readInPieces(stream, n) {
			t.Errorf("reads of %d bytes missed the [DONE]", n)
		}
	}
}

// FuzzDoneDetector: reading a stream in pieces of any size finds the
// closing event exactly when the whole stream holds one.
func FuzzDoneDetector(f *testing.F) {
	f.Add([]byte("data: {\"x\":1}\n\ndata: [DONE]\n\n"), uint8(3))
	f.Add([]byte("data: [DON"), uint8(1))
	f.Add([]byte("[DONE] data: [DONE]"), uint8(7))
	f.Fuzz(func(t *testing.T, stream []byte, size uint8) {
		n := 1 + int(size)%64
		whole := containsDoneEvent(stream)
		if got := readInPieces(string(stream), n); got != whole {
			t.Fatalf("in pieces of %d: %v, whole: %v (%q)", n, got, whole, stream)
		}
		if bytes.Contains(stream, doneEvent) == false && whole {
			t.Fatalf("found [DONE] in %q, which has none", stream)
		}
	})
}
