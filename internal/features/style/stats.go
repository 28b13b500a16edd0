package style

import (
	"math"
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
	return []Feature{
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
func Measure(doc *document.Document) Stats {
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
		prevEndsSentence = sentenceBreakBefore(text, w.End)
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
	st.MATTR = movingTTR(words, 50)
	st.MTLD = mtld(words)
	st.HapaxShare = hapaxShare(words)

	st.sentences(doc, end)
	st.paragraphs(doc, end)
	st.punctuation(text, per1k)
	return st
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

func (st *Stats) sentences(doc *document.Document, end int) {
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
		if opensWithConnective(doc.Text, ws) {
			conn++
		}
	}
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
func opensWithConnective(text string, ws []document.Span) bool {
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

func (st *Stats) paragraphs(doc *document.Document, end int) {
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
	st.ParaLenMean, std = meanStd(lens)
	st.ParaLenCV = cv(st.ParaLenMean, std)
	st.SentsPerPara = float64(sentsIn) / float64(len(lens))
}

func (st *Stats) punctuation(text string, per1k func(int) float64) {
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
	if len(words) == 0 {
		return 0
	}
	if len(words) <= size {
		return float64(len(distinct(words))) / float64(len(words))
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
func mtld(words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	rev := make([]string, len(words))
	for i, w := range words {
		rev[len(words)-1-i] = w
	}
	return (mtldOneWay(words) + mtldOneWay(rev)) / 2
}

func mtldOneWay(words []string) float64 {
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

func hapaxShare(words []string) float64 {
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

func distinct(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}
