package style

// This file keeps, verbatim but renamed, the implementation of Measure as
// it stood when the committed scoring model was fitted (map-based MATTR,
// MTLD and hapax share, one lower-cased string per word). The fast
// implementation must give the same numbers (the model's weights were
// fitted on them): TestMeasureMatchesReference compares the two.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gonum.org/v1/gonum/stat"

	"github.com/copydesk/copydesk/internal/document"
)

// Measure computes the statistics of doc's main text.
func refMeasure(doc *document.Document) Stats {
	var st Stats
	end := doc.MainEnd()
	text := doc.Text[:end]

	var words []string // lower-cased
	var wordLetters float64
	var longWords, funcWords, capitals, numbers, first, second int
	prevEndsSentence := true
	for _, w := range doc.Words() {
		if w.Start >= end {
			break
		}
		raw := doc.Text[w.Start:w.End]
		lw := strings.ToLower(raw)
		words = append(words, lw)
		n := utf8.RuneCountInString(raw)
		wordLetters += float64(n)
		if n >= 7 {
			longWords++
		}
		if functionWords[lw] {
			funcWords++
		}
		switch lw {
		case "i", "we", "me", "us", "my", "our":
			first++
		case "you", "your":
			second++
		}
		r, _ := utf8.DecodeRuneInString(raw)
		if unicode.IsDigit(r) || strings.ContainsAny(raw, "0123456789") {
			numbers++
		} else if unicode.IsUpper(r) && !prevEndsSentence && lw != "i" {
			capitals++
		}
		prevEndsSentence = refSentenceBreakBefore(text, w.End)
	}
	st.Words = len(words)
	nw := float64(max(st.Words, 1))
	per1k := func(k int) float64 { return 1000 * float64(k) / nw }
	share := func(k, n int) float64 {
		if n == 0 {
			return 0
		}
		return float64(k) / float64(n)
	}

	st.WordLenMean = wordLetters / nw
	st.LongWordShare = share(longWords, st.Words)
	st.FunctionShare = share(funcWords, st.Words)
	st.CapitalShare = share(capitals, st.Words)
	st.NumberPer1k = per1k(numbers)
	st.FirstPersonPer = per1k(first)
	st.SecondPerson = per1k(second)
	st.MATTR = refMovingTTR(words, 50)
	st.MTLD = refMtld(words)
	st.HapaxShare = refHapaxShare(words)

	st.refSentences(doc, end)
	st.refParagraphs(doc, end)
	st.refPunctuation(text, per1k)
	return st
}

// sentenceBreakBefore reports whether the next word after offset starts a
// new sentence (so its capital letter says nothing about names).
func refSentenceBreakBefore(text string, offset int) bool {
	for i := offset; i < len(text); i++ {
		switch text[i] {
		case ' ', '\t', '"', '\'', ')':
			continue
		case '.', '!', '?', '\n', ':':
			return true
		}
		return false
	}
	return true
}

func (st *Stats) refSentences(doc *document.Document, end int) {
	var lens []float64
	var short, long, conn int
	for _, s := range doc.Sentences() {
		if s.Start >= end {
			break
		}
		ws := document.WordSpans(doc.Text, s.Start, s.End, nil)
		if len(ws) == 0 {
			continue
		}
		n := float64(len(ws))
		lens = append(lens, n)
		if n < 8 {
			short++
		}
		if n > 35 {
			long++
		}
		if refOpensWithConnective(doc.Text, ws) {
			conn++
		}
	}
	st.Sentences = len(lens)
	if len(lens) == 0 {
		return
	}
	st.SentLenMean, st.SentLenStd = refMeanStd(lens)
	st.SentLenCV = refCv(st.SentLenMean, st.SentLenStd)
	st.ShortSentShare = float64(short) / float64(len(lens))
	st.LongSentShare = float64(long) / float64(len(lens))
	st.ConnectiveStarts = float64(conn) / float64(len(lens))
}

// opensWithConnective checks the sentence's first one to four words
// against the connective list ("However", "In addition", "On the other hand").
func refOpensWithConnective(text string, ws []document.Span) bool {
	phrase := ""
	for i := 0; i < len(ws) && i < 4; i++ {
		w := strings.ToLower(text[ws[i].Start:ws[i].End])
		if i == 0 {
			phrase = w
		} else {
			phrase += " " + w
		}
		if connectives[phrase] {
			return true
		}
	}
	return false
}

func (st *Stats) refParagraphs(doc *document.Document, end int) {
	var lens []float64
	sentsIn := 0
	for _, p := range doc.Paragraphs() {
		if p.Start >= end {
			break
		}
		n := len(document.WordSpans(doc.Text, p.Start, p.End, nil))
		if n == 0 {
			continue
		}
		lens = append(lens, float64(n))
	}
	for _, s := range doc.Sentences() {
		if s.Start < end {
			sentsIn++
		}
	}
	if len(lens) == 0 {
		return
	}
	var std float64
	st.ParaLenMean, std = refMeanStd(lens)
	st.ParaLenCV = refCv(st.ParaLenMean, std)
	st.SentsPerPara = float64(sentsIn) / float64(len(lens))
}

func (st *Stats) refPunctuation(text string, per1k func(int) float64) {
	var comma, semi, colon, dash, paren, question, exclaim, quotes int
	for i, r := range text {
		switch r {
		case ',':
			comma++
		case ';':
			semi++
		case ':':
			colon++
		case '—', '–':
			dash++
		case '-':
			if i > 0 && i+1 < len(text) && text[i-1] == ' ' && text[i+1] == ' ' {
				dash++
			}
		case '(':
			paren++
		case '?':
			question++
		case '!':
			exclaim++
		case '"', '“', '”':
			quotes++
		}
	}
	st.CommaPer1k = per1k(comma)
	st.SemicolonPer1k = per1k(semi)
	st.ColonPer1k = per1k(colon)
	st.DashPer1k = per1k(dash)
	st.ParenPer1k = per1k(paren)
	st.QuestionPer1k = per1k(question)
	st.ExclaimPer1k = per1k(exclaim)
	st.QuoteMarkPer1k = per1k(quotes)
}

func refMeanStd(xs []float64) (mean, std float64) {
	if len(xs) < 2 {
		if len(xs) == 1 {
			return xs[0], 0
		}
		return 0, 0
	}
	return stat.MeanStdDev(xs, nil)
}

func refCv(mean, std float64) float64 {
	if mean == 0 {
		return 0
	}
	return std / mean
}

// movingTTR averages the type-token ratio of every window of size words;
// texts shorter than a window get their plain type-token ratio.
func refMovingTTR(words []string, size int) float64 {
	if len(words) == 0 {
		return 0
	}
	if len(words) <= size {
		return float64(len(refDistinct(words))) / float64(len(words))
	}
	counts := map[string]int{}
	for _, w := range words[:size] {
		counts[w]++
	}
	sum := float64(len(counts))
	windows := 1
	for i := size; i < len(words); i++ {
		out := words[i-size]
		if counts[out]--; counts[out] == 0 {
			delete(counts, out)
		}
		counts[words[i]]++
		sum += float64(len(counts))
		windows++
	}
	return sum / float64(windows) / float64(size)
}

// mtld is the bidirectional MTLD (McCarthy & Jarvis 2010) with the usual
// 0.72 type-token threshold.
func refMtld(words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	rev := make([]string, len(words))
	for i, w := range words {
		rev[len(words)-1-i] = w
	}
	return (refMtldOneWay(words) + refMtldOneWay(rev)) / 2
}

func refMtldOneWay(words []string) float64 {
	const threshold = 0.72
	factors := 0.0
	seen := map[string]bool{}
	tokens := 0
	for _, w := range words {
		tokens++
		seen[w] = true
		if float64(len(seen))/float64(tokens) <= threshold {
			factors++
			seen = map[string]bool{}
			tokens = 0
		}
	}
	if tokens > 0 {
		ttr := float64(len(seen)) / float64(tokens)
		factors += (1 - ttr) / (1 - threshold)
	}
	if factors == 0 {
		return float64(len(words))
	}
	return float64(len(words)) / factors
}

func refHapaxShare(words []string) float64 {
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	if len(counts) == 0 {
		return 0
	}
	once := 0
	for _, c := range counts {
		if c == 1 {
			once++
		}
	}
	return float64(once) / float64(len(counts))
}

func refDistinct(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}
