// Package colloc holds the collocation-swap patterns: word sequences that
// an article spinner produces when it replaces one word of a frequent news
// collocation by a dictionary synonym ("curiosity rate" for "interest
// rate", "set hearth" for "set fire"), kept only where the reference of
// human news shows the swapped sequence is never written there while the
// original is frequent. The data is derived by ./gen from ../shared (see
// data/README.md); the templated analyzer matches it (rule TP020).
package colloc

//go:generate go run ./gen -shared ../../../../shared -out data/swaps.tsv

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/datafile"
)

//go:embed data/swaps.tsv
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

// Set is the swap patterns keyed by the hash of their words (see Hash),
// so the analyzer looks a word window up without building a string.
type Set struct {
	Swaps []Swap
	index map[uint64]int32
	// MaxWords is the length of the longest pattern in words.
	MaxWords int
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
	loadErr  error
)

// Swaps returns the embedded swap patterns.
func Swaps() (*Set, error) {
	loadOnce.Do(func() { swaps, loadErr = read("data/swaps.tsv") })
	return swaps, loadErr
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
		h := uint64(HashStart)
		for _, w := range words {
			h = HashWord(h, w)
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
