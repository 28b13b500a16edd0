// Package root assembles copydesk's command tree.
package root

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/configcmd"
	"github.com/copydesk/copydesk/internal/cli/corpuscmd"
	"github.com/copydesk/copydesk/internal/cli/evalcmd"
	"github.com/copydesk/copydesk/internal/cli/kbcmd"
	"github.com/copydesk/copydesk/internal/cli/refcmd"
	"github.com/copydesk/copydesk/internal/cli/rulescmd"
	"github.com/copydesk/copydesk/internal/cli/scorecmd"
	"github.com/copydesk/copydesk/internal/cli/servecmd"
	"github.com/copydesk/copydesk/internal/cli/traincmd"
	"github.com/copydesk/copydesk/internal/cli/versioncmd"
	"github.com/copydesk/copydesk/internal/version"

	// Report formats register themselves.
	_ "github.com/copydesk/copydesk/internal/report/htmlreport"
)

// NewCmd returns the root command with every subcommand.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "copydesk",
		Short: "Find low-quality generated content in news articles, with evidence",
		Long: `copydesk reads news-style articles and says, with evidence, how likely
each is low-quality generated content, on four dimensions:

  boilerplate   page chrome and template residue, chatbot leftovers
  templated     stock LLM phrasing, paraphrase-tool artifacts, repetition
  attribution   claims with no named source, quotes with no speaker
  fabrication   invented people and roles, anachronisms

Start with:  copydesk score ARTICLES...   and   copydesk explain RULE`,
		Version:       version.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return cliutil.UsageError(err) })
	cmd.AddCommand(
		scorecmd.NewCmd(ios, nil),
		rulescmd.NewRulesCmd(ios),
		rulescmd.NewExplainCmd(ios),
		versioncmd.NewCmd(ios),
		kbcmd.NewCmd(ios),
		evalcmd.NewCmd(ios),
		traincmd.NewCmd(ios),
		configcmd.NewCmd(ios),
		refcmd.NewCmd(ios),
		servecmd.NewCmd(ios, nil),
		corpuscmd.NewCmd(ios),
	)
	wrapArgErrors(cmd)
	return cmd
}

// wrapArgErrors makes every command's argument check a usage error (exit
// 2): "explain" without a rule, "rules x".
func wrapArgErrors(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return cliutil.UsageError(err)
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgErrors(sub)
	}
}

// Execute runs copydesk with args and returns the error main reports and
// exits with (cliutil.Code). Usage errors — cobra's unknown commands
// included — exit 2 and carry the command's usage line.
func Execute(ctx context.Context, ios *cliutil.IOStreams, args []string) error {
	cmd := NewCmd(ios)
	cmd.SetArgs(args)
	ran, err := cmd.ExecuteContextC(ctx)
	if err == nil {
		return nil
	}
	var ee *cliutil.ExitError
	if !errors.As(err, &ee) {
		if !strings.HasPrefix(err.Error(), "unknown command") {
			return err
		}
		err = cliutil.UsageError(err)
		errors.As(err, &ee)
	}
	if ee.Code == cliutil.ExitUsage && ee.Err != nil {
		if ran == nil {
			ran = cmd
		}
		use := ran.UseLine()
		if !ran.HasParent() {
			use = ran.Name() + " COMMAND [flags]"
		}
		return &cliutil.ExitError{Code: cliutil.ExitUsage, Err: ee.Err,
			Usage: fmt.Sprintf("Usage: %s\nRun '%s --help' for more.", use, ran.CommandPath())}
	}
	return err
}
