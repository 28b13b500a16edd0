package score

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

var updatePinned = flag.Bool("update-pinned", false, "rewrite testdata/pinned_profiles.json from the current code")

// TestLexicalProfilesArePinned holds the committed model's lexical profile
// of the seeds and testdata/ to the values recorded (go test -run Pinned
// -update-pinned) before the profile was made fast.
func TestLexicalProfilesArePinned(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	local, _ := filepath.Glob("testdata/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seeds found")
	}
	got := map[string]float64{"empty": m.Lexical.ProfileText("")}
	for _, p := range append(seeds, local...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got[filepath.Base(p)] = m.Lexical.ProfileText(string(b))
	}
	const golden = "testdata/pinned_profiles.json"
	if *updatePinned {
		b, _ := json.MarshalIndent(got, "", " ")
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]float64
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(got) {
		t.Errorf("%d pinned texts, measured %d", len(want), len(got))
	}
	for name, w := range want {
		if g, ok := got[name]; !ok || math.Abs(g-w) > 1e-9 {
			t.Errorf("%s profile = %v, pinned %v", name, g, w)
		}
	}
}

// TestLexicalProfileMatchesReference compares the fast profile with the
// implementation the model was fitted with (reference_test.go) on every
// labelled news article, and checks ngramIDs (used for fitting) still
// yields the same ids.
func TestLexicalProfileMatchesReference(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range testutil.News(t) {
		got, want := m.Lexical.ProfileText(a.Text), m.Lexical.refProfileText(a.Text)
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s profile = %v, reference %v", a.ID, got, want)
		}
		if i%10 == 0 && !slices.Equal(ngramIDs(a.Text, lexicalBuckets), refNgramIDs(a.Text, lexicalBuckets)) {
			t.Errorf("%s: n-gram ids differ from the reference", a.ID)
		}
	}
}

// BenchmarkProfileText is the lexical profile of the five seeds.
func BenchmarkProfileText(b *testing.B) {
	m, err := DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	var texts []string
	n := 0
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	m.Lexical.ProfileText("warm up")
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			m.Lexical.ProfileText(t)
		}
	}
}

// BenchmarkProfileTextReference is BenchmarkProfileText with the
// implementation the model was fitted with, for a before/after on the same
// machine and load.
func BenchmarkProfileTextReference(b *testing.B) {
	m, err := DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	var texts []string
	n := 0
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			m.Lexical.refProfileText(t)
		}
	}
}
