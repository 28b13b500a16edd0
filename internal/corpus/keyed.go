package corpus

import (
	"cmp"
	"maps"
	"slices"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// A check across articles is written once, as map → group by key →
// reduce, so that one process (`copydesk score`, `copydesk serve`), a
// sharded run on files (`score --emit-keys`, `corpus reduce`, `corpus
// apply`) and a Beam pipeline give the same answer:
//
//   - Emit (map) turns one analysed article into keyed sightings: a key
//     (a normalised line, a MinHash band of a sentence, a person's name, an
//     office in a period) and a small value the check defines. Values are
//     copies, never substrings of the article.
//   - Reduce turns the sightings of one key, sorted by Order, into notes
//     addressed to articles by id.
//   - Settle turns the notes one article received into its Amendment.
//
// "Earlier" and "first seen" always mean "smaller Order" — the article's
// date, then its id — never the position in the input, so any sharding or
// input order gives the same result.
type Keyed interface {
	Name() string
	Rules() []analysis.Rule
	// Emit returns the article's sightings. Seq (their position in the
	// returned slice) orders sightings of one article.
	Emit(doc *document.Document, res *analysis.Result) []Sighting
	// Reduce returns notes for the members of g that want an answer
	// (g.Wants); the other members are context.
	Reduce(g *Group) []Note
	// Settle turns one article's notes, in any order, into its amendment
	// (Doc is set by the caller).
	Settle(article string, notes []Note) Amendment
	// NewValue and NewNote return pointers to empty values of the types
	// Emit and Reduce use, to decode key files and shuffled notes.
	NewValue() any
	NewNote() any
}

// Compactor is implemented by checks whose values carry fields only the
// batch answer reads (text quoted back on an earlier article): a streaming
// run keeps Compact(v) instead of v, so its memory stays small.
type Compactor interface {
	Compact(v any) any
}

// Order places an article in the batch: by date (Unix seconds; 0 when the
// article has none), then by id.
type Order struct {
	Date int64  `json:"d,omitempty"`
	ID   string `json:"id"`
}

// Compare orders o and p by date, then id.
func (o Order) Compare(p Order) int {
	if c := cmp.Compare(o.Date, p.Date); c != 0 {
		return c
	}
	return cmp.Compare(o.ID, p.ID)
}

// OrderOf is the order of doc under id.
func OrderOf(doc *document.Document, id string) Order {
	o := Order{ID: id}
	if doc.HasDate() {
		o.Date = doc.Date.Unix()
	}
	return o
}

// Sighting is one keyed observation an article emits. The index keeps
// Key as it is, so it must be a string of its own (built for the key, as
// every check's Emit does), never a substring of the article's text: a
// substring would keep the whole article alive for as long as the key.
type Sighting struct {
	Key   string
	Value any
}

// Member is a sighting in its group: the article's order and the
// sighting's position among that article's sightings for the check.
type Member struct {
	Order Order
	Seq   int
	Value any
}

func compareMembers(a, b Member) int {
	if c := a.Order.Compare(b.Order); c != 0 {
		return c
	}
	return cmp.Compare(a.Seq, b.Seq)
}

// SortMembers sorts ms by (Order, Seq): the one order every driver uses.
func SortMembers(ms []Member) { slices.SortFunc(ms, compareMembers) }

// Group is the sightings of one key a Reduce call sees, sorted by (Order,
// Seq). Members[From:To] want an answer; the others are context.
type Group struct {
	Key      string
	Members  []Member
	From, To int
	// Skipped counts sightings of the key that sort between
	// Members[From-1] and Members[From] but are not in Members (a hot
	// key's chunks, a streaming run's capped group); Rank adds them.
	Skipped int
	// Total is the number of sightings the key has in all (so far, in a
	// streaming run).
	Total int
}

// Wants reports whether member i wants an answer.
func (g *Group) Wants(i int) bool { return i >= g.From && i < g.To }

// Rank is member i's position among all the key's sightings in order.
func (g *Group) Rank(i int) int {
	if i >= g.From {
		return i + g.Skipped
	}
	return i
}

// Note is what a Reduce says to one article, by id.
type Note struct {
	Article string
	Value   any
}

// DefaultGroupLimit caps the sightings one Reduce call sees: a hot key
// (a syndicated wire line, a very common name, the busiest office) is
// reduced in chunks. See ReduceKey.
const DefaultGroupLimit = 4096

// ReduceGroups reduces each key of one check's groups with ReduceKey, in
// key order, so that a batch run and a sharded reduce give their notes in
// the same order; members returns a group's sightings.
func ReduceGroups[G any](c Keyed, groups map[string]G, members func(G) []Member, limit int) []Note {
	var notes []Note
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		notes = append(notes, ReduceKey(c, k, members(groups[k]), limit)...)
	}
	return notes
}

// ReduceKey reduces all the sightings of one key (in any order) and
// returns the notes. Up to limit sightings are reduced in one call. A hot
// key with more is cut, in (Order, Seq) order, into its first limit
// sightings — reduced together — and chunks of the next limit sightings,
// each reduced with the first limit as context: a sighting past the cap
// is compared with the key's earliest limit sightings and its own chunk,
// not with every other. Work and memory per call stay bounded, and since
// the cut follows the order, the answer is the same on every sharding.
func ReduceKey(c Keyed, key string, ms []Member, limit int) []Note {
	if limit <= 0 {
		limit = DefaultGroupLimit
	}
	SortMembers(ms)
	n := len(ms)
	if n <= limit {
		return c.Reduce(&Group{Key: key, Members: ms, From: 0, To: n, Total: n})
	}
	notes := c.Reduce(&Group{Key: key, Members: ms[:limit:limit], From: 0, To: limit, Total: n})
	for start := limit; start < n; start += limit {
		end := min(start+limit, n)
		g := &Group{Key: key, Members: append(ms[:limit:limit], ms[start:end]...), From: limit, To: limit + end - start,
			Skipped: start - limit, Total: n}
		notes = append(notes, c.Reduce(g)...)
	}
	return notes
}

// SettleAll turns notes into one amendment per article id that has any,
// in id order; Doc is left -1 for the caller to set.
func SettleAll(c Keyed, notes []Note) map[string]Amendment {
	byArticle := map[string][]Note{}
	for _, n := range notes {
		byArticle[n.Article] = append(byArticle[n.Article], n)
	}
	out := make(map[string]Amendment, len(byArticle))
	for id, ns := range byArticle {
		a := c.Settle(id, ns)
		a.Doc = -1
		if !a.Empty() {
			out[id] = a
		}
	}
	return out
}

// Empty reports whether a changes nothing.
func (a Amendment) Empty() bool {
	return len(a.Findings) == 0 && len(a.Entities) == 0 && len(a.Withdraw) == 0
}

// SortFindings orders findings totally (position, rule, message,
// evidence), so an amendment does not depend on the order its notes
// arrived in.
func SortFindings(fs []analysis.Finding) {
	slices.SortFunc(fs, func(a, b analysis.Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Evidence, b.Evidence), cmp.Compare(a.Text, b.Text))
	})
}
