package lexicon

import "sync"

// Hits are the entries of every list found in one text.
type Hits struct {
	Stock, Paraphrase, Vocab []Hit
}

// combined is one automaton over all three lists, so an article is
// normalised and scanned once whatever the number of lists.
type combined struct {
	matcher *Matcher
	owner   []listRef // pattern index → list and entry
}

type listRef struct {
	list  int // 0 stock, 1 paraphrase, 2 vocab
	entry int
}

var (
	combinedOnce sync.Once
	all          combined
)

func loadCombined() {
	loadOnce.Do(load)
	if loadErr != nil {
		return
	}
	var phrases []string
	for li, l := range []*Lexicon{stock, paraphrase, vocab} {
		for ei, e := range l.Entries {
			phrases = append(phrases, e.Phrase)
			all.owner = append(all.owner, listRef{li, ei})
		}
	}
	all.matcher = Compile(phrases)
}

// FindAllLists scans text once for the stock, paraphrase and vocabulary
// lists.
func FindAllLists(text string) (Hits, error) {
	combinedOnce.Do(loadCombined)
	if loadErr != nil {
		return Hits{}, loadErr
	}
	lists := []*Lexicon{stock, paraphrase, vocab}
	var h Hits
	all.matcher.withScratch(text, func(ms []Match) {
		for _, m := range ms {
			ref := all.owner[m.Pattern]
			hit := Hit{Entry: &lists[ref.list].Entries[ref.entry], Start: m.Start, End: m.End}
			switch ref.list {
			case 0:
				h.Stock = append(h.Stock, hit)
			case 1:
				h.Paraphrase = append(h.Paraphrase, hit)
			default:
				h.Vocab = append(h.Vocab, hit)
			}
		}
	})
	return h, nil
}
