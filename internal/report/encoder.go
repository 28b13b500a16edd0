package report

import "github.com/copydesk/copydesk/internal/analysis"

// Encoder is a Reporter whose output for one article depends only on that
// article and the RunInfo, so it can be prepared apart from being written:
// the pipeline calls Encode on its workers, several at once, and
// WriteEncoded in input order. Document is Encode then WriteEncoded.
type Encoder interface {
	Reporter
	// Encode prepares res's output. It may run on several goroutines at
	// once, after Start; it may adjust res (the gate hides findings below
	// --min-severity) but keeps nothing of it.
	Encode(res *analysis.Result) (Encoded, error)
	// WriteEncoded writes what Encode prepared for res, in input order.
	// res may be a summary of the article: its id, path, title, error,
	// scores, verdict and notes (findings, entities and text went into e).
	WriteEncoded(res *analysis.Result, e Encoded) error
}

// Encoded is one article's output as an Encoder prepared it: the bytes the
// format writes for it and, for formats that rank or collect articles
// (github, SARIF), what they keep of it.
type Encoded struct {
	bytes []byte
	more  any
}

// documentVia is Document for an Encoder.
func documentVia(e Encoder, res *analysis.Result) error {
	enc, err := e.Encode(res)
	if err != nil {
		return err
	}
	return e.WriteEncoded(res, enc)
}
