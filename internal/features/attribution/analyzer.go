// Package attribution is copydesk's attribution analyzer (stub: being built).
package attribution

import "github.com/copydesk/copydesk/internal/analysis"

// Analyzer finds attribution evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "attribution",
	Doc:  "attribution evidence (not yet implemented)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
