package coverage

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/refstore"
)

const (
	// alteredScore is the least word alignment (2·common words / words on
	// both sides) at which a quote is the reference's quote altered
	// rather than another quote: at 0.6 most words are shared in order.
	alteredScore = 0.6
	// alteredMinWords is the shortest quote (in words) compared loosely:
	// shorter ones ("last warning") are found verbatim or not at all.
	alteredMinWords = 4
	// misattributedMinWords is the shortest quote that can be
	// misattributed: "an awful case" or "Groundhog Day" is a phrase
	// several people use, not a statement one made.
	misattributedMinWords = 6
	// speakerNearby is how far (bytes) around a quote the reference's
	// speaker, named in the article, makes a different attribution more
	// likely a misread of the article ("Her brother Kevin's words ...
	// 'My family ...' Meanwhile, Det Insp Wallace ...") than a quote
	// moved to someone else.
	speakerNearby = 300
)

// provenance classes one quote against the coverage and reports altered
// and misattributed quotes.
func (c *checker) provenance(q *analysis.Quote, aq attribution.Quote) {
	qw := quoteWords(q.Text)
	if contentLen(qw) == 0 {
		q.Provenance = analysis.Unchecked
		return
	}
	type candidate struct {
		rq      *refQuote
		exact   bool
		score   float64
		diff    string
		speaker bool // the speakers agree (or one side names nobody)
	}
	var best *candidate
	better := func(x *candidate) bool {
		switch {
		case best == nil:
			return true
		case x.exact != best.exact:
			return x.exact
		case x.speaker != best.speaker:
			return x.speaker
		}
		return x.score > best.score
	}
	speaker := PersonSpeaker(aq)
	for i := range c.cov.quotes {
		rq := &c.cov.quotes[i]
		x := candidate{rq: rq, speaker: c.sameSpeaker(speaker, rq.quote.Speaker) || !checkable(aq, rq.quote, qw) ||
			c.namedNear(rq.quote.Speaker, q.Start, q.End)}
		if containsVerbatim(rq.words, qw) {
			x.exact, x.score = true, 1
		} else if contentLen(qw) >= alteredMinWords {
			a := align(qw, rq.words)
			if a.score < alteredScore || a.common < alteredMinWords-1 {
				continue
			}
			x.score, x.diff = a.score, a.diff
		} else {
			continue
		}
		if better(&x) {
			best = &x
		}
	}
	if best == nil {
		q.Provenance = analysis.Absent
		return
	}
	ref := reference(best.rq.match)
	ref.Passage, ref.Speaker, ref.Diff = best.rq.quote.Text, best.rq.quote.Speaker, best.diff
	if ref.Speaker == "" {
		ref.Speaker = best.rq.quote.Org
	}
	q.Reference = ref
	evidence := fmt.Sprintf("reference %s (%s): “%s”", ref.ID, orDash(ref.Source), ref.Passage)
	switch {
	case !best.speaker:
		q.Provenance = analysis.Misattributed
		f := c.pass.Reportf(RuleMisattributedQte, q.Start, q.End, "quote attributed to %s; %s attributes it to %s", speaker, c.coverageName(), best.rq.quote.Speaker)
		f.Evidence = evidence
		f.References = []analysis.Reference{*ref}
		c.peerSeverity(f)
	case best.exact:
		q.Provenance = analysis.Verbatim
	default:
		q.Provenance = analysis.Altered
		f := c.pass.Reportf(RuleAlteredQuote, q.Start, q.End, "quote differs from %s: %s", c.coverageName(), best.diff)
		f.Evidence = evidence
		f.References = []analysis.Reference{*ref}
		c.peerSeverity(f)
	}
}

// coverageName is what a message calls the coverage.
func (c *checker) coverageName() string {
	if c.batch {
		return "another source's article of this story in this run"
	}
	return "the coverage of this story"
}

// peerSeverity lowers a quote finding to info when the coverage is the
// run's own batch: two peers disagreeing do not say which is right, so
// the finding cross-references them without counting against either.
func (c *checker) peerSeverity(f *analysis.Finding) {
	if c.batch {
		f.Severity = analysis.Info
	}
}

// sameSpeaker reports whether the article's speaker and the reference's
// can be one person; a side naming no person cannot contradict.
func (c *checker) sameSpeaker(article, ref string) bool {
	if article == "" || ref == "" {
		return true
	}
	return c.kb.SameName(article, ref)
}

// checkable reports whether two attributions of one quote can contradict
// each other: a statement (misattributedMinWords or more) whose speaker
// both articles name rather than refer to by pronoun. On Learning2Rewrite
// every "misattributed" quote without this test was a pronoun resolved to
// the wrong person on one side (README).
func checkable(aq attribution.Quote, rq refstore.Quote, qw []string) bool {
	return contentLen(qw) >= misattributedMinWords && NamedAttribution(aq) && rq.Named
}

// namedNear reports whether the article writes the surname of name
// within speakerNearby bytes of [start, end).
func (c *checker) namedNear(name string, start, end int) bool {
	w := strings.Fields(name)
	if len(w) == 0 {
		return false
	}
	text := c.pass.Doc.Text
	near := text[max(0, start-speakerNearby):min(len(text), end+speakerNearby)]
	return strings.Contains(near, w[len(w)-1])
}

func orDash(s string) string {
	if s == "" {
		return "source not recorded"
	}
	return s
}
