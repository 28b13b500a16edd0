package kb

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// normRoleReference and nameTokensReference are normRole and nameTokens
// as first written, with a strings.Replacer built per call; the faster
// versions must agree with them on any text.
func normRoleReference(s string) string {
	s = fold(s)
	s = strings.NewReplacer("’", "'", ".", "", "'s ", " ", "s' ", "s ").Replace(s + " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func nameTokensReference(s string) []string {
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
		if len([]rune(t)) == 1 && i > 0 && i < len(raw)-1 {
			continue
		}
		toks = append(toks, t)
	}
	return toks
}

func TestNormalisersMatchReference(t *testing.T) {
	pieces := []string{"U.S.", "s", "S", "'", "’", "'s", "’s", "s'", " ", "  ", "\t", ".", ",", "-", "Prime", "minister", "Canada",
		"É", "é", "ö", "İ", "K", "1", "Jr", "J.", "\xff", "\xe2\x80", "_", "&", "ﬁ", "Ⅻ"}
	r := rand.New(rand.NewPCG(5, 6))
	check := func(s string) {
		if got, want := normRole(s), normRoleReference(s); got != want {
			t.Fatalf("normRole(%q) = %q, reference %q", s, got, want)
		}
		if got, want := strings.Join(nameTokens(s), "|"), strings.Join(nameTokensReference(s), "|"); got != want {
			t.Fatalf("nameTokens(%q) = %q, reference %q", s, got, want)
		}
	}
	for range 50000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range k.Records() {
		for _, s := range append([]string{rec.Name, rec.Role, rec.Country, rec.Organization}, append(rec.Aliases, rec.RoleAliases...)...) {
			check(s)
		}
	}
}
