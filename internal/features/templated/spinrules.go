package templated

import "github.com/copydesk/copydesk/internal/analysis"

// spinRules document the checks for text laundered through a spinner or a
// round trip of machine translation, found from evidence any such text
// carries rather than from a fixed list of idioms (TP003).
var spinRules = [...]analysis.Rule{
	rule(ruleCollocationSwap, analysis.Warning, "Common news phrase with one word swapped for a synonym",
		"A frequent news collocation with one word replaced by a dictionary synonym, as article "+
			"spinners and round-trip translation do: \"curiosity rate\" for \"interest rate\", \"inventory "+
			"market\" for \"stock market\", \"chief government\" for \"chief executive\", \"White Home\" for "+
			"\"White House\". Each pattern was derived from a reference of human news "+
			"(internal/lexicon/colloc/data/README.md): the original is frequent and predicts its neighbour, "+
			"the swapped form is never or almost never written there. Reported only when an article carries "+
			"two signs of a spinner (two different swaps, or one swap and another spinner artifact: TP003 "+
			"to TP006), since one rare pair alone is no proof (\"in keeping with\" is good English). "+
			"The evidence names the phrase it stands in for.",
		"The central bank left the curiosity rate unchanged as the inventory market fell."),
	rule(ruleGarbledName, analysis.Warning, "Name garbled beside its correct spelling",
		"A capitalised name one or two letters away from a name the same article writes more often in "+
			"the same place (same first name or title before it, or the surname of a name given in full): "+
			"\"Zelenskky\" beside \"Zelensky\", typical of machine-translated and spun copies. "+
			"Possessives, plurals and demonyms (Israel, Israeli), diacritics and accepted transliterations "+
			"(Zelensky, Zelenskyy, Zelenskiy) and different people with similar names (Tom Clark, Ann "+
			"Clarke) are not reported.",
		"President Volodymyr Zelensky met envoys on Monday, and Zelensky thanked them. Later President Volodymyr Zelenskky said the talks went well."),
}
