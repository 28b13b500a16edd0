package fabrication

import (
	"fmt"
	"slices"
	"strings"

	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
)

// administrationNouns follow a leader's surname in "the Biden
// administration", "the Trump White House", "the Netanyahu government".
var administrationNouns = []string{"administration", "Administration", "White House", "presidency", "government", "Government", "cabinet"}

// findAdministrations returns, leftmost first and without overlaps, the
// matches of the pattern
//
//	\b([A-Z][a-z]+)(?:-[A-Z][a-z]+)?\s+(administration|Administration|White House|presidency|government|Government|cabinet)\b
//
// ("the Biden-Harris administration" names Biden), scanned by hand (see
// people.FindLeaderPhrases): the regular expression was a sixth of the
// analyzer chain's time.
func findAdministrations(text string) []people.LeaderPhrase {
	return people.FindLeaderPhrases(text, administrationNouns, surnameBefore)
}

// surnameBefore is the name of the pattern above: the capitalised word
// before the white space at w, or the first of two joined by a hyphen.
func surnameBefore(text string, w, last int) (int, int, bool) {
	q := capitalisedWordBefore(text, w)
	if q < 0 {
		return 0, 0, false
	}
	nameStart, nameEnd := q, w
	// "Biden-Harris": the name is the first of two joined words.
	if q > 0 && text[q-1] == '-' {
		if p := capitalisedWordBefore(text, q-1); p >= 0 && p >= last && wordBoundaryBefore(text, p) {
			nameStart, nameEnd = p, q-1
		}
	}
	if nameStart == q && (q < last || !wordBoundaryBefore(text, q)) {
		return 0, 0, false
	}
	return nameStart, nameEnd, true
}

// capitalisedWordBefore returns the start of the [A-Z][a-z]+ word ending
// at e (preceded by no other lower-case letter), or -1.
func capitalisedWordBefore(text string, e int) int {
	p := e
	for p > 0 && 'a' <= text[p-1] && text[p-1] <= 'z' {
		p--
	}
	if p == e || p == 0 || text[p-1] < 'A' || text[p-1] > 'Z' {
		return -1
	}
	return p - 1
}

// wordBoundaryBefore is \b before the word character at i.
func wordBoundaryBefore(text string, i int) bool { return i == 0 || !isASCIIWordByte(text[i-1]) }

// isASCIIWordByte is \w in Go regular expressions, which \b is defined by.
func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// leaderOffices are the offices whose holder's name makes "the X
// administration/government" (heads of government and US presidents).
var leaderOffices = map[string][]string{
	"administration": {"President"},
	"white house":    {"President"},
	"presidency":     {"President"},
	"government":     {"Prime Minister", "Chancellor", "President of the Government", "Taoiseach"},
	"cabinet":        {"Prime Minister", "Chancellor"},
}

// administrations reports governments named as acting now after their
// leader left office, and returns how many it reported.
func (c *checker) administrations() int {
	if c.date.IsZero() {
		return 0
	}
	text := c.pass.Doc.Text[:c.pass.Doc.MainEnd()]
	n := 0
	for _, am := range findAdministrations(text) {
		m := [...]int{am.Start, am.End, am.NameStart, am.NameEnd, am.NounStart, am.End}
		surname, kind := text[m[2]:m[3]], strings.ToLower(text[m[4]:m[5]])
		recs := c.leaderRecords(surname, leaderOffices[kind])
		if len(recs) == 0 || anyHeld(recs, c.date) {
			continue
		}
		if !c.actsNow(text, m[0], m[1]) {
			continue
		}
		start := m[0]
		if i := strings.LastIndex(strings.ToLower(text[max(0, start-4):start]), "the "); i >= 0 {
			start = max(0, start-4) + i
		}
		msg := fmt.Sprintf("%q is written as acting on %s, after %s left office", text[start:m[1]], c.date, recs[0].Name)
		f := c.pass.Report(RuleAdministration, start, m[1], msg)
		var holders []*kb.Record
		for _, o := range c.officesOf(recs) {
			holders = append(holders, c.kb.HoldersAt(o, c.date)...)
		}
		f.Evidence = fmt.Sprintf("knowledge base: %s, %s %s (%s); %s", recs[0].Name, recs[0].Role+" of "+kb.CountryPhrase(recs[0].Country), terms(recs), sources(recs), holdersThen(holders, c.date))
		n++
	}
	return n
}

// leaderRecords returns the terms of holders of the given roles whose
// surname is surname, all of one person (two people of that surname make
// the phrase ambiguous: nothing is returned).
func (c *checker) leaderRecords(surname string, roles []string) []*kb.Record {
	var out []*kb.Record
	var who string
	for _, r := range c.kb.PersonRecords(surname) {
		if !slices.Contains(roles, r.Role) {
			continue
		}
		if who == "" {
			who = kb.NormalizeName(r.Name)
		} else if !c.kb.SameName(who, r.Name) {
			return nil
		}
		out = append(out, r)
	}
	return out
}

func anyHeld(recs []*kb.Record, d kb.Date) bool {
	for _, r := range recs {
		if r.HeldPossibly(d) {
			return true
		}
	}
	return false
}

func (c *checker) officesOf(recs []*kb.Record) []*kb.Office {
	var out []*kb.Office
	seen := map[*kb.Office]bool{}
	for _, r := range recs {
		ref := c.kb.ParseRole(r.Role+" of "+r.Country, "")
		for _, o := range ref.Offices {
			if !seen[o] && o.Role == r.Role && o.Country == r.Country {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	return out
}

// actsNow reports whether the phrase at text[start:end] is the subject of
// a present-tense verb ("has emphasized", "says", "is weighing") with no
// past framing just before it ("under the", "the former", "during the").
func (c *checker) actsNow(text string, start, end int) bool {
	before := strings.ToLower(text[max(0, start-40):start])
	for _, m := range c.lx.pastMarkers {
		if strings.HasSuffix(strings.TrimSpace(before), m) || strings.Contains(before, " "+m+" ") {
			return false
		}
	}
	if strings.HasPrefix(text[end:], "'s") || strings.HasPrefix(text[end:], "’s") {
		return false // possessive: "the Biden administration's policy"
	}
	words := strings.Fields(strings.ToLower(text[end:min(len(text), end+80)]))
	for i, w := range words {
		if i >= 4 {
			break
		}
		w = strings.Trim(w, ",.;:!?\"“”")
		if c.lx.present[w] {
			return true
		}
		if !c.lx.adverbs[w] {
			return false
		}
	}
	return false
}
