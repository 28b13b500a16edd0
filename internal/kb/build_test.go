package kb

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

// TestDefaultKBIsReproducible rebuilds the embedded knowledge base from
// ../shared/kb-sources and the overlay and checks the committed file is
// byte-for-byte what the build produces. Run with COPYDESK_UPDATE_KB=1 to
// rewrite data/kb.jsonl.gz after editing the overlay or the catalogue.
func TestDefaultKBIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("rebuilding the knowledge base takes seconds; skipped with -short")
	}
	shared := testutil.RequireShared(t)
	recs, asOf, err := Build(filepath.Join(shared, "kb-sources"), filepath.Join("data", "overlay.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "kb.jsonl.gz")
	if err := WriteDefault(out, recs, asOf); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("COPYDESK_UPDATE_KB") != "" {
		if err := os.WriteFile(filepath.Join("data", "kb.jsonl.gz"), got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote data/kb.jsonl.gz: %d records, current to %s", len(recs), asOf)
		return
	}
	again := filepath.Join(t.TempDir(), "again.jsonl.gz")
	if err := WriteDefault(again, recs, asOf); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(again); !bytes.Equal(b, got) {
		t.Fatal("two builds from the same inputs differ")
	}
	if !bytes.Equal(got, defaultKB) {
		t.Fatal("data/kb.jsonl.gz is stale: run COPYDESK_UPDATE_KB=1 go test ./internal/kb -run TestDefaultKBIsReproducible")
	}
}

// TestPositionRoleStripsCountry checks that a source label loses its
// country, including countries whose names begin like a formal style
// ("Democratic Republic of the Congo"), and keeps labels whose "of" does
// not introduce the country.
func TestPositionRoleStripsCountry(t *testing.T) {
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ label, country, want string }{
		{"Prime Minister of the Democratic Republic of the Congo", "Democratic Republic of the Congo", "Prime Minister"},
		{"President of the Democratic Republic of the Congo", "Democratic Republic of the Congo", "President"},
		{"Prime Minister of the Republic of the Congo", "Republic of the Congo", "Prime Minister"},
		{"President of the Bolivarian Republic of Venezuela", "Venezuela", "President"},
		{"Minister of Foreign Affairs of Canada", "Canada", "Foreign Minister"},
		{"President of the Government", "Spain", "President of the Government"},
	} {
		if got := positionRole(c.label, lx.CanonicalCountry(c.country), lx); got != c.want {
			t.Errorf("positionRole(%q, %q) = %q, want %q", c.label, c.country, got, c.want)
		}
	}
}
