package safeyaml

import (
	"errors"
	"strings"
	"testing"
)

type conf struct {
	Rules struct {
		Disable []string `yaml:"disable"`
	} `yaml:"rules"`
}

func TestLibraryPanicBecomesErrorWithLine(t *testing.T) {
	// Found by FuzzParse: goccy/go-yaml v1.19.2 dereferences nil in
	// ArrayNodeIter.Len on this input.
	in := "rules:\n  disable: !0\n000000000000"
	var c conf
	err := Unmarshal([]byte(in), &c, ConfigLimits)
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 {
		t.Fatalf("err = %v, want a safeyaml.Error at line 2", err)
	}
}

func TestLimits(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i, prev := 0, "a"; i < 9; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	cases := []struct{ name, in, want string }{
		{"deep flow", "a: " + strings.Repeat("[", 100_000) + "\n", "line 1: nested more than 64"},
		{"deep flow on line 3", "a: 1\nb: 2\nc: " + strings.Repeat("{x: ", 70) + "1" + strings.Repeat("}", 70), "line 3: nested"},
		{"alias bomb", bomb, "once aliases are expanded"},
		{"too big", "a: \"" + strings.Repeat("x", 2<<20) + "\"\n", "over the 1048576-byte limit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var v map[string]any
			err := Unmarshal([]byte(tc.in), &v, ConfigLimits)
			if err == nil || !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a limit error containing %q", err, tc.want)
			}
		})
	}
}

func TestWithinLimitsDecodes(t *testing.T) {
	// Brackets inside quotes and comments do not count as nesting; a few
	// aliases are fine.
	in := "a: '" + strings.Repeat("[", 200) + "' # " + strings.Repeat("{", 200) + "\nb: \"]]\"\nx: &x [1, 2]\ny: *x\n"
	var v map[string]any
	if err := Unmarshal([]byte(in), &v, ConfigLimits); err != nil {
		t.Fatal(err)
	}
	if v["a"] != strings.Repeat("[", 200) || len(v["y"].([]any)) != 2 {
		t.Fatalf("decoded %v", v)
	}
}
