package style

import (
	_ "embed"
	"strings"
)

//go:embed data/function_words.txt
var functionWordsTxt string

//go:embed data/connectives.txt
var connectivesTxt string

// functionWords and connectives are read once from the embedded lists.
var (
	functionWords = wordSet(functionWordsTxt)
	connectives   = wordSet(connectivesTxt)
	// longestFunctionWord spares longer words the map look-up.
	longestFunctionWord = func() int {
		n := 0
		for w := range functionWords {
			n = max(n, len(w))
		}
		return n
	}()
)

// wordSet reads one entry a line, skipping blanks and # comments.
func wordSet(txt string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(txt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[strings.ToLower(line)] = true
	}
	return set
}

// connectivePrefixes marks every phrase of one to four words that is a
// connective or the start of a longer one, so the check of a sentence's
// opening stops at its first word unless a connective could follow.
var connectivePrefixes = prefixSet(connectives)

const (
	isConnective uint8 = 1 << iota
	beginsConnective
)

func prefixSet(set map[string]bool) map[string]uint8 {
	out := map[string]uint8{}
	for phrase := range set {
		out[phrase] |= isConnective
		for i := range len(phrase) {
			if phrase[i] == ' ' {
				out[phrase[:i]] |= beginsConnective
			}
		}
	}
	return out
}
