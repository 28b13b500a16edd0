package config

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Suppression comments switch rules off inside an article, as Vale's
// <!-- vale off --> does:
//
//	<!-- copydesk-disable TP001,AT002 -->   (Markdown, HTML; no rules: all)
//	<!-- copydesk-enable -->                (ends them; or name rules)
//	<!-- copydesk-disable-next-line TP001 -->
//	// copydesk:disable TP001               (plain text, at a line's start)
//	// copydesk:enable
//	// copydesk:disable-next-line TP001
//
// They are found in the analysed text (Markdown, text, JSONL texts) by
// byte offset; for HTML, whose comments the extractor removes, in the raw
// file by line, which needs findings' lines to be the file's.
var directive = regexp.MustCompile(`<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->|^\s*//\s*copydesk:(disable-next-line|disable|enable)\b(.*)$`)

// suppressRange is where rules (nil: every rule) are off: a byte range of
// the analysed text, or, for a raw source, a range of its lines.
type suppressRange struct {
	start, end int
	rules      map[string]bool
}

type suppressions struct {
	offsets []suppressRange // in the analysed text
	lines   []suppressRange // in the raw input file
}

func (s suppressions) suppressed(f *analysis.Finding) bool {
	for _, r := range s.offsets {
		if f.Start >= r.start && f.Start < r.end && (r.rules == nil || r.rules[f.Rule]) {
			return true
		}
	}
	for _, r := range s.lines {
		if f.Line >= r.start && f.Line < r.end && (r.rules == nil || r.rules[f.Rule]) {
			return true
		}
	}
	return false
}

func (p *Policy) suppressions(res *analysis.Result) suppressions {
	var s suppressions
	if strings.Contains(res.Text, "copydesk") {
		s.offsets = parseSuppressions(res.Text, false)
	}
	if p.source != nil && isHTMLPath(res.Path) {
		if raw := p.source(res.Path); raw != nil && strings.Contains(string(raw), "copydesk-") {
			s.lines = parseSuppressions(string(raw), true)
		}
	}
	return s
}

func isHTMLPath(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// parseSuppressions reads the directives of text into ranges: byte
// offsets, or 1-based line numbers when byLine.
func parseSuppressions(text string, byLine bool) []suppressRange {
	type line struct{ start, end, n int }
	var lines []line
	for off, n := 0, 1; off < len(text); n++ {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		lines = append(lines, line{off, end, n})
		off = end + 1
	}
	pos := func(l line, start bool) int {
		if byLine {
			return l.n
		}
		if start {
			return l.start
		}
		return l.end
	}
	endOfText := len(text) + 1
	if byLine {
		endOfText = len(lines) + 1
	}
	var out []suppressRange
	open := map[string]int{} // rule ("" for all) → where its disable began
	closeRange := func(rule string, at int) {
		if from, ok := open[rule]; ok {
			r := suppressRange{start: from, end: at}
			if rule != "" {
				r.rules = map[string]bool{rule: true}
			}
			out = append(out, r)
			delete(open, rule)
		}
	}
	for i, l := range lines {
		for _, m := range directive.FindAllStringSubmatch(text[l.start:l.end], -1) {
			verb, args := m[1]+m[3], m[2]+m[4]
			rules := ruleList(args)
			switch verb {
			case "disable":
				if len(rules) == 0 {
					rules = []string{""}
				}
				for _, r := range rules {
					if _, ok := open[r]; !ok {
						open[r] = pos(l, false)
					}
				}
			case "enable":
				if len(rules) == 0 {
					for r := range open {
						closeRange(r, pos(l, true))
					}
				}
				for _, r := range rules {
					closeRange(r, pos(l, true))
				}
			case "disable-next-line":
				next := i + 1
				for next < len(lines) && strings.TrimSpace(text[lines[next].start:lines[next].end]) == "" {
					next++
				}
				if next == len(lines) {
					continue
				}
				r := suppressRange{start: pos(lines[next], true), end: pos(lines[next], false)}
				if byLine {
					r.end = r.start + 1
				}
				if len(rules) > 0 {
					r.rules = map[string]bool{}
					for _, id := range rules {
						r.rules[id] = true
					}
				}
				out = append(out, r)
			}
		}
	}
	for r := range open {
		closeRange(r, endOfText)
	}
	return out
}

// ruleList reads "TP001, AT002" (commas or spaces) as upper-case rule IDs.
func ruleList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		out = append(out, strings.ToUpper(f))
	}
	return out
}
