// Package document holds an article as the analyzers see it: one UTF-8 text
// with byte offsets, its metadata, and lazily computed segmentation
// (lines, paragraphs, sentences, words) that every analyzer shares.
//
// The shared work per article is done here once: the text lower-cased
// (Lower) and the token view (Tokens: each word's lower-case form and one
// 64-bit hash), so an analyzer reads a word's folded form and hash rather
// than lower-casing and hashing the words again.
package document

import (
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// RegionKind says where a stretch of the text came from.
type RegionKind string

const (
	// RegionChrome marks page chrome that an HTML extractor dropped from the
	// main text (comment forms, share bars, related-post lists). It is kept so
	// boilerplate rules can report it; other analyzers skip it.
	RegionChrome RegionKind = "chrome"
)

// Region is a byte range of Text with a kind.
type Region struct {
	Start, End int
	Kind       RegionKind
}

// Document is one article. Text is immutable once built; every offset an
// analyzer reports is a byte offset into Text.
type Document struct {
	ID     string
	Title  string
	Date   time.Time // zero when the article carries no date
	Source string    // publisher or feed, used to tell sources apart across a batch
	URL    string
	Byline string
	Path   string // input file the article came from, for reports
	Text   string

	// Regions lists the parts of Text outside the main article body.
	Regions []Region

	// BaseLine is the 1-based input line on which Text starts (after front
	// matter, or the JSONL line), so positions map back to the input file.
	BaseLine int
	// BaseColumn is the 1-based input column of Text's first byte; it applies
	// to Text's first line only.
	BaseColumn int

	// Anchors, when set, map Text back to an input file it is not a
	// verbatim copy of (JSON Lines with escapes, HTML, feeds); BaseLine and
	// BaseColumn are then unused. See Anchor.
	Anchors []Anchor

	// Extra carries input fields copydesk does not interpret (JSONL) through
	// to the output unchanged.
	Extra map[string]any

	once       sync.Once
	lineStarts []int
	linesOnce  sync.Once
	lines      []Span // Lines, made on first use
	markOnce   sync.Once
	runeMarks  []runeMark
	segOnce    sync.Once
	paragraphs []Span
	sentences  []Span
	wordOnce   sync.Once
	words      []Span

	furnitureOnce sync.Once
	furniture     []Span
	proseOnce     sync.Once
	trailerOnce   sync.Once
	trailer       int    // TrailerStart, made on first use
	prose         string // Prose, made on first use

	lowerOnce sync.Once
	lower     string // Lower, made on first use
	lowerOK   bool
	tokOnce   sync.Once
	tokens    *Tokens // Tokens, made on first use
}

// New returns a document for text; metadata fields may be set afterwards
// but Text must not change.
func New(id, text string) *Document {
	return &Document{ID: id, Text: text, BaseLine: 1, BaseColumn: 1}
}

// HasDate reports whether the article has a publication date.
func (d *Document) HasDate() bool { return !d.Date.IsZero() }

// Span is a half-open byte range [Start, End) of a document's Text.
type Span struct {
	Start, End int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Slice returns the text the span covers.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// InMain reports whether offset lies in the main article text rather than
// page chrome the extractor set aside or a news-site furniture line
// (timestamps, bylines, captions: see Furniture).
func (d *Document) InMain(offset int) bool {
	for _, r := range d.Regions {
		if offset >= r.Start && offset < r.End && r.Kind == RegionChrome {
			return false
		}
	}
	return !d.InFurniture(offset)
}

// MainEnd is the offset where the main text ends (chrome, if any, follows).
func (d *Document) MainEnd() int {
	end := len(d.Text)
	for _, r := range d.Regions {
		if r.Kind == RegionChrome && r.Start < end {
			end = r.Start
		}
	}
	return end
}

// Anchor ties a byte offset of Text to the input file: the text from
// Offset on is the input's text from Line and Column on, verbatim, until
// the next anchor. A newline of Text after an anchor starts the next input
// line at column 1. Anchors are sorted by Offset; the first is at 0.
type Anchor struct {
	Offset, Line, Column int32
}

// Position maps a byte offset of Text to a 1-based line and column of the
// input. Columns count Unicode code points.
func (d *Document) Position(offset int) (line, column int) {
	d.once.Do(d.indexLines)
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.Text) {
		offset = len(d.Text)
	}
	if len(d.Anchors) > 0 {
		return d.anchoredPosition(offset)
	}
	i := sort.SearchInts(d.lineStarts, offset+1) - 1
	if i < 0 {
		i = 0
	}
	col := d.runesBetween(d.lineStarts[i], offset) + 1
	base := d.BaseLine
	if base < 1 {
		base = 1
	}
	if i == 0 && d.BaseColumn > 1 {
		col += d.BaseColumn - 1
	}
	return base + i, col
}

// anchoredPosition maps offset through the last anchor at or before it.
func (d *Document) anchoredPosition(offset int) (line, column int) {
	k := sort.Search(len(d.Anchors), func(k int) bool { return int(d.Anchors[k].Offset) > offset }) - 1
	if k < 0 {
		k = 0
	}
	a := d.Anchors[k]
	from := min(int(a.Offset), offset)
	// The line starts after the anchor and up to offset.
	first := sort.SearchInts(d.lineStarts, from+1)
	last := sort.SearchInts(d.lineStarts, offset+1) - 1
	if last < first {
		return int(a.Line), int(a.Column) + d.runesBetween(from, offset)
	}
	return int(a.Line) + last - first + 1, d.runesBetween(d.lineStarts[last], offset) + 1
}

// runeMarkEvery is the spacing of the rune-count marks that let a column
// on a very long line be counted without walking the line from its start.
const runeMarkEvery = 4096

// runeMark is a rune boundary of Text and the number of runes before it.
type runeMark struct{ offset, runes int }

// runesBetween counts the runes of Text[from:to] (from a line start, so
// on a rune boundary) as utf8.RuneCountInString does, in time bounded by
// runeMarkEvery however long the line: one huge paragraph with thousands
// of findings stays linear.
func (d *Document) runesBetween(from, to int) int {
	if to-from <= 2*runeMarkEvery {
		return utf8.RuneCountInString(d.Text[from:to])
	}
	d.markOnce.Do(d.markRunes)
	// The marks at or before from and to; both offsets' counts are exact
	// because decoding from a mark stays in step with decoding from 0.
	a := d.runesBefore(from)
	b := d.runesBefore(to)
	return b - a
}

// runesBefore is the number of runes in Text[:off], for off on a rune
// boundary (or at the end of a truncated one, counted as utf8 does).
func (d *Document) runesBefore(off int) int {
	i := sort.Search(len(d.runeMarks), func(i int) bool { return d.runeMarks[i].offset > off }) - 1
	m := d.runeMarks[i]
	return m.runes + utf8.RuneCountInString(d.Text[m.offset:off])
}

func (d *Document) markRunes() {
	marks := make([]runeMark, 1, len(d.Text)/runeMarkEvery+1)
	next, runes := runeMarkEvery, 0
	for i := range d.Text {
		if i >= next {
			marks = append(marks, runeMark{i, runes})
			next = i + runeMarkEvery
		}
		runes++
	}
	d.runeMarks = marks
}

func (d *Document) indexLines() {
	starts := make([]int, 1, strings.Count(d.Text, "\n")+1)
	for i := 0; ; {
		k := strings.IndexByte(d.Text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		starts = append(starts, i)
	}
	d.lineStarts = starts
}

// Lines returns every line of Text without its line terminator. The slice
// is the document's own, made once: callers read it and do not change it.
func (d *Document) Lines() []Span {
	d.linesOnce.Do(func() { d.lines = d.lineSpans() })
	return d.lines
}

func (d *Document) lineSpans() []Span {
	d.once.Do(d.indexLines)
	out := make([]Span, 0, len(d.lineStarts))
	for i, s := range d.lineStarts {
		e := len(d.Text)
		if i+1 < len(d.lineStarts) {
			e = d.lineStarts[i+1] - 1
		}
		if e > s && d.Text[e-1] == '\r' {
			e--
		}
		out = append(out, Span{s, e})
	}
	return out
}
