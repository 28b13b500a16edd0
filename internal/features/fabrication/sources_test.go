package fabrication

import (
	"strings"
	"testing"
)

func TestStripQuotes(t *testing.T) {
	for in, want := range map[string]string{
		`"It is fine," said ABN Amro strategist Eddie Wong.`:       ` said ABN Amro strategist Eddie Wong.`,
		`But not big," said ABN Amro strategist Eddie Wong.`:       ` said ABN Amro strategist Eddie Wong.`,
		`Dr. Goodman, an expert, explains, “This is the U.S. way.`: `Dr. Goodman, an expert, explains, `,
		`the missing.” said spokesman Robin Mounsey.`:              ` said spokesman Robin Mounsey.`,
		`Conservative spokesman Jon Morgan said: "We're spending.`: `Conservative spokesman Jon Morgan said: `,
	} {
		if got := stripQuotes(in); got != want {
			t.Errorf("stripQuotes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordFieldsMatchesFieldsFunc(t *testing.T) {
	for _, s := range []string{"", " ", "Dr. Ana Lima, a Rio-based analyst", "«Ça va» — dit-il: 3ami’s", "a\xffb\xe2\x80c", "x--y  z-", "İstanbul Ⅻ 𝔸b"} {
		got, want := wordFields(s), strings.FieldsFunc(s, notWordRune)
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("wordFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestIndexStraightOrCloseMatchesIndexAny(t *testing.T) {
	for _, s := range []string{"", "abc", `a"b”c`, `a”b"c`, "\xe2\xe2\x80\x9d\"", "\xe2\x80", "“x”", "x\xff\"", "plain ” text"} {
		if got, want := indexStraightOrClose(s), strings.IndexAny(s, "”\""); got != want {
			t.Errorf("indexStraightOrClose(%q) = %d, IndexAny %d", s, got, want)
		}
	}
}
