package score

import (
	"math"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Feature names the scorer derives from a result, beside the analyzers' own
// res.Features. Counts are per 1,000 words of main text and log-scaled
// (log(1+x)) so one article with a hundred hits cannot dominate a linear
// model.
const (
	lexicalFeature = "lexical.profile"
	rulePrefix     = "rule."    // rule.TP001: findings of one rule
	dimPrefix      = "finding." // finding.templated, finding.templated.error
	sourcesPrefix  = "sources." // sources.named …
	entityPrefix   = "entities."
)

// Vector returns every feature of an analysed article by name: the
// analyzers' features, finding densities per rule, per dimension and per
// dimension and severity, sourcing densities and counts of people by
// status. The lexical profile is added by the model (it needs weights).
func Vector(res *analysis.Result) map[string]float64 {
	v := make(map[string]float64, len(res.Features)+32)
	eachFeature(res, func(prefix, name string, x float64) { v[prefix+name] = x })
	return v
}

// eachFeature calls set with every feature of Vector in turn, its name
// being prefix+name; a later call for a name overrides an earlier one, as
// in Vector's map. The model reads the features through it without
// building the map (or the names).
func eachFeature(res *analysis.Result, set func(prefix, name string, x float64)) {
	for k, x := range res.Features {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			set("", k, x)
		}
	}
	words := float64(max(res.Words, 1))
	density := func(n int) float64 { return math.Log1p(1000 * float64(n) / words) }

	type dimSeverity struct {
		dim analysis.Dimension
		sev analysis.Severity
	}
	perRule := map[string]int{}
	perDimSev := map[dimSeverity]int{}
	for _, f := range res.Findings {
		if f.OutsideMain {
			continue // page chrome is reported, never scored
		}
		perRule[f.Rule]++
		perDimSev[dimSeverity{f.Dimension, f.Severity}]++
	}
	// Counts per dimension and per "dimension.severity", summed by name
	// (the names are made once per pair, not once per finding).
	perDim := map[string]int{}
	for ds, n := range perDimSev {
		perDim[string(ds.dim)] += n
		perDim[string(ds.dim)+"."+ds.sev.String()] += n
	}
	for k, n := range perRule {
		set(rulePrefix, k, density(n))
	}
	for k, n := range perDim {
		set(dimPrefix, k, density(n))
	}

	s := res.Sources
	set(sourcesPrefix, "named", density(s.Named))
	set(sourcesPrefix, "quotes", density(s.Quotes))
	set(sourcesPrefix, "unattributed_quotes", density(s.UnattributedQuotes))
	set(sourcesPrefix, "vague", density(s.Vague))

	status := map[analysis.Status]int{}
	for _, e := range res.Entities {
		status[e.Status]++
	}
	for _, st := range []analysis.Status{analysis.Verified, analysis.Corroborated, analysis.Contradicted, analysis.Unverifiable, analysis.Unknown} {
		set(entityPrefix, string(st), math.Log1p(float64(status[st])))
	}
	if n := len(res.Entities); n > 0 {
		set(entityPrefix, "unverifiable_share", float64(status[analysis.Unverifiable])/float64(n))
	}
}

// dimensionOf says which dimension's sub-model reads a feature ("" for
// none: only the overall model). Analyzer features follow their prefix;
// style statistics and the lexical profile describe phrasing, so they
// belong to templated; sourcing counts to attribution; people to
// fabrication. Rule features belong to their rule's dimension.
func dimensionOf(name string, ruleDim map[string]analysis.Dimension) analysis.Dimension {
	if rest, ok := strings.CutPrefix(name, rulePrefix); ok {
		return ruleDim[rest]
	}
	if rest, ok := strings.CutPrefix(name, dimPrefix); ok {
		d, _, _ := strings.Cut(rest, ".")
		return analysis.Dimension(d)
	}
	switch {
	case strings.HasPrefix(name, "style."), strings.HasPrefix(name, "lexical."):
		return analysis.Templated
	case strings.HasPrefix(name, sourcesPrefix):
		return analysis.Attribution
	case strings.HasPrefix(name, entityPrefix):
		return analysis.Fabrication
	}
	for _, d := range analysis.Dimensions {
		if strings.HasPrefix(name, string(d)+".") {
			return d
		}
	}
	return ""
}
