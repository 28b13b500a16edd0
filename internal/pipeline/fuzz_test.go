package pipeline_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
)

var (
	fuzzOnce sync.Once
	fuzzOpts pipeline.Options
	fuzzErr  error
)

// fuzzOptions is the real run: every analyzer, the batch checks, the
// default scorer and policy.
func fuzzOptions(t testing.TB) pipeline.Options {
	fuzzOnce.Do(func() {
		analyzers, err := analysis.Order(features.Analyzers())
		if err != nil {
			fuzzErr = err
			return
		}
		env, _, err := features.NewEnv(features.EnvOptions{})
		if err != nil {
			fuzzErr = err
			return
		}
		scorer := score.Default()
		fuzzOpts = pipeline.Options{Jobs: 1, Analyzers: analyzers, Env: env, Scorer: scorer,
			Policy: config.NewPolicy(nil, scorer.DefaultThresholds())}
	})
	if fuzzErr != nil {
		t.Fatal(fuzzErr)
	}
	opts := fuzzOpts
	opts.Checks = features.NewCorpusChecks(opts.Env)
	return opts
}

type collect struct{ docs []*analysis.Result }

func (c *collect) Start(report.RunInfo) error { return nil }
func (c *collect) Document(r *analysis.Result) error {
	c.docs = append(c.docs, r)
	return nil
}
func (c *collect) Finish(report.Summary) error { return nil }

// FuzzPipeline runs the whole pipeline (ingest in every format, every
// analyzer, batch checks, scoring) on arbitrary input and checks what every
// reporter relies on: no panic, no run error, at least one result, each
// with an id, either an error or a verdict, and findings whose spans and
// positions are sound. The seeds are issue 13's hostile shapes, small.
//
//	go test ./internal/pipeline -run '^$' -fuzz '^FuzzPipeline$' -fuzztime 10m -timeout 30m
func FuzzPipeline(f *testing.F) {
	f.Add([]byte("---\ntitle: "+strings.Repeat("[", 500)+strings.Repeat("]", 500)+"\n---\nBody text here.\n"), uint8(1))
	f.Add([]byte("---\na: &a [x,x,x,x]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\ntitle: *c\n---\nBody.\n"), uint8(1))
	f.Add([]byte(`{"id":"del","text":"`+strings.Repeat("\x7f", 100)+"\"}\n"+`{"text":"The minister said \"no\" on Monday.\n\nRen\u00e9e Dubois agreed."}`+"\n"), uint8(3))
	f.Add([]byte("<rss><channel><title>W</title><item><title>a\xff</title><description>x</description></item><item><description><![CDATA[<p>Good item said Smith.</p>]]></description></item><item><description>cut"), uint8(4))
	f.Add([]byte(strings.Repeat("\u201cYes.\u201d ", 200)), uint8(0))
	f.Add([]byte(strings.Repeat("John Smith met Prime Minister Jones and Smith. ", 50)), uint8(0))
	f.Add([]byte("<html><body><nav>Home</nav><article><h1>T</h1><p>\u201cWe will,\u201d said Mary Roe, the mayor.</p></article></body></html>"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		formats := append([]string{""}, ingest.Formats...)
		in := ingest.Options{Format: formats[int(format)%len(formats)], Stdin: bytes.NewReader(data)}
		rep := &collect{}
		_, err := pipeline.Run(context.Background(), []string{"-"}, in, fuzzOptions(t), rep)
		if err != nil {
			t.Fatalf("run error: %v", err)
		}
		if len(rep.docs) == 0 {
			t.Fatal("no result: the input vanished")
		}
		for _, r := range rep.docs {
			if r.ID == "" {
				t.Fatal("result without id")
			}
			if (r.Error == "") == (r.Verdict == "") {
				t.Fatalf("%s: want exactly one of error (%q) and verdict (%q)", r.ID, r.Error, r.Verdict)
			}
			for _, fd := range r.Findings {
				if fd.Start < 0 || fd.End < fd.Start || fd.Line < 1 || fd.Column < 1 || !utf8.ValidString(fd.Text) {
					t.Fatalf("%s: bad finding %+v", r.ID, fd)
				}
			}
		}
	})
}
