package scorecmd_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
	"github.com/copydesk/copydesk/internal/testutil"
)

// refStore indexes the coverage fixtures (agency-style reports of the
// seeds' story) as wire copy and returns the store directory.
func refStore(t *testing.T, trust string) string {
	t.Helper()
	db := t.TempDir()
	refs, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "internal", "features", "coverage", "testdata", "ref", "*.md"))
	ios, _, _, errOut := cliutil.Test()
	if err := root.Execute(context.Background(), ios, append([]string{"ref", "add", "--db", db, "--trust", trust}, refs...)); err != nil {
		t.Fatalf("ref add: %v\n%s", err, errOut)
	}
	return db
}

// movedQuotes is a rewrite of the wire report that moves one quote to
// another speaker, changes the words of another, and adds two quotes the
// coverage does not have.
var movedQuotes = filepath.Join(testutil.RepoRoot(), "internal", "features", "coverage", "testdata", "articles", "moved-and-altered-quotes.md")

func scoreWithRef(t *testing.T, db, format string, extra ...string) string {
	t.Helper()
	ios, _, out, errOut := cliutil.Test()
	args := append([]string{"score", "--no-config", "--ref", db, "--format", format, "--fail-on", "never"}, extra...)
	if err := root.Execute(context.Background(), ios, append(args, movedQuotes)); err != nil {
		t.Fatalf("score --format %s: %v\n%s", format, err, errOut)
	}
	return out.String()
}

// The text report has a line per checked quote: provenance, speaker and
// the reference article with its passage.
func TestTextReportShowsQuoteProvenance(t *testing.T) {
	out := scoreWithRef(t, refStore(t, "wire"), "text")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  quote   “Look, dialogue .*” — Steve Witkoff: misattributed; reference .*wire-us-hamas-talks\.md \(Fixture Wire, 2025-03-05, wire, similarity 0\.\d\d\); the reference attributes it to Karoline Leavitt$`),
		regexp.MustCompile(`(?m)^  quote   “I am sending Israel .*” — Donald Trump: altered; reference .*; changes .*\[-finish-\] \{\+win\+\}`),
		regexp.MustCompile(`(?m)^          reference reads: “I am sending Israel everything it needs to finish`),
		regexp.MustCompile(`(?m)^  quote   “We are not going to make a habit .*” — Marco Rubio: absent$`),
		regexp.MustCompile(`(?m)^  person  Hazem Qassem, spokesman: corroborated — named as "Hamas spokesman" .*wire-us-hamas-talks\.md`),
	} {
		if !want.MatchString(out) {
			t.Errorf("text report lacks %s:\n%s", want, out)
		}
	}
	// Without coverage the section is not there.
	ios, _, plain, _ := cliutil.Test()
	if err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--fail-on", "never", movedQuotes}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "  quote   ") {
		t.Errorf("quotes section without a reference store:\n%s", plain)
	}
}

// SARIF results of FB008 and FB009 carry the reference article as a
// related location and in their properties.
func TestSARIFCarriesReferences(t *testing.T) {
	out := scoreWithRef(t, refStore(t, "wire"), "sarif")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string `json:"ruleId"`
				RelatedLocations []struct {
					ID      int                   `json:"id"`
					Message struct{ Text string } `json:"message"`
				} `json:"relatedLocations"`
				Properties struct {
					References []struct {
						ID, Source, Date, Passage, Speaker, Diff string
						Similarity                               float64
					} `json:"references"`
				} `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		switch r.RuleID {
		case "FB008", "FB009":
		default:
			continue
		}
		seen[r.RuleID] = true
		if len(r.RelatedLocations) != 1 || len(r.Properties.References) != 1 {
			t.Fatalf("%s: %d related locations, %d references, want 1 each", r.RuleID, len(r.RelatedLocations), len(r.Properties.References))
		}
		ref := r.Properties.References[0]
		if !strings.HasSuffix(ref.ID, "wire-us-hamas-talks.md") || ref.Source != "Fixture Wire" || ref.Date != "2025-03-05" || ref.Similarity <= 0 || ref.Passage == "" {
			t.Errorf("%s: reference %+v", r.RuleID, ref)
		}
		msg := r.RelatedLocations[0].Message.Text
		if !strings.Contains(msg, "Fixture Wire, 2025-03-05, wire, similarity") || !strings.Contains(msg, ref.Passage) {
			t.Errorf("%s: related location reads %q", r.RuleID, msg)
		}
		if r.RuleID == "FB009" && (ref.Speaker != "Karoline Leavitt" || !strings.Contains(msg, "said by Karoline Leavitt")) {
			t.Errorf("FB009: reference speaker %q, message %q", ref.Speaker, msg)
		}
		if r.RuleID == "FB008" && !strings.Contains(ref.Diff, "[-finish-]") {
			t.Errorf("FB008: diff %q", ref.Diff)
		}
	}
	if !seen["FB008"] || !seen["FB009"] {
		t.Errorf("SARIF lacks the altered or misattributed quote: %v", seen)
	}
}

// A GitHub annotation of a coverage finding names the reference article,
// its date and the passage.
func TestGitHubAnnotationNamesTheReference(t *testing.T) {
	out := scoreWithRef(t, refStore(t, "wire"), "github")
	var fb009 string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "title=FB009::") {
			fb009 = line
		}
	}
	if fb009 == "" {
		t.Fatalf("no FB009 annotation:\n%s", out)
	}
	// Messages escape line breaks as %0A.
	if !strings.Contains(fb009, "%0AReference: ") || !strings.Contains(fb009, "(Fixture Wire, 2025-03-05, wire, similarity 0.") ||
		!strings.Contains(fb009, "(said by Karoline Leavitt)") {
		t.Errorf("FB009 annotation does not name the reference: %s", fb009)
	}
}

// The HTML report carries each checked quote with its reference passage
// for the quotes table.
func TestHTMLReportCarriesQuotes(t *testing.T) {
	out := scoreWithRef(t, refStore(t, "wire"), "html")
	m := regexp.MustCompile(`(?s)<script type="application/json" id="cd-a-0">(.*?)</script>`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no article data block")
	}
	var a struct {
		Quotes []struct {
			Text       string `json:"q"`
			Speaker    string `json:"sp"`
			Provenance string `json:"pv"`
			Ref        *struct {
				ID      string `json:"id"`
				Passage string `json:"p"`
				Speaker string `json:"sp"`
			} `json:"ref"`
		} `json:"qs"`
	}
	if err := json.Unmarshal([]byte(m[1]), &a); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, q := range a.Quotes {
		got[q.Speaker] = q.Provenance
		if (q.Provenance == "altered" || q.Provenance == "misattributed") && (q.Ref == nil || q.Ref.Passage == "") {
			t.Errorf("%s quote of %s has no reference passage", q.Provenance, q.Speaker)
		}
	}
	want := map[string]string{"Steve Witkoff": "misattributed", "Donald Trump": "altered", "Marco Rubio": "absent", "Hazem Qassem": "absent"}
	for sp, pv := range want {
		if got[sp] != pv {
			t.Errorf("quote of %s: %q, want %q (all: %v)", sp, got[sp], pv, got)
		}
	}
	if !strings.Contains(out, "quotesTable") {
		t.Error("page script has no quotes table")
	}
}
