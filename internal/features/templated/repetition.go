package templated

import (
	"fmt"
	"hash/maphash"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

const (
	// minRepeatedSentenceWords keeps short formulaic sentences ("He
	// declined to comment.") out of TP007.
	minRepeatedSentenceWords = 6
	// ngramWords is the shortest repeated word run TP008 reports.
	ngramWords = 8
)

type repetition struct {
	sentences, ngrams int
	wordShare         float64 // share of the article's words inside a repeated run
}

var repeatSeed = maphash.MakeSeed()

// wordKey folds a word for repetition matching (case, curly apostrophes).
func wordKey(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// findRepetition reports repeated sentences (TP007) and repeated runs of
// ngramWords or more words (TP008) within the main text, at the later
// occurrence, with the first occurrence's line as evidence.
func findRepetition(c *collector, doc *document.Document) repetition {
	var rep repetition
	mainEnd := doc.MainEnd()

	// Sentences, keyed by their words.
	seen := map[string]int{} // key → start offset of first occurrence
	inRepeatedSentence := map[int]bool{}
	for _, s := range doc.Sentences() {
		if s.Start >= mainEnd {
			break
		}
		ws := document.WordSpans(doc.Text, s.Start, s.End, nil)
		if len(ws) < minRepeatedSentenceWords {
			continue
		}
		key := sentenceKey(doc.Text, ws)
		if first, ok := seen[key]; ok {
			line, _ := doc.Position(first)
			c.add(ruleRepeatedSent, s.Start, s.End, "sentence repeated", fmt.Sprintf("first occurrence on line %d", line))
			inRepeatedSentence[s.Start] = true
			rep.sentences++
			continue
		}
		seen[key] = s.Start
	}

	// Word n-grams: hash every run of ngramWords words; a run whose hash was
	// seen at least ngramWords words earlier repeats. Consecutive repeating
	// runs merge into one span.
	words := doc.Words()
	var keys []uint64
	for _, w := range words {
		if w.Start >= mainEnd {
			break
		}
		keys = append(keys, maphash.String(repeatSeed, wordKey(doc.Text[w.Start:w.End])))
	}
	if len(keys) < ngramWords*2 {
		return rep
	}
	firstAt := map[uint64]int{}
	repeatedWords := make([]bool, len(keys))
	firstOf := make([]int, len(keys)) // for a repeated run start, where it first appeared
	var h maphash.Hash
	for i := 0; i+ngramWords <= len(keys); i++ {
		h.SetSeed(repeatSeed)
		var b [8]byte
		for _, k := range keys[i : i+ngramWords] {
			for j := range b {
				b[j] = byte(k >> (8 * j))
			}
			h.Write(b[:])
		}
		g := h.Sum64()
		j, ok := firstAt[g]
		if !ok {
			firstAt[g] = i
			continue
		}
		if i-j < ngramWords || crossesParagraphs(doc, words[i].Start, words[i+ngramWords-1].End) {
			continue // overlapping itself ("very very very …"), or spanning paragraphs
		}
		for k := i; k < i+ngramWords; k++ {
			if !repeatedWords[k] {
				repeatedWords[k] = true
				firstOf[k] = j + (k - i)
			}
		}
	}
	total := 0
	for i := 0; i < len(repeatedWords); {
		if !repeatedWords[i] {
			i++
			continue
		}
		k := i
		for k < len(repeatedWords) && repeatedWords[k] {
			k++
		}
		total += k - i
		start, end := words[i].Start, words[k-1].End
		if quotedOrNames(doc, words[i:k], words[firstOf[i]].Start) {
			i = k
			continue
		}
		if !inRepeatedSentence[sentenceStartAt(doc, start)] || sentenceStartAt(doc, start) != sentenceStartAt(doc, end-1) {
			line, _ := doc.Position(words[firstOf[i]].Start)
			c.add(ruleRepeatedNgram, start, end, fmt.Sprintf("%d-word run repeated", k-i),
				fmt.Sprintf("first occurrence on line %d", line))
			rep.ngrams++
		}
		i = k
	}
	rep.wordShare = float64(total) / float64(len(keys))
	return rep
}

func sentenceKey(text string, ws []document.Span) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(wordKey(text[w.Start:w.End]))
		b.WriteByte(' ')
	}
	return b.String()
}

func sentenceStartAt(doc *document.Document, off int) int {
	i := doc.SentenceAt(off)
	if i < 0 {
		return -1
	}
	return doc.Sentences()[i].Start
}

// crossesParagraphs reports whether [start,end) spans more than one
// paragraph (list items and table rows glued by the word index).
func crossesParagraphs(doc *document.Document, start, end int) bool {
	return doc.ParagraphAt(start) != doc.ParagraphAt(end-1)
}

// quotedOrNames reports runs reporters legitimately repeat: a quotation
// (either occurrence inside quotation marks: a pull quote restated in the
// body) or a run mostly of capitalised words (names, titles, award lists).
func quotedOrNames(doc *document.Document, run []document.Span, firstStart int) bool {
	if insideQuote(doc, run[0].Start) || insideQuote(doc, firstStart) {
		return true
	}
	capital := 0
	for _, w := range run {
		if c := doc.Text[w.Start]; c >= 'A' && c <= 'Z' {
			capital++
		}
	}
	return capital*3 >= len(run)
}

// insideQuote reports whether off lies between quotation marks in its
// paragraph (an odd number of quote marks precede it, or a quotation opened
// with a curly mark is still open).
func insideQuote(doc *document.Document, off int) bool {
	p := doc.ParagraphAt(off)
	if p < 0 {
		return false
	}
	seg := doc.Text[doc.Paragraphs()[p].Start:off]
	straight := strings.Count(seg, "\"")
	open, closed := strings.Count(seg, "“"), strings.Count(seg, "”")
	return straight%2 == 1 || open > closed
}
