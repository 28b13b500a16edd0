// Package testutil locates test data shared by every package's tests.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// RepoRoot is the directory holding go.mod.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SharedDir returns ../shared beside the repository (set COPYDESK_SHARED to
// point elsewhere), or "" when it is absent.
func SharedDir() string {
	dir := os.Getenv("COPYDESK_SHARED")
	if dir == "" {
		dir = filepath.Join(RepoRoot(), "..", "shared")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return ""
	}
	return dir
}

// RequireShared returns the shared directory or skips the test with a clear
// message: a user's clone has no ../shared, CI does.
func RequireShared(tb testing.TB) string {
	tb.Helper()
	dir := SharedDir()
	if dir == "" {
		tb.Skip("skipped: ../shared (the labelled eval set and KB sources) is not beside this clone; set COPYDESK_SHARED to run it")
	}
	return dir
}
