package fabrication

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/features/people"
)

var yearRe = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)

// markerPunct turns the punctuation around a past marker into spaces.
var markerPunct = strings.NewReplacer(",", " ", ";", " ", ":", " ", "(", " ", ")", " ", "\"", " ", "\u201c", " ", "\u201d", " ")

// presentsAsCurrent reports whether the sentence around offset names its
// office holder as holding office at the article's date: it has no past
// framing ("former", "then", "during", "at the time", a year before the
// article's) around the mention.
func (c *checker) presentsAsCurrent(offset int, p *people.Person) bool {
	s := c.sentenceAt(offset)
	if s == "" && len(p.Mentions) > 0 {
		s = c.sentenceAt(p.Mentions[0].Start)
	}
	if c.pastClauseBefore(offset) || c.diedFrame(offset, p) || labelList(s) {
		return false
	}
	return c.currentSentence(s)
}

// labelList reports a line of capitalised labels separated by commas and
// no sentence ending: "Pope Leo XIV, Pope Francis, Catholic", a page's
// topic tags. It lists subjects; it says nothing about who holds an office.
func labelList(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, ",") || s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return false
	}
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// diedFrame reports whether the sentence says the person named after the
// role at offset has died: "after President Ebrahim Raisi was killed",
// "the late Pope Francis", "the death of Pope Francis", "Raisi's
// funeral", "X, whose death", "before his death". It looks
// back on a term that ended, whoever holds the office now.
func (c *checker) diedFrame(offset int, p *people.Person) bool {
	if c.lateBefore(offset) {
		return true
	}
	doc := c.pass.Doc
	if before := strings.ToLower(doc.Text[max(0, offset-40):offset]); c.lx.diedBefore.MatchString(before) {
		return true // "the recent death of Pope Francis"
	}
	i := doc.SentenceAt(offset)
	if i < 0 {
		return false
	}
	sentEnd := doc.Sentences()[i].End
	for _, m := range p.Mentions {
		if m.Start < offset || m.End > sentEnd {
			continue
		}
		after := strings.ToLower(doc.Text[m.End:sentEnd])
		return c.lx.diedAfterName.MatchString(after) || c.lx.diedLater.MatchString(after)
	}
	return false
}

// outsideRoleIsCurrent is presentsAsCurrent for the sentence with the
// role's own words left out: "former President Donald Trump said on
// Tuesday" is framed by its "former" alone, which is what is being judged.
func (c *checker) outsideRoleIsCurrent(r *people.Role) bool {
	i := c.pass.Doc.SentenceAt(r.Start)
	if i < 0 || c.pastClauseBefore(r.Start) {
		return i < 0
	}
	sent := c.pass.Doc.Sentences()[i]
	text := c.pass.Doc.Text
	if r.Start < sent.Start || r.End > sent.End {
		return c.currentSentence(c.pass.Doc.Slice(sent))
	}
	return c.currentSentence(text[sent.Start:r.Start] + " " + text[r.End:sent.End])
}

// currentSentence reports whether a sentence has no past framing: no past
// marker, no year before the article's.
func (c *checker) currentSentence(s string) bool {
	// Punctuation does not hide a marker: "Pope Francis, his predecessor,".
	low := " " + markerPunct.Replace(strings.ToLower(s)) + " "
	for _, m := range c.lx.pastMarkers {
		if strings.Contains(low, " "+m+" ") || strings.Contains(low, " "+m+"-") {
			return false
		}
	}
	for _, y := range yearRe.FindAllString(s, -1) {
		if n, _ := strconv.Atoi(y); n < c.date.Year {
			return false
		}
	}
	return true
}

func (c *checker) sentenceAt(offset int) string {
	if i := c.pass.Doc.SentenceAt(offset); i >= 0 {
		return c.pass.Doc.Slice(c.pass.Doc.Sentences()[i])
	}
	return ""
}

// pastClauseBefore reports whether the role at offset opens a subordinate
// phrase about the past: "approved under President Joe Biden", "during
// Chancellor Olaf Scholz's visit", "signed by President Joe Biden". Such a
// phrase dates an act; it does not say who holds the office now.
func (c *checker) pastClauseBefore(offset int) bool {
	text := c.pass.Doc.Text
	if offset <= 0 || offset > len(text) {
		return false
	}
	words := strings.Fields(strings.ToLower(text[max(0, offset-40):offset]))
	if len(words) == 0 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ",;:(\"“")
	if c.lx.pastClause[last] {
		return true
	}
	if last == "by" && len(words) >= 2 {
		// A past participle before "by": "approved by", "signed by",
		// "appointed by", "chosen by".
		prev := words[len(words)-2]
		return strings.HasSuffix(prev, "ed") || c.lx.participles[prev]
	}
	return false
}
