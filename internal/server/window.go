package server

import (
	"fmt"
	"sync"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

// WindowOptions bound the feed's batch: the articles a newly scored article
// is compared with by the checks across articles (shared templates,
// repeated chrome lines, people corroborated or contradicted by another
// article).
type WindowOptions struct {
	// Articles is the window's length in articles; 0 switches the checks
	// across articles off.
	Articles int
	// MaxAge drops articles scored longer ago than this (0: no age limit).
	MaxAge time.Duration
}

// window runs the batch checks over the feed. The checks keep a compact
// index per article (about 14 KB, see the README) but cannot forget one
// article, so the window is made of two generations of checks: every
// article is observed by both, its amendments come from the older one
// (which has seen everything the younger one has and more), a younger
// generation starts when the older has seen Articles/2 articles or is
// MaxAge/2 old, and the older is dropped when it has seen Articles
// articles or is MaxAge old.
//
// So each article is compared with at least the previous Articles/2 and at
// most the previous Articles-1 articles (fewer when MaxAge drops them), and
// the window holds at most 1.5×Articles indexes: memory is bounded by
// about 1.5 × Articles × 14 KB, however long the feed runs.
//
// Only the current article is amended (the semantics of `copydesk score
// --format jsonl`): the earlier article of a shared template has already
// been answered; the later one's finding names it by id. The checks are
// the keyed checks every driver runs (corpus.Index in streaming mode).
type window struct {
	opts WindowOptions
	seq  int // articles observed since the server started

	newSet  func() []corpus.Check
	now     func() time.Time
	mu      sync.Mutex
	gens    []*generation // oldest first; at most two
	rules   []analysis.Rule
	onCount func(visible int) // reports the window size (metrics)
	// persist, when set, records each observed article (serve
	// --window-state: see windowState).
	persist func(at time.Time, doc *document.Document, res *analysis.Result)
}

type generation struct {
	checks  []corpus.Check
	seen    int
	started time.Time
}

func newWindow(opts WindowOptions, newSet func() []corpus.Check, onCount func(int)) *window {
	w := &window{opts: opts, newSet: newSet, now: time.Now, onCount: onCount}
	for _, c := range newSet() {
		w.rules = append(w.rules, c.Rules()...)
	}
	return w
}

// check returns the corpus.Check a run hands to pipeline.RunSource: its
// Observe feeds the shared window.
func (w *window) check() corpus.Check { return windowCheck{w} }

// size is the number of articles the next article is compared with.
func (w *window) size() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.rotate(w.now())
	return w.gens[0].seen
}

// observe feeds one article to every live generation and returns the
// older generation's amendments to it, renumbered to idx.
func (w *window) observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := w.now()
	w.rotate(now)
	self := w.seq
	w.seq++
	var out []corpus.Amendment
	for gi, g := range w.gens {
		g.seen++
		for _, c := range g.checks {
			for _, a := range observeOne(c, self, doc, res) {
				if gi == 0 && a.Doc == self {
					a.Doc = idx
					out = append(out, a)
				}
			}
		}
	}
	if w.onCount != nil {
		w.rotate(now)
		w.onCount(w.gens[0].seen)
	}
	if w.persist != nil {
		w.persist(now, doc, res)
	}
	return out
}

// replay observes articles scored before a restart, in order and at the
// times they were scored, and answers no one: the window is then as it
// was (as far as their count and age allow).
func (w *window) replay(recs []stateRecord) {
	now := w.now
	defer func() { w.now = now }()
	for _, r := range recs {
		w.now = func() time.Time { return r.At }
		w.observe(0, r.Doc.document(), r.Res)
	}
}

// rotate drops an expired older generation and starts a younger one when
// it is due; it always leaves at least one generation.
func (w *window) rotate(now time.Time) {
	expired := func(g *generation) bool {
		return g.seen >= w.opts.Articles || w.opts.MaxAge > 0 && now.Sub(g.started) >= w.opts.MaxAge
	}
	for len(w.gens) > 0 && expired(w.gens[0]) {
		w.gens = w.gens[1:]
	}
	if len(w.gens) == 0 {
		w.gens = append(w.gens, &generation{checks: w.newSet(), started: now})
		return
	}
	last := w.gens[len(w.gens)-1]
	due := last.seen >= max(w.opts.Articles/2, 1) || w.opts.MaxAge > 0 && now.Sub(last.started) >= w.opts.MaxAge/2
	if len(w.gens) == 1 && due {
		w.gens = append(w.gens, &generation{checks: w.newSet(), started: now})
	}
}

// observeOne runs one check on one article; a panicking check loses its
// evidence for that article and says so, as in a `copydesk score` run.
func observeOne(c corpus.Check, idx int, doc *document.Document, res *analysis.Result) (out []corpus.Amendment) {
	defer func() {
		if r := recover(); r != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("batch check %s failed on this article (internal error: %v); its evidence is missing", c.Name(), r))
			out = nil
		}
	}()
	return c.Observe(idx, doc, res)
}

// windowCheck adapts the shared window to one pipeline run.
type windowCheck struct{ w *window }

func (c windowCheck) Name() string           { return "server.window" }
func (c windowCheck) Rules() []analysis.Rule { return c.w.rules }
func (c windowCheck) Observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
	return c.w.observe(idx, doc, res)
}

// Finish amends nothing: a feed has no end, and earlier articles have
// already been answered.
func (c windowCheck) Finish() []corpus.Amendment { return nil }
