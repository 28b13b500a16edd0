package attribution

import "github.com/copydesk/copydesk/internal/analysis"

// Rule IDs. They never change once released.
const (
	ruleUnattributedQuote = "AT001"
	ruleVagueOpinion      = "AT002"
	ruleAnonymousOfficial = "AT003"
	ruleUnnamedOrg        = "AT004"
	ruleUnsourcedFigure   = "AT005"
	ruleNoNamedSource     = "AT006"
)

var rules = []analysis.Rule{
	{
		ID: ruleUnattributedQuote, Dimension: analysis.Attribution, Severity: analysis.Warning, Since: "0.1.0",
		Title: "quotation with no speaker",
		Doc: `A quotation that reads as speech (six words or more, or a full quoted
sentence) has no speaker: no "X said", "said X", "according to X", no
speaker in the sentences around it and no earlier quotation it continues.
Invented quotes are a mark of generated copy; real reporting says who spoke.
Short quoted phrases ("last warning", "square one") are scare quotes or
titles and are not reported. Name the speaker or drop the quote.`,
		Example: `"We will not stand for this any longer and we will act."`,
	},
	{
		ID: ruleVagueOpinion, Dimension: analysis.Attribution, Severity: analysis.Warning, Since: "0.1.0",
		Title: "opinion attributed to an unnamed group",
		Doc: `A claim is put in the mouths of an unnamed group ("experts believe",
"analysts suggest", "critics argue", "many believe", "insights from experts
suggest", "reports indicate") with no name or organisation in reach. Found
by grammar: a plural or indefinite group as the subject of a present-tense
reporting or belief verb, or of any belief verb. Generated articles lean on
this to sound sourced. Name the experts, or cut the claim.`,
		Example: `Analysts suggest that the move could reshape the region.`,
	},
	{
		ID: ruleAnonymousOfficial, Dimension: analysis.Attribution, Severity: analysis.Info, Since: "0.1.0",
		Title: "anonymous officials or sources",
		Doc: `"Officials said", "sources say", "analysts said": an unnamed group
reports speech. Common and often legitimate in news (protected sources), so
it is information only; many of them in a short article with no named
source add to the attribution score.`,
		Example: `Officials said the talks would continue.`,
	},
	{
		ID: ruleUnnamedOrg, Dimension: analysis.Attribution, Severity: analysis.Warning, Since: "0.1.0",
		Title: "source from an unnamed organisation",
		Doc: `A source is placed in an organisation the article does not name ("a
spokesperson for a leading NGO", "according to a prominent humanitarian
organization", "a researcher at a major think tank"). Nobody can check it;
generated articles invent such sources. Name the organisation.`,
		Example: `Amira Nasser, a spokesperson for a leading NGO, said the aid was late.`,
	},
	{
		ID: ruleUnsourcedFigure, Dimension: analysis.Attribution, Severity: analysis.Info, Since: "0.1.0",
		Title: "figure or superlative with no source in the paragraph",
		Doc: `A sentence states a large figure ("over 2 million residents", "40%") or a
superlative ("the largest", "a record") and its paragraph names no source:
no reporting clause, no "according to", no quotation. Information only:
news states many figures on its own authority; a lot of them adds to the
attribution score.`,
		Example: `Over 2 million residents are struggling with shortages of food.`,
	},
	{
		ID: ruleNoNamedSource, Dimension: analysis.Attribution, Severity: analysis.Info, Since: "0.1.0",
		Title: "no named source in the article",
		Doc: `An article of 250 words or more cites no person or organisation by name
as a source. Information only: analysis and explainers may be unsourced,
but a news report without one is a reason to look closer.`,
		Example: `(a 600-word report in which nobody said anything)`,
	},
}
