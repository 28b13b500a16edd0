package templated

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

type seedCase struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Expect struct {
		Templated []string `json:"templated"`
	} `json:"expect"`
}

func readSeeds(t *testing.T) []seedCase {
	t.Helper()
	f, err := os.Open(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []seedCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var c seedCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// covered reports whether some templated finding overlaps an occurrence of
// want (case-insensitive) in text.
func covered(text, want string, fs []analysis.Finding) bool {
	lt, lw := strings.ToLower(text), strings.ToLower(want)
	for off := 0; ; {
		i := strings.Index(lt[off:], lw)
		if i < 0 {
			return false
		}
		s, e := off+i, off+i+len(lw)
		for _, f := range fs {
			if f.Dimension == analysis.Templated && f.Start < e && f.End > s {
				return true
			}
		}
		off = e
	}
}

func TestSeedsTemplatedExpectations(t *testing.T) {
	for _, c := range readSeeds(t) {
		doc := document.New(c.ID, c.Text)
		res, err := analysis.Run(doc, []*analysis.Analyzer{Analyzer}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range c.Expect.Templated {
			if !covered(c.Text, want, res.Findings) {
				t.Errorf("seed %s: no templated finding covers %q", c.ID, want)
			}
		}
	}
}
