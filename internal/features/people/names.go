package people

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// finder holds one document's tokens while names are found.
type finder struct {
	text      string
	toks      []token
	low       string   // text lower-cased, aligned with it (tokens' lower forms are its slices), or ""
	lowers    []string // else each token's lower-case form
	lineStart []bool   // token i starts a sentence or a line
	gaz       Gazetteer
	allowed   map[string]bool
}

// nameMatch is one capitalised run judged to name a person.
type nameMatch struct {
	first, last int // token indices of the name, inclusive
	Start, End  int // span of the name (honorific and title excluded)
	Name        string
	Honorific   string
	core        int // name words, not counting particles, initials, suffixes
	roles       []Role
}

// tok is token i's text.
func (f *finder) tok(i int) string {
	t := &f.toks[i]
	return f.text[t.Start:t.End]
}

func (f *finder) lower(i int) string {
	if f.lowers != nil {
		return f.lowers[i]
	}
	t := &f.toks[i]
	return f.low[t.Start:t.End]
}

// isParticle reports whether token i is a name particle ("von", "bin").
func (f *finder) isParticle(i int) bool {
	return f.toks[i].Kind == wordToken && lex.particleSet.has(f.tok(i))
}

// isGluedParticle reports whether w is a particle glued to a name ("al-Sisi").
func isGluedParticle(w string) bool {
	if len(w) < 4 || w[2] != '-' && w[3] != '-' {
		return false // every prefix below is two or three letters and "-"
	}
	for _, p := range []string{"al-", "el-", "bin-", "ben-", "abu-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// postNominals are letters written after a name ("Peter Ainsworth MP").
var postNominals = map[string]bool{"MP": true, "MEP": true, "MSP": true, "AM": true, "QC": true, "KC": true, "OBE": true, "MBE": true, "CBE": true}

func isSuffix(w string) bool {
	switch w {
	case "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV":
		return true
	}
	return false
}

func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// inRun reports whether token i can be part of a capitalised name run.
func (f *finder) inRun(i int) bool {
	if f.toks[i].Kind != wordToken {
		return false
	}
	w := f.tok(i)
	if !capitalised(w) {
		// Most words: in a run only as a particle ("von", "al-Sisi").
		return (f.isParticle(i) || isGluedParticle(w)) && !hasDigit(w)
	}
	if hasDigit(w) {
		return false
	}
	if f.isParticle(i) || isGluedParticle(w) {
		return true
	}
	if rest, ok := timePrefixed(w); ok && IsRoleWord(rest) {
		return false // "Then-Prime Minister Justin Trudeau": a title
	}
	if i := lastHyphen(w); i > 0 && i+1 < len(w) {
		// "Santa Monica-based", "Jackson-style": a modifier, not a name;
		// "Lee Jae-myung", "Han Duck-soo": a hyphenated given name.
		if r, _ := utf8.DecodeRuneInString(w[i+1:]); unicode.IsLower(r) && isModifierSuffix(w[i+1:]) {
			return false
		}
	}
	if !capitalised(w) {
		return false
	}
	if hon := lex.honorificSet.has(w); hon {
		return true
	}
	return !lex.nonNameSet.has(f.lower(i))
}

// modifierSuffixes end a capitalised compound that modifies a noun
// ("Kremlin-backed", "Jackson-style", "Gaza-area") rather than naming
// anyone; other lower-case endings are read as part of a name
// ("Jae-myung", "Ji-won").
var modifierSuffixes = map[string]bool{
	"style": true, "like": true, "era": true, "born": true, "wide": true, "type": true,
	"run": true, "made": true, "class": true, "level": true, "speaking": true, "area": true,
	"bound": true, "friendly": true, "specific": true, "esque": true, "ish": true, "led": true,
	"held": true, "built": true, "grown": true, "centric": true, "focused": true, "heavy": true,
	"free": true, "only": true, "owned": true, "linked": true, "wing": true, "language": true,
}

func isModifierSuffix(w string) bool {
	w = strings.ToLower(w)
	return modifierSuffixes[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese")
}

// lastHyphen is strings.LastIndexAny(w, "-‑") without decoding every
// rune of w.
func lastHyphen(w string) int {
	i := strings.LastIndexByte(w, '-')
	if strings.IndexByte(w, 0xE2) >= 0 { // the first byte of "‑" (U+2011)
		i = max(i, strings.LastIndex(w, "‑"))
	}
	return i
}

// findNames appends every person-name match to out, in text order.
func (f *finder) findNames(out []nameMatch) []nameMatch {
	n := len(f.toks)
	// Each token is tested once; the flag lives in the token (no slice of
	// its own per document).
	for i := range f.toks {
		f.toks[i].inRun = f.inRun(i)
	}
	for i := 0; i < n; {
		if !f.toks[i].inRun {
			i++
			continue
		}
		j := i + 1
		for j < n && f.toks[j].inRun && !f.toks[j].LineBreak {
			j++
		}
		if m, ok := f.analyzeRun(i, j); ok {
			out = append(out, m)
		}
		i = j
	}
	return out
}

// gazAt returns how many tokens from k (before limit) form a gazetteer
// place or organisation, longest first, or 0.
func (f *finder) gazAt(k, limit int) int {
	if lex.maxGazWords >= 32 {
		return f.gazAtScan(k, limit)
	}
	// analyzeRun asks about the same token several times, with different
	// limits: the lengths of the entries starting at k are found once
	// (ignoring the limit, which only cuts the scan short) and kept as a
	// bit set in the token.
	t := &f.toks[k]
	if !t.gazDone {
		t.gazNames = f.gazNamesAt(k)
		t.gazDone = true
	}
	w := limit - k // the longest entry the limit allows
	if w <= 0 {
		return 0
	}
	names := t.gazNames
	if w < 31 {
		names &= 1<<(w+1) - 1
	}
	return bits.Len32(names) - 1 + b2i(names == 0)
}

// gazNamesAt is the bit set (bit n: an entry of n words) of the gazetteer
// places and organisations starting at token k, as gazAtScan finds them
// with no limit.
func (f *finder) gazNamesAt(k int) uint32 {
	var names uint32
	start := f.toks[k].Start
	for n := 1; n <= lex.maxGazWords && k+n <= len(f.toks); n++ {
		s := f.text[start:f.toks[k+n-1].End]
		part := lex.gazParts[s]
		if part&gazPrefix == 0 || strings.ContainsAny(s, "\n,") {
			break
		}
		if part&gazName != 0 {
			names |= 1 << n
		}
	}
	return names
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// gazAtScan is gazAt without the cache.
func (f *finder) gazAtScan(k, limit int) int {
	// Shortest first, stopping when the text is no longer the start of
	// any entry (or holds a line break or comma, which no longer text
	// loses again); the last entry seen is the longest.
	best := 0
	start := f.toks[k].Start
	for n := 1; n <= lex.maxGazWords && k+n <= limit; n++ {
		s := f.text[start:f.toks[k+n-1].End]
		part := lex.gazParts[s]
		if part&gazPrefix == 0 || strings.ContainsAny(s, "\n,") {
			break
		}
		if part&gazName != 0 {
			best = n
		}
	}
	return best
}

// gazEndingAt returns the start token of the longest gazetteer entry ending
// at token e, or -1.
func (f *finder) gazEndingAt(e int) int {
	// Shortest first, as in gazAt, growing leftwards: a phrase that ends
	// no name cannot become one by growing.
	best := -1
	end := f.toks[e].End
	for n := 1; n <= lex.maxGazWords && e-n+1 >= 0; n++ {
		s := e - n + 1
		text := f.text[f.toks[s].Start:end]
		part := lex.gazParts[text]
		if part&gazSuffix == 0 || strings.ContainsAny(text, "\n,") {
			break
		}
		if part&gazName != 0 {
			best = s
		}
	}
	return best
}

// analyzeRun splits the run toks[a:b] into an optional title prefix and a
// name, and reports it if the evidence says it is a person.
func (f *finder) analyzeRun(a, b int) (nameMatch, bool) {
	for a < b && (f.isParticle(a)) {
		a++
	}
	for b > a && (f.isParticle(b-1) || postNominals[f.tok(b-1)]) {
		b-- // "Peter Ainsworth MP": the letters after a name are not the name
	}
	// A common word capitalised only because it starts the sentence.
	for a < b && f.lineStart[a] && lex.common[f.lower(a)] && lex.firstNames[f.lower(a)] == "" && f.gazAt(a, b) == 0 {
		if hon := lex.honorificSet.has(f.tok(a)); hon {
			break
		}
		a++
	}
	// "Commenting Mr Macklin", "Goalscorer Jimmy Floyd Hasselbaink": an
	// unknown capitalised word opening the sentence before a name.
	if a >= b {
		return nameMatch{}, false
	}
	if hon := lex.honorificSet.has(f.tok(a)); !hon && a+2 < b && f.lineStart[a] && lex.firstNames[f.lower(a)] == "" && !lex.surnames[f.lower(a)] && !IsRoleWord(f.tok(a)) && f.gazAt(a, b) == 0 && !f.knownPerson(a, b) {
		if hon := lex.honorificSet.has(f.tok(a + 1)); hon || lex.firstNames[f.lower(a+1)] != "" {
			a++
		}
	}
	if a >= b {
		return nameMatch{}, false
	}
	k := a
	// "Environmental Audit Committee Peter Ainsworth", "Armed Forces
	// Minister Adam Ingram": an organisation named before the name (its
	// last word an organisation word) is part of the title.
	for p := b - 3; p >= a; p-- {
		if lex.orgWordSet.has(f.tok(p)) && !IsRoleWord(f.tok(p)) {
			k = p + 1
			if f.gazAt(p, b) > 1 {
				k = p // "United Nations Secretary-General": the loop below skips the entry
			}
			break
		}
	}
	hon, honAt := "", -1
	hasRole := false
	for k < b {
		if g := f.gazAt(k, b); g > 0 && k+g < b {
			k += g
			continue
		}
		w := f.tok(k)
		if isAcronym(w) && k+2 < b && IsRoleWord(f.tok(k+1)) {
			k++ // "HHS Secretary Robert F. Kennedy Jr.", "BoJ Governor Kazuo Ueda": an agency's initials
			continue
		}
		if q := f.titleWordsFrom(k, b); k > a && q > k {
			k = q // "Canadian Public Safety Minister": title words after a country
			continue
		}
		if ok := lex.honorificSet.has(w); ok && k+1 < b {
			hon, honAt = w, k
			k++
			continue
		}
		if IsRoleWord(w) && k+1 < b {
			if IsRoleHead(w) {
				hasRole = true
			}
			k++
			continue
		}
		break
	}
	// "Israel Katz", "Jordan Henderson": a place-like first word that is also
	// a first name, with no title before it.
	if k > a && !hasRole && hon == "" && lex.firstNames[f.lower(a)] != "" && b-a >= 2 && f.nameOverridesPlace(a) {
		k = a
	}
	if honAt != k-1 {
		hon = ""
	}
	end := b - 1
	m := nameMatch{first: k, last: end}
	var coreBuf [8]int // names have at most four core words: no allocation
	coreToks := coreBuf[:0]
	for p := k; p <= end; p++ {
		w := f.tok(p)
		switch {
		case f.isParticle(p), isInitial(w), isSuffix(w):
			continue
		case p > k && p < end && lex.particleSet.has(f.lower(p)):
			continue // "Fathi Bin Shatwan", "Rafael Van der Vaart"
		case lex.orgWordSet.has(w):
			return nameMatch{}, false // "Palestinian Authority", "Truth Social"
		case allCaps(w) && !f.knownPerson(k, end+1):
			return nameMatch{}, false // acronyms are organisations, "JD Vance" aside
		}
		if g := f.gazAt(p, end+1); g > 0 {
			// A place inside the name: only a first name followed by more
			// name words overrides it ("George Washington", "Israel Katz");
			// an organisation never does ("Laura Kuenssberg Labour").
			firstName := lex.firstNames[f.lower(k)] != ""
			asSurname := p == k+1 && p+g-1 == end // "Bobby Charlton", "George Washington"
			asFirst := p == k && p+g-1 < end && f.nameOverridesPlace(p)
			if (!firstName || !asSurname && !asFirst) && !f.knownPerson(k, end+1) {
				return nameMatch{}, false // "Mohammed Shia al-Sudani" is a name the gazetteer knows
			}
		}
		coreToks = append(coreToks, p)
	}
	// After a title, a name may start with a common word if it ends in
	// one that is not ("PBOC Governor Pan Gongsheng"), or be one the
	// gazetteer knows ("Governor Yi Gang").
	titled := hasRole && len(coreToks) > 1 && (!lex.common[f.lower(coreToks[len(coreToks)-1])] || f.knownPerson(k, end+1))
	for i, p := range coreToks {
		w := f.lower(p)
		nameLike := !lex.common[w] || lex.firstNames[w] != "" && i < len(coreToks)-1 || lex.surnames[w] && i > 0 || lex.surnames[w] && len(coreToks) == 1 || titled
		if !nameLike {
			return nameMatch{}, false // "Hostage Affairs", "Officials Say"
		}
	}
	m.core = len(coreToks)
	if m.core == 0 || m.core > 4 {
		return nameMatch{}, false
	}
	m.Start, m.End = int(f.toks[k].Start), int(f.toks[end].End)
	m.Name = f.text[m.Start:m.End]
	m.Honorific = hon
	if hon != "" {
		m.Honorific = hon
	}
	left, hasLeft := f.leftRole(k, hon != "")
	app, hasApp := f.appositive(end)
	context := hon != "" || hasRole || hasLeft || hasApp || f.speechVerbNear(k, end) ||
		f.gaz != nil && f.gaz.IsKnownPerson(m.Name) || f.allowed[m.Name]
	if m.core == 1 {
		if !(hon != "" || hasRole || hasLeft && left.Form == PreNameTitle) || IsRoleWord(f.tok(coreToks[0])) || lex.common[f.lower(coreToks[0])] {
			return nameMatch{}, false
		}
	} else if !context {
		firstW := f.lower(coreToks[0])
		lastW := f.lower(coreToks[len(coreToks)-1])
		byFirst := lex.firstNames[firstW] != "" && !lex.common[lastW]
		bySurname := lex.surnames[lastW] && !lex.common[firstW] && !lex.common[lastW]
		if !byFirst && !bySurname {
			return nameMatch{}, false
		}
	}
	if hasLeft {
		m.roles = append(m.roles, left)
	}
	if hasApp {
		m.roles = append(m.roles, app)
	}
	return m, true
}

// nameOverridesPlace reports whether the gazetteer entry at token p may be
// read as a name word: a place written as its own name (not a demonym like
// "Irish"), never an organisation ("Tory").
func (f *finder) nameOverridesPlace(p int) bool {
	w := f.tok(p)
	pl, ok := lex.places[w]
	return ok && (pl.Kind != "country" || pl.Canonical == w) && !lex.orgs[w]
}

// speechVerbNear reports whether a common reporting verb directly follows
// or precedes the name ("Tsvangirai said", "said Morgan Tsvangirai").
func (f *finder) speechVerbNear(first, last int) bool {
	if last+1 < len(f.toks) && lex.speechVerbSet.has(f.lower(last+1)) {
		return true
	}
	return first > 0 && lex.speechVerbSet.has(f.lower(first-1))
}

// knownPerson reports whether toks[a:b] is a name the gazetteer or the
// house allowlist knows.
func (f *finder) knownPerson(a, b int) bool {
	if a >= b {
		return false
	}
	name := f.text[f.toks[a].Start:f.toks[b-1].End]
	return f.gaz != nil && f.gaz.IsKnownPerson(name) || f.allowed[name]
}

// titleWordsFrom returns the token after a run of capitalised common words
// starting at k that ends at a role word with a name still to follow
// (before b): "Public Safety" in "Public Safety Minister Gary ...". It
// returns k when there is none.
func (f *finder) titleWordsFrom(k, b int) int {
	q := k
	for q < b && q-k < maxTitleWords {
		w := f.tok(q)
		if IsRoleWord(w) {
			break
		}
		if !capitalised(w) || !lex.common[f.lower(q)] || lex.firstNames[f.lower(q)] != "" {
			return k
		}
		q++
	}
	if q == k || q+1 >= b || !IsRoleWord(f.tok(q)) {
		return k
	}
	return q
}
