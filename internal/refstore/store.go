// Package refstore is copydesk's reference store: the reporting a newsroom
// already trusts (its wire feeds, its archive), indexed on disk so each
// scored article can be checked against the coverage of the same story.
//
// Per reference article it keeps the id, source, trust, date, title, a
// story fingerprint (a MinHash signature, see Sign), the people it names
// with their roles and every quotation with its speaker; never the full
// text. The database is bbolt (go.etcd.io/bbolt): one file, pure Go,
// transactional, and read through a memory map, so a run reads only the
// pages its lookups touch. Story matching is a locality-sensitive hash
// index kept in the same file (see Match).
package refstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// EnvKey is the analysis.Env key under which a run offers its open
// reference store (*Store).
const EnvKey = "refstore"

// BatchEnvKey is the analysis.Env key under which a run says (true) that
// the store under EnvKey holds the run's own articles (score --coverage
// batch), not a newsroom's reference: an article is never its own
// coverage, only other named sources are, and absence from the batch is
// not reported.
const BatchEnvKey = "refstore.batch"

// FileName is the database file inside a store directory.
const FileName = "refstore.db"

var (
	bucketArticles = []byte("articles") // seq → record
	bucketIDs      = []byte("ids")      // article id → seq, content hash
	bucketDates    = []byte("dates")    // day, seq → nothing
	bucketTitles   = []byte("titles")   // headline word, day, seq → nothing
	bucketMeta     = []byte("meta")     // counters
)

var (
	metaPeople = []byte("people")
	metaQuotes = []byte("quotes")
)

// Store is an open reference store. Its methods are safe for concurrent
// use (bbolt serialises writers and lets readers run in parallel).
type Store struct {
	db   *bolt.DB
	path string
}

// DefaultDir is where `copydesk ref` keeps the store when --db is not
// given: $XDG_DATA_HOME/copydesk/ref, else ~/.local/share/copydesk/ref.
func DefaultDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "copydesk", "ref"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("reference store directory: %w", err)
	}
	return filepath.Join(home, ".local", "share", "copydesk", "ref"), nil
}

// Open opens (creating when writable) the store in dir. A read-only store
// can be opened by several runs at once; a writable one by one process.
func Open(dir string, readOnly bool) (*Store, error) {
	path := filepath.Join(dir, FileName)
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("reference store %s: %w", dir, err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("reference store %s: %w", dir, err)
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 5 * time.Second, ReadOnly: readOnly})
	if err != nil {
		return nil, fmt.Errorf("open reference store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if !readOnly {
		err = db.Update(func(tx *bolt.Tx) error {
			fresh := tx.Bucket(bucketArticles) == nil
			for _, b := range [][]byte{bucketArticles, bucketIDs, bucketPostings, bucketDates, bucketTitles, bucketMeta} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			if fresh {
				return addCounter(tx.Bucket(bucketMeta), metaFormat, formatPostings)
			}
			return migrate(tx)
		})
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("initialise reference store %s: %w", path, err)
		}
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close reference store %s: %w", s.path, err)
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// AddStats counts what an Add did.
type AddStats struct {
	Added, Updated, Unchanged int
}

// Add indexes articles in one transaction. An article whose id is already
// stored with the same content hash is left as it is; with another hash
// it is replaced.
func (s *Store) Add(arts []*Article) (AddStats, error) {
	var st AddStats
	err := s.db.Update(func(tx *bolt.Tx) error {
		w := writer{tx: tx}
		w.packPages()
		for _, a := range arts {
			if err := w.put(a, &st); err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return AddStats{}, fmt.Errorf("add to reference store %s: %w", s.path, err)
	}
	return st, nil
}

// writer holds one write transaction.
type writer struct{ tx *bolt.Tx }

// fillPercent is how full bbolt packs pages when it splits them. The
// record, id and date buckets grow mostly by appending (sequence numbers,
// days) and are packed nearly full; the band and headline indexes take
// keys at random places, where bbolt's default (half) measured smaller
// on a 100,000-article store (7.3 KB an article against 9.6 KB with every
// bucket at 0.9).
const fillPercent = 0.9

func (w writer) packPages() {
	for _, name := range [][]byte{bucketArticles, bucketDates} {
		if b := w.tx.Bucket(name); b != nil {
			b.FillPercent = fillPercent
		}
	}
}

func (w writer) put(a *Article, st *AddStats) error {
	ids := w.tx.Bucket(bucketIDs)
	var seq uint32
	if old := ids.Get([]byte(a.ID)); len(old) == 12 {
		if binary.BigEndian.Uint64(old[4:]) == a.Hash {
			st.Unchanged++
			return nil
		}
		seq = binary.BigEndian.Uint32(old)
		if err := w.unindex(seq); err != nil {
			return err
		}
		st.Updated++
	} else {
		n, err := w.tx.Bucket(bucketArticles).NextSequence()
		if err != nil {
			return err
		}
		if n > 0xffffffff {
			return errors.New("store full (2^32 articles)")
		}
		seq = uint32(n)
		st.Added++
	}
	var sk [4]byte
	binary.BigEndian.PutUint32(sk[:], seq)
	idv := binary.BigEndian.AppendUint64(sk[:], a.Hash)
	if err := ids.Put([]byte(a.ID), idv); err != nil {
		return err
	}
	if err := w.tx.Bucket(bucketArticles).Put(sk[:], a.encode()); err != nil {
		return err
	}
	return w.index(seq, a, +1)
}

// index adds (sign +1) or removes (-1) the article's band, date and
// counter entries.
func (w writer) index(seq uint32, a *Article, sign int) error {
	var sk [4]byte
	binary.BigEndian.PutUint32(sk[:], seq)
	d := day(a.Date)
	var dv [2]byte
	binary.BigEndian.PutUint16(dv[:], d)
	dates := w.tx.Bucket(bucketDates)
	if err := addPostings(w.tx.Bucket(bucketPostings), a.Signature, seq, d, sign); err != nil {
		return err
	}
	keys := [][]byte{append(dv[:], sk[:]...)}
	buckets := []*bolt.Bucket{dates}
	if d != 0 {
		// Headline words of dated articles, for matching by headline
		// within a date window (see Match).
		titles := w.tx.Bucket(bucketTitles)
		for _, h := range Shingles(a.Title) {
			keys = append(keys, titleKey(h, d, seq))
			buckets = append(buckets, titles)
		}
	}
	for i, k := range keys {
		var err error
		if sign > 0 {
			err = buckets[i].Put(k, nil)
		} else {
			err = buckets[i].Delete(k)
		}
		if err != nil {
			return err
		}
	}
	meta := w.tx.Bucket(bucketMeta)
	for _, c := range []struct {
		key []byte
		n   int
	}{{metaPeople, len(a.People)}, {metaQuotes, len(a.Quotes)}, {[]byte("trust:" + string(a.Trust)), 1}} {
		if err := addCounter(meta, c.key, sign*c.n); err != nil {
			return err
		}
	}
	return nil
}

// unindex removes the stored article seq from every index.
func (w writer) unindex(seq uint32) error {
	old, err := storedArticle(w.tx.Bucket(bucketArticles), seq)
	if err != nil || old == nil {
		return err
	}
	return w.index(seq, old, -1)
}

func addCounter(b *bolt.Bucket, key []byte, n int) error {
	if n == 0 {
		return nil
	}
	var v int64
	if old := b.Get(key); len(old) == 8 {
		v = int64(binary.BigEndian.Uint64(old))
	}
	return b.Put(key, binary.BigEndian.AppendUint64(nil, uint64(v+int64(n))))
}

func counter(b *bolt.Bucket, key []byte) int {
	if v := b.Get(key); len(v) == 8 {
		return int(int64(binary.BigEndian.Uint64(v)))
	}
	return 0
}

// Prune removes every article dated before the given day; undated
// articles stay. It returns how many it removed.
func (s *Store) Prune(before time.Time) (int, error) {
	limit := day(before)
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		w := writer{tx: tx}
		w.packPages()
		var seqs []uint32
		c := tx.Bucket(bucketDates).Cursor()
		for k, _ := c.Seek([]byte{0, 1}); k != nil && binary.BigEndian.Uint16(k) < limit; k, _ = c.Next() {
			seqs = append(seqs, binary.BigEndian.Uint32(k[2:]))
		}
		arts, ids := tx.Bucket(bucketArticles), tx.Bucket(bucketIDs)
		for _, seq := range seqs {
			a, err := storedArticle(arts, seq)
			if err != nil {
				return err
			}
			if a == nil {
				continue
			}
			if err := w.index(seq, a, -1); err != nil {
				return err
			}
			if err := ids.Delete([]byte(a.ID)); err != nil {
				return err
			}
			sk := seqKey(seq)
			if err := arts.Delete(sk[:]); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("prune reference store %s: %w", s.path, err)
	}
	return n, nil
}

// Info describes a store.
type Info struct {
	Articles, People, Quotes int
	ByTrust                  map[Trust]int
	First, Last              time.Time // date range of dated articles
	Undated                  int
	Bytes                    int64 // size of the file on disk
	// Buckets is the bytes each index uses (bbolt leaf and branch pages).
	Buckets map[string]int64
	// DataBytes is the part of the file the database uses; bbolt grows
	// the file ahead of need and reuses freed pages rather than shrink.
	DataBytes int64
}

// Info counts the store's contents without reading its articles.
func (s *Store) Info() (Info, error) {
	in := Info{ByTrust: map[Trust]int{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		arts := tx.Bucket(bucketArticles)
		if arts == nil {
			return nil // a read-only open of a store never written
		}
		in.Articles = arts.Stats().KeyN
		in.DataBytes = tx.Size()
		in.Buckets = map[string]int64{}
		for _, name := range [][]byte{bucketArticles, bucketIDs, bucketPostings, bucketDates, bucketTitles} {
			if b := tx.Bucket(name); b != nil {
				st := b.Stats()
				in.Buckets[string(name)] = int64(st.LeafAlloc + st.BranchAlloc)
			}
		}
		meta := tx.Bucket(bucketMeta)
		in.People, in.Quotes = counter(meta, metaPeople), counter(meta, metaQuotes)
		for _, t := range []Trust{Wire, Archive, Other} {
			if n := counter(meta, []byte("trust:"+string(t))); n > 0 {
				in.ByTrust[t] = n
			}
		}
		c := tx.Bucket(bucketDates).Cursor()
		for k, _ := c.First(); k != nil && binary.BigEndian.Uint16(k) == 0; k, _ = c.Next() {
			in.Undated++
		}
		if k, _ := c.Seek([]byte{0, 1}); k != nil {
			in.First = dayTime(binary.BigEndian.Uint16(k))
		}
		if k, _ := c.Last(); k != nil {
			in.Last = dayTime(binary.BigEndian.Uint16(k))
		}
		return nil
	})
	if err != nil {
		return in, fmt.Errorf("reference store %s: %w", s.path, err)
	}
	if fi, err := os.Stat(s.path); err == nil {
		in.Bytes = fi.Size()
	}
	return in, nil
}

// Get returns the article stored under id, or nil.
func (s *Store) Get(id string) (*Article, error) {
	var a *Article
	err := s.db.View(func(tx *bolt.Tx) error {
		ids := tx.Bucket(bucketIDs)
		if ids == nil {
			return nil
		}
		v := ids.Get([]byte(id))
		if len(v) != 12 {
			return nil
		}
		raw := tx.Bucket(bucketArticles).Get(v[:4])
		if raw == nil {
			return nil
		}
		var err error
		a, err = decodeArticle(raw)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("reference store %s: article %s: %w", s.path, strconv.Quote(id), err)
	}
	return a, nil
}
