package fabrication

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
)

// definiteAffiliation matches "for the ministry", "at its headquarters":
// a definite reference to a body the article names elsewhere.
var definiteAffiliation = regexp.MustCompile(`(?i)\b(?:for|at|with|from|of)\s+(?:the|its|his|her|their|this|that)\b`)

// uncheckable reports whether p is presented as an authority (expert,
// analyst, spokesperson ...) in roles that name nothing a reader could
// check, and returns the role as written.
func (c *checker) uncheckable(p *people.Person) (string, bool) {
	if len(p.Roles) == 0 {
		return "", false
	}
	// A single word is a surname or an organisation the people analyzer
	// took for a person: too little to call anyone unverifiable.
	if len(strings.Fields(p.Name)) < 2 {
		return "", false
	}
	why := ""
	for _, r := range p.Roles {
		if c.checkableRole(r) || c.institutionNearby(p, r) {
			return "", false
		}
		if why == "" && c.authorityRole(r.Text) {
			why = strings.TrimSpace(r.Text)
		}
	}
	return why, why != ""
}

func (c *checker) authorityRole(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), notWordRune) {
		if c.lx.authority[w] {
			return true
		}
	}
	return false
}

// checkableRole reports whether a role names an institution, employer or
// place: an affiliation the people analyzer found, a capitalised name that
// is not a region or topic, or a definite reference ("for the ministry").
func (c *checker) checkableRole(r people.Role) bool {
	if a := strings.TrimSpace(r.Affiliation); a != "" && !c.regionOnly(a) {
		return true
	}
	if definiteAffiliation.MatchString(r.Text) {
		return true
	}
	for _, w := range strings.FieldsFunc(r.Text, notWordRune) {
		if !startsUpper(w) {
			continue
		}
		lw := strings.ToLower(w)
		if c.lx.regions[lw] || c.lx.genericCaps[lw] || c.lx.authority[lw] || c.lx.vagueOrg[lw] || lw == "dr" || lw == "prof" {
			continue
		}
		if kb.IsPlaceWord(w) {
			// "a French economist": a nationality is not an employer.
			continue
		}
		return true
	}
	return false
}

func (c *checker) regionOnly(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), notWordRune) {
		if !c.lx.regions[w] && !c.lx.genericCaps[w] && !c.lx.vagueOrg[w] && w != "the" && w != "a" {
			return false
		}
	}
	return true
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// institutionNearby reports whether the sentences naming the person and
// giving the role name an institution, employer or place outside
// quotations ("Gartner analyst Carolina Milanesi", "said John Kirby, the
// spokesman, at the State Department"): capitalised words that are not
// the person's name, sentence-initial, regions, calendar words or
// honorifics, or a word after "of/at/for/with" that is not vague.
func (c *checker) institutionNearby(p *people.Person, r people.Role) bool {
	own := map[string]bool{}
	for _, w := range strings.FieldsFunc(p.Name, notWordRune) {
		own[strings.ToLower(w)] = true
	}
	// The role's own words were judged by checkableRole ("a Russia
	// expert": a topic, not an employer); only words around it count here.
	for _, w := range strings.FieldsFunc(r.Text, notWordRune) {
		own[strings.ToLower(w)] = true
	}
	// The sentences that mention the person or give the role; and, unless
	// the role comes with "a"/"an" (an organisation not named before), the
	// sentence before the role and the paragraph up to it: "Ladbrokes
	// said ... spokesman Warren Lush".
	offsets := []int{r.Start}
	for _, m := range p.Mentions {
		if m.Kind != people.Pronoun {
			offsets = append(offsets, m.Start)
		}
	}
	indefinite := false
	if f := strings.Fields(strings.ToLower(r.Text)); len(f) > 0 && (f[0] == "a" || f[0] == "an") {
		indefinite = true
	}
	if before := strings.ToLower(c.pass.Doc.Text[max(0, r.Start-4):max(0, r.Start)]); strings.HasSuffix(before, " a ") || strings.HasSuffix(before, " an ") || before == "a " {
		indefinite = true
	}
	sents := c.pass.Doc.Sentences()
	seen := map[int]bool{}
	for _, off := range offsets {
		for i, s := range sents {
			if off < s.Start || off >= s.End {
				continue
			}
			check := []int{i}
			if off == r.Start && !indefinite {
				// A bare "spokesman" speaks for a body the paragraph named.
				para := c.pass.Doc.ParagraphAt(s.Start)
				for j := i - 1; j >= 0 && (j == i-1 || c.pass.Doc.ParagraphAt(sents[j].Start) == para); j-- {
					check = append(check, j)
				}
			}
			for _, j := range check {
				if seen[j] {
					continue
				}
				seen[j] = true
				if c.namesInstitution(c.sentenceWords(j), own) {
					return true
				}
			}
		}
	}
	return false
}

// sentenceWords returns the words of sentence i outside quotations,
// split once per article: every person checks the same few sentences.
func (c *checker) sentenceWords(i int) []string {
	if words, ok := c.sentWords[i]; ok {
		return words
	}
	if c.sentWords == nil {
		c.sentWords = map[int][]string{}
	}
	s := c.pass.Doc.Sentences()[i]
	words := strings.FieldsFunc(stripQuotes(c.pass.Doc.Text[s.Start:s.End]), notWordRune)
	c.sentWords[i] = words
	return words
}

// namesInstitution looks, among a sentence's words outside quotations,
// for a capitalised word that is not the person's name, a region, a
// calendar word or a sentence-opening function word, or a number-led name
// after "of/at/for/with" ("director of 3ami").
func (c *checker) namesInstitution(words []string, own map[string]bool) bool {
	for i, w := range words {
		lw := strings.ToLower(w)
		if (lw == "of" || lw == "at" || lw == "for" || lw == "with") && i+1 < len(words) {
			if n := words[i+1]; n[0] >= '0' && n[0] <= '9' {
				return true
			}
		}
		if !startsUpper(w) || own[lw] {
			continue
		}
		if c.lx.regions[lw] || c.lx.genericCaps[lw] || c.lx.authority[lw] || c.lx.vagueOrg[lw] || c.lx.calendar[lw] {
			continue
		}
		if i == 0 && (c.lx.openers[lw] || c.lx.adverbs[lw]) {
			continue
		}
		return true
	}
	return false
}

// stripQuotes drops quoted speech, whose words say nothing about the
// speaker's affiliation. A sentence may start inside a quotation (the
// splitter cuts at a full stop within it): text before an unmatched
// closing mark is quoted too.
func stripQuotes(s string) string {
	straight := strings.Count(s, "\"")
	firstClose := strings.IndexAny(s, "”\"")
	firstOpen := strings.Index(s, "“")
	if firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen) &&
		(strings.HasPrefix(s[firstClose:], "”") || straight%2 == 1 && closesQuote(s, firstClose)) {
		_, size := utf8.DecodeRuneInString(s[firstClose:])
		s = s[firstClose+size:]
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch r {
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		case '"':
			in = !in
			continue
		}
		if !in {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// closesQuote reports whether the straight quote at i ends a quotation:
// it follows a word or punctuation rather than a space, colon or the start.
func closesQuote(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsSpace(r) && r != ':' && r != '(' && r != '['
}
