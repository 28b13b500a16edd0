package servecmd

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/testutil"
)

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"--tls-cert", "c.pem"}, "--tls-cert and --tls-key go together"},
		{[]string{"--window", "-1"}, "--window -1"},
		{[]string{"extra"}, "unknown command"},
	} {
		ios, _, _, _ := cliutil.Test()
		cmd := NewCmd(ios, func(context.Context, *Options) error { return nil })
		cmd.SetArgs(tc.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%v: %v, want %q", tc.args, err, tc.err)
		}
	}
	var got *Options
	ios, _, _, _ := cliutil.Test()
	cmd := NewCmd(ios, func(_ context.Context, o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0", "--window", "10", "--window-age", "1h", "--max-body", "1000", "--timeout", "3s"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Addr != "127.0.0.1:0" || got.Server.Window.Articles != 10 || got.Server.Window.MaxAge != time.Hour ||
		got.Server.MaxBodyBytes != 1000 || got.Server.Timeout != 3*time.Second {
		t.Errorf("options %+v", got)
	}
}

// Run loads the data once, serves, and stops cleanly when its context
// ends (as on SIGTERM).
func TestRunServesUntilCancelled(t *testing.T) {
	dir := t.TempDir()
	token := filepath.Join(dir, "token")
	if err := os.WriteFile(token, []byte("tok\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "copydesk.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [TP011]\ndate: 2025-03-05\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	logs := &testutil.SyncBuffer{}
	ios := &cliutil.IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: logs}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := NewCmd(ios, nil)
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0", "--token-file", token, "--config", cfg})
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()

	var url string
	deadline := time.Now().Add(90 * time.Second)
	for url == "" || !strings.Contains(logs.String(), `"msg":"ready"`) {
		if time.Now().After(deadline) {
			t.Fatalf("not ready after 90 s: %s", logs.String())
		}
		for _, line := range strings.Split(logs.String(), "\n") {
			var rec struct{ Msg, URL string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "listening" {
				url = rec.URL
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	req, _ := http.NewRequest("GET", url+"/v1/rules/TP011", nil)
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /v1/rules/TP011 with the token: %d", resp.StatusCode)
	}
	// The configuration applies: TP011 is disabled, the date fills in.
	body := `{"id":"c1","text":"It is important to note that the plan, a testament to the city, went ahead on Tuesday as the council said."}`
	req, _ = http.NewRequest("POST", url+"/v1/score", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("Content-Type", "application/json")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(b, []byte(`"date":"2025-03-05"`)) || bytes.Contains(b, []byte(`"TP011"`)) {
		t.Errorf("score with the configuration: %d %s", resp.StatusCode, b)
	}
	stopServer(t, cancel, done)
	if !strings.Contains(logs.String(), `"msg":"request"`) || !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("access log or stop message missing: %s", logs.String())
	}
}

// stopServer cancels a server started by Run and waits for Run to return
// without error.
func stopServer(t *testing.T, cancel context.CancelFunc, done <-chan error) {
	t.Helper()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after cancel: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}
