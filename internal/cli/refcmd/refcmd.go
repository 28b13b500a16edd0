// Package refcmd is `copydesk ref`: the reference store of reporting a
// newsroom trusts (wire feeds, its archive), which the coverage analyzer
// checks people and quotes against.
package refcmd

import (
	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/refstore"
)

// NewCmd returns `copydesk ref` with its subcommands.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ref",
		Short: "Build and inspect the reference store (wire feeds, archive) people and quotes are checked against",
		Long: `The reference store indexes the reporting a newsroom already trusts: per
article its id, source, date, title, a story fingerprint, the people it
names with their roles and every quote with its speaker (never the full
text). Scoring with a store finds the coverage of each article's story and
checks its people and quotes against it.

The store lives in --db DIR (default: $XDG_DATA_HOME/copydesk/ref or
~/.local/share/copydesk/ref).`,
	}
	cmd.AddCommand(newAddCmd(ios, nil), newInfoCmd(ios, nil), newPruneCmd(ios, nil))
	return cmd
}

// storeDir is --db, or the default directory.
func storeDir(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	return refstore.DefaultDir()
}
