package kb

import "sort"

// Families of offices outside the role catalogue (roles.yaml names the
// family of every catalogued office).
const (
	familyUSExecutive = "US executive (cabinet, White House, agencies, envoys)"
	familyOther       = "other offices"
)

// defaultFamily is the family of an office the catalogue does not list:
// the US snapshot's many cabinet-level and agency posts, or the rest.
func defaultFamily(country string) string {
	if country == "United States" {
		return familyUSExecutive
	}
	return familyOther
}

// FamilyCoverage is how much the KB knows about one family of offices.
type FamilyCoverage struct {
	Family string `json:"family"`
	// Offices is how many offices of the family the KB has records for.
	Offices int `json:"offices"`
	// Known is how many of them have a holder the KB can name on
	// CurrentTo (a holder it is sure of, see Record.heldCertainly).
	Known int `json:"known_holders"`
	// CurrentTo is the latest date the family's sources were checked,
	// never past the KB's AsOf: after it, changes in the family are
	// unknown.
	CurrentTo Date `json:"current_to"`
	// Stalest is the earliest date an office of the family was last
	// checked: some of its holders are known only up to then.
	Stalest Date `json:"stalest"`
}

// Coverage reports, per family of offices, how many offices the KB knows,
// how many of them it can name a holder for on the date it is current to,
// and the dates its knowledge of the family runs to. Families come in
// order of their name.
func (k *KB) Coverage() []FamilyCoverage {
	byFamily := map[string]*FamilyCoverage{}
	for _, o := range k.offices {
		fc := byFamily[o.Family]
		if fc == nil {
			fc = &FamilyCoverage{Family: o.Family}
			byFamily[o.Family] = fc
		}
		fc.Offices++
		last := Date{}
		for _, r := range o.records {
			last = Max(last, r.Checked)
		}
		if !k.AsOf.IsZero() && k.AsOf.Before(last) {
			last = k.AsOf
		}
		fc.CurrentTo = Max(fc.CurrentTo, last)
		if !last.IsZero() && (fc.Stalest.IsZero() || last.Before(fc.Stalest)) {
			fc.Stalest = last
		}
		if !last.IsZero() && len(k.HoldersAt(o, last)) > 0 {
			fc.Known++
		}
	}
	out := make([]FamilyCoverage, 0, len(byFamily))
	for _, fc := range byFamily {
		out = append(out, *fc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Family < out[j].Family })
	return out
}
