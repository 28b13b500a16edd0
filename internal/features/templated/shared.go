package templated

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
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

// sentence is what an article emits per eligible sentence: under each of
// its bands key ("b<band>:<bucket>") without the text, and under its exact
// hash ("x:<hash>") with the text, so the text travels once.
type sentence struct {
	Source   string    `json:"s"` // "\x00"+id when the article has none: distinct from every other
	N        int       `json:"n"` // index among the article's eligible sentences
	Eligible int       `json:"k"` // the article's eligible sentences
	Start    int       `json:"a"`
	End      int       `json:"b"`
	Line     int       `json:"l"`
	Col      int       `json:"c"`
	Exact    uint64    `json:"x"` // hash of the exact bytes
	Sig      packedSig `json:"g"`
	Text     string    `json:"t,omitempty"`

	// banded is, on the exact key's copy, the band keys' copy: what a
	// streaming run keeps of it once answered (Compact).
	banded *sentence
}

// packedSig is a MinHash signature that travels as base64 of its
// little-endian bytes (80 characters rather than about 160 as numbers).
type packedSig [sigSize]uint32

func (p packedSig) MarshalJSON() ([]byte, error) {
	if p == (packedSig{}) {
		return []byte("null"), nil // the exact key's copy carries none
	}
	var b [4 * sigSize]byte
	for i, v := range p {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return json.Marshal(b[:])
}

func (p *packedSig) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*p = packedSig{}
		return nil
	}
	var b []byte
	if err := json.Unmarshal(data, &b); err != nil {
		return err
	}
	if len(b) != 4*sigSize {
		return fmt.Errorf("signature of %d bytes, want %d", len(b), 4*sigSize)
	}
	for i := range p {
		p[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return nil
}

// sharedNote is what a Reduce tells an article about one of its sentences.
type sharedNote struct {
	Kind     byte   `json:"kind"` // noteText, noteMatch or noteCopied
	N        int    `json:"n"`
	Eligible int    `json:"k"`
	Start    int    `json:"a"`
	End      int    `json:"b"`
	Line     int    `json:"l"`
	Col      int    `json:"c"`
	Text     string `json:"t,omitempty"`
	Band     int    `json:"band,omitempty"`
	// The other article: its id, source and line; for noteCopied its
	// order and eligible sentences too.
	Other         string       `json:"o,omitempty"`
	OtherSource   string       `json:"os,omitempty"`
	OtherLine     int          `json:"ol,omitempty"`
	OtherN        int          `json:"on,omitempty"`
	OtherOrder    corpus.Order `json:"oo"`
	OtherEligible int          `json:"ok,omitempty"`
}

const (
	noteText   = 't' // the sentence's own text and place (from its exact key)
	noteMatch  = 'm' // an earlier sentence from another source matches it in a band
	noteCopied = 'c' // a later article from another source copies it exactly
)

// SharedSentences is the TP010 check across articles: sentences that
// articles from different sources share.
type SharedSentences struct{ mix [sigSize]uint64 }

// NewSharedSentences returns the check.
func NewSharedSentences() *SharedSentences {
	s := &SharedSentences{}
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s.mix {
		x = splitmix(x)
		s.mix[i] = x
	}
	return s
}

var _ corpus.Keyed = (*SharedSentences)(nil)

func (s *SharedSentences) Name() string           { return "templated.shared-sentences" }
func (s *SharedSentences) Rules() []analysis.Rule { return []analysis.Rule{sharedSentenceRule} }
func (s *SharedSentences) NewValue() any          { return &sentence{} }
func (s *SharedSentences) NewNote() any           { return &sharedNote{} }

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// Emit returns, per eligible sentence of the main text (at least
// minSharedWords words, no quotation marks), its band keys and its exact
// key.
func (s *SharedSentences) Emit(doc *document.Document, res *analysis.Result) []corpus.Sighting {
	source := doc.Source
	if source == "" {
		source = "\x00" + doc.ID // no source: distinct from every other article
	}
	var recs []*sentence
	mainEnd := doc.MainEnd()
	words, hashes := doc.Words(), doc.Tokens().Hashes()
	for _, sp := range doc.Sentences() {
		if sp.Start >= mainEnd {
			break
		}
		text := doc.Text[sp.Start:sp.End]
		if hasQuoteMark(text) {
			continue // the same quotation in two outlets is reporting, not a template
		}
		from, to := wordRange(words, sp) // the words doc.WordsIn(sp) returns
		if to-from < minSharedWords {
			continue
		}
		line, col := doc.Position(sp.Start)
		recs = append(recs, &sentence{Source: source, N: len(recs), Start: sp.Start, End: sp.End, Line: line, Col: col,
			Exact: fnv64(text), Sig: s.signature(hashes[from:to]), Text: strings.Clone(text)})
	}
	out := make([]corpus.Sighting, 0, len(recs)*(bands+1))
	for _, r := range recs {
		r.Eligible = len(recs)
		banded := *r
		banded.Text = ""
		for b, key := range bandKeys(r.Sig) {
			out = append(out, corpus.Sighting{Key: "b" + strconv.Itoa(b) + ":" + strconv.FormatUint(key, 16), Value: &banded})
		}
		exact := *r
		exact.Sig = packedSig{}
		exact.banded = &banded
		out = append(out, corpus.Sighting{Key: "x:" + strconv.FormatUint(r.Exact, 16), Value: &exact})
	}
	return out
}

// Compact drops the text a streaming run never quotes back: the exact
// key keeps the band keys' copy (reduceExact reads neither its text, once
// answered, nor its signature), so a sentence costs one value, not two.
func (s *SharedSentences) Compact(v any) any {
	r := v.(*sentence)
	if r.Text == "" {
		return r
	}
	if r.banded != nil {
		return r.banded
	}
	c := *r
	c.Text = ""
	return &c
}

// Reduce answers one band bucket or one exact sentence.
func (s *SharedSentences) Reduce(g *corpus.Group) []corpus.Note {
	if strings.HasPrefix(g.Key, "x:") {
		return reduceExact(g)
	}
	band, _ := strconv.Atoi(g.Key[1:strings.IndexByte(g.Key, ':')])
	return reduceBand(g, band)
}

// reduceBand: a sentence matches the earliest sentence of an earlier
// article from another source among the bucket's first maxBucketEntries
// whose signature agrees on at least minAgree minima.
func reduceBand(g *corpus.Group, band int) []corpus.Note {
	bucket := g.Members[:min(len(g.Members), maxBucketEntries)]
	var out []corpus.Note
	for i := g.From; i < g.To; i++ {
		m := g.Members[i]
		r := m.Value.(*sentence)
		for _, o := range bucket {
			if o.Order.Compare(m.Order) >= 0 {
				break
			}
			or := o.Value.(*sentence)
			if or.Source == r.Source || !agrees(r.Sig, or.Sig) {
				continue
			}
			out = append(out, corpus.Note{Article: m.Order.ID, Value: &sharedNote{Kind: noteMatch, N: r.N, Eligible: r.Eligible,
				Band: band, Other: o.Order.ID, OtherSource: or.Source, OtherLine: or.Line, OtherN: or.N, OtherOrder: o.Order}})
			break
		}
	}
	return out
}

func agrees(a, b packedSig) bool {
	agree := 0
	for k := range a {
		if a[k] == b[k] {
			agree++
		}
	}
	return agree >= minAgree
}

// reduceExact tells each sentence its text and place, and tells the
// earliest copy of an exact sentence which later article from another
// source copies it first.
func reduceExact(g *corpus.Group) []corpus.Note {
	var out []corpus.Note
	for i := g.From; i < g.To; i++ {
		m := g.Members[i]
		r := m.Value.(*sentence)
		out = append(out, corpus.Note{Article: m.Order.ID, Value: &sharedNote{Kind: noteText, N: r.N, Eligible: r.Eligible,
			Start: r.Start, End: r.End, Line: r.Line, Col: r.Col, Text: r.Text}})
	}
	if !g.Wants(0) {
		return out
	}
	first := g.Members[0]
	fr := first.Value.(*sentence)
	for _, o := range g.Members[1:] {
		or := o.Value.(*sentence)
		if or.Source == fr.Source || o.Order.Compare(first.Order) == 0 {
			continue
		}
		out = append(out, corpus.Note{Article: first.Order.ID, Value: &sharedNote{Kind: noteCopied, N: fr.N, Eligible: fr.Eligible,
			Other: o.Order.ID, OtherSource: or.Source, OtherLine: or.Line, OtherN: or.N, OtherOrder: o.Order, OtherEligible: or.Eligible}})
		break
	}
	return out
}

// Settle builds an article's TP010 findings from its notes: each sentence
// is reported against the partner its lowest matching band found; an
// article whose findings all point at one earlier article and cover most
// of its sentences is a copy, reported once (collapse). Sentences a later
// article copies exactly are reported too, collapsed likewise when that
// article copied most of its sentences from this one.
func (s *SharedSentences) Settle(article string, notes []corpus.Note) corpus.Amendment {
	texts := map[int]*sharedNote{}
	matched := map[int]*sharedNote{}
	var copied []*sharedNote
	for _, n := range notes {
		sn := n.Value.(*sharedNote)
		switch sn.Kind {
		case noteText:
			texts[sn.N] = sn
		case noteMatch:
			if m := matched[sn.N]; m == nil || sn.Band < m.Band {
				matched[sn.N] = sn
			}
		case noteCopied:
			copied = append(copied, sn)
		}
	}
	var a corpus.Amendment
	a.Findings = append(a.Findings, laterFindings(article, texts, matched)...)
	a.Findings = append(a.Findings, earlierFindings(texts, copied)...)
	corpus.SortFindings(a.Findings)
	return a
}

// laterFindings report the article's sentences found in earlier articles.
func laterFindings(article string, texts, matched map[int]*sharedNote) []analysis.Finding {
	ns := make([]int, 0, len(matched))
	for n := range matched {
		if texts[n] != nil {
			ns = append(ns, n)
		}
	}
	if len(ns) == 0 {
		return nil
	}
	sort.Ints(ns)
	var found []analysis.Finding
	var foundIn []string
	for _, n := range ns {
		m, t := matched[n], texts[n]
		found = append(found, sharedFinding(t.Text, t.Start, t.End, t.Line, t.Col, m.Other, m.OtherSource, m.OtherLine))
		foundIn = append(foundIn, m.Other)
	}
	if copiedWhole(foundIn, matched[ns[0]].Eligible) {
		m := matched[ns[0]]
		f := found[0]
		f.Message = fmt.Sprintf("article copies an article from another source: %d of its %d sentences", len(found), m.Eligible)
		f.Evidence = fmt.Sprintf("copied from article %s (source %s)", m.Other, printableSource(m.OtherSource))
		return []analysis.Finding{f}
	}
	return found
}

// earlierFindings report the article's sentences a later article copies.
func earlierFindings(texts map[int]*sharedNote, copied []*sharedNote) []analysis.Finding {
	byLater := map[string][]*sharedNote{}
	for _, c := range copied {
		if texts[c.N] != nil {
			byLater[c.Other] = append(byLater[c.Other], c)
		}
	}
	var out []analysis.Finding
	for other, cs := range byLater {
		sort.Slice(cs, func(i, j int) bool { return cs[i].N < cs[j].N })
		var fs []analysis.Finding
		for _, c := range cs {
			t := texts[c.N]
			fs = append(fs, sharedFinding(t.Text, t.Start, t.End, t.Line, t.Col, other, c.OtherSource, c.OtherLine))
		}
		if len(cs) >= 3 && float64(len(cs)) >= minCopiedShare*float64(cs[0].OtherEligible) {
			f := fs[0]
			f.Message = fmt.Sprintf("article copied by an article from another source: %d of its sentences", len(fs))
			f.Evidence = fmt.Sprintf("copied in article %s (source %s)", other, printableSource(cs[0].OtherSource))
			fs = fs[:1]
			fs[0] = f
		}
		out = append(out, fs...)
	}
	return out
}

// minCopiedShare is the share of an article's sentences that, all found in
// one earlier article, make it a copy of that article rather than a user
// of its template.
const minCopiedShare = 0.8

// copiedWhole reports whether the findings point at one earlier article
// only and cover most of the article's eligible sentences.
func copiedWhole(foundIn []string, eligible int) bool {
	if len(foundIn) < 3 || float64(len(foundIn)) < minCopiedShare*float64(eligible) {
		return false
	}
	for _, d := range foundIn {
		if d != foundIn[0] {
			return false
		}
	}
	return true
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

// signature is the MinHash of the sentence's word-pair shingles, from its
// words' hashes: fnv64(wordKey), as the document's token view holds them.
func (s *SharedSentences) signature(hashes []uint64) [sigSize]uint32 {
	var sig [sigSize]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
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
