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
// reported. Only capitalised words are looked at, occurrences go in one
// flat slice, and the costly comparisons (edit distance, slots) run only
// for pairs that pass the cheap ones, so an article costs a few
// allocations however many names it has.
func findGarbledNames(c *collector, end int) int {
	doc, text := c.doc, c.doc.Text
	words := doc.Words()
	var names []nameMention
	nameIndex := map[string]int{} // form → index in names
	var occs []nameOcc
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
		ni, seen := nameIndex[w]
		if !seen {
			ni = len(names)
			names = append(names, nameMention{form: w, alone: true})
			nameIndex[w] = ni
		}
		n := &names[ni]
		n.count++
		occs = append(occs, nameOcc{int32(ni), int32(i)})
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
	reported := 0
	variants := newVariantIndex(names)
	var byInitial map[byte][]int // names by first letter, either case, in order: made when first needed
	for gi := range names {
		g := &names[gi]
		if !g.midSent || colloc.KnownCount(g.form) > 0 || variants.of(gi) {
			continue
		}
		if byInitial == nil {
			byInitial = map[byte][]int{}
			for ci := range names {
				k := names[ci].form[0] | 0x20
				byInitial[k] = append(byInitial[k], ci)
			}
		}
		for _, ci := range byInitial[g.form[0]|0x20] {
			cn := &names[ci]
			// Cheap tests first: most pairs differ in first letter or length.
			if d := len(cn.form) - len(g.form); d > 2*utf8.UTFMax || d < -2*utf8.UTFMax || cn.form[0]|0x20 != g.form[0]|0x20 {
				continue
			}
			if ci == gi || !cn.midSent || cn.count < 2 || cn.count <= g.count || !garbledPair(g.form, cn.form) ||
				!shareSlot(text, words, occs, gi, ci, names) {
				continue
			}
			for _, o := range occs {
				if int(o.name) != gi {
					continue
				}
				p := words[o.word]
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

// shareSlot reports whether names gi and ci stand in the same place of a
// name: another word in common in the whole name ("President Zelenksy"
// and "President Volodymyr Zelensky", "Mr Starmr" and "Mr Starmer"), or
// gi alone in the surname slot of a name ci completes elsewhere ("Starmr
// said" after "Keir Starmer"), with no first name of its own.
func shareSlot(text string, words []document.Span, occs []nameOcc, gi, ci int, names []nameMention) bool {
	for _, og := range occs {
		if int(og.name) != gi {
			continue
		}
		gr := nameRun(text, words, int(og.word))
		for _, oc := range occs {
			if int(oc.name) == ci && runsShareWord(text, words, gr, int(og.word), nameRun(text, words, int(oc.word)), int(oc.word)) {
				return true
			}
		}
	}
	return names[ci].inFull && names[gi].alone
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

// variantOfAnother reports whether names[gi] extends or shortens another
// name of the article ("Clarks" beside "Clark", "Israeli" beside
// "Israel"): an inflection, whatever else it is near.
func variantOfAnother(names []nameMention, gi int) bool {
	return newVariantIndex(names).of(gi)
}

// variantIndex answers variantOfAnother for every name of an article in
// O(length of the name) rather than O(names): the forms are distinct, so
// another form is a prefix of g when one of g's prefixes is a form, and g
// is a prefix of another when the next form in sorted order starts with g.
type variantIndex struct {
	names  []nameMention
	forms  map[string]bool
	sorted []string
}

func newVariantIndex(names []nameMention) variantIndex {
	v := variantIndex{names: names, forms: make(map[string]bool, len(names)), sorted: make([]string, len(names))}
	for i, n := range names {
		v.forms[n.form] = true
		v.sorted[i] = n.form
	}
	slices.Sort(v.sorted)
	return v
}

func (v variantIndex) of(gi int) bool {
	g := v.names[gi].form
	for k := range len(g) {
		if v.forms[g[:k]] {
			return true
		}
	}
	i, _ := slices.BinarySearch(v.sorted, g)
	return i+1 < len(v.sorted) && strings.HasPrefix(v.sorted[i+1], g)
}

// variantOfAnotherScan is variantOfAnother by comparing every pair, kept
// for the test that checks the index against it.
func variantOfAnotherScan(names []nameMention, gi int) bool {
	g := names[gi].form
	for i := range names {
		if i != gi && (strings.HasPrefix(g, names[i].form) || strings.HasPrefix(names[i].form, g)) {
			return true
		}
	}
	return false
}
