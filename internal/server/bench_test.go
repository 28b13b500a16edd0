package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/benchcorpus"
)

// BenchmarkScore posts generated articles one a request to a server on
// 127.0.0.1, with the window on (kept in memory, and also written to a
// --window-state file) and off: the per-article cost of the service, HTTP
// included.
//
//	go test -run '^$' -bench Score -benchtime 2000x ./internal/server/
func BenchmarkScore(b *testing.B) {
	sentences, err := benchcorpus.Sentences("../../testdata/seeds")
	if err != nil {
		b.Fatal(err)
	}
	arts := benchcorpus.Generate(sentences, 500, 400, 1)
	bodies := make([][]byte, len(arts))
	for i, a := range arts {
		var buf bytes.Buffer
		if _, err := benchcorpus.WriteJSONL(&buf, []benchcorpus.Article{a}); err != nil {
			b.Fatal(err)
		}
		bodies[i] = buf.Bytes()
	}
	for _, run := range []struct {
		window int
		state  bool
	}{{5000, false}, {5000, true}, {0, false}} {
		name := fmt.Sprintf("window=%d", run.window)
		if run.state {
			name += "/state"
		}
		b.Run(name, func(b *testing.B) {
			state := ""
			if run.state {
				state = filepath.Join(b.TempDir(), "window.db")
			}
			ts := startServer(b, func(c *Config) { c.Window.Articles, c.WindowState = run.window, state })
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				resp, err := http.Post(ts.url+"/v1/score", "application/json", bytes.NewReader(bodies[i%len(bodies)]))
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatalf("status %d", resp.StatusCode)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
