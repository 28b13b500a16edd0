// Package boilerplate is copydesk's boilerplate analyzer (stub: being built).
package boilerplate

import "github.com/copydesk/copydesk/internal/analysis"

// Analyzer finds boilerplate evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "boilerplate",
	Doc:  "boilerplate evidence (not yet implemented)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
