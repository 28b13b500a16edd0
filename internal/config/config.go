// Package config reads .copydesk.yaml: verdict thresholds, disabled rules,
// per-rule severities, per-path overrides, allowlists and extra knowledge
// bases. It is found from the working directory upward, or given with
// --config. Unknown keys and bad values are errors that name the key and
// its line, because a silently ignored setting is worse than none.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config/safeyaml"
)

// FileName is the configuration file copydesk looks for.
const FileName = ".copydesk.yaml"

// Thresholds are verdict cut-offs on the 0–100 overall score.
type Thresholds struct {
	Warn *int `yaml:"warn"`
	Fail *int `yaml:"fail"`
}

// RuleSettings switch rules off or change their severity.
type RuleSettings struct {
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
}

// Override applies settings to inputs whose path matches one of Paths:
// doublestar globs ("wire/**/*.md", "{a,b}/*.txt") matched against the
// input's path relative to the configuration file's directory (a pattern
// without a slash matches the file name at any depth), or "id:PATTERN"
// matched against the article id (a JSONL record's own id, path#N).
type Override struct {
	Paths      []string          `yaml:"paths"`
	Disable    []string          `yaml:"disable"`
	Severity   map[string]string `yaml:"severity"`
	Thresholds Thresholds        `yaml:"thresholds"`
}

// Allow lists what the house trusts.
type Allow struct {
	// People are never reported as invented or unverifiable.
	People []string `yaml:"people"`
	// Phrases a house style uses: findings whose text is one of them are dropped.
	Phrases []string `yaml:"phrases"`
}

// Config is the whole file.
type Config struct {
	Thresholds Thresholds   `yaml:"thresholds"`
	FailOn     string       `yaml:"fail_on"`
	Jobs       int          `yaml:"jobs"`
	Date       string       `yaml:"date"`
	Rules      RuleSettings `yaml:"rules"`
	Overrides  []Override   `yaml:"overrides"`
	Allow      Allow        `yaml:"allow"`
	KB         []string     `yaml:"kb"`
	Model      string       `yaml:"model"`
	// MinSeverity hides findings below it (info, warning, error).
	MinSeverity string `yaml:"min_severity"`

	// Path is the file the configuration came from ("" for none).
	Path string `yaml:"-"`
	// Dir is the directory override paths are relative to: the
	// configuration file's, or the working directory without one.
	Dir string `yaml:"-"`
	src []byte
}

// MaxJobs caps jobs: (and --jobs): far above any useful parallelism, low
// enough that a typo cannot exhaust memory on queues.
const MaxJobs = 1024

// Line returns the line of the key at a YAML path ("$.thresholds.warn"),
// or 0 when the file does not set it.
func (c *Config) Line(path string) int { return c.lineOf(path) }

// Find returns the path of the nearest .copydesk.yaml from dir upward, or "".
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads and validates the configuration at path.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Path = path
	if abs, err := filepath.Abs(path); err == nil {
		c.Path = abs
	}
	// Relative KB and model paths are relative to the config file, and
	// must be regular files: a config found upward must not make copydesk
	// read a device, a FIFO or a directory.
	base := filepath.Dir(c.Path)
	c.Dir = base
	for i, k := range c.KB {
		if !filepath.IsAbs(k) {
			c.KB[i] = filepath.Join(base, k)
		}
		if err := RegularFile(c.KB[i]); err != nil {
			return nil, c.errorAt(fmt.Sprintf("$.kb[%d]", i), "%v", err)
		}
	}
	if c.Model != "" && !filepath.IsAbs(c.Model) {
		c.Model = filepath.Join(base, c.Model)
	}
	if c.Model != "" {
		if err := RegularFile(c.Model); err != nil {
			return nil, c.errorAt("$.model", "%v", err)
		}
	}
	return c, nil
}

// RegularFile returns an error unless path names a regular file (symlinks
// followed).
func RegularFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	return nil
}

// Parse reads and validates configuration YAML; rule IDs are checked
// later, by ValidateRules, against the rules the build has.
func Parse(b []byte) (*Config, error) {
	c := &Config{src: b}
	if strings.TrimSpace(string(b)) == "" {
		return c, nil
	}
	if err := safeyaml.Unmarshal(b, c, safeyaml.ConfigLimits, yaml.DisallowUnknownField()); err != nil {
		return nil, yamlError(err)
	}
	return c, c.validateValues()
}

// yamlError rewrites the YAML library's "[3:1] unknown field" into
// "line 3, column 1: unknown key", the words an editor's config uses.
func yamlError(err error) error {
	var se *safeyaml.Error
	if errors.As(err, &se) {
		return err
	}
	msg := yaml.FormatError(err, false, false)
	if m := yamlPos.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("line %s, column %s: %s", m[1], m[2], strings.Replace(m[3], "unknown field", "unknown key", 1))
	}
	return errors.New(msg)
}

var yamlPos = regexp.MustCompile(`^\[(\d+):(\d+)\] ([^\n]*)`)

func (c *Config) validateValues() error {
	checkThresholds := func(path string, t Thresholds) error {
		// warn before fail, so one file always gives the same error.
		for _, v := range []struct {
			name string
			v    *int
		}{{"warn", t.Warn}, {"fail", t.Fail}} {
			if v.v != nil && (*v.v < 0 || *v.v > 100) {
				return c.errorAt(path+"."+v.name, "must be between 0 and 100, got %d", *v.v)
			}
		}
		if t.Warn != nil && t.Fail != nil && *t.Warn > *t.Fail {
			return c.errorAt(path+".warn", "warn threshold %d is above fail threshold %d", *t.Warn, *t.Fail)
		}
		return nil
	}
	if err := checkThresholds("$.thresholds", c.Thresholds); err != nil {
		return err
	}
	if c.FailOn != "" {
		if _, err := ParseFailOn(c.FailOn); err != nil {
			return c.errorAt("$.fail_on", "%v", err)
		}
	}
	if c.Jobs < 0 || c.Jobs > MaxJobs {
		return c.errorAt("$.jobs", "must be from 0 (all CPUs) to %d, got %d", MaxJobs, c.Jobs)
	}
	if c.MinSeverity != "" {
		if _, err := analysis.ParseSeverity(c.MinSeverity); err != nil {
			return c.errorAt("$.min_severity", "%v", err)
		}
	}
	if c.Date != "" {
		if _, err := ParseDate(c.Date); err != nil {
			return c.errorAt("$.date", "%v", err)
		}
	}
	checkSev := func(path string, m map[string]string) error {
		for id, s := range m {
			switch strings.ToLower(s) {
			case "info", "warning", "warn", "error", "off":
			default:
				return c.errorAt(path+"."+id, "severity %q is not info, warning, error or off", s)
			}
		}
		return nil
	}
	if err := checkSev("$.rules.severity", c.Rules.Severity); err != nil {
		return err
	}
	for i, o := range c.Overrides {
		p := fmt.Sprintf("$.overrides[%d]", i)
		if len(o.Paths) == 0 {
			return c.errorAt(p, "an override needs paths")
		}
		for j, pat := range o.Paths {
			if !doublestar.ValidatePattern(strings.TrimPrefix(pat, "id:")) {
				return c.errorAt(fmt.Sprintf("%s.paths[%d]", p, j), "bad pattern %q", pat)
			}
		}
		if err := checkSev(p+".severity", o.Severity); err != nil {
			return err
		}
		if err := checkThresholds(p+".thresholds", o.Thresholds); err != nil {
			return err
		}
	}
	return nil
}

// ValidateRules checks that every rule ID the configuration names exists.
func (c *Config) ValidateRules(known func(id string) bool) error {
	check := func(path string, ids []string, sev map[string]string) error {
		for i, id := range ids {
			if !known(id) {
				return c.errorAt(fmt.Sprintf("%s.disable[%d]", path, i), "unknown rule %q (see `copydesk rules`)", id)
			}
		}
		for id := range sev {
			if !known(id) {
				return c.errorAt(path+".severity."+id, "unknown rule %q (see `copydesk rules`)", id)
			}
		}
		return nil
	}
	if err := check("$.rules", c.Rules.Disable, c.Rules.Severity); err != nil {
		return err
	}
	for i, o := range c.Overrides {
		if err := check(fmt.Sprintf("$.overrides[%d]", i), o.Disable, o.Severity); err != nil {
			return err
		}
	}
	return nil
}

// errorAt formats an error naming the key at a YAML path and its line.
func (c *Config) errorAt(path, format string, args ...any) error {
	key := strings.TrimPrefix(path, "$.")
	msg := fmt.Sprintf(format, args...)
	if line := c.lineOf(path); line > 0 {
		if c.Path != "" {
			return fmt.Errorf("%s:%d: %s: %s", c.Path, line, key, msg)
		}
		return fmt.Errorf("line %d: %s: %s", line, key, msg)
	}
	return fmt.Errorf("%s: %s", key, msg)
}

func (c *Config) lineOf(path string) int {
	p, err := yaml.PathString(path)
	if err != nil {
		return 0
	}
	f, err := parser.ParseBytes(c.src, 0)
	if err != nil {
		return 0
	}
	n, err := p.FilterFile(f)
	if err != nil || n == nil || n.GetToken() == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

// Resolve finds the configuration a run uses: the file given (--config),
// none (--no-config), or the nearest .copydesk.yaml from the working
// directory upward. how says which, for the line every run prints.
func Resolve(explicit string, noConfig bool) (c *Config, how string, err error) {
	switch {
	case noConfig:
		c, how = &Config{}, "none (--no-config)"
	case explicit != "":
		c, err = Load(explicit)
		how = "given with --config"
	default:
		wd, _ := os.Getwd()
		if path := Find(wd); path != "" {
			c, err = Load(path)
			how = "found upward from the working directory"
		} else {
			c, how = &Config{}, "none found from the working directory upward; defaults apply"
		}
	}
	if err != nil {
		return nil, "", err
	}
	return c, how, nil
}
