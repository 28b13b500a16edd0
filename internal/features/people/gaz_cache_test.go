package people

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGazAtCacheMatchesScan checks the cached gazetteer lookup against the
// plain scan for every token and limit of real articles.
func TestGazAtCacheMatchesScan(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	seeds, _ := filepath.Glob("../../../testdata/seeds/*.txt")
	unseen, _ := filepath.Glob("../fabrication/testdata/unseen/*.txt")
	files = append(append(files, seeds...), unseen...)
	texts := []string{"The United Nations Secretary-General met New York City officials, Israel Katz said.\nUnited\nNations"}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		f := newFinder(text)
		for k := range f.toks {
			for limit := k - 1; limit <= min(len(f.toks), k+lex.maxGazWords+2); limit++ {
				if got, want := f.gazAt(k, limit), f.gazAtScan(k, limit); got != want {
					t.Fatalf("gazAt(%d %q, %d) = %d, scan %d", k, f.tok(k), limit, got, want)
				}
			}
		}
	}
}
