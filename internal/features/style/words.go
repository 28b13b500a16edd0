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
