package ingest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/lectern/lectern/ingest"
	"github.com/lectern/lectern/retrieval"
)

// TestMarkdownSurvivesCleaning reads a Markdown file as the loader will,
// Extract then retrieval.Clean, and checks what a reader would see: no
// markup, code lines and list items kept apart, headings on lines of
// their own.
func TestMarkdownSurvivesCleaning(t *testing.T) {
	md := "# The *River* Guilds\n\nThe **boatmen** kept a [ledger](https://example.org/l \"The ledger\") of _every_ cargo.\n\n" +
		"> Rice went upstream,\n> salt came down.\n\n## Cargoes\n\n- rice in the dry season\n- salt with the floods\n\n" +
		"```go\nfunc main() {\n\tif ok {\n\t\tfmt.Println(\"x\")\n\t}\n}\n```\n\n<!-- editor: check the dates -->\n\nThe end.\n"
	doc, err := ingest.Extract(context.Background(), "guilds.md", []byte(md), ingest.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	cleaned := retrieval.Clean(doc.Text)
	paragraphs := strings.Split(cleaned, "\n\n")
	want := []string{
		"The River Guilds",
		"The boatmen kept a ledger of every cargo.",
		"Rice went upstream, salt came down.",
		"Cargoes",
		"rice in the dry season",
		"salt with the floods",
		"func main() {",
		"if ok {",
		`fmt.Println("x")`,
		"}",
		"The end.",
	}
	for _, w := range want {
		found := false
		for _, p := range paragraphs {
			if p == w {
				found = true
			}
		}
		if !found {
			t.Errorf("no paragraph %q in the cleaned text:\n%s", w, cleaned)
		}
	}
	for _, junk := range []string{"#", "**", "_every_", "](", "> ", "- ", "```", "<!--", "editor"} {
		if strings.Contains(cleaned, junk) {
			t.Errorf("markup %q left in the cleaned text:\n%s", junk, cleaned)
		}
	}
}
