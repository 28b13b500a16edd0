package attribution

import (
	"strings"

	"github.com/copydesk/copydesk/internal/features/people"
)

// Speaker is who a clause or a quotation is attributed to.
type Speaker struct {
	Person *people.Person // a named person, after coreference
	// Org is an organisation speaking ("the ministry", "Netanyahu’s
	// office", "a Hamas official"), as written.
	Org string
	// Named is set for a person or an organisation cited by its proper
	// name; Key identifies it for counting distinct named sources.
	Named bool
	Key   string
	// Group is set when the source is an unnamed group ("experts",
	// "officials", "reports").
	Group      groupClass
	Text       string // the subject as written
	Start, End int    // span of the subject
}

func (s Speaker) found() bool { return s.Text != "" }

// clause is one reporting verb with its subject: "experts believe",
// "said Mr Smith", "according to the ministry".
type clause struct {
	Verb       string
	Class      verbClass
	Present    bool // base or -s form: "believe", "suggests"
	VerbStart  int
	VerbEnd    int
	Subject    Speaker
	Inverted   bool // "said Smith"
	Accordance bool // "according to X"
}

// auxiliaries and adverbs that may sit between a subject and its verb.
var betweenSubjectAndVerb = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "may": true, "might": true,
	"could": true, "can": true, "should": true, "must": true, "also": true, "often": true, "widely": true,
	"generally": true, "repeatedly": true, "reportedly": true, "previously": true, "recently": true,
	"later": true, "further": true, "again": true, "publicly": true, "privately": true, "separately": true,
	"earlier": true, "already": true, "still": true, "now": true, "then": true, "do": true, "does": true,
	"did": true, "not": true, "always": true, "increasingly": true, "strongly": true, "firmly": true,
	"largely": true, "mostly": true, "broadly": true, "openly": true, "frequently": true, "similarly": true,
	"however": true, "too": true, "even": true, "clearly": true, "simply": true, "once": true,
}

// nounMarkers before a verb form make it a noun ("his claims", "the reports").
var nounMarkers = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"my": true, "your": true, "these": true, "those": true, "this": true, "such": true, "any": true,
	"no": true, "of": true, "new": true, "recent": true, "latest": true, "to": true, "in": true, "for": true,
	"with": true, "on": true, "by": true, "from": true, "about": true, "and": true, "or": true,
}

// clauseStops end a subject noun phrase going left.
var clauseStops = map[string]bool{
	"that": true, "which": true, "who": true, "and": true, "but": true, "while": true, "as": true,
	"because": true, "although": true, "though": true, "when": true, "if": true, "so": true,
	"where": true, "after": true, "before": true, "since": true, "whereas": true, "than": true,
	"what": true, "how": true, "why": true,
}

var pronounSubjects = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true}

// appendClauses appends every reporting clause outside quotations to out
// (a pooled buffer).
func appendClauses(out []clause, w *words, pr *people.Result, inQuote func(int) bool) []clause {
	for i := 0; i < w.n(); i++ {
		lw := w.lower(i)
		if lw == "according" && i+2 < w.n() && w.lower(i+1) == "to" && !inQuote(w.start(i)) {
			sp := resolveNP(w, pr, i+2, accordingEnd(w, i+2))
			if sp.found() {
				out = append(out, clause{Verb: "according to", Class: speechVerb, VerbStart: w.start(i), VerbEnd: w.end(i + 1), Subject: sp, Accordance: true})
			}
			continue
		}
		class := lex.verb(lw)
		if class == 0 || inQuote(w.start(i)) {
			continue
		}
		if i > 0 && !clauseBreak(w.gap(i)) && nounMarkers[w.lower(i-1)] {
			continue // "his claims", "the reports"
		}
		c := clause{Verb: lw, Class: class, Present: presentForm(lw), VerbStart: w.start(i), VerbEnd: w.end(i)}
		if strings.HasSuffix(lw, "ing") {
			// "with finance minister Hans Eichel saying", "quoted Mr
			// Chernin as saying": the person just before speaks.
			if sp, ok := participleSubject(w, pr, i); ok {
				c.Subject = sp
				out = append(out, c)
				continue
			}
			// "…, stating, "…"": the sentence's subject speaks.
			if i > 0 && strings.Contains(w.gap(i), ",") {
				if sp := sentenceSubject(w, pr, i); sp.found() {
					c.Subject = sp
					out = append(out, c)
				}
			}
			continue
		}
		a := subjectStart(w, i)
		if a < i && a > 0 && strings.Contains(w.gap(a), ",") && !strings.ContainsAny(w.gap(a), "\"“”") {
			// "Michael Raftery, project manager at the Hansard Society,
			// said": the phrase before the verb is the person's role.
			c.Subject = appositiveSubject(w, pr, a)
		}
		if a < i && !c.Subject.found() {
			c.Subject = resolveNP(w, pr, a, lastBefore(w, i))
			if c.Subject.Named && c.Subject.Person == nil && a > 1 && (w.lower(a-1) == "and" || w.lower(a-1) == "or") && !clauseBreak(w.gap(a-1)) {
				// "critics within the EU and the United Nations worry": the
				// group before the conjunction is the subject.
				if b := subjectStart(w, a-1); b < a-1 {
					if g := resolveNP(w, pr, b, a-2); g.Group != 0 {
						g.End = c.Subject.End
						g.Text = w.text[g.Start:g.End]
						c.Subject = g
					}
				}
			}
			if !c.Subject.found() {
				c.Subject = appositiveSubject(w, pr, a)
			}
		}
		if !c.Subject.found() && a == i && i > 1 && strings.Contains(w.gap(i), ",") && !strings.ContainsAny(w.gap(i), "\"“”") {
			// "Dr. Rachel Goodman, a Middle East policy expert, explains"
			r := i - 1
			for r > 0 && !clauseBreak(w.gap(r)) && i-r < 16 {
				r--
			}
			c.Subject = appositiveSubject(w, pr, r)
			if !c.Subject.found() {
				// "Chairman of the committee Peter Ainsworth MP, said:"
				if sp := resolveNP(w, pr, r, i-1); sp.Person != nil {
					c.Subject = sp
				}
			}
		}
		if !c.Subject.found() && i > 1 && w.lower(i-1) == "who" {
			// "actor George C Scott, who said": the relative's antecedent.
			if p := pr.At(w.start(i - 2)); p != nil {
				c.Subject = Speaker{Person: p, Named: true, Key: "person:" + p.Name, Text: w.word(i - 2), Start: w.start(i - 2), End: w.end(i - 2)}
			}
		}
		if !c.Subject.found() && i+1 < w.n() && invertedPosition(w, i) && !clauseBreak(w.gap(i+1)) {
			// inverted: `," said Mr Smith`
			e := npEnd(w, i+1, 8)
			c.Subject = resolveNP(w, pr, i+1, e)
			if c.Subject.Person == nil && e+1 < w.n() && strings.TrimSpace(w.gap(e+1)) == "," {
				// "said the committee chairman, MP Edward Leigh"
				if named := resolveNP(w, pr, e+1, npEnd(w, e+1, 4)); named.Person != nil {
					c.Subject = named
				}
			}
			c.Inverted = c.Subject.found()
		}
		if c.Subject.found() {
			out = append(out, c)
		}
	}
	return out
}

// invertedPosition reports whether the verb at i can take its subject
// after it: right after a quotation (`…," said Smith`), or opening a
// sentence or line (`Said the minister: …`). After a bare comma the
// subject came before ("Marsh, who led the walkout, said").
func invertedPosition(w *words, i int) bool {
	if i == 0 {
		return true
	}
	g := w.gap(i)
	if strings.ContainsAny(g, "\"”\n.!?") {
		return true
	}
	// `"…" in 2005, said Kurt Karl`: a few words finishing the quoted
	// sentence stand between the quotation and its verb.
	if strings.Contains(g, ",") {
		for k := i - 1; k > 0 && i-k <= quoteTailWords; k-- {
			switch gk := w.gap(k); {
			case strings.ContainsAny(gk, "\"”"):
				return true
			case strings.ContainsAny(gk, "\n.!?"):
				return false
			}
		}
	}
	return false
}

// quoteTailWords is how many words may finish a quoted sentence between
// the closing quotation mark and an inverted "said X".
const quoteTailWords = 6

// presentForm reports whether a verb form is present tense (base or -s).
func presentForm(v string) bool {
	return !strings.HasSuffix(v, "ed") && !strings.HasSuffix(v, "ing") && v != "said" && v != "told" &&
		v != "wrote" && v != "thought" && v != "felt"
}

// subjectStart walks left from the verb at i over adverbs and auxiliaries
// and then a noun phrase, to the clause boundary; it returns i when there
// is no subject in reach.
func subjectStart(w *words, i int) int {
	j := i
	for j > 0 && !clauseBreak(w.gap(j)) && (betweenSubjectAndVerb[w.lower(j-1)] || isAdverb(w.word(j-1))) {
		j--
	}
	k := j
	for k > 0 && i-k < 10 && !clauseBreak(w.gap(k)) && !clauseStops[w.lower(k-1)] {
		k--
	}
	if k == j {
		return i
	}
	return k
}

// lastBefore returns the last subject word before the verb at i, skipping
// auxiliaries.
func lastBefore(w *words, i int) int {
	j := i - 1
	for j > 0 && (betweenSubjectAndVerb[w.lower(j)] || isAdverb(w.word(j))) {
		j--
	}
	return j
}

// isAdverb takes "-ly" words of five letters or more for adverbs
// ("simply observed", "angrily denied").
func isAdverb(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "ly") {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false // "O'Reilly", "Kelly"
		}
	}
	return true
}

// npEnd returns the last word of a noun phrase starting at a (at most max
// words, to the next punctuation).
func npEnd(w *words, a, max int) int {
	b := a
	for b+1 < w.n() && b+1-a < max && !clauseBreak(w.gap(b+1)) && !clauseStops[w.lower(b+1)] && lex.verb(w.lower(b+1)) == 0 {
		b++
	}
	return b
}

// participleSubject returns the person named right before a participle,
// directly ("Hans Eichel saying") or through "as" ("Mr Chernin as saying").
func participleSubject(w *words, pr *people.Result, i int) (Speaker, bool) {
	j := i - 1
	if j >= 0 && w.lower(j) == "as" && !clauseBreak(w.gap(i)) {
		j--
	}
	if j < 0 || clauseBreak(w.gap(j+1)) {
		return Speaker{}, false
	}
	if p := pr.At(w.start(j)); p != nil {
		return Speaker{Person: p, Named: true, Key: "person:" + p.Name, Text: w.word(j), Start: w.start(j), End: w.end(j)}, true
	}
	return Speaker{}, false
}

// accordingEnd returns the end of the noun phrase after "according to",
// which may hold a conjunction ("media and PR strategist Glen Yearwood").
func accordingEnd(w *words, a int) int {
	b := a
	for b+1 < w.n() && b+1-a < 10 && !clauseBreak(w.gap(b+1)) && lex.verb(w.lower(b+1)) == 0 &&
		(!clauseStops[w.lower(b+1)] || w.lower(b+1) == "and") {
		b++
	}
	return b
}

// appositiveSubject handles "Dr. Rachel Goodman, a Middle East policy
// expert, explains": the subject phrase before the verb is a role, and the
// person named before the comma speaks.
func appositiveSubject(w *words, pr *people.Result, a int) Speaker {
	if a == 0 || !strings.Contains(w.gap(a), ",") {
		return Speaker{}
	}
	first := w.lower(a)
	roleLike := first == "a" || first == "an" || first == "the" || first == "who" || possessive(w.word(a))
	for k := a; k < w.n() && k < a+4 && !roleLike; k++ {
		if k > a && clauseBreak(w.gap(k)) {
			break
		}
		roleLike = people.IsRoleHead(w.word(k))
	}
	if !roleLike {
		return Speaker{}
	}
	if p := pr.At(w.start(a - 1)); p != nil {
		return Speaker{Person: p, Named: true, Key: "person:" + p.Name, Text: w.word(a - 1), Start: w.start(a - 1), End: w.end(a - 1)}
	}
	return Speaker{}
}

// sentenceSubject returns the first person, pronoun or organisation named
// in the sentence before word i.
func sentenceSubject(w *words, pr *people.Result, i int) Speaker {
	k := i
	for k > 0 && !strings.ContainsAny(w.gap(k), ".!?\n") {
		k--
	}
	for _, m := range pr.MentionsIn(w.start(k), w.start(i)) {
		return Speaker{Person: m.Person, Named: true, Key: "person:" + m.Person.Name, Text: w.text[m.Mention.Start:m.Mention.End], Start: m.Mention.Start, End: m.Mention.End}
	}
	if pronounSubjects[w.lower(k)] {
		return Speaker{Text: w.word(k), Start: w.start(k), End: w.end(k)}
	}
	// "The band … thanked …, adding: …"
	return resolveNP(w, pr, k, npEnd(w, k, 6))
}

// orgHeads are nouns that make a subject an organisation speaking.
var orgHeads = map[string]bool{
	"ministry": true, "office": true, "department": true, "government": true, "police": true, "army": true,
	"military": true, "company": true, "firm": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"statement": true, "agency": true, "council": true, "court": true, "embassy": true, "party": true,
	"campaign": true, "club": true, "team": true, "group": true, "administration": true, "board": true,
	"committee": true, "commission": true, "union": true, "bank": true, "official": true, "representative": true,
	"organisation": true, "organization": true, "authority": true, "regulator": true, "watchdog": true,
	"cabinet": true, "presidency": true, "palace": true, "kremlin": true, "pentagon": true,
}

// resolveNP says who the noun phrase w[a..b] is: a person (through the
// people analyzer's mentions), an organisation, an unnamed group or a bare
// pronoun.
func resolveNP(w *words, pr *people.Result, a, b int) Speaker {
	if b < a {
		return Speaker{}
	}
	s, e := w.start(a), w.end(b)
	sp := Speaker{Text: w.text[s:e], Start: s, End: e}
	// The first person named is the head ("Jason Daw at Merrill Lynch"),
	// unless only owning something ("Mr Peston's book", "Netanyahu's
	// office") or a pronoun beside a name ("his coach Peter Stanley").
	var pronoun *people.Person
	for _, m := range pr.MentionsIn(s, e) {
		if possessiveAt(w.text, m.Mention.End) {
			continue
		}
		if m.Mention.Kind == people.Pronoun {
			if pronoun == nil {
				pronoun = m.Person
			}
			continue
		}
		sp.Person, sp.Named, sp.Key = m.Person, true, "person:"+m.Person.Name
		return sp
	}
	if pronoun != nil && a == b {
		sp.Person, sp.Named, sp.Key = pronoun, true, "person:"+pronoun.Name
		return sp
	}
	if a == b && pronounSubjects[w.lower(a)] {
		if p := pr.At(s); p != nil {
			sp.Person, sp.Named, sp.Key = p, true, "person:"+p.Name
		}
		return sp
	}
	// Proper names in the phrase (not the capital of a sentence's first word).
	var named, placeOnly string
	hasGroup := groupClass(0)
	head := ""
	for k := a; k <= b; k++ {
		word := w.word(k)
		lw := strings.ToLower(bare(word))
		if g := lex.groups[lw]; g != 0 && hasGroup == 0 {
			hasGroup = g
		}
		if orgHeads[lw] {
			head = lw
		}
		if !w.capitalised(k) || k == a && (lw == "the" || lw == "a" || lw == "an" || lex.groups[lw] != 0 || people.IsCommonWord(lw)) {
			continue
		}
		q := k
		for q+1 <= b && w.capitalised(q+1) && !clauseBreak(w.gap(q+1)) && !possessive(w.word(q)) {
			q++
		}
		run := bare(w.slice(k, q))
		if kind, _ := people.PlaceKind(run + "."); kind != "" {
			run += "." // "U.S" as the word splitter leaves it
		}
		if kind, _ := people.PlaceKind(run); kind != "" {
			if placeOnly == "" {
				placeOnly = run
			}
		} else if !people.IsRoleWord(run) && named == "" {
			named = run
		}
		k = q
	}
	switch {
	case named != "" && (isOrgName(named) || head != "" || hasGroup != 0):
		// "the State Department", "Netanyahu’s office", "analysts at Barclays"
		sp.Org, sp.Named, sp.Key = sp.Text, true, "org:"+strings.ToLower(named)
		if head != "" && !isOrgName(named) {
			sp.Key = "org:" + strings.ToLower(sp.Text)
		}
		return sp
	case named != "":
		// An unknown proper name: someone the people analyzer did not
		// recognise ("Chidambaram said").
		sp.Named, sp.Key = true, "name:"+strings.ToLower(named)
		return sp
	case hasGroup != 0:
		if placeOnly != "" && hasGroup == officialGroup {
			sp.Org = sp.Text // "Israeli officials": a government, if not a person
			return sp
		}
		sp.Group = hasGroup
		return sp
	case head != "":
		sp.Org = sp.Text
		if placeOnly != "" {
			// "Israel's foreign ministry": a named government body
			sp.Named, sp.Key = true, "org:"+strings.ToLower(sp.Text)
		}
		return sp
	case a == b && pronounSubjects[w.lower(a)]:
		return sp
	case determiners[w.lower(a)] && b > a:
		// "the two firms", "the presenter": someone, unnamed but specific.
		return sp
	}
	return Speaker{}
}

var determiners = map[string]bool{"one": true, "a": true, "an": true, "another": true, "the": true, "this": true, "that": true, "its": true, "his": true, "her": true, "their": true, "our": true}

// possessiveAt reports whether a possessive ending starts at off.
func possessiveAt(text string, off int) bool {
	rest := text[off:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")
}

// isOrgName reports whether a proper name is an organisation (not a place).
func isOrgName(name string) bool {
	kind, _ := people.PlaceKind(name)
	return kind == "" && people.IsOrganisationOrPlace(name)
}
