// Package corpuscmd implements `copydesk corpus reduce` and `copydesk
// corpus apply`: the checks across articles of a sharded run, from the key
// files `copydesk score --emit-keys` writes per shard.
package corpuscmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/pipeline"
)

// NewCmd returns `copydesk corpus` with its subcommands.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "corpus",
		Short: "Checks across a sharded batch: reduce key files, apply amendments",
		Long: `A batch too large for one process is scored in shards:

  copydesk score --emit-keys keys-N.jsonl -o stage-N.jsonl SHARD-N...   (per shard)
  copydesk corpus reduce keys-*.jsonl -o amendments.jsonl              (once)
  copydesk corpus apply --amendments amendments.jsonl stage-N.jsonl -o results-N.jsonl  (per shard)

The results are those of one 'copydesk score --format jsonl' run over the
whole batch in batch mode: the same findings, entity statuses and scores.
Article ids must be unique across the batch.`,
	}
	cmd.AddCommand(newReduceCmd(ios), newApplyCmd(ios))
	return cmd
}

// ReduceOptions are the parsed flags of `corpus reduce`.
type ReduceOptions struct {
	IO       *cliutil.IOStreams
	KeyFiles []string
	Output   string
	KB       []string
}

func newReduceCmd(ios *cliutil.IOStreams) *cobra.Command {
	opts := &ReduceOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "reduce KEYFILE...",
		Short: "Group the shards' keys and reduce them to amendments",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.KeyFiles = args
			return RunReduce(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the amendments to `FILE` (default: standard output)")
	cmd.Flags().StringArrayVar(&opts.KB, "kb", nil, "add a knowledge base `FILE`, as given to score; repeatable")
	return cmd
}

// RunReduce reads the key files and writes the amendments.
func RunReduce(_ context.Context, opts *ReduceOptions) error {
	env, _, err := features.NewEnv(features.EnvOptions{KnowledgeBases: opts.KB})
	if err != nil {
		return cliutil.UsageError(err)
	}
	r := corpus.NewReducer(features.KeyedChecks(env))
	for _, name := range opts.KeyFiles {
		if err := readFile(name, r.ReadKeys); err != nil {
			return err
		}
	}
	return writeOutput(opts.IO.Out, opts.Output, func(w io.Writer) error {
		return corpus.WriteAmendments(w, r.Amendments())
	})
}

// ApplyOptions are the parsed flags of `corpus apply`.
type ApplyOptions struct {
	IO         *cliutil.IOStreams
	Amendments []string
	Results    []string
	Output     string
	ConfigPath string
	NoConfig   bool
	Model      string
	KB         []string
	Features   bool
}

func newApplyCmd(ios *cliutil.IOStreams) *cobra.Command {
	opts := &ApplyOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "apply --amendments FILE STAGE.jsonl...",
		Short: "Apply amendments to stage results, then score them",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Results = args
			if len(opts.Amendments) == 0 {
				return cliutil.UsageError(errors.New("apply needs --amendments (from copydesk corpus reduce)"))
			}
			if opts.NoConfig && opts.ConfigPath != "" {
				return cliutil.UsageError(errors.New("--config and --no-config exclude each other"))
			}
			return RunApply(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.Amendments, "amendments", nil, "amendments `FILE` from copydesk corpus reduce; repeatable")
	f.StringVarP(&opts.Output, "output", "o", "", "write the results to `FILE` (default: standard output)")
	f.StringVar(&opts.ConfigPath, "config", "", "configuration `FILE`, as given to score")
	f.BoolVar(&opts.NoConfig, "no-config", false, "use no configuration file")
	f.StringVar(&opts.Model, "model", "", "scoring model `FILE`, as given to score")
	f.StringArrayVar(&opts.KB, "kb", nil, "knowledge base `FILE`, as given to score; repeatable")
	f.BoolVar(&opts.Features, "features", false, "keep the scoring model's input features in the output")
	return cmd
}

// RunApply amends and scores the stage results.
func RunApply(_ context.Context, opts *ApplyOptions) error {
	cfg, _, err := config.Resolve(opts.ConfigPath, opts.NoConfig)
	if err != nil {
		return cliutil.UsageError(err)
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{Config: cfg, KnowledgeBases: opts.KB, ModelPath: opts.Model})
	if err != nil {
		return cliutil.UsageError(err)
	}
	amendments := map[string][]corpus.Amendment{}
	for _, name := range opts.Amendments {
		if err := readFile(name, func(r io.Reader) error { return corpus.ReadAmendments(r, amendments) }); err != nil {
			return err
		}
	}
	popts := setup.Options()
	popts.KeepFeatures = opts.Features
	return writeOutput(opts.IO.Out, opts.Output, func(w io.Writer) error {
		for _, name := range opts.Results {
			if err := readFile(name, func(r io.Reader) error { return pipeline.ApplyStage(r, w, amendments, popts) }); err != nil {
				return err
			}
		}
		return nil
	})
}

func readFile(name string, read func(io.Reader) error) error {
	f, err := os.Open(name)
	if err != nil {
		return cliutil.UsageError(err)
	}
	defer f.Close()
	if err := read(bufio.NewReaderSize(f, 1<<16)); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

func writeOutput(stdout io.Writer, name string, write func(io.Writer) error) error {
	out := stdout
	var f *os.File
	if name != "" && name != "-" {
		var err error
		if f, err = os.Create(name); err != nil {
			return cliutil.UsageError(err)
		}
		out = f
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	err := write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
