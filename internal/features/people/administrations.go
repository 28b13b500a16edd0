package people

import (
	"regexp"
	"strings"
)

// Administration is a government named after its leader: "the Biden
// administration", "the Starmer government". The fabrication analyzer
// checks the leader was in office at the article's date.
type Administration struct {
	Leader     string // "Biden"
	Text       string // "Biden administration"
	Start, End int
}

var administrationRE = regexp.MustCompile(`\b([A-Z][\p{L}'’-]+?)(?:['’]s)?\s+(administration|government|presidency|cabinet)\b`)

// Administrations finds governments named after a leader in text. A place
// or demonym before the noun ("the Israeli government") is not a leader.
func Administrations(text string) []Administration {
	var out []Administration
	for _, m := range administrationRE.FindAllStringSubmatchIndex(text, -1) {
		leader := text[m[2]:m[3]]
		if IsOrganisationOrPlace(leader) || IsRoleWord(leader) || IsCommonWord(strings.ToLower(leader)) {
			continue
		}
		out = append(out, Administration{Leader: leader, Text: text[m[0]:m[1]], Start: m[0], End: m[1]})
	}
	return out
}
