package kbcmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/kb"
)

// BuildOptions are `kb build`'s inputs.
type BuildOptions struct {
	IO      *cliutil.IOStreams
	Sources string // ../shared/kb-sources
	Overlay string // internal/kb/data/overlay.yaml
	Out     string // internal/kb/data/kb.jsonl.gz
}

func newBuildCmd(ios *cliutil.IOStreams, runF func(*BuildOptions) error) *cobra.Command {
	opts := &BuildOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Rebuild the embedded knowledge base from kb-sources and the overlay",
		Long: `Reads the public snapshots in --sources and the curated overlay, and writes
the embedded default knowledge base. The same inputs always give the same
bytes, so the committed file can be checked by rebuilding it.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runBuild(opts)
		},
	}
	// Defaults assume the repository root as working directory, with
	// ../shared beside it (COPYDESK_SHARED overrides, as in tests).
	shared := os.Getenv("COPYDESK_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "shared")
	}
	cmd.Flags().StringVar(&opts.Sources, "sources", filepath.Join(shared, "kb-sources"), "directory of public source files")
	cmd.Flags().StringVar(&opts.Overlay, "overlay", filepath.Join("internal", "kb", "data", "overlay.yaml"), "curated overlay file")
	cmd.Flags().StringVarP(&opts.Out, "output", "o", filepath.Join("internal", "kb", "data", "kb.jsonl.gz"), "output file")
	return cmd
}

func runBuild(opts *BuildOptions) error {
	recs, asOf, err := kb.Build(opts.Sources, opts.Overlay)
	if err != nil {
		return fmt.Errorf("kb build: %w", err)
	}
	if err := kb.WriteDefault(opts.Out, recs, asOf); err != nil {
		return fmt.Errorf("kb build: write %s: %w", opts.Out, err)
	}
	k, err := kb.New(recs, asOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s: %s\n", opts.Out, k.Summarize())
	return nil
}
