package refstore

import (
	"bytes"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// The LSH band index as posting lists. Each of an article's Bands bands
// is a 32-bit value: the low 16 bits of its two MinHash values (what the
// record keeps, so the index can be rebuilt and its entries removed from
// the record alone). The top bandPrefixBits of that value, with the band
// number, are a bbolt key; its value lists the articles in that bucket,
// postingSize bytes each: the rest of the band value (24 bits), the
// article's sequence number and its day.
//
// One bbolt entry per article and band cost 27 bytes before page slack
// (a 16-byte element header, a 9-byte key, a 2-byte value) and, placed at
// random, left pages about two-thirds full: 2.6 KB an article. Grouped,
// an article adds 9 bytes a band to lists that share one header (README,
// "Reference coverage" has the figures). The price is rewriting a list
// to add to it: at a million articles a list holds about 240 entries
// (2 KB).
const (
	bandPrefixBits = 12
	postingSize    = 3 + 4 + 2
	// formatPostings is the store format with this index (meta "format");
	// older stores are re-indexed when opened for writing.
	formatPostings = 2
)

var (
	bucketPostings = []byte("postings") // band, band value prefix → postings
	bucketOldBands = []byte("bands")    // format 1: band key, seq → day
	metaFormat     = []byte("format")
)

// bandValue is band i of sig as the index keys it.
func bandValue(sig Signature, i int) uint32 {
	return uint32(uint16(sig[i*Rows]))<<16 | uint32(uint16(sig[i*Rows+1]))
}

// postingKey is the list a band value is filed under.
func postingKey(i int, v uint32) [3]byte {
	p := v >> (32 - bandPrefixBits) << (16 - bandPrefixBits)
	return [3]byte{byte(i), byte(p >> 8), byte(p)}
}

// postingRest is what an entry keeps of the band value: its low 24 bits
// (the key holds the top bits).
func postingRest(v uint32) [3]byte { return [3]byte{byte(v >> 16), byte(v >> 8), byte(v)} }

// addPostings files (sign > 0) or removes article seq's bands.
func addPostings(b *bolt.Bucket, sig Signature, seq uint32, d uint16, sign int) error {
	if len(sig) != SignatureSize {
		return nil
	}
	var entry [postingSize]byte
	binary.BigEndian.PutUint32(entry[3:], seq)
	binary.BigEndian.PutUint16(entry[7:], d)
	for i := range Bands {
		v := bandValue(sig, i)
		key := postingKey(i, v)
		rest := postingRest(v)
		copy(entry[:3], rest[:])
		old := b.Get(key[:])
		var list []byte
		if sign > 0 {
			list = make([]byte, 0, len(old)+postingSize)
			list = append(append(list, old...), entry[:]...)
		} else {
			list = removePosting(old, seq)
			if len(list) == len(old) {
				continue
			}
			if len(list) == 0 {
				if err := b.Delete(key[:]); err != nil {
					return err
				}
				continue
			}
		}
		if err := b.Put(key[:], list); err != nil {
			return err
		}
	}
	return nil
}

// removePosting returns a copy of list without seq's entry.
func removePosting(list []byte, seq uint32) []byte {
	var sk [4]byte
	binary.BigEndian.PutUint32(sk[:], seq)
	for off := 0; off+postingSize <= len(list); off += postingSize {
		if bytes.Equal(list[off+3:off+7], sk[:]) {
			out := make([]byte, 0, len(list)-postingSize)
			return append(append(out, list[:off]...), list[off+postingSize:]...)
		}
	}
	return list
}

// postings calls fn with the sequence number and day of every article
// filed under band value v of band i, at most limit of them.
func postings(b *bolt.Bucket, i int, v uint32, limit int, fn func(seq uint32, d uint16)) {
	key := postingKey(i, v)
	rest := postingRest(v)
	list := b.Get(key[:])
	n := 0
	for off := 0; off+postingSize <= len(list) && n < limit; off += postingSize {
		if [3]byte(list[off:off+3]) != rest {
			continue
		}
		n++
		fn(binary.BigEndian.Uint32(list[off+3:]), binary.BigEndian.Uint16(list[off+7:]))
	}
}

// migrate re-indexes a store of an older format: the postings are built
// from the records, the old band index dropped.
func migrate(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if counter(meta, metaFormat) >= formatPostings {
		return nil
	}
	if tx.Bucket(bucketOldBands) != nil {
		if err := tx.DeleteBucket(bucketOldBands); err != nil {
			return err
		}
	}
	if err := tx.DeleteBucket(bucketPostings); err != nil && err != bolt.ErrBucketNotFound {
		return err
	}
	b, err := tx.CreateBucket(bucketPostings)
	if err != nil {
		return err
	}
	arts := tx.Bucket(bucketArticles)
	err = arts.ForEach(func(k, raw []byte) error {
		a, err := decodeArticle(raw)
		if err != nil {
			return err
		}
		return addPostings(b, a.Signature, binary.BigEndian.Uint32(k), day(a.Date), +1)
	})
	if err != nil {
		return err
	}
	return addCounter(meta, metaFormat, formatPostings-counter(meta, metaFormat))
}
