// Package wdupdate refreshes the knowledge base's office holders from
// Wikidata's public SPARQL endpoint (`copydesk kb update`): for every
// office the knowledge base covers it asks who held it (P39 "position
// held", with P580 start and P582 end qualifiers), compares the answer
// with the embedded data, and writes a local knowledge base file that
// later runs merge over the embedded one.
//
// It is copydesk's one use of the network, and only when asked. Every
// request names copydesk in its User-Agent, offices go in batches, and
// rate limits and server errors are retried with growing pauses.
package wdupdate

import (
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/kb"
)

// Position is one office to refresh: its Wikidata item (QID) when a
// source gave it, else its English label on Wikidata, and the office it
// is in the knowledge base.
type Position struct {
	QID, Label                  string
	Role, Country, Organization string
}

// key identifies the position in a SPARQL answer.
func (p Position) key() string {
	if p.QID != "" {
		return p.QID
	}
	return "label:" + p.Label
}

// Positions returns the offices k covers that Wikidata can be asked
// about: those whose records carry their Wikidata item (heads of state
// and government, foreign ministers) and the catalogued offices with a
// Wikidata label. Each position appears once, in a stable order.
func Positions(k *kb.KB) ([]Position, error) {
	byKey := map[string]Position{}
	for _, r := range k.Records() {
		if r.Position == "" || !strings.HasPrefix(r.Position, "Q") {
			continue
		}
		byKey[r.Position] = Position{QID: r.Position, Role: r.Role, Country: r.Country, Organization: r.Organization}
	}
	cat, err := kb.Catalogue()
	if err != nil {
		return nil, err
	}
	for _, e := range cat {
		if e.Wikidata == "" {
			continue
		}
		p := Position{Label: e.Wikidata, Role: e.Role, Country: e.Country, Organization: e.Organization}
		byKey[p.key()] = p
	}
	out := make([]Position, 0, len(byKey))
	for _, p := range byKey {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key() < out[j].key() })
	return out, nil
}
