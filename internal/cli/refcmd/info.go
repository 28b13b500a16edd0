package refcmd

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/refstore"
)

// InfoOptions are `ref info`'s inputs.
type InfoOptions struct {
	IO   *cliutil.IOStreams
	DB   string
	JSON bool
}

func newInfoCmd(ios *cliutil.IOStreams, runF func(*InfoOptions) error) *cobra.Command {
	opts := &InfoOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "info [--db DIR]",
		Short: "Print the store's counts, date range and size on disk",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runInfo(opts)
		},
	}
	cmd.Flags().StringVar(&opts.DB, "db", "", "reference store directory")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func runInfo(opts *InfoOptions) error {
	dir, err := storeDir(opts.DB)
	if err != nil {
		return err
	}
	st, err := refstore.Open(dir, true)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := st.Info()
	if err != nil {
		return err
	}
	first, last := in.First.Format("2006-01-02"), in.Last.Format("2006-01-02")
	if in.First.IsZero() {
		first, last = "", ""
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{
			"path": st.Path(), "articles": in.Articles, "people": in.People, "quotes": in.Quotes,
			"by_trust": in.ByTrust, "first": first, "last": last, "undated": in.Undated, "bytes": in.Bytes, "data_bytes": in.DataBytes,
		})
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "%s\n", st.Path())
	fmt.Fprintf(w, "%d articles (wire %d, archive %d, other %d), %d people, %d quotes\n",
		in.Articles, in.ByTrust[refstore.Wire], in.ByTrust[refstore.Archive], in.ByTrust[refstore.Other], in.People, in.Quotes)
	if first != "" {
		fmt.Fprintf(w, "dated %s to %s", first, last)
	} else {
		fmt.Fprint(w, "no dated articles")
	}
	fmt.Fprintf(w, "; %d undated\n", in.Undated)
	fmt.Fprintf(w, "%s on disk, %s in use", humanBytes(in.Bytes), humanBytes(in.DataBytes))
	if in.Articles > 0 {
		fmt.Fprintf(w, " (%s an article)", humanBytes(in.DataBytes/int64(in.Articles)))
	}
	fmt.Fprintln(w)
	return nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
