// Package colloc holds the collocation-swap patterns: word sequences that
// an article spinner produces when it replaces one word of a frequent news
// collocation by a dictionary synonym ("curiosity rate" for "interest
// rate", "set hearth" for "set fire"), kept only where the reference of
// human news shows the swapped sequence is never written there while the
// original is frequent. The data is derived by ./gen from ../shared (see
// data/README.md); the templated analyzer matches it (rule TP020).
package colloc

//go:generate go run ./gen -shared ../../../../shared -out data

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/datafile"
	"github.com/copydesk/copydesk/internal/document"
)

//go:embed data/swaps.tsv data/known.tsv
var dataFS embed.FS

// Swap is one pattern: the spun word sequence and the collocation it
// stands in for, with how often human news writes the latter.
type Swap struct {
	Phrase string // as found in spun text, lower case ("curiosity rate")
	Usual  string // what human news writes ("interest rate")
	// UsualCount is the occurrences of Usual in the human reference.
	UsualCount int
	// Source says where the synonym came from: "curated" or "aligned".
	Source string
}

// Set is the swap patterns keyed by their words' hashes (see Key), so the
// analyzer looks a word window up from the hashes the document already
// holds, without building a string or hashing a word.
type Set struct {
	Swaps []Swap
	index map[uint64]int32
	// MaxWords is the length of the longest pattern in words.
	MaxWords int
	// firsts has bit h%firstBits set for the hash h of every pattern's first
	// word: most words of an article start no pattern, and one bit test
	// spares the map lookups of every window they would start.
	firsts [firstBits / 64]uint64
}

const firstBits = 1 << 16

// MayStart reports whether a pattern may begin with the word whose
// Key(KeyStart, hash) is h; false means certainly not.
func (s *Set) MayStart(h uint64) bool {
	b := h % firstBits
	return s.firsts[b/64]&(1<<(b%64)) != 0
}

// Lookup returns the swap whose words hash to h.
func (s *Set) Lookup(h uint64) (*Swap, bool) {
	i, ok := s.index[h]
	if !ok {
		return nil, false
	}
	return &s.Swaps[i], true
}

var (
	loadOnce sync.Once
	swaps    *Set
	known    map[uint64]int32
	loadErr  error
)

func load() {
	if swaps, loadErr = read("data/swaps.tsv"); loadErr != nil {
		return
	}
	known, loadErr = readKnown("data/known.tsv")
}

// Swaps returns the embedded swap patterns.
func Swaps() (*Set, error) {
	loadOnce.Do(load)
	return swaps, loadErr
}

// KnownCount returns how often human news in the reference writes word
// (any case), or 0 when fewer than the generator's minimum. A word must
// load first: call Swaps once and check its error.
func KnownCount(word string) int {
	loadOnce.Do(load)
	return int(known[HashWord(HashStart, word)])
}

func readKnown(path string) (map[uint64]int32, error) {
	m := map[uint64]int32{}
	err := datafile.EachLine(dataFS, path, func(cols []string) error {
		if len(cols) != 2 {
			return fmt.Errorf("want 2 columns, have %d", len(cols))
		}
		n, err := strconv.Atoi(cols[1])
		if err != nil {
			return fmt.Errorf("count: %w", err)
		}
		m[HashWord(HashStart, cols[0])] = int32(n)
		return nil
	})
	return m, err
}

func read(path string) (*Set, error) {
	s := &Set{index: map[uint64]int32{}}
	err := datafile.EachLine(dataFS, path, func(cols []string) error {
		if len(cols) != 4 {
			return fmt.Errorf("want 4 columns, have %d", len(cols))
		}
		n, err := strconv.Atoi(cols[2])
		if err != nil {
			return fmt.Errorf("usual_count: %w", err)
		}
		words := strings.Fields(cols[0])
		if len(words) < 2 {
			return fmt.Errorf("pattern %q: want two or more words", cols[0])
		}
		first := Key(KeyStart, document.WordHash(Fold(words[0]))) % firstBits
		s.firsts[first/64] |= 1 << (first % 64)
		h := KeyStart
		for _, w := range words {
			if !Matchable(w) {
				return fmt.Errorf("pattern %q: word %q is not ASCII", cols[0], w)
			}
			h = Key(h, document.WordHash(Fold(w)))
		}
		s.index[h] = int32(len(s.Swaps))
		s.MaxWords = max(s.MaxWords, len(words))
		s.Swaps = append(s.Swaps, Swap{Phrase: cols[0], Usual: cols[1], UsualCount: n, Source: cols[3]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}
