package wdupdate

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/kb"
)

// sameTermSlack is how far two sources' dates for one term may differ
// before they disagree: sources round to the day of appointment or of
// swearing-in.
const sameTermSlack = 31 * 24 // hours

// compare sets the fetched terms against the embedded knowledge base:
// terms it lacks (added), open terms Wikidata closes (ended), and
// disagreements (conflicts) on a term's dates or on who holds a
// single-holder office now.
func compare(base *kb.KB, fetched []kb.Record, today kb.Date) (added, ended, conflicts []string) {
	byOffice := map[*kb.Office][]kb.Record{}
	for _, r := range fetched {
		o := base.Office(r.Role, r.Country, r.Organization)
		byOffice[o] = append(byOffice[o], r)
		var match *kb.Record
		if o != nil {
			for _, b := range o.Records() {
				if base.SameName(b.Name, r.Name) && (b.Start.IsZero() || r.Start.IsZero() || b.Start.Year == r.Start.Year) {
					match = b
					break
				}
			}
		}
		switch {
		case match == nil:
			added = append(added, fmt.Sprintf("%s: %s %s", officeOf(r), r.Name, span(r)))
		case match.End.IsZero() && !r.End.IsZero():
			ended = append(ended, fmt.Sprintf("%s: %s ended %s (embedded: open, %s)", officeOf(r), r.Name, r.End, match.Source))
		case !match.End.IsZero() && !r.End.IsZero() && apart(match.End, r.End):
			conflicts = append(conflicts, fmt.Sprintf("%s: %s ended %s per Wikidata, %s per %s", officeOf(r), r.Name, r.End, match.End, match.Source))
		case !match.End.IsZero() && r.End.IsZero() && match.End.Before(today):
			conflicts = append(conflicts, fmt.Sprintf("%s: %s still in office per Wikidata, ended %s per %s", officeOf(r), r.Name, match.End, match.Source))
		}
	}
	for o, recs := range byOffice {
		if o == nil || !o.Exclusive {
			continue
		}
		wd, emb := latestOpen(recs), latestOpenPtr(o.Records())
		if wd != nil && emb != nil && !base.SameName(wd.Name, emb.Name) && emb.Start.First().After(wd.Start.First()) {
			conflicts = append(conflicts, fmt.Sprintf("%s: Wikidata has %s in office (from %s), the embedded data %s (from %s, %s); Wikidata's term is closed there",
				officeOf(*wd), wd.Name, wd.Start, emb.Name, emb.Start, emb.Source))
		}
	}
	return added, ended, conflicts
}

// closeStale ends, in place, every open Wikidata term of a single-holder
// office that the embedded data shows a later, sourced holder succeeding:
// Wikidata had not been updated, and an open term there would make its
// holder "certain" up to the update and the real successor contradicted.
func closeStale(base *kb.KB, fetched []kb.Record) {
	for i := range fetched {
		r := &fetched[i]
		o := base.Office(r.Role, r.Country, r.Organization)
		if o == nil || !o.Exclusive || !r.End.IsZero() || r.Start.IsZero() {
			continue
		}
		emb := latestOpenPtr(o.Records())
		if emb != nil && !base.SameName(emb.Name, r.Name) && emb.Start.First().After(r.Start.First()) {
			r.End = emb.Start
			r.Source += "; end: " + emb.Name + "'s start per " + emb.Source
		}
	}
}

func span(r kb.Record) string {
	start, end := r.Start.String(), r.End.String()
	if start == "" {
		start = "?"
	}
	if end == "" {
		return "from " + start
	}
	return start + " to " + end
}

func apart(a, b kb.Date) bool {
	d := a.First().Sub(b.First()).Hours()
	return d > sameTermSlack || d < -sameTermSlack
}

// latestOpen returns the open term with the latest start, or nil.
func latestOpen(recs []kb.Record) *kb.Record {
	var best *kb.Record
	for i := range recs {
		r := &recs[i]
		if r.End.IsZero() && !r.Start.IsZero() && (best == nil || r.Start.First().After(best.Start.First())) {
			best = r
		}
	}
	return best
}

func latestOpenPtr(recs []*kb.Record) *kb.Record {
	var best *kb.Record
	for _, r := range recs {
		if r.End.IsZero() && !r.Start.IsZero() && (best == nil || r.Start.First().After(best.Start.First())) {
			best = r
		}
	}
	return best
}
