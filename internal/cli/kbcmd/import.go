package kbcmd

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/kb"
)

// ImportOptions are `kb import`'s inputs.
type ImportOptions struct {
	IO     *cliutil.IOStreams
	Format string
	Input  string
	Out    string
}

func newImportCmd(ios *cliutil.IOStreams, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "import --format wikidata-dump|wdqs|csv|jsonl FILE -o OUT",
		Short: "Convert Wikidata or tabular data to a knowledge base file for --kb",
		Long: `Reads FILE (gzip or bzip2 compressed or not) and writes JSON Lines records
usable with --kb. Formats:

  wikidata-dump  a Wikidata JSON dump: P39 "position held" with P580/P582
  wdqs           Wikidata Query Service JSON results
  csv, jsonl     name, aliases, role, organization, country, start, end, source`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Input = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runImport(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "", "input format (default: detect)")
	cmd.Flags().StringVarP(&opts.Out, "output", "o", "", "output file (default: stdout)")
	return cmd
}

func runImport(opts *ImportOptions) (err error) {
	f, err := kb.ParseFormat(opts.Format)
	if err != nil {
		return cliutil.UsageError(err)
	}
	recs, asOf, err := kb.ImportFile(opts.Input, f)
	if err != nil {
		return fmt.Errorf("kb import: %w", err)
	}
	w := opts.IO.Out
	if opts.Out != "" && opts.Out != "-" {
		fh, err := os.Create(opts.Out)
		if err != nil {
			return fmt.Errorf("kb import: %w", err)
		}
		defer func() { err = errors.Join(err, fh.Close()) }()
		w = fh
	}
	if err := kb.WriteJSONL(w, recs, asOf); err != nil {
		return fmt.Errorf("kb import: write: %w", err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "imported %d records from %s\n", len(recs), opts.Input)
	return nil
}
