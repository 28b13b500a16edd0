package corpus

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// Index runs keyed checks in one process: an in-memory group by key. It
// is the Check the pipeline drives.
//
// In batch mode Observe only records each article's sightings and Finish
// reduces every key and settles every article — exactly what `corpus
// reduce` does with key files, so the two agree.
//
// In streaming mode (jsonl output, the service's window) Observe answers
// for the current article at once: each key it touched is reduced with the
// sightings seen so far, and only the current article's notes are settled.
// Per key at most Limit sightings are kept (the earliest to arrive), so a
// hot key costs bounded work per article; values are compacted (see
// Compactor) and never point into article text.
type Index struct {
	checks    []Keyed
	streaming bool
	// Limit caps a key's group (DefaultGroupLimit when 0).
	Limit int

	groups []map[string]*keptGroup // per check, by key
	docs   map[string]int          // article id → input index (batch mode)
	ids    map[string]*idCount     // ids seen (in the window), to tell repeated ids apart

	// The streaming window (see Window): articles in arrival order from
	// ring[head]; members that arrived before cutoff have left it.
	window                  Window
	ring                    []windowArticle
	head                    int
	arrivals, cutoff, swept int64
	newest                  int64 // latest stamp seen
}

type keptGroup struct {
	members []Member // sorted by (Order, Seq)
	// dropped are the arrivals of the sightings past the cap (a bounded
	// window forgets them in turn); extra counts them when it is unbounded.
	dropped []int64
	extra   int
	oldest  int64 // earliest arrival among members
}

func (g *keptGroup) total() int { return len(g.members) + len(g.dropped) + g.extra }

// NewIndex returns a driver for checks; streaming selects the mode.
func NewIndex(checks []Keyed, streaming bool) *Index {
	ix := &Index{checks: checks, streaming: streaming, docs: map[string]int{}, ids: map[string]*idCount{}}
	for range checks {
		ix.groups = append(ix.groups, map[string]*keptGroup{})
	}
	return ix
}

var _ Check = (*Index)(nil)

// SetWindow bounds a streaming index (see Window); call it before the
// first Observe. A batch index ignores it.
func (ix *Index) SetWindow(w Window) {
	if ix.streaming {
		ix.window = w
	}
}

// Name names the index by its checks.
func (ix *Index) Name() string {
	if len(ix.checks) == 1 {
		return ix.checks[0].Name()
	}
	return "corpus.index"
}

// Rules are every check's rules.
func (ix *Index) Rules() []analysis.Rule {
	var rs []analysis.Rule
	for _, c := range ix.checks {
		rs = append(rs, c.Rules()...)
	}
	return rs
}

// ArticleID is the id the batch knows an article by: its own, with "#2",
// "#3"… added when an id repeats (ids in one batch must be unique for the
// notes to find their article).
func ArticleID(seen map[string]int, id string) string {
	n := seen[id]
	seen[id] = n + 1
	if n == 0 {
		return id
	}
	return id + "#" + strconv.Itoa(n+1)
}

// EmitAll runs every check's Emit on one article; a panicking check loses
// its sightings for the article and says so in res's notes.
func EmitAll(checks []Keyed, doc *document.Document, res *analysis.Result) [][]Sighting {
	out := make([][]Sighting, len(checks))
	for i, c := range checks {
		out[i] = emitOne(c, doc, res)
	}
	return out
}

func emitOne(c Keyed, doc *document.Document, res *analysis.Result) (out []Sighting) {
	defer func() {
		if r := recover(); r != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("batch check %s failed on this article (internal error: %v); its evidence is missing", c.Name(), r))
			out = nil
		}
	}()
	return c.Emit(doc, res)
}

// Observe records doc's sightings; in streaming mode it returns the
// current article's amendments.
func (ix *Index) Observe(idx int, doc *document.Document, res *analysis.Result) []Amendment {
	base := strings.Clone(doc.ID) // a copy: the id may point into the input
	id := ix.articleID(base)
	order := OrderOf(doc, id)
	if !ix.streaming {
		ix.docs[id] = idx
	}
	arrival := ix.admit(base, order)
	var out []Amendment
	for ci, ss := range EmitAll(ix.checks, doc, res) {
		c := ix.checks[ci]
		touched := ix.add(ci, order, arrival, ss)
		if !ix.streaming || len(touched) == 0 {
			continue
		}
		var notes []Note
		for _, key := range touched {
			notes = append(notes, ix.reduceCurrent(ci, key, order)...)
		}
		ix.compact(c, ci, touched, order)
		if len(notes) == 0 {
			continue
		}
		if a := c.Settle(id, notes); !a.Empty() {
			a.Doc = idx
			out = append(out, a)
		}
	}
	return out
}

// add files one article's sightings for check ci and, in streaming mode,
// returns the keys touched, in first-seen order.
func (ix *Index) add(ci int, order Order, arrival int64, ss []Sighting) []string {
	var touched []string
	var isTouched map[string]bool
	if ix.streaming {
		isTouched = make(map[string]bool, len(ss))
	}
	for seq, s := range ss {
		g := ix.groups[ci][s.Key]
		if g == nil {
			g = &keptGroup{oldest: arrival}
			ix.groups[ci][strings.Clone(s.Key)] = g
		} else if ix.streaming {
			ix.trim(g)
		}
		m := Member{Order: order, Seq: seq, Value: s.Value, arrival: arrival}
		g.oldest = min(g.oldest, arrival)
		if !ix.streaming {
			g.members = append(g.members, m) // sorted once, in Finish
			continue
		}
		// Kept sorted as it grows. Past the cap a streaming run answers
		// the member once and then drops it (compact).
		at := sort.Search(len(g.members), func(i int) bool { return compareMembers(g.members[i], m) > 0 })
		g.members = slices.Insert(g.members, at, m)
		if ix.streaming && !isTouched[s.Key] {
			isTouched[s.Key] = true
			touched = append(touched, s.Key)
		}
	}
	return touched
}

func (ix *Index) limit() int {
	if ix.Limit > 0 {
		return ix.Limit
	}
	return DefaultGroupLimit
}

// reduceCurrent reduces one key's kept group with the current article's
// members wanting an answer.
func (ix *Index) reduceCurrent(ci int, key string, order Order) []Note {
	c, g := ix.checks[ci], ix.groups[ci][key]
	from := sort.Search(len(g.members), func(i int) bool { return g.members[i].Order.Compare(order) >= 0 })
	to := from
	for to < len(g.members) && g.members[to].Order.Compare(order) == 0 {
		to++
	}
	total := g.total()
	skipped := max(total-len(g.members), 0)
	var notes []Note
	for _, n := range c.Reduce(&Group{Key: key, Members: g.members, From: from, To: to, Skipped: skipped, Total: total}) {
		if n.Article == order.ID {
			notes = append(notes, n)
		}
	}
	return notes
}

// compact drops the current article's members past the cap and replaces
// the values kept by their compact form.
func (ix *Index) compact(c Keyed, ci int, touched []string, order Order) {
	limit := ix.limit()
	comp, _ := c.(Compactor)
	for _, key := range touched {
		g := ix.groups[ci][key]
		if len(g.members) > limit {
			n := len(g.members)
			g.members = slices.DeleteFunc(g.members, func(m Member) bool { return m.Order.Compare(order) == 0 })
			g.members = slices.Clip(g.members)
			for range n - len(g.members) {
				if ix.window.Bounded() {
					g.dropped = append(g.dropped, ix.arrivals-1)
				} else {
					g.extra++
				}
			}
			continue
		}
		if comp == nil {
			continue
		}
		for i := range g.members {
			if g.members[i].Order.Compare(order) == 0 {
				g.members[i].Value = comp.Compact(g.members[i].Value)
			}
		}
	}
}

// Finish reduces every key and settles every article (batch mode).
func (ix *Index) Finish() []Amendment {
	if ix.streaming {
		return nil
	}
	var out []Amendment
	for ci, c := range ix.checks {
		keys := make([]string, 0, len(ix.groups[ci]))
		for k := range ix.groups[ci] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var notes []Note
		for _, k := range keys {
			notes = append(notes, ReduceKey(c, k, ix.groups[ci][k].members, ix.limit())...)
		}
		ix.groups[ci] = nil
		settled := SettleAll(c, notes)
		ids := make([]string, 0, len(settled))
		for id := range settled {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			a := settled[id]
			if idx, ok := ix.docs[id]; ok {
				a.Doc = idx
				out = append(out, a)
			}
		}
	}
	return out
}
