// Package evalcmd implements `copydesk eval`: score a labelled JSON Lines
// file and measure how well the scores separate machine from human text.
package evalcmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/engine"
	"github.com/copydesk/copydesk/internal/score"
)

// Options are the parsed flags and arguments of `copydesk eval`.
type Options struct {
	IO     *cliutil.IOStreams
	Files  []string
	Split  string
	Format string // text or json
	Model  string // model file; "" for the embedded one
	Humans []string
	Source string // keep only articles whose source starts with this
	// HumanSource keeps only human articles whose source starts with this.
	HumanSource string
}

// NewCmd returns the `eval` command.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	return newCmd(ios, runEval)
}

func newCmd(ios *cliutil.IOStreams, run func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "eval FILE.jsonl...",
		Short: "Measure how well copydesk separates machine from human articles in labelled files",
		Long: `Scores every article of labelled JSON Lines files (fields: id, label
human|machine|unsure, optional generator, source, style, class, title, text,
split; "unsure" articles are left out) as copydesk score does, and prints in
one report: AUROC, average precision, the share of machine articles detected
when 1% and 5% of human articles are flagged, what the verdicts flag, the
warn and fail rates of every source (human sources: false alarms; machine
sources, by generator and content-farm style: detections, with AUROC and
detection at 1% false positives against all the human articles), and the
rules that most often reach warning on human articles.

Use --split test on a file with a train/test split: measuring on the
articles a model was fitted on overstates it.`,
		Example: `  copydesk eval ../shared/eval/news.jsonl --split test
  copydesk eval ../shared/eval/{news,modern,wild-dev}.jsonl --split test
  copydesk eval ../shared/eval/modern.jsonl --humans ../shared/eval/news.jsonl --human-source bbc --split test
  copydesk eval ../shared/eval/base_models.jsonl --split test --humans ../shared/eval/news.jsonl
  copydesk eval archive.jsonl --model newsroom.json --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cliutil.UsageError(errors.New("eval needs at least one labelled JSON Lines file"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if opts.Format != "text" && opts.Format != "json" {
				return cliutil.UsageError(fmt.Errorf("unknown --format %q (want text or json)", opts.Format))
			}
			return run(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Split, "split", "", "evaluate only articles of this split (train or test); default all")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	cmd.Flags().StringArrayVar(&opts.Humans, "humans", nil, "also score the human articles of this labelled file (same --split); repeatable")
	cmd.Flags().StringVar(&opts.Source, "source", "", "keep only articles whose source field starts with this prefix")
	cmd.Flags().StringVar(&opts.HumanSource, "human-source", "", "keep only human articles whose source field starts with this prefix")
	cmd.Flags().StringVar(&opts.Model, "model", "", "model FILE written by copydesk train (default: the built-in model)")
	return cmd
}

func runEval(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	scorer, err := score.Open(opts.Model)
	if err != nil {
		return cliutil.UsageError(err)
	}
	ev, err := engine.EvalFiles(ctx, engine.EvalSpec{Files: opts.Files, Split: opts.Split, Humans: opts.Humans,
		Source: opts.Source, HumanSource: opts.HumanSource}, scorer, score.Thresholds{})
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(ev)
	}
	return writeText(opts.IO.Out, opts, ev, scorer.DefaultThresholds())
}

func writeText(w io.Writer, opts *Options, ev score.Evaluation, t score.Thresholds) error {
	split := opts.Split
	if split == "" {
		split = "all"
	}
	if len(opts.Humans) > 0 {
		fmt.Fprintf(w, "with the human articles of %s\n", strings.Join(opts.Humans, ", "))
	}
	if opts.Source != "" {
		fmt.Fprintf(w, "only sources starting %q\n", opts.Source)
	}
	if opts.HumanSource != "" {
		fmt.Fprintf(w, "only human sources starting %q\n", opts.HumanSource)
	}
	fmt.Fprintf(w, "%s (split %s): %d articles, %d human, %d machine\n", strings.Join(opts.Files, ", "), split, ev.Articles, ev.Human, ev.Machine)
	if ev.Skipped > 0 {
		fmt.Fprintf(w, "%d articles left out: an analyzer failed on them\n", ev.Skipped)
	}
	fmt.Fprintf(w, "AUROC %.4f   average precision %.4f\n", ev.AUROC, ev.AveragePrecision)
	fmt.Fprintf(w, "at 1%% false positives: detects %.1f%% of machine articles (score >= %.1f flags %.2f%% of human)\n", 100*ev.At1FPR.TPR, ev.At1FPR.Threshold, 100*ev.At1FPR.FPR)
	fmt.Fprintf(w, "at 5%% false positives: detects %.1f%% of machine articles (score >= %.1f flags %.2f%% of human)\n", 100*ev.At5FPR.TPR, ev.At5FPR.Threshold, 100*ev.At5FPR.FPR)
	fmt.Fprintf(w, "verdicts (warn at %d, fail at %d): warn or fail on %.1f%% of machine and %.2f%% of human articles; fail on %.1f%% and %.2f%%\n\n",
		t.Warn, t.Fail, 100*ev.AtWarn.TPR, 100*ev.AtWarn.FPR, 100*ev.AtFail.TPR, 100*ev.AtFail.FPR)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "calibration (Brier %.4f): of the articles scoring in each band, the share that were machine-written\n", ev.Brier)
	fmt.Fprintln(tw, "score\tarticles\tmean score\tmachine\t")
	for _, b := range ev.Calibration {
		if b.Articles > 0 {
			fmt.Fprintf(tw, "%d-%d\t%d\t%.1f\t%.1f%%\t\n", b.From, min(b.To, 100), b.Articles, b.MeanScore, 100*b.MachineShare)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(tw, "generator\tmachine\tAUROC\tAP\tTPR@1%\tthreshold\tTPR@5%\tthreshold\t")
	for _, g := range ev.ByGenerator {
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.3f\t%.1f\t%.3f\t%.1f\t\n", g.Generator, g.Machine, g.AUROC, g.AveragePrecision,
			g.At1FPR.TPR, g.At1FPR.Threshold, g.At5FPR.TPR, g.At5FPR.Threshold)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nverdicts by source (human: false alarms; machine: detections)")
	fmt.Fprintln(tw, "source\tlabel\tarticles\twarn\tfail\tAUROC\tTPR@1%\t")
	for _, s := range ev.BySource {
		label, auroc, tpr := "human", "", ""
		if s.Machine {
			label, auroc, tpr = "machine", fmt.Sprintf("%.3f", s.AUROC), fmt.Sprintf("%.1f%%", 100*s.TPRAt1)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f%%\t%.1f%%\t%s\t%s\t\n", s.Source, label, s.Articles, 100*s.Warn, 100*s.Fail, auroc, tpr)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(ev.HumanRules) > 0 {
		fmt.Fprintln(w, "\nrules most often at warning or above on human articles")
		fmt.Fprintln(tw, "rule\thuman articles\tshare\t")
		for _, r := range ev.HumanRules {
			fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t\n", r.Rule, r.Articles, 100*r.Share)
		}
	}
	return tw.Flush()
}
