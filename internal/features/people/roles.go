package people

import "strings"

// functionMods are role-vocabulary words that may sit inside a role
// ("special envoy for hostage affairs") but never start or end one.
var functionMods = map[string]bool{"the": true, "of": true, "for": true, "to": true, "be": true, "on": true, "a": true, "an": true}

// appositiveStops end an appositive role phrase before a clause that is
// not part of the role ("during Trump's first term").
var appositiveStops = map[string]bool{
	"during": true, "since": true, "after": true, "before": true, "when": true, "until": true,
	"while": true, "because": true, "who": true, "which": true, "and": true, "but": true,
}

// roleAdjectives may stand between a determiner and a role before a name
// ("the new foreign minister, Johann Wadephul") without being the role.
var roleAdjectives = map[string]bool{"new": true, "incoming": true, "outgoing": true, "acting": true, "interim": true, "current": true, "newly": true, "appointed": true}

// timeAdjectives are the roleAdjectives that date the role ("incoming
// President Donald Trump" is not yet president): they stay in the role
// text for the fabrication analyzer to read.
var timeAdjectives = map[string]bool{"incoming": true, "outgoing": true, "acting": true, "interim": true}

// roleDeterminers introduce a role that names one holder, written before
// the name and a comma ("its governor, Kazuo Ueda,").
var roleDeterminers = map[string]bool{"the": true, "its": true, "their": true, "his": true, "her": true}

// lowerOnlyHeads name a role only when written in lower case before a
// name ("rock star Ozzy Osbourne"); capitalised they start titles of works
// ("Star Wars").
var lowerOnlyHeads = map[string]bool{"star": true, "model": true, "legend": true, "great": true, "veteran": true, "winger": true}

// leftRole reads a role written before the name at token first: a title
// ("Prime Minister Keir Starmer", "US envoy Steve Witkoff") or a possessive
// ("Canada's prime minister, Mark Carney").
func (f *finder) leftRole(first int, honorific bool) (Role, bool) {
	p := first - 1
	if honorific {
		p--
	}
	if p < 0 || f.toks[p+1].LineBreak {
		return Role{}, false
	}
	comma := false
	if f.tok(p) == "," {
		comma = true
		p--
	}
	end := p
	hasHead, possessive := false, false
	possessor := ""
	for p >= 0 {
		t := f.toks[p]
		w := f.tok(p)
		if p < end && f.toks[p+1].LineBreak {
			break
		}
		if t.Kind == possessiveToken {
			q := p - 1
			if q < 0 || !capitalised(f.tok(q)) {
				break
			}
			s := f.gazEndingAt(q)
			if s < 0 {
				s = q
			}
			possessor = f.text[f.toks[s].Start:f.toks[q].End]
			possessive = true
			p = s - 1
			break
		}
		if t.Kind == wordToken && (IsRoleWord(w) || lowerOnlyHeads[w]) {
			if IsRoleHead(w) || lowerOnlyHeads[w] {
				hasHead = true
			}
			p--
			continue
		}
		if t.Kind == wordToken && isAcronym(w) && p < end && (hasHead || IsRoleWord(f.tok(p+1))) {
			p-- // "HHS Secretary", "CIA Director": the agency's initials
			continue
		}
		if rest, ok := timePrefixed(w); ok && t.Kind == wordToken && IsRoleWord(rest) {
			// "then-Prime Minister", "ex-President": the time word is
			// part of the role the fabrication analyzer reads.
			hasHead = hasHead || IsRoleHead(rest)
			p--
			continue
		}
		if s := f.gazEndingAt(p); s >= 0 {
			p = s - 1
			continue
		}
		if q := f.titleWordsEndingAt(p); q >= 0 && hasHead && p < end {
			p = q - 1 // "French Armed Forces Minister": title words after a country
			continue
		}
		if t.Kind == wordToken && roleAdjectives[f.lower(p)] && p < end {
			p-- // "the new foreign minister, Johann Wadephul"
			continue
		}
		break
	}
	start := p + 1
	// "the governor, X" and "its governor, X" both name the holder of a
	// role the sentence has already placed; "a governor, X" does not.
	sawThe := start <= end && (f.lower(start) == "the" || start > 0 && roleDeterminers[f.lower(start-1)])
	for start <= end && f.toks[start].Kind == wordToken && (functionMods[f.lower(start)] || roleAdjectives[f.lower(start)] && !timeAdjectives[f.lower(start)] && !f.placeStartsAt(start, end)) {
		start++
	}
	for end >= start && f.toks[end].Kind == wordToken && functionMods[f.lower(end)] {
		end--
	}
	if !hasHead || start > end || comma && !possessive && !sawThe {
		return Role{}, false
	}
	r := Role{
		Text:  f.text[f.toks[start].Start:f.toks[end].End],
		Form:  PreNameTitle,
		Start: int(f.toks[start].Start), End: int(f.toks[end].End),
	}
	if possessive {
		r.Form = Possessive
	}
	r.Affiliation, r.Possessor = f.affiliation(start, end, false)
	_ = possessor
	return r, true
}

// appositive reads a role written after the name ending at token last:
// "Karoline Leavitt, the White House press secretary,", "Dr. Rachel
// Goodman, a Middle East policy expert", "Boehler, who was a lead
// negotiator".
func (f *finder) appositive(last int) (Role, bool) {
	n := len(f.toks)
	p := last + 1
	if p+1 >= n || f.tok(p) != "," || f.toks[p+1].LineBreak {
		return Role{}, false
	}
	p++
	if f.lower(p) == "who" {
		p++
		switch {
		case p < n && (f.lower(p) == "is" || f.lower(p) == "was" || f.lower(p) == "became"):
			p++
			if p < n && f.lower(p) == "also" {
				p++
			}
		case p+1 < n && f.lower(p) == "serves" && f.lower(p+1) == "as":
			p += 2
		default:
			return Role{}, false
		}
	}
	if p >= n {
		return Role{}, false
	}
	start := p
	first := f.tok(p)
	indefinite := first == "a" || first == "an"
	determiner := indefinite || first == "the"
	possessiveStart := p+1 < n && f.toks[p+1].Kind == possessiveToken
	if !determiner && !possessiveStart && !IsRoleWord(first) && f.gazAt(p, n) == 0 {
		return Role{}, false
	}
	q := p
	hasHead := false
	for q < n && q-p < 18 {
		t := f.toks[q]
		if q > p && t.LineBreak {
			break
		}
		if t.Kind == punctToken && !strings.ContainsAny(f.tok(q), "&/") {
			break
		}
		lw := f.lower(q)
		if t.Kind == wordToken && q > p && (appositiveStops[lw] || lex.speechVerbSet.has(lw)) {
			break
		}
		if t.Kind == wordToken && IsRoleHead(f.tok(q)) {
			hasHead = true
		}
		q++
	}
	end := q - 1
	if determiner {
		start++
	}
	for end >= start && f.toks[end].Kind == wordToken && functionMods[f.lower(end)] {
		end--
	}
	if !hasHead || end < start {
		return Role{}, false
	}
	r := Role{
		Text:  f.text[f.toks[start].Start:f.toks[end].End],
		Form:  Appositive,
		Start: int(f.toks[start].Start), End: int(f.toks[end].End),
	}
	r.Affiliation, r.Possessor = f.affiliation(start, end, indefinite)
	return r, true
}

// prepositions after which a capitalised run is the organisation a role
// belongs to ("spokesman for Acme", "professor at Tufts").
var affiliationPreps = map[string]bool{"for": true, "of": true, "at": true, "with": true, "from": true}

// affiliation returns the named organisation, country or institution in the
// role tokens [a, b] ("White House", "Israel"), "" when the role names none
// ("a leading NGO", "a Middle East policy expert"), and a person who owns
// the role ("Trump" in "Trump's nominee").
func (f *finder) affiliation(a, b int, indefinite bool) (affiliation, possessor string) {
	afterPrep := func(p int) bool {
		q := p - 1
		if q >= a && f.lower(q) == "the" {
			q--
		}
		return q >= a && affiliationPreps[f.lower(q)]
	}
	for p := a; p <= b; p++ {
		t := f.toks[p]
		if t.Kind != wordToken || !capitalised(f.tok(p)) {
			continue
		}
		if q := f.orgRunAt(p, b); q >= p {
			// "European Commission", "Foreign Ministry", "Georgetown University"
			return f.text[t.Start:f.toks[q].End], possessor
		}
		if g := f.gazAt(p, b+1); g > 0 {
			name := f.text[t.Start:f.toks[p+g-1].End]
			if pl, ok := lex.places[name]; ok {
				switch {
				case pl.Kind == "region":
				case pl.Kind == "country" && (!indefinite || afterPrep(p)):
					return pl.Canonical, possessor
				case pl.Kind != "country" && (!indefinite || afterPrep(p)):
					return name, possessor
				}
			} else {
				return name, possessor
			}
			p += g - 1
			continue
		}
		// a capitalised run (role words allowed inside)
		q := p
		for q+1 <= b && f.toks[q+1].Kind == wordToken && (capitalised(f.tok(q+1)) || f.lower(q+1) == "of" && q+2 <= b && capitalised(f.tok(q+2))) {
			q++
		}
		run := f.text[t.Start:f.toks[q].End]
		if q+1 <= b && f.toks[q+1].Kind == possessiveToken {
			if possessor == "" {
				possessor = run
			}
			p = q + 1
			continue
		}
		orgLike := false
		allRoles := true
		for r := p; r <= q; r++ {
			w := f.tok(r)
			if lex.orgWordSet.has(w) && !IsRoleWord(w) {
				orgLike = true
			}
			if !IsRoleWord(w) {
				allRoles = false
			}
		}
		switch {
		case orgLike:
			return run, possessor
		case p == q && allCaps(f.tok(p)) && !lex.generic[f.tok(p)] && !IsRoleWord(f.tok(p)):
			return run, possessor
		case afterPrep(p) && !allRoles:
			return run, possessor
		}
		p = q
	}
	return "", possessor
}

// orgRunAt returns the last token of a capitalised run starting at p (up to
// b) that ends in an organisation word ("European Commission"), or -1.
func (f *finder) orgRunAt(p, b int) int {
	last := -1
	for q := p; q <= b; q++ {
		w := f.tok(q)
		if f.toks[q].Kind != wordToken || !capitalised(w) || q > p && f.toks[q].LineBreak {
			break
		}
		if lex.orgWordSet.has(w) && !IsRoleWord(w) {
			last = q
		}
	}
	return last
}

// timePrefixes are the time words written joined to a title by a hyphen.
var timePrefixes = []string{"then-", "ex-", "Ex-", "Then-", "former-"}

// timePrefixed returns the title after a time prefix ("Prime" in
// "then-Prime"), and whether there was one.
func timePrefixed(w string) (string, bool) {
	for _, p := range timePrefixes {
		if len(w) > len(p) && strings.HasPrefix(w, p) {
			return w[len(p):], true
		}
	}
	return "", false
}

// placeStartsAt reports whether a gazetteer place of more than one word
// starts at token i (before end): "New Zealand", whose "New" is not the
// adjective of "the new foreign minister".
func (f *finder) placeStartsAt(i, end int) bool {
	return capitalised(f.tok(i)) && f.gazAt(i, end+1) > 1
}

// isAcronym reports whether w is an organisation's initials: "CIA",
// "PBOC", and the mixed-case "BoJ", "BoE", "PBoC" (at least two capitals,
// at most two small letters, five letters in all).
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 5 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	upper, lower := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		default:
			return false
		}
	}
	return upper >= 2 && lower <= 2 && (lower == 0 || w[len(w)-1] >= 'A' && w[len(w)-1] <= 'Z')
}

// maxTitleWords bounds the capitalised common words a title may carry
// between a country and its head ("Armed Forces", "Public Safety",
// "External Affairs"). "Cabinet" is a role word of its own (roles.txt), so
// "Chief Cabinet Secretary" is one title with or without a country before
// it.
const maxTitleWords = 3

// titleWordsEndingAt returns the first token of a run of capitalised
// common words ending at token e that a place, an organisation or its
// initials introduce ("French Armed Forces", "Canadian Public Safety"),
// or -1. Without that anchor the words may open the sentence
// ("Yesterday Defence Minister ...") and are not read as the title.
func (f *finder) titleWordsEndingAt(e int) int {
	s, common := e, 0
	for s >= 0 && e-s < maxTitleWords {
		w := f.tok(s)
		if f.toks[s].Kind != wordToken || !capitalised(w) || s < e && f.toks[s+1].LineBreak {
			break
		}
		if IsRoleWord(w) {
			s--
			continue // "Indian Chief Election Commissioner"
		}
		if !lex.common[f.lower(s)] || lex.firstNames[f.lower(s)] != "" {
			break
		}
		common++
		s--
	}
	if common == 0 || s < 0 || f.toks[s+1].LineBreak {
		return -1
	}
	if f.gazEndingAt(s) >= 0 || isAcronym(f.tok(s)) {
		return s + 1
	}
	return -1
}
