package safeyaml

import (
	"errors"
	"strings"
	"testing"
	"time"
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
		{"too big", "a: \"" + strings.Repeat("x", 2<<20) + "\"\n", "over the 131072-byte limit"},
		{"compact sequences", strings.Repeat("- ", 40_000) + "x\n", "line 1: nested more than 64"},
		{"compact keys", "a: 1\n" + strings.Repeat("? ", 40_000) + "x\n", "line 2: nested more than 64"},
		{"indentation", deepIndent(70), "line 65: nested more than 64"},
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

// deepIndent is a block mapping nested n levels by indentation.
func deepIndent(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

// The quadratic shapes of the parser stay fast within the size cap.
func TestWorstCaseWithinSizeCapIsFast(t *testing.T) {
	for _, tok := range []string{"a: ", "&a ", "!t ", "? ", "- "} {
		in := strings.Repeat(tok, ConfigLimits.MaxBytes/len(tok)-1)
		start := time.Now()
		var v any
		_ = Unmarshal([]byte(in), &v, ConfigLimits)
		if d := time.Since(start); d > 20*time.Second { // generous: a busy machine
			t.Errorf("%q × %d: %v", tok, len(in)/len(tok), d)
		}
	}
}
