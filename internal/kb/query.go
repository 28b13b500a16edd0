package kb

import "slices"

// Verdict is what the KB establishes about a person in an office.
type Verdict int

const (
	// NoOffice: the role names no office the KB knows.
	NoOffice Verdict = iota
	// Undetermined: the office is known but the KB cannot settle the claim
	// (no country given, several offices, no holder known at the date).
	Undetermined
	// Held: the person held the office at the date (any time when undated).
	Held
	// HeldOtherTime: the person held the office, but not at the date.
	HeldOtherTime
	// NotHolder: the person never held the office and the KB knows who did
	// at the date (or, undated, every holder of a complete office).
	NotHolder
)

// Check is the KB's answer for one person in one role at one date.
type Check struct {
	Verdict Verdict
	Office  *Office
	Terms   []*Record // the person's terms in Office
	Holders []*Record // who held Office at the date
}

// HeldPossibly reports whether the term may include d (generous with
// imprecise and open-ended dates: never accuse on a boundary).
func (r *Record) HeldPossibly(d Date) bool {
	if !r.Start.IsZero() && r.Start.First().After(d.Last()) {
		return false
	}
	return r.End.IsZero() || !r.End.Last().Before(d.First())
}

// heldCertainly reports whether the term surely includes d: it began
// before d even at the latest reading of an imprecise start, it had not
// ended, and an open end is trusted only up to the date the source was
// checked, and never past the KB's AsOf.
func (r *Record) heldCertainly(d Date, asOf Date) bool {
	if r.Start.IsZero() || r.Start.Last().After(d.First()) {
		return false
	}
	if !r.End.IsZero() && !r.End.First().After(d.Last()) {
		return false
	}
	known := r.Checked
	if known.IsZero() || !asOf.IsZero() && asOf.Before(known) {
		known = asOf // nothing after the KB's currency date is known
	}
	if r.End.IsZero() || r.End.First().After(known.Last()) {
		return !known.IsZero() && !d.First().After(known.Last())
	}
	return true
}

// HoldersAt returns the records of everyone who surely held o at d.
func (k *KB) HoldersAt(o *Office, d Date) []*Record {
	var out []*Record
	for _, r := range o.records {
		if r.heldCertainly(d, k.AsOf) {
			out = append(out, r)
		}
	}
	return out
}

// TermsOf returns name's terms in office o.
func (k *KB) TermsOf(name string, o *Office) []*Record {
	return k.termsOf(nameTokens(name), o)
}

// termsOf is TermsOf for a name already split by nameTokens.
func (k *KB) termsOf(name []string, o *Office) []*Record {
	var out []*Record
	for _, r := range o.records {
		if k.matchesRecord(name, r) {
			out = append(out, r)
		}
	}
	return out
}

// CheckRole says whether name held the office ref names at date (zero
// date: at any time).
func (k *KB) CheckRole(name string, ref RoleRef, date Date) Check {
	if len(ref.Offices) == 0 {
		return Check{Verdict: NoOffice}
	}
	var other *Check
	heldSomewhere := 0
	toks := nameTokens(name)
	for _, o := range ref.Offices {
		terms := k.termsOf(toks, o)
		if len(terms) == 0 {
			continue
		}
		heldSomewhere++
		if date.IsZero() {
			return Check{Verdict: Held, Office: o, Terms: terms}
		}
		for _, t := range terms {
			if t.HeldPossibly(date) && !k.superseded(o, t, terms, date) {
				return Check{Verdict: Held, Office: o, Terms: terms}
			}
		}
		if other == nil {
			other = &Check{Verdict: HeldOtherTime, Office: o, Terms: terms}
		}
	}
	if other != nil {
		// The person's own record picks the office when the text gave no
		// country ("President Biden"); two candidates leave it open.
		if heldSomewhere > 1 {
			return Check{Verdict: Undetermined, Office: other.Office, Terms: other.Terms}
		}
		other.Holders = k.HoldersAt(other.Office, date)
		return *other
	}
	o := ref.Unique()
	if o == nil || !o.Exclusive {
		return Check{Verdict: Undetermined}
	}
	// "former", "incoming", "acting": someone else holding the office at
	// the date proves nothing, and past holders before the sources begin
	// are unknown; only a complete office can still rule a name out.
	if ref.Future || ref.Acting {
		return Check{Verdict: Undetermined, Office: o}
	}
	if ref.Past {
		if o.Complete {
			return Check{Verdict: NotHolder, Office: o, Holders: o.records}
		}
		return Check{Verdict: Undetermined, Office: o}
	}
	if date.IsZero() {
		if o.Complete {
			return Check{Verdict: NotHolder, Office: o, Holders: o.records}
		}
		return Check{Verdict: Undetermined, Office: o}
	}
	holders := k.HoldersAt(o, date)
	if len(holders) == 0 {
		return Check{Verdict: Undetermined, Office: o}
	}
	return Check{Verdict: NotHolder, Office: o, Holders: holders}
}

// superseded reports whether an open-ended term t of a one-holder office
// had certainly ended by d: someone else, whose term began after t's, surely
// held the office then. A snapshot leaves a term open when its source
// predates the end ("Prime Minister Sanna Marin", open in a 2022 file);
// the successor's recorded term closes it.
func (k *KB) superseded(o *Office, t *Record, own []*Record, d Date) bool {
	if !t.End.IsZero() || t.Start.IsZero() || !o.Exclusive {
		return false
	}
	for _, h := range o.records {
		if slices.Contains(own, h) || h.Start.IsZero() || !h.Start.First().After(t.Start.Last()) {
			continue
		}
		if h.heldCertainly(d, k.AsOf) {
			return true
		}
	}
	return false
}
