package boilerplate

import "github.com/copydesk/copydesk/internal/analysis"

// group names the family a rule belongs to; per-group counts are features
// for the scoring model ("boilerplate.group.chrome").
type group string

const (
	groupChrome  group = "chrome"  // CMS widgets, navigation, legal footers
	groupByline  group = "byline"  // author photo / admin byline residue
	groupSource  group = "source"  // dangling source and reference lines
	groupLabel   group = "label"   // template field labels
	groupSEO     group = "seo"     // SEO sections, pitches, meta-discourse
	groupChatbot group = "chatbot" // chatbot preambles, refusals, placeholders
	groupLine    group = "line"    // line classifier and batch repetition
)

const since = "0.1.0"

func rule(id string, sev analysis.Severity, title, doc, example string) analysis.Rule {
	return analysis.Rule{ID: id, Dimension: analysis.Boilerplate, Severity: sev,
		Title: title, Doc: doc, Example: example, Since: since}
}

// furniture marks a rule as finding news-site furniture (see
// analysis.Rule.Furniture).
func furniture(r analysis.Rule) analysis.Rule {
	r.Furniture = true
	return r
}

// rules lists every per-article boilerplate rule. IDs never change.
var rules = []analysis.Rule{
	rule("BP001", analysis.Warning, "comment-form text left in the article",
		"A line that is a comment widget (\"Leave a Comment\", \"Leave a Reply\", \"Your email address will not be published\"). "+
			"It means the text was scraped or pasted from a web page, template and all, without an editor reading it. "+
			"Delete the line and check where the copy came from.",
		"Leave a Comment"),
	furniture(rule("BP002", analysis.Info, "share or social-media button text",
		"A line that is the label of share buttons or a follow prompt (\"Share this:\", \"Click to share on Facebook\"). "+
			"Every news site prints share buttons, so a scraped page carries them: reported for the record (info), never "+
			"scored. Delete it before republishing.",
		"Share this article")),
	furniture(rule("BP003", analysis.Info, "navigation, related-content or tag chrome",
		"A line that is site navigation (\"Skip to content\", breadcrumbs, \"Previous Post\"), a related-content block heading "+
			"(\"You may also like\") or a taxonomy label (\"Tags:\", \"Filed under:\"). None of it is reporting, but every news site "+
			"prints it: reported for the record (info), never scored. Delete it before republishing.",
		"You may also like")),
	rule("BP004", analysis.Warning, "rating widget",
		"A line that is a star-rating or vote widget (\"Average Rating\", \"Rate this post\", \"No votes so far!\"). "+
			"Content farms publish templates with rating plugins; news articles do not carry them. Delete it.",
		"Average Rating"),
	furniture(rule("BP005", analysis.Info, "cookie notice, legal link or copyright footer",
		"A cookie banner, \"All rights reserved\", \"Privacy Policy\" or a \"©\" footer inside the text: page chrome that an "+
			"extraction step kept. Real news pages carry it, so it is reported for the record (info), never scored; if it came "+
			"from another publisher, check the rights to the copy.",
		"© 2025 Daily Wire Feed. All rights reserved.")),
	rule("BP006", analysis.Warning, "author-photo or admin byline residue",
		"Image alt text of a byline photo (\"Photo of author\") or a CMS default account as author (\"Posted by admin\"). "+
			"NewsGuard (2023) reported admin bylines as a tell of unattended content farms. Put a real, accountable byline in.",
		"Photo of author"),
	rule("BP007", analysis.Warning, "dangling source or reference line",
		"A line pointing at a source that is not there (\"Reference: Source Article\", \"Source link\", \"Read the original article\"). "+
			"It is the trace of a rewrite tool fed another outlet's story. Find the original, credit it properly or drop the piece.",
		"Reference: Source Article"),
	rule("BP008", analysis.Warning, "template field label left in the copy",
		"A line opening with a template field name (\"Summary –\", \"Article –\", \"Title:\", \"Meta description:\"). "+
			"The generator's output format leaked into the text. Remove the label and check the field's content belongs.",
		"Summary – The United States is engaging in new negotiations."),
	rule("BP009", analysis.Warning, "SEO or content-template section heading",
		"A heading that belongs to an SEO content template, not news (\"Did You Know?\", \"FAQ Section\", \"Key Takeaways\", "+
			"\"Call to Action\", \"Final Thoughts\", \"Closing Remarks\"). Rewrite as a news story or remove the section.",
		"Did You Know?"),
	rule("BP010", analysis.Info, "generic essay heading",
		"A heading that is just \"Conclusion\", \"Introduction\", \"Overview\" or \"Summary\". Weak alone (some explainers use them), "+
			"stronger with other findings: news is not structured like a school essay.",
		"Conclusion"),
	rule("BP011", analysis.Warning, "FAQ question-and-answer block",
		"Lines starting \"Q:\" followed by lines starting \"A:\": an SEO FAQ block appended to the story. "+
			"Real interviews name who asks and who answers. Remove the block or turn it into reporting.",
		"Q: Who led the talks?\nA: The special envoy led the talks."),
	rule("BP012", analysis.Warning, "newsletter, comment or sharing pitch",
		"A pitch to the reader (\"subscribe to our newsletter\", \"share your thoughts in the comments below\", "+
			"\"stay tuned for more updates\"). Template marketing copy inside the article body. Delete it.",
		"Share your thoughts in the comments below."),
	rule("BP013", analysis.Warning, "meta-discourse about the article",
		"The text talks about itself (\"In this article, we explore…\", \"Let's dive in\"). Essay and blog templates do this; "+
			"news gets to the point. Cut the sentence.",
		"In this article, we explore the context of these negotiations."),
	rule("BP014", analysis.Error, "chatbot preamble or sign-off",
		"A chatbot's framing of its own answer left in the article (\"Certainly! Here is a news article…\", \"I hope this helps\", "+
			"\"Let me know if you'd like…\"). Proof the copy was pasted from a chat session unread. Do not publish as is.",
		"Certainly! Here is a news article about the talks:"),
	rule("BP015", analysis.Error, "AI self-reference or refusal text",
		"A language model talking about itself or refusing (\"As an AI language model\", \"I cannot complete this prompt\"). "+
			"NewsGuard (2023) found such error text published verbatim by content farms. Do not publish; the rest of the text is unreviewed too.",
		"As an AI language model, I cannot predict the outcome."),
	rule("BP016", analysis.Error, "unfilled template placeholder",
		"A placeholder the generator expected someone to fill (\"[Insert quote from expert]\", \"[Your Name]\", \"{{city}}\", "+
			"\"Lorem ipsum\"). Nobody edited this text. Fill it from real reporting or remove it.",
		"[Insert quote from a regional analyst]"),
	furniture(rule("BP017", analysis.Info, "line looks like page furniture",
		"A short line that the line classifier scores as page chrome rather than reporting: widget or navigation words, counts "+
			"such as \"12 comments\" or \"4.5/5\", timestamps, separators, at the start or end of the article. Catches residue no "+
			"list names. News sites print such lines too, so it is reported for the record (info), never scored. Check the line "+
			"and delete it if it is not part of the story.",
		"12 Comments | 3 min read")),
	rule("BP019", analysis.Warning, "numbered list of headings (listicle template)",
		"Three or more headings numbered in sequence (\"1. The deal is done\", \"2. Markets shrugged\"), each over its own "+
			"paragraph: the \"N things to know\" template of content farms and SEO pages. Agency and newsroom reports tell a story "+
			"in paragraphs; when they enumerate, the items are sentences. Rewrite as a report or label it as an explainer.",
		"1. The deal is done\nThe two sides signed on Friday.\n2. Markets shrugged\nShares barely moved.\n3. Talks go on\nA second round starts next month."),
}

// ruleGroup maps each rule to its feature group.
var ruleGroup = map[string]group{
	"BP001": groupChrome, "BP002": groupChrome, "BP003": groupChrome, "BP004": groupChrome, "BP005": groupChrome,
	"BP006": groupByline, "BP007": groupSource, "BP008": groupLabel,
	"BP009": groupSEO, "BP010": groupSEO, "BP011": groupSEO, "BP012": groupSEO, "BP013": groupSEO,
	"BP014": groupChatbot, "BP015": groupChatbot, "BP016": groupChatbot,
	"BP017": groupLine, "BP018": groupLine, "BP019": groupSEO,
}

// severityOf returns the default severity of a per-article rule.
func severityOf(id string) analysis.Severity {
	for _, r := range rules {
		if r.ID == id {
			return r.Severity
		}
	}
	return analysis.Info
}
