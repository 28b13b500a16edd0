package kb

import (
	"maps"
	"strings"
	"testing"
)

func TestCountriesNamed(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]map[string]int{
		"Prime Minister Yair Levin told the Knesset on Monday.":               {"Israel": 1},
		"He told us that U.S. officials and Israeli envoys met in Cairo.":     {"United States": 1, "Israel": 1},
		"Talks in Papua New Guinea, then in Guinea and in New Zealand.":       {"Papua New Guinea": 1, "Guinea": 1, "New Zealand": 1},
		"the bundestag, written in lower case, names nothing; Bundestag does": {"Germany": 1},
		"Côte d'Ivoire and the Élysée":                                        {"Ivory Coast": 1, "France": 1},
		"":                                                                    {},
	} {
		if got := k.CountriesNamed(text); !maps.Equal(got, want) {
			t.Errorf("CountriesNamed(%q) = %v, want %v", text, got, want)
		}
	}
}

// A long article costs per word what a short one does: the scan builds a
// key only at capitalised words.
func BenchmarkCountriesNamed(b *testing.B) {
	k, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Prime Minister Yair Levin told the Knesset on Monday that the budget would pass. ", 5000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		k.CountriesNamed(text)
	}
}
