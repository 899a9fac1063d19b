package main

import (
	"maps"
	"slices"
	"testing"
)

// A WordNet in miniature for the verbs' kinds table: "land" (first sense)
// is a way to "arrive, get"; its second sense, "bring down", is a way to
// "lower", which the table (first sense only) leaves out; "arrive" is a way
// to nothing; the phrase "touch down" is a way to "land".
var miniHypernyms = map[string]string{
	"index.verb": `  1 licence lines
land v 2 1 @ 2 2 00000100 00000300
touch_down v 1 1 @ 1 1 00000500
arrive v 1 0 1 1 00000200
lower v 1 0 1 1 00000400
`,
	"data.verb": `  1 licence lines
00000100 38 v 01 land 0 001 @ 00000200 v 0000 01 + 02 00 | reach or come to rest
00000200 38 v 02 arrive 0 get 0 000 01 + 02 00 | reach a destination
00000300 38 v 01 land 0 001 @ 00000400 v 0000 01 + 02 00 | bring down
00000400 38 v 01 lower 0 000 01 + 02 00 | move down
00000500 38 v 01 touch_down 0 001 @ 00000100 v 0000 01 + 02 00 | reach the ground
`,
	"index.noun": "", "data.noun": "", "index.adj": "", "data.adj": "", "index.adv": "", "data.adv": "",
}

// TestBuildVerbHypernyms: each verb's stem maps to the stems of its first
// sense's hypernyms; a verb with none has no line.
func TestBuildVerbHypernyms(t *testing.T) {
	table, err := buildVerbHypernyms(writeMiniWordNet(t, miniHypernyms), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"land": {"arriv", "get"}, "touch down": {"land"}}
	if !maps.EqualFunc(table, want, slices.Equal) {
		t.Errorf("table %v, want %v", table, want)
	}
}

// TestBuildVerbHypernymsReportsADamagedFile: a broken index line is an
// error, not an empty table.
func TestBuildVerbHypernymsReportsADamagedFile(t *testing.T) {
	files := maps.Clone(miniHypernyms)
	files["index.verb"] = "land v x\n"
	if _, err := buildVerbHypernyms(writeMiniWordNet(t, files), 1); err == nil {
		t.Error("no error for a damaged index")
	}
}
