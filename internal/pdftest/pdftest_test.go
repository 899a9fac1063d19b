package pdftest

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestParagraphs(t *testing.T) {
	got := Paragraphs("First line\nof one.\n\n\n  Second\r\n\r\nThird ")
	want := []string{"First line of one.", "Second", "Third"}
	if len(got) != len(want) {
		t.Fatalf("%d paragraphs, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Text != want[i] {
			t.Errorf("paragraph %d: %q, want %q", i, got[i].Text, want[i])
		}
	}
}

func TestBuildLaysOutPagesAndSaysWhere(t *testing.T) {
	long := strings.Repeat("many words that fill the page line after line ", 120)
	cases := []struct {
		name      string
		opts      Options
		blocks    []Block
		pages     int // at least
		firstLast [][2]int
	}{
		{"one short paragraph", Options{}, []Block{{Text: "Short."}}, 1, [][2]int{{1, 1}}},
		{"a paragraph over pages", Options{}, []Block{{Text: long}}, 2, [][2]int{{1, 2}}},
		{"a blank page between", Options{}, []Block{{Text: "A."}, {BlankPage: true}, {Text: "B.", NewPage: true}}, 3, [][2]int{{1, 1}, {3, 3}}},
		{"two columns hold more", Options{Columns: 2}, []Block{{Text: long}}, 1, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, layout, err := Build(c.opts, c.blocks)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Fatalf("not a PDF: %q", data[:min(20, len(data))])
			}
			if layout.Pages < c.pages || len(layout.PageText) != layout.Pages {
				t.Errorf("%d pages (%d texts), want %d or more", layout.Pages, len(layout.PageText), c.pages)
			}
			for i, fl := range c.firstLast {
				p := layout.Paragraphs[i]
				if p.FirstPage != fl[0] || p.LastPage != fl[1] {
					t.Errorf("paragraph %d on pages %d-%d, want %d-%d", i, p.FirstPage, p.LastPage, fl[0], fl[1])
				}
			}
		})
	}
	if _, _, err := Build(Options{Columns: 3}, []Block{{Text: "x"}}); err == nil {
		t.Error("three columns accepted")
	}
}

func TestFromTextIsTheSameEverywhereAndFindsPages(t *testing.T) {
	seed, err := os.ReadFile("../../seeds/001_40f7c5eb71c4bfad.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, layout, err := FromText("China-Vietnam Party-to-Party Ties", "Lye Liang Fook", string(seed))
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := FromText("China-Vietnam Party-to-Party Ties", "Lye Liang Fook", string(seed))
	if !bytes.Equal(a, b) {
		t.Error("two builds of the same text differ")
	}
	if layout.Pages < 2 {
		t.Fatalf("%d pages: the seed should need more than one", layout.Pages)
	}
	if p := layout.PageOf("Vietnam appears to be drawing closer"); p != 1 {
		t.Errorf("the opening sentence on page %d, want 1", p)
	}
	last := layout.Paragraphs[len(layout.Paragraphs)-1]
	words := strings.Fields(last.Text)
	if p := layout.PageOf(strings.Join(words[len(words)-4:], " ")); p != layout.Pages {
		t.Errorf("the last words on page %d, want %d", p, layout.Pages)
	}
	if p := layout.PageOf("words that are in no seed at all"); p != 0 {
		t.Errorf("a phrase not in the text found on page %d", p)
	}
}
