package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RoleRef is what a role as written in an article ("Israeli Prime
// Minister", "Canada's prime minister", "former U.S. envoy") refers to.
type RoleRef struct {
	Text string
	// Offices are the offices the words can name. With Contextual set the
	// country or organisation was given (or the words name one office on
	// their own), so a single office here is the office the article means.
	Offices    []*Office
	Contextual bool
	Past       bool // "former", "then-", "ex-"
	// Former is the part of Past that says the person no longer holds the
	// office ("former", "ex-", "the late"); "then-" dates a past act and
	// says nothing about today.
	Former bool
	Future bool // "incoming", "-elect", "nominee"
	Acting bool // "acting", "interim", "caretaker"
}

// Unique returns the one office the role names with context, or nil.
func (r RoleRef) Unique() *Office {
	if r.Contextual && len(r.Offices) == 1 {
		return r.Offices[0]
	}
	return nil
}

var (
	determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true}
	connectors  = map[string]bool{"of": true, "for": true, "to": true, "in": true}
	// formerWords are the pastWords that deny the person holds the office
	// now ("then" does not: "then-Senator Vance" fits a sitting VP).
	formerWords  = map[string]bool{"former": true, "ex": true, "late": true, "erstwhile": true, "onetime": true, "previous": true, "retired": true}
	pastWords    = map[string]bool{"former": true, "ex": true, "then": true, "late": true, "erstwhile": true, "onetime": true, "previous": true, "retired": true, "past": true}
	futureWords  = map[string]bool{"incoming": true, "designate": true, "elect": true, "nominee": true, "nominated": true, "presumptive": true, "future": true, "pick": true, "choice": true, "candidate": true, "designated": true, "proposed": true}
	actingWords  = map[string]bool{"acting": true, "interim": true, "caretaker": true, "temporary": true}
	neutralWords = map[string]bool{"current": true, "new": true, "newly": true, "sitting": true, "incumbent": true, "longtime": true, "veteran": true, "embattled": true, "outgoing": true, "appointed": true, "serving": true, "now": true}
)

// normRole folds role text for matching: lower case, no diacritics,
// "U.S." → "us", possessive "'s" dropped, hyphens and punctuation → spaces.
func normRole(s string) string {
	if isASCII(s) {
		return normRoleASCII(s)
	}
	s = replaceRolePunct(fold(s) + " ")
	// Every rune that is not a letter or digit separates words; the words
	// are joined by single spaces.
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(r)
			continue
		}
		gap = true
	}
	return b.String()
}

// normRoleASCII is normRole for ASCII text in one pass and one
// allocation: lower case, full stops dropped, "'s " dropped, every other
// non-alphanumeric byte a word break. ("s' " → "s " and the curly
// apostrophe of replaceRolePunct change nothing here: the apostrophe
// would become a break anyway.)
func normRoleASCII(s string) string {
	b := make([]byte, 0, len(s))
	gap := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if gap && len(b) > 0 {
				b = append(b, ' ')
			}
			gap = false
			b = append(b, c)
		case c == '.':
			// dropped: "U.S." is "us"
		case c == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 == len(s) || s[i+2] == ' '):
			// "'s " (the text ends in a space for replaceRolePunct) is a break
			gap = true
			i++
		default:
			gap = true
		}
	}
	return string(b)
}

// replaceRolePunct does, in one left-to-right pass without overlaps, what
// strings.NewReplacer("’", "'", ".", "", "'s ", " ", "s' ", "s ") does
// (a "’s " becomes "'s ", not " ": the replacer never rescans its output),
// without building a replacer per call.
func replaceRolePunct(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == 0xE2 && strings.HasPrefix(s[i:], "’"):
			b = append(b, '\'')
			i += len("’")
		case c == '.':
			i++
		case c == '\'' && strings.HasPrefix(s[i:], "'s "):
			b = append(b, ' ')
			i += 3
		case c == 's' && strings.HasPrefix(s[i:], "s' "):
			b = append(b, 's', ' ')
			i += 3
		default:
			b = append(b, c)
			i++
		}
	}
	return string(b)
}

// ParseRole resolves role text (and the affiliation the people analyzer
// found for it, if any) to the offices it can name.
func (k *KB) ParseRole(text, affiliation string) RoleRef {
	ref := RoleRef{Text: text}
	norm := normRole(text)
	// Roles are a few words: the word lists live on the stack unless a
	// role is unusually long.
	var tokBuf [16]string
	var startBuf [17]int
	toks := fieldsInto(tokBuf[:0], norm)
	// tokStart[i] is where toks[i] starts in norm, whose words are
	// separated by single spaces: a phrase of toks is a slice of norm.
	tokStart := startBuf[:0]
	for i, at := 0, 0; i < len(toks); i++ {
		tokStart = append(tokStart, at)
		at += len(toks[i]) + 1
	}
	tokStart = append(tokStart, len(norm)+1)
	// "Trump's nominee to be special envoy": everything up to a
	// nomination word describes the nominator, not the office.
	for i, t := range toks {
		if t == "nominee" || t == "pick" || t == "choice" || t == "candidate" {
			ref.Future = true
			rest := toks[i+1:]
			for len(rest) > 0 && (rest[0] == "to" || rest[0] == "be" || rest[0] == "for" || rest[0] == "as") {
				rest = rest[1:]
			}
			tokStart = tokStart[len(toks)-len(rest):]
			toks = rest
			break
		}
	}
	if len(toks) == 0 {
		return ref
	}
	var ctx context
	for n := min(len(toks), k.maxAliasWords); n >= 1; n-- {
		for i := 0; i+n <= len(toks); i++ {
			phrase := norm[tokStart[i] : tokStart[i+n]-1] // toks[i:i+n] joined by spaces
			offices := k.byAlias[phrase]
			if len(offices) == 0 {
				continue
			}
			var restBuf [16]string
			c, flags, ok := k.consume(append(append(restBuf[:0], toks[:i]...), toks[i+n:]...))
			if !ok {
				continue
			}
			ctx = c
			ref.Past, ref.Future, ref.Acting = ref.Past || flags.past, ref.Future || flags.future, flags.acting
			ref.Former = flags.former
			if a := normRole(affiliation); a != "" && ctx == (context{}) {
				if ac, ok := k.lex.contexts[a]; ok {
					ctx = ac
				}
			}
			selfNamed := false
			for _, o := range offices {
				if !matchesContext(o, ctx) {
					continue
				}
				ref.Offices = append(ref.Offices, o)
				if o.names[phrase] {
					selfNamed = true
				}
			}
			ref.Contextual = ctx != (context{}) || selfNamed
			if selfNamed && ctx == (context{}) {
				// The words name one office on their own: keep only those.
				var named []*Office
				for _, o := range ref.Offices {
					if o.names[phrase] {
						named = append(named, o)
					}
				}
				ref.Offices = named
			}
			return ref
		}
	}
	return ref
}

func matchesContext(o *Office, c context) bool {
	if c.org != "" {
		if o.Organization == c.org {
			return true
		}
		// "White House" also says "United States" for national offices.
		return o.Organization == "" && c.country != "" && o.Country == c.country && o.Country != ""
	}
	if c.country != "" {
		return o.Country == c.country
	}
	return true
}

type roleFlags struct{ past, former, future, acting bool }

// consume checks that the words around an office alias only give context
// (countries, organisations), modifiers or connectors; anything else
// ("deputy", "spokesman") means the text names some other role.
func (k *KB) consume(toks []string) (context, roleFlags, bool) {
	var ctx context
	var f roleFlags
	var keyBuf [96]byte
	for i := 0; i < len(toks); {
		t := toks[i]
		matched := false
		for n := min(k.lex.maxCtxLen, len(toks)-i); n >= 1; n-- {
			// toks[i:i+n] joined by spaces, built on the stack: the map
			// lookup of string(key) does not allocate.
			key := append(keyBuf[:0], t...)
			for _, w := range toks[i+1 : i+n] {
				key = append(append(key, ' '), w...)
			}
			if c, ok := k.lex.contexts[string(key)]; ok {
				if ctx.country != "" && c.country != "" && c.country != ctx.country {
					return ctx, f, false // two countries: not one office
				}
				if c.country != "" {
					ctx.country = c.country
				}
				if c.org != "" {
					ctx.org = c.org
				}
				i += n
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		switch {
		case determiners[t] || connectors[t] || neutralWords[t] || t == "s" || t == "be":
		case pastWords[t]:
			f.past = true
			f.former = f.former || formerWords[t]
		case futureWords[t]:
			f.future = true
		case actingWords[t]:
			f.acting = true
		default:
			return ctx, f, false
		}
		i++
	}
	return ctx, f, true
}

// fieldsInto appends the space-separated words of s to out: strings.Fields
// for text normRole made (ASCII spaces only between words), without
// allocating when out has room.
func fieldsInto(out []string, s string) []string {
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return append(out, s)
		}
		if i > 0 {
			out = append(out, s[:i])
		}
		s = s[i+1:]
	}
	return out
}
