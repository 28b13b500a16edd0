package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestMarkdownFrontMatter(t *testing.T) {
	a := readOne(t, Options{}, "testdata/frontmatter.md")
	mustDoc(t, a)
	d := a.Doc
	if d.Title != "Ferry timetable cut as crew shortage bites" || d.Byline != "Lena Hart, Sam Idowu" ||
		d.Source != "Island Herald" || d.URL != "https://islandherald.example/ferry-cuts" {
		t.Errorf("title %q byline %q source %q url %q", d.Title, d.Byline, d.Source, d.URL)
	}
	if !d.Date.Equal(time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v", d.Date)
	}
	if strings.Contains(d.Text, "tags:") || strings.Contains(d.Text, "---") {
		t.Errorf("front matter left in the text: %q", d.Text[:80])
	}
	// Line 11 of the file is the blank line after the closing "---".
	if d.BaseLine != 11 {
		t.Errorf("BaseLine %d, want 11", d.BaseLine)
	}
	for word, want := range map[string][2]int{"Kessock": {12, 21}, "## What changes": {14, 1}, "Hal Brody": {18, 76}} {
		if l, c := positionOf(t, a, word); l != want[0] || c != want[1] {
			t.Errorf("%q at %d:%d, want %d:%d", word, l, c, want[0], want[1])
		}
	}
}

func TestMarkdownWithoutFrontMatter(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "note.md", "# Gull numbers fall on the cliffs\n\nCounts of kittiwakes at Marsden fell again this year.\n")
	a := readOne(t, Options{}, path)
	mustDoc(t, a)
	if a.Doc.Title != "Gull numbers fall on the cliffs" || a.Doc.BaseLine != 1 {
		t.Errorf("title %q BaseLine %d", a.Doc.Title, a.Doc.BaseLine)
	}
	if l, c := positionOf(t, a, "kittiwakes"); l != 3 || c != 11 {
		t.Errorf("kittiwakes at %d:%d, want 3:11", l, c)
	}
}

func TestMarkdownBadFrontMatterIsANote(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "bad.md", "---\ntitle: [unclosed\ndate: 2025-01-01\n---\nThe pier reopened on Sunday after storm repairs.\n")
	a := readOne(t, Options{}, path)
	mustDoc(t, a)
	if len(a.Notes) != 1 || !strings.Contains(a.Notes[0], "front matter") || !strings.Contains(a.Notes[0], "line 3") {
		t.Errorf("notes %v, want one naming the front matter and input line 3", a.Notes)
	}
	if a.Doc.BaseLine != 5 || !strings.HasPrefix(a.Doc.Text, "The pier") {
		t.Errorf("BaseLine %d text %q", a.Doc.BaseLine, a.Doc.Text)
	}
}

func TestMarkdownOnlyFrontMatterIsAnError(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "empty.md", "---\ntitle: Draft\n---\n\n")
	a := readOne(t, Options{}, path)
	if a.Err == nil || !strings.HasPrefix(a.Err.Error(), path+": ") {
		t.Errorf("err %v, want one naming %s", a.Err, path)
	}
}
