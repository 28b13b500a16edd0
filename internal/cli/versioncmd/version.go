// Package versioncmd implements `copydesk version`.
package versioncmd

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/version"
)

// NewCmd returns `copydesk version`.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print copydesk's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(ios.Out, "copydesk %s", version.Version)
			if c := version.Commit(); c != "" {
				fmt.Fprintf(ios.Out, " (%s)", c[:min(12, len(c))])
			}
			fmt.Fprintf(ios.Out, " %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
