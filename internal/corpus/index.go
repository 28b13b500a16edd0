package corpus

import (
	"fmt"
	"maps"
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
// Compactor) and never point into article text; and a Window bounds the
// articles kept, so memory stays flat on any feed.
//
// What is kept is flat: per article its order, id and stamp (one entry of
// the article table), per sighting a 32-byte slot (the article's arrival
// number, its position, the value), per key its slots. Reduce sees the
// slots as Members, built for the call.
type Index struct {
	checks    []Keyed
	streaming bool
	// Limit caps a key's group (DefaultGroupLimit when 0).
	Limit int

	groups []map[string]keptGroup // per check, by key (by value: no allocation per key)
	docs   map[string]int         // article id → input index (batch mode)
	ids    map[string]*idCount    // ids seen (in the window), to tell repeated ids apart

	// The article table: arts[i] arrived (i + first)th; articles that
	// arrived before cutoff have left the window (see Window).
	window                  Window
	arts                    []windowArticle
	first                   int64
	arrivals, cutoff, swept int64
	newest                  int64 // latest stamp seen

	scratch []Member // the group a Reduce sees, reused
}

// slot is one kept sighting: which article (by arrival), its position
// among the article's sightings for the check, and the value.
type slot struct {
	arrival int64
	value   any
	seq     int32
}

type keptGroup struct {
	slots  []slot // sorted by the articles' (Order, Seq)
	oldest int64  // earliest arrival among slots
	over   *overflow
}

// overflow counts a hot key's sightings past the cap: their arrivals when
// the window is bounded (it forgets them in turn), else a count.
type overflow struct {
	dropped []int64
	extra   int
}

func (g *keptGroup) total() int {
	n := len(g.slots)
	if g.over != nil {
		n += len(g.over.dropped) + g.over.extra
	}
	return n
}

// NewIndex returns a driver for checks; streaming selects the mode.
func NewIndex(checks []Keyed, streaming bool) *Index {
	ix := &Index{checks: checks, streaming: streaming, docs: map[string]int{}, ids: map[string]*idCount{}}
	for range checks {
		ix.groups = append(ix.groups, map[string]keptGroup{})
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

var _ Emitter = (*Index)(nil)

// Emit returns doc's sightings for every check of the index (EmitAll). It
// reads nothing of the index, so it may run on any goroutine.
func (ix *Index) Emit(doc *document.Document, res *analysis.Result) [][]Sighting {
	return EmitAll(ix.checks, doc, res)
}

// Observe records doc's sightings; in streaming mode it returns the
// current article's amendments.
func (ix *Index) Observe(idx int, doc *document.Document, res *analysis.Result) []Amendment {
	return ix.ObserveEmitted(idx, doc, res, ix.Emit(doc, res))
}

// ObserveEmitted is Observe with doc's sightings already emitted (Emit).
func (ix *Index) ObserveEmitted(idx int, doc *document.Document, res *analysis.Result, sightings [][]Sighting) []Amendment {
	base := strings.Clone(doc.ID) // a copy: the id may point into the input
	id := ix.articleID(base)
	order := OrderOf(doc, id)
	if !ix.streaming {
		ix.docs[id] = idx
	}
	arrival := ix.admit(base, order)
	var out []Amendment
	for ci, ss := range sightings {
		c := ix.checks[ci]
		touched := ix.add(ci, arrival, order, ss)
		if !ix.streaming || len(touched) == 0 {
			continue
		}
		var notes []Note
		for _, g := range touched {
			notes = append(notes, ix.reduceCurrent(ci, g, arrival, order)...)
		}
		ix.compact(ci, touched, arrival)
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

// orderAt is the order of the article that arrived at arrival (in the
// window).
func (ix *Index) orderAt(arrival int64) Order { return ix.arts[arrival-ix.first].order }

// add files one article's sightings for check ci and, in streaming mode,
// returns the groups touched, in first-seen order.
func (ix *Index) add(ci int, arrival int64, order Order, ss []Sighting) []string {
	var touched []string
	for seq, s := range ss {
		g, ok := ix.groups[ci][s.Key]
		if !ok {
			g = keptGroup{oldest: arrival} // the key is the sighting's own string (see Sighting): kept as is
		} else if ix.streaming {
			ix.trim(&g)
		}
		g.oldest = min(g.oldest, arrival)
		sl := slot{arrival: arrival, seq: int32(seq), value: s.Value}
		if !ix.streaming {
			g.slots = append(g.slots, sl) // sorted once, in Finish
			ix.groups[ci][s.Key] = g
			continue
		}
		// Kept sorted as it grows. Past the cap a streaming run answers
		// the sighting once and then drops it (compact).
		m := Member{Order: order, Seq: seq}
		at := sort.Search(len(g.slots), func(i int) bool {
			o := g.slots[i]
			return compareMembers(Member{Order: ix.orderAt(o.arrival), Seq: int(o.seq)}, m) > 0
		})
		g.slots = slices.Insert(g.slots, at, sl)
		ix.groups[ci][s.Key] = g
		if !slices.Contains(touched, s.Key) {
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

// members is g's slots as the Members a Reduce sees (in ix.scratch).
func (ix *Index) members(g keptGroup) []Member {
	ms := ix.scratch[:0]
	for _, sl := range g.slots {
		ms = append(ms, Member{Order: ix.orderAt(sl.arrival), Seq: int(sl.seq), Value: sl.value})
	}
	ix.scratch = ms
	return ms
}

// reduceCurrent reduces one key's kept group with the current article's
// members wanting an answer.
func (ix *Index) reduceCurrent(ci int, key string, arrival int64, order Order) []Note {
	c, g := ix.checks[ci], ix.groups[ci][key]
	ms := ix.members(g)
	from := slices.IndexFunc(g.slots, func(sl slot) bool { return sl.arrival == arrival })
	to := from
	for to < len(g.slots) && g.slots[to].arrival == arrival {
		to++
	}
	total := g.total()
	skipped := max(total-len(ms), 0)
	var notes []Note
	for _, n := range c.Reduce(&Group{Key: key, Members: ms, From: from, To: to, Skipped: skipped, Total: total}) {
		if n.Article == order.ID {
			notes = append(notes, n)
		}
	}
	clear(ix.scratch) // drop the values' references until the next call
	return notes
}

// compact drops the current article's sightings past the cap and
// replaces the values kept by their compact form.
func (ix *Index) compact(ci int, touched []string, arrival int64) {
	limit := ix.limit()
	comp, _ := ix.checks[ci].(Compactor)
	for _, key := range touched {
		g := ix.groups[ci][key]
		if len(g.slots) > limit {
			n := len(g.slots)
			g.slots = slices.Clip(slices.DeleteFunc(g.slots, func(sl slot) bool { return sl.arrival == arrival }))
			if g.over == nil {
				g.over = &overflow{}
			}
			for range n - len(g.slots) {
				if ix.window.Bounded() {
					g.over.dropped = append(g.over.dropped, arrival)
				} else {
					g.over.extra++
				}
			}
			ix.groups[ci][key] = g
			continue
		}
		if comp == nil {
			continue
		}
		for i := range g.slots {
			if g.slots[i].arrival == arrival {
				g.slots[i].value = comp.Compact(g.slots[i].value)
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
		notes := ReduceGroups(c, ix.groups[ci], func(g keptGroup) []Member { return slices.Clone(ix.members(g)) }, ix.limit())
		ix.groups[ci] = nil
		settled := SettleAll(c, notes)
		for _, id := range slices.Sorted(maps.Keys(settled)) {
			a := settled[id]
			if idx, ok := ix.docs[id]; ok {
				a.Doc = idx
				out = append(out, a)
			}
		}
	}
	return out
}
