package people

import (
	"sort"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// GazetteerKey is the analysis.Env key under which the knowledge base
// offers a Gazetteer of known people.
const GazetteerKey = "people.gazetteer"

// Gazetteer tells whether a name is a known person; a name it knows needs
// no other evidence to be taken for a person.
type Gazetteer interface {
	IsKnownPerson(name string) bool
}

// Analyzer finds the people an article names, their roles, and the later
// mentions that refer to them. It reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name: "people",
	Doc: `people, roles and coreference

Finds person names (capitalised runs with honorifics, titles, particles and
suffixes, judged by census first-name and surname lists, context and an
optional knowledge-base gazetteer; places and organisations excluded), the
roles written around them (titles, appositives, possessives), and joins
later surname and pronoun mentions to the right person.`,
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	var gaz Gazetteer
	if g, ok := pass.Env.Value(GazetteerKey).(Gazetteer); ok {
		gaz = g
	}
	var allowed map[string]bool
	if pass.Env != nil {
		allowed = pass.Env.AllowedPeople
	}
	return Find(pass.Doc, gaz, allowed), nil
}

// Find extracts the people of doc. gaz and allowed may be nil.
func Find(doc *document.Document, gaz Gazetteer, allowed map[string]bool) *Result {
	end := doc.MainEnd()
	if end > maxTokenText {
		// Token offsets are int32. No article comes near: the pipeline
		// caps one at 4 MiB unless told otherwise, and 2 GiB of text
		// would need some 150 GB of analysis memory.
		end = maxTokenText
	}
	f := &finder{text: doc.Text[:end], gaz: gaz, allowed: allowed}
	sc := findScratches.Get().(*findScratch)
	low, aligned := doc.Lower() // the document's, shared with other analyzers
	if aligned && end < len(low) && !utf8.RuneStart(doc.Text[end]) {
		aligned = false // the main text ends inside a rune: lower its tokens one by one
	}
	if aligned {
		f.low = low[:end]
	}
	f.toks, f.lowers = tokenizeInto(sc.toks[:0], sc.lowers, f.text, f.low, aligned)
	defer func() {
		// Tokens hold no pointer (nothing to clear) and tokenizeInto sets
		// every field of the next document's.
		sc.toks = f.toks[:0]
		if f.lowers != nil {
			clear(f.lowers)
			sc.lowers = f.lowers[:0]
		}
		sc.lineStart = f.lineStart[:0]
		findScratches.Put(sc)
	}()
	f.lineStart = sc.lineStart
	f.markSentenceStarts(doc)
	matches := f.findNames(sc.matches[:0])
	defer func() {
		clear(matches) // link copies what it keeps (names, roles)
		sc.matches = matches[:0]
	}()
	paragraphOf := func(off int) int { return doc.ParagraphAt(off) }
	res := &Result{People: f.link(matches, paragraphOf)}
	res.idx = newMentionIndex(res.People)
	return res
}

// markSentenceStarts flags tokens that open a sentence or a line, or follow
// an opening quote, bracket, dash or colon there.
func (f *finder) markSentenceStarts(doc *document.Document) {
	// Sentence starts in order, walked alongside the tokens.
	sents := doc.Sentences()
	starts := make([]int, len(sents))
	for i, s := range sents {
		starts[i] = s.Start
	}
	if !sort.IntsAreSorted(starts) {
		sort.Ints(starts)
	}
	next := 0
	f.lineStart = append(f.lineStart[:0], make([]bool, len(f.toks))...) // all false, reusing the pooled slice
	for i := range f.toks {
		t := &f.toks[i]
		start := int(t.Start)
		for next < len(starts) && starts[next] < start {
			next++
		}
		sentenceStart := next < len(starts) && starts[next] == start
		switch {
		case i == 0 || t.LineBreak || sentenceStart:
			f.lineStart[i] = true
		default:
			if f.toks[i-1].Kind == punctToken {
				switch f.tok(i - 1) {
				case ":", "“", "\"", "‘", "(", "-", "–", "—", "|", "?", "!":
					f.lineStart[i] = true
				}
			}
		}
	}
}
