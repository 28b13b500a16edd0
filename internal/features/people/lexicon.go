package people

import (
	"embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/datafile"
)

//go:embed data/*.txt
var dataFS embed.FS

// lexicon holds the word lists the name finder reads; see data/README.md
// for where each list came from.
type lexicon struct {
	firstNames  map[string]string // lower-case first name -> "m" or "f"
	surnames    map[string]bool
	common      map[string]bool // words news writes in lower case
	nonNames    map[string]bool
	honorifics  map[string]string // as written -> gender ("m", "f", "-")
	pronouns    map[string]string
	roleHeads   map[string]bool
	roleMods    map[string]bool
	orgWords    map[string]bool
	speechVerbs map[string]bool
	particles   map[string]bool
	// familyFirst are family names written before the given name
	// (data/family_first.txt, lower case).
	familyFirst map[string]bool
	generic     map[string]bool  // generic acronyms ("NGO")
	places      map[string]place // as written -> place
	orgs        map[string]bool  // named organisations, as written
	maxGazWords int              // longest gazetteer entry in words
	// gazParts says, of any leading or trailing substring of a place or
	// organisation name, which it is (and whether it is a whole name), so
	// a lookup growing a phrase word by word stops as soon as the phrase
	// can no longer become a name.
	gazParts map[string]gazPart
	// particleSet and pronounSet hold the particles and pronouns for
	// membership tests on every word of an article, cheaper than hashing.
	particleSet, pronounSet smallSet
	// The same for other short lists read on every capitalised word.
	honorificSet, nonNameSet, orgWordSet, speechVerbSet smallSet
	roleWords                                           map[string]bool // roleHeads and roleMods
}

// smallSet is a set of a few dozen words hashed by first byte, last byte
// and length into 256 slots: most words find their slot empty, the rest
// compare with a word or two. It is cheaper than a map on every word of
// an article, and small enough (half a kilobyte of slot offsets) to stay
// in cache.
type smallSet struct {
	start  [257]uint16 // the words of slot i are words[start[i]:start[i+1]]
	words  []string
	maxLen int // the longest word: longer ones are out without hashing
}

func smallSetSlot(w string) uint8 {
	return w[0]*7 + w[len(w)-1]*31 + uint8(len(w))*101
}

func smallSetOf[V any](words map[string]V) smallSet {
	var slots [256][]string
	for w := range words {
		if w != "" {
			i := smallSetSlot(w)
			slots[i] = append(slots[i], w)
		}
	}
	var s smallSet
	for w := range words {
		s.maxLen = max(s.maxLen, len(w))
	}
	for i, ws := range slots {
		s.start[i] = uint16(len(s.words))
		s.words = append(s.words, ws...)
	}
	s.start[256] = uint16(len(s.words))
	return s
}

func (s *smallSet) has(w string) bool {
	if w == "" || len(w) > s.maxLen {
		return false
	}
	i := smallSetSlot(w)
	for _, x := range s.words[s.start[i]:s.start[int(i)+1]] {
		if x == w {
			return true
		}
	}
	return false
}

type place struct {
	Canonical string
	Kind      string // country, region, city, state
}

var lex = mustLoadLexicon()

func mustLoadLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		// The data is embedded at build time, so this is a programming error.
		panic(err)
	}
	return l
}

func loadLexicon() (*lexicon, error) {
	l := &lexicon{
		firstNames: map[string]string{}, surnames: map[string]bool{}, common: map[string]bool{},
		nonNames: map[string]bool{}, honorifics: map[string]string{}, pronouns: map[string]string{},
		roleHeads: map[string]bool{}, roleMods: map[string]bool{}, orgWords: map[string]bool{},
		places: map[string]place{}, orgs: map[string]bool{},
		speechVerbs: map[string]bool{}, particles: map[string]bool{}, generic: map[string]bool{},
		familyFirst: map[string]bool{},
	}
	err := eachLine("data/firstnames.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want name<TAB>gender")
		}
		l.firstNames[f[0]] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	words := func(file string, into map[string]bool) error {
		return eachLine(file, func(f []string) error {
			for _, w := range strings.Fields(strings.Join(f, " ")) {
				into[w] = true
			}
			return nil
		})
	}
	for file, m := range map[string]map[string]bool{
		"data/surnames.txt": l.surnames, "data/common_words.txt": l.common,
		"data/nonnames.txt": l.nonNames, "data/orgwords.txt": l.orgWords,
		"data/speech_verbs.txt": l.speechVerbs, "data/particles.txt": l.particles,
		"data/generic_acronyms.txt": l.generic, "data/family_first.txt": l.familyFirst,
	} {
		if err := words(file, m); err != nil {
			return nil, err
		}
	}
	gendered := func(file string, into map[string]string) error {
		return eachLine(file, func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("want word<TAB>gender")
			}
			into[f[0]] = f[1]
			return nil
		})
	}
	if err := gendered("data/honorifics.txt", l.honorifics); err != nil {
		return nil, err
	}
	if err := gendered("data/pronouns.txt", l.pronouns); err != nil {
		return nil, err
	}
	err = eachLine("data/roles.txt", func(f []string) error {
		ws := strings.Fields(strings.Join(f, " "))
		if len(ws) < 2 || ws[0] != "head" && ws[0] != "mod" {
			return fmt.Errorf("want head|mod and its words")
		}
		into := l.roleMods
		if ws[0] == "head" {
			into = l.roleHeads
		}
		for _, w := range ws[1:] {
			into[w] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/places.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want kind<TAB>names")
		}
		names := strings.Split(f[1], "|")
		for _, n := range names {
			l.places[n] = place{Canonical: names[0], Kind: f[0]}
			l.noteGaz(n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/orgs.txt", func(f []string) error {
		for _, n := range strings.Split(strings.Join(f, " "), "|") {
			l.orgs[n] = true
			l.noteGaz(n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.particleSet, l.pronounSet = smallSetOf(l.particles), smallSetOf(l.pronouns)
	l.honorificSet, l.nonNameSet = smallSetOf(l.honorifics), smallSetOf(l.nonNames)
	l.orgWordSet, l.speechVerbSet = smallSetOf(l.orgWords), smallSetOf(l.speechVerbs)
	l.roleWords = map[string]bool{}
	for w := range l.roleHeads {
		l.roleWords[w] = true
	}
	for w := range l.roleMods {
		l.roleWords[w] = true
	}
	l.gazParts = map[string]gazPart{}
	addParts := func(name string) {
		for i := 1; i <= len(name); i++ {
			l.gazParts[name[:i]] |= gazPrefix
			l.gazParts[name[len(name)-i:]] |= gazSuffix
		}
		l.gazParts[name] |= gazName
	}
	for n := range l.places {
		addParts(n)
	}
	for n := range l.orgs {
		addParts(n)
	}
	return l, nil
}

// gazPart flags a substring of gazetteer names (lexicon.gazParts).
type gazPart uint8

const (
	gazPrefix gazPart = 1 << iota // some name starts with it
	gazSuffix                     // some name ends with it
	gazName                       // it is a name
)

func (l *lexicon) noteGaz(name string) {
	if n := len(strings.Fields(name)); n > l.maxGazWords {
		l.maxGazWords = n
	}
}

// eachLine reads one of this package's embedded word lists.
func eachLine(file string, fn func(fields []string) error) error {
	return datafile.EachLine(dataFS, file, fn)
}

// IsOrganisationOrPlace reports whether name (as written) is a gazetteer
// place, demonym or organisation, or contains a word that makes a
// capitalised run an organisation ("State Department").
func IsOrganisationOrPlace(name string) bool {
	if _, ok := lex.places[name]; ok {
		return true
	}
	if lex.orgs[name] {
		return true
	}
	for _, w := range strings.Fields(name) {
		if lex.orgWordSet.has(w) {
			return true
		}
	}
	return false
}

// PlaceKind returns "country", "region", "city" or "state" for a gazetteer
// place (demonyms count as their country) and its canonical name.
func PlaceKind(name string) (kind, canonical string) {
	p, ok := lex.places[name]
	if !ok {
		return "", ""
	}
	return p.Kind, p.Canonical
}

// IsRoleWord reports whether w (any case) names or qualifies a role.
func IsRoleWord(w string) bool {
	return hasFolded(lex.roleWords, w)
}

// IsRoleHead reports whether w (any case) names a role on its own.
func IsRoleHead(w string) bool { return hasFolded(lex.roleHeads, w) }

// hasFolded is set[strings.ToLower(w)] without allocating for short ASCII
// words, the common case on hot paths.
func hasFolded(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// IsCommonWord reports whether news writes w (lower case) as an ordinary
// word, so a capitalised w opening a sentence is not a name.
func IsCommonWord(w string) bool { return lex.common[w] || lex.nonNameSet.has(w) }
