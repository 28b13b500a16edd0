package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildDir  string
)

// buildBinary compiles copydesk once for the subprocess tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "copydesk-bin")
		if buildErr != nil {
			return
		}
		builtBin = filepath.Join(buildDir, "copydesk")
		if out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// Usage errors exit 2 and print the message on one line, then the usage.
func TestUsageErrorOutput(t *testing.T) {
	bin := buildBinary(t)
	for _, tc := range []struct {
		args  []string
		usage string
	}{
		{[]string{"scroe"}, "Usage: copydesk COMMAND [flags]"},
		{[]string{"explain"}, "Usage: copydesk explain RULE [flags]"},
		{[]string{"rules", "x"}, "Usage: copydesk rules [flags]"},
		{[]string{"score", "--nope", "x"}, "Usage: copydesk score [PATH|DIR|GLOB|-]... [flags]"},
	} {
		cmd := exec.Command(bin, tc.args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if cmd.ProcessState.ExitCode() != 2 || len(lines) != 3 || !strings.HasPrefix(lines[0], "copydesk: ") || lines[1] != tc.usage {
			t.Errorf("%v: exit %d (%v), stderr:\n%s", tc.args, cmd.ProcessState.ExitCode(), err, stderr.String())
		}
	}
}

// A signal stops reading, closes the report well-formed and marked
// interrupted, and exits 128+signal — here with standard input still open,
// so the reader is blocked and the run must abandon it.
func TestSignalClosesReportAndExits(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX signals")
	}
	bin := buildBinary(t)
	article := `{"id":"a%d","text":"It is important to note that the council met on Tuesday. Experts believe the plan is a testament to progress."}` + "\n"
	for _, tc := range []struct {
		format string
		sig    syscall.Signal
		code   int
	}{
		{"jsonl", syscall.SIGINT, 130},
		{"json", syscall.SIGTERM, 143},
		{"sarif", syscall.SIGTERM, 143},
		{"text", syscall.SIGINT, 130},
	} {
		t.Run(tc.format, func(t *testing.T) {
			outPath := filepath.Join(t.TempDir(), "report."+tc.format)
			cmd := exec.Command(bin, "score", "--no-config", "--format", tc.format, "-o", outPath, "--fail-on", "never", "--input-format", "jsonl", "-")
			cmd.Dir = t.TempDir()
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			stderrPipe, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			// Wait until the run has started (it names its configuration),
			// then feed articles and signal with input still open.
			stderr := bufio.NewReader(stderrPipe)
			if line, err := stderr.ReadString('\n'); err != nil || !strings.Contains(line, "configuration") {
				t.Fatalf("first stderr line %q, %v", line, err)
			}
			for i := range 20 {
				fmt.Fprintf(stdin, article, i)
			}
			time.Sleep(500 * time.Millisecond)
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			rest, _ := io.ReadAll(stderr)
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			var werr error
			select {
			case werr = <-exited:
			case <-time.After(60 * time.Second): // generous: a busy machine
				t.Fatal("no exit within 60 s of the signal")
			}
			stdin.Close()
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Fatalf("exit %d (%v), want %d; stderr %s", code, werr, tc.code, rest)
			}
			if !strings.Contains(string(rest), "interrupted") {
				t.Errorf("stderr does not say the run was interrupted: %q", rest)
			}
			out, err := os.ReadFile(outPath)
			if err != nil {
				t.Fatal(err)
			}
			checkInterruptedReport(t, tc.format, out)
		})
	}
}

func checkInterruptedReport(t *testing.T, format string, out []byte) {
	t.Helper()
	switch format {
	case "jsonl":
		if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) {
			t.Errorf("jsonl ends in a partial line: %q", out[max(0, len(out)-80):])
		}
		for i, l := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
			if len(l) > 0 && !json.Valid(l) {
				t.Errorf("jsonl line %d is not JSON: %q", i+1, l)
			}
		}
	case "json":
		var rep struct {
			Interrupted bool
			Documents   []json.RawMessage
		}
		if err := json.Unmarshal(out, &rep); err != nil || !rep.Interrupted {
			t.Errorf("json report not a valid document marked interrupted: %v\n%s", err, out)
		}
	case "sarif":
		var log struct {
			Runs []struct {
				Invocations []struct {
					ExecutionSuccessful bool
					ExitSignalName      string
				}
			}
		}
		if err := json.Unmarshal(out, &log); err != nil || len(log.Runs) != 1 || log.Runs[0].Invocations[0].ExecutionSuccessful || log.Runs[0].Invocations[0].ExitSignalName == "" {
			t.Errorf("sarif not a valid log marked interrupted: %v\n%s", err, out)
		}
	case "text":
		if !bytes.Contains(out, []byte("interrupted")) {
			t.Errorf("text report does not end with an interrupted summary:\n%s", out)
		}
	}
}
