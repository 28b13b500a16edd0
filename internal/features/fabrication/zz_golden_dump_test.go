package fabrication

// TEMPORARY (perf work): dumps every people/fabrication output over the eval
// set, seeds and a generated corpus so a refactor can be diffed. Removed
// before hand-off.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil"
)

func TestGoldenDump(t *testing.T) {
	out := os.Getenv("COPYDESK_GOLDEN_OUT")
	if out == "" {
		t.Skip("COPYDESK_GOLDEN_OUT not set")
	}
	type art struct{ id, text, date, source string }
	var arts []art
	dates := []string{"2025-03-05", "2010-06-01", "", "2021-01-10"}
	for i, a := range evalset.News(t) {
		arts = append(arts, art{a.ID, a.Text, dates[i%len(dates)], a.Source})
	}
	for _, c := range loadSeeds(t) {
		arts = append(arts, art{c.ID, c.Text, c.Date, "seed"})
		arts = append(arts, art{c.ID + "-undated", c.Text, "", "seed2"})
	}
	sents, err := benchcorpus.Sentences(filepath.Join(testutil.RepoRoot(), "testdata", "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range benchcorpus.Generate(sents, 300, 600, 7) {
		arts = append(arts, art{g.ID, g.Text, g.Date, g.Source})
	}
	env := defaultEnv(t)
	k, _ := kb.Default()
	as, err := analysis.Order([]*analysis.Analyzer{Analyzer})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	batch := NewBatch(k)
	var amends []any
	for i, a := range arts {
		doc := document.New(a.id, a.text)
		doc.Source = a.source
		if a.date != "" {
			d, err := time.Parse("2006-01-02", a.date)
			if err != nil {
				t.Fatal(err)
			}
			doc.Date = d
		}
		pr := people.Find(doc, k, nil)
		res, err := analysis.Run(doc, as, env)
		if err != nil {
			t.Fatal(err)
		}
		res.Text = ""
		if err := enc.Encode(map[string]any{"id": a.id, "people": pr, "result": res}); err != nil {
			t.Fatal(err)
		}
		am := batch.Observe(i, doc, res)
		sort.Slice(am, func(x, y int) bool { return am[x].Doc < am[y].Doc })
		if len(am) > 0 {
			amends = append(amends, map[string]any{"at": i, "amend": am})
		}
	}
	amends = append(amends, batch.Finish())
	if err := enc.Encode(amends); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, "articles:", len(arts))
}
