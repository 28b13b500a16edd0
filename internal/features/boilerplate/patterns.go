package boilerplate

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/datafile"
	cdlexicon "github.com/copydesk/copydesk/internal/lexicon"
)

//go:embed data/patterns.tsv data/widget_words.txt data/verb_cues.txt data/line_model.tsv
var dataFS embed.FS

// matchKind says where a listed pattern counts as boilerplate.
type matchKind string

const (
	kindLine   matchKind = "line"   // the whole normalised line
	kindLabel  matchKind = "label"  // line opens with pattern + ":" or a dash
	kindPrefix matchKind = "prefix" // line opens with pattern at a word boundary
	kindPhrase matchKind = "phrase" // anywhere, at word boundaries
	// kindRun is a whole line that is chrome only beside other chrome: a
	// share bar's lone "Facebook" or "X" under "Share this:", where the
	// same word alone could be a tech story's subheading.
	kindRun matchKind = "run"
)

// pattern is one entry of data/patterns.tsv.
type pattern struct {
	rule string
	kind matchKind
	text string // normalised (lower case, straight quotes)
}

// lexicon is the compiled pattern list.
type lexicon struct {
	lines    map[string]string // normalised line → rule
	runs     map[string]string // normalised line → rule, when beside chrome
	labels   map[string]string // label → rule
	prefixes []pattern         // checked against a line's start
	phrases  []pattern         // index = Aho–Corasick pattern number
	matcher  *cdlexicon.ByteMatcher
	maxLabel int // longest label in words
}

// parsePatterns reads the TSV pattern file.
func parsePatterns(fsys fs.FS, file string) ([]pattern, error) {
	var out []pattern
	err := datafile.EachLine(fsys, file, func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want 3 tab-separated fields, got %d", len(f))
		}
		k := matchKind(f[1])
		switch k {
		case kindLine, kindLabel, kindPrefix, kindPhrase, kindRun:
		default:
			return fmt.Errorf("unknown kind %q", f[1])
		}
		if _, ok := ruleGroup[f[0]]; !ok {
			return fmt.Errorf("unknown rule %q", f[0])
		}
		text := f[2]
		if k != kindPhrase {
			text = normalizeLine(text)
		} else {
			text = strings.ToLower(text)
		}
		if text == "" {
			return errors.New("empty pattern")
		}
		out = append(out, pattern{rule: f[0], kind: k, text: text})
		return nil
	})
	return out, err
}

func compileLexicon(ps []pattern) *lexicon {
	lx := &lexicon{lines: map[string]string{}, runs: map[string]string{}, labels: map[string]string{}}
	var texts []string
	for _, p := range ps {
		switch p.kind {
		case kindLine:
			lx.lines[p.text] = p.rule
		case kindRun:
			lx.runs[p.text] = p.rule
		case kindLabel:
			lx.labels[p.text] = p.rule
			if n := len(strings.Fields(p.text)); n > lx.maxLabel {
				lx.maxLabel = n
			}
		case kindPrefix:
			lx.prefixes = append(lx.prefixes, p)
		case kindPhrase:
			// Text is lower-cased byte for byte (ASCII only), so a phrase
			// with a straight apostrophe needs its curly twin as well.
			variants := []string{p.text}
			if strings.Contains(p.text, "'") {
				variants = append(variants, strings.ReplaceAll(p.text, "'", "’"))
			}
			for _, v := range variants {
				lx.phrases = append(lx.phrases, pattern{rule: p.rule, kind: kindPhrase, text: v})
				texts = append(texts, v)
			}
		}
	}
	lx.matcher = cdlexicon.CompileBytes(texts)
	return lx
}

// loadLexicon reads and compiles the embedded pattern list.
func loadLexicon() (*lexicon, error) {
	ps, err := parsePatterns(dataFS, "data/patterns.tsv")
	if err != nil {
		return nil, err
	}
	return compileLexicon(ps), nil
}

// wordSet reads a one-word-a-line list with # comments.
func wordSet(name string) (map[string]bool, error) {
	out := map[string]bool{}
	err := datafile.EachLine(dataFS, name, func(f []string) error {
		out[strings.ToLower(f[0])] = true
		return nil
	})
	return out, err
}

// normalizeLine lower-cases a line, straightens quotes and dashes, strips
// markdown markers around it and trailing ":.!?" and collapses spaces, so
// "## **Did You Know?**" and "Did you know" compare equal.
//
// It is one pass over the runes, equal to
//
//	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-", "\u00a0", " ").Replace(s)
//	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
//
// followed by the trims below (TestNormalizeLineMatchesReference holds it
// to that), without the three intermediate strings: it runs on every line
// of every article.
func normalizeLine(s string) string {
	var stack [256]byte
	b := stack[:0]
	space := false // a space is owed before the next character
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				space = len(b) > 0
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				b, space = append(b, ' '), false
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '’', '‘':
			r = '\''
		case '“', '”':
			r = '"'
		case '–', '—':
			r = '-'
		}
		if unicode.IsSpace(r) { // no-break space included
			space = len(b) > 0
			continue
		}
		if space {
			b, space = append(b, ' '), false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r)) // invalid bytes become U+FFFD, as strings.ToLower makes them
	}
	out := strings.TrimLeft(string(b), "#*_>•·|=~ ")
	if strings.HasPrefix(out, "- ") || out == "-" {
		out = strings.TrimLeft(out, "- ")
	}
	return strings.TrimRight(out, "*_:.!? ")
}

// trimListMarkers strips, from a normalised line, what generated copy puts
// before a heading or a table-of-contents entry: emoji and pictographs
// ("🔍 Key Points"), a list number ("2. Background", "3) FAQs") and the
// markdown markers that follow them ("1. **Introduction**"). A number
// followed by more digits ("1.5 million") is kept, and so are © and ®
// (below U+2000), which the copyright patterns start with.
func trimListMarkers(s string) string {
	for {
		t := strings.TrimLeftFunc(s, func(r rune) bool {
			return r >= 0x2000 && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r)) || r == '\ufe0f' || r == '\u200d'
		})
		i := 0
		for i < len(t) && i < 3 && '0' <= t[i] && t[i] <= '9' {
			i++
		}
		if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
			t = t[i+2:]
		}
		t = strings.TrimLeft(t, "#*_>•·|=~ ")
		if t == s {
			return s
		}
		s = t
	}
}

// widgetWords reads data/widget_words.txt into its strong and weak sets.
func widgetWords() (strong, weak map[string]bool, err error) {
	strong, weak = map[string]bool{}, map[string]bool{}
	err = datafile.EachLine(dataFS, "data/widget_words.txt", func(f []string) error {
		switch class := strings.Join(f[1:], "\t"); class {
		case "strong":
			strong[strings.ToLower(f[0])] = true
		case "weak":
			weak[strings.ToLower(f[0])] = true
		default:
			return fmt.Errorf("class %q is not strong or weak", class)
		}
		return nil
	})
	return strong, weak, err
}
