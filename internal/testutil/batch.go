package testutil

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/benchcorpus"
)

// The batches and comparisons of the equivalence tests: a batch scored
// by `copydesk score`, by the --emit-keys / corpus reduce / corpus apply
// recipe and by the Beam pipeline must give the same findings, entity
// statuses and scores, however it is sharded.

// PlantedBatch is n generated articles (benchcorpus) with cross-article
// evidence planted: template sentences shared across sources, whole
// copies, chrome lines in many articles, rival holders of an exclusive
// office within a week, and people named by two sources. Dates repeat
// and ids are not in date order, so (date, id) ordering is exercised.
func PlantedBatch(tb testing.TB, n int, seed uint64) []benchcorpus.Article {
	tb.Helper()
	sentences, err := benchcorpus.Sentences(SeedsDir())
	if err != nil {
		tb.Fatal(err)
	}
	arts := benchcorpus.Generate(sentences, n, 250, seed)
	r := rand.New(rand.NewPCG(seed, 7))
	templates := []string{
		"The decision marks a new chapter in the region's long and complicated relationship with its neighbours, and observers will watch the next steps closely.",
		"In a statement released on Monday, the company said it remained committed to transparency and would cooperate fully with the regulators reviewing the matter.",
		"Experts say the move could have far-reaching implications for the industry as a whole, though the full impact may not be clear for some time.",
	}
	chrome := []string{"Sign up for our free morning newsletter today", "Share this story with your friends and family", "Click here to read more stories like this one"}
	holders := []string{"Karoline Leavitt", "Maria Delgado", "James Corbin"}
	people := []string{"Nadia Okafor, a policy expert at the Lisbon Institute,", "Tomas Brandt, an economist at Halden Bank,"}
	for i := range arts {
		a := &arts[i]
		a.ID = fmt.Sprintf("a%05d", (i*7919)%100000) // not in date order
		a.Date = fmt.Sprintf("2025-03-%02d", 1+r.IntN(20))
		var extra []string
		if r.IntN(4) == 0 {
			extra = append(extra, templates[r.IntN(len(templates))])
		}
		if r.IntN(5) == 0 {
			extra = append(extra, "White House press secretary "+holders[r.IntN(len(holders))]+" told reporters that the talks would continue.")
		}
		if r.IntN(6) == 0 {
			extra = append(extra, people[r.IntN(len(people))]+" said the figures were worse than expected.")
		}
		if len(extra) > 0 {
			a.Text = a.Text + "\n\n" + strings.Join(extra, " ")
		}
		if r.IntN(5) == 0 {
			a.Text = a.Text + "\n\n" + chrome[r.IntN(len(chrome))]
		}
	}
	// Whole copies from another source, some on the same date.
	for i := 0; i+1 < len(arts) && i < 40; i += 10 {
		c := arts[i]
		c.ID, c.Source = c.ID+"-copy", "copier-"+fmt.Sprint(i%3)
		if i%20 == 0 {
			c.Date = "2025-03-21"
		}
		arts = append(arts, c)
	}
	return arts
}

// NewsBatch is the first n articles of the eval set's news.jsonl.
func NewsBatch(tb testing.TB, n int) []benchcorpus.Article {
	tb.Helper()
	var out []benchcorpus.Article
	for _, a := range News(tb) {
		if len(out) == n {
			break
		}
		out = append(out, benchcorpus.Article{ID: a.ID, Title: a.Title, Date: a.Date, Source: a.Source, Text: a.Text})
	}
	return out
}

// WriteShards writes arts to dir as one file and as n shards (article i
// in shard i mod n), returning the whole file and the shards.
func WriteShards(tb testing.TB, dir string, arts []benchcorpus.Article, n int) (string, []string) {
	tb.Helper()
	write := func(name string, as []benchcorpus.Article) string {
		var b bytes.Buffer
		if _, err := benchcorpus.WriteJSONL(&b, as); err != nil {
			tb.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
		return p
	}
	all := write("all.jsonl", arts)
	shards := make([][]benchcorpus.Article, n)
	for i, a := range arts {
		shards[i%n] = append(shards[i%n], a)
	}
	var paths []string
	for i, s := range shards {
		paths = append(paths, write(fmt.Sprintf("shard-%d-of-%d.jsonl", i, n), s))
	}
	return all, paths
}

// Canonical reads results (JSON Lines, or a json report's documents) into
// one line per article id: score, verdict, dimension scores, findings
// (rule, span, severity) and entity statuses, each sorted — what every
// form of a run must agree on. Line numbers and messages quoting them are
// left out: they count lines within each input file.
func Canonical(tb testing.TB, data []byte) map[string]string {
	tb.Helper()
	type finding struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
	}
	type entity struct {
		Name   string `json:"name"`
		Status string `json:"status"`
		Start  int    `json:"start"`
	}
	type doc struct {
		ID         string          `json:"id"`
		Score      int             `json:"score"`
		Verdict    string          `json:"verdict"`
		Dimensions json.RawMessage `json:"dimensions"`
		Findings   []finding       `json:"findings"`
		Entities   []entity        `json:"entities"`
		Error      string          `json:"error"`
	}
	var docs []doc
	var rep struct {
		Documents []doc `json:"documents"`
	}
	if err := json.Unmarshal(data, &rep); err == nil && rep.Documents != nil {
		docs = rep.Documents // a json report
	} else {
		for _, l := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			var d doc
			if err := json.Unmarshal(l, &d); err != nil {
				tb.Fatalf("result line %q: %v", l, err)
			}
			docs = append(docs, d)
		}
	}
	out := map[string]string{}
	for _, d := range docs {
		var fs, es []string
		for _, f := range d.Findings {
			fs = append(fs, fmt.Sprintf("%s@%d-%d/%s", f.Rule, f.Start, f.End, f.Severity))
		}
		for _, e := range d.Entities {
			es = append(es, fmt.Sprintf("%s@%d=%s", e.Name, e.Start, e.Status))
		}
		sort.Strings(fs)
		sort.Strings(es)
		if _, dup := out[d.ID]; dup {
			tb.Fatalf("article %s reported twice", d.ID)
		}
		var dims bytes.Buffer
		_ = json.Compact(&dims, d.Dimensions)
		out[d.ID] = fmt.Sprintf("score=%d verdict=%s dims=%s err=%q findings=%v entities=%v", d.Score, d.Verdict, dims.String(), d.Error, fs, es)
	}
	return out
}

// CompareCanonical fails tb where got differs from want.
func CompareCanonical(tb testing.TB, what string, want, got map[string]string) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Errorf("%s: %d articles, want %d", what, len(got), len(want))
	}
	bad := 0
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if got[id] != want[id] {
			if bad++; bad <= 3 {
				tb.Errorf("%s: article %s:\n got %s\nwant %s", what, id, got[id], want[id])
			}
		}
	}
	if bad > 3 {
		tb.Errorf("%s: %d articles differ in all", what, bad)
	}
}

// CountRules counts findings by rule over canonical results, to show a
// batch exercises the checks it should.
func CountRules(canon map[string]string, rules ...string) map[string]int {
	out := map[string]int{}
	for _, c := range canon {
		for _, r := range rules {
			out[r] += strings.Count(c, r+"@")
		}
	}
	return out
}
