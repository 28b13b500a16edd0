package fabrication

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
)

//go:embed data/words.yaml
var wordsYAML []byte

type words struct {
	AuthorityHeads []string `yaml:"authority_heads"`
	VagueOrg       []string `yaml:"vague_org"`
	Regions        []string `yaml:"regions"`
	GenericCaps    []string `yaml:"generic_caps"`
	PastMarkers    []string `yaml:"past_markers"`
	PresentVerbs   []string `yaml:"present_verbs"`
	Adverbs        []string `yaml:"adverbs"`
	Calendar       []string `yaml:"calendar"`
	Openers        []string `yaml:"sentence_openers"`
	BodyNouns      []string `yaml:"body_nouns"`
	PastClause     []string `yaml:"past_clause"`
	Participles    []string `yaml:"participles"`
	// OfficeHonorifics map an honorific (lower case, no full stop) to
	// the office it names.
	OfficeHonorifics map[string]string `yaml:"office_honorifics"`
	GenericTitles    []string          `yaml:"generic_titles"`
	TransitionWords  []string          `yaml:"transition_words"`
	DeathVerbs       []string          `yaml:"death_verbs"`
	DeathNouns       []string          `yaml:"death_nouns"`
}

type lexicon struct {
	authority, vagueOrg, regions, genericCaps, present, adverbs, calendar, openers map[string]bool
	bodyNouns, pastClause, participles, genericTitles                              map[string]bool
	officeHonorifics                                                               map[string]string
	pastMarkers, transitionWords                                                   []string
	// diedAfterName and diedLater match the death clauses of words.yaml
	// right after a name and anywhere later in its sentence.
	diedAfterName, diedLater *regexp.Regexp
	// diedBefore matches a death noun and "of" right before a title
	// ("the death of Pope Francis", "the funeral of President X").
	diedBefore *regexp.Regexp
}

var (
	lexOnce sync.Once
	lexVal  *lexicon
	lexErr  error
)

func getLexicon() (*lexicon, error) {
	lexOnce.Do(func() {
		var w words
		if err := yaml.Unmarshal(wordsYAML, &w); err != nil {
			lexErr = fmt.Errorf("fabrication words.yaml: %w", err)
			return
		}
		set := func(ws []string) map[string]bool {
			m := make(map[string]bool, len(ws))
			for _, x := range ws {
				m[x] = true
			}
			return m
		}
		lexVal = &lexicon{
			authority: set(w.AuthorityHeads), vagueOrg: set(w.VagueOrg), regions: set(w.Regions),
			genericCaps: set(w.GenericCaps), present: set(w.PresentVerbs), adverbs: set(w.Adverbs), calendar: set(w.Calendar), openers: set(w.Openers),
			pastMarkers: w.PastMarkers, bodyNouns: set(w.BodyNouns),
			pastClause: set(w.PastClause), participles: set(w.Participles), officeHonorifics: w.OfficeHonorifics,
			genericTitles: set(w.GenericTitles), transitionWords: w.TransitionWords,
		}
		verbs, nouns := alternation(w.DeathVerbs), alternation(w.DeathNouns)
		lexVal.diedAfterName = regexp.MustCompile(`^(?:['’]s\s+(?:\w+\s+)?(?:` + nouns + `)\b|\s*,\s+whose\s+(?:` + nouns + `)\b|(?:\s*,[^,;.]{1,80},)?\s*,?\s+(?:who\s+)?(?:(?:was|were|had been|has been|is|got)\s+)?(?:` + verbs + `)\b)`)
		lexVal.diedLater = regexp.MustCompile(`\b(?:before|until|after|since|upon|on)\s+(?:his|her)\s+(?:` + nouns + `)\b`)
		lexVal.diedBefore = regexp.MustCompile(`\b(?:` + nouns + `)\s+of\s+(?:the\s+)?$`)
	})
	return lexVal, lexErr
}

// alternation is a regexp alternation of words (spaces match any run of
// white space).
func alternation(ws []string) string {
	qs := make([]string, len(ws))
	for i, w := range ws {
		qs[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
	}
	return strings.Join(qs, "|")
}
