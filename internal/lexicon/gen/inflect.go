package main

import "strings"

// irregular lists the verb forms the suffix rules get wrong, for the verbs
// the curated lists inflect.
var irregular = map[string][]string{
	"stand":  {"stand", "stands", "stood", "standing"},
	"send":   {"send", "sends", "sent", "sending"},
	"shed":   {"shed", "sheds", "shedding"},
	"strike": {"strike", "strikes", "struck", "striking"},
	"make":   {"make", "makes", "made", "making"},
	"take":   {"take", "takes", "took", "taken", "taking"},
	"hold":   {"hold", "holds", "held", "holding"},
}

// inflect returns a regular English verb's base, third-person, past and
// gerund forms ("mark" → mark, marks, marked, marking).
func inflect(verb string) []string {
	if forms, ok := irregular[verb]; ok {
		return forms
	}
	third, past, ing := verb+"s", verb+"ed", verb+"ing"
	n := len(verb)
	switch {
	case strings.HasSuffix(verb, "e"):
		past, ing = verb+"d", verb[:n-1]+"ing"
	case strings.HasSuffix(verb, "y") && n > 1 && !strings.ContainsRune("aeiou", rune(verb[n-2])):
		third, past = verb[:n-1]+"ies", verb[:n-1]+"ied"
	case strings.HasSuffix(verb, "sh"), strings.HasSuffix(verb, "ch"), strings.HasSuffix(verb, "s"), strings.HasSuffix(verb, "x"):
		third = verb + "es"
	}
	return []string{verb, third, past, ing}
}

// expandFamilies expands pattern like expand and also returns, for each
// surface form, its inflection family: the same alternatives with every
// verb in its base form ("sent shockwaves through" → "send shockwaves
// through"). Reporters who write one inflection write the others, so the
// generator weighs a family's forms together.
func expandFamilies(pattern string) (surfaces, families []string) {
	for _, alt := range expandAlternatives(pattern) {
		family := expand(baseVerbs(alt))[0]
		for _, s := range expand(alt) {
			surfaces = append(surfaces, s)
			families = append(families, family)
		}
	}
	return surfaces, families
}

// expandAlternatives expands only the (a|b) groups of pattern, keeping its
// {verb} slots.
func expandAlternatives(pattern string) []string {
	i := strings.IndexByte(pattern, '(')
	if i < 0 {
		return []string{pattern}
	}
	j := strings.IndexByte(pattern[i:], ')')
	if j < 0 {
		return []string{pattern}
	}
	var out []string
	for _, alt := range strings.Split(pattern[i+1:i+j], "|") {
		out = append(out, expandAlternatives(pattern[:i]+alt+pattern[i+j+1:])...)
	}
	return out
}

// baseVerbs replaces every {verb} slot of pattern with the bare verb.
func baseVerbs(pattern string) string {
	return strings.NewReplacer("{", "", "}", "").Replace(pattern)
}

// expand turns one curated pattern into every surface form: {verb} is
// inflected and (a|b|) picks one alternative (an empty one drops the group).
func expand(pattern string) []string {
	if i := strings.IndexByte(pattern, '{'); i >= 0 {
		j := strings.IndexByte(pattern[i:], '}')
		if j < 0 {
			return []string{pattern}
		}
		var out []string
		for _, f := range inflect(pattern[i+1 : i+j]) {
			out = append(out, expand(pattern[:i]+f+pattern[i+j+1:])...)
		}
		return out
	}
	if i := strings.IndexByte(pattern, '('); i >= 0 {
		j := strings.IndexByte(pattern[i:], ')')
		if j < 0 {
			return []string{pattern}
		}
		var out []string
		for _, alt := range strings.Split(pattern[i+1:i+j], "|") {
			out = append(out, expand(pattern[:i]+alt+pattern[i+j+1:])...)
		}
		return out
	}
	return []string{strings.Join(strings.Fields(pattern), " ")}
}
