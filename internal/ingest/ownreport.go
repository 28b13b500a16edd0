package ingest

import (
	"bytes"
	"regexp"
)

// A report copydesk wrote into the folder it scans must not come back as
// input on the next run (issue 13: 300 articles became 1,200, with
// duplicate ids). Reports are recognised by content, in the first bytes of
// the file, whatever their name.
var (
	// json and jsonl documents: the dimensions object, as written.
	reportDimensions = regexp.MustCompile(`"dimensions":\s*\{\s*"boilerplate":\s*\d`)
	// json: the run header; sarif: the tool's name.
	reportJSONHeader = regexp.MustCompile(`^\s*\{\s*"version":\s*"[^"]*",\s*"knowledge_as_of":`)
	reportSARIF      = regexp.MustCompile(`"driver":\s*\{\s*"name":\s*"copydesk"`)
	// text: finding lines "path:line:col RULE severity".
	reportTextLine = regexp.MustCompile(`(?m)^\S.*:\d+:\d+ +[A-Z]{2}\d{3} +(info|warning|error) `)
	// github: workflow commands titled by copydesk.
	reportGitHub = regexp.MustCompile(`(?m)^::(error|warning|notice) [^\n]*title=(copydesk|[A-Z]{2}\d{3})`)
)

// reportKind names the copydesk output format head is the start of, or "".
func reportKind(head []byte) string {
	switch {
	case bytes.Contains(head, []byte(`<meta name="generator" content="copydesk">`)):
		return "html report"
	case reportSARIF.Match(head):
		return "sarif output"
	case reportJSONHeader.Match(head):
		return "json output"
	case reportDimensions.Match(head):
		return "json lines output"
	case len(reportGitHub.FindAll(head, 2)) == 2:
		return "github output"
	case len(reportTextLine.FindAll(head, 3)) == 3:
		return "text output"
	}
	return ""
}
