package attribution

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil/wantfile"
)

// TestArticleFixtures checks each testdata/articles/*.txt article, written
// for this package, against the expectations in the .want file beside it
// (internal/testutil/wantfile's format): "RULE<TAB>text" needs a finding of
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
			wantfile.Check(t, wf, text, res.Findings, wantfile.First)
		})
	}
}
