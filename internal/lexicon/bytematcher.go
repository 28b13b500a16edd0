package lexicon

// ByteMatcher finds exact byte patterns anywhere in a text, ignoring ASCII
// case, in one pass: the same dense Aho–Corasick DFA as Matcher but with no
// normalisation and no word boundaries, for callers that check boundaries
// themselves against the original text (boilerplate phrases). Case folding
// lives in the byte-class table, so the text is scanned in place, with no
// lower-cased copy.
//
// It reports what an Aho–Corasick walk over the ASCII-lower-cased text
// reports (github.com/BobuSumisu/aho-corasick's Trie.Walk, which boilerplate
// used before): every occurrence, ordered by end offset and, at one end,
// longest pattern first; when several patterns are the same string, only
// the last of them.
type ByteMatcher struct {
	lens   []int
	class  [256]uint8
	nclass int32
	delta  []int32 // row offsets, outputFlag set when the state has outputs
	out    [][]int32
}

// CompileBytes builds a matcher for patterns (ASCII upper case in a pattern
// is folded like the text's). Empty patterns never match.
func CompileBytes(patterns []string) *ByteMatcher {
	m := &ByteMatcher{lens: make([]int, len(patterns))}
	for i, p := range patterns {
		m.lens[i] = len(p)
	}
	fold := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	k := assignClasses(&m.class, patterns, fold)
	// Upper case shares its lower-case class, so the DFA folds as it scans.
	for c := 'A'; c <= 'Z'; c++ {
		m.class[c] = m.class[c+'a'-'A']
	}
	m.nclass = int32(k)
	m.delta, m.out = buildDFA(&m.class, k, patterns, true)
	return m
}

// Each calls fn(start, end, pattern) for every occurrence in text, in the
// order described on ByteMatcher; fn returning false stops the scan.
func (m *ByteMatcher) Each(text string, fn func(start, end, pattern int) bool) {
	delta, class, k := m.delta, &m.class, m.nclass
	row := int32(0)
	for i := 0; i < len(text); i++ {
		v := delta[row+int32(class[text[i]])]
		row = v & 0x7fffffff
		if v >= 0 {
			continue
		}
		for _, p := range m.out[row/k] {
			if !fn(i+1-m.lens[p], i+1, int(p)) {
				return
			}
		}
	}
}
