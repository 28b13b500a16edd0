package attribution

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/testutil"
)

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// quoteStarting returns the quotation whose words start with prefix.
func quoteStarting(t *testing.T, r *Result, prefix string) Quote {
	t.Helper()
	for _, q := range r.Quotes {
		if strings.HasPrefix(strings.TrimSpace(q.Text), prefix) {
			return q
		}
	}
	t.Fatalf("no quotation starting %q", prefix)
	return Quote{}
}

func TestQuoteConstructions(t *testing.T) {
	res, r := runArticle(t, "quotes", readFixture(t, "quotes.txt"))
	cases := []struct {
		prefix, speaker, role, affiliation string
		kind                               QuoteKind
	}{
		{"We will not go back", "Linda Marsh", "union's regional organiser", "", InlineQuote}, // said X, the ROLE
		{"moved the goalposts", "Linda Marsh", "", "", InlineQuote},                           // partial quote, X, who …, said
		{"The members are solid.", "Linda Marsh", "", "", InlineQuote},                        // multi-sentence, pronoun
		{"The pair,", "Linda Marsh", "", "", InlineQuote},                                     // interrupted by attribution
		{"Nobody wants this", "Graham Toller", "director", "", InlineQuote},                   // X told reporters … Toller said
		{"I have said from the start", "Graham Toller", "", "", InlineQuote},                  // spans two paragraphs
		{"A week of lost trade", "Emma Blake", "economist at the Resolution Foundation", "Resolution Foundation", InlineQuote},
		{"Both sides must", "Heidi Alexander", "Transport Secretary", "", InlineQuote}, // X wrote on X:
		{"They called it a 'final offer'", "Linda Marsh", "", "", InlineQuote},         // nested single quotes, surname
		{"As long as it takes", "Linda Marsh", "", "", QALine},                         // interview answer
	}
	for _, c := range cases {
		q := quoteStarting(t, r, c.prefix)
		if q.Speaker == nil || q.Speaker.Name != c.speaker {
			t.Errorf("%q: speaker %+v (%q), want %s", c.prefix, q.Speaker, q.SpeakerText, c.speaker)
			continue
		}
		if c.role != "" && (q.Role != c.role || q.Affiliation != c.affiliation) {
			t.Errorf("%q: role %q / %q, want %q / %q", c.prefix, q.Role, q.Affiliation, c.role, c.affiliation)
		}
		if q.Kind != c.kind {
			t.Errorf("%q: kind %s, want %s", c.prefix, q.Kind, c.kind)
		}
	}
	if q := quoteStarting(t, r, "The pair,"); !strings.Contains(q.Text, "will meet again") {
		t.Errorf("interrupted quote not joined: %q", q.Text)
	}
	if q := quoteStarting(t, r, "I have said"); !strings.Contains(q.Text, "Every worker") {
		t.Errorf("multi-paragraph quote not joined: %q", q.Text)
	}
	orgs := map[string]string{
		"We are monitoring":      "the ministry",
		"The prime minister has": "Prime Minister Benjamin Netanyahu's office",
		"Our members voted":      "The union",
	}
	for prefix, org := range orgs {
		if q := quoteStarting(t, r, prefix); q.SpeakerOrg != org || q.Speaker != nil {
			t.Errorf("%q: organisation %q (person %v), want %q", prefix, q.SpeakerOrg, q.Speaker, org)
		}
	}
	if q := quoteStarting(t, r, "Our members voted"); q.Kind != BlockQuote {
		t.Errorf("block quote kind %s", q.Kind)
	}
	// The scare quote "slow puncture" is not a quotation; the lone
	// 16-word quotation is, and nobody said it.
	for _, q := range r.Quotes {
		if strings.HasPrefix(q.Text, "slow puncture") || strings.HasPrefix(q.Text, "How long") {
			t.Errorf("%q counted as a quotation", q.Text)
		}
	}
	unattributed := 0
	for _, f := range res.Findings {
		if f.Rule == ruleUnattributedQuote {
			unattributed++
			if !strings.Contains(f.Text, "worst disruption") {
				t.Errorf("AT001 on %q", f.Text)
			}
		}
	}
	if unattributed != 1 || res.Sources.UnattributedQuotes != 1 {
		t.Errorf("unattributed: %d findings, sources %+v", unattributed, res.Sources)
	}
	if res.Sources.Quotes != len(r.Quotes) || res.Sources.Named != 5 {
		t.Errorf("sources %+v, named %v", res.Sources, r.Named)
	}
}

// findingsFor returns the findings of rule, by text.
func findingsFor(res *analysis.Result, rule string) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, f.Text)
		}
	}
	return out
}

func TestVagueAndUnnamed(t *testing.T) {
	res, _ := runArticle(t, "vague", readFixture(t, "vague.txt"))
	want := map[string][]string{
		ruleVagueOpinion:      {"Experts believe", "Analysts suggest", "many believe", "Critics of the scheme argue", "Reports indicate"},
		ruleAnonymousOfficial: {"Officials said"},
		ruleUnnamedOrg:        {"a leading NGO", "a prominent humanitarian organization", "a major think tank"},
		ruleUnsourcedFigure:   {"3 million"},
	}
	for rule, texts := range want {
		got := findingsFor(res, rule)
		if strings.Join(got, "|") != strings.Join(texts, "|") {
			t.Errorf("%s: got %q, want %q", rule, got, texts)
		}
	}
	if res.Sources.Vague != 6 || res.Sources.Named != 2 {
		t.Errorf("sources %+v", res.Sources)
	}
	if res.Features["attribution.vague_per_1k"] <= res.Features["attribution.named_per_1k"] {
		t.Errorf("features %v", res.Features)
	}
}

// A named source in the paragraph puts a lone "analysts say" in reach:
// information, not a warning.
func TestVagueInReachOfNamedSource(t *testing.T) {
	text := "Shares fell 3% on Monday. Analysts say the fall was overdone, and Jane Porter, chief economist at Lloyds, said investors had overreacted.\n" +
		"\"It was a bad day, not a bad year,\" Ms Porter said.\n"
	res, _ := runArticle(t, "reach", text)
	if got := findingsFor(res, ruleVagueOpinion); len(got) != 0 {
		t.Errorf("AT002 %q despite a named source in reach", got)
	}
	if got := findingsFor(res, ruleAnonymousOfficial); len(got) != 1 {
		t.Errorf("AT003 %q", got)
	}
}

func TestNoNamedSource(t *testing.T) {
	text := strings.Repeat("The talks continued for another day without a clear result for either side. ", 30)
	res, _ := runArticle(t, "none", text)
	if got := findingsFor(res, ruleNoNamedSource); len(got) != 1 {
		t.Errorf("AT006: %q", got)
	}
	if res.Features["attribution.no_named_source"] != 1 {
		t.Errorf("features %v", res.Features)
	}
}

func TestRulesDocumented(t *testing.T) {
	for _, r := range Analyzer.Rules {
		if !strings.HasPrefix(r.ID, "AT") || r.Title == "" || r.Doc == "" || r.Example == "" || r.Since != "0.1.0" || r.Dimension != analysis.Attribution {
			t.Errorf("rule %s is incompletely documented: %+v", r.ID, r)
		}
	}
}

// seedCase is one line of testdata/seeds/cases.jsonl.
type seedCase struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Expect struct {
		Vague        []string `json:"vague"`
		NamedSources []int    `json:"named_sources"`
	} `json:"expect"`
}

func TestSeeds(t *testing.T) {
	f, err := os.Open(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		var c seedCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		res, r := runArticle(t, c.ID, c.Text)
		for _, phrase := range c.Expect.Vague {
			off := strings.Index(c.Text, phrase)
			if off < 0 {
				t.Fatalf("%s: %q not in text", c.ID, phrase)
			}
			covered := false
			for _, f := range res.Findings {
				if f.Dimension == analysis.Attribution && f.Start <= off && off < f.End {
					covered = true
				}
			}
			if !covered {
				t.Errorf("%s: vague attribution %q not reported", c.ID, phrase)
			}
		}
		if nr := c.Expect.NamedSources; len(nr) == 2 {
			if got := res.Sources.Named; got < nr[0] || got > nr[1] {
				t.Errorf("%s: %d named sources %v, want %d..%d", c.ID, got, r.Named, nr[0], nr[1])
			}
		}
		if len(res.Entities) != 0 {
			t.Errorf("%s: attribution must not add entities", c.ID)
		}
	}
	if n != 5 {
		t.Errorf("read %d seed cases", n)
	}
}

func TestSeed002Speakers(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "002*.txt"))
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	_, r := runArticle(t, "002", string(b))
	want := map[string]string{"Look, dialogue": "Karoline Leavitt", "I am sending Israel": "Donald Trump"}
	for prefix, name := range want {
		if q := quoteStarting(t, r, prefix); q.Speaker == nil || q.Speaker.Name != name {
			t.Errorf("%q: speaker %v, want %s", prefix, q.Speaker, name)
		}
	}
	for _, q := range r.Quotes {
		if q.Text == "last warning" || q.Text == "square one," || q.Text == "square one" {
			t.Errorf("scare quote %q counted as a quotation", q.Text)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "002*.txt"))
	text, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		runArticle(b, "002", string(text))
	}
}

// Quotations nobody needs to attribute to a person: a crowd's chant, a
// placard's words, and a quotation the text stops inside (a scraped
// excerpt cut mid-sentence, whose speaker may come after the cut). Each
// has a twin that is still AT001.
func TestQuotationsWithoutAPersonToName(t *testing.T) {
	cases := []struct {
		name, text string
		at001      int
	}{
		{"chant", "Chanting “The bridge must stay open!” hundreds of residents marched to the council offices on Tuesday.\n", 0},
		{"placard", "Protesters carried placards reading “Save our harbour” as the council met on Tuesday evening.\n", 0},
		{"cut", "The council met on Tuesday.\n\n“There have been serious failures in the way the harbour was maintained over", 0},
		{"cut twin: closed", "The council met on Tuesday.\n\n“There have been serious failures in the way the harbour was maintained.”\n", 1},
		{"document read", "The court ruled on Tuesday.\n\n“There is no doubt that the bridge offers residents a necessary route to work,” the ruling read. “But the council has determined that the toll pays for its upkeep.”\n", 0},
		{"sign reads", "The council met on Tuesday.\n\nThe banner reads, “Historic day: the first toll-free weekend on the harbour bridge.”\n", 0},
		{"chant twin: statement", "The council met on Tuesday.\n\n“The bridge must stay open, whatever it costs the town and its taxpayers.”\n\nThe vote is due next week.\n", 1},
	}
	for _, c := range cases {
		res, _ := runArticle(t, c.name, c.text)
		if got := findingsFor(res, ruleUnattributedQuote); len(got) != c.at001 {
			t.Errorf("%s: AT001 %q, want %d", c.name, got, c.at001)
		}
	}
}

// "X expressed concern" names X as a source, as "X said" does.
func TestExpressedIsAttribution(t *testing.T) {
	text := strings.Repeat("The talks continued for another day without a clear result for either side. ", 30) +
		"\n\nInterior Minister Anna Keller expressed concern over the damage to roads in earlier protests.\n"
	res, r := runArticle(t, "expressed", text)
	if got := findingsFor(res, ruleNoNamedSource); len(got) != 0 || len(r.Named) != 1 {
		t.Errorf("AT006 %q, named %v: Anna Keller is a named source", got, r.Named)
	}
}

// A few words finishing the quoted sentence may stand between the
// quotation and an inverted "said X" (`"…" within a decade, said X`): the
// speaker is X. Written for this test.
func TestSpeakerAfterTheQuotedSentenceEnds(t *testing.T) {
	text := "The council approved the toll on Tuesday.\n\n" +
		"\"We expect the bridge to pay for itself\" within a decade, said Anna Keller, the council's treasurer. " +
		"Traffic was light in the first hours, police said.\n"
	res, r := runArticle(t, "tail", text)
	if got := findingsFor(res, ruleUnattributedQuote); len(got) != 0 {
		t.Errorf("AT001 %q", got)
	}
	if q := quoteStarting(t, r, "We expect the bridge"); q.Speaker == nil || q.Speaker.Name != "Anna Keller" {
		t.Errorf("speaker %+v (%q), want Anna Keller", q.Speaker, q.SpeakerText)
	}
}
