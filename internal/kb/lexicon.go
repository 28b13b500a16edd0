package kb

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/copydesk/copydesk/internal/datafile"
)

//go:embed data/countries.yaml
var countriesYAML []byte

//go:embed data/organizations.yaml
var organizationsYAML []byte

//go:embed data/roles.yaml
var rolesYAML []byte

// nicknamesFS holds data/nicknames.txt: one group of given-name variants
// a line, separated by white space.
//
//go:embed data/nicknames.txt
var nicknamesFS embed.FS

// RoleEntry is one entry of the role catalogue (data/roles.yaml).
type RoleEntry struct {
	Role         string   `yaml:"role"`
	Country      string   `yaml:"country"`
	Organization string   `yaml:"organization"`
	Aliases      []string `yaml:"aliases"`
	Names        []string `yaml:"names"`
	Labels       []string `yaml:"labels"`
	Exclusive    *bool    `yaml:"exclusive"`
	Complete     bool     `yaml:"complete"`
	Family       string   `yaml:"family"`
	// Wikidata is the office's English label on Wikidata ("United
	// States Secretary of State"), for `kb update` where no source gave
	// the office's item.
	Wikidata string `yaml:"wikidata"`
}

// Catalogue returns the role catalogue (data/roles.yaml).
func Catalogue() ([]RoleEntry, error) {
	lx, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	return lx.roles, nil
}

type place struct {
	Name    string   `yaml:"name"`
	Country string   `yaml:"country"`
	Aliases []string `yaml:"aliases"`
	// Institutions are bodies of one country's state that articles name
	// instead of the country ("the Knesset", "the Bundestag"). They place
	// an article in its country (CountriesNamed) but are not role context:
	// "Knesset member" is no office.
	Institutions []string `yaml:"institutions"`
}

// context is a country or organisation an article's role text names.
type context struct {
	country, org string
}

// lexicon holds the embedded word lists every KB shares.
type lexicon struct {
	roles     []RoleEntry
	contexts  map[string]context // normalised phrase → country/org
	maxCtxLen int                // longest context phrase in tokens
	countries map[string]string  // normalised name or alias → canonical country
	// placeWords maps every normalised country name, alias and national
	// institution to its country, for CountriesNamed; placeLen is the
	// longest in words.
	placeWords map[string]string
	placeLen   int
	orgs       map[string]place // canonical org name → entry
	nickGroup  map[string]int   // given name → variant group
}

var (
	lexOnce sync.Once
	lexVal  *lexicon
	lexErr  error
)

func defaultLexicon() (*lexicon, error) {
	lexOnce.Do(func() { lexVal, lexErr = loadLexicon() })
	return lexVal, lexErr
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{contexts: map[string]context{}, countries: map[string]string{}, placeWords: map[string]string{}, orgs: map[string]place{}, nickGroup: map[string]int{}}
	if err := yaml.Unmarshal(rolesYAML, &lx.roles); err != nil {
		return nil, fmt.Errorf("roles.yaml: %w", err)
	}
	var countries, orgs []place
	if err := yaml.Unmarshal(countriesYAML, &countries); err != nil {
		return nil, fmt.Errorf("countries.yaml: %w", err)
	}
	if err := yaml.Unmarshal(organizationsYAML, &orgs); err != nil {
		return nil, fmt.Errorf("organizations.yaml: %w", err)
	}
	add := func(phrase string, c context) {
		p := normRole(phrase)
		if p == "" {
			return
		}
		lx.contexts[p] = c
		if n := len(strings.Fields(p)); n > lx.maxCtxLen {
			lx.maxCtxLen = n
		}
	}
	for _, c := range countries {
		lx.countries[normRole(c.Name)] = c.Name
		add(c.Name, context{country: c.Name})
		for _, a := range c.Aliases {
			lx.countries[normRole(a)] = c.Name
			add(a, context{country: c.Name})
		}
		for _, w := range append(append([]string{c.Name}, c.Aliases...), c.Institutions...) {
			if p := normRole(w); p != "" {
				lx.placeWords[p] = c.Name
				lx.placeLen = max(lx.placeLen, len(strings.Fields(p)))
			}
		}
	}
	for _, o := range orgs {
		lx.orgs[o.Name] = o
		add(o.Name, context{org: o.Name, country: o.Country})
		for _, a := range o.Aliases {
			add(a, context{org: o.Name, country: o.Country})
		}
	}
	group := 0
	err := datafile.EachLine(nicknamesFS, "data/nicknames.txt", func(fields []string) error {
		group++
		for _, n := range strings.Fields(strings.Join(fields, " ")) {
			if _, dup := lx.nickGroup[n]; !dup {
				lx.nickGroup[n] = group
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
}

// CanonicalCountry maps a country name or alias ("USA", "Kingdom of the
// Netherlands") to the name records use, or returns it unchanged.
func (lx *lexicon) CanonicalCountry(s string) string {
	if c, ok := lx.countries[normRole(s)]; ok {
		return c
	}
	return strings.TrimSpace(s)
}

// catalogueFor returns the catalogue entry for a record's role in its
// scope, preferring the most specific entry; nil when none.
func (lx *lexicon) catalogueFor(role, country, org string) *RoleEntry {
	var best *RoleEntry
	bestScore := -1
	nr := normRole(role)
	for i := range lx.roles {
		e := &lx.roles[i]
		// A record without an organisation matches an entry scoped to one
		// (us-holders21 says "White House Press Secretary", no org).
		if e.Country != "" && e.Country != country || e.Organization != "" && org != "" && e.Organization != org {
			continue
		}
		if normRole(e.Role) != nr {
			continue
		}
		score := 0
		if e.Country != "" {
			score++
		}
		if e.Organization != "" {
			score += 2
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	return best
}

// canonicalRole maps a source's position label to the catalogue's role
// name for that scope, or returns the label unchanged. A label without an
// organisation may map to an entry scoped to one (us-holders21 says
// "Director of the FBI", no organisation), as in catalogueFor.
func (lx *lexicon) canonicalRole(label, country, org string) string {
	nl := normRole(label)
	for _, e := range lx.roles {
		if e.Country != "" && e.Country != country || e.Organization != "" && org != "" && e.Organization != org {
			continue
		}
		for _, l := range e.Labels {
			if normRole(l) == nl {
				return e.Role
			}
		}
	}
	return strings.TrimSpace(label)
}

// IsPlaceWord reports whether s names a country or a known organisation
// ("Israeli", "U.S.", "NATO"), so callers can tell a place or body in a
// role from an unnamed one.
func IsPlaceWord(s string) bool {
	lx, err := defaultLexicon()
	if err != nil {
		return false
	}
	_, ok := lx.contexts[normRole(s)]
	return ok
}

// CountriesNamed counts the countries text names: their names, adjectives
// and short forms ("Israeli", "U.S.") and their national institutions
// ("the Knesset"), longest match first. A match must start with a capital
// letter, so the pronoun "us" is not the United States.
func (k *KB) CountriesNamed(text string) map[string]int {
	type word struct {
		lower   string
		capital bool
	}
	var words []word
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r, _ := utf8.DecodeRuneInString(f)
		words = append(words, word{normRole(f), unicode.IsUpper(r)})
	}
	out := map[string]int{}
	for i := 0; i < len(words); {
		n := 0
		if words[i].capital {
			for m := min(k.lex.placeLen, len(words)-i); m >= 1; m-- {
				parts := make([]string, m)
				for j := range parts {
					parts[j] = words[i+j].lower
				}
				if c, ok := k.lex.placeWords[strings.Join(parts, " ")]; ok {
					out[c]++
					n = m
					break
				}
			}
		}
		i += max(n, 1)
	}
	return out
}
