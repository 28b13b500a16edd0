package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
)

// wordy reports every occurrence of "delve", with a delay that varies by
// article so parallel workers finish out of order.
var wordy = &analysis.Analyzer{
	Name:  "wordy",
	Rules: []analysis.Rule{{ID: "TP900", Dimension: analysis.Templated, Severity: analysis.Warning, Title: "delve"}},
	Run: func(p *analysis.Pass) (any, error) {
		time.Sleep(time.Duration(len(p.Doc.Text)%7) * time.Millisecond)
		for i := strings.Index(p.Doc.Text, "delve"); i >= 0; {
			p.Report("TP900", i, i+5, "stock verb")
			j := strings.Index(p.Doc.Text[i+1:], "delve")
			if j < 0 {
				break
			}
			i += 1 + j
		}
		return nil, nil
	},
}

type capture struct{ docs []*analysis.Result }

func (c *capture) Start(report.RunInfo) error { return nil }
func (c *capture) Document(r *analysis.Result) error {
	c.docs = append(c.docs, r)
	return nil
}
func (c *capture) Finish(report.Summary) error { return nil }

type noPolicy struct{}

func (noPolicy) Apply(*analysis.Result) score.Thresholds { return score.Thresholds{Warn: 10, Fail: 20} }

// sameFirstLine flags articles whose first line another article already had.
type sameFirstLine struct{ seen map[string]int }

func (s *sameFirstLine) Name() string { return "same-first-line" }
func (s *sameFirstLine) Rules() []analysis.Rule {
	return []analysis.Rule{{ID: "TP901", Dimension: analysis.Templated}}
}
func (s *sameFirstLine) Observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
	first := doc.Slice(doc.Lines()[0])
	if prev, ok := s.seen[first]; ok {
		f := analysis.Finding{Rule: "TP901", Dimension: analysis.Templated, Message: "shared first line"}
		return []corpus.Amendment{{Doc: idx, Findings: []analysis.Finding{f}}, {Doc: prev, Findings: []analysis.Finding{f}}}
	}
	s.seen[first] = idx
	return nil
}
func (s *sameFirstLine) Finish() []corpus.Amendment { return nil }

func writeInputs(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		text := fmt.Sprintf("Headline %d\n%sWe delve into article %d.\n", i%3, strings.Repeat("x", i), i)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestRunKeepsInputOrderAndReportsBadInputs(t *testing.T) {
	paths := writeInputs(t, 40)
	missing := filepath.Join(t.TempDir(), "missing.txt")
	specs := append(append([]string{}, paths[:20]...), missing)
	specs = append(specs, paths[20:]...)
	rep := &capture{}
	sum, err := Run(context.Background(), specs, ingest.Options{}, Options{
		Jobs: 4, Analyzers: []*analysis.Analyzer{wordy}, Scorer: score.Default(), Policy: noPolicy{},
	}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.docs) != 41 || sum.Articles != 41 || sum.Errors != 1 {
		t.Fatalf("got %d docs, summary %+v", len(rep.docs), sum)
	}
	for i, spec := range specs {
		if rep.docs[i].ID != spec {
			t.Fatalf("doc %d is %s, want %s (order lost)", i, rep.docs[i].ID, spec)
		}
	}
	if rep.docs[20].Error == "" || rep.docs[20].Verdict != "" {
		t.Errorf("missing file should be an error result: %+v", rep.docs[20])
	}
	for _, d := range rep.docs {
		if d.Error != "" {
			continue
		}
		if len(d.Findings) != 1 || d.Findings[0].Text != "delve" || d.Findings[0].Line != 2 {
			t.Fatalf("%s findings %+v", d.ID, d.Findings)
		}
		if d.Verdict == "" {
			t.Fatalf("%s not scored", d.ID)
		}
		if d.Text != "" {
			t.Fatalf("text kept without KeepText")
		}
	}
}

func TestCorpusAmendmentsBatchAndStreaming(t *testing.T) {
	paths := writeInputs(t, 6) // first lines repeat every 3 articles
	for _, streaming := range []bool{false, true} {
		rep := &capture{}
		_, err := Run(context.Background(), paths, ingest.Options{}, Options{
			Jobs: 3, Analyzers: []*analysis.Analyzer{wordy}, Scorer: score.Default(), Policy: noPolicy{},
			Checks: []corpus.Check{&sameFirstLine{seen: map[string]int{}}}, Streaming: streaming,
		}, rep)
		if err != nil {
			t.Fatal(err)
		}
		shared := 0
		for i, d := range rep.docs {
			for _, f := range d.Findings {
				if f.Rule == "TP901" {
					shared++
					if streaming && i < 3 {
						t.Errorf("streaming amended an article already written (%d)", i)
					}
				}
			}
		}
		want := 6
		if streaming {
			want = 3
		}
		if shared != want {
			t.Errorf("streaming=%v: %d shared findings, want %d", streaming, shared, want)
		}
	}
}

func TestDefaultDateAndNote(t *testing.T) {
	paths := writeInputs(t, 2)
	rep := &capture{}
	_, err := Run(context.Background(), paths, ingest.Options{}, Options{
		Analyzers: []*analysis.Analyzer{wordy}, Scorer: score.Default(), Policy: noPolicy{},
		DefaultDate: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC),
	}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if rep.docs[0].Date != "2025-03-05" {
		t.Errorf("date %q", rep.docs[0].Date)
	}
	rep = &capture{}
	if _, err := Run(context.Background(), paths, ingest.Options{}, Options{Analyzers: []*analysis.Analyzer{wordy}, Scorer: score.Default(), Policy: noPolicy{}}, rep); err != nil {
		t.Fatal(err)
	}
	if rep.docs[0].Date != "" {
		t.Errorf("undated article got date %q", rep.docs[0].Date)
	}
}

func TestPanickingAnalyzerBecomesErrorForThatArticle(t *testing.T) {
	boom := &analysis.Analyzer{Name: "boom", Run: func(p *analysis.Pass) (any, error) {
		if strings.Contains(p.Doc.Text, "article 1.") {
			panic("bad state")
		}
		return nil, nil
	}}
	rep := &capture{}
	sum, err := Run(context.Background(), writeInputs(t, 3), ingest.Options{}, Options{Analyzers: []*analysis.Analyzer{boom}, Scorer: score.Default(), Policy: noPolicy{}}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 1 || !strings.Contains(rep.docs[1].Error, "boom") || rep.docs[0].Error != "" {
		t.Fatalf("summary %+v, docs %+v", sum, rep.docs)
	}
}

// TestInterruptedRunReportsWhatItFinished: a source that hands over three
// articles and then blocks (an open pipe) is cancelled; the batch run
// returns at once with the cancellation and reports the three.
func TestInterruptedRunReportsWhatItFinished(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	block := make(chan struct{})
	defer close(block)
	handed := make(chan struct{})
	source := func(ctx context.Context, emit func(ingest.Article) error) error {
		for i := range 3 {
			d := document.New(fmt.Sprintf("a%d", i), "The council met on Monday and approved the plan for the harbour.")
			if err := emit(ingest.Article{ID: d.ID, Doc: d}); err != nil {
				return err
			}
		}
		close(handed)
		<-block // never returns on its own: the reader is stuck
		return nil
	}
	rep := &capture{}
	var analysed atomic.Int32
	counting := &analysis.Analyzer{Name: "counting", Run: func(p *analysis.Pass) (any, error) {
		analysed.Add(1)
		return nil, nil
	}}
	go func() {
		<-handed
		// Once all three are analysed (however slow the machine), give
		// them a moment to reach the ordered step, then interrupt.
		for analysed.Load() < 3 {
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond)
		cancel()
	}()
	_, err := RunSource(ctx, source, Options{Jobs: 2, Analyzers: []*analysis.Analyzer{wordy, counting}, Scorer: score.Default(), Policy: noPolicy{}}, rep)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want the cancellation", err)
	}
	if len(rep.docs) != 3 {
		t.Fatalf("reported %d articles, want the 3 finished before the interruption", len(rep.docs))
	}
}

// firstLineKeys is sameFirstLine as a corpus.Emitter: Emit (the first
// line, read from the article alone) may run in the worker, and records
// whether it did; ObserveEmitted files it in order.
type firstLineKeys struct {
	sameFirstLine
	emitted, observedEmitted atomic.Int32
	onOrdered                atomic.Bool // Emit ran inside Observe
}

func (s *firstLineKeys) Emit(doc *document.Document, res *analysis.Result) [][]corpus.Sighting {
	s.emitted.Add(1)
	return [][]corpus.Sighting{{{Key: doc.Slice(doc.Lines()[0])}}}
}
func (s *firstLineKeys) ObserveEmitted(idx int, doc *document.Document, res *analysis.Result, ss [][]corpus.Sighting) []corpus.Amendment {
	s.observedEmitted.Add(1)
	first := ss[0][0].Key
	if prev, ok := s.seen[first]; ok {
		f := analysis.Finding{Rule: "TP901", Dimension: analysis.Templated, Message: "shared first line"}
		return []corpus.Amendment{{Doc: idx, Findings: []analysis.Finding{f}}, {Doc: prev, Findings: []analysis.Finding{f}}}
	}
	s.seen[first] = idx
	return nil
}
func (s *firstLineKeys) Observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
	s.onOrdered.Store(true)
	return s.ObserveEmitted(idx, doc, res, s.Emit(doc, res))
}

// TestEmitterEmitsInTheWorkers: a check that can emit ahead gets each
// article's sightings from its worker (Emit once per article, never inside
// Observe) and amends exactly as the same check driven through Observe.
func TestEmitterEmitsInTheWorkers(t *testing.T) {
	paths := writeInputs(t, 9)
	for _, streaming := range []bool{false, true} {
		ahead := &firstLineKeys{sameFirstLine: sameFirstLine{seen: map[string]int{}}}
		plain := &sameFirstLine{seen: map[string]int{}}
		var got [2][]string
		for k, c := range []corpus.Check{ahead, plain} {
			rep := &capture{}
			if _, err := Run(context.Background(), paths, ingest.Options{}, Options{
				Jobs: 3, Analyzers: []*analysis.Analyzer{wordy}, Scorer: score.Default(), Policy: noPolicy{},
				Checks: []corpus.Check{c}, Streaming: streaming,
			}, rep); err != nil {
				t.Fatal(err)
			}
			for _, d := range rep.docs {
				rules := []string{}
				for _, f := range d.Findings {
					rules = append(rules, f.Rule)
				}
				got[k] = append(got[k], d.ID+":"+strings.Join(rules, ","))
			}
		}
		if strings.Join(got[0], " ") != strings.Join(got[1], " ") {
			t.Errorf("streaming=%v: emitted ahead %v, through Observe %v", streaming, got[0], got[1])
		}
		if ahead.emitted.Load() != 9 || ahead.observedEmitted.Load() != 9 || ahead.onOrdered.Load() {
			t.Errorf("streaming=%v: Emit %d times, ObserveEmitted %d times, Observe called: %v; want 9, 9, false",
				streaming, ahead.emitted.Load(), ahead.observedEmitted.Load(), ahead.onOrdered.Load())
		}
	}
}
