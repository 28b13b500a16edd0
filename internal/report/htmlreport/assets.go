package htmlreport

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
)

// The page's shell, style and script are plain files so they can be edited
// and reviewed as HTML, CSS and JavaScript.
//
//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var assetFS embed.FS

var assets = loadAssets()

type pageAssets struct {
	page *template.Template
	css  string
	js   string
	// csp allows exactly the inline style and script above and nothing
	// else: no network, and no script that escaped into the page by mistake.
	csp string
}

func loadAssets() pageAssets {
	read := func(name string) string {
		b, err := assetFS.ReadFile(name)
		if err != nil {
			panic("htmlreport: embedded asset missing: " + name) // build is broken
		}
		return string(b)
	}
	a := pageAssets{
		page: template.Must(template.New("report.html.tmpl").Parse(read("assets/report.html.tmpl"))),
		css:  read("assets/report.css"),
		js:   read("assets/report.js"),
	}
	a.csp = "default-src 'none'; img-src data:; style-src '" + sha256Source(a.css) + "'; script-src '" + sha256Source(a.js) + "'"
	return a
}

func sha256Source(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
