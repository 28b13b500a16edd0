package document

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// naivePosition is Position as the README defines it: the line is one
// more than the newlines before offset, the column one more than the code
// points between the line's start and offset.
func naivePosition(text string, offset, baseLine int) (int, int) {
	before := text[:offset]
	ls := strings.LastIndexByte(before, '\n') + 1
	return baseLine + strings.Count(before, "\n"), utf8.RuneCountInString(text[ls:offset]) + 1
}

// TestPositionOnLongLines checks positions on lines far longer than the
// rune marks' spacing, with multi-byte and invalid UTF-8, against the
// definition.
func TestPositionOnLongLines(t *testing.T) {
	unit := "Ça va, \u201cdit-il\u201d \xff\xfe 日本語 word "
	text := strings.Repeat(unit, 3000) + "\nshort line\n" + strings.Repeat("é", 20000) + "\n\n" + strings.Repeat(unit, 700)
	d := New("x", text)
	d.BaseLine = 7
	checked := 0
	for off := 0; off <= len(text); off += 37 {
		if off < len(text) && !utf8.RuneStart(text[off]) {
			continue // findings start on rune boundaries
		}
		line, col := d.Position(off)
		wl, wc := naivePosition(text, off, 7)
		if line != wl || col != wc {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, line, col, wl, wc)
		}
		checked++
	}
	if checked < 1000 {
		t.Fatalf("only %d offsets checked", checked)
	}
}
