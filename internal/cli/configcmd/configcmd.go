// Package configcmd implements `copydesk config`: the effective
// configuration and where each value came from (Vale's ls-config).
package configcmd

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
)

// Options are the parsed flags of `copydesk config`.
type Options struct {
	IO         *cliutil.IOStreams
	ConfigPath string
	NoConfig   bool
	// Flags are score's flags that override the file, by key
	// ("fail_on" → "warn"), as the user gave them.
	Flags map[string]string
}

// overridable are the settings score's flags override: config key → flag.
var overridable = []struct{ key, flag, help string }{
	{"fail_on", "fail-on", "as `copydesk score --fail-on`"},
	{"jobs", "jobs", "as `copydesk score --jobs`"},
	{"date", "date", "as `copydesk score --date`"},
	{"model", "model", "as `copydesk score --model`"},
	{"min_severity", "min-severity", "as `copydesk score --min-severity`"},
}

// NewCmd returns `copydesk config`.
func NewCmd(ios *cliutil.IOStreams) *cobra.Command {
	opts := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value comes from",
		Long: `Config prints the configuration a score run in this directory would use:
which file applied (found from the working directory upward, given with
--config, or none), every setting's value, and whether it comes from that
file (with its line), from a flag, or is the default. Give it the flags you
give score (--fail-on, --jobs, --date, --model, --min-severity) to see
their effect.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.NoConfig && opts.ConfigPath != "" {
				return cliutil.UsageError(errors.New("--config and --no-config exclude each other"))
			}
			opts.Flags = map[string]string{}
			for _, o := range overridable {
				if f := cmd.Flags().Lookup(o.flag); f.Changed {
					opts.Flags[o.key] = f.Value.String()
				}
			}
			if err := validateFlags(opts.Flags); err != nil {
				return cliutil.UsageError(err)
			}
			return Run(opts)
		},
	}
	for _, o := range overridable {
		cmd.Flags().String(o.flag, "", o.help)
	}
	cmd.Flags().StringVar(&opts.ConfigPath, "config", "", "configuration `FILE` (default: .copydesk.yaml from the working directory upward)")
	cmd.Flags().BoolVar(&opts.NoConfig, "no-config", false, "show the defaults, ignoring any configuration file")
	return cmd
}

// validateFlags checks the flags as score would.
func validateFlags(flags map[string]string) error {
	if v, ok := flags["fail_on"]; ok {
		if _, err := config.ParseFailOn(v); err != nil {
			return err
		}
	}
	if v, ok := flags["jobs"]; ok {
		if n, err := strconv.Atoi(v); err != nil || n < 0 || n > config.MaxJobs {
			return fmt.Errorf("--jobs %q: want 0 (all CPUs) to %d", v, config.MaxJobs)
		}
	}
	if v, ok := flags["date"]; ok {
		if _, err := config.ParseDate(v); err != nil {
			return fmt.Errorf("--date: %w", err)
		}
	}
	if v, ok := flags["min_severity"]; ok {
		if _, err := analysis.ParseSeverity(v); err != nil {
			return fmt.Errorf("--min-severity: %w", err)
		}
	}
	return nil
}

// Run prints the effective configuration.
func Run(opts *Options) error {
	cfg, how, err := config.Resolve(opts.ConfigPath, opts.NoConfig)
	if err != nil {
		return cliutil.UsageError(err)
	}
	model := cfg.Model
	if m, ok := opts.Flags["model"]; ok {
		model = m
	}
	scorer, err := score.Open(model)
	if err != nil {
		return cliutil.UsageError(err)
	}
	w := opts.IO.Out
	if cfg.Path != "" {
		fmt.Fprintf(w, "configuration: %s (%s)\n\n", report.PrintableName(cfg.Path), how)
	} else {
		fmt.Fprintf(w, "configuration: %s\n\n", how)
	}
	return print(w, cfg, opts.Flags, scorer.DefaultThresholds())
}

func print(w io.Writer, cfg *config.Config, flags map[string]string, defaults score.Thresholds) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tFROM")
	from := func(key string) string {
		if line := cfg.Line("$." + key); line > 0 {
			return fmt.Sprintf("%s:%d", report.PrintableName(cfg.Path), line)
		}
		return "default"
	}
	row := func(key, value, source string) {
		if v, ok := flags[key]; ok {
			value, source = v, "flag --"+strings.ReplaceAll(key, "_", "-")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", key, report.PrintableName(value), source)
	}
	th := func(key string, v *int, def int, what string) {
		if v != nil {
			row(key, fmt.Sprint(*v), from(key))
		} else {
			row(key, fmt.Sprint(def), "default ("+what+")")
		}
	}
	th("thresholds.warn", cfg.Thresholds.Warn, defaults.Warn, "scoring model")
	th("thresholds.fail", cfg.Thresholds.Fail, defaults.Fail, "scoring model")
	str := func(key, v, def string) {
		if v == "" {
			row(key, def, "default")
		} else {
			row(key, v, from(key))
		}
	}
	str("fail_on", cfg.FailOn, "fail")
	if cfg.Jobs > 0 {
		row("jobs", fmt.Sprint(cfg.Jobs), from("jobs"))
	} else {
		row("jobs", "0 (all CPUs)", "default")
	}
	str("date", cfg.Date, "(none: articles without a date skip date checks)")
	str("min_severity", cfg.MinSeverity, "info")
	str("model", cfg.Model, "(embedded)")
	list := func(key string, v []string, def string) {
		if len(v) == 0 {
			row(key, def, "default")
		} else {
			row(key, "["+strings.Join(v, ", ")+"]", from(key))
		}
	}
	list("kb", cfg.KB, "(embedded knowledge base only)")
	list("rules.disable", cfg.Rules.Disable, "[]")
	if len(cfg.Rules.Severity) == 0 {
		row("rules.severity", "{}", "default")
	} else {
		ids := make([]string, 0, len(cfg.Rules.Severity))
		for id := range cfg.Rules.Severity {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			row("rules.severity."+id, cfg.Rules.Severity[id], from("rules.severity."+id))
		}
	}
	for i, o := range cfg.Overrides {
		key := fmt.Sprintf("overrides[%d]", i)
		var parts []string
		parts = append(parts, "paths ["+strings.Join(o.Paths, ", ")+"]")
		if len(o.Disable) > 0 {
			parts = append(parts, "disable ["+strings.Join(o.Disable, ", ")+"]")
		}
		for id, sev := range o.Severity {
			parts = append(parts, id+": "+sev)
		}
		if o.Thresholds.Warn != nil {
			parts = append(parts, fmt.Sprintf("warn %d", *o.Thresholds.Warn))
		}
		if o.Thresholds.Fail != nil {
			parts = append(parts, fmt.Sprintf("fail %d", *o.Thresholds.Fail))
		}
		row(key, strings.Join(parts, "; "), from(key))
	}
	if len(cfg.Overrides) > 0 {
		row("overrides: relative to", cfg.Dir, "the configuration file's directory")
	}
	list("allow.people", cfg.Allow.People, "[]")
	list("allow.phrases", cfg.Allow.Phrases, "[]")
	return tw.Flush()
}
