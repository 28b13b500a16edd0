package fabrication

// The batch check as first written: every new sighting compared with
// every earlier one. The indexed Batch must amend exactly as it does.

import (
	"fmt"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
)

// refBatch is the batch-wide check: a person named by two articles from
// different sources in compatible roles is corroborated; two articles
// naming different holders of one office at one time conflict.
type refBatch struct {
	kbOnce sync.Once
	kb     *kb.KB
	kbErr  error

	byName   map[string][]*refSighting // normalised full name → sightings
	byOffice map[*kb.Office][]*refSighting
}

// refSighting is what the check keeps of one person in one article: a few
// hundred bytes, never the article.
type refSighting struct {
	doc        int
	source     string
	date       kb.Date
	entity     analysis.Entity
	office     *kb.Office // unique office the role names, if any
	current    bool       // role presented as current (not former/acting/incoming)
	named      int        // the article's named sources: who is better sourced
	line, col  int
	text       string // the highlighted text
	start, end int
}

// newRefBatch returns a fresh batch check using k (nil: the embedded default).
func newRefBatch(k *kb.KB) *refBatch {
	b := &refBatch{kb: k, byName: map[string][]*refSighting{}, byOffice: map[*kb.Office][]*refSighting{}}
	if k != nil {
		b.kbOnce.Do(func() {})
	}
	return b
}

func (b *refBatch) knowledge() (*kb.KB, error) {
	b.kbOnce.Do(func() { b.kb, b.kbErr = kb.Default() })
	return b.kb, b.kbErr
}

func (b *refBatch) Name() string { return "fabrication.batch" }

func (b *refBatch) Rules() []analysis.Rule {
	for _, r := range rules {
		if r.ID == RuleBatchConflict {
			return []analysis.Rule{r}
		}
	}
	return nil
}

func (b *refBatch) rule() analysis.Rule { return b.Rules()[0] }

// Observe indexes one article's people and returns what they change:
// corroborations and conflicts with articles seen earlier.
func (b *refBatch) Observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
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
	amend := map[int]*corpus.Amendment{}
	get := func(i int) *corpus.Amendment {
		if amend[i] == nil {
			amend[i] = &corpus.Amendment{Doc: i}
		}
		return amend[i]
	}
	for _, e := range res.Entities {
		s := &refSighting{doc: idx, source: source, date: date, entity: e, named: res.Sources.Named,
			start: e.Start, end: e.End}
		if e.End > e.Start && e.End <= len(doc.Text) {
			s.text = doc.Text[e.Start:e.End]
			s.line, s.col = doc.Position(e.Start)
		}
		if e.Role != "" {
			ref := k.ParseRole(e.Role, e.Affiliation)
			s.office = ref.Unique()
			s.current = !ref.Past && !ref.Future && !ref.Acting
		}
		key := kb.NormalizeName(e.Name)
		if len(strings.Fields(key)) >= 2 {
			b.corroborate(k, s, key, get)
			b.byName[key] = append(b.byName[key], s)
		}
		if s.office != nil && s.office.Exclusive && s.current && !date.IsZero() {
			b.conflicts(k, s, get)
			b.byOffice[s.office] = append(b.byOffice[s.office], s)
		}
	}
	var out []corpus.Amendment
	for i := range amend {
		out = append(out, *amend[i])
	}
	return out
}

func (b *refBatch) Finish() []corpus.Amendment { return nil }

// corroborate upgrades unverifiable or unknown people that an article from
// another source also names in a compatible role, in both articles.
func (b *refBatch) corroborate(k *kb.KB, s *refSighting, key string, get func(int) *corpus.Amendment) {
	for _, o := range b.byName[key] {
		if o.source == "" || s.source == "" || o.source == s.source || o.doc == s.doc {
			continue
		}
		if !refCompatibleRoles(k, o, s) {
			continue
		}
		for _, pair := range [][2]*refSighting{{s, o}, {o, s}} {
			me, other := pair[0], pair[1]
			if me.entity.Status != analysis.Unverifiable && me.entity.Status != analysis.Unknown {
				continue
			}
			me.entity.Status = analysis.Corroborated
			me.entity.Evidence = fmt.Sprintf("also named as %q by %s (article %d)", orDash(other.entity.Role), other.source, other.doc+1)
			a := get(me.doc)
			a.Entities = append(a.Entities, me.entity)
			a.Withdraw = append(a.Withdraw, corpus.Withdrawal{Rule: RuleUnverifiable, At: me.start})
		}
	}
}

// compatibleRoles: the same office, or role words sharing their head
// ("policy expert" / "Middle East expert"), or no role on one side.
func refCompatibleRoles(k *kb.KB, a, b *refSighting) bool {
	if a.office != nil && a.office == b.office {
		return true
	}
	ha, hb := roleHead(a.entity.Role), roleHead(b.entity.Role)
	return ha == "" || hb == "" || ha == hb
}

// conflicts reports two articles within a week of each other naming
// different current holders of one exclusive office, on both.
func (b *refBatch) conflicts(k *kb.KB, s *refSighting, get func(int) *corpus.Amendment) {
	for _, o := range b.byOffice[s.office] {
		if o.doc == s.doc || k.SameName(o.entity.Name, s.entity.Name) {
			continue
		}
		if gap := o.date.First().Sub(s.date.First()).Hours() / 24; gap > 7 || gap < -7 {
			continue
		}
		loser := b.decide(o, s)
		for _, pair := range [][2]*refSighting{{s, o}, {o, s}} {
			me, other := pair[0], pair[1]
			f := b.finding(me, fmt.Sprintf("%s is named as %s here, but article %d%s names %s in that office at the same time",
				me.entity.Name, s.office.Title(), other.doc+1, sourceNote(other.source), other.entity.Name))
			a := get(me.doc)
			if loser == me && me.entity.Status != analysis.Contradicted {
				me.entity.Status = analysis.Contradicted
				me.entity.Evidence = fmt.Sprintf("batch conflict: article %d names %s as %s, and %s", other.doc+1, other.entity.Name, s.office.Title(), refDecidedBy(other))
				a.Entities = append(a.Entities, me.entity)
			}
			switch {
			case loser == nil:
				f.Evidence = "undecided: neither the knowledge base nor the sourcing settles which article is right"
			case loser == me:
				f.Evidence = "this article's side is contradicted: " + refDecidedBy(other)
			default:
				// This side is right: keep the cross-reference for the
				// editor, but it is no evidence against this article.
				f.Severity = analysis.Info
				f.Evidence = "the other article's side is contradicted: " + refDecidedBy(me)
			}
			a.Findings = append(a.Findings, f)
		}
	}
}

// decide returns the refSighting that loses a conflict: the one the KB does
// not verify, else the one from the article with fewer named sources;
// nil when nothing settles it.
func (b *refBatch) decide(x, y *refSighting) *refSighting {
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

func refDecidedBy(winner *refSighting) string {
	if winner.entity.Status == analysis.Verified {
		return "the knowledge base verifies " + winner.entity.Name
	}
	return fmt.Sprintf("the article naming %s is better sourced (%d named sources)", winner.entity.Name, winner.named)
}

func (b *refBatch) finding(s *refSighting, msg string) analysis.Finding {
	r := b.rule()
	return analysis.Finding{Rule: r.ID, Dimension: r.Dimension, Severity: r.Severity, Message: msg,
		Text: s.text, Start: s.start, End: s.end, Line: s.line, Column: s.col}
}
