package ingest

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the forms parseDate accepts, tried in order: machine
// formats first (feeds, meta tags, JSON-LD), then the ways newsrooms write
// dates by hand. Day-month order is never guessed from all-numeric dates
// other than year-first, since 03/05/2025 means different days on either
// side of the Atlantic.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006.01.02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 2 Jan 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"January 2, 2006 15:04 MST",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan. 2, 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"Mon, January 2, 2006",
	"Mon Jan 2, 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 January, 2006",
	"2 Jan 2006",
	"2 Jan. 2006",
	"Monday 2 January 2006",
	"January 2006",
}

// parseDate reads a date in any of dateLayouts, or a Unix time in seconds.
// The zero time and false mean it was not understood.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if len(s) == len("2006-01-02") {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, true // the common case, without trying every layout
		}
	}
	s = normaliseDate(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 1e8 && n < 1e10 {
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

// normaliseDate removes what the layouts cannot express: ordinal suffixes
// ("March 5th"), "Sept.", "at" before a time and doubled spaces.
func normaliseDate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " at ", " ")
	s = strings.ReplaceAll(s, "Sept.", "Sep")
	s = strings.ReplaceAll(s, "Sept ", "Sep ")
	words := strings.Fields(s)
	for i, w := range words {
		core := strings.TrimRight(w, ",")
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			num := strings.TrimSuffix(core, suf)
			if num != core && len(num) > 0 && len(num) <= 2 && isDigits(num) {
				words[i] = num + w[len(core):]
			}
		}
	}
	s = strings.Join(words, " ")
	return s
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
