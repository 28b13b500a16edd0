// Package traincmd implements `copydesk train` (placeholder: being built).
package traincmd

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
)

// NewCmd returns the `train` command.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:    "train",
		Short:  "not yet implemented",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("train: not yet implemented")
		},
	}
}
