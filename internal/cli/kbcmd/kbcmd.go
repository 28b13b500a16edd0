// Package kbcmd implements `copydesk kb`: build the embedded knowledge
// base, describe a knowledge base, and import Wikidata or tabular data.
package kbcmd

import (
	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
)

// NewCmd returns the `kb` command.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kb",
		Short: "Build, inspect and import the knowledge base of office holders",
		Long: `The knowledge base lists who held which office, when, and where each fact
came from. copydesk checks the people an article names against it.

  copydesk kb info                         counts and the date it is current to
  copydesk kb build                        rebuild the embedded default
  copydesk kb import --format F FILE -o O  convert Wikidata/CSV/JSONL to a KB file
  copydesk kb update                       refresh office holders from Wikidata (network)

Add a knowledge base at run time with --kb FILE; the file kb update wrote
is merged in by default.`,
	}
	cmd.AddCommand(newBuildCmd(ios, nil), newInfoCmd(ios, nil), newImportCmd(ios, nil), newUpdateCmd(ios, nil))
	return cmd
}
