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
	ls := strings.LastIndexByte(text[:qStart], '\n') + 1
	if strings.TrimSpace(text[ls:qStart]) != "" {
		return Speaker{}, false // the quotation does not open its line
	}
	le := strings.IndexByte(text[qEnd:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += qEnd
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
