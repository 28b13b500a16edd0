// Package lexicon holds copydesk's derived word and phrase lists (embedded
// from data/, rebuilt by `go generate` from ../shared, see data/README.md)
// and the multi-pattern matcher that finds them in an article.
package lexicon

//go:generate go run ./gen -shared ../../../shared -out data

import (
	"embed"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/copydesk/copydesk/internal/datafile"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Entry is one lexicon phrase with what the train split measured about it.
type Entry struct {
	Phrase string
	// Note is the stock phrase's category or, for a paraphrase artifact,
	// the wording the writer meant.
	Note string
	// Weight is the smoothed log ratio of machine to human use per word
	// (see data/README.md).
	Weight                 float64
	HumanDocs, MachineDocs int
}

// Lexicon is one list compiled for matching.
type Lexicon struct {
	Entries []Entry
	matcher *Matcher
}

// Hit is one entry found in a text.
type Hit struct {
	Entry      *Entry
	Start, End int
}

// Find returns every whole-word occurrence of the lexicon's entries in text.
func (l *Lexicon) Find(text string) []Hit {
	ms := l.matcher.FindAll(text, nil)
	out := make([]Hit, len(ms))
	for i, m := range ms {
		out[i] = Hit{Entry: &l.Entries[m.Pattern], Start: m.Start, End: m.End}
	}
	return out
}

var (
	loadOnce                 sync.Once
	stock, vocab, paraphrase *Lexicon
	loadErr                  error
)

func load() {
	var err error
	if stock, err = readLexicon("data/stock.tsv", true); err != nil {
		loadErr = err
		return
	}
	if paraphrase, err = readLexicon("data/paraphrase.tsv", true); err != nil {
		loadErr = err
		return
	}
	vocab, loadErr = readLexicon("data/vocab.tsv", false)
}

// Stock returns the stock LLM and content-farm phrases.
func Stock() (*Lexicon, error) { loadOnce.Do(load); return stock, loadErr }

// Paraphrase returns the paraphrase-tool synonym-swap artifacts.
func Paraphrase() (*Lexicon, error) { loadOnce.Do(load); return paraphrase, loadErr }

// Vocab returns the over-used vocabulary weighted against human news.
func Vocab() (*Lexicon, error) { loadOnce.Do(load); return vocab, loadErr }

// readLexicon parses a generated TSV. Curated files carry a note column
// after the phrase; the vocabulary file does not.
func readLexicon(path string, withNote bool) (*Lexicon, error) {
	l := &Lexicon{}
	err := datafile.EachLine(dataFS, path, func(cols []string) error {
		e := Entry{Phrase: cols[0]}
		if withNote {
			if len(cols) < 2 {
				return errors.New("want a note column")
			}
			e.Note = cols[1]
			cols = append(cols[:1], cols[2:]...)
		}
		if len(cols) < 6 {
			return fmt.Errorf("want 6 columns, have %d", len(cols))
		}
		var err error
		if e.Weight, err = strconv.ParseFloat(cols[1], 64); err != nil {
			return fmt.Errorf("weight: %w", err)
		}
		if e.HumanDocs, err = strconv.Atoi(cols[4]); err != nil {
			return fmt.Errorf("human_docs: %w", err)
		}
		if e.MachineDocs, err = strconv.Atoi(cols[5]); err != nil {
			return fmt.Errorf("machine_docs: %w", err)
		}
		l.Entries = append(l.Entries, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	phrases := make([]string, len(l.Entries))
	for i, e := range l.Entries {
		phrases[i] = e.Phrase
	}
	l.matcher = Compile(phrases)
	return l, nil
}
