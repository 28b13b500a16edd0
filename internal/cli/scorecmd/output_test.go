package scorecmd_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
)

// A report written into the folder being scored is never read back as
// input, however often the run is repeated.
func TestOutputFileIsNotReadBack(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The council met on Monday and approved the harbour plan after a long debate.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.json")
	for run := range 2 {
		ios, _, _, errOut := cliutil.Test()
		err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--format", "json", "--fail-on", "never", "-o", out, dir})
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var rep struct{ Documents []struct{ ID, Error string } }
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatal(err)
		}
		if len(rep.Documents) != 1 || rep.Documents[0].Error != "" {
			t.Errorf("run %d: %+v, want a.txt alone", run, rep.Documents)
		}
	}
}
