package pipeline_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
)

// BenchmarkEvalJSONL runs `copydesk score --format jsonl` in process over
// the shared news eval set (skipped when it is absent), with the batch
// checks and the real reporter, on GOMAXPROCS workers. Its CPU profile
// shows how much runs on the ordered goroutine: the frames under
// pipeline.RunSource itself, not its worker closures.
//
//	go test ./internal/pipeline -run - -bench EvalJSONL -cpu 1,2 -cpuprofile cpu.out
//	go tool pprof -top -focus 'pipeline\.RunSource$' cpu.out
func BenchmarkEvalJSONL(b *testing.B) {
	in, err := os.ReadFile("/work/shared/eval/news.jsonl")
	if err != nil {
		b.Skip("no eval set:", err)
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		opts := setup.Options()
		opts.Streaming, opts.Checks = true, setup.CorpusChecks(true)
		rep := report.New("jsonl", io.Discard)
		if err := rep.Start(report.RunInfo{}); err != nil {
			b.Fatal(err)
		}
		sum, err := pipeline.Run(context.Background(), []string{"-"}, ingest.Options{Format: "jsonl", Stdin: bytes.NewReader(in)}, opts, rep)
		if err != nil {
			b.Fatal(err)
		}
		if err := rep.Finish(sum); err != nil {
			b.Fatal(err)
		}
	}
}
