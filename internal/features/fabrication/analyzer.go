// Package fabrication is copydesk's fabrication analyzer (stub: being built).
package fabrication

import "github.com/copydesk/copydesk/internal/analysis"

// Analyzer finds fabrication evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "fabrication",
	Doc:  "fabrication evidence (not yet implemented)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
