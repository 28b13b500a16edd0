package templated

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb/namematch"
)

// TestGarbledPair pins which spelling pairs count as garbled (before the
// slot and known-word checks of findGarbledNames): slips of one or two
// letters do, accepted variants of one name do not.
func TestGarbledPair(t *testing.T) {
	for _, tc := range []struct {
		g, c string
		want bool
	}{
		{"Zelenksy", "Zelensky", true},  // swapped letters
		{"Zelenskky", "Zelensky", true}, // a doubled consonant no romanisation writes
		{"Starmr", "Starmer", true},     // a dropped letter
		{"Barrioneuvo", "Barrionuevo", true},
		{"Zelenskyy", "Zelensky", false}, // transliteration
		{"Zelenskiy", "Zelensky", false},
		{"Mohamed", "Mohammed", false},
		{"Gadafi", "Gaddafi", false},
		{"José", "Jose", false}, // diacritics
		{"Al-Hasan", "Al-Hassan", false},
		{"Israeli", "Israel", false}, // demonym, plural, possessive form
		{"Smiths", "Smith", false},
		{"Sutton", "Hutton", false},    // a different first letter: a different name
		{"Rinaldi", "Ronaldo", true},   // near enough; the slot and known-word checks decide
		{"Johnston", "Johnson", true},  // likewise
		{"Clinton", "Clarkson", false}, // too far
	} {
		if got := garbledPair(tc.g, tc.c); got != tc.want {
			t.Errorf("garbledPair(%q, %q) = %v, want %v", tc.g, tc.c, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"Zelensky", "Zelenksy", 1}, {"Starmer", "Starmr", 1}, {"Greene", "Greece", 1},
		{"Ronaldo", "Rinaldi", 2}, {"", "abc", 3}, {"Łódź", "Lodz", 3},
	} {
		if got := namematch.Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("namematch.Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestGarbledNamesAmongMany plants garbled spellings among enough distinct
// names that the deletion index, not the direct comparison, looks for the
// correct spellings, and checks that both paths report exactly the same
// findings, every planted garbling among them.
func TestGarbledNamesAmongMany(t *testing.T) {
	syl := []string{"ka", "lo", "mi", "ren", "tor", "vas", "pel", "dun", "sar", "qui"}
	var b strings.Builder
	var planted []string
	for i := range 300 {
		sur := strings.ToUpper(syl[i%10][:1]) + syl[i%10][1:] + syl[i/10%10] + syl[(i/100+3)%10] + "ne"
		fmt.Fprintf(&b, "Minister Anna %s arrived. Later Minister %s spoke, and %s left. ", sur, sur, sur)
		if i%17 == 5 {
			// Two letters swapped inside the name, as spinners do.
			r := []rune(sur)
			r[2], r[3] = r[3], r[2]
			planted = append(planted, string(r))
			fmt.Fprintf(&b, "Reporters then asked Minister %s again. ", string(r))
		}
	}
	text := b.String()
	garbledWith := func(limit int) []analysis.Finding {
		defer func(old int) { directCandidates = old }(directCandidates)
		directCandidates = limit
		res, err := analysis.Run(document.New("many", text), []*analysis.Analyzer{Analyzer}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []analysis.Finding
		for _, f := range res.Findings {
			if f.Rule == ruleGarbledName {
				out = append(out, f)
			}
		}
		return out
	}
	indexed, direct := garbledWith(48), garbledWith(1<<30)
	if !reflect.DeepEqual(indexed, direct) {
		t.Fatalf("the deletion index found %d garbled names, the direct comparison %d", len(indexed), len(direct))
	}
	reported := map[string]bool{}
	for _, f := range indexed {
		reported[text[f.Start:f.End]] = true
	}
	for _, g := range planted {
		if !reported[g] {
			t.Errorf("planted garbling %q not reported", g)
		}
	}
	t.Logf("%d findings, %d planted garblings", len(indexed), len(planted))
}
