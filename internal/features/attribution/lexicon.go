package attribution

import (
	"embed"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/datafile"
)

//go:embed data/*.txt
var dataFS embed.FS

// verbClass says what a reporting verb reports.
type verbClass uint8

const (
	speechVerb verbClass = iota + 1 // "said", "told", "wrote"
	beliefVerb                      // "believe", "suggest", "argue"
)

// groupClass says what kind of unnamed group stands in for a source.
type groupClass uint8

const (
	opinionGroup  groupClass = iota + 1 // "experts", "analysts", "many"
	officialGroup                       // "officials", "sources", "reports"
)

type lexicon struct {
	verbs      map[string]verbClass
	groups     map[string]groupClass
	orgAdj     map[string]bool
	orgNouns   map[string]bool
	orgPhrases []string   // multi-word organisation nouns, lower case
	verbFilter *keyFilter // over verbs' keys; built once after loading
}

var lex = must(load())

// must returns v, or panics on err: for the embedded word lists, which are
// fixed at build time, so a bad one is a programming error any test catches.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func load() (*lexicon, error) {
	l := &lexicon{verbs: map[string]verbClass{}, groups: map[string]groupClass{}, orgAdj: map[string]bool{}, orgNouns: map[string]bool{}}
	err := eachLine("data/reporting_verbs.txt", func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want verb<TAB>class")
		}
		switch f[1] {
		case "speech":
			l.verbs[f[0]] = speechVerb
		case "belief":
			l.verbs[f[0]] = beliefVerb
		default:
			return fmt.Errorf("unknown class %q", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/groups.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want word<TAB>class")
		}
		switch f[1] {
		case "opinion":
			l.groups[f[0]] = opinionGroup
		case "official":
			l.groups[f[0]] = officialGroup
		default:
			return fmt.Errorf("unknown class %q", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/unnamed_orgs.txt", func(f []string) error {
		line := strings.Join(f, " ")
		kind, rest, _ := strings.Cut(line, " ")
		switch kind {
		case "adj":
			for _, w := range strings.Fields(rest) {
				l.orgAdj[w] = true
			}
		case "noun":
			for _, w := range strings.Fields(rest) {
				l.orgNouns[w] = true
			}
		case "phrase":
			for _, p := range strings.Split(rest, "|") {
				l.orgPhrases = append(l.orgPhrases, strings.TrimSpace(p))
			}
		default:
			return fmt.Errorf("want adj, noun or phrase, got %q", kind)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.verbFilter = newKeyFilter(l.verbs)
	return l, nil
}

// eachLine reads one of this package's embedded word lists.
func eachLine(file string, fn func(fields []string) error) error {
	return datafile.EachLine(dataFS, file, fn)
}
