// Package attribution is copydesk's attribution analyzer: who said what,
// and what nobody said. It extracts quotations and their speakers, finds
// claims put in the mouths of unnamed groups and organisations, and counts
// the article's named sources.
package attribution

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features/people"
)

// Quote is one quotation and who said it.
type Quote struct {
	Start, End int    // the quotation, marks included
	Text       string // the quoted words
	Kind       QuoteKind
	// Speaker is the person quoted, nil when an organisation, an unnamed
	// group or nobody is.
	Speaker     *people.Person
	SpeakerOrg  string // organisation quoted, as written ("the ministry")
	SpeakerText string // the attribution's subject as written ("she", "Leavitt")
	Role        string // the speaker's stated role, "" when none
	Affiliation string // the named organisation or country of that role
	Vague       bool   // attributed only to an unnamed group ("a source said")
	Attributed  bool
}

// Result is what the attribution analyzer returns.
type Result struct {
	Quotes []Quote
	// Named lists the distinct people and organisations cited by name as
	// sources, as first written.
	Named   []string
	Sources analysis.Sources
}

// Analyzer finds attribution evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "attribution",
	Doc: `attribution: who said what, and what nobody said

Extracts quotations (straight and curly, multi-paragraph, interrupted,
block quotes, transcript lines) and attributes each to a person, an
organisation or nobody; finds opinions attributed to unnamed groups and
sources in unnamed organisations; counts named sources for the article's
sources object and the attribution score.`,
	Rules:    rules,
	Requires: []*analysis.Analyzer{people.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	pr, _ := pass.ResultOf[people.Analyzer].(*people.Result)
	if pr == nil {
		pr = &people.Result{}
	}
	res := analyze(pass.Doc, pr)
	for _, f := range res.findings {
		pass.Report(f.rule, f.start, f.end, f.message)
	}
	pass.SetSources(res.Sources)
	words := float64(pass.Doc.WordCount())
	per1k := func(n int) float64 {
		if words == 0 {
			return 0
		}
		return float64(n) * 1000 / words
	}
	pass.SetFeature("attribution.named_per_1k", per1k(res.Sources.Named))
	pass.SetFeature("attribution.vague_per_1k", per1k(res.Sources.Vague))
	pass.SetFeature("attribution.vague_opinion_per_1k", per1k(res.vagueOpinion))
	pass.SetFeature("attribution.quotes_per_1k", per1k(res.Sources.Quotes))
	pass.SetFeature("attribution.unnamed_org_per_1k", per1k(res.unnamedOrgs))
	pass.SetFeature("attribution.unsourced_figures_per_1k", per1k(res.unsourcedFigures))
	share := 0.0
	if res.Sources.Quotes > 0 {
		share = float64(res.Sources.UnattributedQuotes) / float64(res.Sources.Quotes)
	}
	pass.SetFeature("attribution.unattributed_quote_share", share)
	noNamed := 0.0
	if res.Sources.Named == 0 && words >= 150 {
		noNamed = 1
	}
	pass.SetFeature("attribution.no_named_source", noNamed)
	return &res.Result, nil
}

// clausePool holds clause buffers: every value analyze takes from a clause
// is copied into its result, so the slice can serve the next article.
var clausePool = sync.Pool{New: func() any { return new([]clause) }}

// finding is a rule hit before it is reported.
type finding struct {
	rule       string
	start, end int
	message    string
}

// articleAttribution holds one article's attribution evidence.
type articleAttribution struct {
	Result
	findings         []finding
	vagueOpinion     int
	unnamedOrgs      int
	unsourcedFigures int
}

// analyze attributes the quotations of doc and finds its sourcing
// problems; pr is the people analyzer's result for doc.
func analyze(doc *document.Document, pr *people.Result) *articleAttribution {
	a := &articleAttribution{}
	w := newWords(doc)
	spans := findQuotes(doc)
	inQuote := quoteMask(spans) // transcript lines are judged later
	buf := clausePool.Get().(*[]clause)
	clauses := appendClauses((*buf)[:0], w, pr, inQuote)
	defer func() {
		clear(clauses) // drop the people and strings the buffer points to
		*buf = clauses[:0]
		clausePool.Put(buf)
	}()
	preferLastSpeaker(doc, clauses, inQuote)
	speaking := newSpeakerClauses(clauses)

	named := map[string]string{} // key -> as written
	var namedOrder []string
	addNamed := func(s Speaker) {
		if !s.Named || s.Group != 0 {
			return
		}
		if _, ok := named[s.Key]; !ok {
			label := s.Text
			if s.Person != nil {
				label = s.Person.Name
			}
			named[s.Key] = label
			namedOrder = append(namedOrder, s.Key)
		}
	}
	for _, c := range clauses {
		addNamed(c.Subject)
	}

	// events are attributions seen so far (clauses and attributed quotes),
	// for quotations that continue the last speaker.
	var last attributionEvent
	nextClause := 0
	for _, q := range spans {
		for nextClause < len(clauses) && clauses[nextClause].VerbEnd <= q.Start {
			c := clauses[nextClause]
			if c.Subject.Group == 0 {
				last = attributionEvent{at: c.VerbStart, speaker: c.Subject}
			}
			nextClause++
		}
		sp, tight, ok := attributeQuote(doc, w, pr, q, clauses, spans)
		if !ok && q.Kind == InlineQuote && last.speaker.found() && continuesSpeaker(doc, last.at, q.Start) {
			sp, ok, tight = last.speaker, true, true
		}
		if !ok && q.Kind == InlineQuote {
			// Loosely: a speaker named elsewhere in the paragraph.
			sp, ok = paragraphSpeaker(doc, pr, q, speaking)
		}
		if !ok && q.Kind == InlineQuote {
			// A headline's quote credited after a colon.
			sp, ok = headlineCredit(doc.Text, q.Start, q.End)
		}
		inner := q.inner(doc.Text)
		speech := speechLike(inner)
		switch q.Kind {
		case QALine:
			if !ok {
				continue // a heading with a colon, not a transcript
			}
		case InlineQuote:
			if !speech && !(ok && tight) {
				continue // scare quotes, titles
			}
		}
		quote := Quote{Start: q.Start, End: q.End, Text: inner, Kind: q.Kind, Attributed: ok}
		if ok {
			quote.Speaker, quote.SpeakerOrg, quote.SpeakerText = sp.Person, sp.Org, sp.Text
			quote.Vague = sp.Group != 0
			if sp.Person != nil {
				if r := sp.Person.Role(); r != nil {
					quote.Role, quote.Affiliation = r.Text, r.Affiliation
				}
			}
			addNamed(sp)
			last = attributionEvent{at: q.End - 1, speaker: sp}
		} else if !q.Cut && !slogan(doc.Text, q.Start) { // a quotation the text stops inside may name its speaker after the cut
			a.Sources.UnattributedQuotes++
			if reportable(inner) {
				a.findings = append(a.findings, finding{ruleUnattributedQuote, q.Start, q.End, "quotation has no speaker: say who said it"})
			}
		}
		a.Quotes = append(a.Quotes, quote)
	}
	a.Sources.Quotes = len(a.Quotes)

	var namedAt []int
	for _, c := range clauses {
		if c.Subject.Named && c.Subject.Group == 0 {
			namedAt = append(namedAt, c.VerbStart)
		}
	}
	for _, q := range a.Quotes {
		if q.Attributed && !q.Vague && (q.Speaker != nil || q.SpeakerOrg != "") {
			namedAt = append(namedAt, q.Start)
		}
	}
	a.vagueFindings(doc, w, clauses, namedAt, inQuote)
	a.unnamedOrgFindings(w, clauses)
	a.unsourcedFigureFindings(doc, w, clauses, spans)
	for _, k := range namedOrder {
		a.Named = append(a.Named, named[k])
	}
	a.Sources.Named = len(a.Named)
	if a.Sources.Named == 0 && doc.WordCount() >= 250 {
		ss := doc.Sentences()
		if len(ss) > 0 {
			a.findings = append(a.findings, finding{ruleNoNamedSource, ss[0].Start, ss[0].End, fmt.Sprintf("%d words and no person or organisation cited by name", doc.WordCount())})
		}
	}
	sort.SliceStable(a.findings, func(i, j int) bool { return a.findings[i].start < a.findings[j].start })
	return a
}

// preferLastSpeaker resolves "he said" / "she added" to the person who
// last spoke (within two paragraphs, same gender) rather than the person
// last mentioned: news keeps "he said" for the current speaker even when
// the quote names someone else ("… as much as Ray Charles," he said).
func preferLastSpeaker(doc *document.Document, clauses []clause, inQuote func(int) bool) {
	var last *people.Person
	lastPara := -10
	for i := range clauses {
		c := &clauses[i]
		para := doc.ParagraphAt(c.VerbStart)
		if g := pronounGender[strings.ToLower(c.Subject.Text)]; g != "" && last != nil && para-lastPara <= 2 &&
			(last.Gender == "" || last.Gender == g) && c.Subject.Person != last && mentionedOnlyInQuote(c.Subject.Person, c.Subject.Start, inQuote) {
			c.Subject.Person, c.Subject.Named, c.Subject.Key = last, true, "person:"+last.Name
		}
		if c.Subject.Person != nil {
			last, lastPara = c.Subject.Person, para
		}
	}
	// "it said", "they said": the last organisation (or unrecognised
	// proper name) that spoke within two paragraphs.
	var org Speaker
	orgPara := -10
	for i := range clauses {
		c := &clauses[i]
		para := doc.ParagraphAt(c.VerbStart)
		lw := strings.ToLower(c.Subject.Text)
		if (lw == "it" || lw == "they") && org.found() && para-orgPara <= 2 {
			start, end := c.Subject.Start, c.Subject.End
			c.Subject = org
			c.Subject.Start, c.Subject.End = start, end
			continue
		}
		if c.Subject.Named && c.Subject.Person == nil && c.Subject.Group == 0 {
			org, orgPara = c.Subject, para
		}
	}
}

// mentionedOnlyInQuote reports whether p (the people analyzer's guess for
// a pronoun at off) is nil or was last named inside a quotation, where
// the speaker talks about them rather than introduces them.
func mentionedOnlyInQuote(p *people.Person, off int, inQuote func(int) bool) bool {
	if p == nil {
		return true
	}
	// The people analyzer sorts each person's mentions by start.
	i := sort.Search(len(p.Mentions), func(i int) bool { return p.Mentions[i].Start >= off })
	return i == 0 || p.Mentions[i-1].Start < 0 || inQuote(p.Mentions[i-1].Start)
}

var pronounGender = map[string]string{"he": "m", "she": "f"}

// paragraphSpeaker returns a speaker attributed anywhere in q's paragraph
// (the nearest reporting clause, else the last person named before q).
func paragraphSpeaker(doc *document.Document, pr *people.Result, q quoteSpan, sc *speakerClauses) (Speaker, bool) {
	pi := doc.ParagraphAt(q.Start)
	if pi < 0 {
		return Speaker{}, false
	}
	p := doc.Paragraphs()[pi]
	if c, ok := sc.nearest(p, q); ok {
		return c.Subject, true
	}
	m, ok := pr.LastMentionIn(p.Start, q.Start) // the last person named before q
	if !ok {
		return Speaker{}, false
	}
	return Speaker{Person: m.Person, Named: true, Key: "person:" + m.Person.Name, Text: doc.Text[m.Mention.Start:m.Mention.End], Start: m.Mention.Start, End: m.Mention.End}, true
}

// speakerClauses indexes the clauses whose subject can speak for a
// quotation elsewhere in its paragraph (named, or an organisation; not a
// vague group), so the nearest one is found without a scan over every
// clause of a long paragraph.
type speakerClauses struct {
	clauses []clause
	prev    []int // prev[i]: the last speaking clause at or before i, or -1
	next    []int // next[i]: the first speaking clause at or after i, or len
	// endsSorted: VerbEnd never decreases (it follows VerbStart).
	endsSorted bool
}

func newSpeakerClauses(clauses []clause) *speakerClauses {
	n := len(clauses)
	sc := &speakerClauses{clauses: clauses, prev: make([]int, n), next: make([]int, n), endsSorted: true}
	last := -1
	for i, c := range clauses {
		if speaks(c) {
			last = i
		}
		sc.prev[i] = last
		if i > 0 && c.VerbEnd < clauses[i-1].VerbEnd {
			sc.endsSorted = false
		}
	}
	following := n
	for i := n - 1; i >= 0; i-- {
		if speaks(clauses[i]) {
			following = i
		}
		sc.next[i] = following
	}
	return sc
}

func speaks(c clause) bool {
	return c.Subject.Group == 0 && (c.Subject.Named || c.Subject.Org != "")
}

// distance is how far a clause's verb lies from q: before q, from the
// verb's end to q's start; after, from q's end to the verb's start.
func distance(c clause, q quoteSpan) int {
	if c.VerbStart < q.Start {
		return q.Start - c.VerbEnd
	}
	return c.VerbStart - q.End
}

// nearest returns the speaking clause of paragraph p nearest to q, the
// first in text order of equally near ones.
func (sc *speakerClauses) nearest(p document.Span, q quoteSpan) (clause, bool) {
	cs := sc.clauses
	lo, hi := clauseFrom(cs, p.Start), clauseFrom(cs, p.End)
	mid := clauseFrom(cs, q.Start)
	before, after := -1, -1
	if mid > lo && sc.prev[mid-1] >= lo {
		before = sc.prev[mid-1]
	}
	if mid < hi && sc.next[mid] < hi {
		after = sc.next[mid]
	}
	// Distances grow away from q on both sides when verb ends are sorted
	// and no clause overlaps q; otherwise compare them all, as the rule
	// reads.
	if !sc.endsSorted || before >= 0 && distance(cs[before], q) < 0 || after >= 0 && distance(cs[after], q) < 0 {
		return sc.scan(lo, hi, q)
	}
	if before >= 0 {
		// The first of the speaking clauses ending where the nearest one
		// ends (equally near).
		end := cs[before].VerbEnd
		for before > lo {
			k := sc.prev[before-1]
			if k < lo || cs[k].VerbEnd != end {
				break
			}
			before = k
		}
	}
	switch {
	case before >= 0 && (after < 0 || distance(cs[before], q) <= distance(cs[after], q)):
		return cs[before], true
	case after >= 0:
		return cs[after], true
	}
	return clause{}, false
}

// scan is nearest by comparing every clause in [lo, hi).
func (sc *speakerClauses) scan(lo, hi int, q quoteSpan) (clause, bool) {
	best, bestDist := clause{}, -1
	for _, c := range sc.clauses[lo:hi] {
		if !speaks(c) {
			continue
		}
		if d := distance(c, q); bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist >= 0
}

// reportable limits AT001 to quotations that read as whole quoted
// sentences: a fragment starting in lower case is usually a phrase lifted
// from a document the sentence names ("described the situation as
// "slumping consumption …""), and a very long quotation, or one starting
// with a space, is usually straight quotation marks paired wrongly.
func reportable(inner string) bool {
	if len(inner) > 350 || inner == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(inner)
	return unicode.IsUpper(r)
}

// sloganCues are the words that set a chant, a placard or a banner
// before its quotation ("chanting “Ruto must go!”", "placards reading
// “…”"): a crowd's or a sign's words, which no reporter attributes to a
// person.
var sloganCues = map[string]bool{
	"chanting": true, "chanted": true, "chant": true, "chants": true, "shouting": true, "shouted": true,
	"yelling": true, "yelled": true, "singing": true, "sang": true, "reading": true, "emblazoned": true,
	"bearing": true, "proclaiming": true, "slogan": true, "slogans": true,
}

// slogan reports whether the quotation opening at start follows a slogan
// cue, with at most a colon or comma between.
func slogan(text string, start int) bool {
	before := strings.TrimRight(text[max(0, start-40):start], " \t:,")
	i := strings.LastIndexAny(before, " \t\n")
	word := strings.ToLower(before[i+1:])
	return sloganCues[word]
}

// attributionEvent is the last place a speaker was named.
type attributionEvent struct {
	at      int
	speaker Speaker
}

// continuesSpeaker reports whether a quotation at q with no attribution of
// its own belongs to the speaker attributed at off: news prints a
// speaker's further quotations after the first without repeating "he
// said", in the same paragraph or opening the next one.
func continuesSpeaker(doc *document.Document, off, q int) bool {
	pa, pq := doc.ParagraphAt(off), doc.ParagraphAt(q)
	sa, sq := doc.SentenceAt(off), doc.SentenceAt(q)
	switch {
	case pa == pq:
		return sq-sa <= 2
	case pa == pq-1 && startsParagraph(doc, q):
		ps := doc.Paragraphs()[pa]
		last := doc.SentenceAt(ps.End - 1)
		return last-sa <= 1
	}
	return false
}

func startsParagraph(doc *document.Document, off int) bool {
	i := doc.ParagraphAt(off)
	return i >= 0 && doc.Paragraphs()[i].Start == off
}

// quoteMask returns a test for offsets inside quoted words (interrupting
// attributions excluded).
func quoteMask(qs []quoteSpan) func(int) bool {
	// The inside of each quotation minus its attribution gap is at most two
	// intervals; their union, sorted and merged, answers each offset by a
	// binary search (the clause grammar asks about every word).
	var ivs []document.Span
	for _, q := range qs {
		if q.Kind == QALine {
			continue
		}
		// [InnerStart,InnerEnd) without [GapStart,GapEnd).
		if e := min(q.InnerEnd, q.GapStart); q.InnerStart < e {
			ivs = append(ivs, document.Span{Start: q.InnerStart, End: e})
		}
		if s := max(q.InnerStart, q.GapEnd); s < q.InnerEnd {
			ivs = append(ivs, document.Span{Start: s, End: q.InnerEnd})
		}
	}
	slices.SortFunc(ivs, func(a, b document.Span) int { return cmp.Compare(a.Start, b.Start) })
	merged := ivs[:0]
	for _, iv := range ivs {
		if n := len(merged); n > 0 && iv.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, iv.End)
			continue
		}
		merged = append(merged, iv)
	}
	return func(off int) bool {
		i := sort.Search(len(merged), func(i int) bool { return merged[i].End > off })
		return i < len(merged) && merged[i].Start <= off
	}
}
