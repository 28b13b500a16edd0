package templated

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

// MinHash/LSH parameters. A sentence is a set of word-pair shingles; its
// signature keeps sigSize minima; sigSize/rowsPerBand bands of rowsPerBand
// minima each are hashed into buckets. Two sentences with Jaccard
// similarity s share a bucket with probability 1-(1-s^3)^5: 0.93 at s=0.75,
// 0.99 at s=0.9, 0.13 at s=0.3. Candidates are then verified on the whole
// signature (≥ minAgree of sigSize minima equal, Jaccard ≈ 0.73: one word
// changed in a 20-word sentence still matches).
const (
	sigSize          = 15
	rowsPerBand      = 3
	bands            = sigSize / rowsPerBand
	minAgree         = 11
	minSharedWords   = 8
	shingleWords     = 2
	maxBucketEntries = 64 // a sentence in thousands of articles is still found; buckets stay bounded
)

// sentenceRecord is what the batch keeps per eligible sentence: 88 bytes.
type sentenceRecord struct {
	start, end, line, col int32
	exact                 uint64 // hash of the exact bytes, to quote the earlier article
	sig                   [sigSize]uint32
}

// articleRecord is the compact per-article index: ID, source and sentence
// records (≈ 2.2 KB for a 25-sentence article, plus 5 bucket slots of 8
// bytes per sentence: ≈ 3.2 KB in all).
type articleRecord struct {
	id, source string
	sentences  []sentenceRecord
}

type sentenceRef struct{ doc, sent int32 }

// SharedSentences is the TP010 batch check: sentences that articles from
// different sources share.
type SharedSentences struct {
	articles []articleRecord
	buckets  map[uint64][]sentenceRef
	mix      [sigSize]uint64
	pending  map[int][]analysis.Finding // amendments to earlier articles
	reported map[sentenceRef]bool
}

// NewSharedSentences returns a fresh check for one batch.
func NewSharedSentences() *SharedSentences {
	s := &SharedSentences{buckets: map[uint64][]sentenceRef{},
		pending: map[int][]analysis.Finding{}, reported: map[sentenceRef]bool{}}
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s.mix {
		x = splitmix(x)
		s.mix[i] = x
	}
	return s
}

var _ corpus.Check = (*SharedSentences)(nil)

func (s *SharedSentences) Name() string           { return "templated.shared-sentences" }
func (s *SharedSentences) Rules() []analysis.Rule { return []analysis.Rule{sharedSentenceRule} }

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// Observe indexes doc's sentences and reports those another source's
// earlier article already carried.
func (s *SharedSentences) Observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
	source := doc.Source
	if source == "" {
		source = fmt.Sprintf("\x00article %d", idx) // no source: distinct from every other article
	}
	rec := articleRecord{id: doc.ID, source: source, sentences: make([]sentenceRecord, 0, len(doc.Sentences()))}
	self := int32(len(s.articles))
	var found []analysis.Finding
	var foundIn []int32              // the earlier article each finding points at
	pendingBefore := map[int32]int{} // earlier articles' pending counts before this one
	mainEnd := doc.MainEnd()
	for _, sp := range doc.Sentences() {
		if sp.Start >= mainEnd {
			break
		}
		text := doc.Text[sp.Start:sp.End]
		if hasQuoteMark(text) {
			continue // the same quotation in two outlets is reporting, not a template
		}
		ws := doc.WordsIn(sp)
		if len(ws) < minSharedWords {
			continue
		}
		line, col := doc.Position(sp.Start)
		r := sentenceRecord{start: int32(sp.Start), end: int32(sp.End), line: int32(line), col: int32(col),
			exact: fnv64(text), sig: s.signature(doc.Text, ws)}
		if other, ok := s.match(r, source); ok {
			oa := s.articles[other.doc]
			os := oa.sentences[other.sent]
			found = append(found, sharedFinding(text, sp.Start, sp.End, line, col, oa.id, oa.source, int(os.line)))
			foundIn = append(foundIn, other.doc)
			if _, ok := pendingBefore[other.doc]; !ok {
				pendingBefore[other.doc] = len(s.pending[int(other.doc)])
			}
			if os.exact == r.exact && !s.reported[other] {
				s.reported[other] = true
				s.pending[int(other.doc)] = append(s.pending[int(other.doc)],
					sharedFinding(text, int(os.start), int(os.end), int(os.line), int(os.col), doc.ID, source, line))
			}
		}
		rec.sentences = append(rec.sentences, r)
	}
	for si, r := range rec.sentences {
		for _, key := range bandKeys(r.sig) {
			if b := s.buckets[key]; len(b) < maxBucketEntries {
				s.buckets[key] = append(b, sentenceRef{self, int32(si)})
			}
		}
	}
	s.articles = append(s.articles, rec)
	if len(found) == 0 {
		return nil
	}
	if other, ok := copiedWhole(foundIn, len(rec.sentences)); ok {
		found = s.collapse(found, other, len(rec.sentences), pendingBefore[other], doc.ID, source)
	}
	return []corpus.Amendment{{Doc: idx, Findings: found}}
}

// minCopiedShare is the share of an article's sentences that, all found in
// one earlier article, make it a copy of that article rather than a user
// of its template.
const minCopiedShare = 0.8

// copiedWhole reports whether the findings point at one earlier article
// only and cover most of the article's eligible sentences.
func copiedWhole(foundIn []int32, eligible int) (int32, bool) {
	if len(foundIn) < 3 || float64(len(foundIn)) < minCopiedShare*float64(eligible) {
		return 0, false
	}
	for _, d := range foundIn {
		if d != foundIn[0] {
			return 0, false
		}
	}
	return foundIn[0], true
}

// collapse replaces a copy's per-sentence findings with one over its first
// shared sentence, and the earlier article's likewise: an editor needs to
// know the article is a copy and of what, not to read the same finding on
// every sentence.
func (s *SharedSentences) collapse(found []analysis.Finding, other int32, eligible, pendingFrom int, id, source string) []analysis.Finding {
	oa := s.articles[other]
	f := found[0]
	f.Message = fmt.Sprintf("article copies an article from another source: %d of its %d sentences", len(found), eligible)
	if p := s.pending[int(other)]; len(p) > pendingFrom {
		first := p[pendingFrom]
		first.Message = fmt.Sprintf("article copied by an article from another source: %d of its sentences", len(p)-pendingFrom)
		first.Evidence = fmt.Sprintf("copied in article %s (source %s)", id, printableSource(source))
		s.pending[int(other)] = append(p[:pendingFrom], first)
	}
	f.Evidence = fmt.Sprintf("copied from article %s (source %s)", oa.id, printableSource(oa.source))
	return []analysis.Finding{f}
}

// Finish reports the earlier copies of shared sentences (batch mode).
func (s *SharedSentences) Finish() []corpus.Amendment {
	var out []corpus.Amendment
	for i := range s.articles {
		if fs := s.pending[i]; len(fs) > 0 {
			out = append(out, corpus.Amendment{Doc: i, Findings: fs})
		}
	}
	return out
}

// sharedFinding is a TP010 finding over text at start:end (line:col) that
// also appears in article otherID of otherSource, on otherLine. Text is
// the same exact bytes in both articles when it amends the earlier one.
func sharedFinding(text string, start, end, line, col int, otherID, otherSource string, otherLine int) analysis.Finding {
	return analysis.Finding{
		Rule: RuleSharedSentence, Dimension: analysis.Templated, Severity: sharedSentenceRule.Severity,
		Message: "sentence shared with an article from another source", Text: text,
		Start: start, End: end, Line: line, Column: col,
		Evidence: fmt.Sprintf("also in article %s (source %s), line %d", otherID, printableSource(otherSource), otherLine),
	}
}

func printableSource(s string) string {
	if strings.HasPrefix(s, "\x00") {
		return "unknown"
	}
	return s
}

// signature is the MinHash of the sentence's word-pair shingles.
func (s *SharedSentences) signature(text string, ws []document.Span) [sigSize]uint32 {
	var sig [sigSize]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	var buf [64]uint64 // most sentences: no allocation
	hashes := buf[:0]
	if len(ws) > len(buf) {
		hashes = make([]uint64, 0, len(ws))
	}
	for _, w := range ws {
		hashes = append(hashes, wordHash(text[w.Start:w.End]))
	}
	for i := 0; i+shingleWords <= len(hashes); i++ {
		h := splitmix(hashes[i]) ^ hashes[i+1]
		for k := range sig {
			if v := uint32(splitmix(h ^ s.mix[k])); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

func bandKeys(sig [sigSize]uint32) [bands]uint64 {
	var keys [bands]uint64
	for b := 0; b < bands; b++ {
		h := uint64(b) + 1
		for _, v := range sig[b*rowsPerBand : (b+1)*rowsPerBand] {
			h = splitmix(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// match finds an earlier sentence from another source whose signature
// agrees with r's on at least minAgree minima.
func (s *SharedSentences) match(r sentenceRecord, source string) (sentenceRef, bool) {
	for _, key := range bandKeys(r.sig) {
		for _, ref := range s.buckets[key] {
			a := &s.articles[ref.doc]
			if a.source == source {
				continue
			}
			other := &a.sentences[ref.sent]
			agree := 0
			for k := range r.sig {
				if r.sig[k] == other.sig[k] {
					agree++
				}
			}
			if agree >= minAgree {
				return ref, true
			}
		}
	}
	return sentenceRef{}, false
}

// fnv64 is FNV-1a: a fixed hash, so signatures (and results) are the same
// from run to run.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hasQuoteMark is strings.ContainsAny(s, "\"“”") without decoding every
// rune: a straight quote byte, or the three-byte sequences of “ (E2 80 9C)
// and ” (E2 80 9D), which in UTF-8 can only start where a character does.
func hasQuoteMark(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D) {
				return true
			}
		}
	}
	return false
}
