package ingest

import (
	"context"
	"errors"
	"testing"
	"time"
)

func FuzzExtractHTML(f *testing.F) {
	// Small seeds: the fuzzer minimises every input that finds new
	// coverage, and a whole fixture page takes it minutes.
	f.Add(`<html><head><meta property="og:title" content="T"><link rel=canonical href="https://x.org/a"></head><body><nav><a>Home</a></nav><article><h1>T</h1><p>Para one is here.</p><h2>S</h2><p>Two.<br><br>Three</p></article><footer>f</footer></body></html>`)
	f.Add(`<div class="cookie"><button>OK</button></div><main><p>A <b>b</b> c &amp; d</p><ul><li>x<li>y</ul></main>`)
	f.Add(`<html><head><script type="application/ld+json">{"@graph":[{"@type":"Article","author":[{"name":"A"}]}]}</script></head><body><pre>a
b</pre><table><tr><td>x<td>y</table></body></html>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := Extract(context.Background(), "f.html", []byte(page), Limits{MaxDepth: 64, Timeout: 5 * time.Second})
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatal(err)
		}
		if err == nil {
			checkDocument(t, doc)
		}
	})
}
