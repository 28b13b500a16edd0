package people

import (
	"slices"
	"strings"
)

// LeaderPhrase is one "Name noun" phrase such as "Biden administration":
// the whole phrase is Text[Start:End], the name Text[NameStart:NameEnd],
// and the noun starts at NounStart and ends at End.
type LeaderPhrase struct{ Start, End, NameStart, NameEnd, NounStart int }

// NameBefore finds the name of a leader phrase: the white space before the
// noun starts at w, and the phrase must not start before last (phrases do
// not overlap). It returns where the name starts, which is where the phrase
// starts, and where it ends, or ok false when there is no name there.
type NameBefore func(text string, w, last int) (nameStart, nameEnd int, ok bool)

// FindLeaderPhrases returns, leftmost first and without overlaps, each noun
// of nouns that follows white space and ends at \b, with the name that
// nameBefore finds before it. It is the hand-written scan behind patterns
// like \b(Name)\s+(noun|noun)\b, whose regular expressions were a fifth of
// an analyzer's time: it looks for a noun after white space, then back over
// the name before it. The people and fabrication packages each define
// their own nouns and names.
func FindLeaderPhrases(text string, nouns []string, nameBefore NameBefore) []LeaderPhrase {
	var out []LeaderPhrase
	last := 0 // matches never overlap: the next starts after the last
	for _, na := range nounsAfterSpace(text, nouns) {
		i, noun := na.at, na.noun
		if i < last {
			continue // inside the last match ("... White House" then "House ...")
		}
		end := i + len(noun)
		if end < len(text) && isASCIIWordByte(text[end]) {
			continue // "governments", "cabinetmaker"
		}
		w := i - 1 // the white space before the noun is text[w+1:i]
		for w >= 0 && isRESpace(text[w]) {
			w--
		}
		w++
		nameStart, nameEnd, ok := nameBefore(text, w, last)
		if !ok {
			continue
		}
		out = append(out, LeaderPhrase{Start: nameStart, End: end, NameStart: nameStart, NameEnd: nameEnd, NounStart: i})
		last = end
	}
	return out
}

// nounAt is one occurrence of a noun in the text.
type nounAt struct {
	at   int
	noun string
}

// nounsAfterSpace returns, in text order, where each noun occurs right
// after white space (strings.Index is much faster than testing every
// byte).
func nounsAfterSpace(text string, nouns []string) []nounAt {
	var out []nounAt
	for _, n := range nouns {
		for from := 1; from < len(text); {
			i := strings.Index(text[from:], n)
			if i < 0 {
				break
			}
			i += from
			if isRESpace(text[i-1]) {
				out = append(out, nounAt{i, n})
			}
			from = i + 1
		}
	}
	slices.SortFunc(out, func(a, b nounAt) int { return a.at - b.at })
	return out
}

// isRESpace is \s in Go regular expressions: [\t\n\f\r ].
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isASCIIWordByte is \w in Go regular expressions, which \b is defined by.
func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
