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

func (o Options) articleTimeout() time.Duration {
	if o.ArticleTimeout == 0 {
		return DefaultArticleTimeout
	}
	return o.ArticleTimeout
}

// budget runs each article's analysis under the time budget. An analysis
// over budget cannot be stopped (analyzers do not poll), so it is
// abandoned: the article becomes an error result and its worker moves on.
// At most one abandoned analysis per worker runs at a time; a worker that
// would abandon another first waits for one to end, so hostile input can
// at most double the CPU the run uses.
type budget struct {
	timeout   time.Duration
	abandoned chan struct{} // one token per abandoned analysis still running
}

func newBudget(opts Options, jobs int) *budget {
	return &budget{timeout: opts.articleTimeout(), abandoned: make(chan struct{}, jobs)}
}

func (b *budget) analyse(a ingest.Article, opts Options) (*analysis.Result, *document.Document) {
	if b.timeout < 0 || a.Err != nil || a.Doc == nil {
		return analyse(a, opts)
	}
	type out struct {
		res *analysis.Result
		doc *document.Document
	}
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
	return errorResult(a, fmt.Sprintf("analysis exceeded %v; the article was not scored (the budget is %v per article)", b.timeout, b.timeout)), nil
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
