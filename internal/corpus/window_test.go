package corpus_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/testutil"
)

type analysed struct {
	doc *document.Document
	res *analysis.Result
}

// analyseBatch analyses a planted batch once; the checks only read.
func analyseBatch(t *testing.T, n int) ([]analysed, *analysis.Env) {
	t.Helper()
	env, _, err := features.NewEnv(features.EnvOptions{})
	if err != nil {
		t.Fatal(err)
	}
	analyzers, err := analysis.Order(features.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	var out []analysed
	for _, a := range testutil.PlantedBatch(t, n, 17) {
		d := document.New(a.ID, a.Text)
		d.Source, d.Title = a.Source, a.Title
		if a.Date != "" {
			if d.Date, err = time.Parse("2006-01-02", a.Date[:min(len(a.Date), 10)]); err != nil {
				t.Fatal(err)
			}
		}
		res, err := analysis.Run(d, analyzers, env)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, analysed{d, res})
	}
	return out, env
}

// observe feeds one article to c and returns its own amendments, with
// the results' slices copied so later Applies cannot alias them.
func observe(c corpus.Check, i int, a analysed) []corpus.Amendment {
	res := *a.res
	res.Findings = append([]analysis.Finding(nil), a.res.Findings...)
	res.Entities = append([]analysis.Entity(nil), a.res.Entities...)
	var out []corpus.Amendment
	for _, am := range c.Observe(i, a.doc, &res) {
		am.Doc = 0
		out = append(out, am)
	}
	return out
}

// TestWindowForgets: with a window of N articles, every article gets
// exactly the amendments a fresh, unbounded streaming index gives it
// after seeing only the N−1 articles before it; and what the index keeps
// stays bounded.
func TestWindowForgets(t *testing.T) {
	const n, window = 120, 9
	arts, env := analyseBatch(t, n)
	ix := corpus.NewIndex(features.KeyedChecks(env), true)
	ix.SetWindow(corpus.Window{Articles: window})
	amended, maxKeys := 0, 0
	for i, a := range arts {
		got := observe(ix, i, a)
		fresh := corpus.NewIndex(features.KeyedChecks(env), true)
		var want []corpus.Amendment
		for j := max(0, i-window+1); j <= i; j++ {
			want = observe(fresh, j, arts[j])
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("article %d (%s): window gives\n%+v\nwant\n%+v", i, a.doc.ID, got, want)
		}
		if len(got) > 0 {
			amended++
		}
		kept, keys, _ := ix.Kept()
		if kept > window {
			t.Fatalf("article %d: %d articles kept, window %d", i, kept, window)
		}
		maxKeys = max(maxKeys, keys)
	}
	if amended == 0 {
		t.Fatal("no article was amended: the batch does not exercise the window")
	}
	// Sweeps run every eighth of the window, at least every 256
	// articles: keys of articles gone may linger until then.
	if _, keys, _ := ix.Kept(); keys > maxKeys {
		t.Errorf("keys grew to %d", keys)
	}
	t.Logf("%d of %d articles amended; at most %d keys kept", amended, n, maxKeys)
}

// TestWindowByAge: an article dated more than MaxAge before the latest
// date leaves the window.
func TestWindowByAge(t *testing.T) {
	arts, env := analyseBatch(t, 40)
	ix := corpus.NewIndex(features.KeyedChecks(env), true)
	ix.SetWindow(corpus.Window{MaxAge: 24 * time.Hour})
	base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for i, a := range arts {
		a.doc.Date = base.Add(time.Duration(i) * 12 * time.Hour)
		observe(ix, i, a)
		if kept, _, _ := ix.Kept(); kept > 3 {
			t.Fatalf("article %d: %d articles kept, want at most 3 (dated within a day of the latest)", i, kept)
		}
	}
}
