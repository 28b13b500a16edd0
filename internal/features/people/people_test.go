package people

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

func findFile(t *testing.T, path string) (*document.Document, *Result) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := document.New(filepath.Base(path), string(b))
	return doc, Find(doc, nil, nil)
}

func byName(r *Result, name string) *Person {
	for _, p := range r.People {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// wantRole checks that p has a role with this text, affiliation and form.
func wantRole(t *testing.T, p *Person, text, affiliation string, form RoleForm) {
	t.Helper()
	for _, r := range p.Roles {
		if r.Text == text {
			if r.Affiliation != affiliation {
				t.Errorf("%s: role %q affiliation = %q, want %q", p.Name, text, r.Affiliation, affiliation)
			}
			if form != "" && r.Form != form {
				t.Errorf("%s: role %q form = %q, want %q", p.Name, text, r.Form, form)
			}
			return
		}
	}
	t.Errorf("%s: no role %q in %+v", p.Name, text, p.Roles)
}

func TestRolesFixture(t *testing.T) {
	doc, r := findFile(t, "testdata/roles.txt")
	cases := []struct {
		name, honorific, role, affiliation string
		form                               RoleForm
	}{
		{"Keir Starmer", "", "Prime Minister", "", PreNameTitle},
		{"Steve Witkoff", "", "U.S. envoy", "United States", PreNameTitle},
		{"Mark Carney", "", "Canada's prime minister", "Canada", Possessive},
		{"Karoline Leavitt", "", "White House press secretary", "White House", Appositive},
		{"Omar al-Rashid", "Dr.", "professor of international law at Georgetown University", "Georgetown University", Appositive},
		{"Ursula von der Leyen", "", "president of the European Commission", "European Commission", Appositive},
		{"Michael Kurilla Jr.", "Gen.", "", "", ""},
		{"Maria Delgado", "", "spokesperson for a leading humanitarian group", "", Appositive},
		{"Mohammed bin Abdulrahman Al Thani", "Sheikh", "Qatar's prime minister", "Qatar", Appositive},
		{"Laura Whitfield", "", "", "", ""},
	}
	for _, c := range cases {
		p := byName(r, c.name)
		if p == nil {
			t.Errorf("person %q not found", c.name)
			continue
		}
		if p.Honorific != c.honorific {
			t.Errorf("%s: honorific %q, want %q", c.name, p.Honorific, c.honorific)
		}
		if c.role != "" {
			wantRole(t, p, c.role, c.affiliation, c.form)
		}
		if m := p.Mentions[0]; doc.Text[m.Start:m.End] != c.name || m.Kind != FullName {
			t.Errorf("%s: first mention %q (%s)", c.name, doc.Text[m.Start:m.End], m.Kind)
		}
	}
	// "X, who is the ROLE"
	if p := byName(r, "Omar al-Rashid"); p != nil {
		wantRole(t, p, "author of two books on mediation", "", Appositive)
	}
	for _, notPerson := range []string{"Hamas", "State Department", "Palestinian Authority", "Truth Social", "Abraham Accords", "White House", "Doha", "Cairo", "Ottawa", "King Abdullah"} {
		for _, p := range r.People {
			if p.Name == notPerson {
				t.Errorf("%q reported as a person", notPerson)
			}
		}
	}
}

// mentionTexts lists a person's mentions as written, with their kinds.
func mentionTexts(doc *document.Document, p *Person) []string {
	var out []string
	for _, m := range p.Mentions {
		out = append(out, string(m.Kind)+":"+doc.Text[m.Start:m.End])
	}
	return out
}

func TestCoreference(t *testing.T) {
	doc, r := findFile(t, "testdata/coreference.txt")
	okafor, brennan := byName(r, "Sarah Okafor"), byName(r, "David Brennan")
	if okafor == nil || brennan == nil {
		t.Fatalf("people: %+v", r.People)
	}
	got := strings.Join(mentionTexts(doc, okafor), " ")
	want := "full:Sarah Okafor surname:Okafor pronoun:She pronoun:Her surname:Okafor pronoun:her"
	if got != want {
		t.Errorf("Okafor mentions:\n got %s\nwant %s", got, want)
	}
	got = strings.Join(mentionTexts(doc, brennan), " ")
	// "he" inside the quotation is not resolved; the one after it is.
	want = "full:David Brennan surname:Brennan pronoun:He pronoun:he surname:Brennan"
	if got != want {
		t.Errorf("Brennan mentions:\n got %s\nwant %s", got, want)
	}
	if okafor.Gender != "f" || brennan.Gender != "m" {
		t.Errorf("genders %q %q", okafor.Gender, brennan.Gender)
	}
	// Result helpers
	she := strings.Index(doc.Text, "She added")
	if p := r.At(she); p != okafor {
		t.Errorf("At(She) = %v", p)
	}
	if p := r.LastBefore(strings.Index(doc.Text, "Mrs Okafor")); p != brennan {
		t.Errorf("LastBefore(Mrs Okafor) = %v", p)
	}
}

func TestSentenceStartAndHeadings(t *testing.T) {
	doc := document.New("x", "Insights From Experts\nDespite the rain, Tactical Cooperation was agreed. Analysts Suggest A Deal.\nHostage Affairs | Special Envoy for Hostage Affairs |\nWhy Now?\n")
	if r := Find(doc, nil, nil); len(r.People) != 0 {
		for _, p := range r.People {
			t.Errorf("heading reported as a person: %q", p.Name)
		}
	}
}

// fakeGazetteer knows one unusual name.
type fakeGazetteer map[string]bool

func (g fakeGazetteer) IsKnownPerson(name string) bool { return g[name] }

func TestGazetteerFromEnv(t *testing.T) {
	text := "Zorbax Quennel arrived in the capital on Monday."
	doc := document.New("x", text)
	if r := Find(doc, nil, nil); len(r.People) != 0 {
		t.Fatalf("without a gazetteer, found %q", r.People[0].Name)
	}
	env := &analysis.Env{Values: map[string]any{GazetteerKey: fakeGazetteer{"Zorbax Quennel": true}}}
	res, err := analysis.Run(doc, []*analysis.Analyzer{Analyzer}, env)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("people reports no findings, got %v", res.Findings)
	}
	r, _ := run(&analysis.Pass{Analyzer: Analyzer, Doc: doc, Env: env})
	if p := byName(r.(*Result), "Zorbax Quennel"); p == nil {
		t.Error("gazetteer name not found")
	}
}

// seedPeople runs the analyzer on a seed article.
func seedPeople(t *testing.T, prefix string) (*document.Document, *Result) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", prefix+"*.txt"))
	if len(files) != 1 {
		t.Fatalf("seed %s: %v", prefix, files)
	}
	return findFile(t, files[0])
}

func TestSeed001(t *testing.T) {
	_, r := seedPeople(t, "001")
	corbin := byName(r, "James Corbin")
	if corbin == nil {
		t.Fatal("James Corbin not found")
	}
	wantRole(t, corbin, "White House Press Secretary", "White House", PreNameTitle)
	goodman := byName(r, "Rachel Goodman")
	if goodman == nil {
		t.Fatal("Rachel Goodman not found")
	}
	if goodman.Honorific != "Dr." {
		t.Errorf("Goodman honorific %q", goodman.Honorific)
	}
	wantRole(t, goodman, "Middle East policy expert", "", Appositive)
	nasser := byName(r, "Amira Nasser")
	if nasser == nil {
		t.Fatal("Amira Nasser not found")
	}
	wantRole(t, nasser, "spokesperson for a leading NGO", "", Appositive)
	if len(r.People) != 3 {
		t.Errorf("want exactly 3 people in 001, got %d", len(r.People))
	}
}

func TestSeed002(t *testing.T) {
	_, r := seedPeople(t, "002")
	roles := map[string][2]string{ // name -> role text, affiliation
		"Karoline Leavitt":   {"White House press secretary", "White House"},
		"Donald Trump":       {"President", ""},
		"Adam Boehler":       {"Trump’s nominee to be special envoy for hostage affairs", ""},
		"Steve Witkoff":      {"US envoy", "United States"},
		"Benjamin Netanyahu": {"Israeli Prime Minister", "Israel"},
		"Edan Alexander":     {"American citizen", "United States"},
	}
	for name, want := range roles {
		p := byName(r, name)
		if p == nil {
			t.Errorf("%s not found", name)
			continue
		}
		wantRole(t, p, want[0], want[1], "")
	}
	if p := byName(r, "Adam Boehler"); p != nil && p.Roles[0].Possessor != "Trump" {
		t.Errorf("Boehler role possessor %q", p.Roles[0].Possessor)
	}
}

func TestSeedsNoOrganisationsOrPlaces(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	allowed := map[string]bool{"James Corbin": true, "Rachel Goodman": true, "Amira Nasser": true,
		"Karoline Leavitt": true, "Donald Trump": true, "Adam Boehler": true, "Steve Witkoff": true,
		"Benjamin Netanyahu": true, "Edan Alexander": true, "Grace Mitchell": true}
	for _, f := range files {
		_, r := findFile(t, f)
		for _, p := range r.People {
			if !allowed[p.Name] {
				t.Errorf("%s: %q is not a person in this article", filepath.Base(f), p.Name)
			}
		}
	}
}

func BenchmarkFind(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "002*.txt"))
	text, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(document.New("x", string(text)), nil, nil)
	}
}
