package namematch

import (
	"strings"
	"testing"
)

func words(s string) []string { return strings.Fields(s) }

func TestSame(t *testing.T) {
	same := [][2]string{
		{"lee jae-myung", "lee jae myung"},
		{"lee jae-myung", "lee jaemyung"},
		{"volodymyr zelensky", "volodymyr zelenskyy"},
		{"volodymyr zelenskiy", "volodymyr zelenskyy"},
		{"ursula von der leyen", "von der leyen"},
		{"ursula von der leyen", "leyen"},
		{"lee jae-myung", "lee"},
		{"xi jinping", "xi"},
		{"luiz inacio lula da silva", "lula"},
		{"matamela cyril ramaphosa", "cyril ramaphosa"},
		{"recep tayyip erdogan", "tayyip erdogan"},
		{"joe biden", "joseph biden"}, // prefix: "joe" is not a prefix, see nicknames below
		{"abdel fattah al-sisi", "abdel fattah el-sisi"},
		{"ahmed al-sharaa", "ahmed ash-sharaa"},
		{"bashar al-assad", "assad"},
		{"iwaya takeshi", "takeshi iwaya"},
	}
	nick := func(x, y string) bool { return x == "joe" && y == "joseph" || x == "joseph" && y == "joe" }
	for _, p := range same {
		if !Same(words(p[0]), words(p[1]), nick) || !Same(words(p[1]), words(p[0]), nick) {
			t.Errorf("Same(%q, %q) = false, want true", p[0], p[1])
		}
	}
	differ := [][2]string{
		{"eric trump", "donald trump"},
		{"jack reid", "jack reed"}, // a near miss, not the same name
		{"kim jong-un", "lee"},
		{"olaf scholz", "olaf solz"},
		{"ursula von der leyen", "ursula schmidt"},
		{"recep tayyip erdogan", "bilal erdogan"}, // a son is not the father
		{"ali al-ahmad", "ali al-ahmadi"},
	}
	for _, p := range differ {
		if Same(words(p[0]), words(p[1]), nick) {
			t.Errorf("Same(%q, %q) = true, want false", p[0], p[1])
		}
	}
}

func TestNearMiss(t *testing.T) {
	near := [][2]string{
		{"scott bescent", "scott bessent"},
		{"olaf solz", "olaf scholz"},
		{"steve witkov", "steve witkoff"},
		{"jack reid", "jack reed"},
		{"donal trump", "donald trump"},
		{"cyril ramaphota", "matamela cyril ramaphosa"},
	}
	for _, p := range near {
		if !NearMiss(words(p[0]), words(p[1]), nil) {
			t.Errorf("NearMiss(%q, %q) = false, want true", p[0], p[1])
		}
	}
	far := [][2]string{
		{"eric trump", "donald trump"},                // another person of the surname
		{"donald tusk", "donald trump"},               // another person of the given name
		{"volodymyr zelenskyy", "volodymyr zelensky"}, // a spelling, not a miss
		{"mark carney", "mark kelly"},
		{"jo li", "jo lu"},                              // too short to call
		{"matamela cyril ramaphosa", "cyril ramaphosa"}, // the same man
	}
	for _, p := range far {
		if NearMiss(words(p[0]), words(p[1]), nil) {
			t.Errorf("NearMiss(%q, %q) = true, want false", p[0], p[1])
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"ab", "ba", 1}, {"bessent", "bescent", 1}} {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func TestCompactEqual(t *testing.T) {
	for _, c := range []struct {
		a, b string
		eq   bool
	}{{"lee jae-myung", "lee jaemyung", true}, {"o'brien", "obrien", true}, {"ab c", "a bc", true}, {"abc", "abcd", false}, {"", "", true}, {"abd", "abc", false}} {
		if got := compactEqual(strings.Fields(c.a), strings.Fields(c.b)); got != c.eq || got != (Compact(strings.Fields(c.a)) == Compact(strings.Fields(c.b))) {
			t.Errorf("compactEqual(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
