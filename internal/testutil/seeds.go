package testutil

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// SeedsDir is testdata/seeds: the five generated articles the project
// started from (one .txt each) and cases.jsonl, what a good detector must
// find in each.
func SeedsDir() string {
	return filepath.Join(RepoRoot(), "testdata", "seeds")
}

// SeedCasesPath is testdata/seeds/cases.jsonl.
func SeedCasesPath() string {
	return filepath.Join(SeedsDir(), "cases.jsonl")
}

// SeedExpect is what cases.jsonl says a good detector must find in one
// seed: phrases each dimension must cover, people to flag, real people it
// must not accuse, and the range of named sources.
type SeedExpect struct {
	Flag         []string `json:"flag"`
	Real         []string `json:"real"`
	Boilerplate  []string `json:"boilerplate"`
	Templated    []string `json:"templated"`
	Vague        []string `json:"vague"`
	Fabrication  []string `json:"fabrication"`
	NamedSources []int    `json:"named_sources"`
}

// SeedCase is one line of cases.jsonl.
type SeedCase struct {
	ID     string     `json:"id"`
	Date   string     `json:"date"`
	Text   string     `json:"text"`
	Expect SeedExpect `json:"expect"`
}

// SeedCases parses cases.jsonl in file order. A missing, malformed or empty
// file fails the test: the seeds are part of the repository, and a test
// over no cases would pass without checking anything.
func SeedCases(tb testing.TB) []SeedCase {
	tb.Helper()
	f, err := os.Open(SeedCasesPath())
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []SeedCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var c SeedCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatalf("%s: %v", SeedCasesPath(), err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", SeedCasesPath(), err)
	}
	if len(out) == 0 {
		tb.Fatalf("%s holds no cases", SeedCasesPath())
	}
	return out
}

// SeedText is the text of the one seed article whose file name starts with
// prefix ("002" for testdata/seeds/002_b708dc984bfd4db5.txt).
func SeedText(tb testing.TB, prefix string) string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(SeedsDir(), prefix+"*.txt"))
	if len(paths) != 1 {
		tb.Fatalf("want one seed article %s*.txt in %s, found %v", prefix, SeedsDir(), paths)
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// SeedTexts are the texts of every seed article, in file-name order.
func SeedTexts(tb testing.TB) []string {
	tb.Helper()
	texts := ReadFiles(tb, filepath.Join(SeedsDir(), "*.txt"))
	if len(texts) == 0 {
		tb.Fatalf("no seed articles in %s", SeedsDir())
	}
	return texts
}

// ReadFiles returns the contents of every regular file matching the globs,
// glob by glob in file-name order; directories are passed over.
func ReadFiles(tb testing.TB, globs ...string) []string {
	tb.Helper()
	var out []string
	for _, glob := range globs {
		paths, err := filepath.Glob(glob)
		if err != nil {
			tb.Fatalf("glob %q: %v", glob, err)
		}
		for _, p := range paths {
			if st, err := os.Stat(p); err != nil || st.IsDir() {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	return out
}
