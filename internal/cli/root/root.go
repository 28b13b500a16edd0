// Package root assembles copydesk's command tree.
package root

import (
	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/evalcmd"
	"github.com/copydesk/copydesk/internal/cli/kbcmd"
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
		servecmd.NewCmd(ios, nil),
	)
	return cmd
}
