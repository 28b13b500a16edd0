package analysis

import "sort"

// RuleIndex maps rule IDs to rules across a set of analyzers (and corpus
// checks), for `copydesk rules`, `explain`, configuration and reporters.
type RuleIndex struct {
	byID  map[string]Rule
	order []string
}

// NewRuleIndex indexes rules; a duplicated ID is a programming error.
func NewRuleIndex(rules []Rule) *RuleIndex {
	ix := &RuleIndex{byID: map[string]Rule{}}
	for _, r := range rules {
		if _, dup := ix.byID[r.ID]; dup {
			panic("duplicate rule ID " + r.ID)
		}
		ix.byID[r.ID] = r
		ix.order = append(ix.order, r.ID)
	}
	sort.Strings(ix.order)
	return ix
}

// Lookup returns the rule with id.
func (ix *RuleIndex) Lookup(id string) (Rule, bool) {
	r, ok := ix.byID[id]
	return r, ok
}

// All returns every rule sorted by ID.
func (ix *RuleIndex) All() []Rule {
	out := make([]Rule, 0, len(ix.order))
	for _, id := range ix.order {
		out = append(out, ix.byID[id])
	}
	return out
}
