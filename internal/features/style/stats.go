package style

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gonum.org/v1/gonum/stat"

	"github.com/copydesk/copydesk/internal/document"
)

// Stats are one article's style statistics over its main text (page chrome
// excluded). Rates are per 1,000 words unless named a share (0–1).
type Stats struct {
	Words     int
	Sentences int

	SentLenMean float64 // words per sentence
	SentLenStd  float64
	// SentLenCV is the coefficient of variation of sentence length
	// (std/mean): human writers mix short and long sentences ("burstiness"),
	// generated text is more even.
	SentLenCV      float64
	ShortSentShare float64 // sentences under 8 words
	LongSentShare  float64 // sentences over 35 words

	ParaLenMean float64 // words per paragraph
	ParaLenCV   float64
	// SentsPerPara is the mean number of sentences per paragraph.
	SentsPerPara float64

	// MATTR is the moving-average type-token ratio over 50-word windows,
	// a lexical-diversity measure that does not fall with length as the
	// plain type-token ratio does.
	MATTR float64
	// MTLD is McCarthy & Jarvis's measure of textual lexical diversity:
	// the mean run of words before the running TTR falls to 0.72.
	MTLD       float64
	HapaxShare float64 // share of word types used once

	WordLenMean    float64 // letters per word
	LongWordShare  float64 // words of 7 letters or more
	FunctionShare  float64 // share of words that are function words
	CapitalShare   float64 // share of words capitalised mid-sentence (names)
	NumberPer1k    float64 // words containing a digit
	FirstPersonPer float64 // I, we, me, us, my, our
	SecondPerson   float64 // you, your

	CommaPer1k     float64
	SemicolonPer1k float64
	ColonPer1k     float64
	DashPer1k      float64 // em and en dashes and spaced hyphens
	ParenPer1k     float64
	QuestionPer1k  float64
	ExclaimPer1k   float64
	// QuoteMarkPer1k counts double quotation marks, straight or curly
	// alike: which glyph an article uses says what its CMS does, not how
	// it was written (and in the labelled news only machine text kept
	// curly quotes, a storage quirk a model must not learn).
	QuoteMarkPer1k   float64
	ConnectiveStarts float64 // share of sentences opening with a connective
}

// Feature is one named number.
type Feature struct {
	Name  string
	Value float64
}

// Features lists the statistics under their "style." names. Counts are
// log-scaled so that very long articles do not dominate a linear model.
func (s Stats) Features() []Feature {
	fs := s.featureArray()
	return fs[:]
}

// featureCount is how many features Stats has.
const featureCount = 29

// featureArray is Features as an array, which the analyzer reads without
// a heap allocation per article. ([...] makes a wrong featureCount a
// compile error.)
func (s Stats) featureArray() [featureCount]Feature {
	return [...]Feature{
		{"style.log_words", math.Log1p(float64(s.Words))},
		{"style.log_sentences", math.Log1p(float64(s.Sentences))},
		{"style.sent_len_mean", s.SentLenMean},
		{"style.sent_len_std", s.SentLenStd},
		{"style.sent_len_cv", s.SentLenCV},
		{"style.short_sent_share", s.ShortSentShare},
		{"style.long_sent_share", s.LongSentShare},
		{"style.para_len_mean", s.ParaLenMean},
		{"style.para_len_cv", s.ParaLenCV},
		{"style.sents_per_para", s.SentsPerPara},
		{"style.mattr", s.MATTR},
		{"style.mtld", s.MTLD},
		{"style.hapax_share", s.HapaxShare},
		{"style.word_len_mean", s.WordLenMean},
		{"style.long_word_share", s.LongWordShare},
		{"style.function_share", s.FunctionShare},
		{"style.capital_share", s.CapitalShare},
		{"style.numbers_per_1k", s.NumberPer1k},
		{"style.first_person_per_1k", s.FirstPersonPer},
		{"style.second_person_per_1k", s.SecondPerson},
		{"style.comma_per_1k", s.CommaPer1k},
		{"style.semicolon_per_1k", s.SemicolonPer1k},
		{"style.colon_per_1k", s.ColonPer1k},
		{"style.dash_per_1k", s.DashPer1k},
		{"style.paren_per_1k", s.ParenPer1k},
		{"style.question_per_1k", s.QuestionPer1k},
		{"style.exclaim_per_1k", s.ExclaimPer1k},
		{"style.quote_marks_per_1k", s.QuoteMarkPer1k},
		{"style.connective_start_share", s.ConnectiveStarts},
	}
}

// Measure computes the statistics of doc's main text.
//
// It runs on every article of a batch, so it is written to allocate little:
// each distinct word (lower-cased) is given a small integer once, and the
// lexical-diversity measures count those integers in slices instead of
// maps of strings. The numbers are exactly those of the straightforward
// implementation the scoring model was fitted with (reference_test.go
// keeps it, and TestMeasureMatchesReference compares the two).
func Measure(doc *document.Document) Stats { return MeasureSpan(doc, 0, doc.MainEnd()) }

// MeasureSpan is Measure over the words, sentences and paragraphs of doc
// that start in [start, end): the article's body, read in place (see
// document.BodySpan) without a document of its own.
func MeasureSpan(doc *document.Document, start, end int) Stats {
	var st Stats
	text := doc.Text[:end]

	sc := getScratch()
	defer putScratch(sc)

	all := doc.Words() // in text order
	from := sort.Search(len(all), func(i int) bool { return all[i].Start >= start })
	to := sort.Search(len(all), func(i int) bool { return all[i].Start >= end })
	mainWords := all[from:to]

	sc.reserve(len(mainWords))
	var wordLetters float64
	var longWords, funcWords, capitals, numbers, first, second int
	prevEndsSentence := true
	tokens := doc.Tokens()
	for k, w := range mainWords {
		i := from + k
		raw := doc.Text[w.Start:w.End]
		id := sc.internLower(tokens.Lower(i), tokens.Hash(i))
		sc.ids = append(sc.ids, id)
		kind := sc.kinds[id]
		n := utf8.RuneCountInString(raw)
		wordLetters += float64(n)
		if n >= 7 {
			longWords++
		}
		if kind&kindFunction != 0 {
			funcWords++
		}
		if kind&kindFirstPerson != 0 {
			first++
		}
		if kind&kindSecondPerson != 0 {
			second++
		}
		r, _ := utf8.DecodeRuneInString(raw)
		if unicode.IsDigit(r) || hasASCIIDigit(raw) {
			numbers++
		} else if unicode.IsUpper(r) && !prevEndsSentence && kind&kindI == 0 {
			capitals++
		}
		prevEndsSentence = sentenceBreakBefore(text, w.End)
	}
	st.Words = len(sc.ids)
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
	types := len(sc.kinds)
	st.MATTR = sc.movingTTR(sc.ids, types, 50)
	st.MTLD = sc.mtld(sc.ids, types)
	st.HapaxShare = sc.hapaxShare(sc.ids, types)

	st.sentences(doc, start, end, sc)
	st.paragraphs(doc, start, end, sc)
	st.punctuation(text[start:], per1k)
	return st
}

func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// sentenceBreakBefore reports whether the next word after offset starts a
// new sentence (so its capital letter says nothing about names).
func sentenceBreakBefore(text string, offset int) bool {
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

// wordsWithin returns the words of ws (in text order, starting at or after
// *from) that lie inside s, and advances *from past them. Segmentation never
// cuts a word (document.WordsIn), so this is WordSpans over s without
// tokenising again.
func wordsWithin(ws []document.Span, from *int, s document.Span) []document.Span {
	i := *from
	for i < len(ws) && ws[i].Start < s.Start {
		i++
	}
	j := i
	for j < len(ws) && ws[j].End <= s.End {
		j++
	}
	*from = j
	return ws[i:j]
}

func (st *Stats) sentences(doc *document.Document, start, end int, sc *scratch) {
	lens := sc.lens[:0]
	var short, long, conn int
	words := doc.Words()
	next := 0
	for _, s := range doc.Sentences() {
		if s.Start >= end {
			break
		}
		if s.End <= start {
			continue
		}
		// A sentence running into or past the body is cut where the body
		// begins and ends, as the body on its own would cut it.
		s.Start, s.End = max(s.Start, start), min(s.End, end)
		ws := wordsWithin(words, &next, s)
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
		if sc.opensWithConnective(doc.Text, ws) {
			conn++
		}
	}
	sc.lens = lens
	st.Sentences = len(lens)
	if len(lens) == 0 {
		return
	}
	st.SentLenMean, st.SentLenStd = meanStd(lens)
	st.SentLenCV = cv(st.SentLenMean, st.SentLenStd)
	st.ShortSentShare = float64(short) / float64(len(lens))
	st.LongSentShare = float64(long) / float64(len(lens))
	st.ConnectiveStarts = float64(conn) / float64(len(lens))
}

// opensWithConnective checks the sentence's first one to four words
// against the connective list ("However", "In addition", "On the other hand").
// The phrase is lower-cased into a reused buffer: looking a []byte up as a
// map key does not allocate.
func (sc *scratch) opensWithConnective(text string, ws []document.Span) bool {
	phrase := sc.buf[:0]
	for i := 0; i < len(ws) && i < 4; i++ {
		if i > 0 {
			phrase = append(phrase, ' ')
		}
		phrase = appendLower(phrase, text[ws[i].Start:ws[i].End])
		kind := connectivePrefixes[string(phrase)]
		if kind&isConnective != 0 {
			sc.buf = phrase
			return true
		}
		if kind&beginsConnective == 0 {
			break // no connective goes on from here
		}
	}
	sc.buf = phrase
	return false
}

func (st *Stats) paragraphs(doc *document.Document, start, end int, sc *scratch) {
	lens := sc.lens[:0]
	sentsIn := 0
	words := doc.Words()
	next := 0
	for _, p := range doc.Paragraphs() {
		if p.Start >= end {
			break
		}
		if p.End <= start {
			continue
		}
		p.Start, p.End = max(p.Start, start), min(p.End, end)
		n := len(wordsWithin(words, &next, p))
		if n == 0 {
			continue
		}
		lens = append(lens, float64(n))
	}
	sc.lens = lens
	for _, s := range doc.Sentences() {
		if s.End > start && s.Start < end {
			sentsIn++
		}
	}
	if len(lens) == 0 {
		return
	}
	var std float64
	st.ParaLenMean, std = meanStd(lens)
	st.ParaLenCV = cv(st.ParaLenMean, std)
	st.SentsPerPara = float64(sentsIn) / float64(len(lens))
}

// punctuation counts marks with strings.Count, which scans for one byte
// many at a time: every mark but the dashes and curly quotes is ASCII, and
// no byte of a multi-byte character is.
func (st *Stats) punctuation(text string, per1k func(int) float64) {
	comma := strings.Count(text, ",")
	semi := strings.Count(text, ";")
	colon := strings.Count(text, ":")
	dash := strings.Count(text, "—") + strings.Count(text, "–")
	// A hyphen with a space either side is a dash too (" - - " holds two).
	for i := 1; i+1 < len(text); i++ {
		k := strings.IndexByte(text[i:len(text)-1], '-')
		if k < 0 {
			break
		}
		i += k
		if text[i-1] == ' ' && text[i+1] == ' ' {
			dash++
		}
	}
	paren := strings.Count(text, "(")
	question := strings.Count(text, "?")
	exclaim := strings.Count(text, "!")
	quotes := strings.Count(text, `"`) + strings.Count(text, "“") + strings.Count(text, "”")
	st.CommaPer1k = per1k(comma)
	st.SemicolonPer1k = per1k(semi)
	st.ColonPer1k = per1k(colon)
	st.DashPer1k = per1k(dash)
	st.ParenPer1k = per1k(paren)
	st.QuestionPer1k = per1k(question)
	st.ExclaimPer1k = per1k(exclaim)
	st.QuoteMarkPer1k = per1k(quotes)
}

func meanStd(xs []float64) (mean, std float64) {
	if len(xs) < 2 {
		if len(xs) == 1 {
			return xs[0], 0
		}
		return 0, 0
	}
	return stat.MeanStdDev(xs, nil)
}

func cv(mean, std float64) float64 {
	if mean == 0 {
		return 0
	}
	return std / mean
}

// movingTTR averages the type-token ratio of every window of size words;
// texts shorter than a window get their plain type-token ratio.
func movingTTR(words []string, size int) float64 {
	sc := getScratch()
	defer putScratch(sc)
	ids := sc.internAll(words)
	return sc.movingTTR(ids, len(sc.kinds), size)
}

// mtld is the bidirectional MTLD (McCarthy & Jarvis 2010) with the usual
// 0.72 type-token threshold.
func mtld(words []string) float64 {
	sc := getScratch()
	defer putScratch(sc)
	ids := sc.internAll(words)
	return sc.mtld(ids, len(sc.kinds))
}
