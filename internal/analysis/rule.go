// Package analysis defines what every copydesk detector is and produces:
// an Analyzer runs over one document through a Pass and reports Findings
// against Rules with stable IDs. The driver (internal/pipeline) owns input
// and output; analyzers only look and report.
package analysis

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Dimension is one of the four things copydesk scores.
type Dimension string

const (
	Boilerplate Dimension = "boilerplate"
	Templated   Dimension = "templated"
	Attribution Dimension = "attribution"
	Fabrication Dimension = "fabrication"
)

// Dimensions lists the dimensions in report order.
var Dimensions = []Dimension{Boilerplate, Templated, Attribution, Fabrication}

// Severity orders findings by how much an editor should care.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Info, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

func (s *Severity) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	v, err := ParseSeverity(str)
	*s = v
	return err
}

// Rule documents one check. Its ID never changes once released: users
// suppress and tune rules by ID. Prefixes: BP boilerplate, TP templated,
// AT attribution, FB fabrication.
type Rule struct {
	ID        string
	Dimension Dimension
	Severity  Severity // default; config may override
	Title     string   // one line, shown by `copydesk rules`
	Doc       string   // what it finds, why it matters, what to do
	Example   string   // text that triggers it
	Since     string   // copydesk version that introduced it
	// Furniture marks a rule that finds news-site furniture (share
	// buttons, navigation, copyright lines): every real page carries it,
	// so its findings are reported outside the main text, at info, and
	// never scored.
	Furniture bool
}

// Finding is one piece of evidence in one article.
type Finding struct {
	Rule      string    `json:"rule"`
	Dimension Dimension `json:"dimension"`
	Severity  Severity  `json:"severity"`
	Message   string    `json:"message"`
	Text      string    `json:"text"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	// Evidence explains the finding beyond its message (the knowledge-base
	// record, the other article sharing a sentence, the lexicon weight).
	Evidence string `json:"evidence,omitempty"`
	// References are the reference articles a coverage finding rests on
	// (FB007–FB010): the matched coverage of the story, or the one
	// passage a quote was compared with. Nil for every other finding.
	References []Reference `json:"references,omitempty"`
	// OutsideMain marks findings in page chrome that the HTML extractor
	// dropped from the article body, or on a news-site furniture line
	// (timestamp, byline, caption): reported, never scored.
	OutsideMain bool `json:"outside_main_text,omitempty"`
	// Strength is a statistical signal's measured value (a profile
	// finding such as TP012): how far the article sits from the typical
	// human article, in the signal's own units. The scorer reads it;
	// ordinary findings leave it 0.
	Strength float64 `json:"strength,omitempty"`
}
