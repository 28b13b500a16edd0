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
	fold := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	m.nclass = 1
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			if c := fold(p[i]); m.class[c] == 0 {
				m.class[c] = uint8(m.nclass)
				m.nclass++
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		m.class[c] = m.class[c+'a'-'A']
	}
	k := int(m.nclass)
	delta := make([]int32, k)
	for i := range delta {
		delta[i] = -1
	}
	out := [][]int32{nil}
	for pi, p := range patterns {
		m.lens[pi] = len(p)
		if p == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := int(m.class[fold(p[i])])
			nx := delta[int(s)*k+c]
			if nx < 0 {
				nx = int32(len(out))
				out = append(out, nil)
				for j := 0; j < k; j++ {
					delta = append(delta, -1)
				}
				delta[int(s)*k+c] = nx
			}
			s = nx
		}
		out[s] = []int32{int32(pi)} // a later duplicate replaces an earlier one
	}
	fail := make([]int32, len(out))
	queue := make([]int32, 0, len(out))
	for c := 0; c < k; c++ {
		if nx := delta[c]; nx > 0 {
			queue = append(queue, nx)
		} else {
			delta[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if f := fail[s]; len(out[f]) > 0 {
			// Suffix patterns are shorter: appended after the state's own.
			out[s] = append(out[s][:len(out[s]):len(out[s])], out[f]...)
		}
		for c := 0; c < k; c++ {
			nx := delta[int(s)*k+c]
			if nx < 0 {
				delta[int(s)*k+c] = delta[int(fail[s])*k+c]
				continue
			}
			fail[nx] = delta[int(fail[s])*k+c]
			queue = append(queue, nx)
		}
	}
	for i, nx := range delta {
		v := nx * int32(k)
		if len(out[nx]) > 0 {
			v |= outputFlag
		}
		delta[i] = v
	}
	m.delta, m.out = delta, out
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
