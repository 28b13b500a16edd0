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
	placeFirst map[string]bool  // the first word of every placeWords key
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
	lx := &lexicon{contexts: map[string]context{}, countries: map[string]string{}, placeWords: map[string]string{}, placeFirst: map[string]bool{}, orgs: map[string]place{}, nickGroup: map[string]int{}}
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
				lx.placeFirst[strings.Fields(p)[0]] = true
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
// letter, so the pronoun "us" is not the United States. It reads the text
// once and builds a key only at capitalised words, so a long article costs
// no more per word than a short one.
func (k *KB) CountriesNamed(text string) map[string]int {
	out := map[string]int{}
	var key []byte
	var ends [8]int // len(key) after each of the next words
	maxWords := min(k.lex.placeLen, len(ends))
	for i := 0; i < len(text); {
		s, e := nextNameWord(text, i)
		if s < 0 {
			break
		}
		i = e
		if r, _ := utf8.DecodeRuneInString(text[s:]); !unicode.IsUpper(r) {
			continue
		}
		key = appendPlaceWord(key[:0], text[s:e])
		if !k.lex.placeFirst[string(key)] {
			continue // most capitalised words start no place name
		}
		key = key[:0]
		n := 0
		for ws, we := s, e; n < maxWords && ws >= 0; n++ {
			if n > 0 {
				key = append(key, ' ')
			}
			key = appendPlaceWord(key, text[ws:we])
			ends[n] = len(key)
			ws, we = nextNameWord(text, we)
		}
		for m := n; m >= 1; m-- {
			if c, ok := k.lex.placeWords[string(key[:ends[m-1]])]; ok {
				out[c]++
				for skip := 1; skip < m; skip++ { // the match's other words
					_, i = nextNameWord(text, i)
				}
				break
			}
		}
	}
	return out
}

// nextNameWord returns the next run of letters and digits in text from
// offset from, or -1, -1.
func nextNameWord(text string, from int) (int, int) {
	start := -1
	for i := from; i < len(text); {
		var word bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return start, i
		}
		i += size
	}
	if start >= 0 {
		return start, len(text)
	}
	return -1, -1
}

// appendPlaceWord appends w as normRole writes it: lower case, no
// diacritics.
func appendPlaceWord(dst []byte, w string) []byte {
	if !isASCII(w) {
		return append(dst, normRole(w)...)
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
