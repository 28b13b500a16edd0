package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FailOn says which articles make copydesk exit 1.
type FailOn struct {
	// Score, when > 0, replaces the fail threshold.
	Score int
	// Verdict is "fail" (default), "warn" (warn or fail exits 1) or "never".
	Verdict string
}

// ParseFailOn reads --fail-on: a score from 1 to 100, or warn, fail or never.
func ParseFailOn(s string) (FailOn, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "", "fail":
		return FailOn{Verdict: "fail"}, nil
	case "warn", "never":
		return FailOn{Verdict: s}, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100 {
		return FailOn{}, fmt.Errorf("fail-on %q: want a score from 1 to 100, or warn, fail or never", s)
	}
	return FailOn{Score: n, Verdict: "fail"}, nil
}

// ParseDate reads YYYY-MM-DD (or RFC 3339).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
}
