package study

import (
	"strings"
	"testing"

	"github.com/lectern/lectern/retrieval"
)

func TestResolveSourceByFileNameOrAUniquePartOfATitle(t *testing.T) {
	sources := []retrieval.SourceStats{
		{SourceInfo: retrieval.SourceInfo{Source: "000_a.txt", Title: "China and Vietnam’s Shared Values"}},
		{SourceInfo: retrieval.SourceInfo{Source: "001_b.txt", Title: "China-Vietnam Party-to-Party Ties"}},
		{SourceInfo: retrieval.SourceInfo{Source: "002_c.txt", Title: "‘Mr. Trong Goes to Beijing’"}},
	}
	tests := []struct {
		name, want, err string
	}{
		{"001_b.txt", "001_b.txt", ""},
		{"party-to-party", "001_b.txt", ""},
		{"VIETNAM'S shared", "000_a.txt", ""}, // case and apostrophes aside
		{"mr. trong goes to beijing", "002_c.txt", ""},
		{"China", "", "matches 2 sources"},
		{"Hanoi", "", "no source"},
		{"  ", "", "name a source"},
	}
	for _, tt := range tests {
		got, err := ResolveSource(sources, tt.name)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want one saying %q", tt.name, err, tt.err)
			}
			if err != nil && tt.err != "name a source" && !strings.Contains(err.Error(), "001_b.txt") {
				t.Errorf("%q: the error does not list the sources: %v", tt.name, err)
			}
		case err != nil || got.Source != tt.want:
			t.Errorf("%q: got %q, %v; want %q", tt.name, got.Source, err, tt.want)
		}
	}
}
