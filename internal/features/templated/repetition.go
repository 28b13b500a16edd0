package templated

import (
	"fmt"
	"sort"
	"strings"
	"sync"

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

// wordKey folds a word for repetition matching (case, curly apostrophes).
func wordKey(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// asciiOnly reports whether w has no multi-byte characters, the common
// case in which wordKey is plain ASCII lower-casing.
func asciiOnly(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// findRepetition reports repeated sentences (TP007) and repeated runs of
// ngramWords or more words (TP008) within the main text, at the later
// occurrence, with the first occurrence's line as evidence.
func findRepetition(c *collector, doc *document.Document) repetition {
	var rep repetition
	mainEnd := doc.MainEnd()
	sc := repScratchPool.Get().(*repScratch)
	defer repScratchPool.Put(sc)

	// Every word's hash, fnv64(wordKey), made once by the document: sentences
	// and n-grams are both keyed by them.
	words := doc.Words()
	hashes := doc.Tokens().Hashes()

	// Sentences, keyed by their folded words: a hash of the word hashes
	// finds candidates, and a word-by-word comparison confirms them, so two
	// sentences count as the same exactly when their words are.
	firsts := sc.firsts[:0]
	defer func() { sc.firsts = firsts[:0] }()
	seen := sc.seen // sentence hash → firsts index +1
	clear(seen)
	inRepeatedSentence := sc.inRepeated
	clear(inRepeatedSentence)
	for _, s := range doc.Sentences() {
		if s.Start >= mainEnd {
			break
		}
		from, to := wordRange(words, s) // the words doc.WordsIn(s) returns
		if to-from < minRepeatedSentenceWords {
			continue
		}
		h := sentenceHash(hashes[from:to])
		first := -1
		for k := seen[h]; k > 0; k = firsts[k-1].next {
			if f := firsts[k-1]; sameWords(doc.Text, words[f.from:f.to], words[from:to]) {
				first = f.start
				break
			}
		}
		if first >= 0 && (onDisplayLine(doc, first) || onDisplayLine(doc, s.Start) || isStandfirst(doc, first, s.Start) ||
			afterFooter(doc, first, s.Start)) {
			continue // a headline, caption or standfirst restating the story: page layout
		}
		if first >= 0 {
			line, _ := doc.Position(first)
			c.add(ruleRepeatedSent, s.Start, s.End, "sentence repeated", fmt.Sprintf("first occurrence on line %d", line))
			inRepeatedSentence[s.Start] = true
			rep.sentences++
			continue
		}
		firsts = append(firsts, firstSentence{start: s.Start, from: from, to: to, next: seen[h]})
		seen[h] = int32(len(firsts))
	}

	// Word n-grams: hash every run of ngramWords words; a run whose hash was
	// seen at least ngramWords words earlier repeats. Consecutive repeating
	// runs merge into one span.
	nMain := doc.WordCount()
	if nMain < ngramWords*2 {
		return rep
	}
	keys := hashes[:nMain]
	firstAt := sc.firstAt.reset(len(keys))
	repeatedWords := grow(sc.repeated, len(keys))
	sc.repeated = repeatedWords
	clear(repeatedWords)
	firstOf := grow(sc.firstOf, len(keys)) // for a repeated run start, where it first appeared
	sc.firstOf = firstOf
	var roll ngramRoller
	for i := 0; i+ngramWords <= len(keys); i++ {
		g := roll.next(keys, i)
		j, ok := firstAt.lookupOrAdd(g, i)
		if !ok {
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
		if quotedOrNames(c, doc, words[i:k], words[firstOf[i]].Start) ||
			onDisplayLine(doc, start) || onDisplayLine(doc, words[firstOf[i]].Start) || isStandfirst(doc, words[firstOf[i]].Start, start) ||
			afterFooter(doc, words[firstOf[i]].Start, start) {
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

// onDisplayLine reports whether offset lies on a line that is page layout
// rather than running text: a furniture line (caption, timestamp), or a
// line standing alone without a sentence ending (a headline, a standfirst,
// a caption without a full stop). News pages repeat the lede in such lines
// on purpose; a generator repeating itself does so in running text.
func onDisplayLine(doc *document.Document, offset int) bool {
	if doc.InFurniture(offset) {
		return true
	}
	lines := doc.Lines()
	i := sort.Search(len(lines), func(i int) bool { return lines[i].End >= offset })
	if i == len(lines) {
		return false
	}
	line := strings.TrimSpace(doc.Slice(lines[i]))
	line = strings.TrimRight(line, `"'”’)*`)
	return line != "" && !strings.ContainsAny(line[len(line)-1:], ".!?:;")
}

// standfirstLines is how many non-blank lines open a page before its body:
// headline, standfirst (summary), and the odd label.
const standfirstLines = 4

// isStandfirst reports whether first is a page's standfirst: in its opening
// lines, with page furniture (a byline, a timestamp, a photo and its
// caption) between it and repeat. A news page prints a summary of the lede
// above the byline and photo; a generator that repeats itself does so
// within its running text.
func isStandfirst(doc *document.Document, first, repeat int) bool {
	nonBlank := 0
	for _, l := range doc.Lines() {
		if l.Start > first {
			break
		}
		if strings.TrimSpace(doc.Slice(l)) != "" {
			nonBlank++
		}
		if nonBlank > standfirstLines {
			return false
		}
	}
	if nonBlank > standfirstLines {
		return false
	}
	for _, f := range doc.Furniture() {
		if f.Start > first && f.Start < repeat {
			return true
		}
	}
	return false
}

// afterFooter reports whether the site's footer (document.TrailerStart:
// the copyright line after the article) stands between first and repeat:
// what follows it is the page's teaser of the same story, not the article
// repeating itself.
func afterFooter(doc *document.Document, first, repeat int) bool {
	t := doc.TrailerStart()
	return first < t && t <= repeat
}

// firstSentence is the first sentence seen with a given hash.
type firstSentence struct {
	start, from, to int   // offset; its words are words[from:to]
	next            int32 // earlier sentence with the same hash, +1
}

// wordRange returns the index range in words (the document's words) of
// the words inside sentence s: what doc.WordsIn(s) returns, as indexes.
func wordRange(words []document.Span, s document.Span) (int, int) {
	from := sort.Search(len(words), func(i int) bool { return words[i].Start >= s.Start })
	to := from
	for to < len(words) && words[to].End <= s.End {
		to++
	}
	return from, to
}

// sentenceHash combines a sentence's word hashes, order and length
// included.
func sentenceHash(hs []uint64) uint64 {
	h := uint64(len(hs))
	for _, x := range hs {
		h = splitmix(h ^ x)
	}
	return h
}

// sameWords reports whether two runs of words have equal wordKeys one by
// one: the test the sentence keys ("word word … ", each wordKey followed
// by a space, no key containing one) were compared by.
func sameWords(text string, a, b []document.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameWordKey(text[a[i].Start:a[i].End], text[b[i].Start:b[i].End]) {
			return false
		}
	}
	return true
}

// sameWordKey is wordKey(x) == wordKey(y), comparing ASCII words in place.
func sameWordKey(x, y string) bool {
	if !asciiOnly(x) || !asciiOnly(y) {
		return wordKey(x) == wordKey(y) // the Kelvin sign folds to "k": no shortcut
	}
	if len(x) != len(y) {
		return false
	}
	for i := 0; i < len(x); i++ {
		a, b := x[i], y[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// ngramRoller hashes every run of ngramWords word hashes in O(1) a run:
// a polynomial rolling sum of the words' splitmix-scrambled hashes (mod
// 2^64, odd multiplier), finished with one more splitmix. Only equality of
// n-grams within one article matters.
type ngramRoller struct {
	sum, topPow uint64 // running sum; rollBase^(ngramWords-1)
	started     bool
}

const rollBase = 0x9E3779B97F4A7C15 // odd: multiplication is a bijection mod 2^64

// next returns the hash of keys[i:i+ngramWords]; calls must go i = 0, 1, 2…
func (r *ngramRoller) next(keys []uint64, i int) uint64 {
	if !r.started {
		r.started, r.topPow = true, 1
		for k := 0; k < ngramWords; k++ {
			r.sum = r.sum*rollBase + splitmix(keys[k])
			if k > 0 {
				r.topPow *= rollBase
			}
		}
	} else {
		r.sum = (r.sum-splitmix(keys[i-1])*r.topPow)*rollBase + splitmix(keys[i+ngramWords-1])
	}
	return splitmix(r.sum)
}

// firstSeen maps an n-gram hash to the first word index it started at: an
// open-addressed table sized once for the article (a Go map's growth and
// hashing dominated the search).
type firstSeen struct {
	hashes []uint64
	at     []int32 // index+1; 0 marks an empty slot
	mask   uint64
}

// reset empties f and sizes it for n n-grams, reusing its slices.
func (f *firstSeen) reset(n int) *firstSeen {
	size := 16
	for size < 2*n {
		size *= 2
	}
	f.hashes, f.at, f.mask = grow(f.hashes, size), grow(f.at, size), uint64(size-1)
	clear(f.at)
	return f
}

// repScratch is findRepetition's per-article working memory, pooled: the
// n-gram table alone was the batch's largest allocation.
type repScratch struct {
	firsts     []firstSentence
	seen       map[uint64]int32
	inRepeated map[int]bool
	firstAt    firstSeen
	repeated   []bool
	firstOf    []int
}

var repScratchPool = sync.Pool{New: func() any {
	return &repScratch{seen: map[uint64]int32{}, inRepeated: map[int]bool{}}
}}

// grow returns s resliced to n, reallocated only when too small; the
// contents are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// lookupOrAdd returns the index stored for g and true, or stores i for g
// and returns false.
func (f *firstSeen) lookupOrAdd(g uint64, i int) (int, bool) {
	for slot := g & f.mask; ; slot = (slot + 1) & f.mask {
		switch {
		case f.at[slot] == 0:
			f.hashes[slot], f.at[slot] = g, int32(i+1)
			return 0, false
		case f.hashes[slot] == g:
			return int(f.at[slot]) - 1, true
		}
	}
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
func quotedOrNames(c *collector, doc *document.Document, run []document.Span, firstStart int) bool {
	if c.insideQuote(run[0].Start) || c.insideQuote(firstStart) {
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
