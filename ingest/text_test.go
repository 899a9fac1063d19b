package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestExtractTextIsTheFileUnchanged(t *testing.T) {
	seeds, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds found: %v", err)
	}
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Extract(context.Background(), filepath.Base(path), data, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if doc.Text != string(data) || len(doc.Sections) != 0 || len(doc.Pages) != 0 {
			t.Errorf("%s: the text is not the file as it is", path)
		}
	}
	for _, text := range []string{"\uFEFFwith a BOM\r\nand CRLF\r\n", "  leading and trailing blanks  \n\n\n", "tabs\tand\x7fDEL"} {
		doc, err := Extract(context.Background(), "a.txt", []byte(text), Limits{})
		if err != nil || doc.Text != text {
			t.Errorf("Extract(%q) = %q, %v", text, doc.Text, err)
		}
	}
}

// TestExtractTextRefusesAsTheLoaderDid keeps the loader's skip reasons
// word for word.
func TestExtractTextRefusesAsTheLoaderDid(t *testing.T) {
	tests := []struct {
		data   string
		reason string
		err    error
	}{
		{"", "empty", ErrNoText},
		{" \n\t\r\n", "empty", ErrNoText},
		{"text\x00more", "binary (contains NUL bytes)", ErrUnsupported},
		{"caf\xe9", "not UTF-8 text", ErrUnsupported},
	}
	for _, tt := range tests {
		_, err := Extract(context.Background(), "a.TXT", []byte(tt.data), Limits{})
		if err == nil || err.Error() != tt.reason || !errors.Is(err, tt.err) {
			t.Errorf("Extract(%q) = %v, want %q (%v)", tt.data, err, tt.reason, tt.err)
		}
	}
}
