// Command refbench measures the reference store at scale: it builds a
// store of -n articles (default 100,000) from repeated eval text
// (../shared/eval/news.jsonl, read at run time, never copied), then
// reports ingest speed, lookup speed and size on disk; with -score it
// scores articles against an existing store and reports the run's peak
// memory. scripts/refbench.sh runs both.
//
// Ingest is measured in two parts: analysing reference articles through
// the run path (refingest.Add, which is what `copydesk ref add` does) on
// the distinct eval texts, and writing records at scale: the 100,000
// records reuse those analyses under new ids and dates, each with its
// text perturbed (a deterministic tenth of its words dropped) so that no
// two fingerprints are identical.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/refstore/refingest"
	"github.com/copydesk/copydesk/internal/report"
)

type evalArticle struct {
	ID, Title, Text, Source string
}

func main() {
	evalPath := flag.String("eval", "", "labelled JSONL (default ../shared/eval/news.jsonl)")
	n := flag.Int("n", 100000, "articles in the store")
	db := flag.String("db", "", "store directory (default: a temporary one, removed after)")
	score := flag.Int("score", 0, "instead of building: score this many eval articles against -db and report peak memory")
	noStore := flag.Bool("nostore", false, "with -score: score without the store (baseline memory)")
	flag.Parse()
	if err := run(*evalPath, *n, *db, *score, *noStore); err != nil {
		fmt.Fprintln(os.Stderr, "refbench:", err)
		os.Exit(1)
	}
}

func run(evalPath string, n int, db string, score int, noStore bool) error {
	if evalPath == "" {
		shared := os.Getenv("COPYDESK_SHARED")
		if shared == "" {
			shared = "../shared"
		}
		evalPath = filepath.Join(shared, "eval", "news.jsonl")
	}
	arts, err := load(evalPath)
	if err != nil {
		return err
	}
	if score > 0 {
		return scoreRun(arts, db, score, noStore)
	}
	if db == "" {
		tmp, err := os.MkdirTemp("", "refbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		db = tmp
	}
	return build(arts, db, n)
}

func load(path string) ([]evalArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval text: %w", err)
	}
	defer f.Close()
	var out []evalArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a evalArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

func source(arts []evalArticle, date func(i int) time.Time) pipeline.Source {
	return func(ctx context.Context, emit func(ingest.Article) error) error {
		for i, a := range arts {
			doc := document.New(a.ID, a.Text)
			doc.Title, doc.Source = a.Title, a.Source
			doc.Date = date(i)
			if err := emit(ingest.Article{ID: a.ID, Path: a.ID, Doc: doc}); err != nil {
				return err
			}
		}
		return nil
	}
}

var epoch = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)

// dateOf spreads articles over two years: about 137 a day at 100,000.
func dateOf(i int) time.Time { return epoch.AddDate(0, 0, i%730) }

// perturb drops a deterministic tenth of the words of text.
func perturb(text string, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	ws := strings.Fields(text)
	kept := ws[:0]
	for _, w := range ws {
		if r.IntN(10) != 0 {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

func build(arts []evalArticle, db string, n int) error {
	st, err := refstore.Open(db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{Fitting: true})
	if err != nil {
		return err
	}
	// 1. The run path on the distinct texts.
	stats, err := refingest.Add(context.Background(), st, setup, source(arts, dateOf), refingest.Options{Trust: refstore.Wire})
	if err != nil {
		return err
	}
	fmt.Printf("analyse and index %d distinct articles (refingest.Add, %d CPUs): %s, %.0f articles/s\n",
		stats.Added, runtime.GOMAXPROCS(0), stats.Elapsed.Round(time.Millisecond), float64(stats.Added)/stats.Elapsed.Seconds())
	again, err := refingest.Add(context.Background(), st, setup, source(arts, dateOf), refingest.Options{Trust: refstore.Wire})
	if err != nil {
		return err
	}
	fmt.Printf("re-adding the same articles: %d added, %d updated, %d unchanged\n", again.Added, again.Updated, again.Unchanged)
	base := make([]*refstore.Article, len(arts))
	for i, a := range arts {
		if base[i], err = st.Get(a.ID); err != nil {
			return err
		}
	}
	// 2. Records at scale.
	start := time.Now()
	var batch []*refstore.Article
	written := len(arts)
	for i := len(arts); i < n; i++ {
		k := i % len(arts)
		b := base[k]
		if b == nil {
			continue
		}
		a := *b
		a.ID = fmt.Sprintf("%s#copy%d", b.ID, i)
		a.Date = dateOf(i)
		text := perturb(arts[k].Text, uint64(i))
		a.Signature = refstore.Sign(refstore.Shingles(text))
		a.Hash = refstore.ContentHash(a.Source, a.Trust, a.Date, a.Title, text)
		batch = append(batch, &a)
		if len(batch) == 5000 || i == n-1 {
			if _, err := st.Add(batch); err != nil {
				return err
			}
			written += len(batch)
			batch = batch[:0]
		}
	}
	el := time.Since(start)
	fmt.Printf("write %d more records (fingerprinting included): %s, %.0f records/s\n", written-len(arts), el.Round(time.Millisecond), float64(written-len(arts))/el.Seconds())
	in, err := st.Info()
	if err != nil {
		return err
	}
	fmt.Printf("store: %d articles, %d people, %d quotes; file %.1f MiB, in use %.1f MiB, %.0f bytes an article in use\n",
		in.Articles, in.People, in.Quotes, float64(in.Bytes)/(1<<20), float64(in.DataBytes)/(1<<20), float64(in.DataBytes)/float64(in.Articles))
	fmt.Printf("  bytes an article by index:")
	for _, name := range []string{"articles", "postings", "titles", "ids", "dates"} {
		fmt.Printf(" %s %.0f", name, float64(in.Buckets[name])/float64(in.Articles))
	}
	fmt.Println()
	// 3. Lookups: perturbed eval texts dated like the store.
	var times []time.Duration
	matched, matches := 0, 0
	for q := range 1000 {
		k := (q * 37) % len(arts)
		text := perturb(arts[k].Text, uint64(1_000_000+q))
		words := refstore.Shingles(text)
		t0 := time.Now()
		ms, err := st.Match(refstore.Query{Signature: refstore.Sign(words), Words: words, Date: dateOf(k + 730*q)})
		times = append(times, time.Since(t0))
		if err != nil {
			return err
		}
		if len(ms) > 0 {
			matched++
			matches += len(ms)
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	var sum time.Duration
	for _, t := range times {
		sum += t
	}
	fmt.Printf("lookups: 1000 in %s: mean %s, median %s, p99 %s; %d found coverage (%.1f matches each)\n",
		sum.Round(time.Millisecond), (sum / 1000).Round(time.Microsecond), times[500].Round(time.Microsecond), times[990].Round(time.Microsecond), matched, float64(matches)/float64(max(matched, 1)))
	return nil
}

// discard is a reporter that keeps nothing.
type discard struct{ n, quotes int }

func (d *discard) Start(report.RunInfo) error { return nil }
func (d *discard) Document(r *analysis.Result) error {
	d.n++
	d.quotes += len(r.Quotes)
	return nil
}
func (d *discard) Finish(report.Summary) error { return nil }

func scoreRun(arts []evalArticle, db string, n int, noStore bool) error {
	var st *refstore.Store
	if !noStore {
		var err error
		if st, err = refstore.Open(db, true); err != nil {
			return err
		}
		defer st.Close()
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{RefStore: st})
	if err != nil {
		return err
	}
	if n > len(arts) {
		n = len(arts)
	}
	d := &discard{}
	start := time.Now()
	opts := setup.Options()
	opts.Streaming = true
	if _, err := pipeline.RunSource(context.Background(), source(arts[:n], func(i int) time.Time { return dateOf(i) }), opts, d); err != nil {
		return err
	}
	el := time.Since(start)
	what := "with the store"
	if noStore {
		what = "without a store"
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("score %d articles %s: %s (%.0f articles/s), %d quotes checked; Go memory from the OS %.0f MiB; %s\n",
		d.n, what, el.Round(time.Millisecond), float64(d.n)/el.Seconds(), d.quotes, float64(ms.Sys)/(1<<20), procMemory())
	return nil
}

// procMemory is the process's peak resident set (VmHWM) and, now, its
// anonymous memory and the file pages mapped in (RssAnon, RssFile: the
// store's memory-mapped pages the lookups touched, which the kernel
// shares and can drop), from /proc/self/status (Linux).
func procMemory() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "process memory unknown"
	}
	var parts []string
	for _, line := range strings.Split(string(b), "\n") {
		for _, k := range []string{"VmHWM:", "RssAnon:", "RssFile:"} {
			if strings.HasPrefix(line, k) {
				parts = append(parts, k+" "+strings.Join(strings.Fields(strings.TrimPrefix(line, k)), " "))
			}
		}
	}
	return strings.Join(parts, ", ")
}
