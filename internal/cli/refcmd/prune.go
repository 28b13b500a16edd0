package refcmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/refstore"
)

// PruneOptions are `ref prune`'s inputs.
type PruneOptions struct {
	IO     *cliutil.IOStreams
	DB     string
	Before string
}

func newPruneCmd(ios *cliutil.IOStreams, runF func(*PruneOptions) error) *cobra.Command {
	opts := &PruneOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "prune --before DATE [--db DIR]",
		Short: "Remove reference articles dated before DATE (undated ones stay)",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runPrune(opts)
		},
	}
	cmd.Flags().StringVar(&opts.DB, "db", "", "reference store directory")
	cmd.Flags().StringVar(&opts.Before, "before", "", "remove articles dated before this day (YYYY-MM-DD)")
	return cmd
}

func runPrune(opts *PruneOptions) error {
	if opts.Before == "" {
		return cliutil.UsageError(errors.New("--before DATE is required"))
	}
	before, err := config.ParseDate(opts.Before)
	if err != nil {
		return cliutil.UsageError(fmt.Errorf("--before: %w", err))
	}
	dir, err := storeDir(opts.DB)
	if err != nil {
		return err
	}
	st, err := refstore.Open(dir, false)
	if err != nil {
		return err
	}
	n, err := st.Prune(before)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "%s: removed %d articles dated before %s\n", st.Path(), n, before.Format("2006-01-02"))
	return nil
}
