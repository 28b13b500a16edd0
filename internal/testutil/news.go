package testutil

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/internal/evalset"
)

var (
	newsOnce sync.Once
	news     []evalset.Article
	newsErr  error
)

// News loads ../shared/eval/news.jsonl once per test binary, or skips the
// test when ../shared is absent (see RequireShared). It lives here, not in
// evalset, so the production binary never links the test kit.
func News(tb testing.TB) []evalset.Article {
	tb.Helper()
	dir := RequireShared(tb)
	newsOnce.Do(func() { news, newsErr = evalset.Load(filepath.Join(dir, "eval", "news.jsonl")) })
	if newsErr != nil {
		tb.Fatal(newsErr)
	}
	return news
}
