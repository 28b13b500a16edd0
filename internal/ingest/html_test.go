package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/document"
)

func TestHTMLNewsPageSeparatesChrome(t *testing.T) {
	a := readOne(t, Options{}, "testdata/news.html")
	mustDoc(t, a)
	d := a.Doc
	main := strings.TrimRight(d.Text[:d.MainEnd()], "\n")

	for _, want := range []string{"Councillors in Westhaven voted", "said councillor Priya Raman", "hoped the barrier would change that."} {
		if !strings.Contains(main, want) {
			t.Errorf("main text lacks %q", want)
		}
	}
	chrome := []string{"Leave a Reply", "Post Comment", "Share on Facebook", "Related posts",
		"Fishermen fear for harbour access", "accept our cookie policy", "All rights reserved", "Opinion"}
	for _, c := range chrome {
		if strings.Contains(main, c) {
			t.Errorf("main text contains chrome %q", c)
		}
		i := strings.Index(d.Text, c)
		if i < 0 {
			t.Errorf("chrome %q dropped; boilerplate rules cannot see it", c)
			continue
		}
		if d.InMain(i) {
			t.Errorf("chrome %q is not inside a chrome region", c)
		}
	}
	for _, r := range d.Regions {
		if r.Kind != document.RegionChrome {
			t.Errorf("region kind %q, want chrome", r.Kind)
		}
		if r.Start < 2 || d.Text[r.Start-2:r.Start] != "\n\n" {
			t.Errorf("chrome block %q does not follow a blank line", d.Text[r.Start:r.End])
		}
	}
	// The comment section is one block, not a region per form field.
	if !regionHolds(d, "Leave a Reply", "Post Comment") {
		t.Errorf("comment form split across regions: %v", regionTexts(d))
	}

	// One paragraph per line, not a flattened blob.
	if got := strings.Count(main, "\n"); got != 5 {
		t.Errorf("main text has %d line breaks, want 5 (six paragraphs):\n%s", got, main)
	}
	if d.Title != "Harbour council approves flood barrier after decade of delays" {
		t.Errorf("title %q", d.Title)
	}
	if d.Byline != "Marta Okonkwo" {
		t.Errorf("byline %q", d.Byline)
	}
	want := time.Date(2024, 6, 11, 6, 45, 0, 0, time.UTC)
	if !d.Date.Equal(want) {
		t.Errorf("date %v, want %v", d.Date, want)
	}
	if d.Source != "The Coastline Courier" {
		t.Errorf("source %q", d.Source)
	}
	if d.URL != "https://www.coastlinecourier.example/news/2024/06/harbour-flood-barrier" {
		t.Errorf("url %q", d.URL)
	}
	if strings.Contains(d.Text, "font-family") || strings.Contains(d.Text, "@context") {
		t.Error("style or script text leaked into the text")
	}
}

func TestHTMLMetadataFromJSONLD(t *testing.T) {
	a := readOne(t, Options{}, "testdata/blog-jsonld.html")
	mustDoc(t, a)
	d := a.Doc
	if d.Title != "Allotment waiting list passes 300" || d.Byline != "Owen Pryce" || d.Source != "Greenway Notes" {
		t.Errorf("title %q byline %q source %q", d.Title, d.Byline, d.Source)
	}
	if d.Date.Format("2006-01-02") != "2024-09-02" {
		t.Errorf("date %v, want 2024-09-02 from JSON-LD", d.Date)
	}
	main := d.Text[:d.MainEnd()]
	// <br> splits a paragraph onto two lines.
	if !strings.Contains(main, "September meeting.\nSome applicants") {
		t.Errorf("<br> did not break the line:\n%s", main)
	}
	if strings.Contains(main, "Share this") || strings.Contains(main, "far too long") {
		t.Errorf("share bar or comments in main text:\n%s", main)
	}
	if !regionHolds(d, "Share this:", "Facebook") || !regionHolds(d, "thoughts on", "far too long") {
		t.Errorf("chrome regions: %v", regionTexts(d))
	}
}

func TestHTMLSourceFallsBackToHost(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><link rel="canonical" href="https://www.example.org/a/b"></head><body><article>` +
		strings.Repeat("<p>The ferry left the harbour at noon with forty passengers aboard and returned after dark.</p>", 6) +
		`</article></body></html>`
	path := writeFile(t, dir, "page.html", page)
	a := readOne(t, Options{}, path)
	mustDoc(t, a)
	if a.Doc.Source != "example.org" {
		t.Errorf("source %q, want the URL host", a.Doc.Source)
	}
	if a.Doc.HasDate() {
		t.Errorf("date %v from a page with none", a.Doc.Date)
	}
}

func TestHTMLLegacyCharsetIsDecoded(t *testing.T) {
	dir := t.TempDir()
	// "café" in ISO-8859-1: é is the single byte 0xE9.
	page := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le caf\xe9 du port rouvre ses portes apr\xe8s les travaux.</p></body></html>"
	a := readOne(t, Options{}, writeFile(t, dir, "latin1.html", page))
	mustDoc(t, a)
	if !strings.Contains(a.Doc.Text, "café du port") {
		t.Errorf("text %q", a.Doc.Text)
	}
}

func regionHolds(d *document.Document, first, last string) bool {
	for _, r := range d.Regions {
		s := d.Text[r.Start:r.End]
		if strings.Contains(s, first) && strings.Contains(s, last) {
			return true
		}
	}
	return false
}

func regionTexts(d *document.Document) []string {
	var out []string
	for _, r := range d.Regions {
		out = append(out, d.Text[r.Start:r.End])
	}
	return out
}
