// Command copydesk scores news articles for low-quality generated content.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
	"github.com/copydesk/copydesk/internal/report"
)

func main() {
	ctx, stop := cliutil.SignalContext(context.Background())
	ios := cliutil.System()
	err := root.Execute(ctx, ios, os.Args[1:])
	stop()
	if err != nil && err.Error() != "" {
		// Messages name files and ids: one printable line, so no input
		// can start a line of its own on a CI log.
		msg := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(err.Error())
		fmt.Fprintln(ios.ErrOut, "copydesk: "+report.PrintableName(msg))
		var ee *cliutil.ExitError
		if errors.As(err, &ee) && ee.Usage != "" {
			fmt.Fprintln(ios.ErrOut, ee.Usage)
		}
	}
	os.Exit(cliutil.Code(err))
}
