// Package namematch is copydesk's one answer to "can these two written
// names be the same person?", shared by the knowledge base lookup, the
// batch check and the people analyzer's coreference.
//
// Newsrooms write one person several ways: romanisations with and without
// hyphens ("Lee Jae-myung", "Lee Jae Myung", "Lee Jaemyung"), diacritics or
// none, transliteration families ("Zelensky", "Zelenskyy", "Zelenskiy"),
// particles in either case ("von der Leyen", "Von der Leyen") and the
// surname alone. The functions here work on words that are already lower
// case and free of diacritics (kb.nameTokens makes them); they never decide
// on given-name nicknames, which the caller's lexicon knows.
package namematch

import (
	"strings"
	"unicode/utf8"
)

// particles are the lower-case words that belong to a surname without
// being it ("von der Leyen", "bin Salman"); a reference that adds or drops
// them names the same person.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true,
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true,
	"della": true, "di": true, "da": true, "dos": true, "das": true, "du": true,
	"le": true, "la": true, "ter": true, "ten": true, "zu": true,
}

// IsParticle reports whether the (lower-case) word is a surname particle.
func IsParticle(w string) bool { return particles[w] }

// Key folds one name word to its transliteration family: hyphens and
// apostrophes dropped, doubled letters single, and the word endings that
// romanisation systems write differently for one sound made one
// ("-skyy", "-skiy", "-skyi", "-skij" → "-sky"; "-iy"/"-yi"/"-ij" → "-y").
// Two words with one key are the same word as far as news is concerned.
func Key(w string) string {
	w = dropArticle(w)
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '-' || c == '\'' {
			continue
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue // "Zelenskyy" → "zelensky", "Witkoff" → "witkof"
		}
		b = append(b, c)
	}
	s := string(b)
	for _, end := range []string{"iy", "yi", "ij", "ii"} {
		if len(s) > len(end)+2 && strings.HasSuffix(s, end) {
			return s[:len(s)-len(end)] + "y"
		}
	}
	return s
}

// arabicArticles are the romanisations of the Arabic article newsrooms
// hyphen to a surname: "al-Sisi", "el-Sisi", and before a sun letter
// "ash-Sharaa", "ad-Dabaiba", "an-Nahyan", "as-Sudani", "at-", "az-", "ar-".
var arabicArticles = []string{"al-", "el-", "ul-", "ash-", "ad-", "an-", "ar-", "as-", "at-", "az-"}

// dropArticle removes a hyphened Arabic article from the front of a name
// word when at least three letters follow: "al-sisi", "el-sisi" and
// "sisi" are one surname.
func dropArticle(w string) string {
	for _, a := range arabicArticles {
		if len(w) >= len(a)+3 && strings.HasPrefix(w, a) {
			return w[len(a):]
		}
	}
	return w
}

// SameKey reports whether two words share a transliteration key; equal
// words (the usual case) cost nothing.
func SameKey(x, y string) bool { return x == y || Key(x) == Key(y) }

// Compact joins the words with their hyphens and apostrophes dropped:
// "lee jae-myung", "lee jae myung" and "lee jaemyung" compact alike.
func Compact(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if w[i] != '-' && w[i] != '\'' {
				b.WriteByte(w[i])
			}
		}
	}
	return b.String()
}

// compactEqual is Compact(a) == Compact(b) without building either:
// Same runs for every record of every office a role can name.
func compactEqual(a, b []string) bool {
	i, j := 0, 0 // word indices
	p, q := 0, 0 // byte offsets in a[i], b[j]
	next := func(words []string, w, o *int) (byte, bool) {
		for *w < len(words) {
			if *o >= len(words[*w]) {
				*w, *o = *w+1, 0
				continue
			}
			c := words[*w][*o]
			*o++
			if c != '-' && c != '\'' {
				return c, true
			}
		}
		return 0, false
	}
	for {
		x, okA := next(a, &i, &p)
		y, okB := next(b, &j, &q)
		if okA != okB || x != y {
			return false
		}
		if !okA {
			return true
		}
	}
}

// SurnameWords returns the words of the surname at the end of words: the
// last word with the particles written before it ("von der leyen").
func SurnameWords(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	s := len(words) - 1
	for s > 0 && particles[words[s-1]] {
		s--
	}
	return words[s:]
}

// Same reports whether two names (lower-case words, see package doc) can
// denote one person: the same words up to romanisation and
// transliteration; one is the other's surname, with or without its
// particles, or any other single word of it (see anyWord); or the same
// surname with compatible given names (sameFirst; sameGiven, the caller's
// nicknames, may be nil).
func Same(a, b []string, sameGiven func(x, y string) bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if compactEqual(a, b) {
		return true
	}
	// Family name first, as East Asian names are written in their own
	// order and often in English ("Iwaya Takeshi", "Takeshi Iwaya").
	if len(a) == 2 && len(b) == 2 && SameKey(a[0], b[1]) && SameKey(a[1], b[0]) {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a // a is the shorter
	}
	if !SameKey(a[len(a)-1], b[len(b)-1]) {
		return len(a) == 1 && anyWord(a[0], b)
	}
	// The shorter is a surname alone, particles or not ("Von der Leyen",
	// "Leyen").
	if onlySurname(a) {
		return true
	}
	ga, gb := givenWords(a), givenWords(b)
	if len(gb) == 0 {
		return true
	}
	if sameFirst(ga[0], gb[0], sameGiven) {
		return true
	}
	// One given name written for several: the name a person goes by
	// among their given names ("Cyril Ramaphosa" for "Matamela Cyril
	// Ramaphosa", "Tayyip Erdogan" for "Recep Tayyip Erdogan").
	if len(ga) == 1 && len(gb) > 1 {
		for _, y := range gb[1:] {
			if SameKey(ga[0], y) {
				return true
			}
		}
	}
	return false
}

// sameFirst reports whether two given names are one: the same word up
// to transliteration, an initial or short form, or nicknames sameGiven
// (may be nil) accepts.
func sameFirst(x, y string, sameGiven func(x, y string) bool) bool {
	if SameKey(x, y) || shortens(x, y) || shortens(y, x) {
		return true
	}
	return sameGiven != nil && sameGiven(x, y)
}

// shortens reports whether given name s is an initial or a short form of
// full ("j", "don" for "donald"; "chris" for "christopher"). A prefix one
// letter short is a misspelling, not a short form ("Donal Trump").
func shortens(s, full string) bool {
	return strings.HasPrefix(full, s) && (len(s) == 1 || len(full)-len(s) >= 2)
}

// anyWord reports whether the single word w is one of the name's words
// other than a particle. A name written as one word is the family name
// wherever the culture puts it ("Lee" for "Lee Jae-myung", "Xi" for "Xi
// Jinping") or the name a person goes by ("Lula", "Prabowo"): it can be
// anyone whose name holds that word, which is what keeps "President Xi"
// from being read as somebody else.
func anyWord(w string, name []string) bool {
	for _, x := range name {
		if !particles[x] && SameKey(w, x) {
			return true
		}
	}
	return false
}

// onlySurname reports whether the name is a surname alone: one word, or
// particles and one word.
func onlySurname(w []string) bool { return len(SurnameWords(w)) == len(w) }

func givenWords(w []string) []string { return w[:len(w)-len(SurnameWords(w))] }

// SameSurname reports whether two surnames (as written, any case, with or
// without particles) are one surname: the coreference test for a later
// "Von der Leyen" or "Zelenskyy" after a full mention.
func SameSurname(a, b string) bool {
	wa, wb := Words(a), Words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	return Key(wa[len(wa)-1]) == Key(wb[len(wb)-1]) && onlySurname(wa) && onlySurname(wb)
}

// Words lower-cases an ASCII-or-folded name and splits it on spaces and
// full stops, for callers holding raw text (diacritics are left as they
// are: kb's normalisation folds them first where it matters).
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '.' || r == ',' })
}

// Distance is the optimal-string-alignment edit distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours, each one
// step), over runes. Names are short: the rows live on the stack up to
// maxDistanceRunes, and a longer name is reported that far from anything.
func Distance(a, b string) int {
	if utf8.RuneCountInString(a) > maxDistanceRunes || utf8.RuneCountInString(b) > maxDistanceRunes {
		return maxDistanceRunes
	}
	var bufA, bufB [maxDistanceRunes]rune
	ra, rb := toRunes(a, bufA[:0]), toRunes(b, bufB[:0])
	var r0, r1, r2 [maxDistanceRunes + 1]int
	prev2, prev, cur := r0[:len(rb)+1], r1[:len(rb)+1], r2[:len(rb)+1]
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

// maxDistanceRunes bounds the names Distance compares.
const maxDistanceRunes = 48

// toRunes appends the runes of s to buf (on the caller's stack when s fits).
func toRunes(s string, buf []rune) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

// NearMiss reports whether written is a garbled spelling of real: not the
// same name (Same), but within one edit of it, or two when the longer has
// more than eight letters, after both are folded to their transliteration
// keys ("Scott Bescent" for "Scott Bessent", "Olaf Solz" for "Olaf Scholz",
// "Steve Witkov" for "Steve Witkoff"). Both names need a given name and a
// surname starting with the same letters, so a different person who merely
// shares a surname ("Eric Trump") or a first name is never a near miss.
func NearMiss(written, real []string, sameGiven func(x, y string) bool) bool {
	if len(written) < 2 || len(real) < 2 || Same(written, real, sameGiven) {
		return false
	}
	wg, rg := givenWords(written), givenWords(real)
	ws, rs := SurnameWords(written), SurnameWords(real)
	if len(wg) == 0 || len(rg) == 0 || ws[len(ws)-1][0] != rs[len(rs)-1][0] || len(wg) >= len(rg) && wg[0][0] != rg[0][0] {
		return false
	}
	// "Cyril Ramaphota" garbles "Matamela Cyril Ramaphosa" as written
	// with the given name the person goes by: compare like with like.
	if extra := len(rg) - len(wg); extra > 0 {
		real = real[extra:]
		if real[0][0] != written[0][0] {
			return false
		}
	}
	w, r := keyed(written), keyed(real)
	if min(len(w), len(r)) < 6 {
		return false // too short: any two names are close
	}
	limit := 1
	if max(len(w), len(r)) > 8 {
		limit = 2
	}
	return Distance(w, r) <= limit
}

// keyed is Compact over the words' transliteration keys.
func keyed(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(Key(w))
	}
	return b.String()
}
