// Package rulescmd implements `copydesk rules` and `copydesk explain`,
// which print the documentation each rule carries in code.
package rulescmd

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/features"
)

// NewRulesCmd returns `copydesk rules`.
func NewRulesCmd(ios *cliutil.IOStreams) *cobra.Command {
	var dimension string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: ID, dimension, default severity, title",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if dimension != "" && !slices.Contains(analysis.Dimensions, analysis.Dimension(dimension)) {
				return cliutil.UsageError(fmt.Errorf("unknown --dimension %q (want boilerplate, templated, attribution or fabrication)", dimension))
			}
			rules := features.Rules().All()
			w := tabwriter.NewWriter(ios.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tDIMENSION\tSEVERITY\tTITLE")
			for _, r := range rules {
				if dimension != "" && string(r.Dimension) != dimension {
					continue
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, r.Dimension, r.Severity, r.Title)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&dimension, "dimension", "", "only rules of this dimension: boilerplate, templated, attribution, fabrication")
	return cmd
}

// NewExplainCmd returns `copydesk explain RULE`.
func NewExplainCmd(ios *cliutil.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print a rule's documentation with an example",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, r := range features.Rules().All() {
				ids = append(ids, r.ID+"\t"+r.Title)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			id := strings.ToUpper(strings.TrimSpace(args[0]))
			r, ok := features.Rules().Lookup(id)
			if !ok {
				return cliutil.UsageError(fmt.Errorf("no rule %q; `copydesk rules` lists them%s", args[0], suggest(id)))
			}
			fmt.Fprint(ios.Out, Explain(r))
			return nil
		},
	}
}

// Explain renders a rule's documentation as plain text.
func Explain(r analysis.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", r.ID, r.Title)
	fmt.Fprintf(&b, "dimension: %s   default severity: %s", r.Dimension, r.Severity)
	if r.Since != "" {
		fmt.Fprintf(&b, "   since: %s", r.Since)
	}
	b.WriteString("\n\n")
	if r.Doc != "" {
		b.WriteString(strings.TrimSpace(r.Doc))
		b.WriteString("\n")
	}
	if r.Example != "" {
		b.WriteString("\nExample:\n")
		for _, line := range strings.Split(strings.TrimSpace(r.Example), "\n") {
			b.WriteString("    " + line + "\n")
		}
	}
	fmt.Fprintf(&b, "\nSwitch it off in .copydesk.yaml with:\n    rules:\n      disable: [%s]\n", r.ID)
	return b.String()
}

func suggest(id string) string {
	var near []string // in ID order, as All returns them
	for _, r := range features.Rules().All() {
		if len(id) >= 2 && strings.HasPrefix(r.ID, id[:2]) {
			near = append(near, r.ID)
		}
	}
	if len(near) == 0 || len(near) > 12 {
		return ""
	}
	return " (" + strings.Join(near, ", ") + ")"
}
