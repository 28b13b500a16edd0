package ingest

import "testing"

func TestSniffFormat(t *testing.T) {
	cases := map[string]string{
		"\xef\xbb\xbf{\"text\": \"x\"}\n":                 FormatJSONL,
		"  \n{\"text\": \"x\"}":                           FormatJSONL,
		"---\ntitle: x\n---\nbody":                        FormatMarkdown,
		"---- a rule, not front matter":                   FormatText,
		"# Heading\n\ntext":                               FormatMarkdown,
		"<!DOCTYPE html><html><body><p>x</p>":             FormatHTML,
		"<p>fragment</p>":                                 FormatHTML,
		"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">":  FormatFeed,
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">":    FormatFeed,
		"<?xml version=\"1.0\"?><rdf:RDF>":                FormatFeed,
		"<?xml version=\"1.0\"?><urlset>":                 FormatFeed,
		"<?xml version=\"1.0\"?><html xmlns=\"x\"><body>": FormatHTML,
		"<html><body><p>About <feed> and <rss> tags</p>":  FormatHTML,
		"Plain headline\n\nPlain body.":                   FormatText,
		"":                                                FormatText,
	}
	for in, want := range cases {
		if got := sniffFormat([]byte(in)); got != want {
			t.Errorf("sniffFormat(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectFormatPrefersForcedThenExtension(t *testing.T) {
	html := []byte("<html><body><p>x</p></body></html>")
	if got := detectFormat("a.TXT", "", html); got != FormatText {
		t.Errorf("extension ignored: %q", got)
	}
	if got := detectFormat("a.txt", FormatHTML, []byte("plain")); got != FormatHTML {
		t.Errorf("forced format ignored: %q", got)
	}
	if got := detectFormat("feed.xml", "", []byte("<?xml version=\"1.0\"?><rss>")); got != FormatFeed {
		t.Errorf(".xml not sniffed: %q", got)
	}
	if got := detectFormat("README", "", html); got != FormatHTML {
		t.Errorf("no extension not sniffed: %q", got)
	}
}
