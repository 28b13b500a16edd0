// Package traincmd implements `copydesk train`: fit the scoring model on a
// labelled JSON Lines file so a newsroom can fit copydesk to its archive.
package traincmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/engine"
	"github.com/copydesk/copydesk/internal/score"
)

// Options are the parsed flags and arguments of `copydesk train`.
type Options struct {
	IO     *cliutil.IOStreams
	Files  []string
	Split  string
	Output string
	Folds  int
	// OutOfFold names a JSON Lines file for every article's out-of-fold
	// score and evidence.
	OutOfFold string
	// NoLexical leaves out the word-choice profile (for ablation).
	NoLexical bool
	Command   string // the command line, recorded in the model's provenance
}

// NewCmd returns the `train` command.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	return newCmd(ios, runTrain)
}

func newCmd(ios *cliutil.IOStreams, run func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "train FILE.jsonl... -o model.json",
		Short: "Fit the scoring model on labelled JSON Lines files",
		Long: `Analyses every article of labelled JSON Lines files (fields: id, label
human|machine, optional generator, title, text, split; label "unsure" is
left out), fits the statistical signals (word choice, style, sourcing), the
per-dimension
and overall models, calibrates them by cross-validation, sets the verdict
thresholds where 5% (warn) and 1% (fail) of human articles are flagged, and
writes the model with its provenance and training metrics. Use it with
copydesk score --model or copydesk eval --model.`,
		Example: `  copydesk train ../shared/eval/{news,modern,wild-dev}.jsonl --split train -o internal/score/data/model.json
  copydesk train archive.jsonl -o newsroom.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cliutil.UsageError(errors.New("train needs at least one labelled JSON Lines file"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if opts.Output == "" {
				return cliutil.UsageError(errors.New("say where to write the model with -o FILE"))
			}
			opts.Command = "copydesk train " + strings.Join(os.Args[min(2, len(os.Args)):], " ")
			return run(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Split, "split", "", "fit only on articles of this split (e.g. train); default all")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "model file to write")
	cmd.Flags().BoolVar(&opts.NoLexical, "no-lexical", false, "leave out the word-choice (n-gram) profile, to measure what it adds")
	cmd.Flags().StringVar(&opts.OutOfFold, "out-of-fold", "", "write every article's out-of-fold score and evidence to this JSON Lines `FILE`")
	cmd.Flags().IntVar(&opts.Folds, "folds", 5, "cross-validation folds for calibration and thresholds")
	return cmd
}

func runTrain(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	to := score.DefaultTrainOptions()
	if opts.Folds > 1 {
		to.Folds = opts.Folds
	}
	to.Provenance.Command = opts.Command
	to.NoLexical = opts.NoLexical
	if opts.OutOfFold != "" {
		f, err := os.Create(opts.OutOfFold)
		if err != nil {
			return fmt.Errorf("out-of-fold file: %w", err)
		}
		defer f.Close()
		enc := json.NewEncoder(f)
		to.OutOfFold = func(e score.Example, s float64, ev score.Evidence) {
			_ = enc.Encode(struct {
				ID       string         `json:"id"`
				Machine  bool           `json:"machine"`
				Source   string         `json:"source"`
				Style    string         `json:"style,omitempty"`
				Score    float64        `json:"score"`
				Evidence score.Evidence `json:"evidence"`
			}{e.ID, e.Machine, e.Source, e.Style, s, ev})
		}
	}
	m, err := engine.TrainFiles(ctx, opts.Files, opts.Split, to)
	if err != nil {
		return err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	if err := os.WriteFile(opts.Output, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	mt := m.Metrics
	if m.Provenance.Skipped > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %d articles left out: an analyzer failed on them\n", m.Provenance.Skipped)
	}
	fmt.Fprintf(opts.IO.ErrOut, "fitted on %d articles (%d human, %d machine), %d signals\n",
		m.Provenance.Articles, m.Provenance.Human, m.Provenance.Machine, len(m.Signals))
	for _, s := range m.Signals {
		fmt.Fprintf(opts.IO.ErrOut, "  signal %s (%s): out-of-fold AUROC %.4f\n", s.Rule, s.Kind, s.OOFAUROC)
	}
	for _, d := range m.Overall.Dimensions {
		fmt.Fprintf(opts.IO.ErrOut, "  dimension %s: out-of-fold AUROC %.4f, base %.0f\n", d, m.Metrics.Dimensions[d], 100*m.Dimensions[d].Base())
	}
	fmt.Fprintf(opts.IO.ErrOut, "out-of-fold on the training data: AUROC %.4f, detects %.1f%% at 1%% false positives\n", mt.AUROC, 100*mt.TPRAt1FPR)
	fmt.Fprintf(opts.IO.ErrOut, "verdict thresholds: warn %d, fail %d\n", m.Thresholds.Warn, m.Thresholds.Fail)
	fmt.Fprintf(opts.IO.ErrOut, "out of fold, by source (warn only / fail):\n")
	for _, r := range m.Metrics.BySource {
		fmt.Fprintf(opts.IO.ErrOut, "  %-45s %5d  %5.1f%%  %5.1f%%\n", r.Source, r.Articles, 100*r.Warn, 100*r.Fail)
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", opts.Output)
	return nil
}
