package attribution

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// TestArticleFixtures checks each testdata/articles/*.txt article, written
// for this package, against the expectations in the .want file beside it
// (the templated package's convention): "RULE<TAB>text" needs a finding of
// RULE overlapping that text; "!RULE<TAB>text" forbids one there; "!RULE"
// alone forbids the rule anywhere at warning level or above.
func TestArticleFixtures(t *testing.T) {
	wants, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.want"))
	if len(wants) == 0 {
		t.Fatal("no fixtures")
	}
	for _, wf := range wants {
		name := strings.TrimSuffix(wf, ".want") + ".txt"
		t.Run(filepath.Base(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			res, _ := runArticle(t, name, text)
			w, err := os.ReadFile(wf)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(w), "\n") {
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				id, span, _ := strings.Cut(line, "\t")
				negate := strings.HasPrefix(id, "!")
				id = strings.TrimPrefix(id, "!")
				if span == "" {
					for _, f := range res.Findings {
						if f.Rule == id && f.Severity >= analysis.Warning {
							t.Errorf("%s must not fire; got %q (%s)", id, f.Text, f.Message)
						}
					}
					continue
				}
				s := strings.Index(text, span)
				if s < 0 {
					t.Fatalf("expectation %q not in the fixture", span)
				}
				e := s + len(span)
				hit := false
				for _, f := range res.Findings {
					if f.Rule == id && f.Start < e && f.End > s {
						hit = true
					}
				}
				if hit == negate {
					t.Errorf("%s over %q: found=%v, want %v", id, span, hit, !negate)
				}
			}
			if t.Failed() {
				for _, f := range res.Findings {
					t.Logf("%s %s %q %s", f.Rule, f.Severity, f.Text, f.Message)
				}
			}
		})
	}
}
