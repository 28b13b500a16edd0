package people

import (
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
		leader := text[m.NameStart:m.NameEnd]
		if IsOrganisationOrPlace(leader) || IsRoleWord(leader) || IsCommonWord(strings.ToLower(leader)) {
			continue
		}
		out = append(out, Administration{Leader: leader, Text: text[m.Start:m.End], Start: m.Start, End: m.End})
	}
	return out
}

// findAdministrations returns, leftmost first and without overlaps, the
// matches of the pattern
//
//	\b([A-Z][\p{L}'’-]+?)(?:['’]s)?\s+(administration|government|presidency|cabinet)\b
//
// scanned by hand (see FindLeaderPhrases).
func findAdministrations(text string) []LeaderPhrase {
	return FindLeaderPhrases(text, governmentNouns, leaderNameBefore)
}

// leaderNameBefore is the name of the pattern above: the word before the
// white space at w (letters, apostrophes and hyphens) from its leftmost
// capital at a word boundary, less a possessive "'s".
func leaderNameBefore(text string, w, last int) (int, int, bool) {
	r0 := w
	for r0 > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:r0])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		r0 -= n
	}
	for s := max(r0, last); s < w; s++ {
		if text[s] < 'A' || text[s] > 'Z' || s > 0 && isASCIIWordByte(text[s-1]) {
			continue
		}
		word := text[s:w]
		if utf8.RuneCountInString(word) < 2 {
			return 0, 0, false // [A-Z] then at least one more
		}
		leaderEnd := w
		for _, poss := range []string{"'s", "’s"} {
			if strings.HasSuffix(word, poss) && utf8.RuneCountInString(word[:len(word)-len(poss)]) >= 2 {
				leaderEnd = w - len(poss)
			}
		}
		return s, leaderEnd, true
	}
	return 0, 0, false
}
