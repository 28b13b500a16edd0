package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestRSSFeedItems(t *testing.T) {
	as := readSpecs(t, Options{}, "testdata/feed.rss")
	if len(as) != 3 {
		t.Fatalf("got %d articles, want 3", len(as))
	}
	for i, a := range as {
		mustDoc(t, a)
		if want := "testdata/feed.rss#" + string(rune('1'+i)); a.ID != want {
			t.Errorf("ID %q, want %q", a.ID, want)
		}
		if a.Doc.Source != "Valley Gazette" {
			t.Errorf("%s: source %q", a.ID, a.Doc.Source)
		}
	}
	lib := as[0].Doc
	if lib.Title != "Library reopens after roof repairs" || lib.Byline != "Tomasz Wren" ||
		lib.URL != "https://valleygazette.example/2025/02/library-reopens" {
		t.Errorf("item 1: title %q byline %q url %q", lib.Title, lib.Byline, lib.URL)
	}
	if !lib.Date.Equal(time.Date(2025, 2, 11, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("item 1 date %v", lib.Date)
	}
	// content:encoded wins over description, rendered one block per line.
	wantText := "The town library on Mill Lane reopened on Monday after four months of repairs to its leaking slate roof.\n" +
		"Head librarian Ana Ferreira said the children's section had been moved upstairs while the work went on.\n" +
		"- Opening hours are unchanged.\n- Overdue fines from the closure are waived."
	if lib.Text != wantText {
		t.Errorf("item 1 text:\n%s\nwant:\n%s", lib.Text, wantText)
	}
	if lib.Extra["guid"] != "vg-2025-0211-library" {
		t.Errorf("guid %v", lib.Extra["guid"])
	}
	bridge := as[1].Doc
	if bridge.Title != "Bridge closed for inspection & resurfacing" || bridge.Byline != "Ruth Abara" {
		t.Errorf("item 2: title %q byline %q", bridge.Title, bridge.Byline)
	}
	if bridge.Text != "The old stone bridge at Fenby will close to traffic for three weeks from Monday.\nA diversion through Low Street will be signed." {
		t.Errorf("item 2 text %q", bridge.Text)
	}
	// An unparseable date leaves the date empty, with a note; the item is read.
	market := as[2]
	if market.Doc.HasDate() || len(market.Notes) == 0 || !strings.Contains(market.Notes[0], "sometime next week") {
		t.Errorf("item 3: date %v notes %v", market.Doc.Date, market.Notes)
	}
	if !strings.Contains(market.Doc.Text, "in March.\nStallholders") {
		t.Errorf("plain-text description lost its line break: %q", market.Doc.Text)
	}
}

func TestAtomFeedEntries(t *testing.T) {
	as := readSpecs(t, Options{}, "testdata/feed.atom")
	if len(as) != 2 {
		t.Fatalf("got %d articles, want 2", len(as))
	}
	geese := as[0]
	mustDoc(t, geese)
	d := geese.Doc
	if geese.ID != "testdata/feed.atom#1" || d.Source != "Northern Science Desk" || d.Byline != "Ingrid Solberg" ||
		d.URL != "https://science.example/2025/01/geese" {
		t.Errorf("entry 1: id %q source %q byline %q url %q", geese.ID, d.Source, d.Byline, d.URL)
	}
	if !d.Date.Equal(time.Date(2025, 1, 18, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("entry 1 date %v, want the published date", d.Date)
	}
	if !strings.Contains(d.Text, "in 1989.\nWhy numbers are rising\nMilder winters") {
		t.Errorf("entry 1 text %q", d.Text)
	}
	obs := as[1]
	mustDoc(t, obs)
	if !obs.Doc.Date.Equal(time.Date(2025, 1, 20, 18, 30, 2, 0, time.UTC)) {
		t.Errorf("entry 2 date %v, want the updated date", obs.Doc.Date)
	}
	if obs.Doc.Text != "The hilltop observatory will host school visits every Thursday from February." {
		t.Errorf("entry 2 text from summary: %q", obs.Doc.Text)
	}
}
