package bot

import (
	"testing"
	"time"

	"github.com/lectern/lectern/retrieval"
)

// TestReindexReportAddsUp: the summary of a reindex says how every chunk
// got its vector (embedded, reused or shared with an identical chunk), so
// that the counts add up, with "1 file" for one.
func TestReindexReportAddsUp(t *testing.T) {
	tests := []struct {
		name   string
		report retrieval.Report
		want   string
	}{
		{"nothing shared", retrieval.Report{Files: 5, Chunks: 85, Embedded: 13, Reused: 72},
			"✅ Reindexed in 1.2s: 5 files, 85 chunks (13 embedded, 72 reused)."},
		{"identical chunks shared", retrieval.Report{Files: 1, Chunks: 10, Embedded: 7, Reused: 1, Shared: 2},
			"✅ Reindexed in 1.2s: 1 file, 10 chunks (7 embedded, 1 reused, 2 shared with an identical chunk)."},
		{"a skipped file", retrieval.Report{Files: 1, Chunks: 1, Embedded: 1, Skipped: []retrieval.Skipped{{Path: "a.bin", Reason: "binary"}}},
			"✅ Reindexed in 1.2s: 1 file, 1 chunk (1 embedded, 0 reused).\nSkipped 1 file:\n• `a.bin`: binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderReport(tt.report, 1234*time.Millisecond); got != tt.want {
				t.Errorf("renderReport:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
