package refcmd

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/refstore/refingest"
)

// AddOptions are `ref add`'s inputs.
type AddOptions struct {
	IO          *cliutil.IOStreams
	DB          string
	Trust       string
	Source      string
	Date        string
	InputFormat string
	Jobs        int
	KB          []string
	Paths       []string
}

func newAddCmd(ios *cliutil.IOStreams, runF func(*AddOptions) error) *cobra.Command {
	opts := &AddOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "add [--db DIR] [--trust wire|archive|other] PATH...",
		Short: "Index reference articles from any input copydesk reads (JSONL, feeds, HTML, text)",
		Long: `Index reference articles: each is analysed by the same extractors that read
scored articles, and its fingerprint, people and quotes are stored.
Adding is incremental and idempotent: an article already stored with the
same content is left as it is; changed content replaces it.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return runAdd(context.Background(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.DB, "db", "", "reference store directory")
	f.StringVar(&opts.Trust, "trust", "other", "what these articles are: wire, archive or other")
	f.StringVar(&opts.Source, "source", "", "publisher of articles that name none")
	f.StringVar(&opts.Date, "date", "", "date (YYYY-MM-DD) of articles that carry none")
	f.StringVar(&opts.InputFormat, "input-format", "", "force the input format (text, markdown, html, jsonl, feed)")
	f.IntVar(&opts.Jobs, "jobs", 0, "parallel analysers (default: all CPUs)")
	f.StringArrayVar(&opts.KB, "kb", nil, "knowledge base file to merge over the default (repeatable)")
	return cmd
}

func runAdd(ctx context.Context, opts *AddOptions) error {
	trust, err := refstore.ParseTrust(opts.Trust)
	if err != nil {
		return cliutil.UsageError(fmt.Errorf("--trust: %w", err))
	}
	var date time.Time
	if opts.Date != "" {
		if date, err = config.ParseDate(opts.Date); err != nil {
			return cliutil.UsageError(fmt.Errorf("--date: %w", err))
		}
	}
	dir, err := storeDir(opts.DB)
	if err != nil {
		return err
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{KnowledgeBases: opts.KB, Fitting: true})
	if err != nil {
		return err
	}
	st, err := refstore.Open(dir, false)
	if err != nil {
		return err
	}
	in := ingest.Options{Format: opts.InputFormat, Stdin: opts.IO.In}
	source := func(ctx context.Context, emit func(ingest.Article) error) error {
		return ingest.Read(ctx, opts.Paths, in, emit)
	}
	stats, err := refingest.Add(ctx, st, setup, source, refingest.Options{Trust: trust, Source: opts.Source, DefaultDate: date, Jobs: opts.Jobs})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "%s: %d added, %d updated, %d unchanged", st.Path(), stats.Added, stats.Updated, stats.Unchanged)
	if stats.Failed > 0 {
		fmt.Fprintf(opts.IO.Out, ", %d unreadable", stats.Failed)
	}
	fmt.Fprintf(opts.IO.Out, " (%s)\n", stats.Elapsed.Round(time.Millisecond))
	if stats.Failed > 0 {
		return &cliutil.ExitError{Code: cliutil.ExitInputError, Err: fmt.Errorf("%d inputs could not be read", stats.Failed)}
	}
	return nil
}
