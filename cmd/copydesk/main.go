// Command copydesk scores news articles for low-quality generated content.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ios := cliutil.System()
	cmd := root.NewCmd(ios)
	err := cmd.ExecuteContext(ctx)
	code := cliutil.Code(err)
	if err != nil && err.Error() != "" {
		fmt.Fprintln(ios.ErrOut, "copydesk: "+err.Error())
		if code == cliutil.ExitUsage && strings.Contains(err.Error(), "flag") {
			fmt.Fprintln(ios.ErrOut, "Run 'copydesk --help' for usage.")
		}
	}
	os.Exit(code)
}
