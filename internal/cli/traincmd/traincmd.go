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
	File   string
	Split  string
	Output string
	Folds  int
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
		Use:   "train FILE.jsonl -o model.json",
		Short: "Fit the scoring model on a labelled JSON Lines file",
		Long: `Analyses every article of a labelled JSON Lines file (fields: id, label
human|machine, optional generator, title, text, split), fits the per-dimension
and overall models, calibrates them by cross-validation, sets the verdict
thresholds where 5% (warn) and 1% (fail) of human articles are flagged, and
writes the model with its provenance and training metrics. Use it with
copydesk score --model or copydesk eval --model.`,
		Example: `  copydesk train ../shared/eval/news.jsonl --split train -o internal/score/data/model.json
  copydesk train archive.jsonl -o newsroom.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cliutil.UsageError(errors.New("train takes exactly one labelled JSON Lines file"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
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
	m, err := engine.TrainFile(ctx, opts.File, opts.Split, to)
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
	fmt.Fprintf(opts.IO.ErrOut, "fitted on %d articles (%d human, %d machine), %d features\n",
		m.Provenance.Articles, m.Provenance.Human, m.Provenance.Machine, len(m.Features))
	fmt.Fprintf(opts.IO.ErrOut, "out-of-fold on the training data: AUROC %.4f, detects %.1f%% at 1%% false positives\n", mt.AUROC, 100*mt.TPRAt1FPR)
	fmt.Fprintf(opts.IO.ErrOut, "verdict thresholds: warn %d, fail %d\nwrote %s\n", m.Thresholds.Warn, m.Thresholds.Fail, opts.Output)
	return nil
}
