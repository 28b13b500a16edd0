package templated

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb/namematch"
	"github.com/copydesk/copydesk/internal/lexicon/colloc"
	"golang.org/x/text/unicode/norm"
)

// A garbled name (TP021) is a capitalised name one or two edits from
// another name of the same article that the article writes more often and
// in the same slot: "Volodymyr Zelenskky" beside "Volodymyr Zelensky", "Mr
// Starmr" beside "Mr Starmer". Round-trip translation and spinners mangle
// names this way; reporters' typos do too, and an editor wants both.
//
// What must not fire, and why each test below exists:
//   - possessives, plurals and demonyms ("Smith's", "Smiths", "Israel" /
//     "Israeli"): one name is a prefix of the other;
//   - diacritics, hyphenation and transliteration ("José" / "Jose",
//     "Zelensky" / "Zelenskyy" / "Zelenskiy"): equal under translitKey;
//   - different people with near names ("Tom Clark" and "Ann Clarke", "Jon"
//     and "John"): the two forms must share a neighbour in the name (same
//     first name or title before, same word after), or the rarer must stand
//     alone in the surname slot of a name the article gives in full;
//   - capitalised ordinary words ("These" / "There"): a name must occur at
//     least once away from a sentence start;
//   - real words and names ("Greece" beside "Greene", "Southern" beside
//     "Northern", "Venice" beside "Fenice"): the rarer form must not be a
//     word human news writes (colloc.KnownCount, from the reference of
//     human train articles), and must keep the first letter, which typos,
//     spinners and translation keep while different names change it.

// nameMention is one distinct capitalised word of the article.
type nameMention struct {
	form    string // the word, possessive dropped
	count   int
	midSent bool // seen away from a sentence start
	inFull  bool // seen as the last word of a multi-word name
	alone   bool // every time a name of one word
}

// nameOcc is one occurrence of a nameMention: which one, and at which word.
type nameOcc struct{ name, word int32 }

// minNameRunes: shorter names ("Masi", "Maso") are a letter apart by
// chance too often.
const minNameRunes = 5

// findGarbledNames reports names spelled one or two edits away from a name
// the article spells more often in the same slot. It returns the number
// reported. Only capitalised words are looked at, and the costly
// comparisons (edit distance, slots) run only for pairs that pass the cheap
// ones and that nameIndex offers, so the cost grows with the number of
// names, not its square.
func findGarbledNames(c *collector, end int) int {
	doc, text := c.doc, c.doc.Text
	words := doc.Words()
	var names []nameMention
	var occs []nameOcc
	index := map[string]int32{}
	capitalisedAt := func(i int) bool {
		return i >= 0 && i < len(words) && isCapitalised(text[words[i].Start:words[i].End])
	}
	for i := 0; i < len(words) && words[i].End <= end; i++ {
		if b := text[words[i].Start]; b < 'A' || b > 'Z' && b < 0x80 {
			continue // the common case: a lower-case word or a number
		}
		w := nameForm(text[words[i].Start:words[i].End])
		if !isNameWord(w) {
			continue
		}
		ni, seen := index[w]
		if !seen {
			ni = int32(len(names))
			index[w] = ni
			names = append(names, nameMention{form: w, alone: true})
		}
		n := &names[ni]
		n.count++
		occs = append(occs, nameOcc{ni, int32(i)})
		hasPrev := i > 0 && sameName(text, words[i-1].End, words[i].Start) && capitalisedAt(i-1)
		hasNext := i+1 < len(words) && sameName(text, words[i].End, words[i+1].Start) && capitalisedAt(i+1)
		if hasPrev && !hasNext {
			n.inFull = true
		}
		if hasPrev || hasNext {
			n.alone = false
		}
		if !sentenceInitial(text, words[i].Start) {
			n.midSent = true
		}
	}
	if len(names) < 2 {
		return 0
	}
	nx := newNameIndex(names, occs)
	reported := 0
	for gi := range names {
		g := &names[gi]
		if !g.midSent || colloc.KnownCount(g.form) > 0 || nx.variantOfAnother(gi) {
			continue
		}
		// The first name of the article (in order of appearance) that g
		// garbles: the candidates come from the index in that order.
		for _, ci := range nx.candidates(gi) {
			cn := &names[ci]
			// Cheap tests first: most pairs differ in first letter or length.
			if d := len(cn.form) - len(g.form); d > 2*utf8.UTFMax || d < -2*utf8.UTFMax || cn.form[0]|0x20 != g.form[0]|0x20 {
				continue
			}
			if int(ci) == gi || !cn.midSent || cn.count < 2 || cn.count <= g.count || !garbledPair(g.form, cn.form) ||
				!nx.shareSlot(text, words, gi, int(ci)) {
				continue
			}
			for _, wi := range nx.occurrences(gi) {
				p := words[wi]
				c.add(ruleGarbledName, p.Start, p.End,
					fmt.Sprintf("%q looks like a garbled %q, which the article writes %d times", g.form, cn.form, cn.count),
					fmt.Sprintf("%q %d time(s), %q %d times", g.form, g.count, cn.form, cn.count))
				reported++
			}
			break
		}
	}
	return reported
}

// nameIndex makes the comparisons between an article's names linear in
// their number: each name's occurrences in one flat list, the names in
// sorted order for the prefix test, and, when there are many, the names
// that could be the correct spelling (seen twice or more, away from a
// sentence start) under every form with up to two letters deleted, the
// neighbourhood any name one or two edits away shares with them. An
// article of thousands of distinct names (a list, a fuzzer's text) then
// costs a few look-ups a name instead of a comparison with every other.
type nameIndex struct {
	names    []nameMention
	occStart []int32 // occurrences of name i: occWords[occStart[i]:occStart[i+1]]
	occWords []int32
	sorted   []int32 // name indexes by form
	// Correct-spelling candidates: all of them in order (few), or by
	// deletion-neighbourhood key (many).
	few  []int32
	near map[uint64][]int32
	buf  []int32
}

// directCandidates is how many candidates are compared with every name
// directly; past it the deletion index pays for itself. (A variable so
// that a test can compare the two paths.)
var directCandidates = 48

func newNameIndex(names []nameMention, occs []nameOcc) *nameIndex {
	nx := &nameIndex{names: names, occStart: make([]int32, len(names)+1), occWords: make([]int32, len(occs))}
	for _, o := range occs {
		nx.occStart[o.name+1]++
	}
	for i := range names {
		nx.occStart[i+1] += nx.occStart[i]
	}
	fill := append([]int32(nil), nx.occStart[:len(names)]...)
	for _, o := range occs {
		nx.occWords[fill[o.name]] = o.word
		fill[o.name]++
	}
	nx.sorted = make([]int32, len(names))
	for i := range nx.sorted {
		nx.sorted[i] = int32(i)
	}
	slices.SortFunc(nx.sorted, func(a, b int32) int { return strings.Compare(names[a].form, names[b].form) })
	for i, n := range names {
		if n.midSent && n.count >= 2 {
			nx.few = append(nx.few, int32(i))
		}
	}
	if len(nx.few) > directCandidates {
		nx.near = map[uint64][]int32{}
		for _, ci := range nx.few {
			for _, k := range deletionKeys(names[ci].form, nil) {
				if l := nx.near[k]; len(l) == 0 || l[len(l)-1] != ci {
					nx.near[k] = append(l, ci)
				}
			}
		}
		nx.few = nil
	}
	return nx
}

func (nx *nameIndex) occurrences(i int) []int32 { return nx.occWords[nx.occStart[i]:nx.occStart[i+1]] }

// candidates returns, in order of first appearance, the names that could
// be the correct spelling of names[gi]: all of them when they are few, else
// those sharing a deletion-neighbourhood key with it.
func (nx *nameIndex) candidates(gi int) []int32 {
	if nx.near == nil {
		return nx.few
	}
	out := nx.buf[:0]
	for _, k := range deletionKeys(nx.names[gi].form, nil) {
		out = append(out, nx.near[k]...)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	nx.buf = out
	return out
}

// deletionKeys appends to keys a hash of every form of w (lower-cased)
// with zero, one or two letters deleted. Two names at most two edits apart
// (substitutions, insertions, deletions, adjacent swaps) share one.
func deletionKeys(w string, keys []uint64) []uint64 {
	rs := []rune(strings.ToLower(w))
	hash := func(skip1, skip2 int) uint64 {
		h := uint64(14695981039346656037)
		for i, r := range rs {
			if i != skip1 && i != skip2 {
				h = (h ^ uint64(r)) * 1099511628211
			}
		}
		return h
	}
	keys = append(keys, hash(-1, -1))
	for i := range rs {
		keys = append(keys, hash(i, -1))
		for j := i + 1; j < len(rs); j++ {
			keys = append(keys, hash(i, j))
		}
	}
	return keys
}

// variantOfAnother reports whether names[gi] extends or shortens another
// name of the article ("Clarks" beside "Clark", "Israeli" beside
// "Israel"): an inflection, whatever else it is near. A shorter name is
// one of g's prefixes; a longer one, if any, sorts right after g.
func (nx *nameIndex) variantOfAnother(gi int) bool {
	g := nx.names[gi].form
	k, _ := slices.BinarySearchFunc(nx.sorted, g, func(i int32, t string) int { return strings.Compare(nx.names[i].form, t) })
	if k+1 < len(nx.sorted) && strings.HasPrefix(nx.names[nx.sorted[k+1]].form, g) {
		return true
	}
	for i := 1; i < len(g); i++ {
		if k, ok := slices.BinarySearchFunc(nx.sorted, g[:i], func(i int32, t string) int { return strings.Compare(nx.names[i].form, t) }); ok && int(nx.sorted[k]) != gi {
			return true
		}
	}
	return false
}

// shareSlot reports whether names gi and ci stand in the same place of a
// name: another word in common in the whole name ("President Zelenksy"
// and "President Volodymyr Zelensky", "Mr Starmr" and "Mr Starmer"), or
// gi alone in the surname slot of a name ci completes elsewhere ("Starmr
// said" after "Keir Starmer"), with no first name of its own.
func (nx *nameIndex) shareSlot(text string, words []document.Span, gi, ci int) bool {
	for _, wg := range nx.occurrences(gi) {
		gr := nameRun(text, words, int(wg))
		for _, wc := range nx.occurrences(ci) {
			if runsShareWord(text, words, gr, int(wg), nameRun(text, words, int(wc)), int(wc)) {
				return true
			}
		}
	}
	return nx.names[ci].inFull && nx.names[gi].alone
}

// nameForm drops a possessive ending.
func nameForm(w string) string {
	switch {
	case strings.HasSuffix(w, "'s"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "’s"):
		return w[:len(w)-len("’s")]
	case strings.HasSuffix(w, "'"):
		return w[:len(w)-1]
	}
	return w
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isNameWord: capitalised, not all capitals (acronyms such as NATO and
// NASA are two edits apart), no digits, long enough that one edit is
// unlikely to make another real name by chance.
func isNameWord(w string) bool {
	if !isCapitalised(w) || utf8.RuneCountInString(w) < minNameRunes {
		return false
	}
	lower := false
	for _, r := range w {
		if unicode.IsDigit(r) {
			return false
		}
		if unicode.IsLower(r) {
			lower = true
		}
	}
	return lower
}

// sameName reports whether the gap between two words keeps them in one
// name: spaces only, no line break or punctuation.
func sameName(text string, from, to int) bool {
	if to-from != 1 {
		return false
	}
	return text[from] == ' '
}

// sentenceInitial reports whether the word at off starts a sentence, a
// line or a quotation (past spaces and opening quotes).
func sentenceInitial(text string, off int) bool {
	i := off
	for i > 0 {
		c := text[i-1]
		switch c {
		case ' ', '\t', '"', '\'', '(':
			i--
			continue
		case '\n', '.', '!', '?', ':':
			return true
		}
		if c >= 0x80 { // curly quotes and dashes
			r, n := utf8.DecodeLastRuneInString(text[:i])
			if r == '“' || r == '‘' || r == '—' || r == '–' {
				i -= n
				continue
			}
		}
		return false
	}
	return true
}

// garbledPair reports whether g is one or two edits (one for names of up
// to six letters) from c, and not a legitimate variant of it.
func garbledPair(g, c string) bool {
	lg, lc := utf8.RuneCountInString(g), utf8.RuneCountInString(c)
	if lg-lc > 2 || lc-lg > 2 {
		return false
	}
	rg, _ := utf8.DecodeRuneInString(g)
	rc, _ := utf8.DecodeRuneInString(c)
	if unicode.ToLower(rg) != unicode.ToLower(rc) {
		return false
	}
	if strings.HasPrefix(g, c) || strings.HasPrefix(c, g) {
		return false // plural, demonym, inflection
	}
	limit := 1
	if min(lg, lc) > 6 {
		limit = 2
	}
	if d := namematch.Distance(g, c); d < 1 || d > limit {
		return false
	}
	kg, kc := translitKey(g), translitKey(c)
	return kg != kc && !strings.HasPrefix(kg, kc) && !strings.HasPrefix(kc, kg)
}

// translitKey folds what differs between accepted spellings of one name:
// case, diacritics, hyphens and apostrophes, y/i/j, the usual
// transliteration pairs (ph/f, ck/k, kh/k, w/v), doubled vowels, and the
// doubled consonants that romanisations of Arabic and Slavic names vary in
// (Mohammed/Mohamed, Gaddafi/Gadafi, Hassan/Hasan): "Zelenskyy",
// "Zelenskiy" and "Zelensky" all read "zelenski". Other doubled letters
// stay: "Zelenskky" is a slip, not a romanisation.
func translitKey(w string) string {
	s := strings.ToLower(w)
	if !isASCII(s) {
		var b strings.Builder
		for _, r := range norm.NFD.String(s) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	s = translitPairs.Replace(s)
	var b strings.Builder
	var last rune
	for _, r := range s {
		if r != last || !strings.ContainsRune(foldedDoubles, r) {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

var translitPairs = strings.NewReplacer("-", "", "'", "", "’", "", "ph", "f", "ck", "k", "kh", "k", "w", "v", "y", "i", "j", "i")

// foldedDoubles are the letters whose doubling translitKey ignores.
const foldedDoubles = "aeioudflmnrst"

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// runsShareWord reports whether the names a and b (word index ranges),
// leaving out the words at skipA and skipB, have a word in common.
func runsShareWord(text string, words []document.Span, a [2]int, skipA int, b [2]int, skipB int) bool {
	for i := a[0]; i < a[1]; i++ {
		if i == skipA {
			continue
		}
		wa := nameForm(text[words[i].Start:words[i].End])
		for j := b[0]; j < b[1]; j++ {
			if j != skipB && wa == nameForm(text[words[j].Start:words[j].End]) {
				return true
			}
		}
	}
	return false
}

// nameRun returns the word range of the capitalised run around word i.
func nameRun(text string, words []document.Span, i int) [2]int {
	s, e := i, i+1
	for s > 0 && sameName(text, words[s-1].End, words[s].Start) && isCapitalised(text[words[s-1].Start:words[s-1].End]) {
		s--
	}
	for e < len(words) && sameName(text, words[e-1].End, words[e].Start) && isCapitalised(text[words[e].Start:words[e].End]) {
		e++
	}
	return [2]int{s, e}
}
