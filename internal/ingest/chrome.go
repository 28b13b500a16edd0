package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// minContainedLen is the shortest line matched against the main text by
// containment rather than equality: short chrome ("Share", "Home") would
// otherwise be found inside any article.
const minContainedLen = 40

// chromeBlocks returns the page lines the extractor left out of main, in
// page order, one block per page region (header, share bar, comment
// section, footer…). Lines that repeat the title or byline are metadata, not
// chrome, and are left out.
func chromeBlocks(page, main []textLine, title, byline string) [][]textLine {
	if len(page) == 0 {
		return nil
	}
	inMain := make(map[string]int, len(main))
	var long []string
	for _, l := range main {
		k := lineKey(l.text)
		inMain[k]++
		if len(k) >= minContainedLen {
			long = append(long, k)
		}
	}
	mainJoined := strings.Join(long, "\n")
	titleKey := lineKey(title)
	skip := map[string]bool{titleKey: true}
	if byline != "" {
		skip[lineKey(byline)] = true
		skip[lineKey("By "+byline)] = true
	}

	// Classify every page line first, so the landmarks that hold main text
	// (body, main, the article) are known before blocks are cut.
	isMain := make([]bool, len(page))
	keys := make([]string, len(page)) // each line's lineKey, used again below
	holdsMain := map[*html.Node]bool{}
	for i, l := range page {
		k := lineKey(l.text)
		keys[i] = k
		switch {
		case inMain[k] > 0:
			inMain[k]--
			isMain[i] = true
		case len(k) >= minContainedLen && (strings.Contains(mainJoined, k) || containsAny(k, long)):
			isMain[i] = true
		}
		if isMain[i] {
			for _, n := range l.landmarks {
				holdsMain[n] = true
			}
		}
	}

	var blocks [][]textLine
	var cur []textLine
	var curBox *html.Node
	end := func() {
		if len(cur) > 0 {
			blocks = append(blocks, cur)
		}
		cur, curBox = nil, nil
	}
	for i, l := range page {
		if isMain[i] {
			end()
			continue
		}
		if k := keys[i]; skip[k] || k == "" || isTitleStart(k, titleKey) {
			continue
		}
		box := chromeBox(l.landmarks, holdsMain)
		if len(cur) > 0 && box != curBox {
			end()
		}
		cur = append(cur, l)
		curBox = box
	}
	end()
	return blocks
}

// chromeBox is the outermost landmark around a chrome line that holds no
// main text: the whole comment section rather than its form, the whole
// header rather than its menu. nil when every landmark holds main text.
func chromeBox(landmarks []*html.Node, holdsMain map[*html.Node]bool) *html.Node {
	for _, n := range landmarks {
		if !holdsMain[n] {
			return n
		}
	}
	return nil
}

// isTitleStart reports whether a line is the headline of a title that
// carries more ("Headline | Writer"): the page's h1, not chrome.
func isTitleStart(line, title string) bool {
	return len(line) >= 20 && strings.HasPrefix(title, line+" ")
}

// containsAny reports whether s contains one of the main text's long
// lines (the extractor trimmed a link or button out of a paragraph).
func containsAny(s string, lines []string) bool {
	if len(lines) > 200 {
		return false // keep huge pages linear
	}
	for _, l := range lines {
		if len(l) <= len(s) && strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// lineKey normalises a line for matching: lower case, letters and digits
// only, single spaces, no list bullet.
func lineKey(s string) string {
	s = strings.TrimPrefix(s, "- ")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
