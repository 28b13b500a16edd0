package kb

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A gzip or bzip2 bomb stops with ErrDecompressionLimit at the ratio
// limit, long before its full size; a real compressed knowledge base is
// read.
func TestDecompressionIsBounded(t *testing.T) {
	zeros := make([]byte, 64<<20) // 64 MiB of zeros: 65 KB of gzip, ratio ~1000
	bombs := map[string][]byte{"gzip": gzipped(t, zeros)}
	if _, err := exec.LookPath("bzip2"); err == nil {
		cmd := exec.Command("bzip2", "-9", "-c")
		cmd.Stdin = bytes.NewReader(zeros)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		bombs["bzip2"] = out
	} else {
		t.Log("bzip2 not installed: only the gzip bomb is tried")
	}
	for name, bomb := range bombs {
		_, _, err := Import(bytes.NewReader(bomb), FormatAuto)
		if !errors.Is(err, ErrDecompressionLimit) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s bomb (%d bytes): got %v, want ErrDecompressionLimit naming %s", name, len(bomb), err, name)
		}
	}

	// The size limit applies whatever the ratio.
	defer func(old int64) { MaxDecompressedBytes = old }(MaxDecompressedBytes)
	MaxDecompressedBytes = 1 << 20
	line := `{"name":"Jane Roe","role":"mayor","organization":"Springfield","country":"US","start":"2020-01-01","source":"test"}` + "\n"
	big := gzipped(t, []byte(strings.Repeat(line, (2<<20)/len(line))))
	if _, _, err := Import(bytes.NewReader(big), FormatAuto); !errors.Is(err, ErrDecompressionLimit) {
		t.Errorf("2 MiB over a 1 MiB limit: got %v", err)
	}
	recs, _, err := Import(bytes.NewReader(gzipped(t, []byte(strings.Repeat(line, 100)))), FormatAuto)
	if err != nil || len(recs) != 100 {
		t.Errorf("small gzip knowledge base: %d records, %v", len(recs), err)
	}
}

// kb import writes nothing when its input is a bomb.
func TestImportFileBombLeavesNoOutput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bomb.jsonl.gz")
	if err := os.WriteFile(p, gzipped(t, make([]byte, 64<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, _, err := ImportFile(p, FormatAuto)
	if !errors.Is(err, ErrDecompressionLimit) || !strings.HasPrefix(err.Error(), p+": ") || recs != nil {
		t.Errorf("got %d records, %v; want none and an error naming %s", len(recs), err, p)
	}
}
