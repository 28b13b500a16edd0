package corpus

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// countCheck is a minimal keyed check: every member of a key learns its
// rank and the size of the group its Reduce saw, so the tests see how a
// key was cut.
type countCheck struct{ calls []int }

func (c *countCheck) Name() string                                         { return "test.count" }
func (c *countCheck) Rules() []analysis.Rule                               { return nil }
func (c *countCheck) Emit(*document.Document, *analysis.Result) []Sighting { return nil }
func (c *countCheck) NewValue() any                                        { return new(int) }
func (c *countCheck) NewNote() any                                         { return new(string) }
func (c *countCheck) Settle(article string, notes []Note) Amendment        { return Amendment{} }
func (c *countCheck) Reduce(g *Group) []Note {
	c.calls = append(c.calls, len(g.Members))
	var out []Note
	for i := g.From; i < g.To; i++ {
		s := fmt.Sprintf("rank %d first %s seen %d", g.Rank(i), g.Members[0].Order.ID, len(g.Members))
		out = append(out, Note{Article: g.Members[i].Order.ID, Value: s})
	}
	return out
}

func members(n int, seed uint64) []Member {
	ms := make([]Member, n)
	for i := range ms {
		ms[i] = Member{Order: Order{Date: int64(i / 3), ID: fmt.Sprintf("a%03d", i)}, Value: new(int)}
	}
	r := rand.New(rand.NewPCG(seed, 1))
	r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
	return ms
}

func notesByArticle(ns []Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Article+": "+n.Value.(string))
	}
	sort.Strings(out)
	return out
}

// TestReduceKeyCutsHotKeys: a key with more sightings than the limit is
// reduced as its first limit sightings, then chunks of limit each with the
// first limit as context; every sighting is answered once, with its rank
// in the whole key, and no call sees more than 2×limit sightings.
func TestReduceKeyCutsHotKeys(t *testing.T) {
	c := &countCheck{}
	notes := ReduceKey(c, "k", members(10, 1), 3)
	if want := []int{3, 6, 6, 4}; !reflect.DeepEqual(c.calls, want) {
		t.Errorf("group sizes per Reduce call %v, want %v", c.calls, want)
	}
	got := notesByArticle(notes)
	if len(got) != 10 {
		t.Fatalf("%d notes, want one per sighting: %v", len(got), got)
	}
	for i, n := range got {
		if want := fmt.Sprintf("a%03d: rank %d first a000", i, i); n[:len(want)] != want {
			t.Errorf("note %q, want prefix %q", n, want)
		}
	}
}

// TestReduceKeyIgnoresInputOrder: the same sightings in any order (any
// sharding delivers them in some order) give the same notes.
func TestReduceKeyIgnoresInputOrder(t *testing.T) {
	want := notesByArticle(ReduceKey(&countCheck{}, "k", members(50, 1), 8))
	for seed := uint64(2); seed < 6; seed++ {
		if got := notesByArticle(ReduceKey(&countCheck{}, "k", members(50, seed), 8)); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d: notes differ", seed)
		}
	}
}

// TestOrderIsDateThenID: earlier means an earlier date, then a smaller id;
// an article without a date sorts first.
func TestOrderIsDateThenID(t *testing.T) {
	os := []Order{{Date: 5, ID: "a"}, {Date: 0, ID: "z"}, {Date: 5, ID: "0"}, {Date: 3, ID: "b"}}
	sort.Slice(os, func(i, j int) bool { return os[i].Compare(os[j]) < 0 })
	if want := []Order{{0, "z"}, {3, "b"}, {5, "0"}, {5, "a"}}; !reflect.DeepEqual(os, want) {
		t.Errorf("order %v, want %v", os, want)
	}
}

func TestArticleIDTellsRepeatsApart(t *testing.T) {
	seen := map[string]int{}
	if got := []string{ArticleID(seen, "x"), ArticleID(seen, "y"), ArticleID(seen, "x")}; !reflect.DeepEqual(got, []string{"x", "y", "x#2"}) {
		t.Errorf("ids %v", got)
	}
}

// hotCheck emits one sighting of one key per article.
type hotCheck struct{ countCheck }

func (c *hotCheck) Emit(*document.Document, *analysis.Result) []Sighting {
	return []Sighting{{Key: "hot", Value: new(int)}}
}

// TestStreamingIndexKeepsAHotKeyBounded: a streaming run answers every
// article of a hot key but keeps at most Limit of its sightings.
func TestStreamingIndexKeepsAHotKeyBounded(t *testing.T) {
	c := &hotCheck{}
	ix := NewIndex([]Keyed{c}, true)
	ix.Limit = 10
	for i := range 100 {
		ix.Observe(i, document.New(fmt.Sprint("d", i), "text"), &analysis.Result{})
	}
	if n := len(ix.groups[0]["hot"].slots); n > ix.Limit {
		t.Errorf("kept %d sightings of the hot key, limit %d", n, ix.Limit)
	}
	if len(c.calls) != 100 || c.calls[99] > ix.Limit+1 {
		t.Errorf("%d Reduce calls, the last over %d sightings", len(c.calls), c.calls[len(c.calls)-1])
	}
}

// TestWindowForgetsAHotKey: with a window, a hot key's count is what the
// window holds: its kept sightings and those past the cap both leave.
func TestWindowForgetsAHotKey(t *testing.T) {
	c := &hotCheck{}
	ix := NewIndex([]Keyed{c}, true)
	ix.Limit = 10
	ix.SetWindow(Window{Articles: 25})
	for i := range 100 {
		ix.Observe(i, document.New(fmt.Sprint("d", i), "text"), &analysis.Result{})
	}
	g := ix.groups[0]["hot"]
	if n, total := len(g.slots), g.total(); n > ix.Limit || total != 25 {
		t.Errorf("kept %d sightings (limit %d), %d in all (window 25)", n, ix.Limit, total)
	}
	if arts, _, _ := ix.Kept(); arts != 25 {
		t.Errorf("%d articles kept, window 25", arts)
	}
}
