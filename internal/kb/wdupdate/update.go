package wdupdate

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/kb"
)

// Options say what one update does.
type Options struct {
	Client *Client
	// BatchSize is how many offices one query asks about.
	BatchSize int
	// Today is the date the answers are checked on: the new file's
	// records say so, and it is the file's current-to date.
	Today kb.Date
	// Out is the file to write (see CachePath).
	Out string
	// Progress, when set, gets a line per batch.
	Progress io.Writer
}

// Report says what an update found and where it wrote it.
type Report struct {
	Path      string
	Positions int
	Batches   int
	Records   int
	// Added are terms the embedded knowledge base lacks; Ended are terms
	// it has open that Wikidata closes; Conflicts are terms where the two
	// disagree (dates, or who holds an office now). One line each.
	Added, Ended, Conflicts []string
	// Silent are the offices Wikidata returned no holder for (an unknown
	// label, or no P39 statements).
	Silent []string
}

// Update asks the endpoint about every office base covers, batch by
// batch, and writes what it learnt to opts.Out. It writes only when every
// batch succeeded: a failure part-way leaves any earlier file as it was.
func Update(ctx context.Context, base *kb.KB, opts Options) (*Report, error) {
	positions, err := Positions(base)
	if err != nil {
		return nil, err
	}
	size := opts.BatchSize
	if size <= 0 {
		size = 50
	}
	rep := &Report{Path: opts.Out, Positions: len(positions)}
	var recs []kb.Record
	answered := map[string]bool{}
	for i := 0; i < len(positions); i += size {
		batch := positions[i:min(i+size, len(positions))]
		rows, err := opts.Client.fetch(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("batch %d of %d (offices %d-%d): %w; nothing written", rep.Batches+1, (len(positions)+size-1)/size, i+1, i+len(batch), err)
		}
		got, err := records(rows, batch, opts.Today)
		if err != nil {
			return nil, fmt.Errorf("batch %d: %w; nothing written", rep.Batches+1, err)
		}
		for _, r := range got {
			answered[officeOf(r)] = true
		}
		recs = append(recs, got...)
		rep.Batches++
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "batch %d: %d offices, %d terms\n", rep.Batches, len(batch), len(got))
		}
	}
	for _, p := range positions {
		if !answered[officeOf(kb.Record{Role: p.Role, Country: p.Country, Organization: p.Organization})] {
			rep.Silent = append(rep.Silent, describe(p))
		}
	}
	sort.SliceStable(recs, func(i, j int) bool {
		if a, b := officeOf(recs[i]), officeOf(recs[j]); a != b {
			return a < b
		}
		return recs[i].Start.First().Before(recs[j].Start.First())
	})
	rep.Records = len(recs)
	rep.Added, rep.Ended, rep.Conflicts = compare(base, recs, opts.Today)
	closeStale(base, recs)
	if err := WriteFile(opts.Out, recs, opts.Today); err != nil {
		return nil, err
	}
	return rep, nil
}

func describe(p Position) string {
	name := p.Label
	if name == "" {
		name = p.QID
	}
	return fmt.Sprintf("%s (%s)", officeOf(kb.Record{Role: p.Role, Country: p.Country, Organization: p.Organization}), name)
}

// officeOf names a record's office for reports and grouping.
func officeOf(r kb.Record) string {
	parts := []string{r.Role}
	if r.Organization != "" {
		parts = append(parts, r.Organization)
	}
	if r.Country != "" {
		parts = append(parts, r.Country)
	}
	return strings.Join(parts, ", ")
}

// WriteFile writes records as a knowledge base file (JSONL with asOf in
// its header) through a temporary file in the same directory renamed
// over path, so a reader never sees half a file and a failure leaves the
// old one.
func WriteFile(path string, recs []kb.Record, asOf kb.Date) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, ".kb-update-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = kb.WriteJSONL(tmp, recs, asOf); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
