// Package pipeline is copydesk's one flow: ingest → document → analyzers →
// corpus checks → score → report. Articles are analysed in parallel and
// reported in input order.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/explain"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
)

// Options configure one run.
type Options struct {
	Jobs      int                  // parallel analysers (default: all CPUs)
	Analyzers []*analysis.Analyzer // in analysis.Order
	Env       *analysis.Env
	Checks    []corpus.Check
	// Streaming writes each article as soon as it and every article before
	// it are done (jsonl): corpus checks then only amend the current
	// article, and memory stays flat.
	Streaming bool
	Scorer    score.Scorer
	// Policy applies configuration (disabled rules, severities, per-path
	// overrides, allowlisted phrases, thresholds) to each result.
	Policy Policy
	// DefaultDate is used for articles without a date (--date).
	DefaultDate time.Time
	// KeepText keeps article text on results for reporters that show it.
	KeepText bool
	// KeepFeatures keeps scoring features on results (--features).
	KeepFeatures bool
	// Progress is called after each article is reported (may be nil).
	Progress func(done int)
	// ArticleTimeout is the analysis time one article may take before it
	// becomes an error result and the batch goes on without it (0:
	// DefaultArticleTimeout, 10 s; negative: no limit).
	ArticleTimeout time.Duration
	// MaxArticleBytes is the longest article text analysed; a longer one
	// is an error result, since analysis memory grows with the text (0:
	// DefaultMaxArticleBytes, 4 MiB; negative: no limit).
	MaxArticleBytes int
	// Keys, when set, receives every article's keyed sightings (the
	// article pass of a sharded run: `score --emit-keys`).
	Keys *corpus.KeyWriter
	// Stage reports results as the article pass leaves them, for `corpus
	// apply` to finish: no policy, no score, features kept.
	Stage bool
}

// Policy adjusts a result to the user's configuration before scoring and
// returns the thresholds that apply to it.
type Policy interface {
	Apply(res *analysis.Result) score.Thresholds
}

// Run reads specs, analyses every article and writes each result to rep in
// input order. Unreadable inputs are reported as results with Error set.
func Run(ctx context.Context, specs []string, in ingest.Options, opts Options, rep report.Reporter) (report.Summary, error) {
	return RunSource(ctx, func(ctx context.Context, emit func(ingest.Article) error) error {
		return ingest.Read(ctx, specs, in, emit)
	}, opts, rep)
}

// cancelGrace is how long a cancelled run waits for its reader and
// workers to wind down before it reports what it has.
const cancelGrace = time.Second

// Source produces a run's articles in order, calling emit for each.
type Source func(ctx context.Context, emit func(ingest.Article) error) error

// RunSource is Run over articles from any source: the files and streams
// `copydesk score` reads, or labelled articles `copydesk eval` and
// `copydesk train` hand over. Every command's articles take this one path
// from document to report.
func RunSource(ctx context.Context, source Source, opts Options, rep report.Reporter) (report.Summary, error) {
	start := time.Now()
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		art ingest.Article
	}
	work := make(chan job, jobs*4)
	results := make(chan done, jobs*4)

	var readErr error
	go func() {
		defer close(work)
		seq := 0
		readErr = source(ctx, func(a ingest.Article) error {
			select {
			case work <- job{seq, a}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	enc, _ := rep.(report.Encoder)
	var wg sync.WaitGroup
	b := newBudget(opts, jobs)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				res, d := b.analyse(j.art, opts)
				a := done{seq: j.seq, res: res, doc: d}
				emitAhead(&a, opts)
				if opts.Streaming {
					// Held articles (batch mode) are prepared at the end,
					// after every amendment: a copy prepared now would be
					// held beside them.
					a.out, a.prepared = prepare(res, d != nil && len(opts.Checks) > 0, opts, enc), true
				}
				select {
				case results <- a:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Reorder, run corpus checks in input order, then score and report.
	var sum report.Summary
	pending := map[int]done{}
	next := 0
	var held []*done // batch mode: articles until Finish
	// emit reports an article: as its worker prepared it, or, when a
	// batch check amended it, prepared again from the amended result
	// (the configuration applies once, after every amendment).
	emit := func(d *done) error {
		if !d.prepared || d.amended {
			d.out = prepare(d.res, false, opts, enc)
		}
		out := d.out
		if out.err != nil {
			return fmt.Errorf("write report: %w", out.err)
		}
		count(&sum, out.res)
		var err error
		if enc != nil {
			err = enc.WriteEncoded(out.res, out.enc)
		} else {
			err = rep.Document(out.res)
		}
		if err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		if opts.Progress != nil {
			opts.Progress(sum.Articles)
		}
		return nil
	}
	// accept takes one finished article and moves every article now in
	// order through the batch checks to the report (or the held list).
	accept := func(d done) error {
		pending[d.seq] = d
		for {
			cur, ok := pending[next]
			if !ok {
				return nil
			}
			delete(pending, next)
			if cur.doc != nil && opts.Keys != nil {
				if err := opts.Keys.Write(corpus.OrderOf(cur.doc, cur.doc.ID), cur.keySightings); err != nil {
					return err
				}
			}
			if cur.doc != nil {
				notes := len(cur.res.Notes)
				for i, c := range opts.Checks {
					var ss [][]corpus.Sighting
					if cur.sightings != nil {
						ss = cur.sightings[i]
					}
					for _, a := range observe(c, next, cur.doc, cur.res, ss) {
						switch {
						case a.Doc == next:
							corpus.Apply(cur.res, a)
							cur.amended = true
						case !opts.Streaming && a.Doc >= 0 && a.Doc < len(held):
							corpus.Apply(held[a.Doc].res, a)
							held[a.Doc].amended = true
						}
					}
				}
				cur.doc, cur.sightings, cur.keySightings = nil, nil, nil
				cur.amended = cur.amended || len(cur.res.Notes) != notes // a check failed on it
			}
			if opts.Streaming {
				if err := emit(&cur); err != nil {
					return err
				}
			} else {
				held = append(held, &cur)
			}
			next++
		}
	}
	// Cancellation (Ctrl-C, SIGTERM) ends the wait soon, even with the
	// reader blocked on an open pipe. The reader and workers see the
	// cancellation too and usually finish at once, so the loop waits
	// cancelGrace for them (what they were doing is taken, and a reader's
	// own error recorded), but no longer.
	cancelled := ctx.Done()
	var grace <-chan time.Time
collect:
	for {
		select {
		case d, ok := <-results:
			if !ok {
				break collect
			}
			if err := accept(d); err != nil {
				return sum, err
			}
		case <-cancelled:
			t := time.NewTimer(cancelGrace)
			defer t.Stop()
			cancelled, grace = nil, t.C
		case <-grace:
			break collect
		}
	}
	if err := ctx.Err(); err != nil {
		// Interrupted: the articles finished so far still reach the
		// report (json and SARIF hold them until the end), so an
		// interrupted run says what it did score. The reader may still
		// be blocked: its error is not read.
		for _, d := range held {
			if werr := emit(d); werr != nil {
				return sum, werr
			}
		}
		return sum, err
	}
	if readErr != nil {
		return sum, readErr
	}
	if !opts.Streaming {
		for _, c := range opts.Checks {
			for _, a := range finish(c) {
				if a.Doc >= 0 && a.Doc < len(held) {
					corpus.Apply(held[a.Doc].res, a)
					held[a.Doc].amended = true
				}
			}
		}
		if err := emitHeld(held, jobs, opts, enc, emit); err != nil {
			return sum, err
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// Analyse runs the analyzers on one article, as a run's workers do but
// without the time budget: for drivers that own their workers (the Beam
// pipeline's DoFn). The document is nil when the article failed.
func Analyse(a ingest.Article, opts Options) (*analysis.Result, *document.Document) {
	return analyse(a, opts)
}

// analyse runs the analyzers on one article; the document is returned for
// the corpus checks (nil when there is nothing for them to index).
func analyse(a ingest.Article, opts Options) (*analysis.Result, *document.Document) {
	if a.Err != nil || a.Doc == nil {
		msg := "no article"
		if a.Err != nil {
			msg = a.Err.Error()
		}
		return &analysis.Result{ID: a.ID, Path: a.Path, Error: msg, Findings: []analysis.Finding{}, Entities: []analysis.Entity{}}, nil
	}
	doc := a.Doc
	if doc.ID == "" {
		doc.ID = a.ID
	}
	if a.Path != "" {
		doc.Path = a.Path // the input file, even when the reader named the document by its id
	}
	if !doc.HasDate() && !opts.DefaultDate.IsZero() {
		doc.Date = opts.DefaultDate
	}
	res, err := analysis.Run(doc, opts.Analyzers, opts.Env)
	if err != nil {
		return &analysis.Result{ID: doc.ID, Path: doc.Path, Title: doc.Title, Error: err.Error(), Findings: []analysis.Finding{}, Entities: []analysis.Entity{}}, nil
	}
	res.Notes = append(res.Notes, a.Notes...)
	return res, doc
}

// done is one analysed article on its way to the report.
type done struct {
	seq int
	// res is the result as the analyzers left it: what the batch checks
	// read and amend.
	res *analysis.Result
	doc *document.Document // for corpus checks; nil when the article failed
	// out is the article made ready for the report (streaming: by its
	// worker; batch: at the end); amended says a batch check changed res
	// after out was prepared, so out is stale.
	out      prepared
	prepared bool // out is set
	amended  bool
	// sightings are the article's keyed sightings, emitted by its worker:
	// per check of opts.Checks that is a corpus.Emitter (nil for the
	// others, which emit in Observe), and for opts.Keys.
	sightings    [][][]corpus.Sighting
	keySightings [][]corpus.Sighting
}

// emitAhead runs, in the worker, the half of the batch checks that reads
// one article alone (corpus.Emitter.Emit, the key files' EmitAll), so the
// ordered step only files and reduces. It runs before prepare: a check
// that fails on the article notes it in res, and the note must reach the
// output.
func emitAhead(a *done, opts Options) {
	if a.doc == nil {
		return
	}
	for i, c := range opts.Checks {
		if e, ok := c.(corpus.Emitter); ok {
			if a.sightings == nil {
				a.sightings = make([][][]corpus.Sighting, len(opts.Checks))
			}
			a.sightings[i] = e.Emit(a.doc, a.res)
		}
	}
	if opts.Keys != nil {
		a.keySightings = corpus.EmitAll(opts.Keys.Checks(), a.doc, a.res)
	}
}

// prepared is an article ready for the report: configuration applied,
// scored, explained and, when the reporter can, encoded.
type prepared struct {
	res *analysis.Result
	enc report.Encoded
	err error
}

// prepare does everything to an article that depends on it alone, on the
// caller's goroutine (the workers'). With keep, res is left as it is for
// the batch checks and a copy is prepared: if no check amends the article,
// that copy is what is reported.
func prepare(res *analysis.Result, keep bool, opts Options, enc report.Encoder) prepared {
	if keep {
		res = scratchCopy(res)
	}
	if opts.Stage {
		res.Text = "" // the article pass of a sharded run: no policy, no score
	} else {
		Complete(res, opts)
	}
	p := prepared{res: res}
	if enc != nil {
		p.enc, p.err = enc.Encode(res)
		p.res = verdictOnly(res) // the rest is in p.enc: an article held to the end keeps only its output
	}
	return p
}

// verdictOnly is what the ordered step reads of an encoded article: it
// counts the verdict (the CLI's gate also the score and notes).
func verdictOnly(res *analysis.Result) *analysis.Result {
	return &analysis.Result{ID: res.ID, Path: res.Path, Title: res.Title, Error: res.Error,
		Score: res.Score, Verdict: res.Verdict, Dimensions: res.Dimensions, Notes: res.Notes}
}

// scratchCopy copies what the policy, scorer and reporters change in place
// (findings, entities); the rest is shared and only read.
func scratchCopy(res *analysis.Result) *analysis.Result {
	c := *res
	c.Findings = slices.Clone(res.Findings)
	c.Entities = slices.Clone(res.Entities)
	return &c
}

// emitHeld reports the held articles in order, preparing them on jobs
// goroutines a window ahead of the writes, and lets each go once written.
func emitHeld(held []*done, jobs int, opts Options, enc report.Encoder, emit func(*done) error) error {
	window := jobs * 4
	ready := make([]chan struct{}, len(held))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	next := make(chan int, window)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := held[i]
				d.out, d.prepared, d.amended = prepare(d.res, false, opts, enc), true, false
				close(ready[i])
			}
		}()
	}
	defer wg.Wait()
	defer close(next)
	for i := range min(window, len(held)) {
		next <- i
	}
	for i := range held {
		<-ready[i]
		if err := emit(held[i]); err != nil {
			return err
		}
		held[i] = nil
		if i+window < len(held) {
			next <- i + window
		}
	}
	return nil
}

// Complete is the last step of every run, after the batch amendments:
// the configuration's policy, then the score and the explanation; text
// and features are dropped unless asked for. `corpus apply` and the Beam
// pipeline finish stage results with it.
func Complete(res *analysis.Result, opts Options) {
	finishResult(res, opts.Policy.Apply(res), opts)
}

func finishResult(res *analysis.Result, th score.Thresholds, opts Options) {
	if !res.Failed() && opts.Scorer != nil {
		opts.Scorer.Score(res, th)
		res.Explanation = explain.Explain(res)
	}
	if !opts.KeepText {
		res.Text = ""
	}
	if !opts.KeepFeatures {
		res.Features = nil
	}
}

func count(sum *report.Summary, res *analysis.Result) {
	sum.Articles++
	switch {
	case res.Failed():
		sum.Errors++
	case res.Verdict == analysis.VerdictFail:
		sum.Failed++
	case res.Verdict == analysis.VerdictWarn:
		sum.Warned++
	default:
		sum.Passed++
	}
}

// observe runs a corpus check on one article; a panicking check loses its
// evidence for that article (and says so) rather than stopping the batch.
//
// sightings, when not nil, are the article's sightings its worker emitted
// (c is then a corpus.Emitter).
func observe(c corpus.Check, idx int, doc *document.Document, res *analysis.Result, sightings [][]corpus.Sighting) (out []corpus.Amendment) {
	defer func() {
		if r := recover(); r != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("batch check %s failed on this article (internal error: %v); its evidence is missing", c.Name(), r))
			out = nil
		}
	}()
	if e, ok := c.(corpus.Emitter); ok && sightings != nil {
		return e.ObserveEmitted(idx, doc, res, sightings)
	}
	return c.Observe(idx, doc, res)
}

func finish(c corpus.Check) (out []corpus.Amendment) {
	defer func() {
		if r := recover(); r != nil {
			out = nil
		}
	}()
	return c.Finish()
}
