package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

// TestGeneratedDataIsCurrentAndDeterministic regenerates the lexicons twice
// and compares them with the embedded data: a stale data file, or output
// that depends on map order, fails here.
func TestGeneratedDataIsCurrentAndDeterministic(t *testing.T) {
	shared := testutil.RequireShared(t)
	for round := 0; round < 2; round++ {
		out := t.TempDir()
		if err := run(shared, out, "curated"); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"stock.tsv", "paraphrase.tsv", "vocab.tsv"} {
			got, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("..", "data", name))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("round %d: data/%s differs from a fresh generation; run go generate ./internal/lexicon", round, name)
			}
		}
	}
}

func TestExpandInflectsAndAlternates(t *testing.T) {
	got := expand("{mark} a (significant|notable) shift")
	if len(got) != 8 || got[0] != "mark a significant shift" || got[7] != "marking a notable shift" {
		t.Errorf("expand: %q", got)
	}
	for verb, want := range map[string]string{"navigate": "navigating", "underscore": "underscored", "play": "plays", "stand": "stood"} {
		found := false
		for _, f := range inflect(verb) {
			found = found || f == want
		}
		if !found {
			t.Errorf("inflect(%s) lacks %s: %v", verb, want, inflect(verb))
		}
	}
}

func TestExpandFamiliesGroupsInflectionsNotAlternatives(t *testing.T) {
	surfaces, families := expandFamilies("{send} shockwaves (through|across)")
	if len(surfaces) != 8 || len(families) != 8 {
		t.Fatalf("expandFamilies: %q %q", surfaces, families)
	}
	fam := map[string]string{}
	for i, s := range surfaces {
		fam[s] = families[i]
	}
	if fam["sent shockwaves through"] != "send shockwaves through" || fam["sending shockwaves through"] != "send shockwaves through" {
		t.Errorf("inflections of one alternative must share a family: %v", fam)
	}
	if fam["sent shockwaves across"] != "send shockwaves across" {
		t.Errorf("alternatives must stay separate families: %v", fam)
	}
}
