package server

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// stopServer shuts ts down and waits for it (the window state is written
// on the way out).
func stopServer(t *testing.T, ts *testServer) {
	t.Helper()
	ts.stop()
	select {
	case err := <-ts.served:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
		ts.served <- nil // for the cleanup
	case <-time.After(60 * time.Second):
		t.Fatal("server did not stop")
	}
}

// With --window-state, a restarted server compares a new article with
// one scored before the restart and reports the same cross-article
// findings as a server that never stopped: here a conflicting White House
// press secretary (FB005, naming the earlier article by id) and a copied
// article.
func TestWindowSurvivesARestart(t *testing.T) {
	state := filepath.Join(t.TempDir(), "window.db")
	withState := func(c *Config) { c.WindowState = state }
	fd := feed(t)
	p1, p2 := fd[len(fd)-2], fd[len(fd)-1]
	a := seeds(t)[1]
	a.ID, a.Source = "first", "wire"
	b := a
	b.ID, b.Source = "second", "partner"

	// Without a restart.
	ts := startServer(t, nil)
	do(t, "POST", ts.url+"/v1/score", "application/json", p1.json(t))
	do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
	want := []response{
		do(t, "POST", ts.url+"/v1/score", "application/json", p2.json(t)),
		do(t, "POST", ts.url+"/v1/score", "application/json", b.json(t)),
	}
	if !conflictNames.Match(want[0].body) {
		t.Fatalf("press-2 should conflict with press-1: %s", want[0].body)
	}

	// With one.
	ts = startServer(t, withState)
	do(t, "POST", ts.url+"/v1/score", "application/json", p1.json(t))
	do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
	stopServer(t, ts)
	ts = startServer(t, withState)
	if !strings.Contains(ts.logs.String(), `"msg":"window restored","articles":2`) {
		t.Errorf("restore not logged: %s", ts.logs.String())
	}
	got := []response{
		do(t, "POST", ts.url+"/v1/score", "application/json", p2.json(t)),
		do(t, "POST", ts.url+"/v1/score", "application/json", b.json(t)),
	}
	for i := range want {
		if w, g := crossOf(t, want[i].body), crossOf(t, got[i].body); w != g || w == "" {
			t.Errorf("after a restart, article %d's cross-article findings\n%s\nwant (no restart)\n%s", i, g, w)
		}
	}
	if n := ts.win.Load().size(); n != 4 {
		t.Errorf("window holds %d articles after the restart and two more, want 4", n)
	}
}

// crossOf is a document's cross-article findings and entity statuses
// (crossFindings), with the feed positions ("article 3") left out: a
// restarted window numbers the feed from its restart.
func crossOf(t *testing.T, body []byte) string {
	t.Helper()
	docs := documents(t, body)
	return articlePos.ReplaceAllString(strings.Join(crossFindings(t, docs), "\n"), "article N")
}

var articlePos = regexp.MustCompile(`article \d+`)

// conflictNames finds press-2's conflict naming press-1 by id, whether
// the id comes after the feed position ("article 11 [id press-1]") or
// alone ("article press-1").
var conflictNames = regexp.MustCompile(`"FB005".*article (\d+ \[id )?press-1\]? \(daily\) names Karoline Leavitt`)

// The state file holds at most the window's length, and articles older
// than the window's age are not replayed.
func TestWindowStateIsBounded(t *testing.T) {
	state := filepath.Join(t.TempDir(), "window.db")
	ts := startServer(t, func(c *Config) { c.WindowState = state; c.Window = WindowOptions{Articles: 3, MaxAge: time.Hour} })
	for i, a := range feed(t)[:6] {
		a.ID = "a" + string(rune('0'+i))
		do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
	}
	stopServer(t, ts)
	st, err := openWindowState(state, WindowOptions{Articles: 3, MaxAge: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	recs, _, err := st.load(time.Now())
	if err != nil || len(recs) != 3 || recs[0].Doc.ID != "a3" || recs[2].Doc.ID != "a5" {
		t.Fatalf("loaded %d records (%v), want a3..a5", len(recs), err)
	}
	if recs, _, _ := st.load(time.Now().Add(2 * time.Hour)); len(recs) != 0 {
		t.Errorf("%d records older than the window's age replayed", len(recs))
	}
	n := 0
	_ = st.db.View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketWindow).Stats().KeyN; return nil })
	if n != 3 {
		t.Errorf("state file holds %d records, want 3", n)
	}
	if err := st.close(); err != nil {
		t.Fatal(err)
	}
}
