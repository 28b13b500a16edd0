package templated

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
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
	form      string // the word, possessive dropped
	count     int
	midSent   bool     // seen away from a sentence start
	inFull    bool     // seen as the last word of a multi-word name
	prev      []string // capitalised word before it in the name, "" when first
	next      []string // capitalised word after it in the name, "" when last
	positions []int    // word indices, to report
	runs      [][2]int // word indices [start, end) of the whole name at each position
}

// minNameRunes: shorter names ("Masi", "Maso") are a letter apart by
// chance too often.
const minNameRunes = 5

// findGarbledNames reports names spelled one or two edits away from a name
// the article spells more often in the same slot. It returns the number
// reported. Only capitalised words are looked at, and an article has a few
// dozen distinct ones, so the pairwise comparison is cheap.
func findGarbledNames(c *collector, end int) int {
	doc := c.doc
	words := doc.Words()
	var names []nameMention
	index := func(form string) int {
		for i := range names {
			if names[i].form == form {
				return i
			}
		}
		names = append(names, nameMention{form: form})
		return len(names) - 1
	}
	for i := 0; i < len(words) && words[i].End <= end; i++ {
		w := nameForm(doc.Text[words[i].Start:words[i].End])
		if !isNameWord(w) {
			continue
		}
		prev, next := "", ""
		if i > 0 && sameName(doc.Text, words[i-1].End, words[i].Start) && isCapitalised(doc.Text[words[i-1].Start:words[i-1].End]) {
			prev = nameForm(doc.Text[words[i-1].Start:words[i-1].End])
		}
		if i+1 < len(words) && sameName(doc.Text, words[i].End, words[i+1].Start) && isCapitalised(doc.Text[words[i+1].Start:words[i+1].End]) {
			next = nameForm(doc.Text[words[i+1].Start:words[i+1].End])
		}
		n := &names[index(w)]
		n.count++
		n.positions = append(n.positions, i)
		n.runs = append(n.runs, nameRun(doc.Text, words, i))
		n.prev = append(n.prev, prev)
		n.next = append(n.next, next)
		if prev != "" && next == "" {
			n.inFull = true
		}
		if !sentenceInitial(doc.Text, words[i].Start) {
			n.midSent = true
		}
	}
	reported := 0
	for gi := range names {
		g := &names[gi]
		if !g.midSent || colloc.KnownCount(g.form) > 0 || variantOfAnother(names, gi) {
			continue
		}
		for ci := range names {
			cn := &names[ci]
			if ci == gi || !cn.midSent || cn.count < 2 || cn.count <= g.count || !garbledPair(g.form, cn.form) || !shareSlot(doc.Text, words, g, cn) {
				continue
			}
			for _, p := range g.positions {
				c.add(ruleGarbledName, words[p].Start, words[p].End,
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
	for _, suf := range []string{"'s", "’s", "'"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
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
	kg, kc := translitKey(g), translitKey(c)
	if kg == kc || strings.HasPrefix(kg, kc) || strings.HasPrefix(kc, kg) {
		return false
	}
	limit := 1
	if min(lg, lc) > 6 {
		limit = 2
	}
	d := editDistance(g, c)
	return d >= 1 && d <= limit
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

// shareSlot reports whether g and c stand in the same place of a name:
// another word in common in the whole name ("President Zelenksy" and
// "President Volodymyr Zelensky", "Mr Starmr" and "Mr Starmer"), or g
// alone in the surname slot of a name c completes elsewhere ("Starmr said"
// after "Keir Starmer"), with no first name of its own.
func shareSlot(text string, words []document.Span, g, c *nameMention) bool {
	for i, gr := range g.runs {
		for j, cr := range c.runs {
			if runsShareWord(text, words, gr, g.positions[i], cr, c.positions[j]) {
				return true
			}
		}
	}
	if !c.inFull {
		return false
	}
	for i := range g.prev {
		if g.prev[i] != "" || g.next[i] != "" {
			return false // a name of its own: perhaps another person
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

// variantOfAnother reports whether names[gi] extends or shortens another
// name of the article ("Clarks" beside "Clark", "Israeli" beside
// "Israel"): an inflection, whatever else it is near.
func variantOfAnother(names []nameMention, gi int) bool {
	g := names[gi].form
	for i := range names {
		if i != gi && (strings.HasPrefix(g, names[i].form) || strings.HasPrefix(names[i].form, g)) {
			return true
		}
	}
	return false
}

// editDistance is the optimal-string-alignment distance (insertions,
// deletions, substitutions and swaps of adjacent letters) over runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
