package kb

import (
	"strings"
	"testing"
)

func mustDefault(t *testing.T) *KB {
	t.Helper()
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func day(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCheckRole(t *testing.T) {
	k := mustDefault(t)
	tests := []struct {
		role, name, date string
		want             Verdict
		holder           string // someone among the holders at the date
	}{
		{"White House Press Secretary", "James Corbin", "2025-03-05", NotHolder, "Karoline Leavitt"},
		{"White House press secretary", "Karoline Leavitt", "2025-03-05", Held, ""},
		{"the White House press secretary", "Karine Jean-Pierre", "2023-06-01", Held, ""},
		{"press secretary", "James Corbin", "2025-03-05", Undetermined, ""},
		{"Israeli Prime Minister", "Benjamin Netanyahu", "2025-03-05", Held, ""},
		{"Israel's prime minister", "Naftali Bennett", "2024-02-01", HeldOtherTime, "Benjamin Netanyahu"},
		{"German Chancellor", "Olaf Scholz", "2025-09-10", HeldOtherTime, "Friedrich Merz"},
		{"German Chancellor", "Friedrich Merz", "2025-09-10", Held, ""},
		{"Prime Minister", "Keir Starmer", "2025-06-01", Held, ""},
		{"British Prime Minister", "Rishi Sunak", "2025-06-01", HeldOtherTime, "Keir Starmer"},
		{"Canada's prime minister", "Justin Trudeau", "2025-06-01", HeldOtherTime, "Mark Carney"},
		{"prime minister of Canada", "Pierre Poilievre", "2025-06-01", NotHolder, "Mark Carney"},
		{"Canadian PM", "Mark Carney", "2025-06-01", Held, ""},
		{"U.S. envoy", "Steve Witkoff", "2025-03-05", Held, ""},
		{"Trump's nominee to be special envoy for hostage affairs", "Adam Boehler", "2025-03-05", Held, ""},
		{"President", "Donald Trump", "2025-03-05", Held, ""},
		{"President", "Biden", "2025-03-05", HeldOtherTime, "Donald Trump"},
		{"U.S. Secretary of State", "Antony Blinken", "2025-04-01", HeldOtherTime, "Marco Rubio"},
		{"NATO Secretary General", "Jens Stoltenberg", "2025-02-01", HeldOtherTime, "Mark Rutte"},
		{"deputy press secretary", "James Corbin", "2025-03-05", NoOffice, ""},
		{"White House spokesman", "James Corbin", "2025-03-05", NoOffice, ""},
		{"former White House press secretary", "Jen Psaki", "2025-03-05", HeldOtherTime, ""},
		{"White House Press Secretary", "James Corbin", "", Undetermined, ""},
		{"former White House press secretary", "Marlin Fitzwater", "2025-03-05", Undetermined, ""},
		{"incoming White House press secretary", "Jane Newname", "2025-01-10", Undetermined, ""},
		{"acting national security adviser", "Jane Newname", "2025-06-01", Undetermined, ""},
		{"former U.S. President", "John Smithers", "2025-03-05", NotHolder, ""},
		{"U.S. President", "John Smithers", "", NotHolder, ""},
		{"U.S. President", "Barack Obama", "", Held, ""},
		{"Japanese Prime Minister", "Sanae Takaichi", "2025-11-01", Held, ""},
	}
	for _, tc := range tests {
		var d Date
		if tc.date != "" {
			d = day(t, tc.date)
		}
		ref := k.ParseRole(tc.role, "")
		got := k.CheckRole(tc.name, ref, d)
		if got.Verdict != tc.want {
			t.Errorf("%q %q at %q: verdict %d, want %d (offices %d, contextual %v)", tc.role, tc.name, tc.date, got.Verdict, tc.want, len(ref.Offices), ref.Contextual)
			continue
		}
		if tc.holder != "" {
			var names []string
			for _, h := range got.Holders {
				names = append(names, h.Name)
			}
			if !strings.Contains(strings.Join(names, "|"), tc.holder) {
				t.Errorf("%q %q at %q: holders %v, want %s", tc.role, tc.name, tc.date, names, tc.holder)
			}
		}
	}
}

func TestParseRoleFlags(t *testing.T) {
	k := mustDefault(t)
	if r := k.ParseRole("former U.S. President", ""); !r.Past || r.Unique() == nil {
		t.Errorf("former U.S. President: %+v", r)
	}
	if r := k.ParseRole("then-Vice President", ""); !r.Past {
		t.Errorf("then-Vice President: %+v", r)
	}
	if r := k.ParseRole("President-elect", ""); !r.Future {
		t.Errorf("President-elect: %+v", r)
	}
	if r := k.ParseRole("acting national security adviser", ""); !r.Acting || len(r.Offices) == 0 {
		t.Errorf("acting national security adviser: %+v", r)
	}
}

func TestSameName(t *testing.T) {
	k := mustDefault(t)
	for _, p := range [][2]string{{"Joe Biden", "Joseph R. Biden Jr."}, {"Bill Clinton", "William Jefferson Clinton"}, {"Steve Witkoff", "Steven C. Witkoff"}, {"Netanyahu", "Benjamin Netanyahu"}, {"Antonio Costa", "António Costa"}} {
		if !k.SameName(p[0], p[1]) {
			t.Errorf("SameName(%q, %q) = false", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"James Corbin", "Karoline Leavitt"}, {"Hunter Biden", "Joe Biden"}} {
		if k.SameName(p[0], p[1]) {
			t.Errorf("SameName(%q, %q) = true", p[0], p[1])
		}
	}
	if !k.IsKnownPerson("Karoline Leavitt") || k.IsKnownPerson("Rachel Goodman") {
		t.Error("IsKnownPerson")
	}
}

func TestInternationalOffices(t *testing.T) {
	k := mustDefault(t)
	for _, tc := range []struct{ role, name, date string }{
		{"UN Secretary-General", "Antonio Guterres", "2024-05-01"},
		{"WHO Director-General", "Tedros Adhanom Ghebreyesus", "2023-01-10"},
		{"IMF Managing Director", "Kristalina Georgieva", "2025-04-01"},
		{"Fed Chair", "Jerome Powell", "2024-09-18"},
		{"Federal Reserve Chairman", "Jerome Powell", "2024-09-18"},
		{"World Bank President", "Ajay Banga", "2024-10-01"},
		{"European Council President", "Antonio Costa", "2025-02-01"},
	} {
		chk := k.CheckRole(tc.name, k.ParseRole(tc.role, ""), day(t, tc.date))
		if chk.Verdict != Held {
			t.Errorf("%s %s at %s: verdict %d, want Held", tc.role, tc.name, tc.date, chk.Verdict)
		}
	}
	chk := k.CheckRole("Charles Michel", k.ParseRole("European Council President", ""), day(t, "2025-02-01"))
	if chk.Verdict != HeldOtherTime || len(chk.Holders) == 0 || chk.Holders[0].Name != "António Costa" {
		t.Errorf("Michel in 2025: %+v", chk)
	}
}

// Coverage groups every office into a family and dates each family no
// later than the KB; offices added with a fresh check are counted as
// known on the family's date.
func TestCoverageByFamily(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	fams := map[string]FamilyCoverage{}
	for _, c := range k.Coverage() {
		total += c.Offices
		fams[c.Family] = c
		if k.AsOf.Before(c.CurrentTo) {
			t.Errorf("%s current to %s, after the KB (%s)", c.Family, c.CurrentTo, k.AsOf)
		}
		if c.Known > c.Offices || c.Stalest.IsZero() || c.CurrentTo.Before(c.Stalest) {
			t.Errorf("%s: inconsistent coverage %+v", c.Family, c)
		}
	}
	if total != k.Summarize().Offices {
		t.Errorf("families hold %d offices, the KB %d", total, k.Summarize().Offices)
	}
	for _, f := range []string{"heads of state and government", "finance ministers and central banks", "international organisations", "US Congress"} {
		if fams[f].Known == 0 {
			t.Errorf("family %q: no office with a known holder (%+v)", f, fams[f])
		}
	}
}

func TestSummarizeCountsRecordsByWhereTheyCameFrom(t *testing.T) {
	k, err := New([]Record{
		{Name: "Ann One", Role: "President", Country: "Freedonia", Source: "kb-sources/world-leaders-2021.csv"},
		{Name: "Ben Two", Role: "President", Country: "Sylvania", Source: "start: kb-sources/world-leaders-2021.csv; end: https://example.org/news/handover"},
		{Name: "Cy Three", Role: "Prime Minister", Country: "Sylvania", Source: "https://example.org/news/sworn-in"},
	}, Date{})
	if err != nil {
		t.Fatal(err)
	}
	got := k.Summarize().BySource
	if got["kb-sources/world-leaders-2021.csv"] != 2 || got["overlay"] != 1 || len(got) != 2 {
		t.Errorf("by source %v: want the split-source record under the file its term starts in", got)
	}
}

// An open term a snapshot left behind ends where a later holder of the
// same one-holder office surely began: the successor's record closes it.
func TestOpenTermSupersededBySuccessor(t *testing.T) {
	k, err := New([]Record{
		{Name: "Ann Onetwo", Role: "Prime Minister", Country: "Finland", Start: day(t, "2019"), Checked: day(t, "2022-01-01"), Source: "snapshot"},
		{Name: "Ben Threefour", Role: "Prime Minister", Country: "Finland", Start: day(t, "2023-06-20"), Checked: day(t, "2025-10-01"), Source: "overlay"},
	}, day(t, "2025-10-21"))
	if err != nil {
		t.Fatal(err)
	}
	ref := k.ParseRole("Finnish Prime Minister", "")
	for _, c := range []struct {
		name, date string
		want       Verdict
	}{
		{"Ann Onetwo", "2021-05-01", Held},
		{"Ann Onetwo", "2023-03-01", Held}, // nobody else surely held it yet
		{"Ann Onetwo", "2025-06-01", HeldOtherTime},
		{"Ben Threefour", "2025-06-01", Held},
	} {
		if got := k.CheckRole(c.name, ref, day(t, c.date)); got.Verdict != c.want {
			t.Errorf("%s on %s: verdict %v, want %v", c.name, c.date, got.Verdict, c.want)
		}
	}
}
