package journal

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkPathCheck measures what following the path adds to every
// Append, which the fsync in BenchmarkAppend otherwise hides in its noise.
func BenchmarkPathCheck(b *testing.B) {
	j, _ := openCounting(b, filepath.Join(b.TempDir(), "journal.jsonl"))
	for b.Loop() {
		if !j.pathNamesOpenFile() {
			b.Fatal("the path no longer names the open file")
		}
	}
}

// BenchmarkAppendAfterDelete measures the rare Append that must reopen:
// each line finds its file deleted and creates it again.
func BenchmarkAppendAfterDelete(b *testing.B) {
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	j, c := openCounting(b, path)
	for b.Loop() {
		if err := os.Remove(path); err != nil {
			b.Fatal(err)
		}
		if err := j.Append(line(0)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.opens-1)/float64(b.N), "reopens/op")
}
