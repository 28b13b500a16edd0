package config

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/score"
)

// Policy applies a configuration to each analysed article: it drops
// disabled rules and allowlisted phrases, sets severities, clears house
// allowlisted people, and picks the thresholds for the article's path.
type Policy struct {
	thresholds score.Thresholds
	rules      ruleAdjust
	overrides  []compiledOverride
	phrases    map[string]bool
	people     []string
	dir        string // override paths are relative to it
	stdinName  string // --stdin-filename
	// source reads an input file's raw bytes, for suppression comments
	// that an extractor removed from the text (HTML); nil: none.
	source func(path string) []byte
}

type ruleAdjust struct {
	disabled map[string]bool
	severity map[string]analysis.Severity
}

type compiledOverride struct {
	paths      []string // doublestar patterns on the relative path
	ids        []string // doublestar patterns on the article id
	rules      ruleAdjust
	thresholds Thresholds
}

// NewPolicy compiles c (nil for none) over the default thresholds.
func NewPolicy(c *Config, defaults score.Thresholds) *Policy {
	if c == nil {
		c = &Config{}
	}
	p := &Policy{thresholds: merge(defaults, c.Thresholds), rules: compileRules(c.Rules.Disable, c.Rules.Severity), phrases: map[string]bool{}, dir: c.Dir}
	if p.dir == "" {
		p.dir, _ = os.Getwd()
	}
	for _, o := range c.Overrides {
		co := compiledOverride{rules: compileRules(o.Disable, o.Severity), thresholds: o.Thresholds}
		for _, pat := range o.Paths {
			if id, ok := strings.CutPrefix(pat, "id:"); ok {
				co.ids = append(co.ids, id)
			} else {
				co.paths = append(co.paths, path.Clean(strings.TrimPrefix(filepath.ToSlash(pat), "./")))
			}
		}
		p.overrides = append(p.overrides, co)
	}
	for _, ph := range c.Allow.Phrases {
		p.phrases[normalise(ph)] = true
	}
	for _, name := range c.Allow.People {
		p.people = append(p.people, strings.ToLower(strings.TrimSpace(name)))
	}
	return p
}

// SetStdinName names standard input (--stdin-filename): articles read
// from "-" take that path, for overrides and reports.
func (p *Policy) SetStdinName(name string) { p.stdinName = name }

// SetSourceReader lets suppression comments be read from an input's raw
// bytes when its analysed text no longer holds them (HTML comments).
func (p *Policy) SetSourceReader(read func(path string) []byte) { p.source = read }

// Thresholds are the thresholds for articles no override matches.
func (p *Policy) Thresholds() score.Thresholds { return p.thresholds }

func merge(t score.Thresholds, c Thresholds) score.Thresholds {
	if c.Warn != nil {
		t.Warn = *c.Warn
	}
	if c.Fail != nil {
		t.Fail = *c.Fail
	}
	return t
}

func compileRules(disable []string, sev map[string]string) ruleAdjust {
	r := ruleAdjust{disabled: map[string]bool{}, severity: map[string]analysis.Severity{}}
	for _, id := range disable {
		r.disabled[id] = true
	}
	for id, s := range sev {
		if strings.EqualFold(s, "off") {
			r.disabled[id] = true
			continue
		}
		if v, err := analysis.ParseSeverity(s); err == nil {
			r.severity[id] = v
		}
	}
	return r
}

// Apply adjusts res in place and returns the thresholds for it.
func (p *Policy) Apply(res *analysis.Result) score.Thresholds {
	p.renameStdin(res)
	th := p.thresholds
	adjusts := []ruleAdjust{p.rules}
	rel := p.relative(res.Path)
	for _, o := range p.overrides {
		if o.matches(rel, res.ID) {
			adjusts = append(adjusts, o.rules)
			th = merge(th, o.thresholds)
		}
	}
	sup := p.suppressions(res)
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		drop := sup.suppressed(&f)
		for _, a := range adjusts {
			if a.disabled[f.Rule] {
				drop = true
			}
			if s, ok := a.severity[f.Rule]; ok {
				f.Severity = s
			}
		}
		if len(p.phrases) > 0 && p.phrases[normalise(f.Text)] || f.Dimension == analysis.Fabrication && p.mentionsAllowedPerson(f.Text) {
			drop = true
		}
		if !drop {
			kept = append(kept, f)
		}
	}
	res.Findings = kept
	if len(p.people) == 0 {
		return th
	}
	for i, e := range res.Entities {
		// The fabrication analyzer already leaves allowlisted people
		// unchecked; this catches what batch checks said about them later,
		// in the same words.
		if (e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable) && p.mentionsAllowedPerson(e.Name) {
			res.Entities[i].Status = analysis.Unknown
			res.Entities[i].Evidence = analysis.AllowlistEvidence
		}
	}
	return th
}

func (p *Policy) mentionsAllowedPerson(text string) bool {
	lt := strings.ToLower(text)
	for _, name := range p.people {
		if name != "" && strings.Contains(lt, name) {
			return true
		}
	}
	return false
}

func (o compiledOverride) matches(rel, id string) bool {
	for _, pat := range o.paths {
		if ok, _ := doublestar.Match(pat, rel); ok {
			return true
		}
		// A pattern without a slash names files at any depth.
		if !strings.Contains(pat, "/") {
			if ok, _ := doublestar.Match(pat, path.Base(rel)); ok {
				return true
			}
		}
	}
	for _, pat := range o.ids {
		if ok, _ := doublestar.Match(pat, id); ok {
			return true
		}
	}
	return false
}

// relative is an input path as override patterns see it: slash-separated,
// relative to the configuration's directory ("./wire/a.md", "wire/a.md"
// and an absolute path to it are one path). A path outside that directory
// stays as given, cleaned.
func (p *Policy) relative(name string) string {
	if name == "" || name == ingest.StdinName && p.stdinName == "" {
		return name
	}
	abs, err := filepath.Abs(name)
	if err == nil && p.dir != "" {
		if rel, err := filepath.Rel(p.dir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return path.Clean(filepath.ToSlash(name))
}

// renameStdin gives articles read from standard input the --stdin-filename.
func (p *Policy) renameStdin(res *analysis.Result) {
	if p.stdinName == "" || res.Path != ingest.StdinName {
		return
	}
	res.Path = p.stdinName
	switch {
	case res.ID == ingest.StdinName:
		res.ID = p.stdinName
	case strings.HasPrefix(res.ID, ingest.StdinName+"#"):
		res.ID = p.stdinName + strings.TrimPrefix(res.ID, ingest.StdinName)
	}
}

// MinSeverity filters findings for display (--min-severity): scores and
// verdicts, computed before, are unchanged.
func MinSeverity(res *analysis.Result, min analysis.Severity) {
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if f.Severity >= min {
			kept = append(kept, f)
		}
	}
	res.Findings = kept
}

// quoteFolder is built once: a Replacer is safe for concurrent use and
// costly to build.
var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")

func normalise(s string) string {
	s = quoteFolder.Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
