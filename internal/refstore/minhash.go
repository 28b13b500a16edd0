package refstore

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// The story fingerprint is a MinHash signature over an article's content
// words. Content words, not word n-grams: two agencies reporting one story,
// or a rewrite of one report, share its names, places and nouns far more
// than its phrasing. Measured on ../shared/eval (see README, "Reference
// coverage"), the exact overlap of these sets is 0.20–0.42 between a
// wire-style rewrite and its source article and 0.36 at the median between
// a Learning2Rewrite rewrite and its original, against 0.03 at the median
// (0.09 at the 99th percentile) between two unrelated BBC articles.
const (
	// SignatureSize is the number of MinHash values per article.
	SignatureSize = 128
	// Bands × Rows = SignatureSize: an LSH band is Rows consecutive
	// values; two articles become candidates when any band agrees. With
	// 64 bands of 2 rows, a pair with overlap 0.15 is a candidate with
	// probability 0.77, 0.3 with 0.998, 0.03 (unrelated news) with 0.06.
	Bands = 64
	Rows  = SignatureSize / Bands
	// minShingles is the fewest content words an article needs to be
	// indexed for story matching: shorter texts match anything.
	minShingles = 8
)

// stopWords are function words and the commonest news words, which say
// nothing about which story an article tells.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and but for with from this that these those his her hers its their theirs our ours you your
		was were are been being has have had not nor also after before about over into than then there here which who whom whose what
		when where while more most very new year years one two three told said says say saying would could should will can may might must
		shall just only some such any all each other many much own same him she they them we he it is be as at by of on in to an a or
		if so no do does did out up down off again further once because until against between through during above below under
		both few how why now last first week month day today yesterday`) {
		m[w] = true
	}
	return m
}()

// Shingles returns the hashed content words of text: lower-cased words of
// three or more letters or digits that are not stop words, each once.
func Shingles(text string) []uint64 {
	seen := map[uint64]bool{}
	var out []uint64
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 3 {
			continue
		}
		w = strings.ToLower(w)
		if stopWords[w] {
			continue
		}
		h := fnv.New64a()
		h.Write([]byte(w))
		x := h.Sum64()
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// hashParams are the SignatureSize hash functions h(x) = a·x + b (mod 2^64,
// top 32 bits), fixed for ever: a store's signatures are only comparable
// with signatures made by the same functions.
var hashParams = func() [SignatureSize][2]uint64 {
	var p [SignatureSize][2]uint64
	state := uint64(0x636f70796465736b) // "copydesk"
	next := func() uint64 {             // splitmix64
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
	for i := range p {
		p[i] = [2]uint64{next() | 1, next()}
	}
	return p
}()

// Signature is a story fingerprint: SignatureSize MinHash values.
type Signature []uint32

// Sign returns the MinHash signature of the shingles; nil when there are
// too few to fingerprint a story.
func Sign(shingles []uint64) Signature {
	if len(shingles) < minShingles {
		return nil
	}
	sig := make(Signature, SignatureSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, x := range shingles {
		for i, ab := range hashParams {
			if v := uint32((ab[0]*x + ab[1]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Similarity estimates the overlap (Jaccard index) of the two shingle sets:
// the share of MinHash values the signatures agree on, compared on their
// low 16 bits (what the store keeps of each).
func Similarity(a, b Signature) float64 {
	if len(a) != SignatureSize || len(b) != SignatureSize {
		return 0
	}
	n := 0
	for i := range a {
		if uint16(a[i]) == uint16(b[i]) {
			n++
		}
	}
	return float64(n) / SignatureSize
}

// titleKey is the headline index key of one headline word of article seq
// dated d: a 32-bit word hash, the day, the article.
func titleKey(word uint64, d uint16, seq uint32) []byte {
	k := make([]byte, 10)
	binary.BigEndian.PutUint32(k, uint32(word>>32)^uint32(word))
	binary.BigEndian.PutUint16(k[4:], d)
	binary.BigEndian.PutUint32(k[6:], seq)
	return k
}
