package kb

// TEMPORARY (perf work): dumps name folding and role parsing over every KB
// name and role so a refactor can be diffed. Removed before hand-off.

import (
	"encoding/json"
	"os"
	"testing"
)

func TestGoldenDumpKB(t *testing.T) {
	out := os.Getenv("COPYDESK_GOLDEN_OUT")
	if out == "" {
		t.Skip("COPYDESK_GOLDEN_OUT not set")
	}
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	extra := []string{"Joseph R. Biden Jr.", "joseph biden", "Émile Zolá", "O’Brien", "Donald J. Trump", "J. K. Rowling", "al-Sisi", "Abdel Fattah el-Sisi",
		"Ursula von der Leyen", "Jean-Claude Juncker", "Mr. Smith, Jr.", "U.S. Secretary of State", "Canada's prime minister", "former U.S. envoy",
		"Israeli Prime Minister", "White House press secretary", "Trump’s nominee to be special envoy for hostage affairs", "President", "the UK's Foreign Secretary",
		"İlham Əliyev", "Łukasz", "Ærø", "ß", "Straße", "ﬁ ligature", "", " ", "'-'", "A", "Jr.", "Bill Clinton", "William Jefferson Clinton", "Bill", "Hillary Rodham Clinton"}
	var names, roles []string
	names = append(names, extra...)
	roles = append(roles, extra...)
	for _, r := range k.Records() {
		names = append(names, r.Name)
		names = append(names, r.Aliases...)
		roles = append(roles, r.Role, r.Role+" of "+r.Country, r.Country+" "+r.Role, r.Organization)
		roles = append(roles, r.RoleAliases...)
	}
	for i, n := range names {
		m := names[(i*7919+13)%len(names)]
		enc.Encode([]any{n, NormalizeName(n), Surname(n), nameTokens(n), k.SameName(n, m), k.IsKnownPerson(n), len(k.PersonRecords(n)), IsPlaceWord(n)})
	}
	for i, r := range roles {
		ref := k.ParseRole(r, roles[(i*31+5)%len(roles)])
		var offs []string
		for _, o := range ref.Offices {
			offs = append(offs, o.Title()+"|"+o.Role+"|"+o.Country+"|"+o.Organization)
		}
		ref2 := k.ParseRole(r, "")
		var offs2 []string
		for _, o := range ref2.Offices {
			offs2 = append(offs2, o.Title())
		}
		enc.Encode([]any{r, normRole(r), offs, ref.Contextual, ref.Past, ref.Future, ref.Acting, offs2, ref2.Contextual, IsPlaceWord(r), k.lex.CanonicalCountry(r)})
	}
}
