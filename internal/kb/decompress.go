package kb

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// Compressed knowledge bases are untrusted input: an 18.7 MB .gz reached
// 21 GB of memory and a 13 KB .bz2 4.2 GB (issue 13). Decompression stops
// with an error past either limit. Real data stays far inside them: JSON
// and CSV compress 5–30 times.
var (
	// MaxDecompressedBytes caps the decompressed size of one input.
	MaxDecompressedBytes int64 = 8 << 30
	// MaxCompressionRatio caps decompressed bytes per compressed byte,
	// checked once minRatioCheckBytes have come out.
	MaxCompressionRatio int64 = 200
)

const minRatioCheckBytes = 16 << 20

// ErrDecompressionLimit is returned (wrapped, with the figures) when a
// compressed input expands past MaxDecompressedBytes or
// MaxCompressionRatio.
var ErrDecompressionLimit = errors.New("decompression limit exceeded")

// decompress returns r decompressed (gzip or bzip2, told by their magic
// bytes) and a function giving the limit error once one was passed.
func decompress(r io.Reader) (*bufio.Reader, func() error, error) {
	in := &countingReader{r: r}
	br := bufio.NewReaderSize(in, 1<<16)
	magic, _ := br.Peek(3)
	var b *boundedReader
	switch {
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, fmt.Errorf("gzip: %w", err)
		}
		b = &boundedReader{r: zr, in: in, format: "gzip"}
	case bytes.Equal(magic, []byte("BZh")):
		b = &boundedReader{r: bzip2.NewReader(br), in: in, format: "bzip2"}
	default:
		return br, func() error { return nil }, nil
	}
	return bufio.NewReaderSize(b, 1<<16), func() error { return b.err }, nil
}

// countingReader counts the compressed bytes read.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// boundedReader passes decompressed bytes through until a limit is passed,
// then fails every read.
type boundedReader struct {
	r      io.Reader
	in     *countingReader
	format string
	out    int64
	err    error
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	b.out += int64(n)
	switch {
	case b.out > MaxDecompressedBytes:
		b.err = fmt.Errorf("%s: %w: over %d bytes decompressed (the limit)", b.format, ErrDecompressionLimit, MaxDecompressedBytes)
	case b.out >= minRatioCheckBytes && b.out > MaxCompressionRatio*max(b.in.n, 1):
		b.err = fmt.Errorf("%s: %w: %d compressed bytes expanded to over %d (more than %d times; a compression bomb?)", b.format, ErrDecompressionLimit, b.in.n, b.out, MaxCompressionRatio)
	}
	if b.err != nil {
		return 0, b.err
	}
	return n, err
}
