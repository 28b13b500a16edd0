package server

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// windowState keeps the window's recent articles in a bbolt file (serve
// --window-state FILE), so a restarted server compares new articles with
// the ones scored before it stopped. It stores what the checks across
// articles observe, per article: the document (text, metadata, the
// offsets that map it to its input) and the analysis result as the
// checks saw it; at start-up the last Window.Articles of them (and only
// those within Window.MaxAge) are observed again by a fresh window, in
// order and at their original times, without answering anyone. The file
// holds at most Window.Articles records: the window never looks further
// back.
//
// Writes go through one goroutine in transactions of up to stateBatch
// records, so scoring never waits for the disk; a crash loses at most the
// last stateFlush of articles, a clean shutdown none.
type windowState struct {
	db     *bolt.DB
	path   string
	keep   int
	maxAge time.Duration
	next   uint64 // key of the next record

	ch   chan []byte
	done chan struct{}
	// sending guards ch against a save racing close (a run cancelled at
	// shutdown may still observe an article).
	sending sync.RWMutex
	closed  bool
	mu      sync.Mutex
	err     error // the first write failure
}

const (
	stateBatch = 256
	stateFlush = 200 * time.Millisecond
	stateQueue = 1024
)

var bucketWindow = []byte("window")

// stateRecord is one observed article.
type stateRecord struct {
	At  time.Time        `json:"at"`
	Doc stateDoc         `json:"doc"`
	Res *analysis.Result `json:"res"`
}

// stateDoc is what the checks read of a document.
type stateDoc struct {
	ID, Title, Source, URL, Byline, Path, Text string
	Date                                       time.Time
	Regions                                    []document.Region `json:",omitempty"`
	BaseLine, BaseColumn                       int
	Anchors                                    []document.Anchor `json:",omitempty"`
}

func docState(d *document.Document) stateDoc {
	return stateDoc{ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Byline: d.Byline, Path: d.Path, Text: d.Text,
		Date: d.Date, Regions: d.Regions, BaseLine: d.BaseLine, BaseColumn: d.BaseColumn, Anchors: d.Anchors}
}

func (s stateDoc) document() *document.Document {
	d := document.New(s.ID, s.Text)
	d.Title, d.Source, d.URL, d.Byline, d.Path, d.Date = s.Title, s.Source, s.URL, s.Byline, s.Path, s.Date
	d.Regions, d.BaseLine, d.BaseColumn, d.Anchors = s.Regions, s.BaseLine, s.BaseColumn, s.Anchors
	return d
}

// openWindowState opens (creating) the state file for a window of opts.
// One server at a time: a second one waits a second, then fails.
func openWindowState(path string, opts WindowOptions) (*windowState, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("window state %s: %w", path, err)
	}
	s := &windowState{db: db, path: path, keep: max(opts.Articles, 1), maxAge: opts.MaxAge,
		ch: make(chan []byte, stateQueue), done: make(chan struct{})}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketWindow)
		if err != nil {
			return err
		}
		if k, _ := b.Cursor().Last(); len(k) == 8 {
			s.next = binary.BigEndian.Uint64(k) + 1
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("window state %s: %w", path, err)
	}
	go s.write()
	return s, nil
}

// load returns the records a window restarted at now starts from, oldest
// first: the last keep, scored within maxAge of now. A record that does
// not decode is skipped.
func (s *windowState) load(now time.Time) ([]stateRecord, int, error) {
	var out []stateRecord
	skipped := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketWindow).Cursor()
		for k, v := c.Last(); k != nil && len(out)+skipped < s.keep; k, v = c.Prev() {
			var r stateRecord
			if err := json.Unmarshal(v, &r); err != nil || r.Res == nil {
				skipped++
				continue
			}
			if s.maxAge > 0 && now.Sub(r.At) >= s.maxAge {
				break
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("window state %s: %w", s.path, err)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, skipped, nil
}

// save queues one observed article for writing. It is encoded at once:
// the result is amended and scored after the checks have seen it.
func (s *windowState) save(at time.Time, doc *document.Document, res *analysis.Result) {
	b, err := json.Marshal(stateRecord{At: at, Doc: docState(doc), Res: res})
	if err != nil {
		s.fail(err)
		return
	}
	s.sending.RLock()
	defer s.sending.RUnlock()
	if !s.closed {
		s.ch <- b
	}
}

// write commits queued records in batches and keeps the newest keep.
func (s *windowState) write() {
	defer close(s.done)
	tick := time.NewTicker(stateFlush)
	defer tick.Stop()
	var pending [][]byte
	flush := func() {
		if len(pending) == 0 {
			return
		}
		err := s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketWindow)
			for _, v := range pending {
				if err := b.Put(binary.BigEndian.AppendUint64(nil, s.next), v); err != nil {
					return err
				}
				s.next++
			}
			// Drop what the window can no longer look at.
			c := b.Cursor()
			for k, _ := c.First(); k != nil && binary.BigEndian.Uint64(k)+uint64(s.keep) < s.next; k, _ = c.First() {
				if err := c.Delete(); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			s.fail(err)
		}
		pending = pending[:0]
	}
	for {
		select {
		case v, ok := <-s.ch:
			if !ok {
				flush()
				return
			}
			pending = append(pending, v)
			if len(pending) >= stateBatch {
				flush()
			}
		case <-tick.C:
			flush()
		}
	}
}

func (s *windowState) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = fmt.Errorf("window state %s: %w", s.path, err)
	}
}

// close writes what is queued and closes the file; it reports the first
// write failure, if any.
func (s *windowState) close() error {
	s.sending.Lock()
	s.closed = true
	close(s.ch)
	s.sending.Unlock()
	<-s.done
	err := s.db.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	if err != nil {
		return fmt.Errorf("window state %s: %w", s.path, err)
	}
	return nil
}
