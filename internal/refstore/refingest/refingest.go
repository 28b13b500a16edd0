// Package refingest indexes reference articles into a reference store. It
// runs them through copydesk's one run path (pipeline.RunSource with a
// setup), so the people and quotes it stores come from the same
// extractors that read scored articles.
package refingest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/features/coverage"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/report"
)

// Options configure one indexing run.
type Options struct {
	Trust refstore.Trust
	// Source names the publisher of articles that carry none.
	Source string
	// DefaultDate dates articles that carry none.
	DefaultDate time.Time
	Jobs        int
	// BatchSize is how many articles one write transaction holds
	// (0: 1000).
	BatchSize int
}

// Stats count what an indexing run did.
type Stats struct {
	refstore.AddStats
	Failed  int // inputs that could not be read
	Elapsed time.Duration
}

// Add reads the articles source produces, analyses them with the setup's
// analyzers and indexes them into st.
func Add(ctx context.Context, st *refstore.Store, setup *pipeline.Setup, source pipeline.Source, o Options) (Stats, error) {
	start := time.Now()
	rec := &recorder{fingerprints: map[string][]fingerprint{}}
	popts := setup.Options()
	popts.Analyzers = append(append([]*analysis.Analyzer{}, setup.Analyzers...), rec.analyzer())
	popts.Scorer = nil // a reference is not scored
	popts.Jobs = o.Jobs
	popts.Streaming = true
	popts.DefaultDate = o.DefaultDate
	w := &writer{st: st, rec: rec, o: o}
	if w.o.BatchSize <= 0 {
		w.o.BatchSize = 1000
	}
	if _, err := pipeline.RunSource(ctx, source, popts, w); err != nil {
		return w.stats, err
	}
	if err := w.flush(); err != nil {
		return w.stats, err
	}
	w.stats.Elapsed = time.Since(start)
	return w.stats, nil
}

// fingerprint is what the recorder keeps of one article until the writer
// takes it: the signature of its main text and its content hash.
type fingerprint struct {
	sig    refstore.Signature
	names  []uint32
	quotes []refstore.Quote
	hash   uint64
	date   time.Time
}

// recorder is an analyzer added to the run: it fingerprints each article
// and keeps its quotes until the writer takes them with its people.
type recorder struct {
	mu           sync.Mutex
	fingerprints map[string][]fingerprint // by article id, in analysis order
}

func (r *recorder) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "refingest",
		Doc:      "refingest: fingerprint a reference article and record its quotes",
		Requires: []*analysis.Analyzer{attribution.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			ar, _ := pass.ResultOf[attribution.Analyzer].(*attribution.Result)
			var quotes []refstore.Quote
			if ar != nil {
				for _, q := range ar.Quotes {
					rq := refstore.Quote{Text: q.Text, Speaker: coverage.PersonSpeaker(q), Named: coverage.NamedAttribution(q)}
					if rq.Speaker == "" && !q.Vague {
						rq.Org = q.SpeakerOrg
					}
					quotes = append(quotes, rq)
				}
			}
			d := pass.Doc
			main := d.Text[:d.MainEnd()]
			fp := fingerprint{sig: refstore.Sign(refstore.Shingles(main)), names: refstore.NameWords(main), quotes: quotes, date: d.Date,
				hash: refstore.ContentHash(d.Source, "", d.Date, d.Title, d.Text)}
			r.mu.Lock()
			r.fingerprints[d.ID] = append(r.fingerprints[d.ID], fp)
			r.mu.Unlock()
			return nil, nil
		},
	}
}

// take returns the fingerprint recorded for id (the oldest, when one id
// was read more than once).
func (r *recorder) take(id string) (fingerprint, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fps := r.fingerprints[id]
	if len(fps) == 0 {
		return fingerprint{}, false
	}
	fp := fps[0]
	if len(fps) == 1 {
		delete(r.fingerprints, id)
	} else {
		r.fingerprints[id] = fps[1:]
	}
	return fp, true
}

// writer is the run's reporter: it turns results into reference articles
// and adds them to the store in batches.
type writer struct {
	st      *refstore.Store
	rec     *recorder
	o       Options
	pending []*refstore.Article
	stats   Stats
}

func (w *writer) Start(report.RunInfo) error { return nil }

func (w *writer) Document(res *analysis.Result) error {
	if res.Failed() {
		w.stats.Failed++
		return nil
	}
	fp, ok := w.rec.take(res.ID)
	if !ok {
		return fmt.Errorf("reference %s: analysed without a fingerprint", res.ID)
	}
	w.pending = append(w.pending, w.article(res, fp))
	if len(w.pending) >= w.o.BatchSize {
		return w.flush()
	}
	return nil
}

func (w *writer) Finish(report.Summary) error { return w.flush() }

func (w *writer) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	st, err := w.st.Add(w.pending)
	if err != nil {
		return err
	}
	w.stats.Added += st.Added
	w.stats.Updated += st.Updated
	w.stats.Unchanged += st.Unchanged
	clear(w.pending)
	w.pending = w.pending[:0]
	return nil
}

// article builds the stored record of one analysed reference.
func (w *writer) article(res *analysis.Result, fp fingerprint) *refstore.Article {
	source := res.Source
	if source == "" {
		source = w.o.Source
	}
	a := &refstore.Article{ID: res.ID, Source: source, Trust: w.o.Trust, Date: fp.date, Title: res.Title, Signature: fp.sig, NameWords: fp.names}
	// The hash covers what the user controls besides the text: a new
	// --trust or --source re-indexes the article.
	a.Hash = fp.hash ^ refstore.ContentHash(source, w.o.Trust, time.Time{}, "", "")
	for _, e := range res.Entities {
		a.People = append(a.People, refstore.Person{Name: e.Name, Role: e.Role, Affiliation: e.Affiliation})
	}
	a.Quotes = fp.quotes
	return a
}
