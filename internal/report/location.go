package report

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
)

// inputPath is the file a result came from, as a slash-separated path
// relative to workDir when it lies below it (what code scanning and
// annotations resolve against the checkout): the Path field when set, else
// the id with any "#N" item suffix removed (ids of JSONL lines and feed
// items are path#N; their line numbers already point into the file).
func inputPath(res *analysis.Result, workDir string) string {
	p := res.Path
	if p != "" && workDir != "" && filepath.IsAbs(p) {
		if rel, err := filepath.Rel(workDir, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p = rel
		}
	}
	if p == "" {
		p = res.ID
		if i := strings.LastIndexByte(p, '#'); i > 0 && isDigits(p[i+1:]) {
			p = p[:i]
		}
	}
	p = filepath.ToSlash(p)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return p
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// artifactURI turns a slash path into a URI reference: relative paths stay
// relative (what GitHub code scanning resolves against the checkout),
// characters that are not allowed in a URI are percent-encoded, and
// absolute paths become file: URIs.
func artifactURI(p string) string {
	if strings.HasPrefix(p, "/") || filepath.IsAbs(filepath.FromSlash(p)) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // Windows drive path
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	u := (&url.URL{Path: p}).String()
	return u
}

// findingSpan is the text a finding covers: the slice of the article text
// when the reporter has it and the offsets fit, else the finding's own copy.
func findingSpan(res *analysis.Result, f *analysis.Finding) string {
	if f.Start >= 0 && f.End >= f.Start && f.End <= len(res.Text) {
		return res.Text[f.Start:f.End]
	}
	return f.Text
}

// startPosition is the finding's line and column, never below 1 (SARIF and
// GitHub both reject 0).
func startPosition(f *analysis.Finding) (line, col int) {
	return max(f.Line, 1), max(f.Column, 1)
}

// endPosition is the line and column just past the span (columns count
// code points, as Finding.Column does). Newlines inside the span advance
// the line; trailing line breaks are ignored so a span covering a whole
// line ends on that line instead of at column 1 of the next.
func endPosition(f *analysis.Finding, span string) (line, col int) {
	line, col = startPosition(f)
	span = strings.TrimRight(span, "\r\n")
	if i := strings.LastIndexByte(span, '\n'); i >= 0 {
		return line + strings.Count(span, "\n"), utf8.RuneCountInString(span[i+1:]) + 1
	}
	return line, col + utf8.RuneCountInString(span)
}
