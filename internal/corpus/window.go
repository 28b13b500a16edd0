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
// Clock is set (articles scored within the last MaxAge, as the service's
// window means it; serve still runs its own generations), or
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
// (--corpus-window), the same as the service's (serve --window): at about
// 9 KB per article kept on news text (see the README) the index stays
// near 45 MB.
const DefaultWindowArticles = 5000

// Bounded reports whether w drops anything.
func (w Window) Bounded() bool { return w.Articles > 0 || w.MaxAge > 0 }

// windowArticle is an article in the table: its order, its stamp and
// the id the batch knows it by before "#2"… (for repeated ids).
type windowArticle struct {
	order Order
	stamp int64
	base  string
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

// admit records an arriving article in the table and, with a bounded
// window, moves the cutoff past the articles that leave it. It returns
// the article's arrival number.
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
	ix.arts = append(ix.arts, windowArticle{order: order, stamp: stamp, base: base})
	if !ix.window.Bounded() {
		return arrival
	}
	maxAge := int64(ix.window.MaxAge / time.Second)
	for ix.cutoff < arrival {
		front := ix.arts[ix.cutoff-ix.first]
		live := ix.arrivals - ix.cutoff
		if !(ix.window.Articles > 0 && live > int64(ix.window.Articles)) && !(maxAge > 0 && front.stamp < ix.newest-maxAge) {
			break
		}
		ix.forgetID(front.base)
		ix.arts[ix.cutoff-ix.first] = windowArticle{}
		ix.cutoff++
	}
	if gone := ix.cutoff - ix.first; gone > 1024 && gone*2 > int64(len(ix.arts)) {
		ix.arts = append(ix.arts[:0:0], ix.arts[gone:]...)
		ix.first = ix.cutoff
	}
	if live := ix.arrivals - ix.cutoff; ix.cutoff-ix.swept >= max(live/8, 256) {
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
			if g.oldest >= ix.cutoff && (g.over == nil || len(g.over.dropped) == 0 || g.over.dropped[0] >= ix.cutoff) {
				continue
			}
			if ix.trim(&g) {
				delete(ix.groups[ci], key)
			} else {
				ix.groups[ci][key] = g
			}
		}
	}
	ix.swept = ix.cutoff
}

// trim drops g's sightings that have left the window and reports
// whether g is now empty.
func (ix *Index) trim(g *keptGroup) bool {
	if g.oldest < ix.cutoff && len(g.slots) > 0 {
		n := len(g.slots)
		g.slots = slices.DeleteFunc(g.slots, func(sl slot) bool { return sl.arrival < ix.cutoff })
		if len(g.slots) <= n/2 {
			g.slots = slices.Clone(g.slots)
		}
		g.oldest = math.MaxInt64
		for _, sl := range g.slots {
			g.oldest = min(g.oldest, sl.arrival)
		}
	}
	if o := g.over; o != nil {
		for len(o.dropped) > 0 && o.dropped[0] < ix.cutoff {
			o.dropped = o.dropped[1:]
		}
		if len(o.dropped) == 0 && o.extra == 0 {
			g.over = nil
		}
	}
	return len(g.slots) == 0 && g.over == nil
}

// Kept is what a streaming index holds: articles in its window, keys and
// sightings kept (for tests and the memory figures in the README).
func (ix *Index) Kept() (articles, keys, sightings int) {
	articles = int(ix.arrivals - ix.cutoff)
	for _, gs := range ix.groups {
		keys += len(gs)
		for _, g := range gs {
			sightings += len(g.slots)
		}
	}
	return articles, keys, sightings
}
