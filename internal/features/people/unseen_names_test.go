package people

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestNamesBeyondEnglishPatterns covers name shapes the 2024–2025
// fixtures in ../fabrication/testdata/unseen exposed: hyphenated given
// names, a role and a comma before the name, and agencies that are not
// people.
func TestNamesBeyondEnglishPatterns(t *testing.T) {
	cases := []struct{ text, want, role string }{
		{"SEOUL — President Lee Jae-myung said on Thursday that he would act.", "Lee Jae-myung", "President"},
		{"Han Duck-soo, the acting president, said he would cooperate.", "Han Duck-soo", "acting president"},
		{"The bank has warned of a recession. Its governor, Tiff Macklem, said the bank would act.", "Tiff Macklem", "governor"},
		{"The new foreign minister, Johann Wadephul, travelled to Warsaw.", "Johann Wadephul", "foreign minister"},
	}
	for _, c := range cases {
		r := Find(document.New("x", c.text), nil, nil)
		var got *Person
		for i := range r.People {
			if r.People[i].Name == c.want {
				got = r.People[i]
			}
		}
		if got == nil {
			t.Errorf("%q: %s not found (people %v)", c.text, c.want, r.People)
			continue
		}
		if rl := got.Role(); rl == nil || rl.Text != c.role {
			t.Errorf("%q: role %+v, want %q", c.text, rl, c.role)
		}
	}
	for _, text := range []string{
		"Kremlin-backed groups said the vote was fair.",
		"He met the head of the Mossad, David Barnea, in Doha.",
		"Médecins Sans Frontières said its operations were under strain.",
	} {
		r := Find(document.New("x", text), nil, nil)
		for _, p := range r.People {
			if p.Name == "Kremlin-backed" || p.Name == "Mossad" || p.Name == "Médecins Sans Frontières" {
				t.Errorf("%q: %q taken for a person", text, p.Name)
			}
		}
	}
}
