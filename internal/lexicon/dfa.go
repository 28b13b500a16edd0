package lexicon

// Matcher and ByteMatcher share one automaton construction: a dense
// Aho–Corasick DFA over a small byte alphabet. Each keeps its own scan loop
// (they differ in normalisation and word boundaries, and a shared loop with
// a callback per byte would cost the speed the DFA is for).

// assignClasses gives every byte used by patterns, after fold, its own
// alphabet class from 1 up (0 is "no pattern uses it") and returns the
// number of classes, counting class 0.
func assignClasses(class *[256]uint8, patterns []string, fold func(byte) byte) int {
	n := 1
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			if c := fold(p[i]); class[c] == 0 {
				class[c] = uint8(n)
				n++
			}
		}
	}
	return n
}

// buildDFA compiles patterns over the k classes of class into a dense DFA.
// delta[row+class], where row = state*k, is the next state's row, with
// outputFlag set when that state has outputs, so a scan does one load, one
// mask and one test per byte. out[state] lists the patterns ending at
// state, its own first, then those ending at its suffixes (failure-chain
// outputs are merged here, so a scan never walks failure links). When
// several patterns are the same string, lastOnly keeps only the last of
// them; otherwise all are listed in pattern order. Empty patterns never
// match.
func buildDFA(class *[256]uint8, k int, patterns []string, lastOnly bool) (delta []int32, out [][]int32) {
	// Trie, with -1 for "no edge".
	delta = make([]int32, k)
	for i := range delta {
		delta[i] = -1
	}
	out = [][]int32{nil}
	for pi, p := range patterns {
		if p == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := int(class[p[i]])
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
		if lastOnly {
			out[s] = []int32{int32(pi)} // a later duplicate replaces an earlier one
		} else {
			out[s] = append(out[s], int32(pi))
		}
	}
	// Breadth-first: fill missing edges from the failure state, merge outputs.
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
			// Suffix patterns are shorter: appended after the state's own,
			// into a fresh array so no two states share one.
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
	// Store row offsets (state*k) rather than states: the scan then needs
	// no multiplication per byte.
	for i, nx := range delta {
		v := nx * int32(k)
		if len(out[nx]) > 0 {
			v |= outputFlag
		}
		delta[i] = v
	}
	return delta, out
}
