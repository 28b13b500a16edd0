package kbcmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/kb/wdupdate"
	"github.com/copydesk/copydesk/internal/version"
)

// UpdateOptions are `kb update`'s inputs.
type UpdateOptions struct {
	IO        *cliutil.IOStreams
	Endpoint  string
	Out       string // "" : kb.UpdatePath()
	BatchSize int
	Timeout   time.Duration
	Attempts  int
	Backoff   time.Duration
	UserAgent string
	JSON      bool
	Show      int // lines of each kind of change printed
	// Today is the date the answers are checked on (zero: today).
	Today kb.Date
	// Sleep replaces the pause between retries (tests).
	Sleep func(context.Context, time.Duration) error
}

func newUpdateCmd(ios *cliutil.IOStreams, runF func(*UpdateOptions) error) *cobra.Command {
	opts := &UpdateOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Refresh office holders from Wikidata into a local knowledge base file later runs use",
		Long: `Asks Wikidata's public SPARQL endpoint who held each office the knowledge
base covers (P39 "position held" with its start and end), compares the
answers with the embedded data, and writes them to a local knowledge base
file. Every later run merges that file over the embedded knowledge base,
so its "current to" date becomes the day of the update.

This is the only command that uses the network. The file is written only
when every batch succeeded; a failure leaves the previous file unchanged.
Set COPYDESK_KB_UPDATE to another path to move the file, or to "off" to make
runs ignore it.

A CI job can refresh it on a schedule (weekly, say) and keep the file as a
build artifact or cache:

  copydesk kb update --kb kb-update.jsonl
  COPYDESK_KB_UPDATE=kb-update.jsonl copydesk score ...`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runUpdate(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Endpoint, "endpoint", wdupdate.DefaultEndpoint, "SPARQL endpoint URL")
	f.StringVar(&opts.Out, "kb", "", "file to write (default: $COPYDESK_KB_UPDATE, else kb-update.jsonl in the user cache directory)")
	f.IntVar(&opts.BatchSize, "batch", 50, "offices per query")
	f.DurationVar(&opts.Timeout, "timeout", 70*time.Second, "time allowed for one query")
	f.IntVar(&opts.Attempts, "attempts", 4, "tries per batch (rate limits, server errors and timeouts are retried)")
	f.DurationVar(&opts.Backoff, "backoff", 5*time.Second, "first pause between tries, doubled each time")
	f.StringVar(&opts.UserAgent, "user-agent", "copydesk/"+version.Version+" (kb update; https://github.com/copydesk/copydesk)", "User-Agent sent with every request")
	f.BoolVar(&opts.JSON, "json", false, "print the changes as JSON")
	f.IntVar(&opts.Show, "show", 20, "changes of each kind to print (0: all)")
	return cmd
}

func runUpdate(ctx context.Context, opts *UpdateOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	out := opts.Out
	if out == "" {
		p, err := kb.UpdatePath()
		if err != nil {
			return err
		}
		if p == "" {
			return cliutil.UsageError(fmt.Errorf("%s=off: give --kb FILE to say where to write", kb.UpdateEnv))
		}
		out = p
	}
	if opts.BatchSize <= 0 {
		return cliutil.UsageError(fmt.Errorf("--batch must be positive"))
	}
	base, err := kb.Default()
	if err != nil {
		return err
	}
	today := opts.Today
	if today.IsZero() {
		today = kb.DateOf(time.Now().UTC())
	}
	client := &wdupdate.Client{Endpoint: opts.Endpoint, UserAgent: opts.UserAgent, Timeout: opts.Timeout,
		Attempts: opts.Attempts, Backoff: opts.Backoff, Sleep: opts.Sleep}
	rep, err := wdupdate.Update(ctx, base, wdupdate.Options{Client: client, BatchSize: opts.BatchSize, Today: today, Out: out, Progress: opts.IO.ErrOut})
	if err != nil {
		return fmt.Errorf("kb update: %w", err)
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "asked about %d offices in %d batches: %d terms\n", rep.Positions, rep.Batches, rep.Records)
	fmt.Fprintf(w, "wrote %s (current to %s); later runs merge it over the embedded knowledge base\n", rep.Path, today)
	printChanges(w, "added (not in the embedded data)", rep.Added, opts.Show)
	printChanges(w, "ended (open in the embedded data)", rep.Ended, opts.Show)
	printChanges(w, "conflicts with the embedded data", rep.Conflicts, opts.Show)
	printChanges(w, "offices Wikidata returned no holder for", rep.Silent, opts.Show)
	return nil
}

func printChanges(w io.Writer, title string, lines []string, show int) {
	fmt.Fprintf(w, "\n%s: %d\n", title, len(lines))
	for i, l := range lines {
		if show > 0 && i == show {
			fmt.Fprintf(w, "  … %d more (--show 0 lists all)\n", len(lines)-show)
			break
		}
		fmt.Fprintf(w, "  %s\n", l)
	}
}
