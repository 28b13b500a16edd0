package coverage

import (
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/attribution"
)

// Quotes returns the attribution analyzer's quotations as the result's
// quotes: text, span and the speaker (a person's name, else the
// organisation as written), provenance unchecked.
func Quotes(ar *attribution.Result) []analysis.Quote {
	if ar == nil {
		return nil
	}
	out := make([]analysis.Quote, 0, len(ar.Quotes))
	for _, q := range ar.Quotes {
		out = append(out, analysis.Quote{Text: q.Text, Start: q.Start, End: q.End, Speaker: speakerOf(q), Provenance: analysis.Unchecked})
	}
	return out
}

// speakerOf is the person a quote is attributed to, else the
// organisation, else "".
func speakerOf(q attribution.Quote) string {
	switch {
	case q.Speaker != nil:
		return q.Speaker.Name
	case q.Vague:
		return ""
	}
	return q.SpeakerOrg
}

// PersonSpeaker is the person a quote is attributed to, "" for an
// organisation, an unnamed group or nobody.
func PersonSpeaker(q attribution.Quote) string {
	if q.Speaker != nil {
		return q.Speaker.Name
	}
	return ""
}

// NamedAttribution reports whether a quote's attribution names its
// speaker ("Leavitt said", "said Karoline Leavitt") rather than resolving
// a pronoun ("she said"), which the extractor can resolve wrongly.
func NamedAttribution(q attribution.Quote) bool {
	if q.Speaker == nil || q.SpeakerText == "" {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(q.SpeakerText)) {
	case "he", "she", "they", "him", "her", "i", "we", "it":
		return false
	}
	return true
}
