package analysis

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// Analyzer is one detector family. It is a value, not a type hierarchy:
// Name and Doc describe it, Rules lists every rule it may report, Requires
// names analyzers whose results it reads (through Pass.ResultOf), and Run
// looks at one document.
type Analyzer struct {
	Name     string
	Doc      string // first line is the title
	Rules    []Rule
	Requires []*Analyzer
	// Run inspects pass.Doc, reports findings and returns a result that
	// analyzers listing this one in Requires can read.
	Run func(pass *Pass) (any, error)
}

// Env carries run-wide resources to analyzers: loaded knowledge bases,
// allowlists from configuration. The driver builds one per run; it is
// read-only while documents are analysed.
type Env struct {
	// Values holds resources by a name the providing package documents
	// (for example "kb" for the knowledge base).
	Values map[string]any
	// AllowedPeople are names the house trusts (config allow.people):
	// never reported as invented.
	AllowedPeople map[string]bool
}

// AllowlistEvidence is what copydesk says of a person on the house
// allowlist: trusted by the newsroom, not checked.
const AllowlistEvidence = "on the house allowlist (allow.people in .copydesk.yaml): not checked"

// Value returns the resource stored under key, or nil.
func (e *Env) Value(key string) any {
	if e == nil || e.Values == nil {
		return nil
	}
	return e.Values[key]
}

// Pass is one analyzer's view of one document.
type Pass struct {
	Analyzer *Analyzer
	Doc      *document.Document
	Env      *Env
	// ResultOf holds the results of the analyzers this one Requires.
	ResultOf map[*Analyzer]any

	out *Result
}

// Report records a finding for rule id over doc.Text[start:end]. Dimension,
// severity, quoted text and position are filled in from the rule and the
// document, so analyzers cannot get them wrong.
func (p *Pass) Report(id string, start, end int, message string) *Finding {
	r, ok := p.rule(id)
	if !ok {
		panic(fmt.Sprintf("analyzer %s reported undeclared rule %s", p.Analyzer.Name, id))
	}
	if start < 0 {
		start = 0
	}
	if end > len(p.Doc.Text) {
		end = len(p.Doc.Text)
	}
	if end < start {
		end = start
	}
	line, col := p.Doc.Position(start)
	outside := r.Furniture || !p.Doc.InMain(start)
	sev := r.Severity
	if outside {
		// Page chrome the extractor set aside (share bars, comment forms,
		// cookie notices) is on every real web page: it is reported for
		// the record, never as a warning against the article.
		sev = Info
	}
	p.out.Findings = append(p.out.Findings, Finding{
		Rule: r.ID, Dimension: r.Dimension, Severity: sev, Message: message,
		Text: p.Doc.Text[start:end], Start: start, End: end, Line: line, Column: col,
		OutsideMain: outside,
	})
	return &p.out.Findings[len(p.out.Findings)-1]
}

// Reportf is Report with a formatted message.
func (p *Pass) Reportf(id string, start, end int, format string, args ...any) *Finding {
	return p.Report(id, start, end, fmt.Sprintf(format, args...))
}

func (p *Pass) rule(id string) (Rule, bool) {
	for _, r := range p.Analyzer.Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// SetFeature records a number the scoring model may read, under a name
// prefixed by convention with the analyzer's name ("templated.stock_per_1k").
func (p *Pass) SetFeature(name string, v float64) {
	if p.out.Features == nil {
		p.out.Features = map[string]float64{}
	}
	p.out.Features[name] = v
}

// Feature returns a number an analyzer that ran earlier recorded with
// SetFeature (a profile analyzer reads the statistics it summarises).
func (p *Pass) Feature(name string) (float64, bool) {
	v, ok := p.out.Features[name]
	return v, ok
}

// AddEntity records a person named in the article.
func (p *Pass) AddEntity(e Entity) { p.out.Entities = append(p.out.Entities, e) }

// Entities returns the people recorded so far (analyzers that run later may
// refine them, e.g. fabrication sets statuses on attribution's speakers).
func (p *Pass) Entities() []Entity { return p.out.Entities }

// SetEntities replaces the people recorded so far.
func (p *Pass) SetEntities(es []Entity) { p.out.Entities = es }

// SetQuotes records the article's quotations (with their provenance).
func (p *Pass) SetQuotes(qs []Quote) { p.out.Quotes = qs }

// Quotes returns the quotations recorded so far.
func (p *Pass) Quotes() []Quote { return p.out.Quotes }

// Withdraw removes the findings of rule whose span covers offset at,
// which later evidence settled (a person the reference coverage
// corroborates is no longer unverifiable). It reports how many it removed.
func (p *Pass) Withdraw(rule string, at int) int {
	kept := p.out.Findings[:0]
	n := 0
	for _, f := range p.out.Findings {
		if f.Rule == rule && at >= f.Start && at < max(f.End, f.Start+1) {
			n++
			continue
		}
		kept = append(kept, f)
	}
	clear(p.out.Findings[len(kept):])
	p.out.Findings = kept
	return n
}

// SetSources records the article's sourcing counts.
func (p *Pass) SetSources(s Sources) { p.out.Sources = s }

// Note adds a sentence to the result saying what could not be checked.
func (p *Pass) Note(msg string) {
	for _, n := range p.out.Notes {
		if n == msg {
			return
		}
	}
	p.out.Notes = append(p.out.Notes, msg)
}

// Order returns analyzers and everything they require, each once, with
// every analyzer after its requirements. It fails on a cycle.
func Order(roots []*Analyzer) ([]*Analyzer, error) {
	var out []*Analyzer
	state := map[*Analyzer]int{} // 1 visiting, 2 done
	var visit func(a *Analyzer, path []string) error
	visit = func(a *Analyzer, path []string) error {
		switch state[a] {
		case 1:
			return fmt.Errorf("analyzer cycle: %s -> %s", strings.Join(path, " -> "), a.Name)
		case 2:
			return nil
		}
		state[a] = 1
		for _, r := range a.Requires {
			if err := visit(r, append(path, a.Name)); err != nil {
				return err
			}
		}
		state[a] = 2
		out = append(out, a)
		return nil
	}
	for _, a := range roots {
		if err := visit(a, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Run analyses doc with analyzers (already in Order) and returns the
// unscored result. An analyzer error is returned with the analyzer's name;
// a panicking analyzer is turned into an error so one bad article cannot
// stop a batch.
func Run(doc *document.Document, analyzers []*Analyzer, env *Env) (res *Result, err error) {
	res = &Result{
		ID: doc.ID, Path: doc.Path, Title: doc.Title, Source: doc.Source, URL: doc.URL,
		Extra: doc.Extra, Text: doc.Text, Findings: []Finding{}, Entities: []Entity{},
	}
	if doc.HasDate() {
		res.Date = doc.Date.Format("2006-01-02")
	}
	res.Words = doc.WordCount()
	res.ProseWords = doc.ProseWordCount()
	results := make(map[*Analyzer]any, len(analyzers))
	for _, a := range analyzers {
		pass := &Pass{Analyzer: a, Doc: doc, Env: env, out: res, ResultOf: map[*Analyzer]any{}}
		for _, r := range a.Requires {
			pass.ResultOf[r] = results[r]
		}
		v, err := runOne(a, pass)
		if err != nil {
			return res, fmt.Errorf("analyzer %s: %w", a.Name, err)
		}
		results[a] = v
	}
	SortFindings(res.Findings)
	return res, nil
}

func runOne(a *Analyzer, pass *Pass) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return a.Run(pass)
}

// SortFindings orders findings by position, then rule.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		if fs[i].End != fs[j].End {
			return fs[i].End > fs[j].End
		}
		return fs[i].Rule < fs[j].Rule
	})
}

// MergeOverlapping collapses findings whose spans overlap into the one with
// the highest severity (then the longest span), so an editor sees one
// highlight per stretch of text. Findings must be sorted by Start.
func MergeOverlapping(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if n := len(out); n > 0 && f.Start < out[n-1].End {
			last := &out[n-1]
			if f.Severity > last.Severity || f.Severity == last.Severity && f.End-f.Start > last.End-last.Start {
				*last = f
			}
			continue
		}
		out = append(out, f)
	}
	return out
}
