// Command loadtest drives `copydesk serve` on 127.0.0.1 with generated
// articles and reports sustained articles/s, request latency (p50, p99),
// errors, and the server's resident memory as the run goes on.
//
//	go run ./scripts/loadtest -articles 100000 -concurrency 4
//	go run ./scripts/loadtest -articles 100000 -window 0           # checks across articles off
//	go run ./scripts/loadtest -batch 100                           # POST /v1/score:batch, 100 a request
//	go run ./scripts/loadtest -url http://127.0.0.1:8080           # a server started separately
//	go run ./scripts/loadtest -articles 20000 -score-bin ./copydesk # also: CPU per article of `copydesk score`
//
// By default it starts the server in this process (RSS then includes the
// small client). It only ever talks to 127.0.0.1 or localhost, and stops
// after -articles or -max-duration, whichever comes first.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/server"
)

type options struct {
	articles    int
	concurrency int
	batch       int
	window      int
	words       int
	maxDuration time.Duration
	target      string
	seeds       string
	scoreBin    string
	samples     int
}

func main() {
	var o options
	flag.IntVar(&o.articles, "articles", 100000, "articles to send")
	flag.IntVar(&o.concurrency, "concurrency", 4, "concurrent clients")
	flag.IntVar(&o.batch, "batch", 0, "articles per POST /v1/score:batch (0: one POST /v1/score each)")
	flag.IntVar(&o.window, "window", server.DefaultConfig().Window.Articles, "window of the in-process server in articles (0: off)")
	flag.IntVar(&o.words, "words", 400, "words per generated article")
	flag.DurationVar(&o.maxDuration, "max-duration", 20*time.Minute, "stop sending after this long")
	flag.StringVar(&o.target, "url", "", "a running server on 127.0.0.1 (default: start one in this process)")
	flag.StringVar(&o.seeds, "seeds", "testdata/seeds", "seed articles the generator reshuffles")
	flag.StringVar(&o.scoreBin, "score-bin", "", "copydesk binary: also time `score --format jsonl --jobs 1` on the same articles")
	flag.IntVar(&o.samples, "rss-samples", 10, "resident memory readings over the run")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	sentences, err := benchcorpus.Sentences(o.seeds)
	if err != nil {
		return fmt.Errorf("seeds: %w (run from the repository root)", err)
	}
	base := o.target
	if base == "" {
		if base, err = startServer(o); err != nil {
			return err
		}
	} else if err := localOnly(base); err != nil {
		return err
	}
	client := &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: o.concurrency * 2}}
	cpu0, _ := metric(client, base, "process_cpu_seconds_total")

	chunk := max(o.batch, 1)
	jobs := make(chan []benchcorpus.Article, o.concurrency)
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      atomic.Int64
		sent      atomic.Int64
		firstErr  atomic.Value
	)
	deadline := time.Now().Add(o.maxDuration)
	go func() { // generate in chunks: the client holds a few hundred articles, not all of them
		defer close(jobs)
		for i := 0; i < o.articles && time.Now().Before(deadline); i += chunk {
			as := generate(sentences, i, min(chunk, o.articles-i), o.words)
			jobs <- as
		}
	}()
	var rss []string
	every := max(o.articles/max(o.samples, 1), 1)
	nextSample := int64(every)
	start := time.Now()
	var wg sync.WaitGroup
	for range o.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for as := range jobs {
				t0 := time.Now()
				n, err := send(client, base, as, o.batch > 0)
				d := time.Since(t0)
				mu.Lock()
				latencies = append(latencies, d)
				mu.Unlock()
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
				done := sent.Add(int64(n))
				if done >= atomic.LoadInt64(&nextSample) {
					atomic.AddInt64(&nextSample, int64(every))
					if v, err := metric(client, base, "process_resident_memory_bytes"); err == nil {
						mu.Lock()
						rss = append(rss, fmt.Sprintf("%d:%.0fMB", done, v/(1<<20)))
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu1, _ := metric(client, base, "process_cpu_seconds_total")
	win, _ := metric(client, base, "copydesk_window_articles")
	n := sent.Load()
	slices.Sort(latencies)
	unit := "request (1 article)"
	if o.batch > 0 {
		unit = fmt.Sprintf("request (%d articles)", o.batch)
	}
	fmt.Printf("articles: %d in %.1fs with %d clients on %d CPUs (GOMAXPROCS)\n", n, elapsed.Seconds(), o.concurrency, runtime.GOMAXPROCS(0))
	fmt.Printf("throughput: %.0f articles/s\n", float64(n)/elapsed.Seconds())
	fmt.Printf("latency per %s: p50 %s, p99 %s, max %s\n", unit, pct(latencies, 50), pct(latencies, 99), pct(latencies, 100))
	fmt.Printf("errors: %d\n", errs.Load())
	if e := firstErr.Load(); e != nil {
		fmt.Printf("first error: %s\n", e)
	}
	fmt.Printf("window: %.0f articles compared with the next one\n", win)
	fmt.Printf("resident memory (articles sent:RSS): %s\n", strings.Join(rss, " "))
	if o.target == "" {
		fmt.Printf("server CPU per article: %.3f ms (process CPU, client included)\n", (cpu1-cpu0)*1000/float64(n))
	} else {
		fmt.Printf("server CPU per article: %.3f ms\n", (cpu1-cpu0)*1000/float64(n))
	}
	if o.scoreBin != "" {
		return compareScore(o, sentences, int(n))
	}
	return nil
}

func localOnly(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if h := u.Hostname(); h != "127.0.0.1" && h != "localhost" && h != "::1" {
		return fmt.Errorf("-url %s: the load test only runs against 127.0.0.1", raw)
	}
	return nil
}

func startServer(o options) (string, error) {
	st, err := pipeline.NewSetup(pipeline.SetupOptions{})
	if err != nil {
		return "", err
	}
	cfg := server.DefaultConfig()
	cfg.Window.Articles = o.window
	cfg.MaxInFlight = max(cfg.MaxInFlight, o.concurrency)
	s, err := server.New(cfg)
	if err != nil {
		return "", err
	}
	s.SetSetup(st)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go func() { _ = s.Serve(context.Background(), ln, "", "") }()
	return "http://" + ln.Addr().String(), nil
}

// generate makes n articles numbered from first; deterministic.
func generate(sentences []string, first, n, words int) []benchcorpus.Article {
	as := benchcorpus.Generate(sentences, n, words, uint64(first)+1)
	for i := range as {
		as[i].ID = fmt.Sprintf("load-%07d", first+i)
	}
	return as
}

// send posts the articles and returns how many were answered.
func send(client *http.Client, base string, as []benchcorpus.Article, batch bool) (int, error) {
	var body bytes.Buffer
	path, ctype := "/v1/score", "application/json"
	if batch {
		path, ctype = "/v1/score:batch", "application/x-ndjson"
		if _, err := benchcorpus.WriteJSONL(&body, as); err != nil {
			return 0, err
		}
	} else if err := json.NewEncoder(&body).Encode(as[0]); err != nil {
		return 0, err
	}
	resp, err := client.Post(base+path, ctype, &body)
	if err != nil {
		return len(as), err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return len(as), err
	}
	if resp.StatusCode != http.StatusOK {
		return len(as), fmt.Errorf("%s: %d %s", path, resp.StatusCode, bytes.TrimSpace(b))
	}
	if lines := bytes.Count(b, []byte("\n")); lines != len(as) || bytes.Contains(b, []byte(`"error":`)) {
		return len(as), fmt.Errorf("%s: %d lines for %d articles, or an error: %.200s", path, lines, len(as), b)
	}
	return len(as), nil
}

// metric reads one unlabelled series from /metrics.
func metric(client *http.Client, base, name string) (float64, error) {
	resp, err := client.Get(base + "/metrics")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
	}
	return 0, errors.New("no " + name)
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := min(len(ds)*p/100, len(ds)-1)
	return ds[i].Round(10 * time.Microsecond)
}

// compareScore times `copydesk score --format jsonl --jobs 1` on the same
// articles and prints its CPU per article.
func compareScore(o options, sentences []string, n int) error {
	dir, err := os.MkdirTemp("", "loadtest")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "articles.jsonl")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	chunk := max(o.batch, 1)
	for i := 0; i < n; i += chunk {
		if _, err := benchcorpus.WriteJSONL(f, generate(sentences, i, min(chunk, n-i), o.words)); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	args := []string{"score", "--format", "jsonl", "--fail-on", "never", "--jobs", "1", path}
	if o.window == 0 {
		args = append(args, "--no-corpus")
	}
	cmd := exec.Command(o.scoreBin, args...)
	cmd.Stdout = io.Discard
	cmd.Stderr = os.Stderr
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", strings.Join(cmd.Args, " "), err)
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	fmt.Printf("copydesk %s: %.1fs wall, CPU per article %.3f ms\n", strings.Join(args[:len(args)-1], " "), time.Since(t0).Seconds(), cpu.Seconds()*1000/float64(n))
	return nil
}
