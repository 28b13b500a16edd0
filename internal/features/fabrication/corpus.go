package fabrication

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
)

// Batch is the batch-wide check: a person named by two articles from
// different sources in compatible roles is corroborated; two articles
// naming different holders of one office at one time conflict.
type Batch struct {
	kbOnce sync.Once
	kb     *kb.KB
	kbErr  error

	byName   map[string]*namesakes // normalised full name → sightings
	byOffice map[*kb.Office]*holders
	seq      int // sightings so far: their order
}

// namesakes indexes the sightings of one full name so corroboration finds
// its partners without comparing every pair: in a large batch a famous
// name has thousands of sightings.
type namesakes struct {
	// waiting are the sightings still unverifiable or unknown (the only
	// ones a later article can upgrade), in order; others are dropped
	// lazily.
	waiting []*sighting
	// seen is every sighting, in order, for the rare case the index
	// cannot answer (see firstPartner).
	seen []*sighting
	// The earliest sighting from another source, among: all sightings,
	// those with each role head, those with no head, those in each office.
	all, noHead firstSources
	byHead      map[string]*firstSources
	byOffice    map[*kb.Office]*firstSources
}

// firstSources keeps, of a list of sightings in order, the first one with
// a source and the first with a different source: enough to answer "the
// first sighting from a source other than X" for any X.
type firstSources struct{ first, second *sighting }

func (f *firstSources) add(s *sighting) {
	switch {
	case s.source == "":
	case f.first == nil:
		f.first = s
	case f.second == nil && s.source != f.first.source:
		f.second = s
	}
}

// otherThan returns the first sighting whose source is neither "" nor
// source, or nil.
func (f *firstSources) otherThan(source string) *sighting {
	if f.first != nil && f.first.source != source {
		return f.first
	}
	return f.second
}

// holders are the sightings of one exclusive office, by day and, within a
// day, by name, so a conflict check reads only the fortnight around an
// article's date and compares with each distinct holder once, however many
// articles name them: a batch where a hundred articles name a rival
// president costs a hundred comparisons a day, not a hundred per article
// squared.
type holders struct {
	byDay map[int64][]*holderGroup
}

// holderGroup is every sighting of one name in one office on one day: the
// first is the one conflicts are reported on, the rest are counted.
type holderGroup struct {
	key   string
	first *sighting
	count int
	// reported are the rival names the first sighting already carries a
	// conflict finding for: one finding per rival, never one per article.
	reported map[string]bool
}

// add files s under its day and name and returns its group.
func (h *holders) add(s *sighting, key string) *holderGroup {
	day := dayOf(s.date)
	for _, g := range h.byDay[day] {
		if g.key == key {
			g.count++
			return g
		}
	}
	g := &holderGroup{key: key, first: s, count: 1}
	h.byDay[day] = append(h.byDay[day], g)
	return g
}

// markReported records that g's first sighting carries a finding against
// the rival named by key.
func (g *holderGroup) markReported(key string) {
	if g.reported == nil {
		g.reported = map[string]bool{}
	}
	g.reported[key] = true
}

// sighting is what the check keeps of one person in one article: a few
// hundred bytes, never the article.
type sighting struct {
	doc        int
	seq        int // order among all sightings
	source     string
	name       kb.Name
	date       kb.Date
	entity     analysis.Entity
	head       string     // roleHead of the entity's role, worked out once
	office     *kb.Office // unique office the role names, if any
	current    bool       // role presented as current (not former/acting/incoming)
	named      int        // the article's named sources: who is better sourced
	line, col  int
	text       string // the highlighted text
	start, end int
}

// NewBatch returns a fresh batch check using k (nil: the embedded default).
func NewBatch(k *kb.KB) *Batch {
	b := &Batch{kb: k, byName: map[string]*namesakes{}, byOffice: map[*kb.Office]*holders{}}
	if k != nil {
		b.kbOnce.Do(func() {})
	}
	return b
}

func (b *Batch) knowledge() (*kb.KB, error) {
	b.kbOnce.Do(func() { b.kb, b.kbErr = kb.Default() })
	return b.kb, b.kbErr
}

func (b *Batch) Name() string { return "fabrication.batch" }

func (b *Batch) Rules() []analysis.Rule {
	for _, r := range rules {
		if r.ID == RuleBatchConflict {
			return []analysis.Rule{r}
		}
	}
	return nil
}

func (b *Batch) rule() analysis.Rule { return b.Rules()[0] }

// Observe indexes one article's people and returns what they change:
// corroborations and conflicts with articles seen earlier.
func (b *Batch) Observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
	k, err := b.knowledge()
	if err != nil || res == nil {
		return nil
	}
	var date kb.Date
	if doc.HasDate() {
		date = kb.DateOf(doc.Date)
	}
	source := doc.Source
	if source == "" {
		source = res.Source
	}
	var amend map[int]*corpus.Amendment // made on the first amendment: most articles have none
	get := func(i int) *corpus.Amendment {
		if amend == nil {
			amend = map[int]*corpus.Amendment{}
		}
		if amend[i] == nil {
			amend[i] = &corpus.Amendment{Doc: i}
		}
		return amend[i]
	}
	for _, e := range res.Entities {
		s := &sighting{doc: idx, seq: b.seq, source: source, date: date, entity: e, named: res.Sources.Named,
			start: e.Start, end: e.End, head: roleHead(e.Role), name: kb.ParseName(e.Name)}
		b.seq++
		inText := e.End > e.Start && e.End <= len(doc.Text)
		if inText {
			// A copy: a substring would keep the whole article alive for
			// as long as the batch index does.
			s.text = strings.Clone(doc.Text[e.Start:e.End])
		}
		if e.Role != "" {
			ref := k.ParseRole(e.Role, e.Affiliation)
			s.office = ref.Unique()
			s.current = !ref.Past && !ref.Future && !ref.Acting
		}
		if s.name.Words() >= 2 {
			var keyBuf [64]byte
			// One key for every spelling of the name (romanisation,
			// transliteration), so corroboration meets them all; the
			// string is made only for a new name.
			key := s.name.AppendMatchKey(keyBuf[:0])
			ns := b.byName[string(key)]
			if ns == nil {
				ns = &namesakes{} // its maps are made on first use: most names have no office
				b.byName[string(key)] = ns
			}
			b.corroborate(s, ns, get)
			ns.add(s)
		}
		if s.office != nil && s.office.Exclusive && s.current && !date.IsZero() {
			// Only these sightings can appear in a conflict finding, the
			// one place their line and column are read.
			if inText {
				s.line, s.col = doc.Position(e.Start)
			}
			h := b.byOffice[s.office]
			if h == nil {
				h = &holders{byDay: map[int64][]*holderGroup{}}
				b.byOffice[s.office] = h
			}
			var keyBuf [64]byte
			key := string(s.name.AppendMatchKey(keyBuf[:0]))
			b.conflicts(k, s, key, h, h.add(s, key), get)
		}
	}
	var out []corpus.Amendment
	for i := range amend {
		out = append(out, *amend[i])
	}
	return out
}

func (b *Batch) Finish() []corpus.Amendment { return nil }

// corroborate upgrades unverifiable or unknown people that an article from
// another source also names in a compatible role, in both articles. The
// new sighting is upgraded by the earliest such partner; every earlier
// sighting still waiting is upgraded by the new one.
func (b *Batch) corroborate(s *sighting, ns *namesakes, get func(int) *corpus.Amendment) {
	if s.source == "" {
		return
	}
	if upgradable(s) {
		if o := ns.firstPartner(s); o != nil {
			upgrade(s, o, get)
		}
	}
	kept := ns.waiting[:0]
	for _, o := range ns.waiting {
		if !upgradable(o) {
			continue // settled since it was indexed
		}
		if o.source != "" && o.source != s.source && o.doc != s.doc && compatibleRoles(o, s) {
			upgrade(o, s, get)
			continue
		}
		kept = append(kept, o)
	}
	clear(ns.waiting[len(kept):])
	ns.waiting = kept
}

func upgradable(s *sighting) bool {
	return s.entity.Status == analysis.Unverifiable || s.entity.Status == analysis.Unknown
}

// upgrade marks me corroborated by other.
func upgrade(me, other *sighting, get func(int) *corpus.Amendment) {
	me.entity.Status = analysis.Corroborated
	// fmt.Sprintf("also named as %q by %s (article %d)", …) without fmt's
	// overhead: %q of a string is strconv.Quote.
	me.entity.Evidence = "also named as " + strconv.Quote(orDash(other.entity.Role)) + " by " + other.source + " (article " + strconv.Itoa(other.doc+1) + ")"
	a := get(me.doc)
	a.Entities = append(a.Entities, me.entity)
	a.Withdraw = append(a.Withdraw, corpus.Withdrawal{Rule: RuleUnverifiable, At: me.start})
}

func (ns *namesakes) add(s *sighting) {
	if upgradable(s) {
		ns.waiting = append(ns.waiting, s)
	}
	ns.seen = append(ns.seen, s)
	ns.all.add(s)
	if s.head == "" {
		ns.noHead.add(s)
	} else {
		f := ns.byHead[s.head]
		if f == nil {
			f = &firstSources{}
			if ns.byHead == nil {
				ns.byHead = map[string]*firstSources{}
			}
			ns.byHead[s.head] = f
		}
		f.add(s)
	}
	if s.office != nil {
		f := ns.byOffice[s.office]
		if f == nil {
			f = &firstSources{}
			if ns.byOffice == nil {
				ns.byOffice = map[*kb.Office]*firstSources{}
			}
			ns.byOffice[s.office] = f
		}
		f.add(s)
	}
}

// firstPartner returns the earliest sighting from another source in a
// compatible role (compatibleRoles), or nil.
func (ns *namesakes) firstPartner(s *sighting) *sighting {
	var candBuf [3]*sighting // at most three candidates: no allocation
	cands := candBuf[:0]
	if s.head == "" {
		cands = append(cands, ns.all.otherThan(s.source)) // every role is compatible
	} else {
		cands = append(cands, ns.noHead.otherThan(s.source))
		if f := ns.byHead[s.head]; f != nil {
			cands = append(cands, f.otherThan(s.source))
		}
		if f := ns.byOffice[s.office]; s.office != nil && f != nil {
			cands = append(cands, f.otherThan(s.source))
		}
	}
	var best *sighting
	for _, o := range cands {
		if o != nil && (best == nil || o.seq < best.seq) {
			best = o
		}
	}
	if best != nil && best.doc == s.doc {
		// One article has one source, so this only happens when a caller
		// reuses article numbers: then look at every sighting in order.
		for _, o := range ns.seen {
			if o.source != "" && o.source != s.source && o.doc != s.doc && compatibleRoles(o, s) {
				return o
			}
		}
		return nil
	}
	return best
}

// compatibleRoles: the same office, or role words sharing their head
// ("policy expert" / "Middle East expert"), or no role on one side.
func compatibleRoles(a, b *sighting) bool {
	if a.office != nil && a.office == b.office {
		return true
	}
	return a.head == "" || b.head == "" || a.head == b.head
}

func roleHead(role string) string {
	// The last word before the first preposition ("spokesperson for a
	// leading NGO": the head precedes it), lower-cased, without building
	// the list of words.
	head := ""
	for w := range strings.FieldsSeq(role) {
		w = strings.Trim(w, ",.;:")
		if len(w) <= len("with") {
			if lw := strings.ToLower(w); lw == "for" || lw == "at" || lw == "of" || lw == "with" {
				break
			}
		}
		head = w
	}
	return strings.ToLower(head)
}

// conflicts reports articles within a week of each other naming different
// current holders of one exclusive office: on s, one finding per rival
// holder (with how many articles name them); on the first article naming
// each rival, one finding per rival holder it is contradicted by.
func (b *Batch) conflicts(k *kb.KB, s *sighting, key string, h *holders, own *holderGroup, get func(int) *corpus.Amendment) {
	type rival struct {
		first    *sighting
		group    *holderGroup
		articles int
	}
	var rivals []*rival
	day := dayOf(s.date)
	for d := day - 7; d <= day+7; d++ {
		for _, g := range h.byDay[d] {
			o := g.first
			if g.key == key || o.doc == s.doc || k.SameParsedName(o.name, s.name) {
				continue
			}
			found := false
			for _, r := range rivals {
				if r.group.key == g.key || k.SameParsedName(r.first.name, o.name) {
					r.articles += g.count
					found = true
					break
				}
			}
			if !found {
				rivals = append(rivals, &rival{first: o, group: g, articles: g.count})
			}
		}
	}
	for _, r := range rivals {
		o := r.first
		loser := b.decide(o, s)
		others := ""
		if r.articles > 1 {
			others = fmt.Sprintf(" (and %d more articles that week)", r.articles-1)
		}
		b.report(s, o, loser, s.office, fmt.Sprintf("%s is named as %s here, but article %d%s%s names %s in that office at the same time",
			s.entity.Name, s.office.Title(), o.doc+1, sourceNote(o.source), others, o.entity.Name), get)
		if own.first == s {
			own.markReported(r.group.key)
		}
		if !r.group.reported[key] {
			r.group.markReported(key)
			b.report(o, s, loser, s.office, fmt.Sprintf("%s is named as %s here, but article %d%s names %s in that office at the same time",
				o.entity.Name, s.office.Title(), s.doc+1, sourceNote(s.source), s.entity.Name), get)
		}
	}
}

// report adds the conflict finding on me (against other), and marks me
// contradicted when it loses.
func (b *Batch) report(me, other, loser *sighting, office *kb.Office, msg string, get func(int) *corpus.Amendment) {
	f := b.finding(me, msg)
	a := get(me.doc)
	if loser == me && me.entity.Status != analysis.Contradicted {
		me.entity.Status = analysis.Contradicted
		me.entity.Evidence = fmt.Sprintf("batch conflict: article %d names %s as %s, and %s", other.doc+1, other.entity.Name, office.Title(), decidedBy(other))
		a.Entities = append(a.Entities, me.entity)
	}
	switch {
	case loser == nil:
		f.Evidence = "undecided: neither the knowledge base nor the sourcing settles which article is right"
	case loser == me:
		f.Evidence = "this article's side is contradicted: " + decidedBy(other)
	default:
		// This side is right: keep the cross-reference for the editor,
		// but it is no evidence against this article.
		f.Severity = analysis.Info
		f.Evidence = "the other article's side is contradicted: " + decidedBy(me)
	}
	a.Findings = append(a.Findings, f)
}

// dayOf numbers the day a date starts on.
func dayOf(d kb.Date) int64 {
	return int64(math.Floor(float64(d.First().Unix()) / 86400))
}

// decide returns the sighting that loses a conflict: the one the KB does
// not verify, else the one from the article with fewer named sources;
// nil when nothing settles it.
func (b *Batch) decide(x, y *sighting) *sighting {
	xv, yv := x.entity.Status == analysis.Verified, y.entity.Status == analysis.Verified
	switch {
	case xv && !yv:
		return y
	case yv && !xv:
		return x
	case xv && yv:
		return nil
	case x.named > y.named:
		return y
	case y.named > x.named:
		return x
	}
	return nil
}

func decidedBy(winner *sighting) string {
	if winner.entity.Status == analysis.Verified {
		return "the knowledge base verifies " + winner.entity.Name
	}
	return fmt.Sprintf("the article naming %s is better sourced (%d named sources)", winner.entity.Name, winner.named)
}

func (b *Batch) finding(s *sighting, msg string) analysis.Finding {
	r := b.rule()
	return analysis.Finding{Rule: r.ID, Dimension: r.Dimension, Severity: r.Severity, Message: msg,
		Text: s.text, Start: s.start, End: s.end, Line: s.line, Column: s.col}
}

// sourceNote names the other article's source in parentheses, or nothing
// when the input gave none.
func sourceNote(source string) string {
	if source == "" {
		return ""
	}
	return " (" + source + ")"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
