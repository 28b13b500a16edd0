package htmlreport

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/report"
)

// TestBrowserOverviewColumnsReachable: at common desktop widths every
// column of the overview is on screen, or its frame scrolls sideways to
// it; none is clipped out of reach (the Fabrication and Findings columns
// once were, at 1400 and 1920 px).
func TestBrowserOverviewColumnsReachable(t *testing.T) {
	results := seedResults(t)
	// What widens the table in real batches: an untitled article shown by
	// a long path with no break in it, and a long source name.
	results[1].Title = ""
	results[1].ID = "wire/2025/03/" + strings.Repeat("us-hamas-direct-talks-hostages-", 4) + "update.html"
	results[1].Source = "The Regional News Network International Edition"
	var buf strings.Builder
	rep := New(&buf)
	if err := rep.Start(report.RunInfo{Version: "test", Rules: ruleIndex(t)}); err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		if err := rep.Document(res); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.Finish(report.Summary{Articles: len(results)}); err != nil {
		t.Fatal(err)
	}
	file := writeReportFile(t, "seeds.html", []byte(buf.String()))
	for _, size := range [][2]int{{1400, 900}, {1920, 1080}, {1024, 768}} {
		t.Run(fmt.Sprintf("%dpx", size[0]), func(t *testing.T) {
			b := newBrowser(t, size[0], size[1])
			b.open(t, file)
			if rows := overviewRows(t, b); len(rows) != len(results) {
				t.Fatalf("overview has %d rows, want %d", len(rows), len(results))
			}
			b.screenshot(t, fmt.Sprintf("overview-%d", size[0]))
			clipped := eval[[]string](t, b, `(() => {
				const wrap = document.querySelector('.table-wrap');
				const box = wrap.getBoundingClientRect();
				const scrolls = ['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX);
				return Array.from(document.querySelectorAll('#cd-table thead th'))
					.filter(th => {
						const r = th.getBoundingClientRect();
						const visible = r.right <= box.right + 1;
						const reachable = scrolls && wrap.scrollWidth >= r.right - box.left + wrap.scrollLeft - 1;
						return !visible && !reachable;
					})
					.map(th => th.textContent.trim());
			})()`)
			if len(clipped) > 0 {
				t.Errorf("columns clipped out of reach at %dpx: %v", size[0], clipped)
			}
			if size[0] >= 1920 {
				// Wide enough that nothing needs scrolling.
				if over := eval[float64](t, b, `(() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth - w.clientWidth; })()`); over > 1 {
					t.Errorf("at %dpx the overview still needs %vpx of sideways scrolling", size[0], over)
				}
			}
			b.clean(t)
		})
	}
}
