package report

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Quote provenance as the text, SARIF, GitHub and HTML reports show it.
// The coverage analyzer (internal/features/coverage) classes each quote;
// reporters only render the class and the reference it names.

// checkedQuotes returns the article's quotes the reference coverage said
// something about (verbatim, altered, misattributed, absent): nothing
// when no coverage of the story was found, so a run without a store, or
// an article the store does not cover, prints no quotes section.
func checkedQuotes(res *analysis.Result) []analysis.Quote {
	var out []analysis.Quote
	for _, q := range res.Quotes {
		if q.Provenance != "" && q.Provenance != analysis.Unchecked {
			out = append(out, q)
		}
	}
	return out
}

// describeReference renders a reference article for one line: "wire-7
// (Fixture Wire, 2025-03-05, wire, similarity 0.34)".
func describeReference(ref *analysis.Reference) string {
	if ref == nil {
		return ""
	}
	var meta []string
	for _, s := range []string{ref.Source, ref.Date, ref.Trust} {
		if s = oneLine(s); s != "" {
			meta = append(meta, s)
		}
	}
	meta = append(meta, fmt.Sprintf("similarity %.2f", ref.Similarity))
	return fmt.Sprintf("%s (%s)", oneLine(ref.ID), strings.Join(meta, ", "))
}

// quoteLine is one quote for an editor: the quote, its speaker, its
// provenance (as status, which a terminal may paint) and the reference
// passage that settled it.
func quoteLine(q analysis.Quote, status string) string {
	var b strings.Builder
	b.WriteString(quoteSpan(q.Text))
	if s := oneLine(q.Speaker); s != "" {
		b.WriteString(" — " + s)
	}
	b.WriteString(": " + status)
	if ref := q.Reference; ref != nil {
		b.WriteString("; reference " + describeReference(ref))
		switch q.Provenance {
		case analysis.Altered:
			if d := oneLine(ref.Diff); d != "" {
				b.WriteString("; changes " + d)
			}
		case analysis.Misattributed:
			if s := oneLine(ref.Speaker); s != "" {
				b.WriteString("; the reference attributes it to " + s)
			}
		}
	}
	return b.String()
}

// referenceLine names one reference article a finding rests on, with the
// passage compared when there is one: "wire-7 (Fixture Wire, 2025-03-05,
// wire, similarity 0.32): “passage” (said by Karoline Leavitt)".
func referenceLine(ref *analysis.Reference) string {
	msg := describeReference(ref)
	if p := oneLine(ref.Passage); p != "" {
		msg += ": “" + p + "”"
		if s := oneLine(ref.Speaker); s != "" {
			msg += " (said by " + s + ")"
		}
	}
	return msg
}
