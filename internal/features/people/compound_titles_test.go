package people

import "testing"

// TestCompoundTitles: multi-word country names before a title ("New
// Zealand", whose "New" is not the adjective "new"), organisation
// initials before a title ("PBOC", "BoJ") and title words between a
// country and the title's head ("Armed Forces", "Public Safety") stay in
// the role, as does "Cabinet" in Japan's "Chief Cabinet Secretary"; a
// capitalised word opening the sentence does not.
func TestCompoundTitles(t *testing.T) {
	_, r := findFile(t, "testdata/compound_titles.txt")
	cases := []struct{ name, role, affiliation string }{
		{"Christopher Luxon", "New Zealand Prime Minister", "New Zealand"},
		{"Keir Starmer", "United Kingdom Prime Minister", "United Kingdom"},
		{"Rodrigo Chaves", "Costa Rica President", "Costa Rica"},
		{"Nayib Bukele", "El Salvador President", "El Salvador"},
		{"Pan Gongsheng", "PBOC Governor", ""},
		{"Kazuo Ueda", "BoJ Governor", ""},
		{"Sanjay Malhotra", "RBI Governor", ""},
		{"Catherine Vautrin", "French Armed Forces Minister", "French Armed Forces"},
		{"Gary Anandasangaree", "Canadian Public Safety Minister", "Canada"},
		{"S. Jaishankar", "Indian External Affairs Minister", "India"},
		{"Johann Wadephul", "foreign minister", ""},
		{"Richard Marles", "Defence Minister", ""},
		{"Minoru Kihara", "Chief Cabinet Secretary", ""},
		{"Yoshimasa Hayashi", "Japanese Chief Cabinet Secretary", "Japan"},
	}
	for _, c := range cases {
		p := byName(r, c.name)
		if p == nil {
			t.Errorf("person %q not found", c.name)
			continue
		}
		wantRole(t, p, c.role, c.affiliation, PreNameTitle)
	}
}
