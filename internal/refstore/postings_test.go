package refstore

import (
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// postingCount counts the entries of the band index.
func postingCount(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPostings).ForEach(func(_, v []byte) error {
			n += len(v) / postingSize
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Updating and pruning remove an article's postings: the band values are
// made from what the record keeps, so removal finds them.
func TestPostingsFollowUpdatesAndPrunes(t *testing.T) {
	s, err := Open(t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Add([]*Article{article("a", "S", "2025-03-05", talks), article("b", "S", "2024-01-10", football)}); err != nil {
		t.Fatal(err)
	}
	if n := postingCount(t, s); n != 2*Bands {
		t.Fatalf("%d postings for 2 articles, want %d", n, 2*Bands)
	}
	if _, err := s.Add([]*Article{article("b", "S", "2024-01-11", football+" Extra time was played.")}); err != nil {
		t.Fatal(err)
	}
	if n := postingCount(t, s); n != 2*Bands {
		t.Fatalf("%d postings after an update, want %d", n, 2*Bands)
	}
	d, _ := time.Parse("2006-01-02", "2025-01-01")
	if n, err := s.Prune(d); err != nil || n != 1 {
		t.Fatalf("prune: %d %v", n, err)
	}
	if n := postingCount(t, s); n != Bands {
		t.Fatalf("%d postings after pruning one of 2, want %d", n, Bands)
	}
}

// A store of the first format (one bbolt entry per article and band) is
// re-indexed when opened for writing; opened read-only it says how to.
func TestOldFormatIsReindexed(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add([]*Article{article("wire-1", "Agency", "2025-03-05", talks, "Adam Boehler")}); err != nil {
		t.Fatal(err)
	}
	// Make it a format 1 store: the old band bucket, no postings, no format.
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketPostings); err != nil {
			return err
		}
		if _, err := tx.CreateBucket(bucketOldBands); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Delete(metaFormat)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	d, _ := time.Parse("2006-01-02", "2025-03-06")
	q := Query{Signature: Sign(Shingles(talksRewrite)), Date: d, Names: []string{"Adam Boehler"}}

	ro, err := Open(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Match(q); err == nil {
		t.Error("a format 1 store matched without its index")
	}
	ro.Close()

	s, err = Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ms, err := s.Match(q); err != nil || len(ms) != 1 || ms[0].Article.ID != "wire-1" {
		t.Fatalf("after re-indexing: %+v %v", ms, err)
	}
	if n := postingCount(t, s); n != Bands {
		t.Fatalf("%d postings, want %d", n, Bands)
	}
}
