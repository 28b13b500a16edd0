// Package cdbeam is copydesk as an Apache Beam pipeline: read JSON Lines,
// analyse each article in a DoFn, group the batch checks' keyed sightings
// with GroupByKey, reduce them, join the notes back to their articles by
// id (CoGroupByKey), settle and score, and write JSON Lines. It runs the
// same keyed checks (internal/corpus) as `copydesk score` and the
// `--emit-keys` / `corpus reduce` / `corpus apply` recipe, so the three
// agree; it lives in its own module so the copydesk binary never links
// Beam.
package cdbeam

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
)

// Options say what every worker loads: the same as `copydesk score`'s
// --config/--no-config, --model and --kb (files the workers can read).
type Options struct {
	ConfigPath string   `json:"config,omitempty"`
	NoConfig   bool     `json:"no_config,omitempty"`
	Model      string   `json:"model,omitempty"`
	KB         []string `json:"kb,omitempty"`
	// Date is --date: the publication date of articles without one.
	Date string `json:"date,omitempty"`
	// GroupLimit caps a key's group (corpus.DefaultGroupLimit when 0).
	GroupLimit int `json:"group_limit,omitempty"`
}

func init() {
	register.DoFn3x1[string, func(string, string), func(string, []byte), error](&analyzeFn{})
	register.DoFn3x1[string, func(*[]byte) bool, func(string, []byte), error](&reduceFn{})
	register.DoFn4x1[string, func(*string) bool, func(*[]byte) bool, func(string), error](&settleFn{})
	register.Emitter2[string, string]()
	register.Emitter2[string, []byte]()
	register.Emitter1[string]()
	register.Iter1[[]byte]()
	register.Iter1[string]()
}

// Build adds the pipeline to s: articles from the files matching inGlob,
// results to out.
func Build(s beam.Scope, inGlob, out string, o Options) {
	lines := textio.Read(s.Scope("read"), inGlob)
	results, keys := beam.ParDo2(s.Scope("analyse"), &analyzeFn{Options: o}, lines)
	groups := beam.GroupByKey(s.Scope("group-by-key"), keys)
	notes := beam.ParDo(s.Scope("reduce"), &reduceFn{Options: o}, groups)
	joined := beam.CoGroupByKey(s.Scope("join-by-id"), results, notes)
	final := beam.ParDo(s.Scope("settle-and-score"), &settleFn{Options: o}, joined)
	textio.Write(s.Scope("write"), out, final)
}

// worker is what one worker process loads once and its DoFns share.
type worker struct {
	opts   pipeline.Options
	checks []corpus.Keyed
}

var (
	workersMu sync.Mutex
	workers   = map[string]*worker{}
)

func load(o Options) (*worker, error) {
	key := fmt.Sprintf("%+v", o)
	workersMu.Lock()
	defer workersMu.Unlock()
	if w := workers[key]; w != nil {
		return w, nil
	}
	cfg, _, err := config.Resolve(o.ConfigPath, o.NoConfig)
	if err != nil {
		return nil, err
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{Config: cfg, KnowledgeBases: o.KB, ModelPath: o.Model})
	if err != nil {
		return nil, err
	}
	w := &worker{opts: setup.Options(), checks: setup.KeyedChecks()}
	if o.Date != "" {
		if w.opts.DefaultDate, err = config.ParseDate(o.Date); err != nil {
			return nil, fmt.Errorf("date: %w", err)
		}
	}
	workers[key] = w
	return w, nil
}

// analyzeFn analyses one JSON line: its stage result (keyed by article
// id) and its sightings (keyed by check and key).
type analyzeFn struct {
	Options Options `json:"options"`
	w       *worker
}

func (f *analyzeFn) Setup() error {
	var err error
	f.w, err = load(f.Options)
	return err
}

func (f *analyzeFn) ProcessElement(line string, results func(string, string), keys func(string, []byte)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(line))
	name := fmt.Sprintf("line-%016x", h.Sum64()) // an article without an id is known by its line's hash
	a := ingest.JSONLine(name, 0, []byte(line))
	res, doc := pipeline.Analyse(a, f.w.opts)
	if doc != nil {
		order := corpus.OrderOf(doc, doc.ID)
		for ci, ss := range corpus.EmitAll(f.w.checks, doc, res) {
			for seq, s := range ss {
				b, err := corpus.EncodeMember(order, seq, s.Value)
				if err != nil {
					return err
				}
				keys(corpus.GroupKey(f.w.checks[ci].Name(), s.Key), b)
			}
		}
	}
	res.Text = ""
	var buf bytes.Buffer
	if err := report.New("jsonl", &buf).Document(res); err != nil {
		return err
	}
	// The stage result travels with its features (the score needs them).
	results(res.ID, buf.String())
	return nil
}

// reduceFn reduces one key's group into notes keyed by article id.
type reduceFn struct {
	Options Options `json:"options"`
	w       *worker
}

func (f *reduceFn) Setup() error {
	var err error
	f.w, err = load(f.Options)
	return err
}

func (f *reduceFn) ProcessElement(gk string, values func(*[]byte) bool, emit func(string, []byte)) error {
	name, key, ok := corpus.SplitGroupKey(gk)
	if !ok {
		return fmt.Errorf("bad group key %q", gk)
	}
	var c corpus.Keyed
	for _, k := range f.w.checks {
		if k.Name() == name {
			c = k
		}
	}
	if c == nil {
		return fmt.Errorf("unknown check %q", name)
	}
	var ms []corpus.Member
	var b []byte
	for values(&b) {
		m, err := corpus.DecodeMember(c, b)
		if err != nil {
			return err
		}
		ms = append(ms, m)
	}
	for _, n := range corpus.ReduceKey(c, key, ms, f.Options.GroupLimit) {
		e, err := corpus.EncodeNote(name, n)
		if err != nil {
			return err
		}
		emit(n.Article, e)
	}
	return nil
}

// settleFn joins an article's notes to its stage result, settles them
// into amendments, applies them and scores the result.
type settleFn struct {
	Options Options `json:"options"`
	w       *worker
}

func (f *settleFn) Setup() error {
	var err error
	f.w, err = load(f.Options)
	return err
}

func (f *settleFn) ProcessElement(id string, results func(*string) bool, notes func(*[]byte) bool, emit func(string)) error {
	var encoded [][]byte
	var b []byte
	for notes(&b) {
		encoded = append(encoded, append([]byte(nil), b...))
	}
	amendments, err := corpus.SettleEncoded(f.w.checks, id, encoded)
	if err != nil {
		return err
	}
	var lines []string
	var line string
	for results(&line) {
		lines = append(lines, line)
	}
	if len(lines) > 1 {
		// Notes find their article by id: as `copydesk corpus reduce`
		// does, refuse rather than amend the wrong article.
		return fmt.Errorf("article id %q appears %d times: ids must be unique across the batch", id, len(lines))
	}
	for _, line := range lines {
		var out bytes.Buffer
		err := pipeline.ApplyStage(strings.NewReader(line), &out, map[string][]corpus.Amendment{id: amendments}, f.w.opts)
		if err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		emit(strings.TrimSuffix(out.String(), "\n"))
	}
	return nil
}

// Run builds and runs the pipeline with runner (see beamx.Run and Execute
// in the tests).
type Runner func(ctx context.Context, p *beam.Pipeline) error

// Run runs the pipeline on the files matching inGlob, writing out.
func Run(ctx context.Context, run Runner, inGlob, out string, o Options) error {
	p, s := beam.NewPipelineWithRoot()
	Build(s, inGlob, out, o)
	return run(ctx, p)
}
