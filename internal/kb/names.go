package kb

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/copydesk/copydesk/internal/kb/namematch"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// nameSuffixes are dropped when comparing names ("Joseph Biden Jr.").
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// NormalizeName folds a person's name for comparison: lower case, no
// diacritics or punctuation, no single-letter middle initials or suffixes.
// "Joseph R. Biden Jr." and "joseph biden" compare equal.
func NormalizeName(s string) string {
	toks := nameTokens(s)
	return strings.Join(toks, " ")
}

// markStrippers pools the diacritic-stripping transform chains: a chain
// keeps state and is not safe for concurrent use, but one goroutine at a
// time may reuse it (transform.String resets it first), and building one
// per call dominated the cost of folding non-ASCII names.
var markStrippers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// fold lower-cases s and strips diacritics. ASCII names (most of them)
// skip the transform entirely.
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	t := markStrippers.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	markStrippers.Put(t)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stripNamePunct drops full stops, turns commas into spaces and curly
// apostrophes (’) into straight ones: what
// strings.NewReplacer(".", "", "’", "'", ",", " ") does, without building
// a replacer per call.
func stripNamePunct(s string) string {
	if strings.IndexByte(s, '.') < 0 && strings.IndexByte(s, ',') < 0 && !strings.Contains(s, "’") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
		case c == ',':
			b = append(b, ' ')
		case c == 0xE2 && strings.HasPrefix(s[i:], "’"):
			b = append(b, '\'')
			i += len("’") - 1
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

func nameSeparator(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-')
}

func nameTokens(s string) []string {
	if isASCII(s) {
		return nameTokensASCII(s)
	}
	s = stripNamePunct(fold(s))
	raw := strings.FieldsFunc(s, nameSeparator)
	toks := make([]string, 0, len(raw))
	for i, t := range raw {
		t = strings.Trim(t, "'-")
		if t == "" || nameSuffixes[t] && i > 0 {
			continue
		}
		// A lone initial between first and last name carries no identity.
		if utf8.RuneCountInString(t) == 1 && i > 0 && i < len(raw)-1 {
			continue
		}
		toks = append(toks, t)
	}
	return toks
}

// nameTokensASCII is nameTokens for ASCII text with two allocations: the
// words are cut from one lower-cased copy of the name.
func nameTokensASCII(s string) []string {
	var small [8][2]int
	buf, fields := lowerNameFieldsASCII(make([]byte, 0, len(s)), small[:0], s)
	// buf is never written again: the words share it instead of a copy.
	low := unsafe.String(unsafe.SliceData(buf), len(buf))
	toks := make([]string, 0, len(fields))
	for i, fl := range fields {
		if t := low[fl[0]:fl[1]]; keepNameToken(t, i, len(fields)) {
			toks = append(toks, t)
		}
	}
	return toks
}

// lowerNameFieldsASCII appends s lower-cased without full stops to buf,
// and to fields the spans in buf of its raw words (runs of letters,
// digits, ' and -) with the quotes and hyphens at their ends trimmed.
func lowerNameFieldsASCII(buf []byte, fields [][2]int, s string) ([]byte, [][2]int) {
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '.' {
			continue // "J.R." is "jr"
		}
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'' || c == '-' {
			if start < 0 {
				start = len(buf)
			}
		} else if start >= 0 {
			fields = append(fields, [2]int{start, len(buf)})
			start = -1
		}
		buf = append(buf, c)
	}
	if start >= 0 {
		fields = append(fields, [2]int{start, len(buf)})
	}
	for i, fl := range fields { // strings.Trim(word, "'-")
		for fl[0] < fl[1] && (buf[fl[0]] == '\'' || buf[fl[0]] == '-') {
			fl[0]++
		}
		for fl[1] > fl[0] && (buf[fl[1]-1] == '\'' || buf[fl[1]-1] == '-') {
			fl[1]--
		}
		fields[i] = fl
	}
	return buf, fields
}

// keepNameToken reports whether the i-th of n raw words, trimmed to t,
// is a token of the name: not empty, not a suffix after the first word,
// not a lone initial between the first and last.
func keepNameToken(t string, i, n int) bool {
	if t == "" || nameSuffixes[t] && i > 0 {
		return false
	}
	// A lone initial between first and last name carries no identity.
	return !(len(t) == 1 && i > 0 && i < n-1)
}

// appendNormalizedASCII appends NormalizeName(s) for ASCII s to dst: the
// same words joined by spaces, for a map lookup that allocates nothing.
func appendNormalizedASCII(dst []byte, s string) []byte {
	var bufArr [64]byte
	var small [8][2]int
	buf, fields := lowerNameFieldsASCII(bufArr[:0], small[:0], s)
	first := true
	for i, fl := range fields {
		t := buf[fl[0]:fl[1]]
		if !keepNameToken(string(t), i, len(fields)) {
			continue
		}
		if !first {
			dst = append(dst, ' ')
		}
		dst = append(dst, t...)
		first = false
	}
	return dst
}

// Surname is the last token of a normalised name.
func Surname(name string) string {
	toks := nameTokens(name)
	if len(toks) == 0 {
		return ""
	}
	return toks[len(toks)-1]
}

// SameName reports whether two written names can denote the same person:
// equal after normalisation, or the same surname with compatible given
// names ("Joe"/"Joseph", "Bill"/"William", an initial), or one of them is
// the surname alone.
func (k *KB) SameName(a, b string) bool { return k.lex.sameName(a, b) }

func (lx *lexicon) sameName(a, b string) bool {
	return lx.sameNameTokens(nameTokens(a), nameTokens(b))
}

// sameNameTokens is sameName over names already split by nameTokens.
// The matching itself is namematch.Same, the one layer the batch check and
// coreference share; the KB adds its nickname groups.
func (lx *lexicon) sameNameTokens(ta, tb []string) bool {
	// Tokens hold no spaces: equal lists are equal normalised names.
	if len(ta) > 0 && slices.Equal(ta, tb) {
		return true
	}
	return namematch.Same(ta, tb, lx.sameGiven)
}

// sameGiven reports whether two given names are variants of one name in
// nicknames.txt ("bill"/"william"); spelling and short forms are
// namematch's.
func (lx *lexicon) sameGiven(a, b string) bool {
	ga, okA := lx.nickGroup[a]
	gb, okB := lx.nickGroup[b]
	return okA && okB && ga == gb
}

// Name is a written name split once for comparison, for callers that
// compare the same name many times (the batch check compares each person
// with everyone named before).
type Name struct{ words []string }

// ParseName splits a written name as NormalizeName and SameName do.
func ParseName(s string) Name { return Name{nameTokens(s)} }

// Normalized is NormalizeName of the written name.
func (n Name) Normalized() string { return strings.Join(n.words, " ") }

// AppendNormalized appends Normalized() to dst, for map lookups that
// need no string of their own.
func (n Name) AppendNormalized(dst []byte) []byte {
	for i, w := range n.words {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
}

// AppendMatchKey appends a key two spellings of one name share (the
// words' transliteration keys run together: "Lee Jae-myung" and "Lee Jae
// Myung", "Zelensky" and "Zelenskyy"), for indexes that group sightings
// of one person.
func (n Name) AppendMatchKey(dst []byte) []byte {
	for _, w := range n.words {
		dst = append(dst, namematch.Key(w)...)
	}
	return dst
}

// Words is how many words the normalised name has.
func (n Name) Words() int { return len(n.words) }

// SameParsedName is SameName for names already parsed.
func (k *KB) SameParsedName(a, b Name) bool { return k.lex.sameNameTokens(a.words, b.words) }

// NearMissOf reports whether written is a garbled spelling of the real
// name (namematch.NearMiss with the KB's nicknames).
func (k *KB) NearMissOf(written, real string) bool {
	return namematch.NearMiss(nameTokens(written), nameTokens(real), k.lex.sameGiven)
}

// NearMissNames reports whether two parsed names are one garbling apart
// (either way round): "Thaksin Shiniwatra" and "Thaksin Shinawatra".
func (k *KB) NearMissNames(a, b Name) bool {
	return namematch.NearMiss(a.words, b.words, k.lex.sameGiven) || namematch.NearMiss(b.words, a.words, k.lex.sameGiven)
}

// NearMissRecord returns the name or alias of r that written garbles
// ("Jack Reed" for "Jack Reid", though the record is John Reed's).
func (k *KB) NearMissRecord(written string, r *Record) (string, bool) {
	return k.nearMissRecord(ParseName(written), r)
}

// NearMissParsed is NearMissRecord for a name parsed once: callers try
// one name against many records.
func (k *KB) NearMissParsed(written Name, r *Record) (string, bool) {
	return k.nearMissRecord(written, r)
}

func (k *KB) nearMissRecord(written Name, r *Record) (string, bool) {
	w := written.words
	if len(w) < 2 {
		return "", false
	}
	toks, ok := k.nameToks[r]
	if !ok {
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			toks = append(toks, nameTokens(n))
		}
	}
	last := w[len(w)-1]
	for i, t := range toks {
		// Cheap test first: a near miss keeps the surname's first letter.
		if len(t) < 2 || t[len(t)-1][0] != last[0] {
			continue
		}
		if namematch.NearMiss(w, t, k.lex.sameGiven) {
			if i == 0 {
				return r.Name, true
			}
			return r.Aliases[i-1], true
		}
	}
	return "", false
}
