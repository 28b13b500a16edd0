// Package scorecmd implements `copydesk score`, the main job: read
// articles, analyse them, and report scores and findings.
package scorecmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
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
	Quiet       bool
	NoColor     bool
	KB          []string
	Model       string
	NoCorpus    bool
	Features    bool

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
		Example: `  copydesk score testdata/seeds --date 2025-03-05
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
			if !slices.Contains(formatNames, opts.Format) {
				return cliutil.UsageError(fmt.Errorf("unknown --format %q (want %s)", opts.Format, strings.Join(formatNames, ", ")))
			}
			inFormat, err := ingest.ParseFormat(opts.InputFormat)
			if err != nil {
				return cliutil.UsageError(fmt.Errorf("--input-format: %w", err))
			}
			opts.InputFormat = inFormat
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
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print one summary line per article, no findings, no progress bar")
	f.BoolVar(&opts.NoColor, "no-color", false, "no colour in text output (also: NO_COLOR set)")
	f.StringArrayVar(&opts.KB, "kb", nil, "add a knowledge base `FILE` (JSONL, CSV, Wikidata dump or query results); repeatable")
	f.StringVar(&opts.Model, "model", "", "scoring model `FILE` made by `copydesk train`")
	f.BoolVar(&opts.NoCorpus, "no-corpus", false, "skip checks across the batch (shared template sentences, corroboration)")
	f.BoolVar(&opts.Features, "features", false, "include the scoring model's input features in json/jsonl output")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formatNames, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(ingest.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"warn", "fail", "never"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// Run scores the inputs and writes the report.
func Run(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	cfg, err := loadConfig(opts)
	if err != nil {
		return cliutil.UsageError(err)
	}
	rules := features.Rules()
	if err := cfg.ValidateRules(func(id string) bool { _, ok := rules.Lookup(id); return ok }); err != nil {
		return cliutil.UsageError(err)
	}
	applyConfig(opts, cfg)

	scorer, err := score.Open(opts.Model)
	if err != nil {
		return cliutil.UsageError(err)
	}
	env, kbAsOf, err := buildEnv(opts, cfg, scorer)
	if err != nil {
		return cliutil.UsageError(err)
	}
	failOn, err := config.ParseFailOn(opts.FailOn)
	if err != nil {
		return cliutil.UsageError(err)
	}
	policy := config.NewPolicy(cfg, scorer.DefaultThresholds())
	if failOn.Score > 0 {
		policy.SetFailScore(failOn.Score)
	}
	var defaultDate time.Time
	if opts.Date != "" {
		if defaultDate, err = config.ParseDate(opts.Date); err != nil {
			return cliutil.UsageError(fmt.Errorf("--date: %w", err))
		}
	}
	analyzers, err := analysis.Order(features.Analyzers())
	if err != nil {
		return err
	}

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
	info := report.RunInfo{
		Version: version.Version, Rules: rules, Quiet: opts.Quiet, KnowledgeAsOf: kbAsOf,
		Color: opts.Format == "text" && !opts.NoColor && report.ColorEnabled(outTTY),
	}
	if err := rep.Start(info); err != nil {
		return fmt.Errorf("write report: %w", err)
	}

	progress := newProgress(opts.IO, opts.Quiet)
	popts := pipeline.Options{
		Jobs: opts.Jobs, Analyzers: analyzers, Env: env, Scorer: scorer, Policy: policy,
		Streaming: opts.Format == "jsonl", DefaultDate: defaultDate,
		KeepText:     opts.Format == "html" || opts.Format == "sarif" || opts.Format == "text",
		KeepFeatures: opts.Features, Progress: progress.update,
	}
	if !opts.NoCorpus {
		popts.Checks = features.NewCorpusChecks(env)
	}
	stdin := opts.IO.In
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	sum, err := pipeline.Run(ctx, opts.Inputs, ingest.Options{Format: opts.InputFormat, Stdin: stdin}, popts, rep)
	progress.finish()
	if err != nil {
		return err
	}
	if err := rep.Finish(sum); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := bw.drain(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	switch {
	case sum.Errors > 0:
		return &cliutil.ExitError{Code: cliutil.ExitInputError}
	case failOn.Verdict == "never":
		return nil
	case sum.Failed > 0 || failOn.Verdict == "warn" && sum.Warned > 0:
		return &cliutil.ExitError{Code: cliutil.ExitFailed}
	}
	return nil
}

func loadConfig(opts *Options) (*config.Config, error) {
	path := opts.ConfigPath
	if path == "" {
		wd, _ := os.Getwd()
		path = config.Find(wd)
	}
	if path == "" {
		return &config.Config{}, nil
	}
	return config.Load(path)
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
