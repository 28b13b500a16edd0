package corpus

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// Window bounds what a streaming Index keeps: the checks across articles
// compare an arriving article with the articles in its window only, and
// memory stays flat however long the feed runs. Batch mode ignores it
// (every article is compared with every other).
//
// An article leaves the window, in arrival order, when Articles newer
// ones have arrived, or when its stamp is more than MaxAge before the
// newest stamp seen. The stamp is the time the article was observed when
// Clock is set (the service: articles scored within the last MaxAge), or
// else the article's date (`score`: articles dated within MaxAge of the
// latest date; an undated article takes the latest date seen so far).
// Age is checked at the front of the window, so an article dated much
// earlier than its neighbours stays until those before it have left.
type Window struct {
	Articles int           // at most this many articles (0: no count limit)
	MaxAge   time.Duration // 0: no age limit
	Clock    func() time.Time
}

// DefaultWindowArticles is the window of `copydesk score --format jsonl`
// (--corpus-window): at about 5 KB per article kept (see the README) the
// index stays near 50 MB.
const DefaultWindowArticles = 10000

// Bounded reports whether w drops anything.
func (w Window) Bounded() bool { return w.Articles > 0 || w.MaxAge > 0 }

// windowArticle is what the window remembers of one article to let it go:
// its stamp and the id the batch knows it by (for repeated ids).
type windowArticle struct {
	stamp int64
	base  string // the article's own id, before "#2"…
}

// idCount tracks one repeated id: the next suffix to give and how many
// articles in the window carry it.
type idCount struct{ next, live int32 }

// articleID is ArticleID for an Index: it forgets an id once no article
// in the window carries it, so its memory stays bounded too.
func (ix *Index) articleID(id string) string {
	c := ix.ids[id]
	if c == nil {
		c = &idCount{}
		ix.ids[id] = c
	}
	c.next++
	c.live++
	if c.next == 1 {
		return id
	}
	return id + "#" + strconv.Itoa(int(c.next))
}

// admit records an arriving article and moves the cutoff past the
// articles that leave the window. It returns the article's arrival number.
func (ix *Index) admit(base string, order Order) int64 {
	stamp := order.Date
	if ix.window.Clock != nil {
		stamp = ix.window.Clock().Unix()
	} else if stamp == 0 {
		stamp = ix.newest
	}
	ix.newest = max(ix.newest, stamp)
	arrival := ix.arrivals
	ix.arrivals++
	if !ix.window.Bounded() {
		return arrival
	}
	ix.ring = append(ix.ring, windowArticle{stamp: stamp, base: base})
	maxAge := int64(ix.window.MaxAge / time.Second)
	for len(ix.ring)-ix.head > 0 {
		front := ix.ring[ix.head]
		live := len(ix.ring) - ix.head
		if !(ix.window.Articles > 0 && live > ix.window.Articles) && !(maxAge > 0 && front.stamp < ix.newest-maxAge) {
			break
		}
		ix.forgetID(front.base)
		ix.ring[ix.head] = windowArticle{}
		ix.head++
		ix.cutoff++
	}
	if ix.head > 1024 && ix.head*2 > len(ix.ring) {
		ix.ring = append(ix.ring[:0:0], ix.ring[ix.head:]...)
		ix.head = 0
	}
	if live := int64(len(ix.ring) - ix.head); ix.cutoff-ix.swept >= max(live/8, 256) {
		ix.sweep()
	}
	return arrival
}

func (ix *Index) forgetID(base string) {
	if c := ix.ids[base]; c != nil {
		if c.live--; c.live <= 0 {
			delete(ix.ids, base)
		}
	}
}

// sweep drops every member that has left the window, and the keys left
// empty: the keys an arriving article touches are trimmed as it is
// answered (trim), the others here, every eighth of the window.
func (ix *Index) sweep() {
	for ci := range ix.groups {
		for key, g := range ix.groups[ci] {
			if ix.trim(g) {
				delete(ix.groups[ci], key)
			}
		}
	}
	ix.swept = ix.cutoff
}

// trim drops g's members that have left the window and reports whether
// g is now empty.
func (ix *Index) trim(g *keptGroup) bool {
	if ix.cutoff == 0 {
		return false
	}
	cut := func(m Member) bool { return m.arrival < ix.cutoff }
	if len(g.members) > 0 && (g.oldest < ix.cutoff) {
		n := len(g.members)
		g.members = slices.DeleteFunc(g.members, cut)
		if len(g.members) < n/2 {
			g.members = append([]Member(nil), g.members...)
		}
		g.oldest = math.MaxInt64
		for _, m := range g.members {
			g.oldest = min(g.oldest, m.arrival)
		}
	}
	for len(g.dropped) > 0 && g.dropped[0] < ix.cutoff {
		g.dropped = g.dropped[1:]
	}
	return len(g.members) == 0 && len(g.dropped) == 0
}

// Kept is what a streaming index holds: articles in its window, keys and
// sightings kept (for tests and the memory figures in the README).
func (ix *Index) Kept() (articles, keys, sightings int) {
	articles = len(ix.ring) - ix.head
	if !ix.window.Bounded() {
		articles = int(ix.arrivals)
	}
	for _, gs := range ix.groups {
		keys += len(gs)
		for _, g := range gs {
			sightings += len(g.members)
		}
	}
	return articles, keys, sightings
}
