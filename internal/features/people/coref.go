package people

import (
	"slices"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/kb/namematch"
)

// nameKey normalises a full name for matching repeats: lower case, initials
// and suffixes dropped ("Donald J. Trump" = "Donald Trump").
func (f *finder) nameKey(m nameMatch) string {
	// The words' lower-case forms (f.lower(p) is strings.ToLower(f.tok(p)))
	// joined by spaces, in one allocation.
	var b strings.Builder
	for p := m.first; p <= m.last; p++ {
		if w := f.tok(p); isInitial(w) || isSuffix(w) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		} else {
			b.Grow(int(f.toks[m.last].End - f.toks[p].Start))
		}
		b.WriteString(f.lower(p))
	}
	return b.String()
}

// surnameOf returns the last name word with any particles before it
// ("von der Leyen", "bin Salman").
func (f *finder) surnameOf(m nameMatch) string {
	e := m.last
	for e > m.first && isSuffix(f.tok(e)) {
		e--
	}
	s := e
	for s-1 > m.first && f.isParticle(s-1) {
		s--
	}
	return f.text[f.toks[s].Start:f.toks[e].End]
}

// personGender guesses a gender from the honorific or the first name.
func (f *finder) personGender(m nameMatch) string {
	if g := lex.honorifics[m.Honorific]; g == "m" || g == "f" {
		return g
	}
	for p := m.first; p <= m.last; p++ {
		if f.isParticle(p) || isInitial(f.tok(p)) {
			continue
		}
		return lex.firstNames[strings.ToLower(f.tok(p))]
	}
	return ""
}

func addRoles(p *Person, roles []Role) {
	for _, r := range roles {
		dup := false
		for _, have := range p.Roles {
			if strings.EqualFold(have.Text, r.Text) {
				dup = true
				break
			}
		}
		if !dup {
			p.Roles = append(p.Roles, r)
		}
	}
}

// link groups name matches into people: full-name repeats, then
// title+surname matches ("President Trump"), then bare surnames, then
// pronouns.
func (f *finder) link(matches []nameMatch, paragraphOf func(int) int) []*Person {
	var people []*Person
	byKey := map[string]*Person{}
	spellings := newSpellingIndex()
	// f.toks[i].covered marks tokens inside a mention (false from tokenize).
	cover := func(m nameMatch) {
		for p := m.first; p <= m.last; p++ {
			f.toks[p].covered = true
		}
	}
	for _, m := range matches {
		if m.core < 2 {
			continue
		}
		key := f.nameKey(m)
		p := byKey[key]
		if p == nil {
			// Another spelling of someone already named ("Volodymyr
			// Zelenskyy" after "Volodymyr Zelensky"), or their surname
			// with its particles ("Von der Leyen"): the same person.
			if q, kind := spellings.variantOf(m.Name); q != nil {
				byKey[key] = q
				q.Mentions = append(q.Mentions, Mention{Start: m.Start, End: m.End, Kind: kind})
				addRoles(q, m.roles)
				cover(m)
				continue
			}
			p = &Person{Name: m.Name, Honorific: m.Honorific, Surname: f.surnameOf(m), Gender: f.personGender(m)}
			byKey[key] = p
			people = append(people, p)
			spellings.add(p)
		}
		if p.Honorific == "" {
			p.Honorific = m.Honorific
		}
		p.Mentions = append(p.Mentions, Mention{Start: m.Start, End: m.End, Kind: FullName})
		addRoles(p, m.roles)
		cover(m)
	}
	// lastMention returns the offset of p's latest mention before off, or -1.
	lastMention := func(p *Person, off int) int {
		best := -1
		for _, mn := range p.Mentions {
			if mn.Start < off && mn.Start > best {
				best = mn.Start
			}
		}
		return best
	}
	// withSurname lists the people so far under the transliteration key of
	// their surname (and of a family name written first), so a bare
	// surname looks at its possible namesakes only, not at everyone named:
	// an article naming thousands of people stays linear. Whether a
	// namesake is the same person is still namematch's call.
	withSurname := map[string][]*Person{}
	index := func(p *Person) {
		k := surnameKey(p.Surname)
		withSurname[k] = append(withSurname[k], p)
		if fam := familyName(p); fam != "" && surnameKey(fam) != k {
			withSurname[surnameKey(fam)] = append(withSurname[surnameKey(fam)], p)
		}
	}
	for _, p := range people {
		index(p)
	}
	bySurname := func(name string, off int) *Person {
		var best *Person
		bestAt := -2
		for _, p := range withSurname[surnameKey(name)] {
			if !namematch.SameSurname(p.Surname, name) && familyName(p) != name {
				continue
			}
			at := lastMention(p, off)
			if best == nil || at > bestAt {
				best, bestAt = p, at
			}
		}
		return best
	}
	for _, m := range matches {
		if m.core >= 2 {
			continue
		}
		p := bySurname(m.Name, m.Start)
		if p == nil {
			key := strings.ToLower(m.Name)
			p = byKey[key]
			if p == nil {
				p = &Person{Name: m.Name, Honorific: m.Honorific, Surname: m.Name, Gender: f.personGender(m)}
				byKey[key] = p
				people = append(people, p)
				index(p)
				p.Mentions = append(p.Mentions, Mention{Start: m.Start, End: m.End, Kind: FullName})
				addRoles(p, m.roles)
				cover(m)
				continue
			}
		}
		if p.Honorific == "" {
			p.Honorific = m.Honorific
		}
		if p.Gender == "" {
			p.Gender = f.personGender(m)
		}
		p.Mentions = append(p.Mentions, Mention{Start: m.Start, End: m.End, Kind: Surname})
		addRoles(p, m.roles)
		cover(m)
	}
	f.linkSurnames(people, lastMention)
	for _, p := range people {
		sort.Slice(p.Mentions, func(i, j int) bool { return p.Mentions[i].Start < p.Mentions[j].Start })
	}
	f.linkPronouns(people, paragraphOf)
	sort.SliceStable(people, func(i, j int) bool { return people[i].FirstFull().Start < people[j].FirstFull().Start })
	return people
}

// linkSurnames adds bare surname mentions ("Leavitt said") after a
// person's first full mention.
func (f *finder) linkSurnames(people []*Person, lastMention func(*Person, int) int) {
	if len(people) == 0 {
		return
	}
	surnames := map[string][]*Person{}
	// The second lookup below turns the first letter to lower case; the
	// key it makes never starts with A-Z, so it can only find a surname
	// that does not either ("al-Rashid").
	lowerKeys := false
	for _, p := range people {
		if strings.Contains(p.Surname, " ") || len(p.Mentions) == 0 {
			continue
		}
		surnames[p.Surname] = append(surnames[p.Surname], p)
		if fam := familyName(p); fam != "" {
			surnames[fam] = append(surnames[fam], p) // "Lee said" after "Lee Jae Myung"
		}
		if p.Surname == "" || p.Surname[0] < 'A' || p.Surname[0] > 'Z' {
			lowerKeys = true
		}
	}
	for i := range f.toks {
		t := &f.toks[i]
		w := f.tok(i)
		if t.Kind != wordToken || t.covered || !capitalised(w) {
			continue
		}
		cands := surnames[w]
		if len(cands) == 0 && lowerKeys {
			cands = surnames[strings.ToLower(w[:1])+w[1:]] // "Al-Rashid" opening a sentence
		}
		if len(cands) == 0 {
			continue
		}
		// A surname inside a longer capitalised name is someone else
		// ("Trump Tower", "Ivanka Trump").
		if i > 0 && !t.LineBreak && f.toks[i-1].Kind == wordToken && capitalised(f.tok(i-1)) && !(f.lineStart[i-1] && lex.common[f.lower(i-1)]) {
			if hon := lex.honorificSet.has(f.tok(i - 1)); !hon && !IsRoleWord(f.tok(i-1)) {
				continue
			}
		}
		if i+1 < len(f.toks) && !f.toks[i+1].LineBreak && f.toks[i+1].Kind == wordToken && capitalised(f.tok(i+1)) {
			continue
		}
		var best *Person
		bestAt := -1
		start, end := int(t.Start), int(t.End)
		for _, p := range cands {
			if p.FirstFull().Start >= start {
				continue
			}
			if at := lastMention(p, start); at > bestAt {
				best, bestAt = p, at
			}
		}
		if best != nil {
			best.Mentions = append(best.Mentions, Mention{Start: start, End: end, Kind: Surname})
			f.toks[i].covered = true
			if r, ok := f.appositive(i); ok {
				addRoles(best, []Role{r}) // "Boehler, who was a lead negotiator"
			}
		}
	}
}

// linkPronouns joins he/she/his/her outside quotations to the most recently
// mentioned person of a compatible gender within the last three paragraphs.
func (f *finder) linkPronouns(people []*Person, paragraphOf func(int) int) {
	if len(people) == 0 {
		return
	}
	type event struct {
		at     int
		person *Person
	}
	f.markQuotes()
	// quoted reports whether a mention starting at off starts at a token
	// inside quotations (tokens are in text order, one per start).
	quoted := func(off int) bool {
		i := sort.Search(len(f.toks), func(i int) bool { return int(f.toks[i].Start) >= off })
		return i < len(f.toks) && int(f.toks[i].Start) == off && f.toks[i].inQuote
	}
	// A person named only inside a quotation is talked about, not the one
	// a later "he said" refers to.
	var events []event
	for _, p := range people {
		for _, m := range p.Mentions {
			if !quoted(m.Start) {
				events = append(events, event{m.Start, p})
			}
		}
	}
	sort.Slice(events, func(i, j int) bool { return events[i].at < events[j].at })
	var recent []event // mentions seen so far, in text order
	next := 0
	for i := range f.toks {
		t := &f.toks[i]
		start, end := int(t.Start), int(t.End)
		for next < len(events) && events[next].at < start {
			recent = append(recent, events[next])
			next++
		}
		if t.Kind != wordToken || t.inQuote {
			continue
		}
		if !lex.pronounSet.has(f.lower(i)) {
			continue
		}
		g, ok := lex.pronouns[f.lower(i)]
		if !ok {
			continue
		}
		para := paragraphOf(start)
		for k := len(recent) - 1; k >= 0; k-- {
			e := recent[k]
			if para-paragraphOf(e.at) > 2 {
				break
			}
			if e.person.Gender != "" && e.person.Gender != g {
				continue
			}
			if e.person.Gender == "" {
				e.person.Gender = g
			}
			e.person.Mentions = append(e.person.Mentions, Mention{Start: start, End: end, Kind: Pronoun})
			recent = append(recent, event{start, e.person})
			break
		}
	}
	for _, p := range people {
		sort.Slice(p.Mentions, func(i, j int) bool { return p.Mentions[i].Start < p.Mentions[j].Start })
	}
}

// markQuotes sets inQuote on tokens inside double quotation marks; an
// unclosed quote ends at the line break.
func (f *finder) markQuotes() {
	in := false
	for i := range f.toks {
		t := &f.toks[i]
		if t.LineBreak {
			in = false
		}
		switch f.tok(i) {
		case "“":
			in = true
			continue
		case "”":
			in = false
			continue
		case "\"":
			// A straight mark after a space and before a word opens; any
			// other closes, so a quotation left unclosed by the writer
			// ("…portfolio. "Our…") does not invert the rest.
			in = i+1 < len(f.toks) && f.toks[i+1].Start == t.End && (i == 0 || f.toks[i-1].End < t.Start || f.tok(i-1) == "(")
			continue
		}
		t.inQuote = in
	}
}

// spellingIndex finds, among the people named so far, those a new name
// could be another spelling of, without comparing it with everyone: an
// article naming thousands of people stays linear. A person is filed
// under the compact form of their name and the transliteration key of
// each of its words, which between them hold every pair namematch.Same
// can join (the same compact form, the same last word, or a single word
// that is one of the other's).
type spellingIndex struct {
	byKey map[string][]*Person
	words map[*Person][]string
}

func newSpellingIndex() *spellingIndex {
	return &spellingIndex{byKey: map[string][]*Person{}, words: map[*Person][]string{}}
}

func (ix *spellingIndex) add(p *Person) {
	pw := namematch.Words(p.Name)
	if len(pw) < 2 {
		return // a one-word name is nobody's full spelling
	}
	ix.words[p] = pw
	keys := []string{"c:" + namematch.Compact(pw)}
	for _, w := range pw {
		keys = append(keys, "k:"+namematch.Key(w))
	}
	for i, k := range keys {
		if !slices.Contains(keys[:i], k) {
			ix.byKey[k] = append(ix.byKey[k], p)
		}
	}
}

// variantOf returns the person already named whom name is another
// spelling of (namematch.Same: romanisation, transliteration) or the
// particle-led surname of, with the kind of mention it is; nil when none,
// or when two people fit (the reference is ambiguous).
func (ix *spellingIndex) variantOf(name string) (*Person, MentionKind) {
	w := namematch.Words(name)
	if len(w) == 0 {
		return nil, ""
	}
	surnameOnly := len(namematch.SurnameWords(w)) == len(w)
	var found *Person
	for _, k := range []string{"c:" + namematch.Compact(w), "k:" + namematch.Key(w[len(w)-1])} {
		for _, p := range ix.byKey[k] {
			if p == found || !namematch.Same(w, ix.words[p], nil) {
				continue
			}
			if found != nil {
				return nil, ""
			}
			found = p
		}
	}
	if found == nil {
		return nil, ""
	}
	if surnameOnly {
		return found, Surname
	}
	return found, FullName
}

// surnameKey is the index key of a surname: the transliteration key of
// its last word.
func surnameKey(s string) string {
	w := namematch.Words(s)
	if len(w) == 0 {
		return ""
	}
	return namematch.Key(w[len(w)-1])
}

// familyName returns the first word of a person's name when it is a
// family name written first (data/family_first.txt) and more words
// follow, "" otherwise. The last word stays the person's surname as well:
// "Lee" can be a given name ("Lee Anderson").
func familyName(p *Person) string {
	first, rest, ok := strings.Cut(p.Name, " ")
	if !ok || rest == "" || !lex.familyFirst[strings.ToLower(first)] {
		return ""
	}
	return first
}
