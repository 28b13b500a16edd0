package fabrication

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// TestRealOfficialsStayClean runs short reports written for copydesk (in
// our own words, about real 2025 events in two dozen countries and
// institutions) in which every official is named correctly for the date:
// nobody may be contradicted, unverifiable, out of term, stale-framed or
// called misspelled, and most must be verified, or the test proves
// nothing.
func TestRealOfficialsStayClean(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "realworld", "*.txt"))
	if len(paths) < 20 {
		t.Fatalf("%d reports, want at least 20", len(paths))
	}
	verified, people := 0, 0
	for _, path := range paths {
		fx := readFixture(t, path)
		res := analyze(t, path, fx.text, fx.date, nil)
		for _, e := range res.Entities {
			people++
			switch e.Status {
			case analysis.Verified:
				verified++
			case analysis.Contradicted, analysis.Unverifiable:
				t.Errorf("%s: %s (%s) is %s: %s", filepath.Base(path), e.Name, e.Role, e.Status, e.Evidence)
			}
		}
		for _, f := range res.Findings {
			switch f.Rule {
			case RuleContradictedRole, RuleOutOfTerm, RuleAdministration, RuleUnverifiable, RuleMisspelledHolder:
				t.Errorf("%s: %s on %q: %s", filepath.Base(path), f.Rule, f.Text, f.Message)
			}
		}
	}
	if verified*10 < people*8 {
		t.Errorf("only %d of %d people verified", verified, people)
	}
	t.Logf("%d reports, %d people, %d verified", len(paths), people, verified)
}

// TestGarbledOfficialsAreCaught garbles, in the same reports, the surname
// of each verified official by one letter (the same deterministic change
// for every name) and expects the misspelled-holder finding naming the
// right spelling: the rule works from the office and the KB, for any
// country, not from a list of known misspellings.
func TestGarbledOfficialsAreCaught(t *testing.T) {
	tried, caught := 0, 0
	eachVerifiedOfficial(t, false, func(path string, fx fixture, e analysis.Entity, words []string, surname string) {
		garbled := garble(surname)
		text := strings.ReplaceAll(fx.text, surname, garbled)
		wrong := strings.Join(append(words[:len(words)-1:len(words)-1], garbled), " ")
		tried++
		got := analyze(t, path, text, fx.date, nil)
		ok := false
		for _, f := range got.Findings {
			// The message names the KB's spelling, which may differ in
			// diacritics or transliteration ("Erdoğan", "Zelensky").
			ok = ok || f.Rule == RuleMisspelledHolder && strings.Contains(f.Message, wrong+" named as")
		}
		if ok {
			caught++
			return
		}
		t.Logf("%s: %q for %q not reported as misspelled; findings %v", filepath.Base(path), wrong, e.Name, got.Findings)
		for _, f := range got.Findings {
			if f.Rule == RuleContradictedRole && strings.Contains(f.Message, wrong) {
				t.Errorf("%s: a one-letter slip %q is called an invented official: %s", filepath.Base(path), wrong, f.Message)
			}
		}
	})
	if tried < 20 || caught*10 < tried*8 {
		t.Errorf("caught %d of %d garbled names", caught, tried)
	}
	t.Logf("caught %d of %d garbled names", caught, tried)
}

// eachVerifiedOfficial calls f for every person the realworld reports
// name in full whom the knowledge base verifies (with a role, if
// titled), with a surname long enough to garble by one letter.
func eachVerifiedOfficial(t *testing.T, titled bool, f func(path string, fx fixture, e analysis.Entity, words []string, surname string)) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "realworld", "*.txt"))
	for _, path := range paths {
		fx := readFixture(t, path)
		res := analyze(t, path, fx.text, fx.date, nil)
		for _, e := range res.Entities {
			words := strings.Fields(e.Name)
			surname := words[len(words)-1]
			if e.Status != analysis.Verified || titled && e.Role == "" || len(words) < 2 || len(surname) < 5 || strings.Contains(e.Name, ".") {
				continue
			}
			f(path, fx, e, words, surname)
		}
	}
}

// garble changes the second-to-last letter of a name: a vowel to the next
// vowel, a consonant to the next consonant.
func garble(s string) string {
	b := []byte(s)
	i := len(b) - 2
	const vowels, consonants = "aeiou", "bcdfghjklmnpqrstvwxz"
	for _, set := range []string{vowels, consonants} {
		if j := strings.IndexByte(set, b[i]); j >= 0 {
			b[i] = set[(j+1)%len(set)]
			return string(b)
		}
	}
	b[i] = 'x'
	return string(b)
}

// TestGarbledOneWordOfficials is TestGarbledOfficialsAreCaught for
// officials written by one name: each verified titled official's name is
// replaced, everywhere in the report, by the garbled surname alone
// ("Brazilian President Lulla"). The misspelled-holder finding must name
// the holder; the title is the only evidence, as in any article.
func TestGarbledOneWordOfficials(t *testing.T) {
	tried, caught := 0, 0
	eachVerifiedOfficial(t, true, func(path string, fx fixture, e analysis.Entity, words []string, surname string) {
		garbled := garble(surname)
		text := strings.ReplaceAll(strings.ReplaceAll(fx.text, e.Name, garbled), surname, garbled)
		tried++
		got := analyze(t, path, text, fx.date, nil)
		ok := false
		for _, f := range got.Findings {
			ok = ok || f.Rule == RuleMisspelledHolder && strings.Contains(f.Message, garbled+" named as")
			if f.Rule == RuleContradictedRole && strings.Contains(f.Message, garbled) {
				t.Errorf("%s: a one-letter slip %q is called an invented official: %s", filepath.Base(path), garbled, f.Message)
			}
		}
		if ok {
			caught++
			return
		}
		t.Logf("%s: %q for %q not reported as misspelled", filepath.Base(path), garbled, e.Name)
	})
	if tried < 10 || caught*10 < tried*6 {
		t.Errorf("caught %d of %d garbled one-word names", caught, tried)
	}
	t.Logf("caught %d of %d garbled one-word names", caught, tried)
}
