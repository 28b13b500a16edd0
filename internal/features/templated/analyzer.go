// Package templated is copydesk's templated analyzer (stub: being built).
package templated

import "github.com/copydesk/copydesk/internal/analysis"

// Analyzer finds templated evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "templated",
	Doc:  "templated evidence (not yet implemented)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
