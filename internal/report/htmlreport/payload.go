package htmlreport

import (
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
)

// The page's JavaScript reads these shapes. Keys are short because a batch of
// thousands of articles carries them thousands of times; offsets are in
// UTF-16 code units because that is how JavaScript strings index text.

// overviewRow is one line of the batch table: everything the table sorts and
// filters on, and nothing it does not (article text stays in the article's
// own data block until the article is opened).
type overviewRow struct {
	Title    string `json:"t"`
	ID       string `json:"id"`
	Lede     string `json:"l,omitempty"` // first words, shown when there is no title
	Source   string `json:"src,omitempty"`
	Date     string `json:"d,omitempty"`
	Score    int    `json:"s"`
	Verdict  string `json:"v"`
	Dims     [4]int `json:"dm"`
	Findings int    `json:"f"`
	Flagged  int    `json:"p,omitempty"` // people contradicted or unverifiable
	Error    string `json:"err,omitempty"`
}

// articlePayload is one article as the page renders it when opened.
type articlePayload struct {
	ID          string           `json:"id"`
	Title       string           `json:"t"`
	Source      string           `json:"src,omitempty"`
	Date        string           `json:"d,omitempty"`
	URL         string           `json:"url,omitempty"`
	Path        string           `json:"path,omitempty"`
	Score       int              `json:"s"`
	Verdict     string           `json:"v"`
	Dims        [4]int           `json:"dm"`
	Words       int              `json:"w"`
	Explanation string           `json:"x,omitempty"`
	Notes       []string         `json:"n,omitempty"`
	Error       string           `json:"err,omitempty"`
	Sources     analysis.Sources `json:"so"`
	Text        string           `json:"text"`
	Findings    []findingPayload `json:"fs"`
	People      []personPayload  `json:"ps"`
	// Quotes are the quotes the reference coverage checked (none when no
	// coverage of the story was found).
	Quotes []quotePayload `json:"qs,omitempty"`
}

// quotePayload is one quote with its provenance and the reference passage
// it was compared with, shown side by side in the quotes table.
type quotePayload struct {
	Text       string            `json:"q"`
	Start      int               `json:"s"`
	End        int               `json:"e"`
	Speaker    string            `json:"sp,omitempty"`
	Provenance string            `json:"pv"`
	Reference  *referencePayload `json:"ref,omitempty"`
}

// referencePayload is a reference article a quote or a person rests on.
type referencePayload struct {
	ID         string  `json:"id"`
	Source     string  `json:"src,omitempty"`
	Date       string  `json:"d,omitempty"`
	Trust      string  `json:"tr,omitempty"`
	Title      string  `json:"t,omitempty"`
	Similarity float64 `json:"sim"`
	Passage    string  `json:"p,omitempty"`
	Speaker    string  `json:"sp,omitempty"`
	Diff       string  `json:"diff,omitempty"`
}

func newReferencePayload(r *analysis.Reference) *referencePayload {
	if r == nil {
		return nil
	}
	return &referencePayload{ID: r.ID, Source: r.Source, Date: r.Date, Trust: r.Trust, Title: r.Title,
		Similarity: r.Similarity, Passage: r.Passage, Speaker: r.Speaker, Diff: r.Diff}
}

type findingPayload struct {
	Rule      string `json:"r"`
	Dimension string `json:"dim"`
	Severity  string `json:"sev"`
	Message   string `json:"m"`
	Evidence  string `json:"ev,omitempty"`
	Quote     string `json:"q,omitempty"`
	// Start and End are UTF-16 offsets into the text, or -1 when the finding
	// has no span the page can paint (whole-article findings, bad offsets).
	Start   int  `json:"s"`
	End     int  `json:"e"`
	Line    int  `json:"ln,omitempty"`
	Column  int  `json:"col,omitempty"`
	Outside bool `json:"out,omitempty"`
}

type personPayload struct {
	Name        string `json:"n"`
	Role        string `json:"r,omitempty"`
	Affiliation string `json:"a,omitempty"`
	Status      string `json:"st"`
	Evidence    string `json:"ev,omitempty"`
	Mentions    int    `json:"m,omitempty"`
	Quotes      int    `json:"q,omitempty"`
	Start       int    `json:"s"`
	End         int    `json:"e"`
	// Reference is the reference article that corroborates the person.
	Reference *referencePayload `json:"ref,omitempty"`
}

// ledeRunes is how much of the text stands in for a missing title.
const ledeRunes = 110

func newOverviewRow(res *analysis.Result) overviewRow {
	row := overviewRow{
		Title: res.Title, ID: res.ID, Source: res.Source, Date: res.Date,
		Score: res.Score, Verdict: verdictOf(res), Dims: dimsOf(res),
		Findings: len(res.Findings), Error: res.Error,
	}
	if row.Title == "" {
		row.Lede = lede(res.Text)
	}
	for _, e := range res.Entities {
		if e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable {
			row.Flagged++
		}
	}
	return row
}

func newArticlePayload(res *analysis.Result) articlePayload {
	units := newUTF16Index(res.Text)
	p := articlePayload{
		ID: res.ID, Title: res.Title, Source: res.Source, Date: res.Date, URL: res.URL,
		Path: res.Path, Score: res.Score, Verdict: verdictOf(res), Dims: dimsOf(res),
		Words: res.Words, Explanation: res.Explanation, Notes: res.Notes, Error: res.Error,
		Sources: res.Sources, Text: res.Text,
		Findings: make([]findingPayload, 0, len(res.Findings)),
		People:   make([]personPayload, 0, len(res.Entities)),
	}
	for _, f := range res.Findings {
		s, e := units.span(f.Start, f.End)
		p.Findings = append(p.Findings, findingPayload{
			Rule: f.Rule, Dimension: string(f.Dimension), Severity: f.Severity.String(),
			Message: f.Message, Evidence: f.Evidence, Quote: f.Text,
			Start: s, End: e, Line: f.Line, Column: f.Column, Outside: f.OutsideMain,
		})
	}
	for _, en := range res.Entities {
		s, e := units.span(en.Start, en.End)
		p.People = append(p.People, personPayload{
			Name: en.Name, Role: en.Role, Affiliation: en.Affiliation, Status: string(en.Status),
			Evidence: en.Evidence, Mentions: en.Mentions, Quotes: en.Quoted, Start: s, End: e,
			Reference: newReferencePayload(en.Reference),
		})
	}
	for _, q := range res.Quotes {
		if q.Provenance == "" || q.Provenance == analysis.Unchecked {
			continue
		}
		s, e := units.span(q.Start, q.End)
		p.Quotes = append(p.Quotes, quotePayload{Text: q.Text, Start: s, End: e, Speaker: q.Speaker,
			Provenance: string(q.Provenance), Reference: newReferencePayload(q.Reference)})
	}
	return p
}

// verdictOf names an unreadable article "error" so the table can filter it.
func verdictOf(res *analysis.Result) string {
	if res.Failed() {
		return "error"
	}
	if res.Verdict == "" {
		return "unscored"
	}
	return string(res.Verdict)
}

func dimsOf(res *analysis.Result) [4]int {
	var out [4]int
	for i, d := range analysis.Dimensions {
		out[i] = res.Dimensions.Get(d)
	}
	return out
}

// lede returns the text's first non-empty line, cut at a word boundary.
func lede(text string) string {
	text = strings.TrimLeft(text, " \t\r\n")
	n := 0
	cut := -1
	for i, r := range text {
		if r == '\n' {
			return strings.TrimRight(text[:i], " \t\r")
		}
		if n == ledeRunes {
			if cut <= 0 {
				cut = i
			}
			return text[:cut] + "…"
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	return text
}

// utf16Index maps byte offsets of a Go string to UTF-16 code-unit offsets of
// the same string in JavaScript. Invalid bytes count as one unit each, as
// encoding/json turns each into U+FFFD.
type utf16Index struct {
	text  string
	units []int32 // units[b] is the offset of the rune starting at or containing byte b
}

func newUTF16Index(text string) utf16Index {
	ix := utf16Index{text: text, units: make([]int32, len(text)+1)}
	u := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < w; k++ {
			ix.units[i+k] = int32(u)
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += w
	}
	ix.units[len(text)] = int32(u)
	return ix
}

// span converts a byte span to UTF-16, widening a span that cuts a rune to
// the whole rune. It returns -1, -1 for a span the page cannot paint.
func (ix utf16Index) span(start, end int) (int, int) {
	if start < 0 || end > len(ix.text) || end <= start {
		return -1, -1
	}
	s := int(ix.units[start])
	e := int(ix.units[end])
	if end < len(ix.text) && !utf8.RuneStart(ix.text[end]) {
		// end falls inside a rune: include the rest of it.
		j := end
		for j < len(ix.text) && !utf8.RuneStart(ix.text[j]) {
			j++
		}
		e = int(ix.units[j])
	}
	if e <= s {
		return -1, -1
	}
	return s, e
}
