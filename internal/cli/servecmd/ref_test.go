package servecmd

import (
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
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/refstore/refingest"
	"github.com/copydesk/copydesk/internal/testutil"
)

// serve --ref DIR checks people and quotes against the store, as score
// --ref does: the rewrite's moved quote comes back misattributed, with
// the wire report as its reference.
func TestServeWithAReferenceStore(t *testing.T) {
	fixtures := filepath.Join(testutil.RepoRoot(), "internal", "features", "coverage", "testdata")
	db := t.TempDir()
	st, err := refstore.Open(db, false)
	if err != nil {
		t.Fatal(err)
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{Fitting: true})
	if err != nil {
		t.Fatal(err)
	}
	refs, _ := filepath.Glob(filepath.Join(fixtures, "ref", "*.md"))
	src := func(ctx context.Context, emit func(ingest.Article) error) error {
		return ingest.Read(ctx, refs, ingest.Options{}, emit)
	}
	if _, err := refingest.Add(context.Background(), st, setup, src, refingest.Options{Trust: refstore.Wire, Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	text, err := os.ReadFile(filepath.Join(fixtures, "articles", "moved-and-altered-quotes.md"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(text[strings.Index(string(text), "\n---\n")+5:]) // the text after the front matter

	logs := &testutil.SyncBuffer{}
	ios := &cliutil.IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: logs}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := NewCmd(ios, nil)
	cfg := filepath.Join(t.TempDir(), "copydesk.yaml")
	if err := os.WriteFile(cfg, []byte("date: 2025-03-05\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0", "--config", cfg, "--ref", db})
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	url := waitReady(t, logs, done)

	art, _ := json.Marshal(map[string]string{"id": "rw", "title": "Washington opens channel to Hamas as hostage talks stall",
		"date": "2025-03-05", "source": "Fixture Rewrite Desk", "text": body})
	resp, err := http.Post(url+"/v1/score", "application/json", strings.NewReader(string(art)))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Quotes []struct {
			Speaker, Provenance string
			Reference           *struct{ Source string }
		}
	}
	err = json.NewDecoder(resp.Body).Decode(&doc)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("POST /v1/score: %d %v", resp.StatusCode, err)
	}
	found := false
	for _, q := range doc.Quotes {
		if q.Speaker == "Steve Witkoff" && q.Provenance == "misattributed" && q.Reference != nil && q.Reference.Source == "Fixture Wire" {
			found = true
		}
	}
	if !found {
		t.Errorf("Witkoff's moved quote not found misattributed: %+v", doc.Quotes)
	}
	stopServer(t, cancel, done)
}

// waitReady waits for the server's "ready" log line and returns its URL.
func waitReady(t *testing.T, logs *testutil.SyncBuffer, done <-chan error) string {
	t.Helper()
	var url string
	deadline := time.Now().Add(90 * time.Second)
	for url == "" || !strings.Contains(logs.String(), `"msg":"ready"`) {
		if time.Now().After(deadline) {
			t.Fatalf("not ready after 90 s: %s", logs.String())
		}
		select {
		case err := <-done:
			t.Fatalf("serve returned before it was ready: %v", err)
		default:
		}
		for _, line := range strings.Split(logs.String(), "\n") {
			var rec struct{ Msg, URL string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "listening" {
				url = rec.URL
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return url
}
