package kbcmd

import (
	"os"
	"testing"

	"github.com/copydesk/copydesk/internal/kb"
)

// TestMain keeps the tests away from a real `kb update` file in the
// user's cache: every test sees the embedded knowledge base alone unless
// it sets COPYDESK_KB_UPDATE itself.
func TestMain(m *testing.M) {
	os.Setenv(kb.UpdateEnv, "off")
	os.Exit(m.Run())
}
