package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// A key file is what `copydesk score --emit-keys` writes per shard: JSON
// Lines, one record per article, with every sighting the checks emitted.
// An amendments file is what `copydesk corpus reduce` writes: one record
// per amended article. Both are read back by id, so shards may be written
// and reduced on different machines.

// KeyRecord is one article's line in a key file.
type KeyRecord struct {
	ID   string    `json:"id"`
	Date int64     `json:"d,omitempty"`
	Keys []KeyLine `json:"k,omitempty"`
}

// KeyLine is one value in a key file with the keys it was emitted under:
// the check's name, the keys, the position of the first among the
// article's sightings for that check (the others follow it), and the
// value. A value emitted under several keys in a row (a sentence's
// MinHash bands) is written once.
type KeyLine struct {
	Check string          `json:"c"`
	Keys  []string        `json:"k"`
	Seq   int             `json:"n"`
	Value json.RawMessage `json:"v"`
}

// Record encodes one article's sightings (EmitAll's result) for checks.
func Record(order Order, checks []Keyed, sightings [][]Sighting) (KeyRecord, error) {
	rec := KeyRecord{ID: order.ID, Date: order.Date}
	for ci, ss := range sightings {
		for seq := 0; seq < len(ss); {
			v, err := json.Marshal(ss[seq].Value)
			if err != nil {
				return rec, fmt.Errorf("encode %s sighting: %w", checks[ci].Name(), err)
			}
			kl := KeyLine{Check: checks[ci].Name(), Seq: seq, Value: v}
			first := ss[seq].Value
			for seq < len(ss) && ss[seq].Value == first {
				kl.Keys = append(kl.Keys, ss[seq].Key)
				seq++
			}
			rec.Keys = append(rec.Keys, kl)
		}
	}
	return rec, nil
}

// KeyWriter writes a key file. Use it from one goroutine.
type KeyWriter struct {
	checks []Keyed
	enc    *json.Encoder
	seen   map[string]int
	// Bytes counts what was written.
	Bytes int64
	cw    *countingWriter
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// NewKeyWriter writes checks' sightings to w.
func NewKeyWriter(w io.Writer, checks []Keyed) *KeyWriter {
	cw := &countingWriter{w: w}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	return &KeyWriter{checks: checks, enc: enc, seen: map[string]int{}, cw: cw}
}

// Checks are the checks whose sightings the writer records.
func (kw *KeyWriter) Checks() []Keyed { return kw.checks }

// Write records one article under id (made unique within this file as
// the in-process driver does; across files ids must already be unique).
func (kw *KeyWriter) Write(order Order, sightings [][]Sighting) error {
	order.ID = ArticleID(kw.seen, order.ID)
	rec, err := Record(order, kw.checks, sightings)
	if err != nil {
		return err
	}
	if err := kw.enc.Encode(rec); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	kw.Bytes = kw.cw.n
	return nil
}

// Reducer gathers key records in memory and reduces them: the group by key
// of one process, for `copydesk corpus reduce`.
type Reducer struct {
	checks []Keyed
	byName map[string]int
	groups []map[string][]Member
	ids    map[string]bool
	// Limit caps a key's group (DefaultGroupLimit when 0).
	Limit int
}

// NewReducer returns an empty reducer for checks.
func NewReducer(checks []Keyed) *Reducer {
	r := &Reducer{checks: checks, byName: map[string]int{}, ids: map[string]bool{}}
	for i, c := range checks {
		r.byName[c.Name()] = i
		r.groups = append(r.groups, map[string][]Member{})
	}
	return r
}

// Add files one record's sightings. An id seen before is an error: notes
// find their article by id.
func (r *Reducer) Add(rec KeyRecord) error {
	if r.ids[rec.ID] {
		return fmt.Errorf("article id %q appears twice: ids must be unique across the batch", rec.ID)
	}
	r.ids[rec.ID] = true
	order := Order{Date: rec.Date, ID: rec.ID}
	for _, kl := range rec.Keys {
		ci, ok := r.byName[kl.Check]
		if !ok {
			return fmt.Errorf("article %q: unknown check %q (key file from another version?)", rec.ID, kl.Check)
		}
		v := r.checks[ci].NewValue()
		if err := json.Unmarshal(kl.Value, v); err != nil {
			return fmt.Errorf("article %q: %s value: %w", rec.ID, kl.Check, err)
		}
		for j, key := range kl.Keys {
			r.groups[ci][key] = append(r.groups[ci][key], Member{Order: order, Seq: kl.Seq + j, Value: v})
		}
	}
	return nil
}

// ReadKeys adds every record of a key file.
func (r *Reducer) ReadKeys(in io.Reader) error {
	return EachJSONLine(in, func(b []byte) error {
		var rec KeyRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			return err
		}
		return r.Add(rec)
	})
}

// EachJSONLine calls f with every non-blank line of a JSON Lines stream
// (key files, amendments files, staged results; lines up to 1 GiB), and
// names the line in any error f returns.
func EachJSONLine(in io.Reader, f func(line []byte) error) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := f(sc.Bytes()); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

// Amendments reduces every key and settles every article: per article id,
// its amendments in check order.
func (r *Reducer) Amendments() map[string][]Amendment {
	out := map[string][]Amendment{}
	for ci, c := range r.checks {
		notes := ReduceGroups(c, r.groups[ci], func(ms []Member) []Member { return ms }, r.Limit)
		r.groups[ci] = nil
		for id, a := range SettleAll(c, notes) {
			out[id] = append(out[id], a)
		}
	}
	return out
}

// AmendmentRecord is one line of an amendments file.
type AmendmentRecord struct {
	ID         string      `json:"id"`
	Amendments []Amendment `json:"amendments"`
}

// WriteAmendments writes one record per amended article, in id order.
func WriteAmendments(w io.Writer, as map[string][]Amendment) error {
	ids := make([]string, 0, len(as))
	for id := range as {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, id := range ids {
		if err := enc.Encode(AmendmentRecord{ID: id, Amendments: as[id]}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadAmendments reads an amendments file into a map by article id.
func ReadAmendments(in io.Reader, into map[string][]Amendment) error {
	return EachJSONLine(in, func(b []byte) error {
		var rec AmendmentRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			return err
		}
		into[rec.ID] = append(into[rec.ID], rec.Amendments...)
		return nil
	})
}
