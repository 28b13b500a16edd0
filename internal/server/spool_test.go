package server

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// A body larger than spoolMemory goes to a file and reads back whole; a
// body over the limit is the MaxBytesReader's error, before any of it is
// scored.
func TestSpoolBody(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef"), spoolMemory/16*3/2)
	for _, n := range []int{0, 100, spoolMemory, len(body)} {
		s, err := spoolBody(bytes.NewReader(body[:n]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(s)
		if err != nil || !bytes.Equal(got, body[:n]) {
			t.Errorf("%d bytes: read back %d (%v)", n, len(got), err)
		}
		if (s.file != nil) != (n > spoolMemory) {
			t.Errorf("%d bytes: spooled to a file: %v", n, s.file != nil)
		}
		s.Close()
	}
	limited := http.MaxBytesReader(httptest.NewRecorder(), io.NopCloser(bytes.NewReader(body)), int64(len(body)-1))
	var tooLarge *http.MaxBytesError
	if _, err := spoolBody(limited); !errors.As(err, &tooLarge) {
		t.Errorf("over the limit: %v", err)
	}
}
