package templated

import "github.com/copydesk/copydesk/internal/analysis"

// Rule IDs. Never renumber: users suppress and tune rules by ID.
const (
	ruleStockPhrase     = "TP001"
	ruleOverusedVocab   = "TP002"
	ruleParaphraseIdiom = "TP003"
	ruleMissingSpace    = "TP004"
	ruleLowerCaseStart  = "TP005"
	ruleWrongArticle    = "TP006"
	ruleRepeatedSent    = "TP007"
	ruleRepeatedNgram   = "TP008"
	ruleTitleAbsent     = "TP009"
	ruleStockCommon     = "TP011"
	ruleCollocationSwap = "TP020"
	ruleGarbledName     = "TP021"
	// RuleSharedSentence is reported by the batch check (SharedSentences).
	RuleSharedSentence = "TP010"
)

func rule(id string, sev analysis.Severity, title, doc, example string) analysis.Rule {
	return analysis.Rule{ID: id, Dimension: analysis.Templated, Severity: sev, Title: title, Doc: doc, Example: example, Since: "0.1.0"}
}

var rules = []analysis.Rule{
	rule(ruleStockPhrase, analysis.Warning, "Stock LLM or content-farm phrase",
		"A set phrase that generated and content-farm articles lean on and reporters rarely write "+
			"(\"a testament to\", \"marks a significant shift\", \"only time will tell\"). Matched across "+
			"inflection, case, quote style and line breaks. Each phrase was checked against human news "+
			"(internal/lexicon/data/README.md): phrases reporters use as often were dropped. "+
			"Rewrite with the specific fact the phrase stands in for.",
		"The agreement marks a significant shift in policy and is a testament to years of talks."),
	rule(ruleOverusedVocab, analysis.Info, "Word over-used by language models",
		"A word or short phrase that language models use far more often than human reporters, "+
			"weighted by the smoothed log ratio of machine to human use measured on labelled news. "+
			"One such word means nothing; many per thousand words are evidence (see the "+
			"templated.vocab_weight_per_1k feature).",
		"The initiative underscores a multifaceted commitment to fostering resilience."),
	rule(ruleParaphraseIdiom, analysis.Warning, "Paraphrase-tool synonym swap",
		"An idiom garbled by an article spinner or paraphrase tool that replaced each word with a "+
			"\"synonym\" (\"frequently enough\" for \"often\", \"it's miles\" for \"it is\", \"in phrases of\" "+
			"for \"in terms of\"): a sign the text was laundered from another article.",
		"Civilians frequently enough feel marginalized, and it is indeed crucial to listen."),
	rule(ruleMissingSpace, analysis.Warning, "Missing space after comma or full stop",
		"A comma or full stop glued to the next word (\"intensify,the\", \"conflict.This\"), typical of "+
			"text stitched together by tools. Numbers (1,000; 3.5), web addresses, dotted abbreviations "+
			"(U.S., e.g.) and initials are not reported.",
		"As calls intensify,the talks continue.This is new."),
	rule(ruleLowerCaseStart, analysis.Warning, "Sentence starts in lower case",
		"A sentence or line that begins with a lower-case letter after a full stop or at the start of a "+
			"line, typical of spun or machine-assembled text. Ellipses, abbreviations (a.m., etc., Corp., Gov.), "+
			"brand names written in lower case (iPhone, eBay) and lines a scraped page cut mid-sentence "+
			"(a link or a name set on its own line) are not reported.",
		"Aid is needed. such dialogue could bring a ceasefire."),
	rule(ruleWrongArticle, analysis.Warning, "Wrong indefinite article",
		"\"a\" before a vowel sound or \"an\" before a consonant sound (\"a important\", \"an prospect\"), "+
			"left when a tool swapped the noun after the article. Sound, not spelling, decides: "+
			"\"a university\", \"a one-off\" and \"an hour\" are correct; acronyms and numbers are skipped.",
		"In a important advancement, there exists an prospect of a ceasefire."),
	rule(ruleRepeatedSent, analysis.Warning, "Sentence repeated within the article",
		"The same sentence appears twice in one article, a sign of generated or padded text. The later "+
			"occurrence is reported; the evidence gives the first. Page layout is not reported: a headline, "+
			"standfirst or photo caption restating a sentence, a caption printed twice around its credit, "+
			"or the site's teaser of the story after its copyright footer.",
		"Talks resumed on Monday after a long pause. Delegates met in Vienna. Talks resumed on Monday after a long pause."),
	rule(ruleRepeatedNgram, analysis.Warning, "Long word sequence repeated within the article",
		"A run of eight or more words repeated elsewhere in the same article (a template clause such as "+
			"\"demonstrating a commitment to pursuing diplomatic solutions to complex geopolitical "+
			"challenges\"). Reporters restate facts but rarely reuse a long clause word for word; quotations "+
			"(a pull quote restated in the body) and runs of capitalised names are not reported. The later "+
			"occurrence is reported; the evidence gives the first.",
		"…is demonstrating a commitment to pursuing diplomatic solutions to complex challenges. … By "+
			"talking, it is demonstrating a commitment to pursuing diplomatic solutions to complex challenges."),
	rule(ruleTitleAbsent, analysis.Info, "Title promises what the body never mentions",
		"Names or content words of the headline that appear nowhere in the body: a headline written "+
			"for search rather than for the story. Reported as information only: "+
			"headlines legitimately summarise.",
		"Title: \"Musk Buys Newspaper\"; body about a city council vote."),
	rule(ruleStockCommon, analysis.Info, "Stock phrase that reporters also use",
		"A stock phrase from the same list as TP001 that human reporters were measured to use now and "+
			"then, though language models use it at least twice as often (\"a testament to\", \"paved the way "+
			"for\"). Evidence only in numbers: see the templated.stock_per_1k feature.",
		"The win is a testament to the squad's depth."),
	spinRules[0],
	spinRules[1],
}

// sharedSentenceRule documents TP010, reported by the batch check.
var sharedSentenceRule = rule(RuleSharedSentence, analysis.Warning, "Sentence shared with another source's article",
	"A sentence (of eight or more words, outside quotation marks) that also appears, word for word or "+
		"nearly, in another article of the batch from a different source: a template being filled in. "+
		"Found with word-shingle MinHash and locality-sensitive hashing, so a batch of 100,000 "+
		"articles stays fast. The evidence names the other article.",
	"Two feeds both print \"The decision marks a new chapter in the region's long and complicated history.\"")

func severityOf(id string) analysis.Severity {
	for _, r := range rules {
		if r.ID == id {
			return r.Severity
		}
	}
	return analysis.Info
}
