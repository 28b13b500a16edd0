package lexicon

import "sync"

// Matcher finds many phrases at once in one pass over a text: an
// Aho–Corasick automaton compiled to a dense DFA over a small alphabet, so
// scanning costs one table lookup per normalised byte whatever the number
// of phrases. Phrases match whole words only, after normalisation (see
// Normalized).
//
// We do not use github.com/BobuSumisu/aho-corasick (v1.0.3, in go.mod)
// here: its Walk follows failure links at match time over a double-array
// trie, and on the same normalised text and stock patterns it ran about 3×
// slower than this dense DFA (BenchmarkBobuSumisuWalk vs
// BenchmarkMatcherScanOnly: ~240 vs ~420 MB per CPU-second), with no word
// boundaries or offset map. A DFA over ~40 byte classes is a few dozen
// lines and never walks failure links.
type Matcher struct {
	patterns []string
	class    [256]uint8 // byte → alphabet class; 0 is "no pattern uses it"
	nclass   int
	// delta[row+class], where row = state*nclass, is the next state's row,
	// with the sign bit set when that state has outputs, so the scan loop
	// does one load, one mask and one test per byte.
	delta []int32
	// out[state] lists the patterns ending at state, including those ending
	// at its suffixes (failure-chain outputs are merged at build time).
	out [][]int32

	pool sync.Pool // *scratch buffers
}

const outputFlag = -1 << 31

// Match is one pattern found in the original text, in byte offsets.
type Match struct {
	Pattern    int // index into the patterns given to Compile
	Start, End int
}

// Compile builds a matcher for patterns, each normalised with
// NormalizeString first. Empty patterns never match.
func Compile(patterns []string) *Matcher {
	m := &Matcher{patterns: make([]string, len(patterns))}
	for i, p := range patterns {
		m.patterns[i] = NormalizeString(p)
	}
	m.nclass = assignClasses(&m.class, m.patterns, func(c byte) byte { return c })
	m.delta, m.out = buildDFA(&m.class, m.nclass, m.patterns, false)
	return m
}

// Pattern returns the normalised form of pattern i.
func (m *Matcher) Pattern(i int) string { return m.patterns[i] }

// States is the automaton's size, for documentation and tests.
func (m *Matcher) States() int { return len(m.out) }

// FindAll appends to dst every whole-word occurrence of every pattern in
// text, ordered by end offset, and returns it. Overlapping and nested
// matches are all reported; callers merge them.
func (m *Matcher) FindAll(text string, dst []Match) []Match {
	n, _ := m.pool.Get().(*Normalized)
	if n == nil {
		n = new(Normalized)
	}
	n.Normalize(text)
	dst = m.scan(n, len(text), dst)
	m.pool.Put(n)
	return dst
}

// scratch is a reusable normalisation and match buffer.
type scratch struct {
	norm    Normalized
	matches []Match
}

var scratchPool sync.Pool

// withScratch runs fn with a pooled normalisation of text and match buffer.
func (m *Matcher) withScratch(text string, fn func(ms []Match)) {
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	sc.norm.Normalize(text)
	sc.matches = m.scan(&sc.norm, len(text), sc.matches[:0])
	fn(sc.matches)
	scratchPool.Put(sc)
}

func (m *Matcher) scan(n *Normalized, textLen int, dst []Match) []Match {
	norm, k, delta, class := n.Text, int32(m.nclass), m.delta, &m.class
	row := int32(0)
	for i := 0; i < len(norm); i++ {
		v := delta[row+int32(class[norm[i]])]
		row = v & 0x7fffffff
		if v >= 0 {
			continue
		}
		s := row / k
		if !boundaryAfter(norm, i) {
			continue // match ends inside a word
		}
		for _, p := range m.out[s] {
			a := i + 1 - len(m.patterns[p])
			if !boundaryBefore(norm, a) {
				continue // match starts inside a word
			}
			end := int(n.Offset[i]) + 1
			if norm[i] >= 0x80 || end > textLen {
				end = textLen
				if i+1 < len(norm) {
					end = int(n.Offset[i+1])
				}
			}
			dst = append(dst, Match{Pattern: int(p), Start: int(n.Offset[a]), End: end})
		}
	}
	return dst
}

// boundaryAfter reports whether a word ends at norm[i]: the next byte is
// not a word byte, or is an apostrophe used as a closing quote
// ("'delve into' is…").
func boundaryAfter(norm []byte, i int) bool {
	if i+1 >= len(norm) || !isWordByte(norm[i+1]) {
		return true
	}
	return norm[i+1] == '\'' && (i+2 >= len(norm) || !isAlnum(norm[i+2]))
}

// boundaryBefore reports whether a word starts at norm[a], allowing an
// opening single quote before it.
func boundaryBefore(norm []byte, a int) bool {
	if a == 0 || !isWordByte(norm[a-1]) {
		return true
	}
	return norm[a-1] == '\'' && (a < 2 || !isAlnum(norm[a-2]))
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }
