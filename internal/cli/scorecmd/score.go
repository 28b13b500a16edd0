// Package scorecmd implements `copydesk score`, the main job: read
// articles, analyse them, and report scores and findings.
package scorecmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/refstore/refingest"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/version"
)

// Options are the parsed flags of `copydesk score`.
type Options struct {
	IO          *cliutil.IOStreams
	Inputs      []string
	Format      string
	Output      string
	InputFormat string
	Date        string
	Jobs        int
	FailOn      string
	ConfigPath  string
	NoConfig    bool
	MinSeverity string
	// StdinFilename names standard input: its format (by extension) and
	// the path overrides and reports see.
	StdinFilename string
	Quiet         bool
	NoColor       bool
	KB            []string
	Model         string
	NoCorpus      bool
	// CorpusWindow and CorpusDays bound the checks across articles in a
	// streaming (jsonl) run: the last N articles, dated within D days of
	// the latest (corpus.Window).
	CorpusWindow int
	CorpusDays   float64
	Features     bool
	// EmitKeys is the key file of the article pass of a sharded run.
	EmitKeys string
	// ReadSpecial reads FIFOs, devices and sockets named on the command
	// line; FollowLinks follows links that leave a walked folder.
	ReadSpecial, FollowLinks bool
	// Ref is a reference store (copydesk ref add) the coverage checks read.
	Ref string
	// Coverage "batch" makes the run's own articles coverage for each
	// other (a temporary store built in a first pass over the inputs).
	Coverage string
	// ArticleTimeout and MaxArticleBytes bound one article's analysis.
	ArticleTimeout  time.Duration
	MaxArticleBytes int

	// flagSet records which flags the user set, so config only fills the rest.
	flagSet func(name string) bool
}

var formatNames = []string{"text", "json", "jsonl", "sarif", "github", "html"}

// NewCmd returns the command; runF replaces the work in tests of flag parsing.
func NewCmd(ios *cliutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "score [PATH|DIR|GLOB|-]...",
		Short: "Score articles for low-quality generated content",
		Long: `Score reads articles and reports, for each, a 0–100 score on four
dimensions (boilerplate, templated, attribution, fabrication) and overall,
a verdict (pass, warn, fail), and every finding with its rule, span and a
message. Directories are walked recursively; "-" reads standard input.

Inputs: plain text, Markdown with YAML front matter, HTML pages, JSON Lines
(one article a line), RSS and Atom feeds — detected by extension, then by
content; --input-format overrides.

Exit status: 0 no article fails; 1 some article fails (see --fail-on);
2 usage or configuration error; 3 some input could not be read (every
other input is still scored and reported).`,
		Example: `  copydesk score --date 2025-03-05 'testdata/seeds/*.txt'
  copydesk score --format github --min-severity warning articles/
  cat draft.md | copydesk score --stdin-filename drafts/draft.md -
  copydesk score feed.xml --format sarif -o results.sarif
  cat articles.jsonl | copydesk score - --format jsonl
  copydesk score --format html -o report.html articles/`,
		Args: cobra.ArbitraryArgs,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			opts.flagSet = func(name string) bool { return cmd.Flags().Changed(name) }
			if len(args) == 0 {
				return cliutil.UsageError(errors.New("score needs at least one input (a file, directory, glob, or - for standard input)"))
			}
			if opts.NoConfig && opts.ConfigPath != "" {
				return cliutil.UsageError(errors.New("--config and --no-config exclude each other"))
			}
			if !slices.Contains(formatNames, opts.Format) {
				return cliutil.UsageError(fmt.Errorf("unknown --format %q (want %s)", opts.Format, strings.Join(formatNames, ", ")))
			}
			inFormat, err := ingest.ParseFormat(opts.InputFormat)
			if err != nil {
				return cliutil.UsageError(fmt.Errorf("--input-format: %w", err))
			}
			opts.InputFormat = inFormat
			if opts.CorpusWindow < 0 || opts.CorpusDays < 0 {
				return cliutil.UsageError(errors.New("--corpus-window and --corpus-days: want 0 (no limit) or more"))
			}
			if opts.EmitKeys != "" {
				if cmd.Flags().Changed("format") && opts.Format != "jsonl" {
					return cliutil.UsageError(errors.New("--emit-keys writes stage results as jsonl: --format must be jsonl"))
				}
				opts.Format = "jsonl"
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: "+strings.Join(formatNames, ", "))
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&opts.InputFormat, "input-format", "", "force the input format: "+strings.Join(ingest.Formats, ", "))
	f.StringVar(&opts.Date, "date", "", "publication `DATE` (YYYY-MM-DD) for articles that carry none")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "articles analysed in parallel (default: all CPUs)")
	f.StringVar(&opts.FailOn, "fail-on", "", "exit 1 when an article scores at least `N` (1–100), or on any 'warn', 'fail' (default) or 'never'")
	f.StringVar(&opts.ConfigPath, "config", "", "configuration `FILE` (default: .copydesk.yaml from the working directory upward)")
	f.BoolVar(&opts.NoConfig, "no-config", false, "use no configuration file, only flags and defaults")
	f.StringVar(&opts.MinSeverity, "min-severity", "", "show only findings of this `LEVEL` or above: info, warning, error (scores are unchanged)")
	f.StringVar(&opts.StdinFilename, "stdin-filename", "", "the `PATH` standard input stands for: its format and path overrides apply (for editors)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print one summary line per article, no findings, no progress bar")
	f.BoolVar(&opts.NoColor, "no-color", false, "no colour in text output (also: NO_COLOR set)")
	f.StringArrayVar(&opts.KB, "kb", nil, "add a knowledge base `FILE` (JSONL, CSV, Wikidata dump or query results); repeatable")
	f.StringVar(&opts.Model, "model", "", "scoring model `FILE` made by `copydesk train`")
	f.BoolVar(&opts.NoCorpus, "no-corpus", false, "skip checks across the batch (shared template sentences, corroboration)")
	f.IntVar(&opts.CorpusWindow, "corpus-window", corpus.DefaultWindowArticles, "with --format jsonl: checks across the batch compare an article with the previous `N` articles (0: all; memory grows with the input)")
	f.Float64Var(&opts.CorpusDays, "corpus-days", 0, "with --format jsonl: and only with articles dated within `D` days of the latest date seen (0: no limit)")
	f.StringVar(&opts.Ref, "ref", "", "check people and quotes against the reference store in `DIR` (made by copydesk ref add)")
	f.StringVar(&opts.Coverage, "coverage", "", "with `batch`, and no --ref: the run's articles from other named sources serve as coverage for each other (inputs are read twice; not stdin)")
	f.BoolVar(&opts.ReadSpecial, "read-special", false, "read FIFOs, devices and sockets named on the command line (a walk always skips them)")
	f.BoolVar(&opts.FollowLinks, "follow-links", false, "follow symbolic links that lead out of a walked folder")
	f.DurationVar(&opts.ArticleTimeout, "article-timeout", pipeline.DefaultArticleTimeout, "analysis time one article may take before it is reported as an error")
	f.IntVar(&opts.MaxArticleBytes, "max-article-bytes", pipeline.DefaultMaxArticleBytes, "longest article text analysed, in bytes; a longer one is an error for itself")
	f.BoolVar(&opts.Features, "features", false, "include the scoring model's input features in json/jsonl output")
	f.StringVar(&opts.EmitKeys, "emit-keys", "", "article pass of a sharded run: write the batch checks' keys to `FILE` and unscored stage results as jsonl (finish with copydesk corpus reduce and apply)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formatNames, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(ingest.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("min-severity", cobra.FixedCompletions([]string{"info", "warning", "error"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"warn", "fail", "never"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// abandonAfter is how long an interrupted run waits for articles in
// analysis before it closes the report without them.
const abandonAfter = 2 * time.Second

// Run scores the inputs and writes the report.
func Run(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	cfg, how, err := config.Resolve(opts.ConfigPath, opts.NoConfig)
	if err != nil {
		return cliutil.UsageError(err)
	}
	announceConfig(opts.IO.ErrOut, cfg, how)
	rules := features.Rules()
	if err := cfg.ValidateRules(func(id string) bool { _, ok := rules.Lookup(id); return ok }); err != nil {
		return cliutil.UsageError(err)
	}
	applyConfig(opts, cfg)
	if opts.Jobs < 0 || opts.Jobs > config.MaxJobs {
		return cliutil.UsageError(fmt.Errorf("--jobs %d: want 0 (all CPUs) to %d", opts.Jobs, config.MaxJobs))
	}
	for _, kb := range opts.KB {
		if err := config.RegularFile(kb); err != nil {
			return cliutil.UsageError(fmt.Errorf("knowledge base: %w", err))
		}
	}
	minSeverity := analysis.Info
	if opts.MinSeverity != "" {
		if minSeverity, err = analysis.ParseSeverity(opts.MinSeverity); err != nil {
			return cliutil.UsageError(fmt.Errorf("--min-severity: %w", err))
		}
	}
	if opts.StdinFilename != "" && opts.InputFormat == "" && slices.Equal(opts.Inputs, []string{"-"}) {
		opts.InputFormat = formatForName(opts.StdinFilename)
	}

	var defaultDate time.Time
	if opts.Date != "" {
		if defaultDate, err = config.ParseDate(opts.Date); err != nil {
			return cliutil.UsageError(fmt.Errorf("--date: %w", err))
		}
	}

	// The run is assembled in one place for every command (pipeline.Setup).
	var refs *refstore.Store
	switch {
	case opts.Coverage != "" && opts.Coverage != "batch":
		return cliutil.UsageError(fmt.Errorf("--coverage %q: the only value is batch", opts.Coverage))
	case opts.Coverage == "batch" && opts.Ref != "":
		return cliutil.UsageError(errors.New("--coverage batch and --ref: choose one (the batch is coverage only where no reference store is given)"))
	case opts.Coverage == "batch" && slices.Contains(opts.Inputs, "-"):
		return cliutil.UsageError(errors.New("--coverage batch reads the inputs twice, which standard input cannot be: name files"))
	case opts.Coverage == "batch":
		st, stats, closeBatch, err := batchCoverage(ctx, opts, defaultDate)
		if err != nil {
			return err
		}
		defer closeBatch()
		refs = st
		if !opts.Quiet {
			fmt.Fprintf(opts.IO.ErrOut, "copydesk: batch coverage: %d articles indexed in %s\n", stats.Added+stats.Updated+stats.Unchanged, stats.Elapsed.Round(time.Millisecond))
		}
	case opts.Ref != "":
		if refs, err = refstore.Open(opts.Ref, true); err != nil {
			return cliutil.UsageError(fmt.Errorf("--ref: %w", err))
		}
		defer refs.Close()
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{Config: cfg, KnowledgeBases: opts.KB, ModelPath: opts.Model, RefStore: refs, RefBatch: opts.Coverage == "batch"})
	if err != nil {
		return cliutil.UsageError(err)
	}
	failOn, err := config.ParseFailOn(opts.FailOn)
	if err != nil {
		return cliutil.UsageError(err)
	}
	// Verdicts come from the thresholds alone; --fail-on N only decides
	// the exit status.
	policy := setup.Policy
	policy.SetStdinName(opts.StdinFilename)
	policy.SetSourceReader(readSource)
	out := opts.IO.Out
	outTTY := opts.IO.OutTTY
	if opts.Output != "" && opts.Output != "-" {
		f, err := os.Create(opts.Output)
		if err != nil {
			return cliutil.UsageError(fmt.Errorf("create output: %w", err))
		}
		defer f.Close()
		out, outTTY = f, false
	}
	bw := newFlushWriter(out, opts.Format == "jsonl")
	rep := report.New(opts.Format, bw)
	if rep == nil {
		return cliutil.UsageError(fmt.Errorf("format %q is not available in this build", opts.Format))
	}
	wd, _ := os.Getwd()
	info := report.RunInfo{
		Version: version.Version, Rules: rules, Quiet: opts.Quiet, KnowledgeAsOf: setup.KBAsOf,
		Color:   opts.Format == "text" && !opts.NoColor && report.ColorEnabled(outTTY),
		WorkDir: wd, Config: cfg.Path,
	}
	if opts.Format == "github" {
		summary, closeSummary, err := openStepSummary(&info)
		if err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "copydesk: step summary not written: %v\n", err)
		}
		if summary != nil {
			defer closeSummary()
		}
	}
	g := &gate{rep: rep, minSeverity: minSeverity, failScore: failOn.Score}
	if err := g.Start(info); err != nil {
		return fmt.Errorf("write report: %w", err)
	}

	progress := newProgress(opts.IO, opts.Quiet)
	popts := setup.Options()
	popts.Jobs, popts.Streaming, popts.DefaultDate = opts.Jobs, opts.Format == "jsonl", defaultDate
	popts.KeepText = opts.Format == "html" || opts.Format == "sarif" || opts.Format == "text"
	popts.KeepFeatures, popts.Progress = opts.Features, progress.update
	var keysOut *bufio.Writer
	switch {
	case opts.EmitKeys != "":
		// The article pass of a sharded run: no batch checks here, their
		// keys go to the file and the results stay unscored.
		kf, err := os.Create(opts.EmitKeys)
		if err != nil {
			return cliutil.UsageError(fmt.Errorf("--emit-keys: %w", err))
		}
		defer kf.Close()
		kw := bufio.NewWriterSize(kf, 1<<16)
		keysOut = kw
		popts.Keys, popts.Stage, popts.KeepFeatures = corpus.NewKeyWriter(kw, setup.KeyedChecks()), true, true
	case !opts.NoCorpus && popts.Streaming:
		popts.Checks = setup.StreamingChecks(corpus.Window{Articles: opts.CorpusWindow,
			MaxAge: time.Duration(opts.CorpusDays * float64(24*time.Hour))})
		limitStreamingMemory(opts.CorpusWindow)
	case !opts.NoCorpus:
		popts.Checks = setup.CorpusChecks(false)
	}
	stdin := opts.IO.In
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	start := time.Now()
	popts.ArticleTimeout, popts.MaxArticleBytes = opts.ArticleTimeout, opts.MaxArticleBytes
	in := ingest.Options{Format: opts.InputFormat, Stdin: stdin, NonRegular: opts.ReadSpecial, FollowOutside: opts.FollowLinks,
		Notice: func(msg string) { fmt.Fprintf(opts.IO.ErrOut, "copydesk: %s\n", report.PrintableName(msg)) }}
	if opts.Output != "" && opts.Output != "-" {
		in.Exclude = []string{opts.Output} // never read back the report being written
	}
	sum, err := runPipeline(ctx, opts.Inputs, in, popts, g)
	progress.finish()
	interrupted := ctx.Err() != nil
	if err != nil && !interrupted {
		return err
	}
	if interrupted {
		sum = g.counts()
		sum.Elapsed = time.Since(start)
		sum.Interrupted = true
	}
	if g.stale > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "copydesk: %s dated after the knowledge base (current to %s): office changes since then are not checked; run `copydesk kb update` to refresh office holders\n",
			pluralArticles(g.stale), setup.KBAsOf)
	}
	if err := g.finish(sum); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := bw.drain(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if keysOut != nil {
		if err := keysOut.Flush(); err != nil {
			return fmt.Errorf("write key file: %w", err)
		}
	}
	if interrupted {
		code := cliutil.ExitInterrupted
		cause := "interrupted"
		if sig := cliutil.InterruptedBy(ctx); sig != nil {
			code, cause = sig.ExitCode(), sig.Error()
		}
		fmt.Fprintf(opts.IO.ErrOut, "copydesk: %s: the report holds the %s finished before it\n", cause, pluralArticles(sum.Articles))
		return &cliutil.ExitError{Code: code}
	}
	switch {
	case sum.Errors > 0:
		return &cliutil.ExitError{Code: cliutil.ExitInputError}
	case failOn.Verdict == "never":
		return nil
	case failOn.Score > 0:
		if g.atOrAbove > 0 {
			return &cliutil.ExitError{Code: cliutil.ExitFailed}
		}
		return nil
	case sum.Failed > 0 || failOn.Verdict == "warn" && sum.Warned > 0:
		return &cliutil.ExitError{Code: cliutil.ExitFailed}
	}
	return nil
}

// batchCoverage indexes the run's inputs into a temporary store, read
// the way the scoring pass reads them, silently (the scoring pass
// reports what it cannot read).
func batchCoverage(ctx context.Context, opts *Options, defaultDate time.Time) (*refstore.Store, refingest.Stats, func() error, error) {
	in := ingest.Options{Format: opts.InputFormat, NonRegular: opts.ReadSpecial, FollowOutside: opts.FollowLinks, Stdin: strings.NewReader("")}
	if opts.Output != "" && opts.Output != "-" {
		in.Exclude = []string{opts.Output}
	}
	source := func(ctx context.Context, emit func(ingest.Article) error) error {
		return ingest.Read(ctx, opts.Inputs, in, emit)
	}
	return refingest.Batch(ctx, source, defaultDate, opts.Jobs)
}

// runPipeline runs the pipeline; once ctx is cancelled it waits at most
// abandonAfter for the articles in analysis, then gives up on them (the
// gate drops anything they report later).
func runPipeline(ctx context.Context, specs []string, in ingest.Options, popts pipeline.Options, g *gate) (report.Summary, error) {
	type outcome struct {
		sum report.Summary
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		sum, err := pipeline.Run(ctx, specs, in, popts, g.reporter())
		done <- outcome{sum, err}
	}()
	select {
	case o := <-done:
		return o.sum, o.err
	case <-ctx.Done():
	}
	select {
	case o := <-done:
		return o.sum, o.err
	case <-time.After(abandonAfter):
		return report.Summary{}, ctx.Err()
	}
}

func pluralArticles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}

// announceConfig says on stderr which configuration applied: a file found
// upward can change the gate, so no run may leave it unsaid.
func announceConfig(w io.Writer, cfg *config.Config, how string) {
	if cfg.Path == "" {
		fmt.Fprintf(w, "copydesk: configuration: %s\n", how)
		return
	}
	fmt.Fprintf(w, "copydesk: configuration: %s (%s)\n", report.PrintableName(cfg.Path), how)
}

// formatForName is the input format a file name's extension implies ("" to
// detect by content).
func formatForName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return ingest.FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return ingest.FormatHTML
	case ".jsonl", ".ndjson":
		return ingest.FormatJSONL
	case ".rss", ".atom", ".xml":
		return ingest.FormatFeed
	case ".txt", ".text":
		return ingest.FormatText
	}
	return ""
}

// readSource reads an HTML input's raw bytes for its suppression comments
// (nil when it cannot be read as a regular file of sensible size).
func readSource(path string) []byte {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > ingest.DefaultMaxBytes {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return b
}

// applyConfig fills options the user did not set on the command line.
func applyConfig(opts *Options, cfg *config.Config) {
	set := opts.flagSet
	if set == nil {
		set = func(string) bool { return false }
	}
	if !set("jobs") && cfg.Jobs > 0 {
		opts.Jobs = cfg.Jobs
	}
	if !set("date") && cfg.Date != "" {
		opts.Date = cfg.Date
	}
	if !set("fail-on") && cfg.FailOn != "" {
		opts.FailOn = cfg.FailOn
	}
	if !set("model") && cfg.Model != "" {
		opts.Model = cfg.Model
	}
	opts.KB = append(append([]string{}, cfg.KB...), opts.KB...)
}

// flushWriter buffers output in 64 KiB writes; for streaming formats it
// writes straight through so each article appears as soon as it is done.
type flushWriter struct {
	w      io.Writer
	buf    []byte
	stream bool
}

func newFlushWriter(w io.Writer, stream bool) *flushWriter { return &flushWriter{w: w, stream: stream} }

func (f *flushWriter) Write(p []byte) (int, error) {
	if f.stream {
		return f.w.Write(p)
	}
	f.buf = append(f.buf, p...)
	if len(f.buf) >= 64<<10 {
		if err := f.drain(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// drain writes out what is buffered. It is deliberately not named Flush:
// reporters flush any writer that has a Flush method after every article,
// which would defeat the buffer for the batch formats.
func (f *flushWriter) drain() error {
	if len(f.buf) == 0 {
		return nil
	}
	_, err := f.w.Write(f.buf)
	f.buf = f.buf[:0]
	return err
}

// limitStreamingMemory sets a soft memory limit for a streaming run whose
// window is bounded by count, unless GOMEMLIMIT is set: what the run
// keeps is then known (the window's index, about 9 KB per article, and
// the articles in flight), and the garbage collector, which by default
// lets the heap grow to twice what is live, works against a ceiling
// instead. A window of 5,000 gets 128 MiB + 5,000 × 16 KiB = 206 MiB.
func limitStreamingMemory(window int) {
	if window <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(streamingMemoryLimit(window))
}

func streamingMemoryLimit(window int) int64 { return 128<<20 + int64(window)*16<<10 }
