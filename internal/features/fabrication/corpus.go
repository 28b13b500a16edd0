package fabrication

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
)

// Batch is the fabrication check across articles: a person named by two
// articles from different sources in compatible roles is corroborated;
// two articles naming different holders of one exclusive office at one
// time conflict (FB005).
//
// Each article emits one sighting per person: under the person's name
// ("n:" and the name's match key, one key for every spelling) for
// corroboration, and, when the person is named as the current holder of
// an exclusive office in a dated article, under the office and an
// 8-day period ("o:" office "@" period) for conflicts. A conflict needs
// the sightings within a week of each other, so a sighting is filed under
// its own period (as owner: it is answered there) and under the periods
// either side (as visitor: context only). The busiest office is thus
// split into periods of 24 days at most, and no key holds every sighting
// of a president.
type Batch struct {
	kbOnce sync.Once
	kb     *kb.KB
	kbErr  error
}

// person is what an article emits per person: a few hundred bytes, never
// the article.
type person struct {
	Source string          `json:"s,omitempty"`
	Entity analysis.Entity `json:"e"`
	Named  int             `json:"n,omitempty"` // the article's named sources: who is better sourced
	Day    int64           `json:"d,omitempty"` // day number of the article's date
	Dated  bool            `json:"dt,omitempty"`
	Line   int             `json:"l,omitempty"` // of the mention, for conflict findings
	Col    int             `json:"c,omitempty"`
	Text   string          `json:"t,omitempty"` // the highlighted text
	Owner  bool            `json:"w,omitempty"` // office key: filed under its own period

	// derived is what Reduce works out from the entity, kept so that a
	// streaming run, which reduces a key again for every article, parses
	// each name and role once.
	derived *derived
}

type derived struct {
	name    kb.Name
	head    string
	office  *kb.Office
	current bool
}

// batchNote is what a Reduce tells an article: a status change of one of
// its people, or a conflict finding.
type batchNote struct {
	Entity   *analysis.Entity   `json:"e,omitempty"`
	Withdraw *corpus.Withdrawal `json:"w,omitempty"`
	Finding  *analysis.Finding  `json:"f,omitempty"`
}

// conflictPeriod is the length of an office key's period in days: a
// sighting's ±7-day window lies within its period and the two either side.
const conflictPeriod = 8

// NewBatch returns the check using k (nil: the embedded default).
func NewBatch(k *kb.KB) *Batch {
	b := &Batch{kb: k}
	if k != nil {
		b.kbOnce.Do(func() {})
	}
	return b
}

var _ corpus.Compactor = (*Batch)(nil)

// Compact keeps of an answered sighting what a later article's Reduce
// reads of it (name, role, status, source, date, sourcing): not the
// highlighted text, the evidence or the reference, which only its own
// findings quote; the strings are copies, so no article text is pinned.
func (b *Batch) Compact(v any) any {
	p := v.(*person)
	c := *p
	c.Text, c.Line, c.Col = "", 0, 0
	e := &c.Entity
	e.Evidence, e.Reference = "", nil
	e.Name, e.Role, e.Affiliation = strings.Clone(e.Name), strings.Clone(e.Role), strings.Clone(e.Affiliation)
	return &c
}

func (b *Batch) knowledge() (*kb.KB, error) {
	b.kbOnce.Do(func() { b.kb, b.kbErr = kb.Default() })
	return b.kb, b.kbErr
}

var _ corpus.Keyed = (*Batch)(nil)

func (b *Batch) Name() string  { return "fabrication.batch" }
func (b *Batch) NewValue() any { return &person{} }
func (b *Batch) NewNote() any  { return &batchNote{} }

func (b *Batch) Rules() []analysis.Rule {
	for _, r := range rules {
		if r.ID == RuleBatchConflict {
			return []analysis.Rule{r}
		}
	}
	return nil
}

func (b *Batch) rule() analysis.Rule { return b.Rules()[0] }

// Emit returns the article's people under their names and, for current
// holders of an exclusive office in a dated article, under the office's
// periods.
func (b *Batch) Emit(doc *document.Document, res *analysis.Result) []corpus.Sighting {
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
	var out []corpus.Sighting
	for _, e := range res.Entities {
		p := &person{Source: source, Entity: e, Named: res.Sources.Named, Dated: !date.IsZero()}
		if p.Dated {
			p.Day = dayOf(date)
		}
		inText := e.End > e.Start && e.End <= len(doc.Text)
		if inText {
			// A copy: a substring would keep the whole article alive.
			p.Text = strings.Clone(doc.Text[e.Start:e.End])
		}
		name := kb.ParseName(e.Name)
		if name.Words() >= 2 {
			var keyBuf [64]byte
			out = append(out, corpus.Sighting{Key: "n:" + string(name.AppendMatchKey(keyBuf[:0])), Value: p})
		}
		if e.Role == "" || !p.Dated {
			continue
		}
		ref := k.ParseRole(e.Role, e.Affiliation)
		office := ref.Unique()
		if office == nil || !office.Exclusive || ref.Past || ref.Future || ref.Acting {
			continue
		}
		c := *p
		if inText {
			c.Line, c.Col = doc.Position(e.Start)
		}
		period := floorDiv(c.Day, conflictPeriod)
		for _, d := range []int64{0, -1, 1} {
			v := c
			v.Owner = d == 0
			out = append(out, corpus.Sighting{Key: officeKey(office, period+d), Value: &v})
		}
	}
	return out
}

func officeKey(o *kb.Office, period int64) string {
	return "o:" + o.Role + "|" + o.Country + "|" + o.Organization + "@" + strconv.FormatInt(period, 10)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// sighting is a person in a Reduce: the emitted value (shared; conflicts
// work on a copy, since they mark people contradicted), with what is
// derived from it.
type sighting struct {
	*person
	article string
	seq     int // position in the group
	name    kb.Name
	head    string     // roleHead of the entity's role
	office  *kb.Office // unique office the role names, if any
	current bool       // role presented as current (not former/acting/incoming)
}

// derive parses p's name and role once, however many groups it is
// sighted in.
func (p *person) derive(k *kb.KB) *derived {
	if p.derived == nil {
		d := &derived{name: kb.ParseName(p.Entity.Name), head: roleHead(p.Entity.Role)}
		if p.Entity.Role != "" {
			ref := k.ParseRole(p.Entity.Role, p.Entity.Affiliation)
			d.office = ref.Unique()
			d.current = !ref.Past && !ref.Future && !ref.Acting
		}
		p.derived = d
	}
	return p.derived
}

func (b *Batch) sightings(k *kb.KB, g *corpus.Group, copied bool) []*sighting {
	out := make([]*sighting, len(g.Members))
	all := make([]sighting, len(g.Members)) // one allocation for the group
	for i, m := range g.Members {
		p := m.Value.(*person)
		d := p.derive(k)
		if copied {
			c := *p
			p = &c
		}
		all[i] = sighting{person: p, article: m.Order.ID, seq: i, name: d.name, head: d.head, office: d.office, current: d.current}
		out[i] = &all[i]
	}
	return out
}

// Reduce corroborates the sightings of one name, or finds the conflicts
// among the holders of one office in one period.
func (b *Batch) Reduce(g *corpus.Group) []corpus.Note {
	k, err := b.knowledge()
	if err != nil {
		return nil
	}
	if strings.HasPrefix(g.Key, "o:") {
		return b.conflicts(k, g, b.sightings(k, g, true))
	}
	if g.To-g.From == 1 {
		// One article asks (a streaming run): the earliest partner is
		// the first compatible sighting in order, usually near the start.
		return corroborateOne(k, g, g.From)
	}
	return corroborate(g, b.sightings(k, g, false))
}

// Settle applies an article's notes: corroborations first, then
// contradictions (a person both corroborated and contradicted ends
// contradicted), findings in a fixed order.
func (b *Batch) Settle(article string, notes []corpus.Note) corpus.Amendment {
	var a corpus.Amendment
	var upgraded, contradicted []analysis.Entity
	for _, n := range notes {
		bn := n.Value.(*batchNote)
		if bn.Withdraw != nil {
			a.Withdraw = append(a.Withdraw, *bn.Withdraw)
		}
		if bn.Finding != nil {
			a.Findings = append(a.Findings, *bn.Finding)
		}
		if e := bn.Entity; e != nil {
			if e.Status == analysis.Contradicted {
				contradicted = append(contradicted, *e)
			} else {
				upgraded = append(upgraded, *e)
			}
		}
	}
	sortEntities(upgraded)
	sortEntities(contradicted)
	a.Entities = append(upgraded, contradicted...)
	slices.SortFunc(a.Withdraw, func(x, y corpus.Withdrawal) int { return cmp.Or(cmp.Compare(x.At, y.At), cmp.Compare(x.Rule, y.Rule)) })
	corpus.SortFindings(a.Findings)
	return a
}

func sortEntities(es []analysis.Entity) {
	slices.SortFunc(es, func(x, y analysis.Entity) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.Name, y.Name), cmp.Compare(x.Evidence, y.Evidence))
	})
}

// firstSources keeps, of a list of sightings in order, the first one with
// a source and the first with a different source: enough to answer "the
// first sighting from a source other than X" for any X.
type firstSources struct{ first, second *sighting }

func (f *firstSources) add(s *sighting) {
	switch {
	case s.Source == "":
	case f.first == nil:
		f.first = s
	case f.second == nil && s.Source != f.first.Source:
		f.second = s
	}
}

// otherThan returns the first sighting whose source is neither "" nor
// source, or nil.
func (f *firstSources) otherThan(source string) *sighting {
	if f.first != nil && f.first.Source != source {
		return f.first
	}
	return f.second
}

// corroborate upgrades each unverifiable or unknown sighting that another
// source names in a compatible role, citing the earliest such sighting
// (earlier or later): what arriving in (date, id) order gives, where an
// earlier partner upgrades a newcomer and a newcomer upgrades every
// earlier sighting still waiting. The index by role head and office
// answers each sighting without comparing every pair.
func corroborate(g *corpus.Group, ss []*sighting) []corpus.Note {
	var all, noHead firstSources
	byHead := map[string]*firstSources{}
	byOffice := map[*kb.Office]*firstSources{}
	for _, s := range ss {
		all.add(s)
		if s.head == "" {
			noHead.add(s)
		} else {
			if byHead[s.head] == nil {
				byHead[s.head] = &firstSources{}
			}
			byHead[s.head].add(s)
		}
		if s.office != nil {
			if byOffice[s.office] == nil {
				byOffice[s.office] = &firstSources{}
			}
			byOffice[s.office].add(s)
		}
	}
	var out []corpus.Note
	for i := g.From; i < g.To; i++ {
		s := ss[i]
		if s.Source == "" || !upgradable(s) {
			continue
		}
		var cands []*sighting
		if s.head == "" {
			cands = append(cands, all.otherThan(s.Source)) // every role is compatible
		} else {
			cands = append(cands, noHead.otherThan(s.Source), byHead[s.head].otherThan(s.Source))
			if f := byOffice[s.office]; s.office != nil && f != nil {
				cands = append(cands, f.otherThan(s.Source))
			}
		}
		var best *sighting
		for _, o := range cands {
			if o != nil && o.article != s.article && (best == nil || o.seq < best.seq) {
				best = o
			}
		}
		if best == nil {
			continue
		}
		out = append(out, upgradeNote(s, best))
	}
	return out
}

// corroborateOne is corroborate for member i alone.
func corroborateOne(k *kb.KB, g *corpus.Group, i int) []corpus.Note {
	one := func(j int) *sighting {
		m := g.Members[j]
		p := m.Value.(*person)
		d := p.derive(k)
		return &sighting{person: p, article: m.Order.ID, seq: j, name: d.name, head: d.head, office: d.office, current: d.current}
	}
	s := one(i)
	if s.Source == "" || !upgradable(s) {
		return nil
	}
	for j := range g.Members {
		if j == i {
			continue
		}
		o := one(j)
		if o.Source == "" || o.Source == s.Source || o.article == s.article || !compatibleRoles(o, s) {
			continue
		}
		return []corpus.Note{upgradeNote(s, o)}
	}
	return nil
}

// upgradeNote marks s corroborated by o.
func upgradeNote(s, o *sighting) corpus.Note {
	e := s.Entity
	e.Status = analysis.Corroborated
	e.Evidence = "also named as " + strconv.Quote(orDash(o.Entity.Role)) + " by " + o.Source + " (article " + o.article + ")"
	return corpus.Note{Article: s.article, Value: &batchNote{Entity: &e,
		Withdraw: &corpus.Withdrawal{Rule: RuleUnverifiable, At: s.Entity.Start}}}
}

func upgradable(s *sighting) bool {
	return s.Entity.Status == analysis.Unverifiable || s.Entity.Status == analysis.Unknown
}

// compatibleRoles: the same office, or role words sharing their head
// ("policy expert" / "Middle East expert"), or no role on one side.
func compatibleRoles(a, b *sighting) bool {
	if a.office != nil && a.office == b.office {
		return true
	}
	return a.head == "" || b.head == "" || a.head == b.head
}

// holders are the sightings of one exclusive office, by day and, within a
// day, by name, so a conflict check reads only the fortnight around an
// article's date and compares with each distinct holder once, however many
// articles name them.
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
	for _, g := range h.byDay[s.Day] {
		if g.key == key {
			g.count++
			return g
		}
	}
	g := &holderGroup{key: key, first: s, count: 1}
	h.byDay[s.Day] = append(h.byDay[s.Day], g)
	return g
}

func (g *holderGroup) markReported(key string) {
	if g.reported == nil {
		g.reported = map[string]bool{}
	}
	g.reported[key] = true
}

// conflicts replays the office's sightings in (date, id) order: each is
// compared with the distinct holders named within a week before it; on
// it, one finding per rival holder (with how many articles name them); on
// the first article naming each rival, one finding per rival holder it is
// contradicted by. Only owners of the period are answered.
func (b *Batch) conflicts(k *kb.KB, g *corpus.Group, ss []*sighting) []corpus.Note {
	h := &holders{byDay: map[int64][]*holderGroup{}}
	var out []corpus.Note
	emit := func(s *sighting, n *batchNote) {
		if s.Owner && g.Wants(s.seq) {
			out = append(out, corpus.Note{Article: s.article, Value: n})
		}
	}
	for _, s := range ss {
		if s.office == nil || !s.office.Exclusive || !s.current || !s.Dated {
			continue
		}
		var keyBuf [64]byte
		key := string(s.name.AppendMatchKey(keyBuf[:0]))
		own := h.add(s, key)
		type rival struct {
			first    *sighting
			group    *holderGroup
			articles int
		}
		var rivals []*rival
		for d := s.Day - 7; d <= s.Day+7; d++ {
			for _, hg := range h.byDay[d] {
				o := hg.first
				// One exclusive office, one week: a name one slip from the
				// other is the same holder spelt two ways ("Mohammed" and
				// "Mohammad Khatami"), not a rival; FB006 judges spellings.
				if hg.key == key || o.article == s.article || k.SameParsedName(o.name, s.name) || k.NearMissNames(o.name, s.name) {
					continue
				}
				found := false
				for _, r := range rivals {
					if r.group.key == hg.key || k.SameParsedName(r.first.name, o.name) {
						r.articles += hg.count
						found = true
						break
					}
				}
				if !found {
					rivals = append(rivals, &rival{first: o, group: hg, articles: hg.count})
				}
			}
		}
		for _, r := range rivals {
			o := r.first
			loser := decide(o, s)
			others := ""
			if r.articles > 1 {
				others = fmt.Sprintf(" (and %d more articles that week)", r.articles-1)
			}
			emit(s, b.report(s, o, loser, s.office, fmt.Sprintf("%s is named as %s here, but article %s%s%s names %s in that office at the same time",
				s.Entity.Name, s.office.Title(), o.article, sourceNote(o.Source), others, o.Entity.Name)))
			if own.first == s {
				own.markReported(r.group.key)
			}
			if !r.group.reported[key] {
				r.group.markReported(key)
				emit(o, b.report(o, s, loser, s.office, fmt.Sprintf("%s is named as %s here, but article %s%s names %s in that office at the same time",
					o.Entity.Name, s.office.Title(), s.article, sourceNote(s.Source), s.Entity.Name)))
			}
		}
	}
	return out
}

// report is the conflict finding on me (against other), with me marked
// contradicted the first time it loses.
func (b *Batch) report(me, other, loser *sighting, office *kb.Office, msg string) *batchNote {
	f := b.finding(me, msg)
	n := &batchNote{Finding: &f}
	if loser == me && me.Entity.Status != analysis.Contradicted {
		me.Entity.Status = analysis.Contradicted
		me.Entity.Evidence = fmt.Sprintf("batch conflict: article %s names %s as %s, and %s", other.article, other.Entity.Name, office.Title(), decidedBy(other))
		e := me.Entity
		n.Entity = &e
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
	*n.Finding = f
	return n
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

// dayOf numbers the day a date starts on.
func dayOf(d kb.Date) int64 {
	return int64(math.Floor(float64(d.First().Unix()) / 86400))
}

// decide returns the sighting that loses a conflict: the one the KB does
// not verify, else the one from the article with fewer named sources;
// nil when nothing settles it.
func decide(x, y *sighting) *sighting {
	xv, yv := x.Entity.Status == analysis.Verified, y.Entity.Status == analysis.Verified
	switch {
	case xv && !yv:
		return y
	case yv && !xv:
		return x
	case xv && yv:
		return nil
	case x.Named > y.Named:
		return y
	case y.Named > x.Named:
		return x
	}
	return nil
}

func decidedBy(winner *sighting) string {
	if winner.Entity.Status == analysis.Verified {
		return "the knowledge base verifies " + winner.Entity.Name
	}
	return fmt.Sprintf("the article naming %s is better sourced (%d named sources)", winner.Entity.Name, winner.Named)
}

func (b *Batch) finding(s *sighting, msg string) analysis.Finding {
	r := b.rule()
	return analysis.Finding{Rule: r.ID, Dimension: r.Dimension, Severity: r.Severity, Message: msg,
		Text: s.Text, Start: s.Entity.Start, End: s.Entity.End, Line: s.Line, Column: s.Col}
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
