package ingest

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	cases := map[string]time.Time{
		"2025-03-05":                     day(2025, 3, 5),
		"2025-03-05T14:30:00Z":           time.Date(2025, 3, 5, 14, 30, 0, 0, time.UTC),
		"2025-03-05T14:30:00+01:00":      time.Date(2025, 3, 5, 13, 30, 0, 0, time.UTC),
		"2025-03-05T14:30:00.123+0100":   time.Date(2025, 3, 5, 13, 30, 0, 123e6, time.UTC),
		"2025-03-05 14:30:00":            time.Date(2025, 3, 5, 14, 30, 0, 0, time.UTC),
		"Wed, 05 Mar 2025 14:30:00 GMT":  time.Date(2025, 3, 5, 14, 30, 0, 0, time.UTC),
		"Wed, 5 Mar 2025 14:30:00 +0000": time.Date(2025, 3, 5, 14, 30, 0, 0, time.UTC),
		"March 5, 2025":                  day(2025, 3, 5),
		"march 5th, 2025":                day(2025, 3, 5),
		"Mar. 5, 2025":                   day(2025, 3, 5),
		"5 March 2025":                   day(2025, 3, 5),
		"Wednesday, March 5, 2025":       day(2025, 3, 5),
		"Sept. 9, 2024":                  day(2024, 9, 9),
		"2025/03/05":                     day(2025, 3, 5),
		"  2025-03-05  ":                 day(2025, 3, 5),
		"1741185000":                     time.Unix(1741185000, 0).UTC(),
		"March 5, 2025 at 2:30 PM":       time.Date(2025, 3, 5, 14, 30, 0, 0, time.UTC),
	}
	for in, want := range cases {
		got, ok := parseDate(in)
		if !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "03/05/2025", "2025-13-45", "soon"} {
		if got, ok := parseDate(bad); ok {
			t.Errorf("parseDate(%q) = %v, want not understood", bad, got)
		}
	}
}
