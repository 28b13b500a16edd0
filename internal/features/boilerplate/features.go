package boilerplate

import (
	"github.com/copydesk/copydesk/internal/analysis"
)

// severityWeight is how much one finding adds to boilerplate.weighted: an
// error (chatbot residue) is near-proof on its own, info is a hint.
var severityWeight = map[analysis.Severity]float64{analysis.Info: 0.25, analysis.Warning: 1, analysis.Error: 3}

// setFeatures records the numbers the scoring model reads.
func setFeatures(pass *analysis.Pass, sc *Scan) {
	groups := map[group]float64{groupChrome: 0, groupByline: 0, groupSource: 0, groupLabel: 0,
		groupSEO: 0, groupChatbot: 0, groupLine: 0}
	// Only the article body counts: page chrome the HTML extractor set
	// aside is every web page's furniture, not evidence about the article
	// (it is still reported, at info severity, for the record).
	var weighted, inMain float64
	for _, c := range sc.candidates {
		if !pass.Doc.InMain(c.start) {
			continue
		}
		weighted += severityWeight[severityOf(c.rule)]
		groups[ruleGroup[c.rule]]++
		inMain++
	}
	pass.SetFeature("boilerplate.findings", inMain)
	pass.SetFeature("boilerplate.main_findings", inMain)
	pass.SetFeature("boilerplate.weighted", weighted)
	for g, n := range groups {
		pass.SetFeature("boilerplate.group."+string(g), n)
	}
	pass.SetFeature("boilerplate.chrome_lines", float64(sc.chromeLines))
	pass.SetFeature("boilerplate.max_line_score", sc.maxLineScore)
	words := pass.Doc.WordCount()
	per1k := 0.0
	if words > 0 {
		per1k = inMain * 1000 / float64(words)
	}
	pass.SetFeature("boilerplate.per_1k", per1k)
}
