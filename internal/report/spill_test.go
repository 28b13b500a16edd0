package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A SARIF log whose results went through a temporary file is the log they
// make in memory, byte for byte, and the file is gone afterwards.
func TestSARIFSpillIsIdentical(t *testing.T) {
	inMemory := render(t, "sarif", testRunInfo())
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(n int) { spillLimit = n }(spillLimit)
	spillLimit = 64
	spilled := render(t, "sarif", testRunInfo())
	if !bytes.Equal(inMemory, spilled) {
		t.Fatalf("spilled SARIF differs from the in-memory one:\n%s\n---\n%s", spilled, inMemory)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Fatal(err)
	}
}
