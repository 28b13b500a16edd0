package attribution

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// QuoteKind says how a quotation was set in the text.
type QuoteKind string

const (
	InlineQuote QuoteKind = "inline" // between double quotation marks
	BlockQuote  QuoteKind = "block"  // a line starting with ">"
	QALine      QuoteKind = "qa"     // a transcript line "NAME: words"
)

// quoteSpan is a quotation's stretch of text, marks included.
type quoteSpan struct {
	Start, End int // whole quotation, marks included
	// Inner is the quoted words without marks; for a quotation interrupted
	// by its attribution it runs across the interruption.
	InnerStart, InnerEnd int
	// Gap is the attribution between two halves of an interrupted quotation
	// ("The pair," she said, "will …"), empty when none.
	GapStart, GapEnd int
	Kind             QuoteKind
	Label            string // transcript speaker label for QALine
	// Continues is set when the quotation carries on from the previous
	// paragraph (an unclosed quotation followed by an opening mark).
	Continues bool
	// Cut is set when the text stops inside the quotation, mid-sentence:
	// an excerpt or a scraped page cut short, whose speaker may have been
	// named in the words that were cut.
	Cut bool
}

func (q quoteSpan) inner(text string) string { return text[q.InnerStart:q.InnerEnd] }

// unclosedQuote is the inline quotation opened at open and never closed
// before offset at: it ends at the last non-space byte before at.
func unclosedQuote(text string, open, at int, cont bool) quoteSpan {
	end := trimRightSpace(text, open, at)
	return quoteSpan{Start: open, End: end, InnerStart: open + markLen(text, open), InnerEnd: end, Kind: InlineQuote, Continues: cont}
}

// cutMidSentence reports whether a quotation left open at the end of the
// text stops without a sentence's closing punctuation: the text was cut
// there, not the quotation mark forgotten.
func cutMidSentence(inner string) bool {
	t := strings.TrimRight(inner, " \t\r\n")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?…", r)
}

// findQuotes extracts quotations from the main text: straight and curly
// double quotes (single quotes inside them are nested quotes and stay part
// of the quotation), quotations spanning sentences and paragraphs, block
// quotes and transcript lines.
func findQuotes(doc *document.Document) []quoteSpan {
	text := doc.Text[:doc.MainEnd()]
	var out []quoteSpan
	open := -1
	cont := false
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '\n' && c != '"' {
			i++ // the common case: no mark, no line break
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if open >= 0 {
				// An unclosed quotation runs to the end of the paragraph; it
				// continues if the next paragraph opens with a quotation mark.
				out = append(out, unclosedQuote(text, open, i, cont))
				open = -1
				j := skipSpace(text, i)
				cont = j < len(text) && (strings.HasPrefix(text[j:], "“") || text[j] == '"')
			} else {
				cont = false
			}
		case r == '“' || r == '"' && straightOpens(text, i):
			if open >= 0 {
				// An opening mark inside an open quotation: the writer left
				// the previous one unclosed ("…potential. "It is…").
				out = append(out, unclosedQuote(text, open, i, cont))
				cont = false
			}
			open = i
		case (r == '”' || r == '"') && open >= 0:
			out = append(out, quoteSpan{Start: open, End: i + n, InnerStart: open + markLen(text, open), InnerEnd: i, Kind: InlineQuote, Continues: cont})
			open = -1
			cont = false
		}
		i += n
	}
	if open >= 0 {
		q := unclosedQuote(text, open, len(text), cont)
		q.Cut = cutMidSentence(text[q.InnerStart:q.InnerEnd])
		out = append(out, q)
	}
	out = mergeContinued(out)
	out = mergeInterrupted(text, out)
	out = append(out, lineQuotes(doc)...)
	sortQuotes(out)
	return out
}

// straightOpens decides whether the straight quotation mark at i opens a
// quotation: it opens when it follows a space, a line start or an opening
// bracket or dash and is followed by a word.
func straightOpens(text string, i int) bool {
	if i+1 >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	if unicode.IsSpace(next) {
		return false
	}
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:", prev)
}

func markLen(text string, i int) int {
	_, n := utf8.DecodeRuneInString(text[i:])
	return n
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func trimRightSpace(text string, s, e int) int {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return e
}

// mergeContinued joins the paragraphs of a multi-paragraph quotation.
func mergeContinued(qs []quoteSpan) []quoteSpan {
	out := qs[:0] // in place: out never overtakes the span being read
	for _, q := range qs {
		if q.Continues && len(out) > 0 {
			last := &out[len(out)-1]
			last.End, last.InnerEnd, last.Cut = q.End, q.InnerEnd, q.Cut
			continue
		}
		out = append(out, q)
	}
	return out
}

// mergeInterrupted joins "The pair," she said, "will …" into one quotation
// whose Gap holds the attribution.
func mergeInterrupted(text string, qs []quoteSpan) []quoteSpan {
	out := qs[:0] // in place: out never overtakes the span being read
	for _, q := range qs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			inner := strings.TrimSpace(last.inner(text))
			gap := text[last.End:q.Start]
			if last.GapEnd == 0 && strings.HasSuffix(inner, ",") && len(gap) < 80 && !strings.Contains(gap, "\n") &&
				strings.HasSuffix(strings.TrimSpace(gap), ",") && hasReportingVerb(gap) {
				last.GapStart, last.GapEnd = last.End, q.Start
				last.End, last.InnerEnd, last.Cut = q.End, q.InnerEnd, q.Cut
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

func hasReportingVerb(s string) bool {
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if lex.verb(f) != 0 {
			return true
		}
	}
	return false
}

// lineQuotes finds block quotes ("> words") and transcript lines
// ("LEAVITT: words", "Q: …"/"A: …").
func lineQuotes(doc *document.Document) []quoteSpan {
	var out []quoteSpan
	end := doc.MainEnd()
	for _, l := range doc.Lines() {
		if l.Start >= end {
			break
		}
		line := doc.Text[l.Start:l.End]
		trimmed := strings.TrimLeft(line, " \t")
		off := l.Start + len(line) - len(trimmed)
		if strings.HasPrefix(trimmed, ">") {
			body := strings.TrimLeft(trimmed[1:], " ")
			s := off + len(trimmed) - len(body)
			if strings.TrimSpace(body) != "" {
				out = append(out, quoteSpan{Start: off, End: l.End, InnerStart: s, InnerEnd: l.End, Kind: BlockQuote})
			}
			continue
		}
		label, rest, ok := strings.Cut(trimmed, ": ")
		if !ok || strings.ContainsAny(trimmed[:1], "\"“") || !transcriptLabel(label) || strings.TrimSpace(rest) == "" {
			continue
		}
		s := off + len(label) + 2
		out = append(out, quoteSpan{Start: off, End: l.End, InnerStart: s, InnerEnd: l.End, Kind: QALine, Label: label})
	}
	return out
}

// transcriptLabel accepts "Q", "A", "LEAVITT", "Karoline Leavitt", "Mr Smith":
// one to three capitalised words and nothing else.
func transcriptLabel(s string) bool {
	if fieldsOver(s, 3) {
		return false // most lines with a colon: prose, not a label (spares splitting it)
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '\'' && c != '’' && c != '-' {
				return false
			}
		}
	}
	return true
}

func sortQuotes(qs []quoteSpan) {
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
}

// speechLike decides whether a quotation is speech that needs a speaker, as
// opposed to a scare quote or a quoted title ("last warning", "square
// one"): six words or more, or four or more forming a sentence (capital
// first letter, closing punctuation inside the marks).
func speechLike(inner string) bool {
	inner = strings.TrimSpace(inner)
	if fieldsOver(inner, 7) {
		return true // eight words or more: speech whatever its case (spares splitting it)
	}
	fields := strings.Fields(inner)
	n := len(fields)
	if n < 8 && titleCase(fields) {
		return false // "How Soon is Now?", "Action Plan for the Development of Italy"
	}
	if n >= 6 {
		return true
	}
	if n < 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(inner)
	last, _ := utf8.DecodeLastRuneInString(inner)
	return unicode.IsUpper(r) && strings.ContainsRune(".!?,…", last)
}

// titleCase reports whether every word of four letters or more is
// capitalised, as in the title of a work or a plan.
func titleCase(fields []string) bool {
	long := 0
	for _, f := range fields {
		if len([]rune(f)) < 4 {
			continue
		}
		long++
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return long > 0
}

// fieldsOver reports whether len(strings.Fields(s)) > max, counting no
// further than it must and building nothing.
func fieldsOver(s string, max int) bool { return document.CountFields(s, max+1) > max }
