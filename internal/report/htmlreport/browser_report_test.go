package htmlreport

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/copydesk/copydesk/internal/analysis"
)

// articleView is what an opened article shows, read from the page.
type articleView struct {
	Title       string   `json:"title"`
	Highlighted int      `json:"highlighted"` // distinct findings with a <mark>
	Paragraphs  []string `json:"paragraphs"`
	People      []string `json:"people"`
	StandOut    []string `json:"standOut"`
	Listed      int      `json:"listed"`
	ChromeList  int      `json:"chromeListed"`
	Images      int      `json:"images"`
}

const readArticleView = `(() => {
  const ids = new Set();
  document.querySelectorAll('#cd-text mark[data-f]').forEach(m => m.dataset.f.split(' ').forEach(x => ids.add(x)));
  return {
    title: document.querySelector('#cd-article-view .head h2').textContent,
    highlighted: ids.size,
    paragraphs: Array.from(document.querySelectorAll('#cd-text p[data-o]'), p => p.textContent),
    people: Array.from(document.querySelectorAll('#cd-people .person .name'), n => n.textContent),
    standOut: Array.from(document.querySelectorAll('#cd-people .person.stand-out'), n => n.dataset.status),
    listed: document.querySelectorAll('button.finding').length,
    chromeListed: document.querySelectorAll('#cd-chrome button.finding').length,
    images: document.images.length,
  };
})()`

// focusState is where keyboard focus and the tooltip are after a click.
type focusState struct {
	Tag     string  `json:"tag"`
	F       string  `json:"f"`
	Top     float64 `json:"top"`
	Bottom  float64 `json:"bottom"`
	Height  float64 `json:"vh"`
	Tip     bool    `json:"tip"`
	TipText string  `json:"tipText"`
}

const readFocus = `(() => {
  const a = document.activeElement, r = a.getBoundingClientRect(), tip = document.getElementById('cd-tip');
  return { tag: a.tagName, f: (a.dataset && a.dataset.f) || '', top: r.top, bottom: r.bottom, vh: innerHeight,
           tip: !tip.hidden, tipText: tip.textContent };
})()`

// openArticle opens article i from the overview, by keyboard or by mouse.
func openArticle(t *testing.T, b *browser, i int, byKeyboard bool) {
	t.Helper()
	row := chromedp.CSS(fmt.Sprintf(`#cd-table tbody tr[data-i="%d"]`, i))
	if byKeyboard {
		b.do(t, chromedp.Focus(row))
		b.waitFor(t, fmt.Sprintf(`document.activeElement && document.activeElement.dataset.i === "%d"`, i))
		b.do(t, chromedp.KeyEvent(kb.Enter))
	} else {
		b.do(t, chromedp.Click(row))
	}
	b.waitFor(t, fmt.Sprintf(`document.querySelector('#cd-article-view[data-i="%d"]') !== null`, i))
}

// checkArticle opens article i and checks it shows res: every finding with
// a span highlighted, every finding listed, every person in the panel with
// the flagged ones standing out, and the text exactly as written. Then it
// clicks a finding in the side list and checks its span is focused, in view
// and explained. It returns to the overview when done.
func checkArticle(t *testing.T, b *browser, res *analysis.Result, i int, byKeyboard bool, shot string) {
	t.Helper()
	openArticle(t, b, i, byKeyboard)
	v := eval[articleView](t, b, readArticleView)

	wantTitle := res.Title
	if wantTitle == "" {
		wantTitle = res.ID
	}
	if v.Title != wantTitle {
		t.Errorf("%s: title shows %q, want %q", res.ID, v.Title, wantTitle)
	}
	if want := spannedFindings(res); v.Highlighted != want {
		t.Errorf("%s: %d findings highlighted, want %d", res.ID, v.Highlighted, want)
	}
	if v.Listed != len(res.Findings) {
		t.Errorf("%s: %d findings listed, want %d", res.ID, v.Listed, len(res.Findings))
	}
	chrome, flagged := 0, 0
	for _, f := range res.Findings {
		if f.OutsideMain {
			chrome++
		}
	}
	var names []string
	for _, e := range res.Entities {
		names = append(names, e.Name)
		if e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable {
			flagged++
		}
	}
	if v.ChromeList != chrome {
		t.Errorf("%s: %d findings in the page-chrome block, want %d", res.ID, v.ChromeList, chrome)
	}
	slices.Sort(names)
	got := slices.Clone(v.People)
	slices.Sort(got)
	if !slices.Equal(got, names) {
		t.Errorf("%s: people panel lists %q, want %q", res.ID, got, names)
	}
	if len(v.StandOut) != flagged {
		t.Errorf("%s: %d people stand out, want %d (contradicted or unverifiable)", res.ID, len(v.StandOut), flagged)
	}
	if want := lines(strings.ToValidUTF8(res.Text, "\uFFFD")); !slices.Equal(v.Paragraphs, want) && !(len(want) == 0 && len(v.Paragraphs) == 0) {
		t.Errorf("%s: text not shown literally:\n got %q\nwant %q", res.ID, v.Paragraphs, want)
	}
	if v.Images != 0 {
		t.Errorf("%s: page has %d <img> elements; article markup was rendered", res.ID, v.Images)
	}

	// Click the last finding with a span: the one most likely off screen.
	last := -1
	for k, f := range res.Findings {
		if f.End > f.Start {
			last = k
		}
	}
	if last >= 0 {
		b.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.finding[data-f="%d"]`, last))))
		fs := eval[focusState](t, b, readFocus)
		if fs.Tag != "MARK" || !slices.Contains(strings.Fields(fs.F), fmt.Sprint(last)) {
			t.Errorf("%s: after clicking finding %d focus is on <%s data-f=%q>, want its highlight", res.ID, last, fs.Tag, fs.F)
		}
		if fs.Top < 0 || fs.Bottom > fs.Height {
			t.Errorf("%s: focused highlight at %.0f–%.0f is outside the %.0fpx viewport", res.ID, fs.Top, fs.Bottom, fs.Height)
		}
		if !fs.Tip || !strings.Contains(fs.TipText, res.Findings[last].Rule) || !strings.Contains(fs.TipText, res.Findings[last].Message) {
			t.Errorf("%s: focused highlight's tooltip shown=%v text %q lacks rule %s and its message", res.ID, fs.Tip, fs.TipText, res.Findings[last].Rule)
		}
	} else {
		t.Logf("%s: no finding with a span to click (detectors reported none)", res.ID)
	}
	if shot != "" {
		b.screenshot(t, shot)
	}
	back(t, b)
}

// back returns from an article to the overview.
func back(t *testing.T, b *browser) {
	t.Helper()
	b.do(t, chromedp.Click(chromedp.CSS(`#cd-back`)))
	b.waitFor(t, `document.getElementById('cd-overview-view') !== null && document.getElementById('cd-article-view') === null`)
}

// TestBrowserHandmadeReport drives the report of hand-made articles that
// carry findings and people of every kind, and a hostile article.
func TestBrowserHandmadeReport(t *testing.T) {
	b := newBrowser(t, 1280, 900)
	results := loadFixtures(t)
	file := writeReportFile(t, "handmade.html", writeReport(t, results))
	b.open(t, file)

	if rows := overviewRows(t, b); len(rows) != len(results) {
		t.Fatalf("overview has %d rows, want %d", len(rows), len(results))
	}
	b.screenshot(t, "handmade-overview")

	// Sorting: the default is score, highest first; a click reverses it.
	byScore := func(desc bool) []int {
		idx := []int{}
		for i := range results {
			idx = append(idx, i)
		}
		slices.SortStableFunc(idx, func(x, y int) int {
			if desc {
				return results[y].Score - results[x].Score
			}
			return results[x].Score - results[y].Score
		})
		return idx
	}
	if got, want := overviewRows(t, b), byScore(true); !slices.Equal(got, want) {
		t.Errorf("default order %v, want by score descending %v", got, want)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`th[data-key="score"] button`)))
	if got, want := overviewRows(t, b), byScore(false); !slices.Equal(got, want) {
		t.Errorf("after clicking Score: order %v, want ascending %v", got, want)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`th[data-key="fabrication"] button`)))
	rows := overviewRows(t, b)
	for k := 1; k < len(rows); k++ {
		if results[rows[k-1]].Dimensions.Fabrication < results[rows[k]].Dimensions.Fabrication {
			t.Errorf("after clicking Fabrication: rows %v not by fabrication score, highest first", rows)
			break
		}
	}

	// Filtering by verdict.
	b.do(t, chromedp.Click(chromedp.CSS(`#cd-filter-fail`)))
	fails := 0
	for _, r := range results {
		if r.Verdict == analysis.VerdictFail && !r.Failed() {
			fails++
		}
	}
	if rows := overviewRows(t, b); len(rows) != fails {
		t.Errorf("fail filter shows %d rows, want %d", len(rows), fails)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`#cd-filter-fail`)))
	if rows := overviewRows(t, b); len(rows) != len(results) {
		t.Errorf("clearing the filter shows %d rows, want %d", len(rows), len(results))
	}

	for i, res := range results {
		shot := ""
		if i == 0 {
			shot = "handmade-article"
		}
		checkArticle(t, b, res, i, i%2 == 0, shot)
	}

	// The hostile article's words show literally and nothing ran.
	hostile := len(results) - 1
	openArticle(t, b, hostile, false)
	text := eval[string](t, b, `document.getElementById('cd-article-view').textContent`)
	for _, lit := range []string{"<script>alert(1)</script>", "</script>", "<img src=x onerror=alert(2)>", "&amp; &lt;script&gt;", "<b onmouseover=alert(3)>Mallory</b>", "<script>alert('role')</script>"} {
		if !strings.Contains(text, lit) {
			t.Errorf("hostile article: %q not shown literally", lit)
		}
	}
	// Hover over every highlight: the tooltip carries messages with markup.
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('#cd-text mark').forEach(m => m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))`))
	if n := eval[int](t, b, `document.images.length + document.querySelectorAll('#app script, #cd-tip script, [onmouseover], [onerror]').length`); n != 0 {
		t.Errorf("hostile article: %d elements made from article markup", n)
	}
	if n := eval[int](t, b, `document.scripts.length`); n != 2+len(results)+1 {
		t.Errorf("page has %d scripts, want %d", n, 2+len(results)+1)
	}
	b.screenshot(t, "handmade-hostile")
	back(t, b)

	// Phone width and dark mode.
	b.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	b.waitFor(t, `innerWidth === 390`)
	b.screenshot(t, "handmade-phone-overview")
	openArticle(t, b, 0, false)
	if w := eval[float64](t, b, `document.documentElement.scrollWidth`); w > 390+1 {
		t.Errorf("article at phone width scrolls sideways: %vpx wide", w)
	}
	b.screenshot(t, "handmade-phone-article")
	back(t, b)
	b.do(t, chromedp.EmulateViewport(1280, 900))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	openArticle(t, b, 0, true)
	if bg := eval[string](t, b, `getComputedStyle(document.body).backgroundColor`); bg == "rgb(247, 245, 240)" {
		t.Errorf("dark mode: body keeps the light background %s", bg)
	}
	b.screenshot(t, "handmade-dark-article")
	b.clean(t)
}

// TestBrowserLargeBatch checks a 5,000-article report opens and responds
// within a generous bound. Timing figures come from the benchmark; this only
// guards against a report that stops being usable.
func TestBrowserLargeBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: writes and opens a 5,000-article report")
	}
	b := newBrowser(t, 1280, 900)
	batch := synthBatch(5000)
	file := writeReportFile(t, "large.html", writeReport(t, batch))

	start := time.Now()
	b.open(t, file)
	openArticle(t, b, eval[int](t, b, `Number(document.querySelector('#cd-table tbody tr').dataset.i)`), false)
	elapsed := time.Since(start)
	t.Logf("5,000-article report: overview drawn and first article open after %v", elapsed.Round(time.Millisecond))
	if elapsed > 10*time.Second {
		// On a busy machine (other work on two shared cores) a wall-clock
		// limit alone fails for the wrong reason: measure a 500-article
		// report in the same browser now, and fail only when the large one
		// is also out of proportion to it (linear growth is 10×; a
		// quadratic overview would be ~100×).
		small := writeReportFile(t, "small.html", writeReport(t, synthBatch(500)))
		start := time.Now()
		b.open(t, small)
		openArticle(t, b, eval[int](t, b, `Number(document.querySelector('#cd-table tbody tr').dataset.i)`), false)
		base := time.Since(start)
		t.Logf("busy machine? 500-article report usable after %v", base.Round(time.Millisecond))
		if elapsed > 30*base {
			t.Errorf("5,000-article report took %v to become usable, over 10s and %.0f× the 500-article report's %v", elapsed, float64(elapsed)/float64(base), base)
		}
		b.open(t, file)
		openArticle(t, b, eval[int](t, b, `Number(document.querySelector('#cd-table tbody tr').dataset.i)`), false)
	}
	back(t, b)
	if got := eval[string](t, b, `document.querySelector('.toolbar .count').textContent`); got != "5000 articles" {
		t.Errorf("count reads %q", got)
	}
	// Scrolling to the end of the drawn rows draws more.
	before := len(overviewRows(t, b))
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.more').scrollIntoView()`))
	b.waitFor(t, fmt.Sprintf(`document.querySelectorAll('#cd-table tbody tr').length > %d`, before))
	b.clean(t)
}
