package htmlreport

import (
	"io"
	"testing"

	"github.com/copydesk/copydesk/internal/report"
)

// BenchmarkWrite5000 writes the report of a 5,000-article batch.
//
//	go test -run '^$' -bench Write5000 -benchmem ./internal/report/htmlreport/
func BenchmarkWrite5000(b *testing.B) {
	batch := synthBatch(5000)
	var size countingWriter
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		size = 0
		r := New(&size)
		if err := r.Start(report.RunInfo{}); err != nil {
			b.Fatal(err)
		}
		for _, res := range batch {
			if err := r.Document(res); err != nil {
				b.Fatal(err)
			}
		}
		if err := r.Finish(report.Summary{Articles: len(batch)}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB/report")
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)
