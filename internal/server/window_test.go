package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

// feed is a feed where the checks across articles have work: each seed,
// then the same text under another source (a shared template), and two
// articles naming different White House press secretaries at one date (a
// conflict between articles).
func feed(t *testing.T) []article {
	var out []article
	for i, a := range seeds(t) {
		a.Source = fmt.Sprintf("wire%d", i)
		out = append(out, a)
		copyA := a
		copyA.ID, copyA.Source = a.ID+"-copy", fmt.Sprintf("partner%d", i)
		out = append(out, copyA)
	}
	out = append(out,
		article{ID: "press-1", Source: "daily", Date: "2025-03-05", Title: "Briefing",
			Text: "White House press secretary Karoline Leavitt told reporters on Tuesday that the talks would continue. \"We are hopeful,\" Leavitt said at the briefing."},
		article{ID: "press-2", Source: "weekly", Date: "2025-03-05", Title: "Briefing",
			Text: "White House press secretary Maria Delgado told reporters on Tuesday that the talks would continue. \"We are hopeful,\" Delgado said at the briefing."},
	)
	return out
}

// crossFindings lists each document's findings of the rules the batch
// checks own, with their evidence, and its entities.
func crossFindings(t *testing.T, docs []map[string]any) []string {
	t.Helper()
	batchRules := map[string]bool{}
	for _, r := range newWindow(WindowOptions{Articles: 1}, func() []corpus.Check { return sharedSetup(t).CorpusChecks(true) }, nil).rules {
		batchRules[r.ID] = true
	}
	var out []string
	for _, d := range docs {
		fs, _ := d["findings"].([]any)
		for _, f := range fs {
			f := f.(map[string]any)
			if batchRules[f["rule"].(string)] {
				out = append(out, fmt.Sprintf("%v %v %v-%v %v", d["id"], f["rule"], f["start"], f["end"], f["evidence"]))
			}
		}
		out = append(out, fmt.Sprintf("%v entities %s", d["id"], canonical(t, d["entities"])))
	}
	return out
}

// The window finds what `copydesk score --format jsonl` finds over the same
// articles in the same order, whether they come one request at a time or
// as one batch.
func TestWindowFindsWhatScoreFinds(t *testing.T) {
	arts := feed(t)
	var want []map[string]any
	for _, line := range bytes.Split(bytes.TrimSpace(scoreCommand(t, arts, "jsonl")), []byte("\n")) {
		want = append(want, withoutPath(t, line))
	}
	wantCross := crossFindings(t, want)
	if n := strings.Count(strings.Join(wantCross, "\n"), " TP010 "); n < len(seeds(t)) {
		t.Fatalf("score found %d shared sentences; the feed should share at least one per seed:\n%s", n, strings.Join(wantCross, "\n"))
	}

	t.Run("one request each", func(t *testing.T) {
		ts := startServer(t, nil)
		var got []map[string]any
		for _, a := range arts {
			r := do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
			if r.status != http.StatusOK {
				t.Fatalf("%s: %d %s", a.ID, r.status, r.body)
			}
			got = append(got, withoutPath(t, r.body))
		}
		// Lines count within the input: a request's article is on line 1,
		// the file's Nth article on line N.
		compareDocs(t, got, want, func(s string) string { return linesAsInOneRequest(withoutIDs(s)) })
	})
	t.Run("one batch", func(t *testing.T) {
		ts := startServer(t, nil)
		r := do(t, "POST", ts.url+"/v1/score:batch", "application/x-ndjson", jsonLines(t, arts))
		var got []map[string]any
		for _, d := range documents(t, r.body) {
			delete(d, "path")
			got = append(got, d)
		}
		compareDocs(t, got, want, withoutIDs)
		// The server names the other article of a conflict by its id; the
		// first holder is the earliest by (date, id), not by arrival.
		last := canonical(t, got[len(got)-1])
		if !strings.Contains(last, "but article seed1 (wire1)") || !strings.Contains(last, "article press-1 (daily)") {
			t.Errorf("press-2's conflicts should name the other articles' ids: %s", last)
		}
	})
}

func compareDocs(t *testing.T, got, want []map[string]any, normalise func(string) string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d documents, want %d", len(got), len(want))
	}
	g, w := normalise(strings.Join(crossFindings(t, got), "\n")), normalise(strings.Join(crossFindings(t, want), "\n"))
	if g != w {
		t.Errorf("cross-article findings differ from score's:\n got %s\nwant %s", g, w)
	}
	for i := range got {
		if a, b := normalise(canonical(t, got[i])), normalise(canonical(t, want[i])); a != b {
			t.Errorf("document %d differs:\n got %s\nwant %s", i, a, b)
		}
	}
}

// A shared template is reported when the second article arrives, naming
// the first.
func TestWindowReportsTheSecondArticle(t *testing.T) {
	ts := startServer(t, nil)
	a := seeds(t)[1]
	a.ID, a.Source = "first", "wire"
	b := a
	b.ID, b.Source = "second", "partner"
	first := do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
	second := do(t, "POST", ts.url+"/v1/score", "application/json", b.json(t))
	if bytes.Contains(first.body, []byte(`"TP010"`)) {
		t.Errorf("the first article has nothing to share yet: %s", first.body)
	}
	// A copy of the whole article is one finding naming it (TP010 collapses
	// per-sentence matches); a shared template names it per sentence.
	if !bytes.Contains(second.body, []byte(`copied from article first (source wire)`)) &&
		!bytes.Contains(second.body, []byte(`also in article first (source wire)`)) {
		t.Errorf("the second article should name the first: %s", second.body)
	}
	// A conflicting office holder, likewise, on the second article.
	fd := feed(t)
	p1, p2 := fd[len(fd)-2], fd[len(fd)-1]
	do(t, "POST", ts.url+"/v1/score", "application/json", p1.json(t))
	r := do(t, "POST", ts.url+"/v1/score", "application/json", p2.json(t))
	if !bytes.Contains(r.body, []byte(`"FB005"`)) || !bytes.Contains(r.body, []byte(`article press-1 (daily) names Karoline Leavitt`)) {
		t.Errorf("press-2 should conflict with press-1 by id: %s", r.body)
	}
}

// fakeCheck records the indexes it is shown and amends every article with
// a finding naming the articles it has seen.
type fakeCheck struct{ seen []string }

func (c *fakeCheck) Name() string           { return "fake" }
func (c *fakeCheck) Rules() []analysis.Rule { return []analysis.Rule{{ID: "XX001"}} }
func (c *fakeCheck) Finish() []corpus.Amendment {
	return nil
}
func (c *fakeCheck) Observe(idx int, doc *document.Document, _ *analysis.Result) []corpus.Amendment {
	f := analysis.Finding{Rule: "XX001", Evidence: strings.Join(c.seen, ",")}
	c.seen = append(c.seen, doc.ID)
	return []corpus.Amendment{{Doc: idx, Findings: []analysis.Finding{f}}, {Doc: idx - 1, Findings: []analysis.Finding{f}}}
}

// observeAll feeds ids through w and returns what each article was
// compared with.
func observeAll(w *window, ids ...string) []string {
	var out []string
	for i, id := range ids {
		as := w.observe(100+i, &document.Document{ID: id}, &analysis.Result{ID: id})
		if len(as) != 1 || as[0].Doc != 100+i {
			out = append(out, fmt.Sprintf("%s: amendments %+v", id, as))
			continue
		}
		out = append(out, id+"<"+as[0].Findings[0].Evidence)
	}
	return out
}

func TestWindowBounds(t *testing.T) {
	newSet := func() []corpus.Check { return []corpus.Check{&fakeCheck{}} }
	w := newWindow(WindowOptions{Articles: 4}, newSet, nil)
	got := strings.Join(observeAll(w, "a", "b", "c", "d", "e", "f", "g", "h"), " ")
	// Generations start at a, c (a's has seen 2), e (c's has seen 2; a's
	// is dropped at 4), g: each article sees at least 2 and at most 3
	// before it.
	want := "a< b<a c<a,b d<a,b,c e<c,d f<c,d,e g<e,f h<e,f,g"
	if got != want {
		t.Errorf("window of 4:\n got %s\nwant %s", got, want)
	}
	if n := w.size(); n != 2 { // i would be compared with g and h
		t.Errorf("size %d, want 2", n)
	}
	for range 100 {
		observeAll(w, "x")
	}
	if len(w.gens) > 2 || w.gens[0].seen > 4 || len(w.gens) == 2 && w.gens[1].seen > 2 {
		t.Errorf("window holds more than 1.5×4 articles: %d generations, oldest %d", len(w.gens), w.gens[0].seen)
	}

	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	aged := newWindow(WindowOptions{Articles: 1000, MaxAge: time.Hour}, newSet, nil)
	aged.now = func() time.Time { return now }
	observeAll(aged, "old")
	now = now.Add(40 * time.Minute)
	if got := observeAll(aged, "mid"); got[0] != "mid<old" {
		t.Errorf("40 minutes later: %s", got[0])
	}
	now = now.Add(40 * time.Minute)
	if got := observeAll(aged, "new"); got[0] != "new<mid" {
		t.Errorf("80 minutes after the first, it is out of a 1 h window: %s", got[0])
	}
}

// The window's amendments pass through encoding unchanged: a finding
// added by a batch check is in the document JSON.
func TestWindowOffHasNoCrossFindings(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Window.Articles = 0 })
	a := seeds(t)[2]
	for i, src := range []string{"wire", "partner"} {
		a.ID, a.Source = fmt.Sprint("off", i), src
		r := do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
		var d struct{ Findings []analysis.Finding }
		if err := json.Unmarshal(r.body, &d); err != nil {
			t.Fatal(err)
		}
		for _, f := range d.Findings {
			if f.Rule == "TP010" {
				t.Errorf("window off, yet %s shares a sentence: %+v", a.ID, f)
			}
		}
	}
	if r := do(t, "GET", ts.url+"/readyz", "", nil); !bytes.Contains(r.body, []byte(`"window_articles":0`)) {
		t.Errorf("readyz: %s", r.body)
	}
}

// linesAsInOneRequest rewrites line numbers (fields and evidence such as
// "first occurrence on line 4") as if each article were a one-line input.
var lineNumber = regexp.MustCompile(`("line":|line )\d+`)

// withoutIDs removes the ids the window adds after "article N", which a
// score run does not print.
func withoutIDs(s string) string { return articleID.ReplaceAllString(s, "") }

var articleID = regexp.MustCompile(` \[id [^\]]*\]`)

func linesAsInOneRequest(s string) string { return lineNumber.ReplaceAllString(s, "${1}N") }
