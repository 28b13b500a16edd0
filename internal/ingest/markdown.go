package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// readMarkdown reads Markdown with optional YAML front matter (title, date,
// author or byline, source, url). Text is the body after the front matter,
// byte for byte, and BaseLine is the input line it starts on.
func readMarkdown(name, text string) Article {
	a := Article{ID: name, Path: name}
	matter, body, bodyLine, ok := splitFrontMatter(text)
	if !ok {
		body, bodyLine = text, 1
	}
	if strings.TrimSpace(body) == "" {
		return failed(name, "no article text after the front matter")
	}
	doc := newDoc(name, body)
	doc.BaseLine = bodyLine
	if ok {
		var f frontMatter
		f, a.Notes = parseFrontMatter(matter)
		doc.Title, doc.Byline, doc.Source, doc.URL, doc.Date = f.title, f.byline, f.source, f.url, f.date
	}
	if doc.Title == "" {
		doc.Title = markdownTitle(body)
	}
	a.Doc = doc
	return a
}

// splitFrontMatter splits "---\nYAML\n---\nbody". ok is false when the text
// does not open with a closed front-matter block (then it is all body).
// bodyLine is the 1-based input line the body starts on.
func splitFrontMatter(text string) (matter, body string, bodyLine int, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return "", "", 0, false
	}
	line := 2
	off := len(first) + 1
	for rest != "" {
		l, after, hasNL := strings.Cut(rest, "\n")
		if t := strings.TrimRight(l, " \t\r"); t == "---" || t == "..." {
			matter = text[len(first)+1 : off]
			if hasNL {
				return matter, after, line + 1, true
			}
			return matter, "", line + 1, true
		}
		off += len(l) + 1
		rest = after
		line++
	}
	return "", "", 0, false
}

type frontMatter struct {
	title, byline, source, url string
	date                       time.Time
}

// parseFrontMatter reads the fields it understands from the YAML; what it
// could not use comes back as notes, never as a failure: a bad header
// should not stop the article being checked.
func parseFrontMatter(matter string) (f frontMatter, notes []string) {
	if reason := frontMatterTooCostly(matter); reason != "" {
		return f, []string{"front matter not read: " + reason}
	}
	m, err := decodeFrontMatter(matter)
	if err != nil {
		return f, []string{"front matter not read: " + yamlErrorAtInputLine(err)}
	}
	f.title = yamlString(m, "title")
	f.byline = yamlPeople(m, "author", "authors", "byline")
	f.source = yamlString(m, "source", "publisher", "site")
	f.url = yamlString(m, "url", "link", "canonical_url")
	if raw := yamlString(m, "date", "published", "pubDate", "publishDate"); raw != "" {
		if t, ok := parseDate(raw); ok {
			f.date = t
		} else {
			notes = append(notes, fmt.Sprintf("front matter date %q not understood; the article has no date", raw))
		}
	}
	return f, notes
}

// decodeFrontMatter decodes the YAML, turning a panic inside the YAML
// library into an error.
func decodeFrontMatter(matter string) (m map[string]any, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("the YAML parser failed on it (%v)", r)
		}
	}()
	err = yaml.Unmarshal([]byte(matter), &m)
	return m, err
}

// yamlString returns the first of keys holding a scalar, as text.
func yamlString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := m[k].(type) {
		case nil:
			continue
		case string:
			return strings.TrimSpace(v)
		case map[string]any, []any:
			continue
		default:
			return strings.TrimSpace(fmt.Sprint(v))
		}
	}
	return ""
}

// yamlPeople reads an author field that may be a name, a list of names, or
// a mapping with a name.
func yamlPeople(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s := personNames(m[k]); s != "" {
			return s
		}
	}
	return ""
}

func personNames(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return personNames(v["name"])
	case []any:
		var names []string
		for _, x := range v {
			if s := personNames(x); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// markdownTitle is the first line when it is an ATX heading ("# Title"),
// else the plain-text title rule.
func markdownTitle(body string) string {
	first, _ := firstLine(body)
	if strings.HasPrefix(first, "#") {
		t := strings.TrimSpace(strings.Trim(strings.TrimLeft(first, "#"), " #"))
		if t != "" && strings.HasPrefix(strings.TrimLeft(first, "#"), " ") {
			return t
		}
	}
	return inferTitle(body)
}

// yamlPos is the "[line:col]" goccy/go-yaml puts before its messages.
var yamlPos = regexp.MustCompile(`^\[(\d+):(\d+)\]\s*`)

// yamlErrorAtInputLine renders a YAML error on one line with its position
// in the input file: the front matter starts on line 2.
func yamlErrorAtInputLine(err error) string {
	msg := strings.SplitN(err.Error(), "\n", 2)[0]
	m := yamlPos.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	line, _ := strconv.Atoi(m[1])
	return fmt.Sprintf("line %d column %s: %s", line+1, m[2], msg[len(m[0]):])
}
