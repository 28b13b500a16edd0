package kbcmd

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/kb"
)

// InfoOptions are `kb info`'s inputs.
type InfoOptions struct {
	IO    *cliutil.IOStreams
	Extra []string // --kb files merged over the default
	JSON  bool
	Top   int // roles shown
}

func newInfoCmd(ios *cliutil.IOStreams, runF func(*InfoOptions) error) *cobra.Command {
	opts := &InfoOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "info",
		Short: "Print record counts by source and role, and the date the knowledge is current to",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runInfo(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Extra, "kb", nil, "knowledge base file to merge over the default (repeatable)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&opts.Top, "roles", 25, "number of roles to list")
	return cmd
}

// LoadWithExtra returns the default KB (with the file `kb update` wrote,
// if any) merged with each file in paths.
func LoadWithExtra(paths []string) (*kb.KB, error) {
	k, _, err := kb.WithUpdates()
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		extra, err := kb.Load(p)
		if err != nil {
			return nil, cliutil.UsageError(fmt.Errorf("--kb %s: %w", p, err))
		}
		if k, err = k.Merge(extra); err != nil {
			return nil, err
		}
	}
	return k, nil
}

func runInfo(opts *InfoOptions) error {
	k, err := LoadWithExtra(opts.Extra)
	if err != nil {
		return err
	}
	s := k.Summarize()
	if opts.JSON {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{
			"records": s.Records, "people": s.People, "offices": s.Offices,
			"current_to": s.AsOf.String(), "by_source": s.BySource, "by_role": s.ByRole,
			"coverage": k.Coverage(),
		})
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "knowledge current to %s (changes after that date are unknown)\n", s.AsOf)
	fmt.Fprintf(w, "%d records, %d people, %d offices\n\n", s.Records, s.People, s.Offices)
	fmt.Fprintln(w, "coverage by office family (offices known; with a holder named on the family's date; current to; stalest office checked):")
	for _, c := range k.Coverage() {
		fmt.Fprintf(w, "  %-55s %4d offices  %4d with holder  current to %-10s  stalest %s\n", c.Family, c.Offices, c.Known, c.CurrentTo, c.Stalest)
	}
	fmt.Fprint(w, "\nby source:\n")
	for _, kv := range sortedCounts(s.BySource, 0) {
		fmt.Fprintf(w, "  %6d  %s\n", kv.n, kv.k)
	}
	fmt.Fprintf(w, "\nby role (top %d):\n", opts.Top)
	for _, kv := range sortedCounts(s.ByRole, opts.Top) {
		fmt.Fprintf(w, "  %6d  %s\n", kv.n, kv.k)
	}
	return nil
}

type count struct {
	k string
	n int
}

func sortedCounts(m map[string]int, top int) []count {
	out := make([]count, 0, len(m))
	for k, n := range m {
		out = append(out, count{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].k < out[j].k
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}
