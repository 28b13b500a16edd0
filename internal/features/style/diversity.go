package style

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// Word kinds, decided once per distinct word from its lower-cased form.
const (
	kindFunction uint8 = 1 << iota
	kindFirstPerson
	kindSecondPerson
	kindI // the pronoun "i": its capital says nothing about names
)

// scratch is one Measure call's working memory, pooled because Measure runs
// on every article (concurrently: each call takes its own).
//
// Distinct words are interned in a small open-addressing hash table rather
// than a map[string]int32: the lower-cased bytes are written once into an
// arena, and a word already seen costs one probe and one comparison (its
// lower form and hash come from the document's token view).
type scratch struct {
	slots []int32  // hash table: id+1, 0 for empty; a power of two long
	hash  []uint32 // per id: its hash, checked before comparing bytes
	start []int32  // per id: where its lower-cased form starts in arena
	end   []int32  // … and ends
	arena []byte   // the distinct words lower-cased, end to end
	kinds []uint8  // per id
	ids   []int32  // the main text's words as ids
	count []int32  // per id, for the diversity measures
	stamp []int32  // per id, for MTLD's seen-sets
	lens  []float64
	buf   []byte
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	sc.kinds = sc.kinds[:0]
	sc.ids = sc.ids[:0]
	sc.hash = sc.hash[:0]
	sc.start = sc.start[:0]
	sc.end = sc.end[:0]
	sc.arena = sc.arena[:0]
	if len(sc.slots) > 1<<16 {
		sc.slots = nil // after a very long text, do not clear 256 kB for every short one
	} else {
		clear(sc.slots)
	}
	scratchPool.Put(sc)
}

// reserve sizes the hash table for up to n distinct words (at most half
// full, so probes stay short).
func (sc *scratch) reserve(n int) {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	if len(sc.slots) < size {
		sc.slots = make([]int32, size)
		sc.rehash()
	}
}

func (sc *scratch) rehash() {
	mask := uint32(len(sc.slots) - 1)
	for id, h := range sc.hash {
		i := h & mask
		for sc.slots[i] != 0 {
			i = (i + 1) & mask
		}
		sc.slots[i] = int32(id) + 1
	}
}

// word returns id's lower-cased form (it shares the arena: do not keep it).
func (sc *scratch) word(id int32) []byte {
	return sc.arena[sc.start[id]:sc.end[id]]
}

// intern returns the id of raw lower-cased (exactly strings.ToLower),
// giving a new word the next id.
func (sc *scratch) intern(raw string) int32 {
	low := strings.ToLower(raw)
	return sc.internLower(low, document.WordHash(low))
}

// internLower is intern of a word already lower-cased, low, with its
// document.WordHash h (the document's token view holds both, so Measure
// neither lower-cases nor hashes a word itself). Only the slot depends on
// h: words are told apart by their bytes.
func (sc *scratch) internLower(low string, h64 uint64) int32 {
	if 2*(len(sc.kinds)+1) > len(sc.slots) {
		sc.reserve(2 * (len(sc.kinds) + 1))
	}
	h := uint32(h64 ^ h64>>32)
	mask := uint32(len(sc.slots) - 1)
	i := h & mask
	for {
		s := sc.slots[i]
		if s == 0 {
			break
		}
		if id := s - 1; sc.hash[id] == h && string(sc.word(id)) == low {
			return id
		}
		i = (i + 1) & mask
	}
	id := int32(len(sc.kinds))
	sc.slots[i] = id + 1
	sc.hash = append(sc.hash, h)
	sc.start = append(sc.start, int32(len(sc.arena)))
	sc.arena = append(sc.arena, low...)
	sc.end = append(sc.end, int32(len(sc.arena)))
	sc.kinds = append(sc.kinds, kindOf(low))
	return id
}

func (sc *scratch) internAll(words []string) []int32 {
	for _, w := range words {
		sc.ids = append(sc.ids, sc.intern(w))
	}
	return sc.ids
}

func kindOf(lw string) uint8 {
	var k uint8
	if len(lw) <= longestFunctionWord && functionWords[lw] {
		k |= kindFunction
	}
	switch lw {
	case "i", "we", "me", "us", "my", "our":
		k |= kindFirstPerson
	case "you", "your":
		k |= kindSecondPerson
	}
	if lw == "i" {
		k |= kindI
	}
	return k
}

// appendLower appends s lower-cased exactly as strings.ToLower would.
func appendLower(b []byte, s string) []byte {
	from := len(b)
	b = slices.Grow(b, len(s))[:from+len(s)]
	dst := b[from:]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:from+i], strings.ToLower(s[i:])...)
		}
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return b
}

// zeroed returns s resized to n entries, all zero.
func zeroed(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// movingTTR averages the number of distinct ids in every window of size
// ids, over size; shorter texts get their plain type-token ratio.
func (sc *scratch) movingTTR(ids []int32, types, size int) float64 {
	if len(ids) == 0 {
		return 0
	}
	count := zeroed(sc.count, types)
	sc.count = count
	if len(ids) <= size {
		distinct := 0
		for _, id := range ids {
			if count[id] == 0 {
				distinct++
			}
			count[id]++
		}
		return float64(distinct) / float64(len(ids))
	}
	distinct := 0
	for _, id := range ids[:size] {
		if count[id] == 0 {
			distinct++
		}
		count[id]++
	}
	sum := float64(distinct)
	windows := 1
	for i := size; i < len(ids); i++ {
		out := ids[i-size]
		if count[out]--; count[out] == 0 {
			distinct--
		}
		if count[ids[i]] == 0 {
			distinct++
		}
		count[ids[i]]++
		sum += float64(distinct)
		windows++
	}
	return sum / float64(windows) / float64(size)
}

// mtld is the bidirectional MTLD over ids.
func (sc *scratch) mtld(ids []int32, types int) float64 {
	if len(ids) == 0 {
		return 0
	}
	return (sc.mtldOneWay(ids, types, false) + sc.mtldOneWay(ids, types, true)) / 2
}

// mtldOneWay reads ids forwards or backwards. A word is in the current
// factor's seen-set when its stamp equals the factor's number, so starting
// a new factor empties the set without touching it.
func (sc *scratch) mtldOneWay(ids []int32, types int, backwards bool) float64 {
	const threshold = 0.72
	stamp := zeroed(sc.stamp, types)
	sc.stamp = stamp
	factor := int32(1)
	factors := 0.0
	seen, tokens := 0, 0
	n := len(ids)
	for k := range n {
		id := ids[k]
		if backwards {
			id = ids[n-1-k]
		}
		tokens++
		if stamp[id] != factor {
			stamp[id] = factor
			seen++
		}
		if float64(seen)/float64(tokens) <= threshold {
			factors++
			factor++
			seen, tokens = 0, 0
		}
	}
	if tokens > 0 {
		ttr := float64(seen) / float64(tokens)
		factors += (1 - ttr) / (1 - threshold)
	}
	if factors == 0 {
		return float64(n)
	}
	return float64(n) / factors
}

// hapaxShare is the share of distinct ids used once.
func (sc *scratch) hapaxShare(ids []int32, types int) float64 {
	if types == 0 {
		return 0
	}
	count := zeroed(sc.count, types)
	sc.count = count
	for _, id := range ids {
		count[id]++
	}
	once := 0
	for _, c := range count {
		if c == 1 {
			once++
		}
	}
	return float64(once) / float64(types)
}
