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
	if !twoWords(p.Name) {
		return "", false
	}
	why := ""
	for _, r := range p.Roles {
		if c.checkableRole(r) || c.institutionNearby(p, r) || c.namedBefore(r) {
			return "", false
		}
		if why == "" && c.authorityRole(r.Text) {
			why = strings.TrimSpace(r.Text)
		}
	}
	return why, why != ""
}

func (c *checker) authorityRole(text string) bool {
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), notWordRune) {
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
	for w := range strings.FieldsFuncSeq(r.Text, notWordRune) {
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
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), notWordRune) {
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
	for w := range strings.FieldsFuncSeq(p.Name, notWordRune) {
		own[strings.ToLower(w)] = true
	}
	// The role's own words were judged by checkableRole ("a Russia
	// expert": a topic, not an employer); only words around it count here.
	for w := range strings.FieldsFuncSeq(r.Text, notWordRune) {
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
	if f := firstWord(r.Text); len(f) <= len("an") && (strings.ToLower(f) == "a" || strings.ToLower(f) == "an") {
		indefinite = true
	}
	if before := strings.ToLower(c.pass.Doc.Text[max(0, r.Start-4):max(0, r.Start)]); strings.HasSuffix(before, " a ") || strings.HasSuffix(before, " an ") || before == "a " {
		indefinite = true
	}
	sents := c.pass.Doc.Sentences()
	seen := map[int]bool{}
	for _, off := range offsets {
		i := c.pass.Doc.SentenceAt(off)
		if i < 0 {
			continue
		}
		check := []int{i}
		if off == r.Start && !indefinite {
			// A bare "spokesman" speaks for a body the paragraph named.
			para := c.pass.Doc.ParagraphAt(sents[i].Start)
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
	text := stripQuotes(c.pass.Doc.Text[s.Start:s.End])
	// A sentence of n bytes has at most n/2+1 words: with that much room
	// the append below never moves the words already cached; otherwise
	// a new chunk is started (the old one stays with its sentences).
	if room := len(text)/2 + 1; cap(c.wordBuf)-len(c.wordBuf) < room {
		c.wordBuf = make([]string, 0, max(room, 256))
	}
	from := len(c.wordBuf)
	c.wordBuf = appendWordFields(c.wordBuf, text)
	words := c.wordBuf[from:len(c.wordBuf):len(c.wordBuf)]
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
	firstClose := indexStraightOrClose(s)
	firstOpen := strings.Index(s, "“")
	if firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen) &&
		(strings.HasPrefix(s[firstClose:], "”") || straight%2 == 1 && closesQuote(s, firstClose)) {
		_, size := utf8.DecodeRuneInString(s[firstClose:])
		s = s[firstClose+size:]
	}
	if strings.IndexByte(s, '"') < 0 && !strings.Contains(s, "“") && !strings.Contains(s, "”") && utf8.ValidString(s) {
		return s // nothing quoted: the loop below would copy s unchanged
	}
	var b strings.Builder
	b.Grow(len(s))
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

// twoWords reports whether s has at least two space-separated words:
// len(strings.Fields(s)) >= 2 without building the list.
func twoWords(s string) bool {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n == 2 {
			return true
		}
	}
	return false
}

// firstWord is strings.Fields(s)[0], or "" when s has no word.
func firstWord(s string) string {
	for w := range strings.FieldsSeq(s) {
		return w
	}
	return ""
}

// wordFields is strings.FieldsFunc(s, notWordRune) with the ASCII bytes
// (nearly all of a sentence) judged without decoding runes.
func wordFields(s string) []string { return appendWordFields(nil, s) }

// appendWordFields appends the words of wordFields(s) to out.
func appendWordFields(out []string, s string) []string {
	start := -1 // start of the current word, -1 between words
	for i := 0; i < len(s); {
		c := s[i]
		var word bool
		n := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			word = !notWordRune(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// indexStraightOrClose is strings.IndexAny(s, "”\"") by byte searches:
// IndexAny decodes every rune when the set is not ASCII. (No rune's
// encoding spans the lead byte of "”", so the first match is the same.)
func indexStraightOrClose(s string) int {
	i := strings.IndexByte(s, '"')
	if j := strings.Index(s, "”"); j >= 0 && (i < 0 || j < i) {
		return j
	}
	return i
}

// namedBefore reports whether the role's own lower-case words name a body
// the article gave in full earlier: a body noun with the word before it,
// capitalised there ("a sheriff's office spokesperson" after "the Santa Fe
// County Sheriff's Office"), so the reader knows which office. A topic
// ("a global health expert" after "World Health Organization") names no
// body and does not count.
func (c *checker) namedBefore(r people.Role) bool {
	text := c.pass.Doc.Text[:max(0, min(r.Start, len(c.pass.Doc.Text)))]
	words := strings.Fields(strings.ToLower(r.Text))
	for i := 1; i < len(words); i++ {
		if !c.lx.bodyNouns[words[i]] || startsUpper(words[i-1]) {
			continue
		}
		phrase := titleWord(words[i-1]) + " " + titleWord(words[i])
		if strings.Contains(strings.ReplaceAll(text, "’", "'"), phrase) {
			return true
		}
	}
	return false
}

func titleWord(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
