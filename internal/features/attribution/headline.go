package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeadlineBytes bounds the line a headline quote stands on.
const maxHeadlineBytes = 200

// headlineCredit recognises the feature-headline convention of a quotation
// that opens its line and is credited after a colon to a description of
// the speaker: `"We knew the river would come": a farmer on the floods`.
// The line must be short and end without a full stop (a headline, not a
// sentence), and the credit must start with a determiner or possessive
// ("a", "the", "one", "my", …), so `"Yes": 54% of voters` stays unmatched.
// The speaker is the description, unnamed and not a vague group.
func headlineCredit(text string, qStart, qEnd int) (Speaker, bool) {
	// The line may hold at most maxHeadlineBytes, so neither search looks
	// further than that (a one-line text of many quotations stays linear).
	from := max(0, qStart-maxHeadlineBytes-1)
	ls := strings.LastIndexByte(text[from:qStart], '\n') + 1
	if ls == 0 && from > 0 {
		return Speaker{}, false // the line starts too far back
	}
	ls += from
	if strings.TrimSpace(text[ls:qStart]) != "" {
		return Speaker{}, false // the quotation does not open its line
	}
	to := min(len(text), max(qEnd, ls+maxHeadlineBytes+1))
	le := strings.IndexByte(text[qEnd:to], '\n')
	switch {
	case le >= 0:
		le += qEnd
	case to == len(text):
		le = len(text)
	default:
		return Speaker{}, false // the line ends too far on
	}
	if le-ls > maxHeadlineBytes {
		return Speaker{}, false
	}
	rest := strings.TrimLeft(text[qEnd:le], " \t")
	if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "—") {
		return Speaker{}, false
	}
	_, sz := utf8.DecodeRuneInString(rest)
	credit := strings.TrimSpace(rest[sz:])
	if credit == "" || strings.HasSuffix(credit, ".") {
		return Speaker{}, false
	}
	first, _, _ := strings.Cut(credit, " ")
	if !creditOpeners[strings.ToLower(strings.TrimFunc(first, func(r rune) bool { return !unicode.IsLetter(r) }))] {
		return Speaker{}, false
	}
	start := le - len(strings.TrimLeft(text[qEnd:le], " \t:–—"))
	return Speaker{Start: start, End: le, Text: text[start:le]}, true
}

// creditOpeners start a description of a speaker.
var creditOpeners = map[string]bool{
	"a": true, "an": true, "the": true, "one": true, "my": true, "our": true, "his": true, "her": true,
	"their": true, "this": true,
}
