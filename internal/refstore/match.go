package refstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/copydesk/copydesk/internal/kb/namematch"
	bolt "go.etcd.io/bbolt"
)

// Story matching: thresholds on the estimated overlap of content words
// (Similarity), measured on ../shared/eval (README, "Reference coverage").
const (
	// SameStory is the overlap above which two articles tell one story
	// whatever names they share: above the 99th percentile of unrelated
	// BBC pairs (0.09) and below the least similar wire rewrite (0.20).
	SameStory = 0.15
	// SameStoryWithNames is the overlap that suffices when the two
	// articles also share at least two people.
	SameStoryWithNames = 0.08
	// HeadlineCover is the share of a dated reference's headline words
	// (at least minHeadlineWords) an article within HeadlineWindow days
	// must contain to tell its story when its text overlaps less than
	// SameStory (a long, padded rewrite of a short agency report), with
	// overlap at least HeadlineOverlap. On BBC 2004–05, 0 of 2,000
	// unrelated pairs and 0.5% of pairs from one news section pass
	// (those mostly on one topic), before any date window.
	HeadlineCover    = 0.75
	HeadlineOverlap  = 0.04
	HeadlineWindow   = 2
	minHeadlineWords = 3
	// DefaultWindow is how far apart in days two dated articles may be
	// and still cover one story.
	DefaultWindow = 7
	// maxMatches is how many reference articles a lookup returns.
	maxMatches = 10
	// maxBandPostings bounds the entries read per band: a band shared by
	// a huge number of articles says nothing about any one story.
	maxBandPostings = 5000
)

// Query is what a scored article offers for story matching.
type Query struct {
	Signature Signature
	Date      time.Time // zero: no date filter
	// Window is the date window in days (0: DefaultWindow).
	Window int
	// Names are the people the article names, as written.
	Names []string
	// Words are the article's Shingles, for matching by headline.
	Words []uint64
	// Peers, when set, makes the store the run's own batch (see
	// BatchEnvKey): the article itself (ID) is never its own coverage,
	// and only articles from a named source other than Source are.
	Peers *Peers
}

// Peers says which article of a batch is asking, and from which source.
type Peers struct {
	ID, Source string
}

// excludes reports whether a is no coverage for the asking article.
func (p *Peers) excludes(a *Article) bool {
	return p != nil && (a.ID == p.ID || a.Source == "" || a.Source == p.Source)
}

// Match is a reference article about the same story.
type Match struct {
	Article    *Article
	Similarity float64 // estimated content-word overlap, 0–1
	// SharedNames are the query's names the reference also names.
	SharedNames []string
	DaysApart   int // -1 when either is undated
	// HeadlineCover is the share of the reference's headline words the
	// article contains (0 when the headline has too few).
	HeadlineCover float64
}

// headlineCover is the share of title's content words in words.
func headlineCover(title string, words map[uint64]bool) float64 {
	hs := Shingles(title)
	if len(hs) < minHeadlineWords {
		return 0
	}
	n := 0
	for _, h := range hs {
		if words[h] {
			n++
		}
	}
	return float64(n) / float64(len(hs))
}

// errOldFormat: a store written before the posting-list index, opened
// read-only (a writable open re-indexes it).
var errOldFormat = errors.New("the store was built by an older copydesk: run `copydesk ref prune --db DIR --before 1900-01-01` (or any ref add) once to re-index it")

// Match returns the reference articles about the query's story, best
// first. It reads only the index entries of the query's bands and the
// records of the candidates they name.
func (s *Store) Match(q Query) ([]Match, error) {
	if len(q.Signature) != SignatureSize {
		return nil, nil
	}
	window := q.Window
	if window <= 0 {
		window = DefaultWindow
	}
	qd := int(day(q.Date))
	var out []Match
	err := s.db.View(func(tx *bolt.Tx) error {
		bands, arts := tx.Bucket(bucketPostings), tx.Bucket(bucketArticles)
		if bands == nil {
			if tx.Bucket(bucketOldBands) != nil {
				return errOldFormat
			}
			return nil
		}
		hits := map[uint32]int{}
		for i := range Bands {
			postings(bands, i, bandValue(q.Signature, i), maxBandPostings, func(seq uint32, d uint16) {
				if qd != 0 && d != 0 && abs(int(d)-qd) > window {
					return
				}
				hits[seq]++
			})
		}
		if titles := tx.Bucket(bucketTitles); titles != nil && qd != 0 {
			// Dated references whose headline shares a word with the
			// article, within the headline window.
			// Only those sharing minHeadlineWords or more are read.
			c := titles.Cursor()
			lo := uint16(max(1, qd-HeadlineWindow))
			titleHits := map[uint32]int{}
			for _, h := range q.Words {
				from := titleKey(h, lo, 0)
				for k, _ := c.Seek(from); k != nil && [4]byte(k[:4]) == [4]byte(from[:4]) && int(binary.BigEndian.Uint16(k[4:])) <= qd+HeadlineWindow; k, _ = c.Next() {
					titleHits[binary.BigEndian.Uint32(k[6:])]++
				}
			}
			for seq, n := range titleHits {
				if n >= minHeadlineWords {
					hits[seq]++
				}
			}
		}
		words := make(map[uint64]bool, len(q.Words))
		for _, h := range q.Words {
			words[h] = true
		}
		for seq := range hits {
			a, err := storedArticle(arts, seq)
			if err != nil {
				return err
			}
			if a == nil || q.Peers.excludes(a) {
				continue
			}
			m := Match{Article: a, Similarity: Similarity(q.Signature, a.Signature), DaysApart: -1}
			if qd != 0 && !a.Date.IsZero() {
				m.DaysApart = abs(int(day(a.Date)) - qd)
			}
			m.SharedNames = sharedNames(q.Names, a)
			m.HeadlineCover = headlineCover(a.Title, words)
			switch {
			case m.Similarity >= SameStory:
			case m.Similarity >= SameStoryWithNames && len(m.SharedNames) >= 2:
			case m.Similarity >= HeadlineOverlap && m.HeadlineCover >= HeadlineCover && m.DaysApart >= 0 && m.DaysApart <= HeadlineWindow:
			default:
				continue
			}
			{
				out = append(out, m)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reference store %s: match: %w", s.path, err)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Similarity != out[j].Similarity {
			return out[i].Similarity > out[j].Similarity
		}
		return out[i].Article.ID < out[j].Article.ID
	})
	if len(out) > maxMatches {
		out = out[:maxMatches]
	}
	return out, nil
}

// sharedNames returns the names (full names: two words or more) that the
// reference article also names, by the name-matching layer.
func sharedNames(names []string, a *Article) []string {
	var out []string
	for _, n := range names {
		w := namematch.Words(n)
		if len(w) < 2 {
			continue
		}
		for _, p := range a.People {
			if pw := namematch.Words(p.Name); len(pw) >= 2 && namematch.Same(w, pw, nil) {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
