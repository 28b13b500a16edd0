package configcmd_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
)

func TestConfigPrintsValuesAndWhereFrom(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".copydesk.yaml")
	yaml := "thresholds:\n  fail: 60\njobs: 3\noverrides:\n  - paths: [\"wire/**\"]\n    disable: [TP001]\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "desk")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	ios, _, out, errOut := cliutil.Test()
	if err := root.Execute(context.Background(), ios, []string{"config"}); err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	got := out.String()
	for _, want := range []string{
		"configuration: " + cfg + " (found upward from the working directory)",
		`thresholds\.fail\s+60\s+` + regexp.QuoteMeta(cfg) + `:2`,
		`thresholds\.warn\s+\d+\s+default \(scoring model\)`,
		`jobs\s+3\s+` + regexp.QuoteMeta(cfg) + `:3`,
		`fail_on\s+fail\s+default`,
		`overrides\[0\]\s+paths \[wire/\*\*\]; disable \[TP001\]\s+` + regexp.QuoteMeta(cfg) + `:5`,
	} {
		if !regexp.MustCompile(want).MatchString(got) && !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	ios, _, out, _ = cliutil.Test()
	if err := root.Execute(context.Background(), ios, []string{"config", "--jobs", "5"}); err != nil || !regexp.MustCompile(`jobs\s+5\s+flag --jobs`).MatchString(out.String()) {
		t.Errorf("--jobs 5: %v\n%s", err, out)
	}
	ios, _, out, _ = cliutil.Test()
	if err := root.Execute(context.Background(), ios, []string{"config", "--no-config"}); err != nil || !regexp.MustCompile(`jobs\s+0 \(all CPUs\)\s+default`).MatchString(out.String()) {
		t.Errorf("--no-config: %v\n%s", err, out)
	}
}
