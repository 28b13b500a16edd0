package refstore

import (
	"encoding/binary"
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
}

// Match is a reference article about the same story.
type Match struct {
	Article    *Article
	Similarity float64 // estimated content-word overlap, 0–1
	// SharedNames are the query's names the reference also names.
	SharedNames []string
	DaysApart   int // -1 when either is undated
}

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
		bands, arts := tx.Bucket(bucketBands), tx.Bucket(bucketArticles)
		if bands == nil {
			return nil
		}
		hits := map[uint32]int{}
		c := bands.Cursor()
		for i := range Bands {
			prefix := bandKey(q.Signature, i)
			n := 0
			for k, v := c.Seek(prefix[:]); k != nil && len(k) == 9 && [5]byte(k[:5]) == prefix && n < maxBandPostings; k, v = c.Next() {
				n++
				if d := int(binary.BigEndian.Uint16(v)); qd != 0 && d != 0 && abs(d-qd) > window {
					continue
				}
				hits[binary.BigEndian.Uint32(k[5:])]++
			}
		}
		for seq := range hits {
			var sk [4]byte
			binary.BigEndian.PutUint32(sk[:], seq)
			raw := arts.Get(sk[:])
			if raw == nil {
				continue
			}
			a, err := decodeArticle(raw)
			if err != nil {
				return fmt.Errorf("stored record %d: %w", seq, err)
			}
			m := Match{Article: a, Similarity: Similarity(q.Signature, a.Signature), DaysApart: -1}
			if qd != 0 && !a.Date.IsZero() {
				m.DaysApart = abs(int(day(a.Date)) - qd)
			}
			m.SharedNames = sharedNames(q.Names, a)
			if m.Similarity >= SameStory || m.Similarity >= SameStoryWithNames && len(m.SharedNames) >= 2 {
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
