package coverage

import "github.com/copydesk/copydesk/internal/analysis"

// Rule IDs. They never change once released.
const (
	RuleAbsentSource     = "FB007"
	RuleAlteredQuote     = "FB008"
	RuleMisattributedQte = "FB009"
	// RuleCoverageContradiction: trusted coverage names someone else in
	// the office the article gives a person.
	RuleCoverageContradiction = "FB010"
)

const since = "0.3.0"

var rules = []analysis.Rule{
	{
		ID: RuleAbsentSource, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: since,
		Title: "quoted source absent from the coverage of this story",
		Doc: `The reference store (wire feeds and archive the newsroom trusts, built with
` + "`copydesk ref add`" + `) holds reporting of the same story, and the person
this article quotes appears in none of it: not named, not quoted. Generated
wire-style copy quotes invented analysts, residents and spokespeople beside
the real people of a story. The evidence lists the reference articles
matched (source, date, similarity); the message says how many of the
person's quotes are absent from them too. People the knowledge base
verifies, and names on the house allowlist, are never reported. Coverage
is not exhaustive: a real local source may be missing from agency copy, so
check the person before acting.`,
		Example: `Dr. Rachel Goodman, a Middle East policy expert, explains, "This represents a pragmatic shift." (no matched report names her)`,
	},
	{
		ID: RuleAlteredQuote, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: since,
		Title: "quote altered: words changed, added or dropped against the coverage",
		Doc: `The quotation nearly matches one in the coverage of the same story, with
the same speaker, but words were changed, added or dropped. Quotation
marks promise the speaker's words; rewriting tools and generated text
paraphrase inside them. Quotes are compared after normalising quotation
marks, apostrophes, dashes and case; an elision marked with an ellipsis or
an editor's bracket is allowed. The message shows the differences word by
word ([-dropped-] {+added+}); the evidence names the reference article and
its passage.`,
		Example: `"We are confident the talks will succeed," she said. (reference: "We are hopeful the talks will succeed")`,
	},
	{
		ID: RuleMisattributedQte, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: since,
		Title: "quote misattributed: the coverage credits these words to someone else",
		Doc: `The quotation is found in the coverage of the same story (verbatim or
nearly), but the coverage credits it to another person. Rewrites that move
quotes between speakers change what the record says someone said. The
evidence names the reference article and the speaker it gives.`,
		Example: `"Dialogue is a good-faith effort," said Steve Witkoff. (reference: said by Karoline Leavitt)`,
	},
	{
		ID: RuleCoverageContradiction, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: since,
		Title: "role contradicted by the trusted coverage of this story",
		Doc: `The article names a person as the current holder of an office one person
holds at a time (a head of government known to the knowledge base, or a
chief executive, chair, president, mayor or governor of a named
organisation), and a trusted reference article of the same story (trust
wire or archive in the reference store), dated within a week of it, names
someone else in that office. The person is marked contradicted, with the
reference article as evidence. Sources of other trust, and the run's own
batch used as coverage, never contradict; people the knowledge base
verifies are never reported. Offices change hands: check the date of the
reference before acting.`,
		Example: `Harbourside Freight chief executive Tom Reyes said ... (the wire report of the story names Lena Marsh as chief executive of Harbourside Freight)`,
	},
}
