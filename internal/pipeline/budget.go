package pipeline

import (
	"fmt"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/ingest"
)

// DefaultArticleTimeout is the analysis time one article may take when
// Options.ArticleTimeout is 0. Real articles take milliseconds; 10 s is
// generous on a busy machine, and tight enough that one hostile article
// cannot hold up a batch.
const DefaultArticleTimeout = 10 * time.Second

// DefaultMaxArticleBytes is the longest article text analysed when
// Options.MaxArticleBytes is 0. Analysis holds about 70 bytes of working
// memory per byte of text (a 4 MiB article peaks near 300 MB), so this
// bounds one article's memory; real articles are under 200 KB, and a 4 MiB
// text is a book or a data dump.
const DefaultMaxArticleBytes = 4 << 20

func (o Options) maxArticleBytes() int {
	if o.MaxArticleBytes == 0 {
		return DefaultMaxArticleBytes
	}
	return o.MaxArticleBytes
}

func (o Options) articleTimeout() time.Duration {
	if o.ArticleTimeout == 0 {
		return DefaultArticleTimeout
	}
	return o.ArticleTimeout
}

// budget runs each article's analysis under the memory budget (a cap on
// its text, since memory grows with it) and the time budget. An analysis
// over budget cannot be stopped (analyzers do not poll), so it is
// abandoned: the article becomes an error result and its worker moves on.
// At most one abandoned analysis per worker runs at a time; a worker that
// would abandon another first waits for one to end, so hostile input can
// at most double the CPU the run uses.
type budget struct {
	maxBytes  int // longest text analysed; <0: no limit
	timeout   time.Duration
	abandoned chan struct{} // one token per abandoned analysis still running
}

func newBudget(opts Options, jobs int) *budget {
	return &budget{maxBytes: opts.maxArticleBytes(), timeout: opts.articleTimeout(), abandoned: make(chan struct{}, jobs)}
}

func (b *budget) analyse(a ingest.Article, opts Options) (*analysis.Result, *document.Document) {
	if a.Err == nil && a.Doc != nil && b.maxBytes > 0 && len(a.Doc.Text) > b.maxBytes {
		return errorResult(a, fmt.Sprintf("the article's text is %s, over the %s an article may have to be analysed (it would need about %d MB of memory)",
			mebibytes(len(a.Doc.Text)), mebibytes(b.maxBytes), 70*len(a.Doc.Text)>>20)), nil
	}
	if b.timeout < 0 || a.Err != nil || a.Doc == nil {
		return analyse(a, opts)
	}
	type out struct {
		res *analysis.Result
		doc *document.Document
	}
	// What the error result needs, read before the analysis may write to
	// the document.
	failure := errorResult(a, "")
	done := make(chan out, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- out{res: errorResult(a, fmt.Sprintf("internal error analysing this article: %v", r))}
			}
		}()
		res, doc := analyse(a, opts)
		done <- out{res, doc}
	}()
	timer := time.NewTimer(b.timeout)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.res, o.doc
	case <-timer.C:
	}
	b.abandoned <- struct{}{} // waits while every slot holds a runaway
	go func() {
		<-done
		<-b.abandoned
	}()
	failure.Error = fmt.Sprintf("%s: analysis exceeded %v; the article was not scored (the budget is %v per article)", a.ID, b.timeout, b.timeout)
	return failure, nil
}

// errorResult is an article that could not be analysed.
func errorResult(a ingest.Article, msg string) *analysis.Result {
	res := &analysis.Result{ID: a.ID, Path: a.Path, Error: fmt.Sprintf("%s: %s", a.ID, msg), Findings: []analysis.Finding{}, Entities: []analysis.Entity{}}
	if a.Doc != nil {
		res.Title = a.Doc.Title
		if a.Doc.Path != "" {
			res.Path = a.Doc.Path
		}
	}
	return res
}

func mebibytes(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
