package kb

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date of known precision. Sources give terms to the
// day ("2025-01-20"), the month or only the year ("2021"); a year-only
// start must not be read as 1 January, so the precision is kept.
type Date struct {
	Year, Month, Day int // Month and Day are 0 when unknown
}

// ParseDate reads "", "2021", "2021-05", "2021-05-06", an RFC 3339 time or
// a Wikidata time ("+2021-05-06T00:00:00Z", where 00 month/day mean
// unknown).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	s = strings.TrimPrefix(s, "+")
	if i := strings.IndexByte(s, 'T'); i > 0 {
		s = s[:i]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || parts[0] == "" {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, fmt.Errorf("date %q: %w", s, err)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || d.Month == 0 && d.Day != 0 {
		return Date{}, fmt.Errorf("date %q out of range", s)
	}
	return d, nil
}

// DateOf returns the day t falls on.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// WithPrecision truncates d to Wikidata precision p (9 year, 10 month, 11 day).
func (d Date) WithPrecision(p int) Date {
	switch {
	case p <= 9:
		return Date{Year: d.Year}
	case p == 10:
		return Date{Year: d.Year, Month: d.Month}
	}
	return d
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Exact reports whether the date is known to the day.
func (d Date) Exact() bool { return d.Day != 0 }

func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First is the first day the date may denote.
func (d Date) First() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last is the last day the date may denote.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Before reports whether d certainly ends before e begins.
func (d Date) Before(e Date) bool { return d.Last().Before(e.First()) }

// Max returns the later of two dates (by their first day).
func Max(a, b Date) Date {
	if a.First().Before(b.First()) {
		return b
	}
	return a
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
