package htmlreport

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/report"
)

// writeReport renders results with the registered "html" format.
func writeReport(tb testing.TB, results []*analysis.Result) []byte {
	tb.Helper()
	var buf bytes.Buffer
	rep := report.New("html", &buf)
	if rep == nil {
		tb.Fatal(`format "html" is not registered`)
	}
	if r, ok := rep.(*Reporter); ok {
		r.now = func() time.Time { return time.Date(2025, 3, 5, 12, 0, 0, 0, time.UTC) }
	}
	if err := rep.Start(report.RunInfo{Version: "test"}); err != nil {
		tb.Fatal(err)
	}
	sum := report.Summary{Articles: len(results)}
	for _, res := range results {
		if err := rep.Document(res); err != nil {
			tb.Fatal(err)
		}
	}
	if err := rep.Finish(sum); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

var scriptBlock = regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`)

func TestPageIsSelfContained(t *testing.T) {
	page := string(writeReport(t, loadFixtures(t)))
	for _, bad := range []string{"http://", "https://", "<link", "@import", "src=\""} {
		// Article data is JSON-escaped, so these can only come from the shell.
		shell := scriptBlock.ReplaceAllString(page, "")
		if strings.Contains(shell, bad) {
			t.Errorf("page shell references an external resource: %q", bad)
		}
	}
	if !strings.Contains(page, "Content-Security-Policy") || !strings.Contains(html.UnescapeString(page), "default-src 'none'") {
		t.Error("page has no content security policy forbidding network access")
	}
}

func TestHostileTextCannotEscapeDataBlocks(t *testing.T) {
	results := loadFixtures(t)
	page := string(writeReport(t, results))

	blocks := scriptBlock.FindAllStringSubmatch(page, -1)
	// meta, overview, one per article, and the app script: nothing else.
	if want := 2 + len(results) + 1; len(blocks) != want {
		t.Fatalf("page has %d <script> elements, want %d: article text opened or closed one", len(blocks), want)
	}
	executable := 0
	for _, b := range blocks {
		attrs, body := b[1], b[2]
		if !strings.Contains(attrs, `type="application/json"`) {
			executable++
			continue
		}
		if strings.ContainsAny(body, "<>") {
			t.Errorf("data block%s holds a raw < or >", attrs)
		}
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Errorf("data block%s is not valid JSON: %v", attrs, err)
		}
	}
	if executable != 1 {
		t.Errorf("page has %d executable scripts, want 1 (the report's own)", executable)
	}
	for _, raw := range []string{"<script>alert", "<img src=x", "<b onmouseover", "</script><script>"} {
		if strings.Contains(page, raw) {
			t.Errorf("page contains raw %q outside escaped JSON", raw)
		}
	}
	// The <title> is HTML-escaped by the template, not copied from an article.
	if strings.Contains(page, "<title></script>") {
		t.Error("article title leaked into <title>")
	}
}

func TestArticleDataRoundTrips(t *testing.T) {
	results := loadFixtures(t)
	page := string(writeReport(t, results))
	for i, res := range results {
		payload := articleBlock(t, page, i)
		if payload.Text != res.Text || payload.Title != res.Title || payload.ID != res.ID {
			t.Errorf("article %d: text, title or id changed on the way into the page", i)
		}
		if len(payload.Findings) != len(res.Findings) || len(payload.People) != len(res.Entities) {
			t.Fatalf("article %d: %d findings and %d people in page, want %d and %d",
				i, len(payload.Findings), len(payload.People), len(res.Findings), len(res.Entities))
		}
		// The UTF-16 span must cover exactly the finding's text.
		units := utf16.Encode([]rune(payload.Text))
		for k, f := range payload.Findings {
			want := res.Findings[k]
			if want.End <= want.Start {
				if f.Start != -1 || f.End != -1 {
					t.Errorf("article %d finding %s: whole-article finding got span %d-%d", i, f.Rule, f.Start, f.End)
				}
				continue
			}
			got := string(utf16.Decode(units[f.Start:f.End]))
			if got != want.Text {
				t.Errorf("article %d finding %s: page span reads %q, want %q", i, f.Rule, got, want.Text)
			}
		}
	}
}

func articleBlock(tb testing.TB, page string, i int) articlePayload {
	tb.Helper()
	re := regexp.MustCompile(`(?s)<script type="application/json" id="cd-a-` + itoa(i) + `">(.*?)</script>`)
	m := re.FindStringSubmatch(page)
	if m == nil {
		tb.Fatalf("no data block for article %d", i)
	}
	var p articlePayload
	if err := json.Unmarshal([]byte(m[1]), &p); err != nil {
		tb.Fatal(err)
	}
	return p
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestUTF16Spans(t *testing.T) {
	text := "a€b😀c\xffd"
	ix := newUTF16Index(text)
	cases := []struct {
		start, end int
		want       string
	}{
		{0, 1, "a"},
		{1, 4, "€"},
		{4, 5, "b"},
		{5, 9, "😀"},
		{2, 4, "€"},        // starts inside a rune: widened to the rune
		{5, 7, "😀"},        // ends inside a rune: widened to the rune
		{9, 11, "c\ufffd"}, // invalid byte counts as one U+FFFD
		{11, 12, "d"},
	}
	units := utf16.Encode([]rune(strings.ToValidUTF8(text, "\ufffd")))
	for _, c := range cases {
		s, e := ix.span(c.start, c.end)
		if s < 0 {
			t.Errorf("span(%d,%d) rejected", c.start, c.end)
			continue
		}
		if got := string(utf16.Decode(units[s:e])); got != c.want {
			t.Errorf("span(%d,%d) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
	for _, bad := range [][2]int{{-1, 2}, {3, 3}, {4, 2}, {0, 99}} {
		if s, e := ix.span(bad[0], bad[1]); s != -1 || e != -1 {
			t.Errorf("span(%d,%d) = %d,%d, want -1,-1", bad[0], bad[1], s, e)
		}
	}
}

func TestLedeStandsInForMissingTitle(t *testing.T) {
	res := &analysis.Result{ID: "x", Text: "\nFirst line of the piece.\nSecond line."}
	if got := newOverviewRow(res).Lede; got != "First line of the piece." {
		t.Errorf("lede = %q", got)
	}
	long := &analysis.Result{ID: "y", Text: strings.Repeat("word ", 60)}
	got := newOverviewRow(long).Lede
	if !strings.HasSuffix(got, "…") || len([]rune(got)) > ledeRunes+1 || strings.HasSuffix(got, " …") {
		t.Errorf("long lede not cut at a word: %q", got)
	}
}

func TestEmptyBatch(t *testing.T) {
	page := string(writeReport(t, nil))
	if !strings.Contains(page, `<script type="application/json" id="cd-overview">[]</script>`) {
		t.Error("empty batch should embed an empty overview")
	}
}

// TestScriptNeverParsesMarkup guards the rule the page's escaping rests on:
// the script builds the DOM from text, never from HTML strings.
func TestScriptNeverParsesMarkup(t *testing.T) {
	for _, banned := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "createContextualFragment", "DOMParser"} {
		if strings.Contains(assets.js, banned) {
			t.Errorf("report.js uses %s; render article data with textContent and DOM APIs", banned)
		}
	}
}
