// Package kb is copydesk's knowledge base of office holders: who held
// which office, where, from when to when, and where that fact came from.
// The fabrication analyzer checks the people an article names against it.
//
// An embedded default (data/kb.jsonl.gz, built by `copydesk kb build` from
// ../shared/kb-sources and data/overlay.yaml) is always available; users add
// their own with Load and Merge (`--kb FILE`).
package kb

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/kb/namematch"
)

// EnvKey is the analysis.Env.Values key under which the driver stores the
// run's (merged) knowledge base.
const EnvKey = "kb"

// Record is one term of one person in one office.
type Record struct {
	Name         string   `json:"name"`
	Aliases      []string `json:"aliases,omitempty"`
	Role         string   `json:"role"`
	RoleAliases  []string `json:"role_aliases,omitempty"`
	Organization string   `json:"organization,omitempty"`
	Country      string   `json:"country,omitempty"`
	Start        Date     `json:"start,omitzero"`
	End          Date     `json:"end,omitzero"`
	Source       string   `json:"source"`
	// Checked is the date the source was known to be current: an empty End
	// means "still in office on Checked", not "still in office today".
	Checked Date   `json:"checked,omitzero"`
	ID      string `json:"id,omitempty"` // Wikidata QID when known
	// Position is the Wikidata item of the office (P39 value) when the
	// source gives it: `kb update` refreshes the office from it.
	Position string `json:"position,omitempty"`
}

// Office is one office (role in a country or organisation) with its holders.
type Office struct {
	Role, Country, Organization string
	// Exclusive offices have one holder at a time, so naming someone else
	// as holder is a contradiction.
	Exclusive bool
	// Complete offices list every holder since the office began.
	Complete bool
	// Family groups offices for coverage reports (`kb info`).
	Family  string
	aliases map[string]bool // words that name it given country/org context
	names   map[string]bool // words that name it on their own
	records []*Record
}

// Title is the office as an editor would write it.
func (o *Office) Title() string {
	switch {
	case o.Organization != "" && !strings.Contains(strings.ToLower(o.Role), strings.ToLower(o.Organization)) && !strings.HasPrefix(o.Role, "White House"):
		return o.Role + ", " + o.Organization
	case o.Country != "" && o.Organization == "" && !strings.Contains(o.Role, o.Country):
		return o.Role + " of " + CountryPhrase(o.Country)
	}
	return o.Role
}

// Records returns the office's terms, earliest first.
func (o *Office) Records() []*Record { return o.records }

// KB is a knowledge base. Build one with New, Default or Load; it is
// read-only afterwards and safe for concurrent use.
type KB struct {
	records []Record
	// AsOf is the date the knowledge is current to: changes after it are
	// unknown, so open-ended terms are trusted only until then.
	AsOf Date

	lex     *lexicon
	offices map[string]*Office
	byAlias map[string][]*Office
	byName  map[string][]*Record // normalised full names and aliases
	// bySurame holds records by the transliteration key of their last
	// name word, byCompact by their whole name without spaces or hyphens
	// ("leejaemyung"): the two ways one person's names meet.
	bySurame  map[string][]*Record
	byCompact map[string][]*Record
	// firstWords holds the first word of every name and alias.
	firstWords map[string]bool
	// maxAliasWords is the most words an office alias has: ParseRole
	// looks up no longer phrase.
	maxAliasWords int
	// nameToks holds each record's name and aliases split by nameTokens,
	// so matching an article's name against an office's holders does not
	// re-split the same KB names for every article.
	nameToks map[*Record][][]string
}

// New indexes records. AsOf defaults to the latest Checked date.
func New(records []Record, asOf Date) (*KB, error) {
	lx, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	k := &KB{records: records, AsOf: asOf, lex: lx}
	k.index()
	return k, nil
}

// Office returns the office with this role, country and organisation,
// or nil.
func (k *KB) Office(role, country, org string) *Office {
	return k.offices[officeKey(role, country, org)]
}

// Records returns every record.
func (k *KB) Records() []Record { return k.records }

// Len is the number of records.
func (k *KB) Len() int { return len(k.records) }

func officeKey(role, country, org string) string {
	return normRole(role) + "|" + normRole(country) + "|" + normRole(org)
}

func (k *KB) index() {
	k.offices = map[string]*Office{}
	k.byAlias = map[string][]*Office{}
	k.byName = map[string][]*Record{}
	k.bySurame = map[string][]*Record{}
	k.byCompact = map[string][]*Record{}
	k.firstWords = map[string]bool{}
	k.nameToks = make(map[*Record][][]string, len(k.records))
	sort.SliceStable(k.records, func(i, j int) bool {
		return k.records[i].Start.First().Before(k.records[j].Start.First())
	})
	latest := Date{}
	// Offices in the order their first record comes, so byAlias lists
	// them in the same order on every run (map order is random).
	var ordered []*Office
	for i := range k.records {
		r := &k.records[i]
		latest = Max(latest, r.Checked)
		key := officeKey(r.Role, r.Country, r.Organization)
		o := k.offices[key]
		if o == nil {
			// Only catalogued offices are known to have one holder at a time
			// (a source's "Deputy Prime Minister" may have several).
			o = &Office{Role: r.Role, Country: r.Country, Organization: r.Organization,
				aliases: map[string]bool{}, names: map[string]bool{}}
			o.aliases[normRole(r.Role)] = true
			if e := k.lex.catalogueFor(r.Role, r.Country, r.Organization); e != nil {
				o.Exclusive = true
				if e.Exclusive != nil {
					o.Exclusive = *e.Exclusive
				}
				o.Complete = e.Complete
				o.Family = e.Family
				for _, a := range e.Aliases {
					o.aliases[normRole(a)] = true
				}
				for _, a := range e.Names {
					o.names[normRole(a)] = true
				}
			}
			if o.Family == "" {
				o.Family = defaultFamily(r.Country)
			}
			k.offices[key] = o
			ordered = append(ordered, o)
		}
		for _, a := range r.RoleAliases {
			o.aliases[normRole(a)] = true
		}
		o.records = append(o.records, r)
		toks := make([][]string, 0, 1+len(r.Aliases))
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			t := nameTokens(n)
			toks = append(toks, t)
			nn := strings.Join(t, " ")
			if nn == "" {
				continue
			}
			k.byName[nn] = appendUnique(k.byName[nn], r)
			s := namematch.Key(t[len(t)-1])
			k.bySurame[s] = appendUnique(k.bySurame[s], r)
			c := namematch.Compact(t)
			k.byCompact[c] = appendUnique(k.byCompact[c], r)
			k.firstWords[t[0]] = true
		}
		k.nameToks[r] = toks
	}
	for _, o := range ordered {
		for a := range o.aliases {
			k.maxAliasWords = max(k.maxAliasWords, strings.Count(a, " ")+1)
			k.byAlias[a] = append(k.byAlias[a], o)
		}
		for a := range o.names {
			k.maxAliasWords = max(k.maxAliasWords, strings.Count(a, " ")+1)
			if !o.aliases[a] {
				k.byAlias[a] = append(k.byAlias[a], o)
			}
		}
	}
	if k.AsOf.IsZero() {
		k.AsOf = latest
	}
}

func appendUnique(rs []*Record, r *Record) []*Record {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

// Merge returns a KB holding k's records and other's; AsOf is the later of
// the two. Neither input changes.
func (k *KB) Merge(other *KB) (*KB, error) {
	if other == nil {
		return k, nil
	}
	recs := make([]Record, 0, len(k.records)+len(other.records))
	recs = append(recs, k.records...)
	recs = append(recs, other.records...)
	return New(recs, Max(k.AsOf, other.AsOf))
}

// IsKnownPerson reports whether the KB knows anyone by this full name
// (the people analyzer's gazetteer).
func (k *KB) IsKnownPerson(name string) bool {
	if k == nil {
		return false
	}
	if isASCII(name) {
		var key [64]byte
		if len(k.byName[string(appendNormalizedASCII(key[:0], name))]) > 0 {
			return true
		}
	} else if len(k.byName[NormalizeName(name)]) > 0 {
		return true
	}
	// Another romanisation of a known name ("Lee Jae Myung"), tried only
	// when the first word starts a known name, so the capitalised runs
	// the people analyzer asks about cost one map lookup.
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	if !k.firstWords[strings.ToLower(first)] {
		return false
	}
	toks := nameTokens(name)
	return len(toks) >= 2 && len(k.byCompact[namematch.Compact(toks)]) > 0
}

// PersonRecords returns the records of everyone the name can denote
// (full-name match, or same surname with a compatible given name).
func (k *KB) PersonRecords(name string) []*Record {
	toks := nameTokens(name)
	if len(toks) == 0 {
		return nil
	}
	var out []*Record
	for _, r := range k.bySurame[namematch.Key(toks[len(toks)-1])] {
		if k.matchesRecord(toks, r) {
			out = append(out, r)
		}
	}
	// Romanisations that split a name differently ("Lee Jae Myung" for
	// "Lee Jae-myung") end in another word.
	for _, r := range k.byCompact[namematch.Compact(toks)] {
		out = appendUnique(out, r)
	}
	return out
}

// matchesRecord reports whether a name (split by nameTokens) is the
// SameName as the record's name or one of its aliases.
func (k *KB) matchesRecord(name []string, r *Record) bool {
	rt, ok := k.nameToks[r]
	if !ok { // a record not indexed by this KB
		rt = make([][]string, 0, 1+len(r.Aliases))
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			rt = append(rt, nameTokens(n))
		}
	}
	for _, t := range rt {
		if k.lex.sameNameTokens(name, t) {
			return true
		}
	}
	return false
}

// FromEnv returns the run's knowledge base from env, or the embedded
// default when the driver stored none.
func FromEnv(env *analysis.Env) (*KB, error) {
	if v, ok := env.Value(EnvKey).(*KB); ok && v != nil {
		return v, nil
	}
	return Default()
}

// Summary counts records by source and by role, for `copydesk kb info`.
type Summary struct {
	Records  int
	People   int
	Offices  int
	AsOf     Date
	BySource map[string]int
	ByRole   map[string]int
}

// Summarize counts the KB's records.
func (k *KB) Summarize() Summary {
	s := Summary{Records: len(k.records), Offices: len(k.offices), AsOf: k.AsOf, BySource: map[string]int{}, ByRole: map[string]int{}}
	people := map[string]bool{}
	for _, r := range k.records {
		people[NormalizeName(r.Name)] = true
		src := r.Source
		// Records whose term dates come from different places say so
		// ("start: kb-sources/… ; end: https://…"): count them under the
		// source of their start.
		src = strings.TrimSpace(strings.TrimPrefix(src, "start:"))
		if i := strings.IndexAny(src, " #;"); i > 0 && !strings.HasPrefix(src, "http") {
			src = src[:i]
		}
		if strings.HasPrefix(src, "http") {
			src = "overlay"
		}
		s.BySource[src]++
		s.ByRole[r.Role]++
	}
	s.People = len(people)
	return s
}

func (s Summary) String() string {
	return fmt.Sprintf("%d records, %d people, %d offices, current to %s", s.Records, s.People, s.Offices, s.AsOf)
}

// CountryPhrase is the country as it reads after "of": "the United
// States", "Germany".
func CountryPhrase(c string) string {
	for _, p := range []string{"United ", "Czech Republic", "Netherlands", "Philippines", "Bahamas", "Gambia", "Dominican Republic", "Central African", "Democratic Republic", "Republic of", "Maldives", "Marshall Islands", "Solomon Islands", "State of", "Holy See"} {
		if strings.HasPrefix(c, p) {
			return "the " + c
		}
	}
	return c
}

// AsOfFor is the date the run's knowledge is current to (the KB in env,
// or the embedded default), for reports that must say how current it is.
func AsOfFor(env *analysis.Env) Date {
	k, err := FromEnv(env)
	if err != nil || k == nil {
		return Date{}
	}
	return k.AsOf
}
