package profile

import (
	"fmt"
	"strings"
)

// statistic is how an editor reads one analyzer statistic: what a high and
// a low value mean, and how to print the value.
type statistic struct {
	high, low string
	format    string // printf verb for the value; "" prints none
}

// statistics describes the numbers the style and sourcing profiles read.
// A statistic missing here is printed by name.
var statistics = map[string]statistic{
	"style.sent_len_cv":                     {"sentence lengths vary a lot", "sentence lengths vary little", ""},
	"style.sent_len_std":                    {"sentence lengths vary a lot", "sentence lengths vary little", ""},
	"style.sent_len_mean":                   {"long sentences", "short sentences", "%.0f words a sentence"},
	"style.short_sent_share":                {"many short sentences", "few short sentences", ""},
	"style.long_sent_share":                 {"many long sentences", "few long sentences", ""},
	"style.mattr":                           {"varied vocabulary", "repetitive vocabulary", ""},
	"style.mtld":                            {"varied vocabulary", "repetitive vocabulary", ""},
	"style.hapax_share":                     {"many words used once", "few words used once", ""},
	"style.word_len_mean":                   {"long words", "short words", "%.1f letters a word"},
	"style.long_word_share":                 {"many long words", "few long words", ""},
	"style.function_share":                  {"many function words", "few function words", ""},
	"style.capital_share":                   {"many capitalised names", "few capitalised names", ""},
	"style.numbers_per_1k":                  {"many figures", "few figures", "%.0f per 1,000 words"},
	"style.comma_per_1k":                    {"many commas", "few commas", "%.0f per 1,000 words"},
	"style.colon_per_1k":                    {"many colons", "few colons", ""},
	"style.semicolon_per_1k":                {"many semicolons", "few semicolons", ""},
	"style.dash_per_1k":                     {"many dashes", "few dashes", ""},
	"style.paren_per_1k":                    {"many brackets", "few brackets", ""},
	"style.question_per_1k":                 {"many questions", "few questions", ""},
	"style.exclaim_per_1k":                  {"exclamation marks", "no exclamation marks", ""},
	"style.quote_marks_per_1k":              {"much quotation", "little quotation", ""},
	"style.first_person_per_1k":             {"first person (I, we)", "no first person", ""},
	"style.second_person_per_1k":            {"addresses the reader (you)", "never addresses the reader", ""},
	"style.connective_start_share":          {"many sentences open with a connective (However, Moreover)", "few sentences open with a connective", ""},
	"templated.vocab_weight_per_1k":         {"words language models over-use", "few words language models over-use", ""},
	"templated.stock_per_1k":                {"stock phrases", "no stock phrases", ""},
	"templated.repeated_word_share":         {"words repeated often", "little word repetition", ""},
	"templated.repeated_ngrams":             {"repeated word sequences", "no repeated word sequences", ""},
	"templated.repeated_sentences":          {"repeated sentences", "no repeated sentences", ""},
	"templated.missing_space_per_1k":        {"missing spaces after punctuation", "clean spacing", ""},
	"templated.lower_case_starts":           {"sentences starting in lower case", "clean sentence starts", ""},
	"templated.wrong_articles":              {"wrong articles (a/an)", "correct articles", ""},
	"templated.paraphrase_idioms_per_1k":    {"paraphrase-tool idioms", "no paraphrase-tool idioms", ""},
	"templated.paraphrase_artifacts_per_1k": {"paraphrase-tool traces", "no paraphrase-tool traces", ""},
	"attribution.named_per_1k":              {"many named sources", "few named sources", "%.1f per 1,000 words"},
	"attribution.vague_per_1k":              {"many vague attributions (\"analysts say\")", "few vague attributions", "%.1f per 1,000 words"},
	"attribution.vague_opinion_per_1k":      {"opinions given to unnamed groups", "no opinions given to unnamed groups", ""},
	"attribution.quotes_per_1k":             {"many quotations", "few quotations", "%.1f per 1,000 words"},
	"attribution.unnamed_org_per_1k":        {"sources from unnamed organisations", "no unnamed organisations", ""},
	"attribution.unattributed_quote_share":  {"quotations without a speaker", "every quotation has a speaker", ""},
	"attribution.no_named_source":           {"no named source at all", "at least one named source", ""},
}

func describe(name string, high bool, value float64) string {
	st, ok := statistics[name]
	if !ok {
		dir := "low"
		if high {
			dir = "high"
		}
		return fmt.Sprintf("%s %s", strings.TrimPrefix(name, "style."), dir)
	}
	text := st.low
	if high {
		text = st.high
	}
	if st.format != "" {
		text += " (" + fmt.Sprintf(st.format, value) + ")"
	}
	return text
}
