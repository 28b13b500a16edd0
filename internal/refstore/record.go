package refstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// Trust says what kind of reference an article is: the wire feeds a
// newsroom licenses, its own archive, or anything else it indexed.
type Trust string

const (
	Wire    Trust = "wire"
	Archive Trust = "archive"
	Other   Trust = "other"
)

// ParseTrust checks a --trust value.
func ParseTrust(s string) (Trust, error) {
	switch t := Trust(s); t {
	case Wire, Archive, Other:
		return t, nil
	}
	return "", fmt.Errorf("trust %q: want wire, archive or other", s)
}

// Person is someone a reference article names, with the role it gives them
// (from the people and fabrication analyzers, as for scored articles).
type Person struct {
	Name        string
	Role        string
	Affiliation string
}

// Quote is a quotation of a reference article with who it credits: a
// person (Speaker), an organisation as written (Org), or nobody.
type Quote struct {
	Text    string
	Speaker string
	Org     string
	// Named is set when the attribution names the speaker ("Leavitt
	// said"), not a pronoun ("she said"), which can be misread.
	Named bool
}

// Article is one reference article as the store keeps it: no full text,
// only what reference coverage compares.
type Article struct {
	ID     string
	Source string
	Trust  Trust
	Date   time.Time // zero when unknown
	Title  string
	// Signature is the story fingerprint (nil for texts too short).
	Signature Signature
	People    []Person
	Quotes    []Quote
	// NameWords are the hashes (NameWordHash) of the capitalised words of
	// the text, sorted: they tell whether a person the extractor did not
	// pick out is mentioned at all ("Mr Panke").
	NameWords []uint32
	// Hash identifies the indexed content: re-adding an article with the
	// same ID and Hash changes nothing.
	Hash uint64
}

// ContentHash is the Hash of an article with these fields and text.
func ContentHash(source string, trust Trust, date time.Time, title, text string) uint64 {
	h := fnv.New64a()
	for _, s := range []string{source, string(trust), dateString(date), title, text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// DateString is the article's date as YYYY-MM-DD, "" when unknown.
func (a *Article) DateString() string { return dateString(a.Date) }

func dateString(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// day numbers dates for the index: days since 1970-01-01 plus one, 0 for
// no date; two bytes last until 2149.
func day(d time.Time) uint16 {
	if d.IsZero() || d.Year() < 1970 {
		return 0
	}
	n := d.Unix()/86400 + 1
	if n > 0xffff {
		return 0xffff
	}
	return uint16(n)
}

func dayTime(n uint16) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(int64(n-1)*86400, 0).UTC()
}

const recordVersion = 1

// encode writes the article in the store's compact binary form:
// a version byte, then varint-length strings and counts, the signature
// as fixed 32-bit values.
func (a *Article) encode() []byte {
	b := make([]byte, 0, 64+len(a.Title)+4*len(a.Signature))
	b = append(b, recordVersion)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(a.ID)
	str(a.Source)
	str(string(a.Trust))
	b = binary.BigEndian.AppendUint16(b, day(a.Date))
	str(a.Title)
	b = binary.BigEndian.AppendUint64(b, a.Hash)
	// Only the low 16 bits of each value are kept: Similarity compares
	// no more (two unequal values agree there once in 65,536), and the
	// band index holds the full values.
	b = binary.AppendUvarint(b, uint64(len(a.Signature)))
	for _, v := range a.Signature {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	b = binary.AppendUvarint(b, uint64(len(a.People)))
	for _, p := range a.People {
		str(p.Name)
		str(p.Role)
		str(p.Affiliation)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Quotes)))
	for _, q := range a.Quotes {
		str(q.Text)
		str(q.Speaker)
		str(q.Org)
		if q.Named {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(a.NameWords)))
	for _, h := range a.NameWords {
		b = binary.LittleEndian.AppendUint32(b, h)
	}
	return b
}

var errCorrupt = errors.New("corrupt record")

// decoder reads what encode wrote; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.err = errCorrupt
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) str() string { return string(d.bytes(int(d.uvarint()))) }

// decodeArticle reads a record; the result shares nothing with b, which
// bbolt only lends for the transaction.
func decodeArticle(b []byte) (*Article, error) {
	d := &decoder{b: b}
	if v := d.bytes(1); d.err == nil && v[0] != recordVersion {
		return nil, fmt.Errorf("record version %d: this copydesk reads version %d", v[0], recordVersion)
	}
	a := &Article{}
	a.ID = d.str()
	a.Source = d.str()
	a.Trust = Trust(d.str())
	if x := d.bytes(2); d.err == nil {
		a.Date = dayTime(binary.BigEndian.Uint16(x))
	}
	a.Title = d.str()
	if x := d.bytes(8); d.err == nil {
		a.Hash = binary.BigEndian.Uint64(x)
	}
	if n := int(d.uvarint()); n > 0 && d.err == nil {
		raw := d.bytes(2 * n)
		if d.err == nil {
			a.Signature = make(Signature, n)
			for i := range a.Signature {
				a.Signature[i] = uint32(binary.LittleEndian.Uint16(raw[2*i:]))
			}
		}
	}
	if n := int(d.uvarint()); n > 0 && n <= len(d.b) {
		a.People = make([]Person, n)
		for i := range a.People {
			a.People[i] = Person{Name: d.str(), Role: d.str(), Affiliation: d.str()}
		}
	}
	if n := int(d.uvarint()); n > 0 && n <= len(d.b) {
		a.Quotes = make([]Quote, n)
		for i := range a.Quotes {
			a.Quotes[i] = Quote{Text: d.str(), Speaker: d.str(), Org: d.str()}
			if x := d.bytes(1); d.err == nil {
				a.Quotes[i].Named = x[0] == 1
			}
		}
	}
	if n := int(d.uvarint()); n > 0 && d.err == nil {
		raw := d.bytes(4 * n)
		if d.err == nil {
			a.NameWords = make([]uint32, n)
			for i := range a.NameWords {
				a.NameWords[i] = binary.LittleEndian.Uint32(raw[4*i:])
			}
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return a, nil
}

// NameWordHash is the hash NameWords holds for one word (any case).
func NameWordHash(w string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(w)))
	return h.Sum32()
}

// NameWords returns the sorted, distinct NameWordHash of every word of
// text that starts with a capital letter and has three letters or more.
func NameWords(text string) []uint32 {
	seen := map[uint32]bool{}
	var out []uint32
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
		w = strings.Trim(w, "-'")
		if r, _ := utf8.DecodeRuneInString(w); len(w) < 3 || !unicode.IsUpper(r) {
			continue
		}
		if h := NameWordHash(w); !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

// Mentions reports whether a word (a surname) is among the article's
// capitalised words.
func (a *Article) Mentions(word string) bool {
	_, ok := slices.BinarySearch(a.NameWords, NameWordHash(word))
	return ok
}

// seqKey is the articles bucket's key for sequence number seq.
func seqKey(seq uint32) [4]byte {
	var sk [4]byte
	binary.BigEndian.PutUint32(sk[:], seq)
	return sk
}

// storedArticle decodes the article stored under seq in the articles
// bucket; nil, nil when there is none.
func storedArticle(arts *bolt.Bucket, seq uint32) (*Article, error) {
	sk := seqKey(seq)
	raw := arts.Get(sk[:])
	if raw == nil {
		return nil, nil
	}
	a, err := decodeArticle(raw)
	if err != nil {
		return nil, fmt.Errorf("stored record %d: %w", seq, err)
	}
	return a, nil
}
