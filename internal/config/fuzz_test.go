package config

import (
	"testing"
)

// FuzzParse: no configuration, however malformed, may panic or hang the
// parser; every input is either a Config or an error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"thresholds: {warn: 40, fail: 70}\n",
		"rules:\n  disable: [TP011]\n  severity: {AT003: info}\n",
		"overrides:\n  - paths: [\"wire/**\"]\n    disable: [BP010]\n",
		"a: &a [*a]\n",
		"- [[[[[[[[[[\n",
		"{? [: ]}\n",
		"kb: [x.jsonl]\njobs: 3\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b)
		if err == nil && c == nil {
			t.Fatal("nil config without an error")
		}
	})
}
