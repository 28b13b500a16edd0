package style

import (
	"embed"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/datafile"
)

//go:embed data/function_words.txt data/connectives.txt
var dataFS embed.FS

// functionWords and connectives are read once from the embedded lists.
var (
	functionWords = wordSet("data/function_words.txt")
	connectives   = wordSet("data/connectives.txt")
	// longestFunctionWord spares longer words the map look-up.
	longestFunctionWord = func() int {
		n := 0
		for w := range functionWords {
			n = max(n, len(w))
		}
		return n
	}()
)

// wordSet reads one entry a line of an embedded list, lower-cased. The
// lists are part of the binary, so an unreadable one is a broken build.
func wordSet(file string) map[string]bool {
	set := map[string]bool{}
	err := datafile.EachLine(dataFS, file, func(fields []string) error {
		set[strings.ToLower(strings.Join(fields, "\t"))] = true
		return nil
	})
	if err != nil {
		panic(fmt.Sprintf("style: embedded word list: %v", err))
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
