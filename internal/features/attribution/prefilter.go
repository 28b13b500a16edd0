package attribution

// keyFilter answers "certainly not a key" for most words before a map
// lookup: a 4096-bit table over (length, first byte, last byte) of every
// key. The clause grammar asks the verb and evidence lists about every
// word of an article, and hashing each word for a map was a tenth of the
// analyzer's time; few words share a key's length and both end bytes.
type keyFilter struct{ bits [64]uint64 }

func filterSlot(s string) uint {
	if s == "" {
		return 0
	}
	h := uint(len(s))*0x9E37 ^ uint(s[0])*0x85EB ^ uint(s[len(s)-1])*0xC2B3
	return (h ^ h>>12) & 4095
}

func newKeyFilter[V any](m map[string]V) *keyFilter {
	f := new(keyFilter)
	for k := range m {
		s := filterSlot(k)
		f.bits[s/64] |= 1 << (s % 64)
	}
	return f
}

// mayHave is false only when s is not a key.
func (f *keyFilter) mayHave(s string) bool {
	sl := filterSlot(s)
	return f.bits[sl/64]&(1<<(sl%64)) != 0
}

// verb is lex.verbs[w] behind the filter.
func (l *lexicon) verb(w string) verbClass {
	if !l.verbFilter.mayHave(w) {
		return 0
	}
	return l.verbs[w]
}
