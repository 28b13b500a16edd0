package document

import (
	"bytes"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// News-site furniture is the print of the page around a report: timestamps,
// datelines, bylines, photo captions and credits, "ADVERTISEMENT", share
// and follow prompts, navigation and tag lines, reading-time lines and
// related-story lists. Every real news page carries it, and a scraper keeps
// it in plain text, so it is no evidence that an article was generated: it
// is reported (at info) and never scored. What only a careless generation
// pipeline leaves (chatbot residue, placeholders, template labels inside the
// body, SEO scaffolding, a comment form or rating widget) is not furniture.
//
// Furniture is recognised line by line: a line is furniture when all of it
// is one of the shapes below, never for a phrase inside a prose sentence.

// Furniture returns the lines of Text that are news-site furniture, in
// order. It is computed once per document.
func (d *Document) Furniture() []Span {
	d.furnitureOnce.Do(func() { d.furniture = findFurniture(d.Text, d.Lines()) })
	return d.furniture
}

// InFurniture reports whether offset lies on a furniture line.
func (d *Document) InFurniture(offset int) bool {
	fs := d.Furniture()
	i := sort.Search(len(fs), func(i int) bool { return fs[i].End > offset })
	return i < len(fs) && fs[i].Start <= offset
}

// maxFurnitureWords bounds every furniture shape but captions: furniture
// lines are labels, not prose.
const maxFurnitureWords = 16

// maxCaptionWords bounds a photo caption with its credit.
const maxCaptionWords = 70

// maxListedHeadlines is how many headline-like lines after a "Related" or
// "Also read" label are taken as the list it introduces.
const maxListedHeadlines = 8

func findFurniture(text string, lines []Span) []Span {
	var out []Span
	listing := 0    // headline lines still expected after a related-stories label
	var prev Span   // the last non-blank line, trimmed
	prevIn := false // whether prev is in out
	for _, l := range lines {
		s, e := trimSpan(text, l.Start, l.End)
		if s >= e {
			listing = 0 // a blank line ends a related-stories list
			continue
		}
		line := text[s:e]
		words := CountFields(line, maxCaptionWords+1)
		kind := furnitureKind(line, words)
		if prev.End > prev.Start && captionTwins(text[prev.Start:prev.End], line, prevIn, kind != notFurniture) {
			// A page prints a photo's description and then its caption
			// with the credit appended: both are the caption.
			if kind == notFurniture {
				kind = furnitureLine
			} else if !prevIn {
				out = append(out, prev)
			}
		}
		prev, prevIn = Span{s, e}, kind != notFurniture
		switch {
		case kind == furnitureListLabel:
			listing = maxListedHeadlines
		case kind != notFurniture:
			listing = 0
		case listing > 0 && looksLikeListedHeadline(line, words):
			kind = furnitureListItem
			listing--
		default:
			listing = 0
		}
		if kind != notFurniture {
			out = append(out, Span{s, e})
		}
	}
	return captionRepeats(text, lines, out)
}

// captionMaxGap is how many short lines (a photographer's name, an
// agency, a slash) may stand between a photo's caption and its twin.
const captionMaxGap = 4

// captionRepeats adds to furniture (sorted) the photo captions a page
// prints twice, the image's description and then its caption, with the
// credit on short lines between ("Long Wei / VCG via Getty Images",
// "FPREN"): the same line of at least minCaptionTwinWords words, and only
// such short lines, at least one of them, between the two. A generator
// repeating itself does so in running paragraphs, which stay main text.
func captionRepeats(text string, lines []Span, furniture []Span) []Span {
	in := func(off int) bool {
		i := sort.Search(len(furniture), func(i int) bool { return furniture[i].End > off })
		return i < len(furniture) && furniture[i].Start <= off
	}
	var found []Span
	for i, l := range lines {
		s, e := trimSpan(text, l.Start, l.End)
		if s >= e || in(s) || CountFields(text[s:e], minCaptionTwinWords) < minCaptionTwinWords {
			continue
		}
		credit := false // a non-blank short line seen between
		for j := i + 1; j < len(lines) && j-i-1 <= captionMaxGap; j++ {
			ts, te := trimSpan(text, lines[j].Start, lines[j].End)
			if credit && text[ts:te] == text[s:e] {
				found = append(found, Span{s, e}, Span{ts, te})
				break
			}
			n := CountFields(text[ts:te], 5)
			if n > 4 {
				break
			}
			credit = credit || n > 0
		}
	}
	if len(found) == 0 {
		return furniture
	}
	furniture = append(furniture, found...)
	sort.Slice(furniture, func(i, j int) bool { return furniture[i].Start < furniture[j].Start })
	return slices.CompactFunc(furniture, func(a, b Span) bool { return a == b })
}

// minCaptionTwinWords keeps short lines (a name, a label) from being taken
// for a caption's twin.
const minCaptionTwinWords = 6

// captionTwins reports whether two adjacent lines are one photo caption
// printed twice, one of them with its credit: exactly one is furniture, it
// carries a credit, and it begins with the other line's words.
func captionTwins(a, b string, aIn, bIn bool) bool {
	if aIn == bIn {
		return false
	}
	plain, captioned := a, b
	if aIn {
		plain, captioned = b, a
	}
	return len(captioned) > len(plain) && strings.HasPrefix(captioned, plain) &&
		CountFields(plain, minCaptionTwinWords) >= minCaptionTwinWords &&
		mayCarryCredit(captioned[len(plain):]) && captionCredit.MatchString(captioned[len(plain):])
}

type furnitureShape int

const (
	notFurniture furnitureShape = iota
	furnitureLine
	furnitureListLabel // "Related stories", "Also read:": a list may follow
	furnitureListItem
)

var (
	// Labels that stand alone on a line (case-insensitive, whole line, an
	// optional trailing colon or count).
	furnitureLabels = regexp.MustCompile(`(?i)^(advertisement|advertisment|sponsored( content)?|story continues below( advertisement)?|ad|` +
		`posted|updated|published|share|share this( article| story| post)?|share on [a-z]+|tweet|email|print|copy link|save|listen|listen to (this )?article|` +
		`follow us( on [a-z ]+)?|skip to (main )?content|skip to main menu|live updates|live|watch|video|photos?|gallery|` +
		`close|menu|search|home|top stories|latest( news| stories| updates| developments)?|most read|most popular|trending( now)?|` +
		`recommended( for you)?|you may also like|more (news|stories)|editor'?s picks|` +
		`something went wrong\.?|please try again later\.?|oops!?|loading\.*|` +
		`(world|national|local|us|u\.s\.|international|business|political|breaking) news|news|world|business|politics|sports?|` +
		`entertainment|opinion|technology|tech|health|science|markets|economy|lifestyle|culture|travel|politics & government)[:.]?$`)

	// Labels that introduce a list of related stories.
	furnitureListLabels = regexp.MustCompile(`(?i)^(related|related (posts|stories|articles|news|coverage|content|topics|reading)|` +
		`also read|read also|read more|more from [\w .'-]+|more on this story|latest stories|see also|recommended stories|` +
		`more stories|further reading|top stories|you might also like)\s*[:|]?\s*$`)

	// Labels that begin a furniture line and take the rest of it (tags,
	// breadcrumbs, categories, a linked related headline).
	furniturePrefixes = regexp.MustCompile(`(?i)^(tags?|topics?|keywords|filed under|categories|category|post category|section|` +
		`related|related (posts?|stories|articles|news)|also read|read also|read more|see also|more from [\w.'-]+|latest stories|` +
		`watch|listen|photo|photos|image|images|video|credit|credits|source image|file photo|pictured|caption|` +
		`published|updated|last updated|first published|posted|posted on|date|reading time|read time|written by|author|reporting by|` +
		`edited by|additional reporting by|compiled by)\s*[:|]`)

	// Words of a timestamp or dateline: months, weekdays, time zones,
	// and the labels printed beside them.
	dateWord = regexp.MustCompile(`(?i)^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|` +
		`mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|` +
		`am|pm|a\.m\.?|p\.m\.?|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|ist|jst|kst|aest|aedt|hkt|sgt|wat|eat|` +
		`published|updated|last|first|posted|on|at|by|and|min|mins|minutes?|read|reading|time|views?|comments?|ago|hours?|days?|today|yesterday|` +
		`st|nd|rd|th|of|-|–|—|\||:|::|/|·|•|,)$`)

	numberish = regexp.MustCompile(`^[\d:./,\-–]+(am|pm|h|st|nd|rd|th)?$`)

	// A byline: "By Jane Roe", "By Jane Roe and John Doe", "By AFP",
	// "Jane Roe | Reuters"-style credits are left to the prefix labels.
	bylinePattern = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}'’.\-]*|\p{Lu}{2,})(\s+(\p{Lu}[\p{L}'’.\-]*|and|&|de|da|van|von|der|del|al|bin|le|la|,))*\s*(,\s*[\p{L} ]{2,40})?\.?$`)

	// A reading-time line: "2 min read", "Reading time: 4 minutes".
	readingTime = regexp.MustCompile(`(?i)\b\d+\s*(min|mins|minute|minutes)\s+read\b|\breading time\b`)

	// Photo and video credits printed in captions.
	captionCredit = regexp.MustCompile(`(?i)((^|\(|[.!?]\s)\s*(photo(graph)?|image|picture|credit|camera icon)s?\s*(courtesy\s*)?(:|by\b|credit)|\(photo\b|\bphoto\s*/|` +
		`getty images|\bap photo\b|/\s*ap\b|\bap/|reuters/|/\s*reuters\b|/\s*afp\b|\bafp via getty|\bafp/|\bepa(-efe)?\b/|/\s*epa\b|` +
		`the canadian press/|\baap image\b|/\s*aap\b|\bfile photo\b|\bscreenshot (from|of)\b|\bscreengrab\b|\bx/\s*@|` +
		`\bshutterstock\b|\balamy\b|\bpa (wire|media)\b|\bimagn images\b)`)

	// A dateline opens a report's first paragraph ("VATICAN CITY — ",
	// "OTTAWA (Reuters) -"): such a line is the story, whatever credit
	// it cites.
	dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .,'’]{2,40}(\s*\([^)]{1,30}\))?\s*(—|–|-)\s`)

	// Legal footer lines of the site, not of the article.
	legalLine = regexp.MustCompile(`(?i)^(©|\(c\)\s|copyright\b)|all rights reserved|do not sell or share my personal information|` +
		`^privacy policy|^terms of (use|service)|^cookie (policy|settings)`)

	// An audio player's own line.
	audioLine = regexp.MustCompile(`(?i)^(\d{1,2}:\d{2}(\s*/\s*\d{1,2}:\d{2})?|this audio is (auto-?)?generated[\w ,]*\.?|listen to (this|the) (article|story)[\w ,():]*|` +
		`audio (is )?(generated|available)[\w ,]*\.?)$`)

	// Breadcrumbs: "Home > News > World", "Home » Politics".
	breadcrumb = regexp.MustCompile(`^\p{Lu}[\p{L} &]{1,30}(\s*(>|»|›|/|\|)\s*\p{Lu}[\p{L} &'’\-]{1,40}){1,6}$`)
)

// furnitureKind says whether a whole (trimmed, non-blank) line is
// furniture.
func furnitureKind(line string, words int) furnitureShape {
	bare := strings.TrimLeft(line, "#*•·-–— \t")
	bare = strings.TrimRight(bare, "* \t")
	if bare == "" {
		return notFurniture
	}
	if words > maxCaptionWords {
		return notFurniture // running text: the common case, decided without a pattern
	}
	if words <= maxFurnitureWords && furnitureListLabels.MatchString(bare) {
		return furnitureListLabel
	}
	if mayCarryCredit(line) && captionCredit.MatchString(line) && !dateline.MatchString(line) {
		return furnitureLine
	}
	if words > maxFurnitureWords {
		return notFurniture
	}
	switch {
	case furnitureLabels.MatchString(bare),
		furniturePrefixes.MatchString(bare),
		mayMatchASCII(bare, legalMarks) && legalLine.MatchString(bare),
		audioLine.MatchString(bare),
		mayMatchASCII(bare, readingMarks) && readingTime.MatchString(bare),
		bylinePattern.MatchString(bare) && words <= 10,
		isTimestamp(bare),
		isTagList(bare),
		breadcrumb.MatchString(bare) && !endsSentence(bare):
		return furnitureLine
	}
	return notFurniture
}

// legalMarks and readingMarks hold, lower case, the words one of which
// every match of legalLine (after "©", which is not ASCII) and of
// readingTime contains: most short lines have none, and a substring test
// is much cheaper than either pattern.
var (
	legalMarks   = []string{"(c)", "copyright", "all rights reserved", "do not sell or share my personal information", "privacy policy", "terms of ", "cookie "}
	readingMarks = []string{"min", "reading time"}
)

// mayMatchASCII is false only when line is ASCII and holds none of marks
// in any case. A line with other bytes always may match: a pattern's (?i)
// folds beyond ASCII ("ſ" matches s, the Kelvin sign k).
func mayMatchASCII(line string, marks []string) bool {
	var buf [256]byte
	if len(line) > len(buf) {
		return true
	}
	lower := buf[:len(line)]
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	for _, m := range marks {
		if bytes.Contains(lower, []byte(m)) {
			return true
		}
	}
	return false
}

// creditMarks are the words or marks every caption credit captionCredit
// knows holds one of (lower case): a line with none of them needs no
// pattern, which keeps furniture detection cheap on long paragraphs.
var creditMarks = []string{"/", "photo", "image", "picture", "credit", "camera", "getty", "screen", "shutterstock",
	"alamy", "imagn", "pa wire", "pa media", "aap", "courtesy"}

// mayCarryCredit is a quick test that line could match captionCredit.
func mayCarryCredit(line string) bool {
	var buf [512]byte
	lower := buf[:0]
	for i := 0; i < len(line); i++ {
		c := line[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	for _, m := range creditMarks {
		if bytes.Contains(lower, []byte(m)) {
			return true
		}
	}
	return false
}

// isTimestamp reports a line made of a date or time and the words printed
// around one ("Published: 07 Oct. 2025, 13:49", "8/11/25 10:39AM",
// "Thursday, 06 March 2025 09:58 AM EST"): at least one number, and every
// token a number, a date word or a short label.
func isTimestamp(line string) bool {
	numbers, dates := 0, 0
	for _, tok := range strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' }) {
		t := strings.Trim(tok, ".:|")
		if t == "" {
			continue
		}
		switch {
		case numberish.MatchString(strings.ToLower(t)):
			numbers++
		case dateWord.MatchString(t):
			dates++
		case len(t) >= 3 && numberish.MatchString(strings.ToLower(t[:len(t)-2])) && dateWord.MatchString(t[len(t)-2:]):
			numbers++ // "10:39AM"
		default:
			return false
		}
	}
	return numbers > 0 && numbers+dates >= 2
}

// isTagList reports a keyword line: four or more short comma-separated
// items and no sentence ending.
func isTagList(line string) bool {
	if endsSentence(line) || strings.Count(line, ",") < 3 {
		return false
	}
	for _, item := range strings.Split(line, ",") {
		item = strings.TrimSpace(item)
		if item == "" || len(strings.Fields(item)) > 4 {
			return false
		}
	}
	return true
}

// looksLikeListedHeadline reports a line that can stand in a related-stories
// list: short, no sentence-ending full stop, not a quotation.
func looksLikeListedHeadline(line string, words int) bool {
	if words > maxFurnitureWords || strings.HasSuffix(line, ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return !strings.ContainsRune(`"“‘'`, r)
}

// Prose returns the running text of the article: the main text without
// its furniture lines and without display lines (a headline, a subhead, a
// list label: a short line with no sentence ending). It is what the
// statistical profiles measure, so that a timestamp, a caption credit or a
// page's headline stack cannot move a word-choice or style statistic.
// Dropped lines leave their line break, keeping paragraphs apart.
func (d *Document) Prose() string {
	d.proseOnce.Do(func() { d.prose = d.mainLines(true) })
	return d.prose
}

// ProseWordCount is the number of words in Prose: what the statistical
// profiles measured, which on a page of headlines, captions and links can
// be far fewer than WordCount.
func (d *Document) ProseWordCount() int { return CountFields(d.Prose(), math.MaxInt) }

// MainText returns the main text without its furniture lines: the article
// as written, headlines and subheads included.
func (d *Document) MainText() string { return d.mainLines(false) }

// BodySpan is BodyText as a span of Text, when it is one: a document
// without furniture or extractor chrome (inPlace) has its body in
// [start, end), and a reader can measure it there without copying or
// segmenting it again. Otherwise inPlace is false and BodyText builds the
// body.
func (d *Document) BodySpan() (start, end int, inPlace bool) {
	if len(d.Furniture()) > 0 || d.MainEnd() != len(d.Text) {
		return 0, 0, false
	}
	if start, end = runningLines(d.Text); start < 0 {
		return 0, len(d.Text), true // no running line: the whole text
	}
	return start, end, true
}

// BodyText is MainText from its first line of running text to its last:
// the stack of short lines a page opens with (site sections, headline,
// dateline, caption) and the lines it closes with (an author's name, a
// sign-off) are left out, the subheads between paragraphs kept. It is
// what the style profile reads: a page's real chrome and a generator's
// imitation of chrome look the same to a statistic, so the imitation is
// left to the rules that name it (comment forms, admin bylines, widgets).
// A text with no running line at all is returned whole.
func (d *Document) BodyText() string {
	main := d.MainText()
	first, last := runningLines(main)
	if first < 0 {
		return main
	}
	// Blank lines keep the line structure before the body, as mainLines does.
	return strings.Repeat("\n", strings.Count(main[:first], "\n")) + main[first:last] + "\n"
}

// runningLines returns where the first line of s that is running text
// (neither blank nor a display line) starts and where the last one ends;
// -1, -1 when s has none.
func runningLines(s string) (first, last int) {
	first, last = -1, -1
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		if line := s[start:end]; strings.TrimSpace(line) != "" && !isDisplayLine(line) {
			if first < 0 {
				first = start
			}
			last = end
		}
		start = end + 1
	}
	return first, last
}

func (d *Document) mainLines(dropDisplay bool) string {
	end := min(d.MainEnd(), d.TrailerStart())
	var b strings.Builder
	b.Grow(end)
	for _, l := range d.Lines() {
		if l.Start >= end {
			break
		}
		if d.InFurniture(l.Start) || dropDisplay && isDisplayLine(d.Text[l.Start:min(l.End, end)]) {
			b.WriteByte('\n')
			continue
		}
		b.WriteString(d.Text[l.Start:min(l.End, end)])
		b.WriteByte('\n')
	}
	return b.String()
}

// minWordsBeforeTrailer is how much text must stand before a copyright
// line for it to close the article: a page that opens with its site's
// copyright has not ended.
const minWordsBeforeTrailer = 50

// TrailerStart is where the site's footer begins in plain text: the first
// copyright or legal line ("© 2025 Thomson/Reuters. All rights reserved.")
// after at least minWordsBeforeTrailer words; len(Text) when there is none.
// What follows it on a scraped page (newsletter sign-ups, comment prompts,
// trademark notices, a teaser of the same story) is the site's, not the
// article's: the statistical profiles (Prose, MainText) stop there. The
// HTML extractor marks such chrome itself (MainEnd).
func (d *Document) TrailerStart() int {
	d.trailerOnce.Do(func() {
		d.trailer = len(d.Text)
		for _, f := range d.Furniture() {
			line := d.Text[f.Start:f.End]
			if !mayMatchASCII(line, legalMarks) || !legalLine.MatchString(line) {
				continue
			}
			if CountFields(d.Text[:f.Start], minWordsBeforeTrailer) >= minWordsBeforeTrailer {
				d.trailer = f.Start
				return
			}
		}
	})
	return d.trailer
}

// maxDisplayWords bounds a display line: longer lines without a sentence
// ending are running text cut short (an excerpt), not headlines.
const maxDisplayWords = 20

// isDisplayLine reports a short non-blank line that does not end a
// sentence.
func isDisplayLine(line string) bool {
	t := strings.TrimSpace(line)
	t = strings.TrimRight(t, `"'”’)*`)
	if t == "" || CountFields(t, maxDisplayWords+1) > maxDisplayWords {
		return false
	}
	return !strings.ContainsAny(t[len(t)-1:], ".!?:;")
}

// CountFields is len(strings.Fields(s)) when that is below limit, and limit
// otherwise. Callers compare a line's word count with small bounds, and
// counting in place spares a slice per line of every article.
func CountFields(s string, limit int) int {
	n := 0
	inField := false
	for i := 0; i < len(s); {
		c := s[i]
		space := false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inField = false
			continue
		}
		if !inField {
			inField = true
			if n++; n >= limit {
				return limit
			}
		}
	}
	return n
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports, as strings.Fields reads them.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
