package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// spillLimit is how much a spill holds in memory before it moves to a
// temporary file.
var spillLimit = 8 << 20 // a variable for the tests

// spill collects bytes a report writes only at the end (SARIF's results):
// in memory while they are few, then in a temporary file, so the memory of
// a run stays bounded however many articles it reports.
type spill struct {
	mem  bytes.Buffer
	file *os.File
	err  error // the first write error, reported by writeTo
}

func (s *spill) write(b []byte) {
	if s.err != nil {
		return
	}
	if s.file == nil && s.mem.Len()+len(b) <= spillLimit {
		s.mem.Write(b)
		return
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "copydesk-report-*")
		if err != nil {
			s.err = fmt.Errorf("spill report to a temporary file: %w", err)
			return
		}
		s.file = f
		if _, s.err = f.Write(s.mem.Bytes()); s.err != nil {
			return
		}
		s.mem = bytes.Buffer{}
	}
	if _, err := s.file.Write(b); err != nil {
		s.err = fmt.Errorf("spill report to %s: %w", s.file.Name(), err)
	}
}

// writeTo copies everything written so far to w.
func (s *spill) writeTo(w io.Writer) error {
	if s.err != nil {
		return s.err
	}
	if s.file == nil {
		_, err := w.Write(s.mem.Bytes())
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("read back %s: %w", s.file.Name(), err)
	}
	_, err := io.Copy(w, s.file)
	return err
}

// close drops what was collected and removes the temporary file.
func (s *spill) close() {
	s.mem = bytes.Buffer{}
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
		s.file = nil
	}
}
