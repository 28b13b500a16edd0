package engine

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/score"
)

// sizeText joins eval texts (paragraph breaks between them) until n bytes.
func sizeText(b *testing.B, n int) string {
	as, err := evalset.Load("../../../shared/eval/news.jsonl")
	if err != nil {
		as, err = evalset.Load("/work/shared/eval/news.jsonl")
	}
	if err != nil {
		b.Skip("no eval set:", err)
	}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(as[i%len(as)].Text)
		sb.WriteString("\n\n")
	}
	return sb.String()[:n]
}

// BenchmarkAnalyzeSize is every analyzer and the score over one article of
// eval text, 10 KB and 4 MB: the per-MB cost (ns/op per byte, MB/s) should
// not grow with the article.
func BenchmarkAnalyzeSize(b *testing.B) {
	for _, sz := range []struct {
		name string
		n    int
	}{{"10KB", 10 << 10}, {"4MB", 4 << 20}} {
		b.Run(sz.name, func(b *testing.B) {
			s, err := pipeline.NewSetup(pipeline.SetupOptions{})
			if err != nil {
				b.Fatal(err)
			}
			m, err := score.DefaultModel()
			if err != nil {
				b.Fatal(err)
			}
			th := m.DefaultThresholds()
			a := evalset.Article{ID: "x", Text: sizeText(b, sz.n), Date: "2025-03-05"}
			warm, err := analysis.Run(Document(a), s.Analyzers, s.Env) // the lazily built lists
			if err != nil {
				b.Fatal(err)
			}
			m.Score(warm, th)
			b.SetBytes(int64(sz.n))
			cpu0 := cpuTime()
			for b.Loop() {
				res, err := analysis.Run(Document(a), s.Analyzers, s.Env)
				if err != nil {
					b.Fatal(err)
				}
				m.Score(res, th)
			}
			// CPU time (all threads, GC included) per MB: steadier than
			// wall time on a loaded machine.
			cpu := (cpuTime() - cpu0).Seconds()
			b.ReportMetric(cpu*1e9/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(sz.n)*float64(b.N)/1e6/cpu, "MB/cpu-s")
		})
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
