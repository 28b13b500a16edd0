// Package kbcmd implements `copydesk kb` (placeholder: being built).
package kbcmd

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
)

// NewCmd returns the `kb` command.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:    "kb",
		Short:  "not yet implemented",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("kb: not yet implemented")
		},
	}
}
