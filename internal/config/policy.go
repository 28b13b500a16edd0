package config

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
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
}

type ruleAdjust struct {
	disabled map[string]bool
	severity map[string]analysis.Severity
}

type compiledOverride struct {
	paths      []*regexp.Regexp
	rules      ruleAdjust
	thresholds Thresholds
}

// NewPolicy compiles c (nil for none) over the default thresholds.
func NewPolicy(c *Config, defaults score.Thresholds) *Policy {
	if c == nil {
		c = &Config{}
	}
	p := &Policy{thresholds: merge(defaults, c.Thresholds), rules: compileRules(c.Rules.Disable, c.Rules.Severity), phrases: map[string]bool{}}
	for _, o := range c.Overrides {
		co := compiledOverride{rules: compileRules(o.Disable, o.Severity), thresholds: o.Thresholds}
		for _, pat := range o.Paths {
			co.paths = append(co.paths, globRegexp(pat))
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

// SetFailScore replaces the fail threshold (--fail-on N).
func (p *Policy) SetFailScore(n int) {
	p.thresholds.Fail = n
	if p.thresholds.Warn > n {
		p.thresholds.Warn = n
	}
}

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
	th := p.thresholds
	adjusts := []ruleAdjust{p.rules}
	path := filepath.ToSlash(res.Path)
	for _, o := range p.overrides {
		if o.matches(path) {
			adjusts = append(adjusts, o.rules)
			th = merge(th, o.thresholds)
		}
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		drop := false
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

func (o compiledOverride) matches(path string) bool {
	for _, re := range o.paths {
		if re.MatchString(path) || re.MatchString(filepath.Base(path)) {
			return true
		}
	}
	return false
}

// globRegexp turns a path pattern into a regexp: * and ? stay within one
// path segment, ** crosses segments.
func globRegexp(pat string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; c {
		case '*':
			if i+1 < len(pat) && pat[i+1] == '*' {
				b.WriteString(".*")
				i++
				if i+1 < len(pat) && pat[i+1] == '/' {
					i++
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// quoteFolder is built once: a Replacer is safe for concurrent use and
// costly to build.
var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")

func normalise(s string) string {
	s = quoteFolder.Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
