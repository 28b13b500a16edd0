package pipeline_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/testutil/benchtext"
)

type discard struct{}

func (discard) Start(report.RunInfo) error      { return nil }
func (discard) Document(*analysis.Result) error { return nil }
func (discard) Finish(report.Summary) error     { return nil }

// BenchmarkBatch runs the whole pipeline (JSONL ingest, every analyzer,
// corpus checks, scoring) over a generated 500-article batch on one worker;
// MB/s is article text per second per core.
func BenchmarkBatch(b *testing.B) {
	var buf bytes.Buffer
	textBytes, err := benchcorpus.WriteJSONL(&buf, benchtext.Batch(b, 500))
	if err != nil {
		b.Fatal(err)
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(textBytes)
	b.ResetTimer()
	for b.Loop() {
		opts := setup.Options()
		opts.Jobs, opts.Checks = 1, setup.CorpusChecks(opts.Streaming)
		_, err := pipeline.Run(context.Background(), []string{"-"}, ingest.Options{Format: "jsonl", Stdin: bytes.NewReader(buf.Bytes())}, opts, discard{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(500*b.N)/b.Elapsed().Seconds(), "articles/s")
}
