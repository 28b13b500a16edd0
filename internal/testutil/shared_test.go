package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRequireSharedPolicy runs a probe test in a subprocess with ../shared
// pointed at nothing: it must fail with CI set and skip (logging the skip)
// without.
func TestRequireSharedPolicy(t *testing.T) {
	if os.Getenv("COPYDESK_PROBE") != "" {
		RequireShared(t)
		return
	}
	missing := filepath.Join(t.TempDir(), "no-shared")
	for _, ci := range []string{"", "true"} {
		log := filepath.Join(t.TempDir(), "skips")
		cmd := exec.Command(os.Args[0], "-test.run=^TestRequireSharedPolicy$", "-test.v")
		cmd.Env = append(os.Environ(), "COPYDESK_PROBE=1", "COPYDESK_SHARED="+missing, "CI="+ci, "COPYDESK_SKIP_LOG="+log)
		out, err := cmd.CombinedOutput()
		switch ci {
		case "":
			b, _ := os.ReadFile(log)
			if err != nil || !strings.Contains(string(out), "--- SKIP") || !strings.Contains(string(out), "*** SKIPPING TESTS THAT NEED ../shared") || strings.TrimSpace(string(b)) != "TestRequireSharedPolicy" {
				t.Errorf("without CI: want a loud skip and a logged name; err %v, log %q\n%s", err, b, out)
			}
		default:
			if err == nil || !strings.Contains(string(out), "--- FAIL") || !strings.Contains(string(out), "CI is set") {
				t.Errorf("with CI set: want a failure; err %v\n%s", err, out)
			}
		}
	}
}
