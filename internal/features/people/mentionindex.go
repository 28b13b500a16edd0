package people

import (
	"sort"
)

// mentionIndex holds every mention of a Result sorted by start offset, so
// the lookups attribution makes for each word, clause and quotation are
// binary searches instead of scans over every person (issue 13: a text with
// thousands of names and quotations made them quadratic). Entries with the
// same start keep the order of People and of each person's Mentions, which
// is the order the scans it replaces saw them in.
type mentionIndex struct {
	all      []MentionRef // sorted by Mention.Start, ties in scan order
	named    []MentionRef // all without pronouns
	longest  int          // longest mention in bytes
	rankOfAt []int        // all[i]'s position in scan order, for ties
}

func newMentionIndex(people []*Person) *mentionIndex {
	x := &mentionIndex{}
	for _, p := range people {
		for _, m := range p.Mentions {
			x.all = append(x.all, MentionRef{p, m})
			x.longest = max(x.longest, m.End-m.Start)
		}
	}
	order := make([]int, len(x.all))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return x.all[order[i]].Mention.Start < x.all[order[j]].Mention.Start })
	sorted := make([]MentionRef, len(x.all))
	for i, o := range order {
		sorted[i] = x.all[o]
	}
	x.all, x.rankOfAt = sorted, order
	for _, r := range x.all {
		if r.Mention.Kind != Pronoun {
			x.named = append(x.named, r)
		}
	}
	return x
}

// index returns r's mention index; a Result built by the analyzer has one,
// one built by hand (tests) gets a fresh one per call.
func (r *Result) index() *mentionIndex {
	if r.idx != nil {
		return r.idx
	}
	return newMentionIndex(r.People)
}

// firstFrom is the first entry of refs starting at or after off.
func firstFrom(refs []MentionRef, off int) int {
	return sort.Search(len(refs), func(i int) bool { return refs[i].Mention.Start >= off })
}
