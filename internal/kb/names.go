package kb

import (
	"strings"
	"unicode"

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

// fold lower-cases s and strips diacritics. A transform chain keeps state
// and is not safe for concurrent use, so each call builds its own; ASCII
// names (most of them) skip the transform entirely.
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	stripMarks := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(stripMarks, s)
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

func nameTokens(s string) []string {
	s = fold(s)
	s = strings.NewReplacer(".", "", "’", "'", ",", " ").Replace(s)
	raw := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-')
	})
	var toks []string
	for i, t := range raw {
		t = strings.Trim(t, "'-")
		if t == "" || nameSuffixes[t] && i > 0 {
			continue
		}
		// A lone initial between first and last name carries no identity.
		if len([]rune(t)) == 1 && i > 0 && i < len(raw)-1 {
			continue
		}
		toks = append(toks, t)
	}
	return toks
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
	ta, tb := nameTokens(a), nameTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	if strings.Join(ta, " ") == strings.Join(tb, " ") {
		return true
	}
	if ta[len(ta)-1] != tb[len(tb)-1] {
		return false
	}
	if len(ta) == 1 || len(tb) == 1 {
		return true
	}
	return lx.sameGiven(ta[0], tb[0])
}

func (lx *lexicon) sameGiven(a, b string) bool {
	if a == b || strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return true
	}
	ga, okA := lx.nickGroup[a]
	gb, okB := lx.nickGroup[b]
	return okA && okB && ga == gb
}
