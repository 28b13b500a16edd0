package templated

import (
	"sort"

	"github.com/copydesk/copydesk/internal/document"
)

// quoteIndex answers insideQuote for many offsets: the text's quotation
// marks are listed once, with running counts, instead of counting them
// again from the paragraph start for every stock phrase and repeated run.
type quoteIndex struct {
	doc *document.Document
	// starts[k] and ends[k] bound the text's k-th quotation mark; cum[k+1]
	// counts ", “ and ” among marks 0..k (cum[0] is zero).
	starts, ends []int
	cum          []markCounts
}

type markCounts struct{ straight, open, closed int32 }

func newQuoteIndex(doc *document.Document) *quoteIndex {
	q := &quoteIndex{doc: doc, cum: []markCounts{{}}}
	// Offsets asked about lie in the main text, and only marks ending
	// before the offset count.
	text := doc.Text[:doc.MainEnd()]
	var n markCounts
	marks := newByteFinder(text, '"', 0xE2) // 0xE2 starts “ and ”
	for i := 0; ; {
		if i = marks.next(i); i == len(text) {
			break
		}
		size := 0
		if text[i] == '"' {
			n.straight++
			size = 1
		} else if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C: // “
				n.open++
				size = 3
			case 0x9D: // ”
				n.closed++
				size = 3
			}
		}
		if size == 0 {
			i++ // another character starting with 0xE2 (’, –, …)
			continue
		}
		q.starts, q.ends, q.cum = append(q.starts, i), append(q.ends, i+size), append(q.cum, n)
		i += size
	}
	return q
}

// inside reports whether off lies inside a quotation: it counts the marks wholly inside
// Text[paragraph start:off], as the direct count in quotes_test.go does.
func (q *quoteIndex) inside(off int) bool {
	p := q.doc.ParagraphAt(off)
	if p < 0 {
		return false
	}
	from := sort.SearchInts(q.starts, q.doc.Paragraphs()[p].Start) // first mark in the paragraph
	to := sort.SearchInts(q.ends, off+1)                           // marks ending at or before off
	if to <= from {
		return false
	}
	a, b := q.cum[from], q.cum[to]
	return (b.straight-a.straight)%2 == 1 || b.open-a.open > b.closed-a.closed
}
