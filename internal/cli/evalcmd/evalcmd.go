// Package evalcmd implements `copydesk eval` (placeholder: being built).
package evalcmd

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
)

// NewCmd returns the `eval` command.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:    "eval",
		Short:  "not yet implemented",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval: not yet implemented")
		},
	}
}
