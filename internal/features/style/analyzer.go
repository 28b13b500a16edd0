// Package style is copydesk's style analyzer (stub: being built).
package style

import "github.com/copydesk/copydesk/internal/analysis"

// Analyzer finds style evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "style",
	Doc:  "style evidence (not yet implemented)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
