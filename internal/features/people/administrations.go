package people

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Administration is a government named after its leader: "the Biden
// administration", "the Starmer government". The fabrication analyzer
// checks the leader was in office at the article's date.
type Administration struct {
	Leader     string // "Biden"
	Text       string // "Biden administration"
	Start, End int
}

// governmentNouns follow a leader's name in "the Biden administration".
var governmentNouns = []string{"administration", "government", "presidency", "cabinet"}

// Administrations finds governments named after a leader in text. A place
// or demonym before the noun ("the Israeli government") is not a leader.
func Administrations(text string) []Administration {
	var out []Administration
	for _, m := range findAdministrations(text) {
		leader := text[m.leaderStart:m.leaderEnd]
		if IsOrganisationOrPlace(leader) || IsRoleWord(leader) || IsCommonWord(strings.ToLower(leader)) {
			continue
		}
		out = append(out, Administration{Leader: leader, Text: text[m.start:m.end], Start: m.start, End: m.end})
	}
	return out
}

type administrationMatch struct{ start, end, leaderStart, leaderEnd int }

// findAdministrations returns, leftmost first and without overlaps, the
// matches of the pattern
//
//	\b([A-Z][\p{L}'’-]+?)(?:['’]s)?\s+(administration|government|presidency|cabinet)\b
//
// scanned by hand: the regular expression cost a fifth of the people
// analyzer's time. It looks for a noun after white space, then back over
// the word before it.
func findAdministrations(text string) []administrationMatch {
	var out []administrationMatch
	last := 0 // matches never overlap: the next starts after the last
	for _, na := range nounsAfterSpace(text, governmentNouns) {
		i, noun := na.at, na.noun
		end := i + len(noun)
		if end < len(text) && isASCIIWordByte(text[end]) {
			continue // "governments", "cabinetmaker"
		}
		w := i - 1 // the white space before the noun is text[w+1:i]
		for w >= 0 && isRESpace(text[w]) {
			w--
		}
		w++
		// The word before: letters, apostrophes and hyphens.
		r0 := w
		for r0 > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:r0])
			if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
				break
			}
			r0 -= n
		}
		// The leftmost capital at a word boundary starts the match.
		for s := max(r0, last); s < w; s++ {
			if text[s] < 'A' || text[s] > 'Z' || s > 0 && isASCIIWordByte(text[s-1]) {
				continue
			}
			word := text[s:w]
			if utf8.RuneCountInString(word) < 2 {
				break // [A-Z] then at least one more
			}
			leaderEnd := w
			for _, poss := range []string{"'s", "’s"} {
				if strings.HasSuffix(word, poss) && utf8.RuneCountInString(word[:len(word)-len(poss)]) >= 2 {
					leaderEnd = w - len(poss)
				}
			}
			out = append(out, administrationMatch{start: s, end: end, leaderStart: s, leaderEnd: leaderEnd})
			last = end
			break
		}
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
