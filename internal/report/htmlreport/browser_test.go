package htmlreport

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// These tests open generated reports in headless Chromium (Debian's
// chromium at /usr/bin/chromium, or $COPYDESK_CHROMIUM). Without a browser
// they skip, unless COPYDESK_REQUIRE_BROWSER=1 (CI), where they fail.
// Screenshots go to $COPYDESK_ARTIFACTS, or the system temp directory.

// browser is one headless Chromium tab and what the page did that a test
// must see: dialogs it opened and exceptions it threw.
type browser struct {
	ctx        context.Context
	mu         sync.Mutex
	dialogs    []string
	exceptions []string
}

func chromiumPath() string {
	if p := os.Getenv("COPYDESK_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("COPYDESK_REQUIRE_BROWSER") == "1" {
			t.Fatal("COPYDESK_REQUIRE_BROWSER=1 but no Chromium found at /usr/bin/chromium (apt-get install chromium, or set COPYDESK_CHROMIUM)")
		}
		t.Skip("skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set COPYDESK_CHROMIUM); set COPYDESK_REQUIRE_BROWSER=1 to fail instead")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// Without these Chromium keeps reaching for the network, which this
		// test neither has nor wants.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	b := &browser{}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			b.mu.Lock()
			b.dialogs = append(b.dialogs, string(ev.Type)+": "+ev.Message)
			b.mu.Unlock()
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ex := ev.ExceptionDetails.Exception; ex != nil {
				msg += " " + ex.Description
			}
			b.mu.Lock()
			b.exceptions = append(b.exceptions, msg)
			b.mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	// Every step of a test is bounded, so a wedged browser fails the test
	// instead of hanging the suite.
	tctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	b.ctx = tctx
	return b
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %.60q: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (b *browser) waitFor(t *testing.T, cond string) {
	t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(25*time.Millisecond))); err != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
		t.Fatalf("waiting for %s: %v (page exceptions: %q)", cond, err, b.exceptions)
	}
}

// open loads a report file and waits for its script to finish drawing.
func (b *browser) open(t *testing.T, file string) {
	t.Helper()
	b.do(t, chromedp.Navigate("file://"+file))
	b.waitFor(t, `document.documentElement.dataset.ready === 'true'`)
}

// clean fails the test if the page threw or opened a dialog.
func (b *browser) clean(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, d := range b.dialogs {
		t.Errorf("page opened a dialog (article content executed?): %s", d)
	}
	for _, e := range b.exceptions {
		t.Errorf("page threw: %s", e)
	}
}

func artifactsDir(t *testing.T) string {
	dir := os.Getenv("COPYDESK_ARTIFACTS")
	if dir == "" {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshot saves what the window shows as a PNG artifact and logs its
// path. (A full-page capture would paint sticky bars mid-page.)
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(artifactsDir(t), "htmlreport-"+name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// writeReportFile renders results into a report in a temporary directory.
func writeReportFile(t *testing.T, name string, page []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// overviewRows returns the article indexes of the overview's rows, in order.
func overviewRows(t *testing.T, b *browser) []int {
	return eval[[]int](t, b, `Array.from(document.querySelectorAll('#cd-table tbody tr[data-i]'), tr => Number(tr.dataset.i))`)
}

func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
