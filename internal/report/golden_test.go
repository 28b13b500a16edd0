package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden files from the current output")

// render runs a whole batch through the named format.
func render(t *testing.T, format string, info RunInfo) []byte {
	t.Helper()
	var b bytes.Buffer
	r := New(format, &b)
	if r == nil {
		t.Fatalf("format %q is not registered", format)
	}
	if err := r.Start(info); err != nil {
		t.Fatalf("%s Start: %v", format, err)
	}
	for _, res := range testResults(t) {
		if err := r.Document(res); err != nil {
			t.Fatalf("%s Document(%s): %v", format, res.ID, err)
		}
	}
	if err := r.Finish(testSummary()); err != nil {
		t.Fatalf("%s Finish: %v", format, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	color := testRunInfo()
	color.Color = true
	quiet := testRunInfo()
	quiet.Quiet = true
	cases := []struct {
		name, format string
		info         RunInfo
	}{
		{"text", "text", testRunInfo()},
		{"text-color", "text", color},
		{"text-quiet", "text", quiet},
		{"json", "json", testRunInfo()},
		{"jsonl", "jsonl", testRunInfo()},
		{"sarif", "sarif", testRunInfo()},
		{"github", "github", testRunInfo()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.format, c.info)
			path := filepath.Join("testdata", "golden", c.name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (rerun with -update if the change is intended)\n--- got ---\n%s\n--- want ---\n%s",
					c.name, path, got, want)
			}
		})
	}
}

func TestEveryFormatRegistered(t *testing.T) {
	for _, f := range []string{"text", "json", "jsonl", "sarif", "github"} {
		if New(f, &bytes.Buffer{}) == nil {
			t.Errorf("format %q not registered", f)
		}
	}
	if New("yaml", &bytes.Buffer{}) != nil {
		t.Error("unknown format returned a reporter")
	}
}

type brokenPipe struct{}

func (brokenPipe) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// A reporter that cannot write says so (the CLI exits instead of scoring a
// million articles into a closed pipe).
func TestWriteErrorsAreReturned(t *testing.T) {
	for _, format := range []string{"text", "json", "jsonl", "sarif", "github"} {
		r := New(format, brokenPipe{})
		_ = r.Start(testRunInfo())
		err := r.Document(testResults(t)[0])
		if err == nil {
			err = r.Finish(testSummary())
		}
		if err == nil || !strings.Contains(err.Error(), "broken pipe") || !strings.Contains(err.Error(), format) {
			t.Errorf("%s: want a write error naming the format, got %v", format, err)
		}
	}
}
