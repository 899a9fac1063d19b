package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lectern/lectern/answer"
	"github.com/lectern/lectern/retrieval"
)

func TestAnswerSourcesShowWhereTheQuoteStands(t *testing.T) {
	tests := []struct {
		name string
		c    answer.Citation
		want string
	}{
		{"a page", answer.Citation{N: 1, Source: "r.pdf", Title: "Report", Authors: []string{"Le Hong Hiep"}, Location: retrieval.Location{Page: 14}},
			"[1] Report — Le Hong Hiep, p. 14 (r.pdf)"},
		{"pages", answer.Citation{N: 2, Source: "r.pdf", Title: "Report", Location: retrieval.Location{Page: 14, PageEnd: 15}},
			"[2] Report — pp. 14–15 (r.pdf)"},
		{"a section", answer.Citation{N: 3, Source: "a.html", Title: "Article", Publisher: "ISEAS", Location: retrieval.Location{Section: "The U.S. as a Hedge"}},
			"[3] Article — ISEAS, § The U.S. as a Hedge (a.html)"},
		{"plain text", answer.Citation{N: 4, Source: "n.txt", Title: "Notes"}, "[4] Notes (n.txt)"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		tt.c.Quote = "A quote."
		if err := writeAnswer(&out, answer.Answer{Text: "An answer.", Citations: []answer.Citation{tt.c}}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tt.want+"\n") {
			t.Errorf("%s: sources\n%s\nwant the line %q", tt.name, out.String(), tt.want)
		}
	}
	if got := withExtent("r.pdf", retrieval.SourceStats{Pages: 23}); got != "r.pdf, 23 pages" {
		t.Errorf("withExtent = %q", got)
	}
}
