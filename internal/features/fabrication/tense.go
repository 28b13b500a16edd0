package fabrication

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/internal/features/people"
)

var yearRe = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)

// presentsAsCurrent reports whether the sentence around offset names its
// office holder as holding office at the article's date: it has no past
// framing ("former", "then", "during", "at the time", a year before the
// article's) around the mention.
func (c *checker) presentsAsCurrent(offset int, p *people.Person) bool {
	s := c.sentenceAt(offset)
	if s == "" && len(p.Mentions) > 0 {
		s = c.sentenceAt(p.Mentions[0].Start)
	}
	low := " " + strings.ToLower(s) + " "
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
