package report

import (
	"io"
	"testing"
)

// Reporters sit on the hot path of every run: per-article cost here adds to
// every article. Throughput is reported against the article text size.
func benchmarkFormat(b *testing.B, format string) {
	results := testResults(b)
	size := 0
	for _, r := range results {
		size += len(r.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	r := New(format, io.Discard)
	if err := r.Start(testRunInfo()); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, res := range results {
			if err := r.Document(res); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := r.Finish(testSummary()); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkText(b *testing.B)   { benchmarkFormat(b, "text") }
func BenchmarkJSONL(b *testing.B)  { benchmarkFormat(b, "jsonl") }
func BenchmarkGitHub(b *testing.B) { benchmarkFormat(b, "github") }
func BenchmarkSARIF(b *testing.B)  { benchmarkFormat(b, "sarif") }
