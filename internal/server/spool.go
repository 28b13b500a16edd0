package server

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// spoolMemory is how much of a batch body is held in memory while it is
// read; the rest goes to a temporary file, so a burst of large batches
// costs disk, not heap.
const spoolMemory = 1 << 20

// spool is a batch body read to its end before scoring starts, so a body
// over the limit is answered with 413 and nothing scored, whether or not
// it declared its length (a chunked body cannot say in advance).
type spool struct {
	mem  bytes.Buffer
	file *os.File
	r    io.Reader
}

// spoolBody reads r to its end into a spool. The caller closes it.
func spoolBody(r io.Reader) (*spool, error) {
	s := &spool{}
	if _, err := io.CopyN(&s.mem, r, spoolMemory+1); err == io.EOF {
		s.r = &s.mem
		return s, nil
	} else if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp("", "copydesk-batch-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("spool batch body: %w", err)
	}
	os.Remove(f.Name()) // unlinked: the file goes with its descriptor
	s.file = f
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("spool batch body: %w", err)
	}
	s.r = io.MultiReader(&s.mem, f)
	return s, nil
}

func (s *spool) Read(p []byte) (int, error) { return s.r.Read(p) }

// Close removes the spool file, if any.
func (s *spool) Close() error {
	if s.file != nil {
		return s.file.Close()
	}
	return nil
}
